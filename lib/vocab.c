/* vocab.c: the words of rel-journal(5), each list in one table: the kinds
 * and what each needs, the attribute keys and the values they take, the
 * statuses, the outcomes of a meeting, the dimensions of respect and
 * trust, and the journal's options.  The readers, the formatter, every
 * message that lists or suggests words and the shell completion read
 * these tables, and tests/25-vocabulary.t holds the manual pages to them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "intern.h"
#include "money.h"
#include "util.h"
#include "vocab.h"

#define NAME(s) { s, sizeof(s) - 1 }
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct name {
	const char *s;
	size_t len;
};

static int
name_is(const struct name *name, const char *w, size_t n)
{
	return name->len == n && name->s[0] == w[0] &&
	    memcmp(name->s, w, n) == 0;
}

/* A word of a list of names, or -1. */
static int
name_index(const struct name *v, size_t n, const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (len > 0 && name_is(&v[i], w, len))
			return (int)i;
	return -1;
}

/* kinds */

enum { KF_INTERACTION = 1, KF_OPENS_REF = 2, KF_STATE = 4, KF_DIRECTIVE = 8 };

static const struct kindinfo {
	struct name name;
	unsigned flags;
	enum kind opener;	/* a follow-up's: the kind whose ref it names */
} kinds[K__COUNT] = {
	[K_NONE] = { NAME(""), 0, K_NONE },
	[K_MEETING] = { NAME("meeting"), KF_INTERACTION, K_NONE },
	[K_CALL] = { NAME("call"), KF_INTERACTION, K_NONE },
	[K_VISIT] = { NAME("visit"), KF_INTERACTION, K_NONE },
	[K_EMAIL] = { NAME("email"), KF_INTERACTION, K_NONE },
	[K_MESSAGE] = { NAME("message"), KF_INTERACTION, K_NONE },
	[K_NOTE] = { NAME("note"), 0, K_NONE },
	[K_PROMISE] = { NAME("promise"), KF_OPENS_REF, K_NONE },
	[K_KEPT] = { NAME("kept"), 0, K_PROMISE },
	[K_BROKEN] = { NAME("broken"), 0, K_PROMISE },
	[K_MOVED] = { NAME("moved"), 0, K_PROMISE },
	[K_ENDED] = { NAME("ended"), 0, K_PROMISE },
	[K_ISSUE] = { NAME("issue"), KF_OPENS_REF, K_NONE },
	[K_TOLD] = { NAME("told"), 0, K_ISSUE },
	[K_RESOLVED] = { NAME("resolved"), 0, K_ISSUE },
	[K_REQUEST] = { NAME("request"), KF_OPENS_REF, K_NONE },
	[K_ANSWERED] = { NAME("answered"), 0, K_REQUEST },
	[K_FEEDBACK] = { NAME("feedback"), 0, K_NONE },
	[K_DEAL] = { NAME("deal"), 0, K_NONE },
	[K_REFERRAL] = { NAME("referral"), 0, K_NONE },
	[K_RATE] = { NAME("rate"), 0, K_NONE },
	[K_STATUS] = { NAME("status"), KF_STATE, K_NONE },
	[K_SNOOZE] = { NAME("snooze"), 0, K_NONE },
	[K_CONTACT] = { NAME("contact"), KF_DIRECTIVE, K_NONE },
	[K_OPTION] = { NAME("option"), KF_DIRECTIVE, K_NONE },
};

/* What an entry of a kind must have, in the order it is checked, with an
 * example value for the message that says so. */
static const struct need needs[] = {
	{ K_PROMISE, "id", "an id to be followed up by", "quote-v2" },
	{ K_PROMISE, "due", "a due date", "2026-10-10" },
	{ K_ISSUE, "id", "an id to be followed up by", "export-fail" },
	{ K_REQUEST, "id", "an id to be followed up by", "req-17" },
	{ K_MOVED, "due", "the new due date", "2026-11-30" },
	{ K_RATE, NULL, "at least one of I: M: B: W: P: H: E:, each 1 to 5",
	    "4" },
	{ K_SNOOZE, "until", "the day the snooze ends", "2026-12-01" },
};

enum kind
kind_from_word(const char *w, size_t n)
{
	int k;

	for (k = K_MEETING; k < K__COUNT; k++)
		if (name_is(&kinds[k].name, w, n))
			return (enum kind)k;
	return K_NONE;
}

const char *
kind_name(enum kind k)
{
	return kinds[k].name.s;
}

int
kind_is_entry(enum kind k)
{
	return k != K_NONE && !(kinds[k].flags & KF_DIRECTIVE);
}

int
kind_is_interaction(enum kind k)
{
	return (kinds[k].flags & KF_INTERACTION) != 0;
}

int
kind_is_followup(enum kind k)
{
	return kinds[k].opener != K_NONE;
}

int
kind_opens_ref(enum kind k)
{
	return (kinds[k].flags & KF_OPENS_REF) != 0;
}

int
kind_takes_state(enum kind k)
{
	return (kinds[k].flags & KF_STATE) != 0;
}

enum kind
kind_opener_of(enum kind k)
{
	return kinds[k].opener;
}

/* The names of the kinds an entry may have, in the table's order; *n of
 * them, in a list that lives for the run. */
const char *const *
kind_entry_names(size_t *n)
{
	static const char *names[K__COUNT];
	static size_t count;
	int k;

	if (count == 0)
		for (k = 0; k < K__COUNT; k++)
			if (kind_is_entry((enum kind)k))
				names[count++] = kinds[k].name.s;
	*n = count;
	return names;
}

/* "kept, broken or moved": the follow-ups of an opening kind. */
void
kind_followups(struct buf *b, enum kind opener)
{
	const char *names[K__COUNT];
	size_t n = 0;
	int k;

	for (k = 0; k < K__COUNT; k++)
		if (kinds[k].opener == opener)
			names[n++] = kinds[k].name.s;
	words_join(b, names, n, "or");
}

/* The needs of kind k: *n of them, in the order they are checked.  Each
 * entry asks, so they are found once, by kind. */
const struct need *
kind_needs(enum kind k, size_t *n)
{
	static unsigned char first[K__COUNT], count[K__COUNT], ready;
	size_t i;

	if (!ready) {
		for (i = COUNT(needs); i-- > 0;) {
			first[needs[i].kind] = (unsigned char)i;
			count[needs[i].kind]++;
		}
		ready = 1;
	}
	*n = count[k];
	return needs + first[k];
}

/* statuses, outcomes and the other lists of values */

static const char *const status_words[ST__COUNT] = {
	"active", "paused", "ended",
};
static const char *const outcome_words[OUT__COUNT] = {
	"held", "shortened", "bumped", "cancelled", "no-show",
};
static const char *const by_words[] = { "us", "them" };
static const char *const purpose_words[] = { "give", "ask", "mutual" };
static const char *const yes_no[] = { "yes", "no" };

static int
word_index(const char *const *v, size_t n, const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(v[i]) == len && memcmp(v[i], w, len) == 0)
			return (int)i;
	return -1;
}

const char *
status_name(enum status s)
{
	return status_words[s];
}

/* The status (enum status) that w names, or -1. */
int
status_from_word(const char *w, size_t n)
{
	return word_index(status_words, ST__COUNT, w, n);
}

const char *const *
status_names(size_t *n)
{
	*n = ST__COUNT;
	return status_words;
}

static struct buf statuses;	/* status_list()'s */

/* "active, paused or ended", for messages */
const char *
status_list(void)
{
	if (statuses.len == 0)
		words_join(&statuses, status_words, ST__COUNT, "or");
	return statuses.s;
}

void
vocab_free(void)
{
	buf_free(&statuses);
}

/* rel-score(1): bumped, cancelled or no-show leave the other side without
 * the meeting: it was not held. */
int
outcome_stands_up(const char *outcome)
{
	int i = outcome ? word_index(outcome_words, OUT__COUNT, outcome,
	    strlen(outcome)) : -1;

	return i == OUT_BUMPED || i == OUT_CANCELLED || i == OUT_NO_SHOW;
}

/* dimensions */

static const struct diminfo {
	char letter;
	const char *name;
	int trust;		/* a part of trust, else of respect */
} dims[NDIMS] = {
	[D_I] = { 'I', "intelligence", 0 }, [D_M] = { 'M', "morality", 0 },
	[D_B] = { 'B', "balance", 0 }, [D_W] = { 'W', "work ethic", 0 },
	[D_P] = { 'P', "positivity", 0 }, [D_H] = { 'H', "honesty", 1 },
	[D_E] = { 'E', "ethics", 1 },
};

char
dim_letter(enum dim d)
{
	return dims[d].letter;
}

const char *
dim_name(enum dim d)
{
	return dims[d].name;
}

int
dim_in_trust(enum dim d)
{
	return dims[d].trust;
}

/* The dimension whose letter is c, or -1. */
int
dim_of_letter(char c)
{
	int i;

	for (i = 0; i < NDIMS; i++)
		if (dims[i].letter == c)
			return i;
	return -1;
}

/* attribute keys */

/* What kind of value each known key takes. */
enum vtype { V_FREE, V_DATE, V_PERIOD, V_CADENCE, V_EVERY, V_YEARLY,
    V_DURATION, V_ENUM, V_INT, V_AMOUNT, V_CURRENCY, V_ID };

struct keyinfo {
	struct name key;
	enum vtype type;
	const char *const *choices;	/* V_ENUM */
	size_t nchoices;
	int lo, hi;			/* V_INT */
};

#define ENUM(v) V_ENUM, v, COUNT(v), 0, 0
#define TYPE(t) t, NULL, 0, 0, 0
#define DIM(c) { { c, 1 }, V_INT, NULL, 0, 1, 5 }

static const struct keyinfo keys[] = {
	{ NAME("id"), TYPE(V_ID) },
	{ NAME("due"), TYPE(V_DATE) },
	{ NAME("learned"), TYPE(V_DATE) },
	{ NAME("until"), TYPE(V_DATE) },
	{ NAME("since"), TYPE(V_DATE) },
	{ NAME("cadence"), TYPE(V_CADENCE) },
	{ NAME("sla"), TYPE(V_PERIOD) },
	{ NAME("feedback-every"), TYPE(V_PERIOD) },
	{ NAME("every"), TYPE(V_EVERY) },
	{ NAME("planned"), TYPE(V_DURATION) },
	{ NAME("actual"), TYPE(V_DURATION) },
	{ NAME("outcome"), ENUM(outcome_words) },
	{ NAME("by"), ENUM(by_words) },
	{ NAME("purpose"), ENUM(purpose_words) },
	{ NAME("ours"), ENUM(yes_no) },
	{ NAME("status"), ENUM(status_words) },
	{ NAME("severity"), TYPE(V_FREE) },
	{ NAME("score"), V_INT, NULL, 0, 0, 10 },
	{ NAME("amount"), TYPE(V_AMOUNT) },
	{ NAME("currency"), TYPE(V_CURRENCY) },
	{ NAME("to"), TYPE(V_ID) },
	DIM("I"), DIM("M"), DIM("B"), DIM("W"), DIM("P"), DIM("H"), DIM("E"),
	/* contact keys */
	{ NAME("kind"), TYPE(V_FREE) },
	{ NAME("org"), TYPE(V_ID) },
	{ NAME("owner"), TYPE(V_FREE) },
	{ NAME("tier"), TYPE(V_FREE) },
	{ NAME("birthday"), TYPE(V_YEARLY) },
	{ NAME("anniversary"), TYPE(V_YEARLY) },
	{ NAME("expects"), TYPE(V_FREE) },
	{ NAME("likes"), TYPE(V_FREE) },
};
#define NKEYS COUNT(keys)

const struct keyinfo *
key_lookup(const char *key, size_t len)
{
	size_t k;

	for (k = 0; k < NKEYS; k++)
		if (name_is(&keys[k].key, key, len))
			return &keys[k];
	return NULL;
}

/* The values a key takes, if it takes a word of a list; else NULL. */
const char *const *
key_choices(const struct keyinfo *k, size_t *n)
{
	*n = k && k->type == V_ENUM ? k->nchoices : 0;
	return *n ? k->choices : NULL;
}

int
key_takes_date(const struct keyinfo *k)
{
	return k && k->type == V_DATE;
}

/* every: (a promise's only) */
int
key_makes_series(const struct keyinfo *k)
{
	return k && k->type == V_EVERY;
}

const char *
key_name(const struct keyinfo *k)
{
	return k->key.s;
}

/* The names of the format's keys, rating letters last: *n of them. */
const char *const *
key_names(size_t *n)
{
	static const char *names[NKEYS];
	size_t i;

	for (i = 0; i < NKEYS; i++)
		names[i] = keys[i].key.s;
	*n = NKEYS;
	return names;
}

/* The keys a journal declares (option keys) are marked in the table of
 * names, so that a look-up costs the same however many there are. */
void
key_declare(const char *interned)
{
	sym_of(interned)->declared_key = 1;
}

int
key_is_declared(const char *key, size_t len)
{
	struct sym *sym = sym_find(key, len);

	return sym && sym->declared_key;
}

/* Keys that the journal declares yearly (option yearly), besides the
 * format's birthday: and anniversary:, each a declared key too. */
int
key_is_yearly(const char *key, size_t len)
{
	const struct keyinfo *k = key_lookup(key, len);
	struct sym *sym;

	if (k)
		return k->type == V_YEARLY;
	return (sym = sym_find(key, len)) && sym->yearly_key;
}

/* option keys KEY[,KEY...], or with yearly, option yearly KEY[,KEY...]:
 * checked already. */
static void
declare_list(const char *val, size_t n, int yearly)
{
	const char *comma;
	size_t k;

	for (;;) {
		comma = memchr(val, ',', n);
		k = comma ? (size_t)(comma - val) : n;
		key_declare(intern(val, k));
		if (yearly)
			sym_of(intern(val, k))->yearly_key = 1;
		if (comma == NULL)
			return;
		n -= k + 1;
		val = comma + 1;
	}
}

void
keys_declare_list(const char *val, size_t n)
{
	declare_list(val, n, 0);
}

void
yearly_declare_list(const char *val, size_t n)
{
	declare_list(val, n, 1);
}

/* rel-journal(5), format 1.1: key:value on an entry or contact line is an
 * attribute when the format defines its key (the rating letters on rate
 * entries only) or the journal declares it.  *info is the key's entry in
 * the table, or NULL for a declared key. */
int
key_is_attribute(const char *key, size_t len, enum kind kind,
    const struct keyinfo **info)
{
	const struct keyinfo *k = key_lookup(key, len);

	*info = k;
	if (k)
		return len > 1 || kind == K_RATE;
	return key_is_declared(key, len);
}

const char *
key_closest(const char *key, size_t len)
{
	size_t n;
	const char *const *names = key_names(&n);

	return closest_word(key, len, names, n);
}

/* "outcome:x is not valid: outcome takes held, ... or no-show; did you
 * mean outcome:held?" */
static void
enum_message(const struct keyinfo *k, const char *val, char *why, size_t n)
{
	struct buf list = { 0 };
	const char *near = closest_word(val, strlen(val), k->choices,
	    k->nchoices);

	words_join(&list, k->choices, k->nchoices, "or");
	snprintf(why, n, "%s:%s is not valid: %s takes %s%s%s%s%s%s", k->key.s,
	    val, k->key.s, list.s, near ? "; did you mean " : "", near ?
	    k->key.s : "", near ? ":" : "", near ? near : "", near ? "?" : "");
	buf_free(&list);
}

static int
int_in(const char *s, int lo, int hi, int *out)
{
	long v = 0;
	const char *p = s;

	if (*p == '\0')
		return 0;
	for (; *p; p++) {
		if (*p < '0' || *p > '9' || v > 1000)
			return 0;
		v = v * 10 + (*p - '0');
	}
	*out = (int)v;
	return v >= lo && v <= hi;
}

static int
is_currency(const char *s)
{
	return strlen(s) == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
	    s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z';
}

/* NULL if val suits key, whose entry in the table is k; else a message in
 * why.  Keys the format does not define (k NULL) take any value. */
const char *
key_value_check(const struct keyinfo *k, const char *key, const char *val,
    char *why, size_t whysize)
{
	const char *reason;
	struct amount amount;
	struct cadence cad;
	struct yearly yd;
	struct period p = { 0, 'd' };
	int n;

	if (k == NULL)
		return NULL;
	switch (k->type) {
	case V_FREE:
		return NULL;
	case V_DATE:
		if (date_parse(val, strlen(val), &n, &reason) == 0)
			return NULL;
		snprintf(why, whysize, "%s:%s is not a date: %s", key, val, reason);
		return why;
	case V_PERIOD:
		if (period_parse(val, strlen(val), &p, &reason) == 0)
			return NULL;
		snprintf(why, whysize, "%s:%s is not a period: %s", key, val, reason);
		return why;
	case V_EVERY:
		if (period_parse(val, strlen(val), &p, &reason) == 0 && p.n > 0)
			return NULL;
		snprintf(why, whysize, "%s:%s is not a period: %s", key, val,
		    p.n == 0 && period_parse(val, strlen(val), &p, &reason) == 0 ?
		    "a promise cannot repeat every 0 days" : reason);
		return why;
	case V_CADENCE:
		if (cadence_parse(val, strlen(val), &cad, &reason) == 0)
			return NULL;
		snprintf(why, whysize, "%s:%s is not a %s: %s", key, val,
		    strstr(val, "..") ? "cadence" : "period", reason);
		return why;
	case V_YEARLY:
		if (yearly_parse(val, strlen(val), &yd, &reason) == 0)
			return NULL;
		snprintf(why, whysize, "%s:%s is not a yearly date: %s", key, val,
		    reason);
		return why;
	case V_DURATION:
		if (duration_parse(val, strlen(val), &n, &reason) == 0)
			return NULL;
		snprintf(why, whysize, "%s:%s is not a duration: %s", key, val,
		    reason);
		return why;
	case V_ENUM:
		if (word_index(k->choices, k->nchoices, val, strlen(val)) >= 0)
			return NULL;
		enum_message(k, val, why, whysize);
		return why;
	case V_INT:
		if (int_in(val, k->lo, k->hi, &n))
			return NULL;
		snprintf(why, whysize, "%s:%s is %s: %s takes a whole number from "
		    "%d to %d", key, val, val[strspn(val, "0123456789")] ?
		    "not a whole number" : "out of range", key, k->lo, k->hi);
		return why;
	case V_AMOUNT:
		if (amount_parse(val, &amount, &reason) == 0)
			return NULL;
		snprintf(why, whysize, "%s:%s is not an amount: %s", key, val,
		    reason);
		return why;
	case V_CURRENCY:
		if (is_currency(val))
			return NULL;
		snprintf(why, whysize, "%s:%s is not a currency code: write three "
		    "capital letters such as EUR", key, val);
		return why;
	case V_ID:
		if (id_is_valid(val, strlen(val)))
			return NULL;
		snprintf(why, whysize, "%s:%s is not a valid id: " ID_RULE, key,
		    val);
		return why;
	}
	return NULL;
}

/* the journal's options */

static const struct name journal_options[JO__COUNT] = {
	[JO_DEFAULT_CADENCE] = NAME("default-cadence"),
	[JO_FEEDBACK_EVERY] = NAME("feedback-every"),
	[JO_DEFAULT_SLA] = NAME("default-sla"),
	[JO_CURRENCY] = NAME("currency"),
	[JO_KEYS] = NAME("keys"),
	[JO_TIER] = NAME("tier"),
	[JO_YEARLY] = NAME("yearly"),
};

/* The option (enum jopt) that w names, or -1. */
int
journal_option_from_word(const char *w, size_t n)
{
	return name_index(journal_options, JO__COUNT, w, n);
}

const char *const *
journal_option_names(size_t *n)
{
	static const char *names[JO__COUNT];
	int i;

	for (i = 0; i < JO__COUNT; i++)
		names[i] = journal_options[i].s;
	*n = JO__COUNT;
	return names;
}

/* ids and words */

int
id_is_valid(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') ||
		    (i > 0 && (c == '.' || c == '_' || c == '-'));
		if (!ok)
			return 0;
	}
	return 1;
}

/* The article for a kind's name in a message: "an issue", "a promise". */
const char *
a_or_an(const char *word)
{
	return strchr("aeiou", word[0]) ? "an" : "a";
}
