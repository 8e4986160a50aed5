/* rel-report: a report a person wants to read: a summary, the contacts by
 * health, a page on each, and what is overdue. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "color.h"
#include "diag.h"
#include "format.h"
#include "reader.h"
#include "report.h"
#include "select.h"

struct report {
	struct report_opts ro;
	const char *color;
};

enum { O_FORMAT = CLI_OWN, O_ASCII, O_COLOR, O_ALL };

static const char *const format_words[] = { "text", "md", NULL };

static const struct cli_option options[] = {
	{ "format", 0, "text|md", O_FORMAT, "plain text (default) or Markdown",
	    format_words, 0 },
	{ "ascii", 0, NULL, O_ASCII, "ASCII only, no Unicode blocks or arrows",
	    NULL, SETS(struct report, ro.ascii) },
	COLOR_OPTIONS(struct report, color, O_COLOR),
	{ "all", 0, NULL, O_ALL, "include ended contacts", NULL,
	    SETS(struct report, ro.all) },
	{ NULL, 0, NULL, 0, NULL, NULL, 0 },
};

static const struct tool tool = {
	"rel-report", "[FILE ...]",
	"Write a readable report of rel journals (or their events CSV):\n"
	"a summary, the contacts by health, a section on each, and what is\n"
	"overdue.  Plain text that fits 80 columns, or Markdown.  A selection\n"
	"picks the contacts and items reported on.",
	"Exit status: 0 on success, 2 on bad input or usage.\n"
	"See rel-report(1), and rel(7) for the selection.",
	options, TAKES_TODAY | TAKES_WINDOW | TAKES_SELECT_CONTACTS,
};

/* --format text|md, and markdown, md's name in version 1 */
static void
own_option(int id, const char *arg, void *ctx)
{
	struct report *r = ctx;

	(void)id;
	if (strcmp(arg, "markdown") == 0)
		arg = "md";
	r->ro.markdown = format_option(arg, format_words) == FMT_MD;
}

int
main(int argc, char **argv)
{
	struct report r = { .color = "auto" };
	struct read_opts opts = { 0 };
	struct cli cli;
	char **ops;
	int first, status, nops;

	first = cli_start(argc, argv, &tool, &cli, own_option, &r);
	ops = cli_operands(argc, argv, first, &nops);
	r.ro.color = !r.ro.markdown && color_wanted(r.color);
	r.ro.win = (struct window){ cli.since, cli.until, cli.today, 1, 1 };
	if (r.ro.win.until != NO_DATE && r.ro.win.until < r.ro.win.today)
		r.ro.win.today = r.ro.win.until;
	tally_init(&r.ro.win, &opts);
	status = rel_read_all(nops, ops, &opts);
	if (status == 0)
		tally_finish();
	if (status != 0 || diag_errors())
		return tool_exit(2);
	select_check(cli.select);
	r.ro.select = cli.select;
	report_write(stdout, &r.ro);
	return tool_exit(0);
}
