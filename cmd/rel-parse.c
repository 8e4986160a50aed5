/* rel-parse: a journal in, the events CSV (or their JSON) out, or with
 * --check, nothing but the errors. */
#include <stdio.h>

#include "cli.h"
#include "csvout.h"
#include "format.h"
#include "json.h"
#include "reader.h"
#include "select.h"

struct parse {
	int check;
	enum format format;
	struct read_opts opts;
};

enum { O_CHECK = CLI_OWN, O_KEEP_GOING, O_STRICT, O_FORMAT };

static const char *const format_words[] = { "csv", "json", NULL };

static const struct cli_option options[] = {
	{ "check", 'c', NULL, O_CHECK, "validate only; write nothing on stdout",
	    NULL, SETS(struct parse, check) },
	{ "keep-going", 'k', NULL, O_KEEP_GOING, "write every valid record even "
	    "after errors", NULL, SETS(struct parse, opts.keep_going) },
	{ "strict", 's', NULL, O_STRICT, "also warn of what may not be what "
	    "was meant:\nundeclared keys, undeclared contacts, ...", NULL,
	    SETS(struct parse, opts.strict) },
	{ "format", 0, "FORMAT", O_FORMAT, "csv (the events CSV, the default) "
	    "or json\n(JSON Lines)", format_words, 0 },
	{ NULL, 0, NULL, 0, NULL, NULL, 0 },
};

static const struct tool tool = {
	"rel-parse", "[FILE ...]",
	"Read rel journals (or their events CSV) and write one CSV row (or\n"
	"JSON object) per record, or per record selected, to standard\n"
	"output.  FILE - reads standard input; none reads standard input,\n"
	"or on a terminal $REL_JOURNAL.",
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

static void
write_json(const struct record *r, void *ctx)
{
	events_write_json((FILE *)ctx, r);
	output_check((FILE *)ctx);
}

/* --format csv|json */
static void
own_option(int id, const char *arg, void *ctx)
{
	(void)id;
	((struct parse *)ctx)->format = format_option(arg, format_words);
}

int
main(int argc, char **argv)
{
	struct parse p = { .format = FMT_NONE };
	struct cli cli;
	int first = cli_start(argc, argv, &tool, &cli, own_option, &p), status,
	    nops;
	char **ops = cli_operands(argc, argv, first, &nops);

	p.format = format_resolve(p.format, FMT_CSV);
	p.opts.today = cli.today;	/* --strict: entries after it */
	if (!p.check) {
		p.opts.fn = p.format == FMT_JSON ? write_json : write_record;
		p.opts.ctx = stdout;
		if (p.format == FMT_CSV)
			puts(CSV_HEADER);
	}
	status = select_read(cli.select, nops, ops, &p.opts);
	events_flush(stdout);
	output_check(stdout);	/* a failed write, named by its own errno */
	return tool_exit(status);
}
