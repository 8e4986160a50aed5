/* rel-add: one entry logged from the shell, read with the whole journal
 * before it is appended in one write (rel-add(1)). */
#include <stdlib.h>
#include <string.h>

#include "add.h"
#include "cli.h"
#include "date.h"

enum { O_FILE = CLI_OWN, O_DATE, O_TIME, O_CONTACT_FILE, O_DRY_RUN };

static const struct cli_option options[] = {
	{ "file", 'f', "JOURNAL", O_FILE, "the journal to add to (default: "
	    "$REL_JOURNAL)", NULL, SETS(struct add, journal) },
	{ "date", 0, "DATE", O_DATE, "the entry's date (default: today): "
	    "YYYY-MM-DD,\nyesterday, -3d, mon (the latest Monday), ...",
	    date_words, SETS(struct add, date) },
	{ "time", 0, "HH:MM", O_TIME, "the entry's time of day", NULL,
	    SETS(struct add, time) },
	{ "contact-file", 0, NULL, O_CONTACT_FILE, "add it to the file that "
	    "declares its contact,\nnot to the end of JOURNAL", NULL,
	    SETS(struct add, contact_file) },
	{ "dry-run", 'n', NULL, O_DRY_RUN, "check and print the entry; write "
	    "nothing", NULL, SETS(struct add, dry_run) },
	{ NULL, 0, NULL, 0, NULL, NULL, 0 },
};

static const char *
journal(const struct add *a)
{
	const char *env = getenv("REL_JOURNAL");

	return a->journal ? a->journal : env && *env ? env : NULL;
}

/* --complete kinds, --complete refs:KIND (add_complete()) */
static void
complete(const char *what, void *ctx)
{
	int status = add_complete(what, journal(ctx));

	if (status >= 0)
		exit(tool_exit(status));
}

static const struct tool tool = {
	"rel-add", "KIND SUBJECT [WORD ...]",
	"Add an entry to a rel journal: DATE [HH:MM] KIND SUBJECT WORD ...,\n"
	"the WORDs as on a journal line.  The journal is read with the entry\n"
	"first; the entry is appended in canonical form and printed.",
	"Exit status: 0 when the entry was added, 2 when it was not.\n"
	"See rel-add(1).",
	options, TAKES_TODAY | OPTIONS_FIRST, complete,
};

/* KIND and SUBJECT: one word each. */
static const char *
one_word(const char *w, const char *what)
{
	if (*w == '\0' || strpbrk(w, " \t\n"))
		cli_usage("%s is one word: '%s'", what, w);
	return w;
}

int
main(int argc, char **argv)
{
	struct add a = { 0 };
	struct cli cli;
	int first = cli_start(argc, argv, &tool, &cli, NULL, &a);

	a.today = cli.today;
	if ((a.journal = journal(&a)) == NULL)
		cli_usage("no journal: give -f JOURNAL, or set REL_JOURNAL");
	if (strcmp(a.journal, "-") == 0)
		cli_usage("-f: rel-add appends to a file, not to standard output");
	if (argc - first < 2)
		cli_usage("give the KIND and the SUBJECT of the entry");
	a.kind = one_word(argv[first], "KIND");
	a.subject = one_word(argv[first + 1], "SUBJECT");
	a.words = argv + first + 2;
	a.nwords = (size_t)(argc - first - 2);
	return tool_exit(add_entry(&a));
}
