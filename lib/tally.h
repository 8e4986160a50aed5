/* tally.h: per contact, what the records of a window add up to; shared
 * by rel-score, rel-overdue and rel-report so nothing is counted twice */
#ifndef TALLY_H
#define TALLY_H

#include <stddef.h>
#include "book.h"
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
    EV_ISSUE, EV_REQUEST, EV_FEEDBACK, EV_RATE, EV_DEAL };

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
	int months_org[SPARK_MONTHS];	/* with its members' (orgs) */
	struct feedback *feedback;
	size_t nfeedback, feedbackcap;
};

struct tally {
	/* what most records touch, first, in one cache line (up to d): in
	 * a long journal a record's tally is seldom in the cache */
	struct contact *c;	/* NULL until the tally is first used */
	int first_day;		/* first dated record, or NO_DATE */
	int last_held;		/* last held interaction, or NO_DATE */
	const char *last_file;
	long last_line;
	int interactions, give, ask, mutual;
	int last_feedback;	/* or NO_DATE */
	int keep_evidence;
	struct tally_detail *d;	/* for rel-report only, else NULL */
	int stood_up_by_us;	/* bumped, cancelled or no-show, by us */
	int bumped_by_them;	/* bumped, shortened, cancelled or no-show */
	int deals;
	int referrals;
	int fb_count;		/* feedback entries */
	int fb_scored, fb_sum;	/* feedback with a score, and their sum */
	struct contact *org;	/* the contact its org: names, or NULL */
	int last_held_org;	/* with its members' (orgs), else last_held */
	const char *last_org_file;
	long last_org_line;
	int last_feedback_org;
	int rated[NDIMS];	/* latest rate, 1..5, or 0 */
	int rated_day[NDIMS];
	/* from the refs, by tally_refs() */
	int ours_due, ours_on_time;	/* promises by us come due */
	int theirs_due, theirs_on_time;
	int issues, issues_open, issues_told;
	long lag_sum;		/* days from learned to told, told issues */
	double h_sum;		/* per-issue honesty terms */
	int requests, requests_open, answered;
	long response_sum;	/* days from asked to answered */
	double m_sum;		/* per-request responsiveness terms */
	int m_n;
	struct evidence *ev;
	size_t nev, evcap;
};

struct window {
	int since, until;	/* NO_DATE: open */
	int today;		/* the day the measures are taken */
	int detail;		/* keep struct tally_detail (rel-report) */
};

void tally_init(const struct window *, struct read_opts *);
record_fn tally_record;
void tally_ref(const struct ref *, void *ctx);
void tally_finish(void);
void tally_merge(struct tally *into, const struct tally *from);
struct tally *tally_of(const struct contact *);
const struct recent *tally_recent(const struct tally *, size_t i);
void tally_keep_evidence(const char *contact_id);
void tally_add_evidence(struct tally *, enum ev_kind, const char *file,
    long line, int day, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
struct tally **tally_by_org(size_t *n);
void tally_rows_free(struct tally **, size_t n);
void tally_free(void);

/* A score or a term of one, between 0 and 100 (rel-score(1)). */
static inline double
clamp100(double x)
{
	return x < 0 ? 0 : x > 100 ? 100 : x;
}

#endif
