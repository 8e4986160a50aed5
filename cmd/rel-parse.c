/* rel-parse: a journal in, the events CSV out (or, with --check, nothing
 * but the errors). */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "rel.h"

static const char USAGE[] =
    "[--check] [--keep-going] [--strict] [--safe-csv] [--today DATE]\n"
    "       [FILE ...]";

static void
help(void)
{
	printf("usage: rel-parse %s\n"
	    "Read rel journals (or their events CSV) and write one CSV row per\n"
	    "record to standard output.  FILE - or none reads standard input.\n"
	    "\n"
	    "  -c, --check       validate only; write nothing on stdout\n"
	    "  -k, --keep-going  write every valid record even after errors\n"
	    "  -s, --strict      also warn of unknown attributes and contacts\n"
	    "                    that are never declared\n"
	    "      --safe-csv    make cells safe to open in a spreadsheet\n"
	    "      --today DATE  the current date (YYYY-MM-DD)\n"
	    "  -h, --help        show this help\n"
	    "  -V, --version     show the version\n"
	    "\n"
	    "Exit status: 0 if all input was valid, 2 otherwise.\n"
	    "See rel-parse(1) and rel-journal(5).\n", USAGE);
}

static void
write_record(const struct record *r, void *ctx)
{
	events_write_record((FILE *)ctx, r);
	output_check((FILE *)ctx);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ "keep-going", no_argument, NULL, 'k' },
		{ "strict", no_argument, NULL, 's' },
		{ "safe-csv", no_argument, NULL, 'F' },
		{ "today", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct read_opts opts = { 0 };
	const char *today_arg = NULL;
	int check = 0, c;

	diag_init(argv[0]);
	signal(SIGPIPE, SIG_DFL);
	while ((c = getopt_long(argc, argv, "ckshV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			check = 1;
			break;
		case 'k':
			opts.keep_going = 1;
			break;
		case 's':
			opts.strict = 1;
			break;
		case 'F':
			csv_safe = 1;
			break;
		case 'T':
			today_arg = optarg;
			break;
		default:
			common_option(c, "rel-parse", USAGE, help);
		}
	}
	opts.today = today_from_option(today_arg);	/* --strict: after today */
	if (!check) {
		static char obuf[1 << 16];
		setvbuf(stdout, obuf, _IOFBF, sizeof(obuf));
		opts.fn = write_record;
		opts.ctx = stdout;
		puts(CSV_HEADER);
	}
	return tool_exit(rel_read_all(argc - optind, argv + optind, &opts));
}
