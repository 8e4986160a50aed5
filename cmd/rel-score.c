/* rel-score: one row of measures and scores per contact (or org), CSV or
 * JSON, or with --explain, the terms of one contact's scores and their
 * evidence. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "contact.h"
#include "diag.h"
#include "format.h"
#include "reader.h"
#include "score.h"
#include "scorerow.h"
#include "select.h"

struct score {
	int by_org, all;
	const char *explain;
	enum format format;
};

enum { O_BY = CLI_OWN, O_EXPLAIN, O_ALL, O_FORMAT };

static const char *const by_words[] = { "contact", "org", NULL };
static const char *const format_words[] = { "csv", "json", NULL };

static const struct cli_option options[] = {
	{ "by", 0, "contact|org", O_BY, "one row per contact (default) or per "
	    "org", by_words, 0 },
	{ "explain", 0, "ID", O_EXPLAIN, "show how each score of ID was reached",
	    NULL, SETS(struct score, explain) },
	{ "all", 0, NULL, O_ALL, "include ended contacts", NULL,
	    SETS(struct score, all) },
	{ "format", 0, "FORMAT", O_FORMAT, "csv (the default) or json (JSON "
	    "Lines)", format_words, 0 },
	{ NULL, 0, NULL, 0, NULL, NULL, 0 },
};

static const struct tool tool = {
	"rel-score", "[FILE ...]",
	"Score each contact of rel journals (or their events CSV): one CSV\n"
	"row (or JSON object) of measures and 0-100 scores per contact.  A\n"
	"selection picks the rows; each is measured on all the contact's\n"
	"evidence.",
	"Exit status: 0 on success, 2 on bad input or usage.\n"
	"See rel-score(1) for every formula, rel(7) for the selection.",
	options, TAKES_TODAY | TAKES_WINDOW | TAKES_SAFE_CSV |
	    TAKES_SELECT_CONTACTS,
};

/* --by contact|org, --format csv|json */
static void
own_option(int id, const char *arg, void *ctx)
{
	struct score *sc = ctx;

	if (id == O_FORMAT)
		sc->format = format_option(arg, format_words);
	else if (strcmp(arg, "org") == 0)
		sc->by_org = 1;
	else if (strcmp(arg, "contact") != 0)
		cli_usage("--by takes contact or org, not '%s'", arg);
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
	struct score sc = { .format = FMT_NONE };
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
	sc.format = format_resolve(sc.format, FMT_CSV);
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
		score_header(stdout, sc.format);
		for (i = 0; i < n; i++)
			if ((rows == NULL || rows[i]) &&
			    row_wanted(&sc, cli.select, cs[i]))
				score_row(stdout, sc.format, rows ? rows[i] :
				    tally_of(cs[i]), win.today);
	}
	if (rows)
		tally_rows_free(rows, n);
	return tool_exit(status);
}
