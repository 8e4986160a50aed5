/* color.h: when the text tools colour their output, and the colours */
#ifndef COLOR_H
#define COLOR_H

#define SGR_GREEN "\033[32m"
#define SGR_YELLOW "\033[33m"
#define SGR_RED "\033[31m"
#define SGR_RESET "\033[0m"

extern const char *const color_words[];
int color_wanted(const char *when);

/* The two entries of a tool's table of options (cli.h) for --color WHEN,
 * also spelt --colour, which set the string field of its type. */
#define COLOR_OPTIONS(type, field, id) \
	{ "color", 0, "WHEN", id, "auto (default: on a terminal, unless " \
	    "NO_COLOR\nis set), always or never", color_words, \
	    SETS(type, field) }, \
	{ "colour", 0, "WHEN", id, NULL, color_words, SETS(type, field) }

#endif
