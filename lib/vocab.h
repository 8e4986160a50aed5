/* vocab.h: the words of rel-journal(5), each list in one table (vocab.c):
 * kinds, attribute keys and their values, statuses, outcomes, the
 * dimensions of respect and trust, the journal's options. */
#ifndef VOCAB_H
#define VOCAB_H

#include <stddef.h>

#include "util.h"

enum kind {
	K_NONE,
	K_MEETING, K_CALL, K_VISIT, K_EMAIL, K_MESSAGE,
	K_NOTE,
	K_PROMISE, K_KEPT, K_BROKEN, K_MOVED, K_ENDED,
	K_ISSUE, K_TOLD, K_RESOLVED,
	K_REQUEST, K_ANSWERED,
	K_FEEDBACK, K_DEAL, K_REFERRAL, K_RATE, K_STATUS, K_SNOOZE,
	K_CONTACT, K_OPTION,
	K__COUNT
};

enum kind kind_from_word(const char *, size_t);
const char *kind_name(enum kind);
int kind_is_entry(enum kind);
int kind_is_interaction(enum kind);
int kind_is_followup(enum kind);
int kind_opens_ref(enum kind);
int kind_takes_state(enum kind);
enum kind kind_opener_of(enum kind followup);
const char *const *kind_entry_names(size_t *n);
void kind_followups(struct buf *, enum kind opener);

/* What an entry of a kind must have: the attribute (NULL: any of the
 * rating letters), what the message calls it, and an example value. */
struct need {
	enum kind kind;
	const char *key;
	const char *what;
	const char *example;
};
const struct need *kind_needs(enum kind, size_t *n);

enum status { ST_ACTIVE, ST_PAUSED, ST_ENDED, ST__COUNT };
const char *status_name(enum status);
int status_from_word(const char *, size_t);
const char *const *status_names(size_t *n);
const char *status_list(void);
void vocab_free(void);

enum outcome { OUT_HELD, OUT_SHORTENED, OUT_BUMPED, OUT_CANCELLED,
    OUT_NO_SHOW, OUT__COUNT };
int outcome_stands_up(const char *outcome);

#define NDIMS 7
enum dim { D_I, D_M, D_B, D_W, D_P, D_H, D_E };
char dim_letter(enum dim);
const char *dim_name(enum dim);
int dim_in_trust(enum dim);
int dim_of_letter(char);

struct keyinfo;
const struct keyinfo *key_lookup(const char *key, size_t len);
const char *key_name(const struct keyinfo *);
const char *const *key_choices(const struct keyinfo *, size_t *n);
int key_takes_date(const struct keyinfo *);
int key_makes_series(const struct keyinfo *);
int key_is_yearly(const char *key, size_t len);
void yearly_declare_list(const char *, size_t);
const char *const *key_names(size_t *n);
int key_is_attribute(const char *key, size_t len, enum kind,
    const struct keyinfo **info);
void key_declare(const char *interned);
void keys_declare_list(const char *, size_t);
int key_is_declared(const char *key, size_t len);
const char *key_closest(const char *key, size_t len);
const char *key_value_check(const struct keyinfo *, const char *key,
    const char *val, char *why, size_t whysize);

enum jopt { JO_DEFAULT_CADENCE, JO_FEEDBACK_EVERY, JO_DEFAULT_SLA,
    JO_CURRENCY, JO_KEYS, JO_TIER, JO_YEARLY, JO__COUNT };
int journal_option_from_word(const char *, size_t);
const char *const *journal_option_names(size_t *n);

int id_is_valid(const char *, size_t);
const char *a_or_an(const char *word);
#define ID_RULE "ids are letters, digits, '.', '_' and '-', starting with " \
    "a letter or digit"

#endif
