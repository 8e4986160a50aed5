/* rel-overdue: what needs doing now, most urgent first; silent with exit
 * status 1 when nothing does, so that cron mails only when there is work. */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rel.h"
#include "overdue.h"

static const char USAGE[] =
    "[--them] [--within PERIOD] [--owner NAME] [--kind LIST] [--csv]\n"
    "       [--safe-csv] [--today DATE] [FILE ...]";

static void
help(void)
{
	printf("usage: rel-overdue %s\n"
	    "List what needs doing now in rel journals (or their events CSV):\n"
	    "contacts past their cadence, our promises past due, bad news not\n"
	    "yet told, requests past their SLA, feedback not collected.\n"
	    "\n"
	    "  --them            also their promises to us\n"
	    "  --within PERIOD   also what falls due within PERIOD (e.g. 7d)\n"
	    "  --owner NAME      only contacts owned by NAME\n"
	    "  --kind LIST       only these kinds, comma-separated: contact,\n"
	    "                    promise, issue, request, feedback\n"
	    "  --csv             write CSV with a header\n"
	    "  --safe-csv        CSV whose cells are safe to open in a spreadsheet\n"
	    "  --today DATE      the current date (YYYY-MM-DD)\n"
	    "  -h, --help        show this help\n"
	    "  -V, --version     show the version\n"
	    "\n"
	    "Exit status: 0 if something is listed, 1 if nothing is due,\n"
	    "2 on bad input or usage.  See rel-overdue(1).\n", USAGE);
}

static unsigned
parse_kinds(const char *list)
{
	const char *p = list, *comma;
	enum item_kind k;
	unsigned kinds = 0;
	size_t n;

	for (;;) {
		comma = strchr(p, ',');
		n = comma ? (size_t)(comma - p) : strlen(p);
		if (item_kind_from_word(p, n, &k) == -1)
			usage_error(USAGE, "--kind: '%.*s' is not one of contact, "
			    "promise, issue, request, feedback", (int)n, p);
		kinds |= 1u << k;
		if (comma == NULL)
			return kinds;
		p = comma + 1;
	}
}

static void
write_csv(FILE *fp, const struct item *v, size_t n)
{
	char day[DATE_MAX], num[24];
	size_t i;

	fputs("kind,status,days_late,due,contact,owner,ref,what,file,line\n",
	    fp);
	for (i = 0; i < n; i++) {
		csv_field(fp, item_kind_name(v[i].kind),
		    strlen(item_kind_name(v[i].kind)), 1);
		csv_field(fp, v[i].upcoming ? "upcoming" : "overdue",
		    v[i].upcoming ? 8 : 7, 0);
		snprintf(num, sizeof(num), "%d", v[i].late);
		csv_field(fp, num, strlen(num), 0);
		date_format(v[i].due, day);
		csv_field(fp, day, strlen(day), 0);
		csv_field(fp, v[i].contact->id, strlen(v[i].contact->id), 0);
		csv_field(fp, v[i].owner ? v[i].owner : "",
		    v[i].owner ? strlen(v[i].owner) : 0, 0);
		csv_field(fp, v[i].ref ? v[i].ref->id : "",
		    v[i].ref ? strlen(v[i].ref->id) : 0, 0);
		csv_field(fp, v[i].what, strlen(v[i].what), 0);
		csv_field(fp, v[i].file, strlen(v[i].file), 0);
		snprintf(num, sizeof(num), "%ld", v[i].line);
		csv_field(fp, num, strlen(num), 0);
		csv_end(fp);
	}
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "them", no_argument, NULL, 't' },
		{ "within", required_argument, NULL, 'w' },
		{ "owner", required_argument, NULL, 'o' },
		{ "kind", required_argument, NULL, 'k' },
		{ "csv", no_argument, NULL, 'c' },
		{ "safe-csv", no_argument, NULL, 'F' },
		{ "today", required_argument, NULL, 'T' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct overdue_opts o = { 0 };
	struct read_opts ropts = { 0 };
	struct window win = { NO_DATE, NO_DATE, 0 };
	struct item *items;
	const char *today_arg = NULL, *within = NULL, *why;
	size_t n;
	int csv = 0, c, status;

	diag_init(argv[0]);
	signal(SIGPIPE, SIG_DFL);
	o.within = -1;
	o.kinds = (1u << IT__COUNT) - 1;
	while ((c = getopt_long(argc, argv, "hV", longopts, NULL)) != -1) {
		switch (c) {
		case 't':
			o.them = 1;
			break;
		case 'w':
			within = optarg;
			if (period_parse(optarg, strlen(optarg), &o.within_p,
			    &why) == -1)
				usage_error(USAGE, "--within %s: %s", optarg, why);
			break;
		case 'o':
			o.owner = optarg;
			break;
		case 'k':
			o.kinds = parse_kinds(optarg);
			break;
		case 'c':
			csv = 1;
			break;
		case 'F':
			csv = csv_safe = 1;
			break;
		case 'T':
			today_arg = optarg;
			break;
		default:
			common_option(c, "rel-overdue", USAGE, help);
		}
	}
	o.today = win.today = today_from_option(today_arg);
	if (within)
		o.within = period_add(o.today, o.within_p, 1) - o.today;
	tally_init(&win, &ropts);
	status = rel_read_all(argc - optind, argv + optind, &ropts);
	if (status == 0) {
		tally_finish();
		items = overdue_items(&o, &n);
		if (n == 0)
			status = 1;
		else if (csv)
			write_csv(stdout, items, n);
		else
			overdue_write_text(stdout, items, n, 0, 0);
		free(items);
	}
	return tool_exit(status);
}
