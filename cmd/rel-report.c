/* rel-report: a report a person wants to read: a summary, the contacts by
 * health, a page on each, and what is overdue. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rel.h"
#include "report.h"

static const char USAGE[] =
    "[--format text|md] [--ascii] [--color=auto|always|never]\n"
    "       [--contact ID] [--since DATE] [--until DATE] [--all]\n"
    "       [--today DATE] [FILE ...]";

static void
help(void)
{
	printf("usage: rel-report %s\n"
	    "Write a readable report of rel journals (or their events CSV):\n"
	    "a summary, the contacts by health, a section on each, and what is\n"
	    "overdue.  Plain text that fits 80 columns, or Markdown.\n"
	    "\n"
	    "  --format text|md   plain text (default) or Markdown\n"
	    "  --ascii            ASCII only, no Unicode blocks or arrows\n"
	    "  --color WHEN       auto (default: on a terminal, unless NO_COLOR\n"
	    "                     is set), always or never\n"
	    "  --contact ID       report on one contact\n"
	    "  --since DATE       count only evidence from DATE on\n"
	    "  --until DATE       count only evidence up to DATE\n"
	    "  --all              include ended contacts\n"
	    "  --today DATE       the current date (YYYY-MM-DD)\n"
	    "  -h, --help         show this help\n"
	    "  -V, --version      show the version\n"
	    "\n"
	    "Exit status: 0 on success, 2 on bad input or usage.\n"
	    "See rel-report(1).\n", USAGE);
}

static int
want_color(const char *when)
{
	const char *no = getenv("NO_COLOR");

	if (strcmp(when, "always") == 0)
		return 1;
	if (strcmp(when, "never") == 0)
		return 0;
	if (strcmp(when, "auto") != 0)
		usage_error(USAGE, "--color takes auto, always or never, not "
		    "'%s'", when);
	return isatty(STDOUT_FILENO) && (no == NULL || *no == '\0');
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "ascii", no_argument, NULL, 'a' },
		{ "color", required_argument, NULL, 'C' },
		{ "colour", required_argument, NULL, 'C' },
		{ "contact", required_argument, NULL, 'c' },
		{ "since", required_argument, NULL, 'S' },
		{ "until", required_argument, NULL, 'U' },
		{ "all", no_argument, NULL, 'A' },
		{ "today", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct report_opts ro = { 0 };
	struct read_opts opts = { 0 };
	const char *today_arg = NULL, *color = "auto";
	int c, status;

	diag_init(argv[0]);
	signal(SIGPIPE, SIG_DFL);
	ro.win.since = ro.win.until = NO_DATE;
	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "md") == 0 ||
			    strcmp(optarg, "markdown") == 0)
				ro.markdown = 1;
			else if (strcmp(optarg, "text") != 0)
				usage_error(USAGE, "--format takes text or md, not "
				    "'%s'", optarg);
			break;
		case 'a':
			ro.ascii = 1;
			break;
		case 'C':
			color = optarg;
			break;
		case 'c':
			ro.contact = optarg;
			break;
		case 'S':
			ro.win.since = date_option("--since", optarg);
			break;
		case 'U':
			ro.win.until = date_option("--until", optarg);
			break;
		case 'A':
			ro.all = 1;
			break;
		case 'T':
			today_arg = optarg;
			break;
		default:
			common_option(c, "rel-report", USAGE, help);
		}
	}
	ro.color = !ro.markdown && want_color(color);
	ro.win.today = today_from_option(today_arg);
	ro.win.detail = 1;
	if (ro.win.until != NO_DATE && ro.win.until < ro.win.today)
		ro.win.today = ro.win.until;
	tally_init(&ro.win, &opts);
	status = rel_read_all(argc - optind, argv + optind, &opts);
	if (status == 0) {
		tally_finish();
		status = report_write(stdout, &ro);
	}
	return tool_exit(status);
}
