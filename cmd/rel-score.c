/* rel-score: one CSV row of measures and scores per contact (or org), or
 * with --explain, the terms of one contact's scores and their evidence. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "contact.h"
#include "csvout.h"
#include "diag.h"
#include "intern.h"
#include "money.h"
#include "reader.h"
#include "score.h"
#include "select.h"

struct score {
	int by_org, all;
	const char *explain;
};

enum { O_BY = CLI_OWN, O_EXPLAIN, O_ALL };

static const char *const by_words[] = { "contact", "org", NULL };

static const struct cli_option options[] = {
	{ "by", 0, "contact|org", O_BY, "one row per contact (default) or per "
	    "org", by_words, 0 },
	{ "explain", 0, "ID", O_EXPLAIN, "show how each score of ID was reached",
	    NULL, SETS(struct score, explain) },
	{ "all", 0, NULL, O_ALL, "include ended contacts", NULL,
	    SETS(struct score, all) },
	{ NULL, 0, NULL, 0, NULL, NULL, 0 },
};

static const struct tool tool = {
	"rel-score", "[FILE ...]",
	"Score each contact of rel journals (or their events CSV): one CSV\n"
	"row of measures and 0-100 scores per contact.  A selection picks\n"
	"the rows; each is measured on all the contact's evidence.",
	"Exit status: 0 on success, 2 on bad input or usage.\n"
	"See rel-score(1) for every formula, rel(7) for the selection.",
	options, TAKES_TODAY | TAKES_WINDOW | TAKES_SAFE_CSV |
	    TAKES_SELECT_CONTACTS,
};

static const char SCORE_HEADER[] =
    "id,name,org,owner,status,last_contact,days_since,cadence,interactions,"
    "give_share,promises_due,promises_kept,stood_up,bumped_by_them,"
    "feedback,feedback_mean,feedback_age,issues,issues_open,disclosure_lag,"
    "requests,requests_open,response_time,deals,repeat_deals,referrals,"
    "I,M,B,W,P,H,E,recency,respect,trust,health,partner,deal_amounts,"
    "planned_minutes,actual_minutes";

/* --by contact|org */
static void
own_option(int id, const char *arg, void *ctx)
{
	struct score *sc = ctx;

	(void)id;
	if (strcmp(arg, "org") == 0)
		sc->by_org = 1;
	else if (strcmp(arg, "contact") != 0)
		cli_usage("--by takes contact or org, not '%s'", arg);
}

static void
put_int(FILE *fp, long v)
{
	fprintf(fp, ",%ld", v);
}

static void
put_opt_int(FILE *fp, int has, long v)
{
	if (has)
		put_int(fp, v);
	else
		fputc(',', fp);
}

static void
put_mean(FILE *fp, long sum, int n)
{
	if (n)
		fprintf(fp, ",%.1f", (double)sum / n);
	else
		fputc(',', fp);
}

static void
put_str(FILE *fp, const char *s)
{
	csv_field(fp, s ? s : "", s ? strlen(s) : 0, 0);
}

static void
put_score(FILE *fp, double x)
{
	char buf[24];

	score_format(x, buf, sizeof(buf));
	fprintf(fp, ",%s", buf);
}

/* The measures of rel-score(1), OUTPUT, in the columns of the header. */
static void
put_measures(FILE *fp, const struct tally *t, int today)
{
	const struct counts *n = &t->n;
	int purposes = n->give + n->ask + n->mutual;
	char day[DATE_MAX], cad[CADENCE_MAX];

	if (t->held_org.day != NO_DATE) {
		date_format(t->held_org.day, day);
		fprintf(fp, ",%s,%d", day, today - t->held_org.day);
	} else
		fputs(",,", fp);
	cadence_format(contact_cadence(t->c), cad);
	put_str(fp, cad);
	put_int(fp, n->interactions);
	put_opt_int(fp, purposes, purposes ? score_round(100.0 * n->give /
	    purposes) : 0);
	put_int(fp, n->ours_due);
	put_int(fp, n->ours_on_time);
	put_int(fp, n->stood_up_by_us);
	put_int(fp, n->bumped_by_them);
	put_int(fp, n->fb_count);
	put_mean(fp, n->fb_sum, n->fb_scored);
	put_opt_int(fp, t->fed_org.day != NO_DATE, t->fed_org.day != NO_DATE ?
	    today - t->fed_org.day : 0);
	put_int(fp, n->issues);
	put_int(fp, n->issues_open);
	put_mean(fp, n->lag_sum, n->issues_told);
	put_int(fp, n->requests);
	put_int(fp, n->requests_open);
	put_mean(fp, n->response_sum, n->answered);
	put_int(fp, n->deals);
	put_int(fp, n->deals > 1 ? n->deals - 1 : 0);
	put_int(fp, n->referrals);
}

/* The sums, after the scores: deal amounts by currency, minutes. */
static void
put_sums(FILE *fp, const struct tally *t)
{
	struct buf b = { 0 };

	money_format(&t->money, &b);
	put_str(fp, b.s);
	buf_free(&b);
	put_int(fp, t->n.planned_minutes);
	put_int(fp, t->n.actual_minutes);
}

static void
write_row(FILE *fp, const struct tally *t, int today)
{
	struct scores s;
	int i;

	score_compute(t, today, &s);
	csv_field(fp, t->c->id, strlen(t->c->id), 1);
	put_str(fp, contact_name(t->c));
	put_str(fp, contact_own(t->c, "org"));
	put_str(fp, contact_owner(t->c));
	put_str(fp, status_name(contact_status(t->c)));
	put_measures(fp, t, today);
	for (i = 0; i < NDIMS; i++)
		put_score(fp, s.dim[i]);
	put_score(fp, s.recency);
	put_score(fp, s.respect);
	put_score(fp, s.trust);
	put_score(fp, s.health);
	put_score(fp, s.partner);
	put_sums(fp, t);
	csv_end(fp);
}

/* Whether the row of c is written: it is selected (by org, with its
 * members: the contacts it stands for), and not ended, unless --all or
 * the selection names it. */
static int
row_wanted(const struct score *sc, const struct selection *sel,
    const struct contact *c)
{
	const struct contact *const *set = &c;
	struct contact **m;
	size_t n = 1;

	if (sc->by_org) {
		n = tally_members(c, &m);
		set = (const struct contact *const *)m;
	}
	if (!select_contacts(sel, set, n))
		return 0;
	return sc->all || contact_status(c) != ST_ENDED || select_names(sel, c);
}

/* --explain ID: 0, or 2 when ID is not a contact to explain. */
static int
explain(const struct score *sc, struct tally *const *rows, int today)
{
	const struct contact *c = contact_option("--explain", sc->explain);
	const struct tally *t;
	struct scores s;

	t = rows ? rows[c->index] : tally_of(c);
	if (t == NULL) {
		diag_warn("%s: belongs to an org; explain the org with --by org, "
		    "or drop --by org", sc->explain);
		return 2;
	}
	score_compute(t, today, &s);
	score_explain(stdout, t, &s, today);
	return 0;
}

int
main(int argc, char **argv)
{
	struct score sc = { 0 };
	struct read_opts opts = { 0 };
	struct window win;
	struct contact *const *cs;
	struct tally **rows = NULL;
	struct cli cli;
	size_t n, i;
	char **ops;
	int first, status, nops;

	first = cli_start(argc, argv, &tool, &cli, own_option, &sc);
	ops = cli_operands(argc, argv, first, &nops);
	if (sc.explain && cli.select)
		cli_usage("--explain names the one contact to explain; it takes "
		    "no selection");
	win = (struct window){ cli.since, cli.until, cli.today, 0, sc.by_org };
	if (win.until != NO_DATE && win.until < win.today)
		win.today = win.until;
	tally_init(&win, &opts);
	if (sc.explain)	/* with --by org, the members' evidence is the org's */
		tally_keep_evidence(sc.by_org ? NULL : sc.explain);
	if ((status = rel_read_all(nops, ops, &opts)) != 0)
		return tool_exit(status);
	tally_finish();
	if (diag_errors())
		return tool_exit(2);
	select_check(cli.select);
	cs = book_contacts(&n);
	if (sc.by_org)
		rows = tally_by_org(&n);
	if (sc.explain)
		status = explain(&sc, rows, win.today);
	else {
		puts(SCORE_HEADER);
		for (i = 0; i < n; i++)
			if ((rows == NULL || rows[i]) &&
			    row_wanted(&sc, cli.select, cs[i]))
				write_row(stdout, rows ? rows[i] : tally_of(cs[i]),
				    win.today);
	}
	if (rows)
		tally_rows_free(rows, n);
	return tool_exit(status);
}
