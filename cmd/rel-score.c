/* rel-score: one CSV row of measures and scores per contact (or org), or
 * with --explain, the terms of one contact's scores and their evidence. */
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rel.h"
#include "score.h"

static const char USAGE[] =
    "[--by contact|org] [--explain ID] [--since DATE] [--until DATE]\n"
    "       [--all] [--safe-csv] [--today DATE] [FILE ...]";

static const char SCORE_HEADER[] =
    "id,name,org,owner,status,last_contact,days_since,cadence,interactions,"
    "give_share,promises_due,promises_kept,stood_up,bumped_by_them,"
    "feedback,feedback_mean,feedback_age,issues,issues_open,disclosure_lag,"
    "requests,requests_open,response_time,deals,repeat_deals,referrals,"
    "I,M,B,W,P,H,E,recency,respect,trust,health,partner";

static void
help(void)
{
	printf("usage: rel-score %s\n"
	    "Score each contact of rel journals (or their events CSV): one CSV\n"
	    "row of measures and 0-100 scores per contact.\n"
	    "\n"
	    "  --by contact|org   one row per contact (default) or per org\n"
	    "  --explain ID       show how each score of ID was reached\n"
	    "  --since DATE       count only evidence from DATE on\n"
	    "  --until DATE       count only evidence up to DATE\n"
	    "  --all              include ended contacts\n"
	    "  --safe-csv         make cells safe to open in a spreadsheet\n"
	    "  --today DATE       the current date (YYYY-MM-DD)\n"
	    "  -h, --help         show this help\n"
	    "  -V, --version      show the version\n"
	    "\n"
	    "Exit status: 0 on success, 2 on bad input or usage.\n"
	    "See rel-score(1) for every formula.\n", USAGE);
}

static const char *const status_names[] = { "active", "paused", "ended" };

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

static void
write_row(FILE *fp, const struct tally *t, int today)
{
	struct scores s;
	char day[DATE_MAX], cad[16];
	int purposes = t->give + t->ask + t->mutual, i;

	score_compute(t, today, &s);
	csv_field(fp, t->c->id, strlen(t->c->id), 1);
	put_str(fp, t->c->name ? t->c->name : t->c->id);
	put_str(fp, contact_attr(t->c, "org"));
	put_str(fp, contact_attr(t->c, "owner"));
	put_str(fp, status_names[t->c->status]);
	if (t->last_held_org != NO_DATE) {
		date_format(t->last_held_org, day);
		fprintf(fp, ",%s,%d", day, today - t->last_held_org);
	} else
		fputs(",,", fp);
	period_format(contact_cadence(t->c), cad);
	put_str(fp, cad);
	put_int(fp, t->interactions);
	put_opt_int(fp, purposes, purposes ? score_round(100.0 * t->give /
	    purposes) : 0);
	put_int(fp, t->ours_due);
	put_int(fp, t->ours_on_time);
	put_int(fp, t->stood_up_by_us);
	put_int(fp, t->bumped_by_them);
	put_int(fp, t->fb_count);
	put_mean(fp, t->fb_sum, t->fb_scored);
	put_opt_int(fp, t->last_feedback_org != NO_DATE,
	    t->last_feedback_org != NO_DATE ? today - t->last_feedback_org : 0);
	put_int(fp, t->issues);
	put_int(fp, t->issues_open);
	put_mean(fp, t->lag_sum, t->issues_told);
	put_int(fp, t->requests);
	put_int(fp, t->requests_open);
	put_mean(fp, t->response_sum, t->answered);
	put_int(fp, t->deals);
	put_int(fp, t->deals > 1 ? t->deals - 1 : 0);
	put_int(fp, t->referrals);
	for (i = 0; i < NDIMS; i++)
		put_score(fp, s.dim[i]);
	put_score(fp, s.recency);
	put_score(fp, s.respect);
	put_score(fp, s.trust);
	put_score(fp, s.health);
	put_score(fp, s.partner);
	csv_end(fp);
}

/* The org at the top of a contact's chain of org: (a team in a company
 * rolls up into the company), or NULL if it has none or the chain is a
 * loop: then the contact stands for itself. */
static struct contact *
top_org(const struct tally *t)
{
	struct contact *org = t->org;
	int depth;

	for (depth = 0; org && tally_of(org)->org; depth++) {
		if (depth == 16)
			return NULL;
		org = tally_of(org)->org;
	}
	return org;
}

/* --by org: each contact whose org: names a contact is added to that org;
 * the rest stand for themselves.  Returns the rows, in order of first
 * appearance. */
static struct tally **
org_rows(size_t *nrows)
{
	struct contact *const *cs;
	struct tally **rows, *t;
	struct contact *org;
	size_t n, i;

	cs = book_contacts(&n);
	rows = xcalloc(n, sizeof(*rows));
	for (i = 0; i < n; i++) {
		t = tally_of(cs[i]);
		if (top_org(t))
			continue;
		rows[i] = xmalloc(sizeof(**rows));
		*rows[i] = *t;
		rows[i]->ev = NULL;
		rows[i]->nev = rows[i]->evcap = 0;
		rows[i]->d = NULL;
		for (size_t k = 0; k < t->nev; k++)
			tally_add_evidence(rows[i], t->ev[k].kind, t->ev[k].file,
			    t->ev[k].line, t->ev[k].day, "%s", t->ev[k].what);
	}
	for (i = 0; i < n; i++) {
		t = tally_of(cs[i]);
		if ((org = top_org(t)) != NULL)
			tally_merge(rows[org->index], t);
	}
	*nrows = n;
	return rows;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "by", required_argument, NULL, 'b' },
		{ "explain", required_argument, NULL, 'x' },
		{ "since", required_argument, NULL, 'S' },
		{ "until", required_argument, NULL, 'U' },
		{ "all", no_argument, NULL, 'a' },
		{ "safe-csv", no_argument, NULL, 'F' },
		{ "today", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct read_opts opts = { 0 };
	struct window win = { NO_DATE, NO_DATE, 0 };
	struct contact *const *cs;
	struct tally **rows = NULL;
	struct scores s;
	const char *today_arg = NULL, *explain = NULL;
	struct sym *sym;
	size_t n, i;
	int by_org = 0, all = 0, c, status;

	diag_init(argv[0]);
	signal(SIGPIPE, SIG_DFL);
	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'b':
			if (strcmp(optarg, "org") == 0)
				by_org = 1;
			else if (strcmp(optarg, "contact") != 0)
				usage_error(USAGE, "--by takes contact or org, not "
				    "'%s'", optarg);
			break;
		case 'x':
			explain = optarg;
			break;
		case 'S':
			win.since = date_option("--since", optarg);
			break;
		case 'U':
			win.until = date_option("--until", optarg);
			break;
		case 'a':
			all = 1;
			break;
		case 'F':
			csv_safe = 1;
			break;
		case 'T':
			today_arg = optarg;
			break;
		default:
			common_option(c, "rel-score", USAGE, help);
		}
	}
	win.today = today_from_option(today_arg);
	if (win.until != NO_DATE && win.until < win.today)
		win.today = win.until;
	tally_init(&win, &opts);
	if (explain)	/* with --by org, the members' evidence is the org's */
		tally_keep_evidence(by_org ? NULL : explain);
	status = rel_read_all(argc - optind, argv + optind, &opts);
	if (status)
		return tool_exit(status);
	tally_finish();
	cs = book_contacts(&n);
	if (by_org)
		rows = org_rows(&n);
	if (explain) {
		sym = sym_find(explain, strlen(explain));
		if (sym == NULL || sym->contact == NULL) {
			warnx_("%s: no such contact in the input", explain);
			status = 2;
		} else {
			const struct tally *t = by_org ?
			    rows[sym->contact->index] : tally_of(sym->contact);
			if (t == NULL) {
				warnx_("%s: belongs to an org; explain the org with "
				    "--by org, or drop --by org", explain);
				status = 2;
			} else {
				score_compute(t, win.today, &s);
				score_explain(stdout, t, &s, win.today);
			}
		}
	} else {
		puts(SCORE_HEADER);
		for (i = 0; i < n; i++) {
			const struct tally *t = by_org ? rows[i] : tally_of(cs[i]);
			if (t == NULL || (!all && cs[i]->status == ST_ENDED))
				continue;
			write_row(stdout, t, win.today);
		}
	}
	if (rows) {
		for (i = 0; i < n; i++)
			if (rows[i]) {
				free(rows[i]->ev);
				free(rows[i]);
			}
		free(rows);
	}
	return tool_exit(status);
}
