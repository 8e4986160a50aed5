/* scorerow.c: the row of a contact in rel-score(1), OUTPUT: one list of
 * its columns, which the CSV header and the JSON keys both come from,
 * and its cells in that order. */
#include <stdio.h>

#include "contact.h"
#include "money.h"
#include "row.h"
#include "score.h"
#include "scorerow.h"

static const char *const columns[] = {
	"id", "name", "org", "owner", "status", "last_contact", "days_since",
	"cadence", "interactions", "give_share", "promises_due",
	"promises_kept", "stood_up", "bumped_by_them", "feedback",
	"feedback_mean", "feedback_age", "issues", "issues_open",
	"disclosure_lag", "requests", "requests_open", "response_time",
	"deals", "repeat_deals", "referrals", "I", "M", "B", "W", "P", "H", "E",
	"recency", "respect", "trust", "health", "partner", "deal_amounts",
	"planned_minutes", "actual_minutes", NULL
};

void
score_header(FILE *fp, enum format fmt)
{
	row_header(fp, fmt, columns);
}

/* A count that may have no value: empty (null) when it has none. */
static void
cell_opt_long(struct row *r, int has, long v)
{
	if (has)
		row_long(r, v);
	else
		row_number(r, "");
}

static void
cell_mean(struct row *r, long sum, int n)
{
	char num[32] = "";

	if (n)
		snprintf(num, sizeof(num), "%.1f", (double)sum / n);
	row_number(r, num);
}

static void
cell_score(struct row *r, double x)
{
	char num[24];

	score_format(x, num, sizeof(num));
	row_number(r, num);
}

/* Days from day to today; none if there is no day. */
static void
cell_age(struct row *r, int day, int today)
{
	cell_opt_long(r, day != NO_DATE, day != NO_DATE ? today - day : 0);
}

static void
cell_day(struct row *r, int day)
{
	char s[DATE_MAX] = "";

	if (day != NO_DATE)
		date_format(day, s);
	row_text(r, s);
}

/* The measures, from last_contact to referrals. */
static void
measures(struct row *r, const struct tally *t, int today)
{
	const struct counts *n = &t->n;
	int purposes = n->give + n->ask + n->mutual;
	char cad[CADENCE_MAX];

	cell_day(r, t->held_org.day);
	cell_age(r, t->held_org.day, today);
	cadence_format(contact_cadence(t->c), cad);
	row_text(r, cad);
	row_long(r, n->interactions);
	cell_opt_long(r, purposes, purposes ? score_round(100.0 * n->give /
	    purposes) : 0);
	row_long(r, n->ours_due);
	row_long(r, n->ours_on_time);
	row_long(r, n->stood_up_by_us);
	row_long(r, n->bumped_by_them);
	row_long(r, n->fb_count);
	cell_mean(r, n->fb_sum, n->fb_scored);
	cell_age(r, t->fed_org.day, today);
	row_long(r, n->issues);
	row_long(r, n->issues_open);
	cell_mean(r, n->lag_sum, n->issues_told);
	row_long(r, n->requests);
	row_long(r, n->requests_open);
	cell_mean(r, n->response_sum, n->answered);
	row_long(r, n->deals);
	row_long(r, n->deals > 1 ? n->deals - 1 : 0);
	row_long(r, n->referrals);
}

/* The scores, from I to partner. */
static void
scores(struct row *r, const struct tally *t, int today)
{
	struct scores s;
	int i;

	score_compute(t, today, &s);
	for (i = 0; i < NDIMS; i++)
		cell_score(r, s.dim[i]);
	cell_score(r, s.recency);
	cell_score(r, s.respect);
	cell_score(r, s.trust);
	cell_score(r, s.health);
	cell_score(r, s.partner);
}

void
score_row(FILE *fp, enum format fmt, const struct tally *t, int today)
{
	struct buf amounts = { 0 };
	struct row r;

	row_begin(&r, fp, fmt, columns);
	row_text(&r, t->c->id);
	row_text(&r, contact_name(t->c));
	row_text(&r, contact_own(t->c, "org"));
	row_text(&r, contact_owner(t->c));
	row_text(&r, status_name(contact_status(t->c)));
	measures(&r, t, today);
	scores(&r, t, today);
	money_format(&t->money, &amounts);
	row_text(&r, amounts.s);
	buf_free(&amounts);
	row_long(&r, t->n.planned_minutes);
	row_long(&r, t->n.actual_minutes);
	row_end(&r);
}
