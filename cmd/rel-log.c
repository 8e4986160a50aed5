/* rel-log: the journal as a timeline, oldest first: a line or a few per
 * entry, in 80 columns, in Markdown, or as rel-parse writes records. */
#include <stdio.h>

#include "cli.h"
#include "color.h"
#include "diag.h"
#include "format.h"
#include "log.h"
#include "reader.h"
#include "select.h"

struct logcmd {
	struct log_opts lo;
	enum format format;
	const char *color;
};

enum { O_FORMAT = CLI_OWN, O_REVERSE, O_COLOR };

static const char *const format_words[] = { "text", "md", "csv", "json",
    NULL };

static const struct cli_option options[] = {
	{ "format", 0, "FORMAT", O_FORMAT, "text (default), md (Markdown), csv "
	    "(the events CSV)\nor json (JSON Lines)", format_words, 0 },
	{ "reverse", 'r', NULL, O_REVERSE, "newest first", NULL,
	    SETS(struct logcmd, lo.reverse) },
	COLOR_OPTIONS(struct logcmd, color, O_COLOR),
	{ NULL, 0, NULL, 0, NULL, NULL, 0 },
};

static const struct tool tool = {
	"rel-log", "[FILE ...]",
	"Show rel journals (or their events CSV) as a timeline: each entry\n"
	"with its date, time, kind, contacts, title and attributes, its notes\n"
	"below, oldest first.  Plain text that fits 80 columns, Markdown, or\n"
	"the records as rel-parse writes them.  A selection picks the\n"
	"entries shown.",
	"Exit status: 0 if an entry is shown, 1 if none is, 2 on bad input\n"
	"or usage.  See rel-log(1), and rel(7) for the selection.",
	options, TAKES_TODAY | TAKES_SAFE_CSV | TAKES_SELECT,
};

/* --format FORMAT */
static void
own_option(int id, const char *arg, void *ctx)
{
	(void)id;
	((struct logcmd *)ctx)->format = format_option(arg, format_words);
}

int
main(int argc, char **argv)
{
	struct logcmd lc = { .format = FMT_NONE, .color = "auto" };
	struct read_opts opts = { 0 };
	struct cli cli;
	char **ops;
	int first, status, nops;

	first = cli_start(argc, argv, &tool, &cli, own_option, &lc);
	ops = cli_operands(argc, argv, first, &nops);
	lc.lo.format = format_resolve(lc.format, FMT_TEXT);
	lc.lo.color = lc.lo.format == FMT_TEXT && color_wanted(lc.color);
	lc.lo.since = cli.since;
	/* nothing after the day measured, as if not yet written */
	lc.lo.until = cli.until != NO_DATE && cli.until < cli.today ?
	    cli.until : cli.today;
	opts.today = cli.today;
	log_init(&lc.lo, &opts);
	status = select_read(cli.select, nops, ops, &opts);
	if (status != 0 || diag_errors())
		status = 2;
	else if (log_write(stdout) == 0)
		status = 1;
	log_free();
	return tool_exit(status);
}
