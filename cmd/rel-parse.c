/* rel-parse: a journal in, the events CSV out (or, with --check, nothing
 * but the errors). */
#include <stdio.h>

#include "cli.h"
#include "csvout.h"
#include "reader.h"
#include "select.h"

struct parse {
	int check;
	struct read_opts opts;
};

enum { O_CHECK = CLI_OWN, O_KEEP_GOING, O_STRICT };

static const struct cli_option options[] = {
	{ "check", 'c', NULL, O_CHECK, "validate only; write nothing on stdout",
	    NULL, SETS(struct parse, check) },
	{ "keep-going", 'k', NULL, O_KEEP_GOING, "write every valid record even "
	    "after errors", NULL, SETS(struct parse, opts.keep_going) },
	{ "strict", 's', NULL, O_STRICT, "also warn of what may not be what "
	    "was meant:\nundeclared keys, undeclared contacts, ...", NULL,
	    SETS(struct parse, opts.strict) },
	{ NULL, 0, NULL, 0, NULL, NULL, 0 },
};

static const struct tool tool = {
	"rel-parse", "[FILE ...]",
	"Read rel journals (or their events CSV) and write one CSV row per\n"
	"record to standard output, or per record selected.  FILE - reads\n"
	"standard input; none reads standard input, or on a terminal\n"
	"$REL_JOURNAL.",
	"Exit status: 0 if all input was valid, 2 otherwise.\n"
	"See rel-parse(1), rel-journal(5) and, for the selection, rel(7).",
	options, TAKES_TODAY | TAKES_SAFE_CSV | TAKES_SELECT,
};

static void
write_record(const struct record *r, void *ctx)
{
	events_write_record((FILE *)ctx, r);
	output_check((FILE *)ctx);
}

int
main(int argc, char **argv)
{
	struct parse p = { 0 };
	struct cli cli;
	int first = cli_start(argc, argv, &tool, &cli, NULL, &p), status, nops;
	char **ops = cli_operands(argc, argv, first, &nops);

	p.opts.today = cli.today;	/* --strict: entries after it */
	if (!p.check) {
		p.opts.fn = write_record;
		p.opts.ctx = stdout;
		puts(CSV_HEADER);
	}
	status = select_read(cli.select, nops, ops, &p.opts);
	events_flush(stdout);
	return tool_exit(status);
}
