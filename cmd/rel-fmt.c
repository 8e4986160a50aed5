/* rel-fmt: a journal in canonical form, so that diffs stay small.  It
 * reads each journal first and refuses one with errors: it never rewrites
 * what it could not read. */
#include <string.h>

#include "cli.h"
#include "fmt.h"

struct fmt {
	enum fmt_mode mode;
	int sort;
};

enum { O_CHECK = CLI_OWN, O_IN_PLACE, O_SORT };

static const struct cli_option options[] = {
	{ "check", 'c', NULL, O_CHECK, "print the names of files not in "
	    "canonical form,\nexit 1 if there are any; change nothing", NULL,
	    0 },
	{ "in-place", 'i', NULL, O_IN_PLACE, "rewrite each FILE in place "
	    "(atomically)", NULL, 0 },
	{ "sort", 's', NULL, O_SORT, "put the entries of each paragraph in date "
	    "order", NULL, SETS(struct fmt, sort) },
	{ NULL, 0, NULL, 0, NULL, NULL, 0 },
};

static const struct tool tool = {
	"rel-fmt", "[FILE ...]",
	"Print rel journals in canonical form: one blank between words,\n"
	"attribute values in a column, comments and blank lines kept where\n"
	"they are; titles, values and notes as written.  FILE - reads\n"
	"standard input; none reads standard input, or on a terminal\n"
	"$REL_JOURNAL.",
	"A journal with errors is refused (exit 2) and left as it is.\n"
	"Exit status: 0 on success, 1 if --check found a file to format,\n"
	"2 on errors.  See rel-fmt(1).",
	options, 0,
};

/* --check, -i: one or the other */
static void
own_option(int id, const char *arg, void *ctx)
{
	struct fmt *f = ctx;

	(void)arg;
	if (f->mode != FMT_PRINT)
		cli_usage("--check and -i do not go together");
	else
		f->mode = id == O_CHECK ? FMT_CHECK : FMT_IN_PLACE;
}

int
main(int argc, char **argv)
{
	struct fmt f = { FMT_PRINT, 0 };
	struct cli cli;
	int i, first, status = 0, st;

	first = cli_start(argc, argv, &tool, &cli, own_option, &f);
	argv = cli_operands(argc, argv, first, &argc);
	for (i = 0; i < argc; i++) {
		if (f.mode == FMT_IN_PLACE && strcmp(argv[i], "-") == 0)
			cli_usage("-i needs files, not standard input");
		st = fmt_file(argv[i], f.mode, f.sort);
		if (st > status)
			status = st;
	}
	return tool_exit(status);
}
