/* tally.h: per contact, what the records of a window add up to; shared
 * by rel-score, rel-overdue and rel-report so nothing is counted twice */
#ifndef TALLY_H
#define TALLY_H

#include <stddef.h>
#include "book.h"
#include "money.h"
#include "vocab.h"

#define RECENT_MAX 5
#define SPARK_MONTHS 12

struct recent {
	int day;
	enum kind kind;
	const char *file;
	long line;
	char title[72];
};

struct feedback {
	int day;
	int score;		/* -1 if none given */
	const char *file;
	long line;
};

/* What a piece of evidence bears on, for --explain. */
enum ev_kind { EV_STOOD_UP, EV_THEIR_BUMP, EV_PROMISE, EV_THEIR_PROMISE,
    EV_ISSUE, EV_REQUEST, EV_FEEDBACK, EV_RATE, EV_DEAL,
    EV__DROPPED };	/* a repeat, while pooling */

struct evidence {
	enum ev_kind kind;
	const char *file;
	long line;
	int day;
	char what[160];
};

/* What only a report shows: kept when the window asks for detail, so that
 * the tallies of rel-score and rel-overdue stay small. */
struct tally_detail {
	/* what each interaction touches, in one cache line */
	int months[SPARK_MONTHS];	/* held interactions, oldest first */
	unsigned nrecent, oldest;	/* recent[] is a ring from oldest: */
	struct recent recent[RECENT_MAX];	/* tally_recent() reads it */
	struct feedback *feedback;
	size_t nfeedback, feedbackcap;
};

/* What a roll-up adds up (tally_pool()): a fact that names several of the
 * contacts pooled counts once. */
#define TALLY_COUNTS(X) \
	X(int, interactions) X(int, give) X(int, ask) X(int, mutual) \
	X(int, stood_up_by_us)	/* bumped, cancelled or no-show, by us */ \
	X(int, bumped_by_them)	/* bumped, shortened, cancelled, no-show */ \
	X(long, planned_minutes) X(long, actual_minutes) \
	X(int, deals) X(int, referrals) \
	X(int, fb_count)	/* feedback entries */ \
	X(int, fb_scored) X(int, fb_sum)	/* with a score, their sum */ \
	X(int, ours_due) X(int, ours_on_time)	/* promises come due */ \
	X(int, theirs_due) X(int, theirs_on_time) \
	X(int, issues) X(int, issues_open) X(int, issues_told) \
	X(long, lag_sum)	/* days from learned to told, told issues */ \
	X(double, h_sum)	/* per-issue honesty terms */ \
	X(int, requests) X(int, requests_open) X(int, answered) \
	X(long, response_sum)	/* days from asked to answered */ \
	X(double, m_sum) X(int, m_n)	/* per-request responsiveness */

struct counts {
#define COUNT_FIELD(type, name) type name;
	TALLY_COUNTS(COUNT_FIELD)
#undef COUNT_FIELD
};

/* The latest record of a sort: a day and where it was written. */
struct latest {
	const char *file;
	long line;
	int day;		/* or NO_DATE */
};

struct share_part;

struct tally {
	/* what most records touch, first, in one cache line (up to
	 * n.mutual): in a long journal a record's tally is seldom in the
	 * cache */
	struct contact *c;	/* NULL until the tally is first used */
	struct latest held;	/* the last held interaction */
	struct tally_detail *d;	/* for rel-report only, else NULL */
	int first_day;		/* first dated record, or NO_DATE */
	int keep_evidence;
	struct counts n;	/* in the window */
	struct latest fed;	/* the last feedback */
	/* with its members' (orgs), by tally_finish(); else its own */
	struct latest held_org, fed_org;
	struct contact *org;	/* the contact its org: names, or NULL */
	int rated[NDIMS];	/* latest rate, 1..5, or 0 */
	int rated_day[NDIMS];
	struct money money;	/* deal amounts, by currency */
	struct latest snooze;	/* the last snooze entry of the contact */
	int snooze_until;	/* its until:, or NO_DATE */
	struct share_part *shares;	/* facts it shares with others */
	unsigned pool_mark;	/* tally_pool()'s */
	struct evidence *ev;
	size_t nev, evcap;
};

struct window {
	int since, until;	/* NO_DATE: open */
	int today;		/* the day the measures are taken */
	int detail;		/* keep struct tally_detail (rel-report) */
	int pools;		/* keep what roll-ups need (tally_pool()) */
};

void tally_init(const struct window *, struct read_opts *);
record_fn tally_record;
void tally_ref(const struct ref *, void *ctx);
void tally_finish(void);
struct tally *tally_of(const struct contact *);
struct tally *tally_pool(const struct contact *as,
    struct contact *const *members, size_t n);
void tally_pool_free(struct tally *);
const struct recent *tally_recent(const struct tally *, size_t i);
void tally_keep_evidence(const char *contact_id);
void tally_add_evidence(struct tally *, enum ev_kind, const char *file,
    long line, int day, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
struct tally **tally_by_org(size_t *n);
void tally_rows_free(struct tally **, size_t n);
size_t tally_members(const struct contact *org, struct contact ***members);
void tally_free(void);

/* A score or a term of one, between 0 and 100 (rel-score(1)). */
static inline double
clamp100(double x)
{
	return x < 0 ? 0 : x > 100 ? 100 : x;
}

#endif
