/* color.c: the one rule of colour for the tools that write text to read
 * (rel-report(1), rel-log(1)): --color auto, the default, colours only
 * on a terminal and never when NO_COLOR is set and not empty
 * (no-color.org); always and never say what they say.  Markdown and the
 * data formats are never coloured: the tools do not ask. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "color.h"

const char *const color_words[] = { "auto", "always", "never", NULL };

int
color_wanted(const char *when)
{
	const char *no = getenv("NO_COLOR");

	if (strcmp(when, "always") == 0)
		return 1;
	if (strcmp(when, "never") == 0)
		return 0;
	if (strcmp(when, "auto") != 0)
		cli_usage("--color takes auto, always or never, not '%s'", when);
	return isatty(STDOUT_FILENO) && (no == NULL || *no == '\0');
}
