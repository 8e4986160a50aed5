/* select.h: the one selection every tool that reads records takes
 * (select.c; rel(7), SELECTION) */
#ifndef SELECT_H
#define SELECT_H

#include <stddef.h>

#include "book.h"

/* The tests, each an option and its negation (--tag, --not-tag); those
 * of contacts first, up to SEL_TAG. */
enum select_test { SEL_CONTACT, SEL_ORG, SEL_OWNER, SEL_TAG, SEL_KIND,
    SEL_GREP, SEL__COUNT };

struct selection;

/* Reading the command line (cli.c): *sel is made on first use, so that a
 * run without a selection has none (NULL), and nothing to test. */
void select_add(struct selection **, enum select_test, int negated,
    const char *arg, const char *const *kinds);
void select_dates(struct selection **, int since, int until);
const char *const *select_record_kinds(void);
void select_free(struct selection *);

/* Records (rel-parse, a tool with TAKES_SELECT): rel_read_all() that
 * hands opts->fn only the records selected, then checks the names the
 * selection gives. */
int select_read(struct selection *, int argc, char **argv,
    struct read_opts *);

/* Contacts (rel-score, rel-overdue, rel-report), once the input is read:
 * the names checked, then what is selected.  A NULL selection selects
 * everything. */
void select_check(const struct selection *);
int select_contacts(const struct selection *, const struct contact *const *,
    size_t n);
int select_contact(const struct selection *, const struct contact *);
int select_names(const struct selection *, const struct contact *);
int select_day(const struct selection *, int day);
unsigned select_kinds(const struct selection *, unsigned all);
int select_has(const struct selection *, enum select_test);

#endif
