/* tally.c: per contact, what the records in a window add up to.  One pass:
 * each record updates its contact's counters; a ref (promise, issue,
 * request) counts when the book is done with it (its ref_done hook), or at
 * the end for one still open, when its life cycle is known.  rel-score,
 * rel-overdue and rel-report all read these tallies, and rel-score --by
 * org adds them up per org (tally_by_org()). */
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
_Static_assert(offsetof(struct tally, d) + sizeof(void *) <= 64,
    "the fields of struct tally that most records touch outgrow a line");
_Static_assert(offsetof(struct tally_detail, recent) <= 64,
    "the fields of struct tally_detail each interaction touches outgrow a "
    "line");

static struct window win;
static int tallying;			/* tally_init() was called */
static const char *evidence_for;	/* interned id, or NULL */
static int evidence_all;		/* every contact's (--by org) */

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
	t->first_day = t->last_held = t->last_feedback = NO_DATE;
	t->last_held_org = t->last_feedback_org = NO_DATE;
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

static void
tally_interaction(struct tally *t, const struct record *r)
{
	const char *outcome = record_get(r, "outcome");
	const char *by = record_get(r, "by");
	const char *purpose = record_get(r, "purpose");
	int them = by && strcmp(by, "them") == 0;

	if (outcome_stands_up(outcome) || (outcome && strcmp(outcome, "shortened") == 0
	    && them)) {
		if (them) {
			t->bumped_by_them++;
			tally_add_evidence(t, EV_THEIR_BUMP, r->file, r->line,
			    r->date, "%s %s by them", kind_name(r->kind), outcome);
		} else if (outcome_stands_up(outcome)) {
			t->stood_up_by_us++;
			tally_add_evidence(t, EV_STOOD_UP, r->file, r->line,
			    r->date, "%s %s by us", kind_name(r->kind), outcome);
		}
	}
	if (outcome_stands_up(outcome))
		return;
	t->interactions++;
	if (purpose && strcmp(purpose, "give") == 0)
		t->give++;
	else if (purpose && strcmp(purpose, "ask") == 0)
		t->ask++;
	else if (purpose && strcmp(purpose, "mutual") == 0)
		t->mutual++;
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

	t->fb_count++;
	if (score) {
		t->fb_scored++;
		t->fb_sum += atoi(score);
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

/* The last held interaction and the last feedback are ages as of the day
 * measured: they count whatever the window (--since) leaves out. */
static void
note_latest(struct tally *t, const struct record *r)
{
	if (kind_is_interaction(r->kind) &&
	    !outcome_stands_up(record_get(r, "outcome")) &&
	    (t->last_held == NO_DATE || r->date >= t->last_held)) {
		t->last_held = r->date;
		t->last_file = r->file;
		t->last_line = r->line;
	}
	if (r->kind == K_FEEDBACK && (t->last_feedback == NO_DATE ||
	    r->date > t->last_feedback))
		t->last_feedback = r->date;
}

void
tally_record(const struct record *r, void *ctx)
{
	struct sym *sym;
	struct tally *t;

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
	note_latest(t, r);
	if (!in_window(r->date))
		return;
	if (kind_is_interaction(r->kind))
		tally_interaction(t, r);
	else if (r->kind == K_FEEDBACK)
		tally_feedback(t, r);
	else if (r->kind == K_DEAL) {
		t->deals++;
		tally_add_evidence(t, EV_DEAL, r->file, r->line, r->date,
		    "deal %s",
		    r->title);
	} else if (r->kind == K_REFERRAL)
		t->referrals++;
	else if (r->kind == K_RATE)
		tally_rate(t, r);
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

	if (r->due_day == NO_DATE || !in_window(r->due_day) ||
	    (!settled && r->due_day >= win.today))
		return;
	if (r->by_them) {
		t->theirs_due++;
		t->theirs_on_time += on_time;
	} else {
		t->ours_due++;
		t->ours_on_time += on_time;
	}
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
	t->issues++;
	t->issues_open += !ref_settled_by(r, win.today);
	if (told) {
		t->issues_told++;
		t->lag_sum += lag;
	}
	t->h_sum += h;
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
	t->requests++;
	if (answered) {
		/* rel-journal(5), "Dates in order" */
		assert(r->closed_day >= r->opened_day);
		t->answered++;
		t->response_sum += r->closed_day - r->opened_day;
	} else
		t->requests_open++;
	if (!answered && late <= 0)
		return;
	t->m_sum += m;
	t->m_n++;
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
	struct contact *c;
	size_t j;

	(void)ctx;
	for (j = 0; j < r->ncontacts; j++) {
		if ((c = sym_of(r->contacts[j])->contact) == NULL)
			continue;
		if (r->kind == K_PROMISE)
			tally_promise(tally_of(c), r);
		else if (r->kind == K_ISSUE)
			tally_issue(tally_of(c), r);
		else
			tally_request(tally_of(c), r, c);
	}
}

static void
tally_refs(void)
{
	const struct ref *r;

	for (r = book_open_refs(); r; r = r->next)
		tally_ref(r, NULL);
}

static int
later(int a, int b)
{
	return a == NO_DATE ? b : b == NO_DATE ? a : a > b ? a : b;
}

/* Adds a member's tally to its org's (rel-score --by org). */
void
tally_merge(struct tally *into, const struct tally *from)
{
	size_t i;

	if (from->first_day != NO_DATE && (into->first_day == NO_DATE ||
	    from->first_day < into->first_day))
		into->first_day = from->first_day;
	if (from->last_held != NO_DATE && (into->last_held == NO_DATE ||
	    from->last_held > into->last_held)) {
		into->last_held = from->last_held;
		into->last_file = from->last_file;
		into->last_line = from->last_line;
	}
	into->last_held_org = later(into->last_held_org, from->last_held);
	into->last_feedback = later(into->last_feedback, from->last_feedback);
	into->last_feedback_org = later(into->last_feedback_org,
	    from->last_feedback);
	into->interactions += from->interactions;
	into->give += from->give;
	into->ask += from->ask;
	into->mutual += from->mutual;
	into->stood_up_by_us += from->stood_up_by_us;
	into->bumped_by_them += from->bumped_by_them;
	into->deals += from->deals;
	into->referrals += from->referrals;
	for (i = 0; i < NDIMS; i++)
		if (from->rated[i] && (into->rated[i] == 0 ||
		    from->rated_day[i] > into->rated_day[i])) {
			into->rated[i] = from->rated[i];
			into->rated_day[i] = from->rated_day[i];
		}
	for (i = 0; into->d && from->d && i < SPARK_MONTHS; i++)
		into->d->months[i] += from->d->months[i];
	into->fb_count += from->fb_count;
	into->fb_scored += from->fb_scored;
	into->fb_sum += from->fb_sum;
	into->ours_due += from->ours_due;
	into->ours_on_time += from->ours_on_time;
	into->theirs_due += from->theirs_due;
	into->theirs_on_time += from->theirs_on_time;
	into->issues += from->issues;
	into->issues_open += from->issues_open;
	into->issues_told += from->issues_told;
	into->lag_sum += from->lag_sum;
	into->h_sum += from->h_sum;
	into->requests += from->requests;
	into->requests_open += from->requests_open;
	into->answered += from->answered;
	into->response_sum += from->response_sum;
	into->m_sum += from->m_sum;
	into->m_n += from->m_n;
	for (i = 0; i < from->nev; i++)
		tally_add_evidence(into, from->ev[i].kind, from->ev[i].file,
		    from->ev[i].line, from->ev[i].day, "%s: %s", from->c->id,
		    from->ev[i].what);
}

/* Links each contact to the org its org: names, and gives each org the
 * latest contact and feedback of any of its members. */
void
tally_finish(void)
{
	struct contact *const *cs;
	struct tally *t, *o;
	size_t n, i, j;

	tally_refs();
	cs = book_contacts(&n);
	for (i = 0; i < n; i++) {
		t = tally_of(cs[i]);
		t->last_held_org = t->last_held;
		t->last_org_file = t->last_file;
		t->last_org_line = t->last_line;
		t->last_feedback_org = t->last_feedback;
		if (t->d)
			memcpy(t->d->months_org, t->d->months,
			    sizeof(t->d->months));
	}
	for (i = 0; i < n; i++) {
		t = tally_of(cs[i]);
		if ((t->org = contact_org(cs[i])) == NULL)
			continue;
		o = tally_of(t->org);
		if (t->last_held != NO_DATE && (o->last_held_org == NO_DATE ||
		    t->last_held > o->last_held_org)) {
			o->last_held_org = t->last_held;
			o->last_org_file = t->last_file;
			o->last_org_line = t->last_line;
		}
		if (t->last_feedback != NO_DATE &&
		    (o->last_feedback_org == NO_DATE ||
		    t->last_feedback > o->last_feedback_org))
			o->last_feedback_org = t->last_feedback;
		for (j = 0; t->d && o->d && j < SPARK_MONTHS; j++)
			o->d->months_org[j] += t->d->months[j];
	}
}

/* Before book_free(), which frees the tallies themselves with the
 * contacts: what they point to. */
void
tally_free(void)
{
	struct contact *const *cs;
	struct tally *t;
	size_t n, i;

	if (!tallying)
		return;		/* rel-parse, rel-fmt: contacts have no room */
	cs = book_contacts(&n);
	for (i = 0; i < n; i++) {
		t = tally_of(cs[i]);
		if (t->d)
			free(t->d->feedback);
		free(t->ev);
	}
	tallying = 0;
}

/* rel-score --by org: each contact whose org: names a contact (at the top
 * of its chain) is added to that org; the rest stand for themselves.  The
 * rows are in the order of the contacts; a member's is NULL. */
struct tally **
tally_by_org(size_t *nrows)
{
	struct contact *const *cs;
	struct contact *org;
	struct tally **rows, *t;
	size_t n, i, k;

	cs = book_contacts(&n);
	rows = xcalloc(n, sizeof(*rows));
	for (i = 0; i < n; i++) {
		t = tally_of(cs[i]);
		if (contact_top_org(cs[i]))
			continue;
		rows[i] = xmalloc(sizeof(**rows));
		*rows[i] = *t;
		rows[i]->ev = NULL;
		rows[i]->nev = rows[i]->evcap = 0;
		rows[i]->d = NULL;
		for (k = 0; k < t->nev; k++)
			tally_add_evidence(rows[i], t->ev[k].kind, t->ev[k].file,
			    t->ev[k].line, t->ev[k].day, "%s", t->ev[k].what);
	}
	for (i = 0; i < n; i++)
		if ((org = contact_top_org(cs[i])) != NULL)
			tally_merge(rows[org->index], tally_of(cs[i]));
	*nrows = n;
	return rows;
}

void
tally_rows_free(struct tally **rows, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (rows[i]) {
			free(rows[i]->ev);
			free(rows[i]);
		}
	free(rows);
}
