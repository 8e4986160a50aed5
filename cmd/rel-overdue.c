/* rel-overdue: what needs doing now, most urgent first; silent with exit
 * status 1 when nothing does, so that cron mails only when there is work;
 * or a calendar of it to subscribe to, empty when nothing is due. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "contact.h"
#include "diag.h"
#include "format.h"
#include "ics.h"
#include "itemrow.h"
#include "overdue.h"
#include "reader.h"
#include "select.h"
#include "tally.h"

struct overdue {
	struct overdue_opts o;
	const char *within;
	enum format format;
};

enum { O_THEM = CLI_OWN, O_WITHIN, O_CSV, O_FORMAT };

static const char *const within_words[] = { "7d", "14d", "30d", NULL };
static const char *const format_words[] = { "text", "csv", "json", "ics",
    NULL };

static const struct cli_option options[] = {
	{ "them", 0, NULL, O_THEM, "also their promises to us", NULL,
	    SETS(struct overdue, o.them) },
	{ "within", 0, "PERIOD", O_WITHIN, "also what falls due within PERIOD "
	    "(e.g. 7d)", within_words, 0 },
	{ "format", 0, "FORMAT", O_FORMAT, "text (default), csv, json (JSON "
	    "Lines) or ics\n(a calendar, written even when nothing is due)",
	    format_words, 0 },
	{ "csv", 0, NULL, O_CSV, "write CSV with a header: --format csv", NULL,
	    0 },
	{ NULL, 0, NULL, 0, NULL, NULL, 0 },
};

static const struct tool tool = {
	"rel-overdue", "[FILE ...]",
	"List what needs doing now in rel journals (or their events CSV):\n"
	"contacts past their cadence, our promises past due, bad news not\n"
	"yet told, requests past their SLA, feedback not collected.",
	"Exit status: 0 if something is listed (with --format ics: the\n"
	"calendar is written), 1 if nothing is due, 2 on bad input or usage.\n"
	"See rel-overdue(1), and rel(7) for the selection.",
	options, TAKES_TODAY | TAKES_SAFE_CSV | TAKES_SELECT_CONTACTS, NULL,
	item_kind_names,
};

/* --within PERIOD, --format FORMAT, --csv */
static void
own_option(int id, const char *arg, void *ctx)
{
	struct overdue *od = ctx;
	const char *why;

	if (id == O_FORMAT || id == O_CSV) {
		od->format = id == O_CSV ? FMT_CSV :
		    format_option(arg, format_words);
		return;
	}
	od->within = arg;
	if (period_parse(arg, strlen(arg), &od->o.within_p, &why) == -1)
		cli_usage("--within %s: %s", arg, why);
}

int
main(int argc, char **argv)
{
	struct overdue od = { .o.within = -1, .format = FMT_NONE };
	struct read_opts ropts = { 0 };
	struct window win;
	struct item *items;
	struct cli cli;
	size_t n;
	char **ops;
	int first, status, nops;

	first = cli_start(argc, argv, &tool, &cli, own_option, &od);
	ops = cli_operands(argc, argv, first, &nops);
	od.format = format_resolve(od.format, FMT_TEXT);
	od.o.today = cli.today;
	od.o.kinds = select_kinds(cli.select, (1u << IT__COUNT) - 1);
	od.o.select = cli.select;
	if (od.within)
		od.o.within = period_add(od.o.today, od.o.within_p, 1) - od.o.today;
	win = (struct window){ NO_DATE, NO_DATE, cli.today, 0, 0 };
	tally_init(&win, &ropts);
	status = rel_read_all(nops, ops, &ropts);
	if (status == 0)
		tally_finish();
	if (status != 0 || diag_errors())
		return tool_exit(2);
	select_check(cli.select);
	items = overdue_items(&od.o, &n);
	if (od.format == FMT_ICS)	/* a feed: empty rather than gone */
		items_write_ics(stdout, items, n, od.o.today);
	else if (n == 0)
		status = 1;
	else if (od.format == FMT_TEXT)
		overdue_write_text(stdout, items, n, 0, OVERDUE_WIDTH);
	else
		items_write_rows(stdout, od.format, items, n);
	overdue_items_free(items, n);
	return tool_exit(status);
}
