/* cli.h: what every tool's command line and end share (cli.c). */
#ifndef CLI_H
#define CLI_H

#include <stddef.h>
#include <stdio.h>

#define REL_VERSION "1.1.0"

/* The options the tools share; a tool's own ids start at CLI_OWN.  The
 * selection's: CLI_SELECT + 2 x enum select_test, + 1 for its --not-. */
enum {
	CLI_HELP = 'h', CLI_VERSION = 'V',
	CLI_TODAY = 0x100, CLI_SINCE, CLI_UNTIL, CLI_SAFE_CSV, CLI_COMPLETE,
	CLI_SELECT = 0x180,
	CLI_OWN = 0x200
};

/* Which of the shared options a tool takes, beside --help, --version
 * and --complete; OPTIONS_FIRST: its options end at its first operand
 * (rel-add, whose words may start with a -).  The selection (rel(7),
 * select.h): TAKES_SELECT, of records, as they are read (rel-parse:
 * select_read()); TAKES_SELECT_CONTACTS, of the contacts that rows and
 * items stand for (rel-score, rel-overdue, rel-report), which refuse
 * --grep, and --kind unless tool.kinds. */
enum { TAKES_TODAY = 1, TAKES_WINDOW = 2, TAKES_SAFE_CSV = 4,
    OPTIONS_FIRST = 8, TAKES_SELECT = 16, TAKES_SELECT_CONTACTS = 32 };

struct cli_option {
	const char *name;	/* the long name */
	char letter;		/* the short one, or 0 */
	const char *arg;	/* the argument's name in --help, or NULL */
	int id;
	const char *help;	/* for --help, \n starts a further line; NULL:
				 * in neither --help nor the usage */
	const char *const *words;	/* what completes the argument */
	size_t sets;		/* SETS(): what it sets in the tool's ctx,
				 * an int to 1 or a string to its argument;
				 * 0: the tool's own() takes it */
};

#define SETS(type, field) (offsetof(type, field) + 1)

struct tool {
	const char *name;
	const char *operands;	/* as usage: shows them, after the options */
	const char *about;	/* the first lines of --help */
	const char *end;	/* its last lines: the exit status, a page */
	const struct cli_option *options;	/* ends with a NULL name */
	unsigned takes;		/* TAKES_*, OPTIONS_FIRST */
	/* --complete WHAT for words of the tool's own (rel-add: the kinds,
	 * the open refs), with the options read so far in ctx: prints them
	 * and exits, or returns if WHAT is not its own.  May be NULL. */
	void (*complete)(const char *what, void *ctx);
	/* The words of --kind, for a tool whose --kind selects kinds of its
	 * own (rel-overdue: the kinds of item); NULL: the kinds of record. */
	const char *const *kinds;
};

struct selection;

/* What the shared options set. */
struct cli {
	int today;		/* --today, else the local date */
	int since, until;	/* --since, --until, or NO_DATE */
	struct selection *select;	/* select.h; NULL: none given */
};

int cli_start(int argc, char **argv, const struct tool *, struct cli *,
    void (*own)(int id, const char *arg, void *ctx), void *ctx);
char **cli_operands(int argc, char **argv, int first, int *n);
_Noreturn void cli_usage(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));
const char *cli_closest(const char *arg, const char *const *names,
    size_t n);
_Noreturn void cli_unknown(const char *option, const char *arg,
    const char *what, const char *near);
int tool_exit(int status);
int fshut(FILE *, const char *name);
void output_check(FILE *);

#endif
