/* tally.c: per contact, what the records in a window add up to.  One pass:
 * each record updates its contact's counters; a ref (promise, issue,
 * request) counts when the book is done with it (its ref_done hook), or at
 * the end for one still open, when its life cycle is known.  rel-score,
 * rel-overdue and rel-report all read these tallies.
 *
 * A roll-up (tally_pool(): an org with its members, a report's summary)
 * adds tallies up and counts each fact once: an entry, or a ref, that
 * names several contacts is one record for each, so what it added to each
 * is also kept per set of contacts named together (struct share), and
 * taken off again for every pooled contact of the set but the first. */
#include <assert.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "intern.h"
#include "tally.h"

/* A tally lives in the room after its contact, which is 8-byte aligned
 * and (on LP64) starts a cache line: what most records touch, up to d,
 * fits in that line.  Its detail, if kept, follows on a line of its own. */
#define DETAIL_AT ((sizeof(struct tally) + 63) & ~(size_t)63)
_Static_assert(_Alignof(struct tally) <= _Alignof(uint64_t),
    "struct tally needs more alignment than struct contact's room");
_Static_assert(offsetof(struct tally, n.mutual) + sizeof(int) <= 64,
    "the fields of struct tally that most records touch outgrow a line");
_Static_assert(offsetof(struct tally_detail, recent) <= 64,
    "the fields of struct tally_detail each interaction touches outgrow a "
    "line");

static struct window win;
static int tallying;			/* tally_init() was called */
static const char *evidence_for;	/* interned id, or NULL */
static int evidence_all;		/* every contact's (--by org) */

/* What the facts that name one set of contacts added to each of them. */
struct share_part {
	struct share *set;
	struct share_part *next;	/* the next of the same contact's */
	struct contact *c;
	struct counts n;
	int months[SPARK_MONTHS];
	struct money money;
};

struct share {
	struct share *next;	/* in its hash chain */
	uint64_t hash;
	unsigned mark;		/* tally_pool()'s */
	size_t n;
	struct share_part part[];	/* by contact index */
};

static struct {
	struct share **v;	/* chains, by hash */
	size_t nbuckets, n;
	/* the last record's set: each of its contacts looks it up in turn */
	const void *ids;
	const char *file;
	long line;
	struct share *last;
	struct contact **cs;	/* room to sort a set's contacts in */
	size_t cscap;
} shares;

/* Each contact's members (tally_members()): itself first, then every
 * contact whose chain of org: passes through it; at off[i] in v. */
static struct {
	struct contact **v;
	size_t *off;
	size_t n;
} members;

static unsigned pool_mark;

/* Sets up the tallies of the window and the options that read records
 * into them: every contact gets room for its tally, and contact blocks are
 * kept for cadence:, org: and the rest. */
void
tally_init(const struct window *w, struct read_opts *opts)
{
	win = *w;
	tallying = 1;
	opts->fn = tally_record;
	opts->ref_done = tally_ref;
	opts->today = w->today;
	opts->keep_contact_blocks = 1;
	opts->contact_room = w->detail ? DETAIL_AT +
	    sizeof(struct tally_detail) : sizeof(struct tally);
}

void
tally_keep_evidence(const char *id)
{
	evidence_for = id ? intern(id, strlen(id)) : NULL;
	evidence_all = id == NULL;
}

static void
latest_none(struct latest *l)
{
	l->file = NULL;
	l->line = 0;
	l->day = NO_DATE;
}

/* Whether l is before what was written at file:line on day. */
static int
latest_before(const struct latest *l, int day)
{
	return l->day == NO_DATE || day >= l->day;
}

/* The contact's tally, set up on first use, in the room the book keeps
 * after each contact (read_opts.contact_room): a record reaches it from
 * its contact's sym without a load in between, which counts once the
 * contacts of a long journal no longer fit the caches. */
struct tally *
tally_of(const struct contact *c)
{
	struct tally *t = (struct tally *)(void *)c->room;

	if (t->c)
		return t;
	t->c = (struct contact *)c;
	t->first_day = NO_DATE;
	latest_none(&t->held);
	latest_none(&t->fed);
	latest_none(&t->held_org);
	latest_none(&t->fed_org);
	latest_none(&t->snooze);
	t->snooze_until = NO_DATE;
	t->keep_evidence = evidence_all || c->id == evidence_for;
	if (win.detail)
		t->d = (struct tally_detail *)(void *)((char *)t + DETAIL_AT);
	return t;
}

void
tally_add_evidence(struct tally *t, enum ev_kind kind, const char *file,
    long line, int day, const char *fmt, ...)
{
	struct evidence *e;
	va_list ap;

	if (!t->keep_evidence)
		return;
	if (t->nev == t->evcap) {
		t->evcap = t->evcap ? t->evcap * 2 : 16;
		t->ev = xreallocarray(t->ev, t->evcap, sizeof(*t->ev));
	}
	e = &t->ev[t->nev++];
	e->kind = kind;
	e->file = file;
	e->line = line;
	e->day = day;
	va_start(ap, fmt);
	vsnprintf(e->what, sizeof(e->what), fmt, ap);
	va_end(ap);
}

static int
in_window(int day)
{
	return (win.since == NO_DATE || day >= win.since) &&
	    (win.until == NO_DATE || day <= win.until);
}

/* counts */

static void
counts_add(struct counts *into, const struct counts *from, int sign)
{
#define ADD(type, name) into->name += (type)sign * from->name;
	TALLY_COUNTS(ADD)
#undef ADD
}

/* into += after - before */
static void
counts_add_change(struct counts *into, const struct counts *after,
    const struct counts *before)
{
#define CHANGE(type, name) into->name += after->name - before->name;
	TALLY_COUNTS(CHANGE)
#undef CHANGE
}

/* shared facts */

static int
by_index(const void *a, const void *b)
{
	const struct contact *x = *(struct contact *const *)a;
	const struct contact *y = *(struct contact *const *)b;

	return x->index < y->index ? -1 : x->index > y->index;
}

static void
shares_grow(void)
{
	struct share **v, *s, *next;
	size_t n = shares.nbuckets ? shares.nbuckets * 2 : 64, i;

	v = xcalloc(n, sizeof(*v));
	for (i = 0; i < shares.nbuckets; i++)
		for (s = shares.v[i]; s; s = next) {
			next = s->next;
			s->next = v[s->hash & (n - 1)];
			v[s->hash & (n - 1)] = s;
		}
	free(shares.v);
	shares.v = v;
	shares.nbuckets = n;
}

/* The set of the contacts cs[0..n) (sorted by index, no two alike),
 * made on first use. */
static struct share *
share_get(struct contact *const *cs, size_t n)
{
	uint64_t h = 1469598103934665603u;
	struct share *s;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ cs[i]->index) * 1099511628211u;
	if (shares.n >= shares.nbuckets)
		shares_grow();
	for (s = shares.v[h & (shares.nbuckets - 1)]; s; s = s->next) {
		if (s->hash != h || s->n != n)
			continue;
		for (i = 0; i < n && s->part[i].c == cs[i]; i++)
			;
		if (i == n)
			return s;
	}
	s = xcalloc(1, sizeof(*s) + n * sizeof(s->part[0]));
	s->hash = h;
	s->n = n;
	for (i = 0; i < n; i++) {
		struct tally *t = tally_of(cs[i]);
		s->part[i].set = s;
		s->part[i].c = cs[i];
		s->part[i].next = t->shares;
		t->shares = &s->part[i];
	}
	s->next = shares.v[h & (shares.nbuckets - 1)];
	shares.v[h & (shares.nbuckets - 1)] = s;
	shares.n++;
	return s;
}

/* The set of the contacts ids names, or NULL if it names one only.  The
 * contacts of one record ask in turn: the answer is kept for the next. */
static struct share *
share_of(const char *const *ids, size_t nids, const char *file, long line)
{
	struct contact *c;
	size_t i, n = 0;

	if (nids < 2)
		return NULL;
	if (ids == shares.ids && file == shares.file && line == shares.line)
		return shares.last;
	if (nids > shares.cscap) {
		shares.cscap = nids;
		shares.cs = xreallocarray(shares.cs, nids, sizeof(*shares.cs));
	}
	for (i = 0; i < nids; i++)
		if ((c = sym_of(ids[i])->contact) != NULL)
			shares.cs[n++] = c;
	qsort(shares.cs, n, sizeof(*shares.cs), by_index);
	for (i = 1; i < n; i++)	/* the same contact twice is one */
		if (shares.cs[i] == shares.cs[i - 1]) {
			memmove(shares.cs + i, shares.cs + i + 1,
			    (n - i - 1) * sizeof(*shares.cs));
			n--;
			i--;
		}
	shares.ids = ids;
	shares.file = file;
	shares.line = line;
	shares.last = n > 1 ? share_get(shares.cs, n) : NULL;
	return shares.last;
}

static struct share_part *
part_of(struct share *s, const struct contact *c)
{
	size_t lo = 0, hi = s->n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (s->part[mid].c->index < c->index)
			lo = mid + 1;
		else
			hi = mid;
	}
	return &s->part[lo];
}

/* What a tally was before a shared fact, to keep what the fact added. */
struct before {
	struct counts n;
	int months[SPARK_MONTHS];
};

static void
share_begin(const struct tally *t, struct before *b)
{
	b->n = t->n;
	if (t->d)
		memcpy(b->months, t->d->months, sizeof(b->months));
}

static void
share_end(const struct tally *t, const struct before *b,
    struct share_part *p)
{
	int i;

	counts_add_change(&p->n, &t->n, &b->n);
	for (i = 0; t->d && i < SPARK_MONTHS; i++)
		p->months[i] += t->d->months[i] - b->months[i];
}

/* records */

/* The i-th of the recent interactions, oldest first (i < d->nrecent). */
static struct recent *
recent_at(struct tally_detail *d, size_t i)
{
	return &d->recent[(d->oldest + i) % RECENT_MAX];
}

const struct recent *
tally_recent(const struct tally *t, size_t i)
{
	return recent_at(t->d, i);
}

/* The five latest by date, whatever order the input is in; on the same
 * day, the later read counts as later.  They are a ring: in date order,
 * the newest takes the oldest's place and nothing else moves. */
static void
remember_recent(struct tally *t, const struct record *r)
{
	struct tally_detail *d = t->d;
	struct recent *slot;
	size_t i = d->nrecent, j;

	while (i > 0 && recent_at(d, i - 1)->day > r->date)
		i--;
	if (d->nrecent == RECENT_MAX) {
		if (i == 0)
			return;		/* older than all five */
		d->oldest = (d->oldest + 1) % RECENT_MAX;
		i--;
	} else
		d->nrecent++;
	for (j = d->nrecent - 1; j > i; j--)	/* only out of date order */
		*recent_at(d, j) = *recent_at(d, j - 1);
	slot = recent_at(d, i);
	slot->day = r->date;
	slot->kind = r->kind;
	slot->file = r->file;
	slot->line = r->line;
	snprintf(slot->title, sizeof(slot->title), "%s", r->title);
}

static void
count_month(struct tally *t, int day)
{
	int i = date_month_index(day) - date_month_index(win.today) +
	    SPARK_MONTHS - 1;

	if (i >= 0 && i < SPARK_MONTHS)
		t->d->months[i]++;
}

/* The attributes of an interaction that its tally reads, found in one
 * pass over them. */
struct said {
	const char *outcome, *by, *purpose, *planned, *actual;
};

static const struct said_key {
	const char *key;
	size_t at;
} said_keys[] = {
	{ "outcome", offsetof(struct said, outcome) },
	{ "by", offsetof(struct said, by) },
	{ "purpose", offsetof(struct said, purpose) },
	{ "planned", offsetof(struct said, planned) },
	{ "actual", offsetof(struct said, actual) },
};

static void
interaction_said(const struct record *r, struct said *s)
{
	const struct said_key *k;
	size_t i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < r->nattrs; i++)
		for (k = said_keys; k < said_keys + sizeof(said_keys) /
		    sizeof(said_keys[0]); k++)
			if (k->key[0] == r->attrs[i].key[0] &&
			    strcmp(k->key, r->attrs[i].key) == 0) {
				*(const char **)(void *)((char *)s + k->at) =
				    r->attrs[i].val;
				break;
			}
}

static long
minutes(const char *duration)
{
	const char *why;
	int m;

	if (duration && duration_parse(duration, strlen(duration), &m,
	    &why) == 0)
		return m;
	return 0;
}

static void
tally_interaction(struct tally *t, const struct record *r,
    const struct said *s)
{
	int them = s->by && strcmp(s->by, "them") == 0;
	int stood_up = outcome_stands_up(s->outcome);

	t->n.planned_minutes += minutes(s->planned);
	t->n.actual_minutes += minutes(s->actual);
	if (stood_up || (s->outcome && strcmp(s->outcome, "shortened") == 0 &&
	    them)) {
		if (them) {
			t->n.bumped_by_them++;
			tally_add_evidence(t, EV_THEIR_BUMP, r->file, r->line,
			    r->date, "%s %s by them", kind_name(r->kind),
			    s->outcome);
		} else if (stood_up) {
			t->n.stood_up_by_us++;
			tally_add_evidence(t, EV_STOOD_UP, r->file, r->line,
			    r->date, "%s %s by us", kind_name(r->kind),
			    s->outcome);
		}
	}
	if (stood_up)
		return;
	t->n.interactions++;
	if (s->purpose && strcmp(s->purpose, "give") == 0)
		t->n.give++;
	else if (s->purpose && strcmp(s->purpose, "ask") == 0)
		t->n.ask++;
	else if (s->purpose && strcmp(s->purpose, "mutual") == 0)
		t->n.mutual++;
	if (t->d) {
		count_month(t, r->date);
		remember_recent(t, r);
	}
}

static void
tally_feedback(struct tally *t, const struct record *r)
{
	const char *score = record_get(r, "score");
	struct tally_detail *d = t->d;
	struct feedback *f;

	t->n.fb_count++;
	if (score) {
		t->n.fb_scored++;
		t->n.fb_sum += atoi(score);
	}
	tally_add_evidence(t, EV_FEEDBACK, r->file, r->line, r->date,
	    "feedback%s%s", score ? " score:" : " without a score",
	    score ? score : "");
	if (d == NULL)
		return;
	if (d->nfeedback == d->feedbackcap) {
		d->feedbackcap = d->feedbackcap ? d->feedbackcap * 2 : 8;
		d->feedback = xreallocarray(d->feedback, d->feedbackcap,
		    sizeof(*d->feedback));
	}
	f = &d->feedback[d->nfeedback++];
	f->day = r->date;
	f->score = score ? atoi(score) : -1;
	f->file = r->file;
	f->line = r->line;
}

static void
money_error(const struct record *r, const char *currency)
{
	struct src at = { r->file, r->line, NULL, 0, NULL, 0 };

	diag_at(DIAG_ERROR, &at, 0, "the amounts of the deals of %s%s%s add "
	    "up to more than %d digits, past what rel adds exactly", r->contact,
	    currency ? " in " : "", currency ? currency : "", AMOUNT_DIGITS);
}

/* A deal's amount:, in its currency: (else, once the input is read, the
 * option currency), into the tally and the set it shares, if any. */
static void
tally_deal(struct tally *t, const struct record *r, struct share_part *p)
{
	const char *amount = record_get(r, "amount"), *cur, *why;
	struct amount a;

	t->n.deals++;
	tally_add_evidence(t, EV_DEAL, r->file, r->line, r->date, "deal %s%s%s",
	    r->title, amount ? ", amount:" : "", amount ? amount : "");
	if (amount == NULL || amount_parse(amount, &a, &why) == -1)
		return;
	cur = record_get(r, "currency");
	cur = cur ? intern(cur, strlen(cur)) : NULL;
	if (money_add(&t->money, cur, a) == -1 ||
	    (p && money_add(&p->money, cur, a) == -1))
		money_error(r, cur);
}

static void
tally_rate(struct tally *t, const struct record *r)
{
	char letter[2] = { 0, 0 };
	const char *v;
	int i;

	for (i = 0; i < NDIMS; i++) {
		letter[0] = dim_letter((enum dim)i);
		if ((v = record_get(r, letter)) == NULL)
			continue;
		t->rated[i] = atoi(v);
		t->rated_day[i] = r->date;
		tally_add_evidence(t, EV_RATE, r->file, r->line, r->date,
		    "rated %s:%s", letter, v);
	}
}

/* The day a date attribute of r names, or NO_DATE. */
static int
record_day(const struct record *r, const char *key)
{
	const char *v = record_get(r, key), *why;
	int day;

	return v && date_parse(v, strlen(v), &day, &why) == 0 ? day : NO_DATE;
}

static void
latest_set(struct latest *l, const struct record *r)
{
	l->file = r->file;
	l->line = r->line;
	l->day = r->date;
}

/* The last held interaction and the last feedback are ages as of the day
 * measured: they count whatever the window (--since) leaves out. */
static void
tally_in_window(struct tally *t, const struct record *r,
    const struct said *s, struct share_part *p)
{
	switch (r->kind) {
	case K_FEEDBACK:
		tally_feedback(t, r);
		break;
	case K_DEAL:
		tally_deal(t, r, p);
		break;
	case K_REFERRAL:
		t->n.referrals++;
		break;
	case K_RATE:
		tally_rate(t, r);
		break;
	default:
		if (kind_is_interaction(r->kind))
			tally_interaction(t, r, s);
		break;
	}
}

void
tally_record(const struct record *r, void *ctx)
{
	struct sym *sym;
	struct tally *t;
	struct said s;
	struct share *set;
	struct share_part *p = NULL;
	struct before b;

	(void)ctx;
	if (r->contact == NULL || (sym = sym_of(r->contact))->contact == NULL)
		return;
	t = tally_of(sym->contact);
	if (r->date == NO_DATE)
		return;
	if (r->date > win.today)
		return;		/* not yet, as of the day measured */
	if (t->first_day == NO_DATE || r->date < t->first_day)
		t->first_day = r->date;
	if (kind_is_interaction(r->kind)) {
		interaction_said(r, &s);
		if (!outcome_stands_up(s.outcome) && latest_before(&t->held,
		    r->date))
			latest_set(&t->held, r);
	} else if (r->kind == K_FEEDBACK && latest_before(&t->fed, r->date))
		latest_set(&t->fed, r);
	else if (r->kind == K_SNOOZE && latest_before(&t->snooze, r->date)) {
		latest_set(&t->snooze, r);
		t->snooze_until = record_day(r, "until");
	}
	if (!in_window(r->date))
		return;
	if (win.pools && r->ncontacts > 1 && (set = share_of(r->contacts,
	    r->ncontacts, r->file, r->line)) != NULL) {
		p = part_of(set, t->c);
		share_begin(t, &b);
	}
	tally_in_window(t, r, &s, p);
	if (p)
		share_end(t, &b, p);
}

/* refs */

static void
count_promise(struct tally *t, int by_them, int on_time)
{
	if (by_them) {
		t->n.theirs_due++;
		t->n.theirs_on_time += on_time;
	} else {
		t->n.ours_due++;
		t->n.ours_on_time += on_time;
	}
}

/* A recurring promise: each occurrence that came due counts as a promise
 * of its own (rel-score(1), W). */
static void
tally_series(struct tally *t, const struct ref *r)
{
	static const char *const said[] = { [OCC_OPEN] = "open",
	    [OCC_KEPT] = "kept on time", [OCC_KEPT_LATE] = "kept late",
	    [OCC_BROKEN] = "broken", [OCC_MISSED] = "missed" };
	const struct series *s = r->series;
	int k, last = series_last(s, win.today), due;
	enum occ_state st;
	char day[DATE_MAX];

	for (k = 0; k <= last; k++) {
		due = series_due(s, k);
		st = series_state(s, k, win.today);
		if (!in_window(due) || st == OCC_OPEN)
			continue;
		count_promise(t, r->by_them, st == OCC_KEPT);
		date_format(due, day);
		tally_add_evidence(t, r->by_them ? EV_THEIR_PROMISE : EV_PROMISE,
		    r->file, r->line, due, "promise %s by %s, due %s: %s", r->id,
		    r->by_them ? "them" : "us", day, said[st]);
	}
}

/* rel-score(1), W and partner: a promise has come due when its due date
 * (the latest, after moves) is past or it has been settled; it was kept on
 * time when kept on or before that date. */
static void
tally_promise(struct tally *t, const struct ref *r)
{
	int settled = ref_settled_by(r, win.today);
	int on_time = settled && r->closed == K_KEPT && r->closed_day <= r->due_day;
	char due[DATE_MAX], when[DATE_MAX];

	if (r->series) {
		tally_series(t, r);
		return;
	}
	if (r->due_day == NO_DATE || !in_window(r->due_day) ||
	    (!settled && r->due_day >= win.today))
		return;
	count_promise(t, r->by_them, on_time);
	if (!t->keep_evidence)
		return;
	date_format(r->due_day, due);
	if (settled)
		date_format(r->closed_day, when);
	tally_add_evidence(t, r->by_them ? EV_THEIR_PROMISE : EV_PROMISE,
	    r->file, r->line, r->opened_day, "promise %s by %s, due %s: %s%s%s",
	    r->id, r->by_them ? "them" : "us", due,
	    !settled ? "still open" : r->closed == K_KEPT ? "kept " : "broken ",
	    settled ? when : "", on_time ? ", on time" :
	    settled && r->closed == K_KEPT ? ", late" : "");
}

/* rel-score(1), H: per issue 100 - 20 x (days from learned to told - 1),
 * between 0 and 100; an issue not yet told counts up to today. */
static void
tally_issue(struct tally *t, const struct ref *r)
{
	int told = ref_told_by(r, win.today);
	int lag = (told ? r->told_day : win.today) - r->learned_day;
	double h = clamp100(100 - 20.0 * (lag - 1));

	if (!in_window(r->learned_day) || r->learned_day > win.today)
		return;
	/* rel-journal(5), "Dates in order": told is never before learned */
	assert(lag >= 0);
	t->n.issues++;
	t->n.issues_open += !ref_settled_by(r, win.today);
	if (told) {
		t->n.issues_told++;
		t->n.lag_sum += lag;
	}
	t->n.h_sum += h;
	tally_add_evidence(t, EV_ISSUE, r->file, r->line, r->learned_day,
	    "issue %s, %s %d day%s after it was learned: 100 - 20 x (%d - 1) "
	    "-> %.0f", r->id, told ? "told" : "not told yet,", lag,
	    lag == 1 ? "" : "s", lag, h);
}

/* rel-score(1), M: 100 when answered within the SLA, minus 10 a day late;
 * an open request counts once its SLA has passed. */
static void
tally_request(struct tally *t, const struct ref *r, const struct contact *c)
{
	int answered = ref_settled_by(r, win.today);
	int deadline = period_add(r->opened_day, contact_sla(c, r), 1);
	int end = answered ? r->closed_day : win.today, late = end - deadline;
	double m = clamp100(100 - 10.0 * (late > 0 ? late : 0));

	if (!in_window(r->opened_day) || r->opened_day > win.today)
		return;
	t->n.requests++;
	if (answered) {
		/* rel-journal(5), "Dates in order" */
		assert(r->closed_day >= r->opened_day);
		t->n.answered++;
		t->n.response_sum += r->closed_day - r->opened_day;
	} else
		t->n.requests_open++;
	if (!answered && late <= 0)
		return;
	t->n.m_sum += m;
	t->n.m_n++;
	tally_add_evidence(t, EV_REQUEST, r->file, r->line, r->opened_day,
	    "request %s, %s %d day%s after it was asked, %d day%s late -> %.0f",
	    r->id, answered ? "answered" : "still open", end - r->opened_day,
	    end - r->opened_day == 1 ? "" : "s", late > 0 ? late : 0,
	    late == 1 ? "" : "s", m);
}

/* A ref's part in each of its contacts' tallies: when it is done with
 * (the book's ref_done hook, so that the book can forget it), or at the
 * end for those still open. */
void
tally_ref(const struct ref *r, void *ctx)
{
	struct share *set = win.pools ? share_of(r->contacts, r->ncontacts,
	    r->file, r->line) : NULL;
	struct share_part *p = NULL;
	struct contact *c;
	struct tally *t;
	struct before b;
	size_t j;

	(void)ctx;
	for (j = 0; j < r->ncontacts; j++) {
		if ((c = sym_of(r->contacts[j])->contact) == NULL)
			continue;
		t = tally_of(c);
		if (set) {
			p = part_of(set, c);
			share_begin(t, &b);
		}
		if (r->kind == K_PROMISE)
			tally_promise(t, r);
		else if (r->kind == K_ISSUE)
			tally_issue(t, r);
		else
			tally_request(t, r, c);
		if (set)
			share_end(t, &b, p);
	}
}

static void
tally_refs(void)
{
	const struct ref *r;

	for (r = book_open_refs(); r; r = r->next)
		tally_ref(r, NULL);
}

/* orgs */

static void
latest_take(struct latest *into, const struct latest *from)
{
	if (from->day != NO_DATE && (into->day == NO_DATE ||
	    from->day > into->day))
		*into = *from;
}

/* The orgs up the contact's chain of org:, in v (at most ORGS_MAX); none
 * if the chain is a loop (rel-score(1): the contact stands for itself). */
#define ORGS_MAX 17
static size_t
orgs_above(const struct contact *c, struct contact **v)
{
	struct contact *o;
	size_t n = 0;

	if (contact_top_org(c) == NULL)
		return 0;
	for (o = contact_org(c); o && n < ORGS_MAX; o = contact_org(o))
		v[n++] = o;
	return n;
}

/* Each contact's members: itself, then the contacts below it in chains
 * of org:, in the order of the contacts, laid out in one array. */
static void
find_members(struct contact *const *cs, size_t n)
{
	struct contact *up[ORGS_MAX];
	size_t i, j, k, *fill;

	members.off = xcalloc(n + 1, sizeof(*members.off));
	for (i = 0; i < n; i++) {
		members.off[i + 1]++;
		k = orgs_above(cs[i], up);
		for (j = 0; j < k; j++)
			members.off[up[j]->index + 1]++;
	}
	for (i = 0; i < n; i++)
		members.off[i + 1] += members.off[i];
	members.n = members.off[n];
	members.v = xreallocarray(NULL, members.n ? members.n : 1,
	    sizeof(*members.v));
	fill = xcalloc(n, sizeof(*fill));
	for (i = 0; i < n; i++)
		members.v[members.off[i] + fill[i]++] = cs[i];
	for (i = 0; i < n; i++) {
		k = orgs_above(cs[i], up);
		for (j = 0; j < k; j++)
			members.v[members.off[up[j]->index] +
			    fill[up[j]->index]++] = cs[i];
	}
	free(fill);
}

/* The contact and its members, *members pointing at them; they live
 * until tally_free(). */
size_t
tally_members(const struct contact *c, struct contact ***v)
{
	*v = members.v + members.off[c->index];
	return members.off[c->index + 1] - members.off[c->index];
}

/* Once the input is read: the refs still open count, deals without a
 * currency take the option's, and each org gets the latest contact and
 * feedback of any of its members, up its chain. */
void
tally_finish(void)
{
	struct contact *const *cs;
	struct contact **m;
	struct tally *t, *o;
	struct share *s;
	size_t n, i, j, k;

	tally_refs();
	cs = book_contacts(&n);
	for (i = 0; i < n; i++) {
		t = tally_of(cs[i]);
		t->org = contact_org(cs[i]);
		if (money_settle(&t->money, rel_options.currency) == -1)
			diag_error("the amounts of the deals of %s add up to more "
			    "than %d digits, past what rel adds exactly",
			    cs[i]->id, AMOUNT_DIGITS);
	}
	for (i = 0; i < shares.nbuckets; i++)
		for (s = shares.v[i]; s; s = s->next)
			for (j = 0; j < s->n; j++)
				money_settle(&s->part[j].money,
				    rel_options.currency);
	find_members(cs, n);
	for (i = 0; i < n; i++) {
		o = tally_of(cs[i]);
		k = tally_members(cs[i], &m);
		for (j = 0; j < k; j++) {
			t = tally_of(m[j]);
			latest_take(&o->held_org, &t->held);
			latest_take(&o->fed_org, &t->fed);
		}
	}
}

/* roll-ups */

static void
pool_add(struct tally *into, const struct tally *t)
{
	size_t i;

	if (t->first_day != NO_DATE && (into->first_day == NO_DATE ||
	    t->first_day < into->first_day))
		into->first_day = t->first_day;
	latest_take(&into->held, &t->held);
	latest_take(&into->fed, &t->fed);
	latest_take(&into->held_org, &t->held);
	latest_take(&into->fed_org, &t->fed);
	counts_add(&into->n, &t->n, 1);
	if (money_merge(&into->money, &t->money, 1) == -1)
		diag_fatal(2, "the amounts of the deals of %s add up to more "
		    "than %d digits, past what rel adds exactly", into->c ?
		    into->c->id : "the contacts together", AMOUNT_DIGITS);
	for (i = 0; i < NDIMS; i++)
		if (t->rated[i] && (into->rated[i] == 0 ||
		    t->rated_day[i] > into->rated_day[i])) {
			into->rated[i] = t->rated[i];
			into->rated_day[i] = t->rated_day[i];
		}
	for (i = 0; into->d && t->d && i < SPARK_MONTHS; i++)
		into->d->months[i] += t->d->months[i];
	for (i = 0; i < t->nev; i++)
		tally_add_evidence(into, t->ev[i].kind, t->ev[i].file,
		    t->ev[i].line, t->ev[i].day, "%s%s%s", t->c == into->c ? "" :
		    t->c->id, t->c == into->c ? "" : ": ", t->ev[i].what);
}

/* What a set's pooled contacts but the first added, taken off again. */
static void
pool_unshare(struct tally *into, struct share *s)
{
	size_t i;
	int j, first = 1;

	for (i = 0; i < s->n; i++) {
		if (tally_of(s->part[i].c)->pool_mark != pool_mark)
			continue;
		if (first) {
			first = 0;
			continue;
		}
		counts_add(&into->n, &s->part[i].n, -1);
		money_merge(&into->money, &s->part[i].money, -1);
		for (j = 0; into->d && j < SPARK_MONTHS; j++)
			into->d->months[j] -= s->part[i].months[j];
	}
}

static int
by_source(const void *a, const void *b)
{
	const struct evidence *x = *(struct evidence *const *)a;
	const struct evidence *y = *(struct evidence *const *)b;
	int d = strcmp(x->file, y->file);

	if (d)
		return d;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x < y ? -1 : x > y;
}

/* Evidence of one fact, given by several contacts pooled, listed once:
 * the first (an occurrence of a series is a fact of its own, by its
 * day). */
static void
pool_unshare_evidence(struct tally *t)
{
	struct evidence **v;
	size_t i, k;

	if (t->nev < 2)
		return;
	v = xreallocarray(NULL, t->nev, sizeof(*v));
	for (i = 0; i < t->nev; i++)
		v[i] = &t->ev[i];
	qsort(v, t->nev, sizeof(*v), by_source);
	for (i = t->nev; i-- > 1;)	/* from the end: marks do not meet */
		if (v[i]->file == v[i - 1]->file && v[i]->line ==
		    v[i - 1]->line && v[i]->kind == v[i - 1]->kind &&
		    v[i]->day == v[i - 1]->day)
			v[i]->kind = EV__DROPPED;	/* a repeat */
	free(v);
	for (i = k = 0; i < t->nev; i++)
		if (t->ev[i].kind != EV__DROPPED)
			t->ev[k++] = t->ev[i];
	t->nev = k;
}

/* One tally for the contacts members[0..n), standing for `as` (or for
 * none, NULL: a report's summary): counts
 * and sums added up, each fact once; the latest dates; the latest rating
 * of each dimension; evidence, each record once.  Free it with
 * tally_pool_free(). */
struct tally *
tally_pool(const struct contact *as, struct contact *const *members_,
    size_t n)
{
	struct tally *into;
	struct share_part *p;
	size_t i;

	assert(win.pools);	/* else a shared fact would count twice */
	into = xcalloc(1, sizeof(*into) + (win.detail ?
	    sizeof(struct tally_detail) : 0));
	into->c = (struct contact *)as;
	into->org = as ? contact_org(as) : NULL;
	into->first_day = NO_DATE;
	latest_none(&into->held);
	latest_none(&into->fed);
	latest_none(&into->held_org);
	latest_none(&into->fed_org);
	into->keep_evidence = as && tally_of(as)->keep_evidence;
	if (win.detail)
		into->d = (struct tally_detail *)(void *)(into + 1);
	pool_mark++;
	for (i = 0; i < n; i++)
		tally_of(members_[i])->pool_mark = pool_mark;
	for (i = 0; i < n; i++)
		pool_add(into, tally_of(members_[i]));
	for (i = 0; i < n; i++)
		for (p = tally_of(members_[i])->shares; p; p = p->next)
			if (p->set->mark != pool_mark) {
				p->set->mark = pool_mark;
				pool_unshare(into, p->set);
			}
	pool_unshare_evidence(into);
	return into;
}

void
tally_pool_free(struct tally *t)
{
	if (t == NULL)
		return;
	free(t->ev);
	money_free(&t->money);
	free(t);
}

/* rel-score --by org: each contact at the top of its chain of org:, with
 * every contact below it (tally_pool()); the others have no row of their
 * own.  The rows are in the order of the contacts; a member's is NULL. */
struct tally **
tally_by_org(size_t *nrows)
{
	struct contact *const *cs;
	struct contact **m;
	struct tally **rows;
	size_t n, i, k;

	cs = book_contacts(&n);
	rows = xcalloc(n, sizeof(*rows));
	for (i = 0; i < n; i++) {
		if (contact_top_org(cs[i]))
			continue;
		k = tally_members(cs[i], &m);
		rows[i] = tally_pool(cs[i], m, k);
	}
	*nrows = n;
	return rows;
}

void
tally_rows_free(struct tally **rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		tally_pool_free(rows[i]);
	free(rows);
}

/* Before book_free(), which frees the tallies themselves with the
 * contacts: what they point to. */
void
tally_free(void)
{
	struct contact *const *cs;
	struct tally *t;
	struct share *s, *next;
	size_t n, i, j;

	if (!tallying)
		return;		/* rel-parse, rel-fmt: contacts have no room */
	cs = book_contacts(&n);
	for (i = 0; i < n; i++) {
		t = tally_of(cs[i]);
		if (t->d)
			free(t->d->feedback);
		free(t->ev);
		money_free(&t->money);
	}
	for (i = 0; i < shares.nbuckets; i++)
		for (s = shares.v[i]; s; s = next) {
			next = s->next;
			for (j = 0; j < s->n; j++)
				money_free(&s->part[j].money);
			free(s);
		}
	free(shares.v);
	free(shares.cs);
	memset(&shares, 0, sizeof(shares));
	free(members.v);
	free(members.off);
	memset(&members, 0, sizeof(members));
	tallying = 0;
}
