/* format.c: --format, whose words each tool lists in its table of options
 * (for --help and --complete); and the rule of --safe-csv, which writes
 * CSV and so goes with no other format. */
#include <string.h>

#include "cli.h"
#include "csvout.h"
#include "format.h"
#include "util.h"

static const char *const names[] = { "text", "md", "csv", "json", "ics" };

/* --format WORD, one of the tool's words; else a usage error that names
 * them. */
enum format
format_option(const char *arg, const char *const *words)
{
	struct buf list = { 0 };
	size_t i, n;

	for (n = 0; words[n]; n++)
		if (strcmp(arg, words[n]) == 0)
			for (i = 0; i < FMT_NONE; i++)
				if (strcmp(arg, names[i]) == 0)
					return (enum format)i;
	words_join(&list, words, n, "or");
	cli_usage("--format takes %s, not '%s'", list.s, arg);
}

/* The format to write: --safe-csv's, which is CSV; else the one given
 * (FMT_NONE: none), else the tool's default.  --safe-csv with another
 * format is a usage error. */
enum format
format_resolve(enum format given, enum format by_default)
{
	if (csv_safe && given != FMT_NONE && given != FMT_CSV)
		cli_usage("--safe-csv writes CSV: it does not go with --format %s",
		    names[given]);
	if (csv_safe)
		return FMT_CSV;
	return given != FMT_NONE ? given : by_default;
}
