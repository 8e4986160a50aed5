/* overdue.h: what needs doing now, as rel-overdue(1) defines it. */
#ifndef OVERDUE_H
#define OVERDUE_H

#include <stdio.h>

#include "book.h"
#include "date.h"
#include "util.h"

struct selection;

enum item_kind { IT_CONTACT, IT_PROMISE, IT_ISSUE, IT_REQUEST, IT_FEEDBACK,
    IT_DATE, IT__COUNT };

/* One fact to act on: one contact's, an org's and its members' for the
 * same reason, or one ref's, whatever the contacts it names. */
struct item {
	enum item_kind kind;
	int upcoming;		/* not due yet, but within --within */
	int due;		/* the day it fell or falls due */
	int late_from;		/* the day it is late from: due, or past a
				 * cadence's limit (rel-journal(5)) */
	int late;		/* days past late_from (negative: to go) */
	double urgency;		/* late / period */
	int period;		/* the item's period, in days */
	const struct contact **who;	/* its contacts, orgs before members */
	size_t nwho;
	const struct ref *ref;	/* promises, issues, requests */
	char *owners;		/* its contacts' owners, "a,b", or NULL */
	char what[200];
	const char *file;
	long line;
	size_t seq;		/* order of discovery, to break ties */
};

struct overdue_opts {
	int today;
	int them;		/* also their promises to us */
	int within;		/* days ahead for upcoming items, or -1 */
	struct period within_p;
	unsigned kinds;		/* 1 << item_kind */
	const struct selection *select;	/* the items' contacts (select.h),
					 * their due days; or NULL */
};

struct item *overdue_items(const struct overdue_opts *, size_t *n);
void overdue_items_free(struct item *, size_t n);
size_t overdue_items_keep(struct item *, size_t n,
    int (*keep)(const struct item *, const void *), const void *ctx);
extern const char *const item_kind_names[IT__COUNT + 1];
const char *item_kind_name(enum item_kind);
void item_status(const struct item *, char *, size_t);
const char *item_state_name(const struct item *);
void item_urgency(const struct item *, char *, size_t);
void item_ratio(const struct item *, char *, size_t);
void item_who(const struct item *, struct buf *);
void item_what(const struct item *, int with_id, struct buf *);

#define OVERDUE_WIDTH 80	/* the columns the text fits, ids aside */
void overdue_write_text(FILE *, const struct item *, size_t, size_t indent,
    size_t width);

#endif
