/* rel-merge: a git merge driver for rel journals.  It merges the journal
 * entry by entry (merge.c) and writes the result into OURS, as git asks
 * of a driver; it refuses, OURS as it was, when a version does not read. */
#include <string.h>

#include "cli.h"
#include "merge.h"

static const struct cli_option options[] = {
	{ NULL, 0, NULL, 0, NULL, NULL, 0 },
};

static const struct tool tool = {
	"rel-merge", "BASE OURS THEIRS",
	"Merge two versions of a rel journal, OURS and THEIRS, that come from\n"
	"BASE, entry by entry, and write the result into OURS: a git merge\n"
	"driver (merge.rel.driver = rel-merge %O %A %B).  What both sides\n"
	"add is kept; an entry or a contact changed differently on both sides\n"
	"is a conflict, marked with git's markers around it alone.",
	"A version that does not read is refused (exit 2), OURS left as it is.\n"
	"Exit status: 0 merged, 1 merged with conflicts, 2 on errors.\n"
	"See rel-merge(1).",
	options, 0,
};

int
main(int argc, char **argv)
{
	struct cli cli;
	int first, i;

	first = cli_start(argc, argv, &tool, &cli, NULL, NULL);
	if (argc - first != 3)
		cli_usage("three files are needed: BASE OURS THEIRS");
	for (i = first; i < argc; i++)
		if (strcmp(argv[i], "-") == 0)
			cli_usage("files are needed, not standard input");
	return tool_exit(merge_files(argv[first], argv[first + 1],
	    argv[first + 2]));
}
