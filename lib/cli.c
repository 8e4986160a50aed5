/* cli.c: what every tool's command line and end share.  A tool gives a
 * table of its own options (struct tool); the options the tools share
 * (--today, --since, --until, --safe-csv, --help, --version, --complete)
 * are handled here, --help is written from the table so that it cannot
 * disagree with what the tool takes, and --complete WHAT prints the words
 * that complete WHAT for the shell completions, from the same table.
 *
 * The selection (select.c) is read here for every tool that takes it.
 *
 * The end of a tool is here too: its output flushed and checked, its
 * memory handed back. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "csvout.h"
#include "date.h"
#include "diag.h"
#include "reader.h"
#include "select.h"
#include "util.h"

#define SELECTS (TAKES_SELECT | TAKES_SELECT_CONTACTS)
#define SEL(t) (CLI_SELECT + 2 * (t))
#define NOT(t) (CLI_SELECT + 2 * (t) + 1)
#define NO_OPTION { NULL, 0, NULL, 0, NULL, NULL, 0 }

/* The shared options, in the order --help lists them after a tool's, and
 * the tools that take each: all (takes 0), or those whose takes has a
 * bit of `takes` and none of `unless`; a tool with a bit of `refused`
 * knows the option, and refuses it with a reason (select_option()).
 * The selection's come first, each followed in --help by its negation
 * (negation()); the words and help of --kind are the tool's
 * (kind_option()). */
static const struct shared {
	struct cli_option o;
	unsigned takes, unless, refused;
} shared[] = {
	{ { "contact", 0, "ID", SEL(SEL_CONTACT), "select the contact ID (an org: "
	    "with its members)", NULL, 0 }, SELECTS, 0, 0 },
	{ { "org", 0, "ID", SEL(SEL_ORG), "select the org ID and its members",
	    NULL, 0 }, SELECTS, 0, 0 },
	{ { "owner", 0, "NAME", SEL(SEL_OWNER), "select the contacts owned by "
	    "NAME", NULL, 0 }, SELECTS, 0, 0 },
	{ { "tag", 0, "TAG", SEL(SEL_TAG), "select what is tagged +TAG; "
	    "repeated: all", NULL, 0 }, SELECTS, 0, 0 },
	{ { "kind", 0, "LIST", SEL(SEL_KIND), NULL, NULL, 0 }, TAKES_SELECT, 0,
	    TAKES_SELECT_CONTACTS },
	{ { "grep", 0, "REGEX", SEL(SEL_GREP), "select the records whose title "
	    "or a note line\nmatches REGEX (PCRE2); repeated: all", NULL, 0 },
	    TAKES_SELECT, 0, TAKES_SELECT_CONTACTS },
	{ { "since", 0, "DATE", CLI_SINCE, "count only evidence from DATE on",
	    NULL, 0 }, TAKES_WINDOW, 0, 0 },
	{ { "until", 0, "DATE", CLI_UNTIL, "count only evidence up to DATE",
	    NULL, 0 }, TAKES_WINDOW, 0, 0 },
	{ { "since", 0, "DATE", CLI_SINCE, "select the records dated DATE or "
	    "later", NULL, 0 }, TAKES_SELECT, TAKES_WINDOW, 0 },
	{ { "until", 0, "DATE", CLI_UNTIL, "select the records dated DATE or "
	    "earlier", NULL, 0 }, TAKES_SELECT, TAKES_WINDOW, 0 },
	{ { "since", 0, "DATE", CLI_SINCE, "select the items due on DATE or "
	    "later", NULL, 0 }, TAKES_SELECT_CONTACTS, TAKES_WINDOW, 0 },
	{ { "until", 0, "DATE", CLI_UNTIL, "select the items due on DATE or "
	    "earlier", NULL, 0 }, TAKES_SELECT_CONTACTS, TAKES_WINDOW, 0 },
	{ { "safe-csv", 0, NULL, CLI_SAFE_CSV, "make CSV cells safe to open in a "
	    "spreadsheet", NULL, 0 }, TAKES_SAFE_CSV, 0, 0 },
	{ { "today", 0, "DATE", CLI_TODAY, "the current date (YYYY-MM-DD)", NULL,
	    0 }, TAKES_TODAY, 0, 0 },
	{ { "help", 'h', NULL, CLI_HELP, "show this help", NULL, 0 }, 0, 0, 0 },
	{ { "version", 'V', NULL, CLI_VERSION, "show the version", NULL, 0 }, 0,
	    0, 0 },
	{ { "complete", 0, "WHAT", CLI_COMPLETE, NULL, NULL, 0 }, 0, 0, 0 },
	{ NO_OPTION, 0, 0, 0 },
};

static const struct tool *tool;
static struct buf usage;	/* after the tool's name: its options, operands */
static struct selection *made;	/* the selection given, freed at the end */

enum { NOT_TAKEN, TAKEN, REFUSED };

static int
is_select(int id)
{
	return id >= CLI_SELECT && id < SEL(SEL__COUNT);
}

/* Whether the tool takes the shared option: NOT_TAKEN, TAKEN or REFUSED. */
static int
takes(const struct shared *s)
{
	unsigned t = tool->takes;

	if (s->o.id == SEL(SEL_KIND) && tool->kinds &&
	    (t & TAKES_SELECT_CONTACTS))
		return TAKEN;
	if (s->takes == 0 || ((t & s->takes) && !(t & s->unless)))
		return TAKEN;
	return (t & s->refused) ? REFUSED : NOT_TAKEN;
}

/* --kind as the tool takes it: the kinds of record, or of its own. */
static void
kind_option(struct cli_option *o)
{
	if (tool->kinds)
		o->help = "select the items of these kinds, comma-separated:";
	else
		o->help = "select the records of these kinds, comma-separated";
	o->words = tool->kinds ? tool->kinds : select_record_kinds();
}

/* rel(7): each option of the selection has a negation, --not-NAME, that
 * leaves out what --NAME selects. */
static void
negation(struct cli_option *o)
{
	static char names[SEL__COUNT][16], helps[SEL__COUNT][48];
	size_t t = (size_t)(o->id - CLI_SELECT) / 2;

	snprintf(names[t], sizeof(names[t]), "not-%s", o->name);
	snprintf(helps[t], sizeof(helps[t]), "leave out what --%s %s selects",
	    o->name, o->arg);
	o->name = names[t];
	o->help = helps[t];
	o->id++;
}

/* Calls fn on the shared option s, or on its negation, if the tool takes
 * it; with refused, if it refuses it too (getopt knows those). */
static void
offer(const struct shared *s, int negated, int refused,
    void (*fn)(const struct cli_option *, void *), void *ctx)
{
	struct cli_option copy = s->o;
	int how = takes(s);

	if (how == NOT_TAKEN || (how == REFUSED && !refused))
		return;
	if (copy.id == SEL(SEL_KIND))
		kind_option(&copy);
	if (negated)
		negation(&copy);
	fn(&copy, ctx);
}

/* Calls fn on each option the tool takes, its own first, then the
 * selection's and their negations, then the others. */
static void
each_option_of(void (*fn)(const struct cli_option *, void *), void *ctx,
    int refused)
{
	const struct cli_option *o;
	const struct shared *s = shared;
	int negated;

	for (o = tool->options; o->name; o++)
		fn(o, ctx);
	for (negated = 0; negated < 2; negated++)
		for (s = shared; is_select(s->o.id); s++)
			offer(s, negated, refused, fn, ctx);
	for (; s->o.name; s++)
		offer(s, 0, refused, fn, ctx);
}

static void
each_option(void (*fn)(const struct cli_option *, void *), void *ctx)
{
	each_option_of(fn, ctx, 0);
}

/* "  -c, --check           validate only", its further lines under it;
 * a help that ends in a colon, then the words of the argument. */
static void
help_line(const struct cli_option *o, void *ctx)
{
	const char *p, *nl;
	struct buf words = { 0 };
	size_t nwords = 0;
	int n;

	(void)ctx;
	if (o->help == NULL)	/* --complete: for the completions only */
		return;
	if (o->letter)
		n = printf("  -%c, --%s", o->letter, o->name);
	else
		n = printf("      --%s", o->name);
	if (o->arg)
		n += printf(" %s", o->arg);
	for (p = o->help; p; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		printf("%*s%.*s\n", n < 24 ? 24 - n : 1, "", (int)(nl ? nl - p :
		    (long)strlen(p)), p);
		n = 0;
	}
	if (o->words == NULL || o->help[strlen(o->help) - 1] != ':')
		return;
	while (o->words[nwords])
		nwords++;
	words_join(&words, o->words, nwords, "or");
	printf("%24s%s\n", "", words.s);
	buf_free(&words);
}

static void
help(void)
{
	printf("usage: %s %s\n%s\n\n", tool->name, usage.s, tool->about);
	each_option(help_line, NULL);
	printf("\n%s\n", tool->end);
}

/* "[--check] [--today DATE] ... [FILE ...]", the lines broken before 80
 * columns under the first. */
static void
usage_word(const struct cli_option *o, void *ctx)
{
	size_t *col = ctx, n;
	char word[64];

	if (o->help == NULL || o->id == CLI_HELP || o->id == CLI_VERSION)
		return;
	n = (size_t)snprintf(word, sizeof(word), "[--%s%s%s]", o->name,
	    o->arg ? " " : "", o->arg ? o->arg : "");
	if (*col + n + 1 > 79) {
		buf_add(&usage, "\n       ", 8);
		*col = 7;
	}
	if (usage.len && usage.s[usage.len - 1] != ' ')
		buf_addc(&usage, ' ');
	buf_add(&usage, word, n);
	*col += n + 1;
}

static void
make_usage(void)
{
	size_t col = 7 + strlen(tool->name);

	usage.len = 0;
	buf_add(&usage, "", 0);
	each_option(usage_word, &col);
	if (col + strlen(tool->operands) + 1 > 79)
		buf_add(&usage, "\n       ", 8);
	else if (usage.len)	/* after the options, if there are any */
		buf_addc(&usage, ' ');
	buf_add(&usage, tool->operands, strlen(tool->operands));
}

/* --complete options: the long options; --complete described: the same,
 * each with the first line of its help after a colon (zsh's _describe);
 * --complete --NAME: the words that complete NAME's argument. */
static void
complete_line(const struct cli_option *o, void *ctx)
{
	const char *what = ctx;
	size_t i;

	if (strcmp(what, "options") == 0)
		printf("--%s\n", o->name);
	else if (strcmp(what, "described") == 0 && o->help)
		printf("--%s:%.*s\n", o->name, (int)strcspn(o->help, "\n"),
		    o->help);
	else if (strncmp(what, "--", 2) == 0 && strcmp(what + 2, o->name) == 0)
		for (i = 0; o->words && o->words[i]; i++)
			printf("%s\n", o->words[i]);
}

static void
count_option(const struct cli_option *o, void *ctx)
{
	(void)o;
	(*(size_t *)ctx)++;
}

struct longopts {
	struct option *v;
	char *letters;
	size_t n;
	int ids[128];		/* of the short options, by their letter */
};

static void
add_option(const struct cli_option *o, void *ctx)
{
	struct longopts *l = ctx;
	struct option *lo = &l->v[l->n++];

	lo->name = o->name;
	lo->has_arg = o->arg ? required_argument : no_argument;
	lo->flag = NULL;
	lo->val = o->id;
	if (o->letter) {
		strncat(l->letters, &o->letter, 1);
		if (o->arg)
			strcat(l->letters, ":");
		l->ids[(unsigned char)o->letter & 127] = o->id;
	}
}

_Noreturn void
cli_usage(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_usage(usage.s, fmt, ap);
	va_end(ap);
}

/* The name of names closest to w, case aside, or NULL. */
const char *
cli_closest(const char *w, const char *const *names, size_t n)
{
	char **folded = xcalloc(n ? n : 1, sizeof(*folded)), *fw, *p;
	const char *near = NULL;
	size_t i;

	fw = xmalloc(strlen(w) + 1);
	for (p = fw; (*p = *w) != '\0'; p++, w++)
		*p = (char)tolower((unsigned char)*p);
	for (i = 0; i < n; i++) {
		folded[i] = xmalloc(strlen(names[i]) + 1);
		for (p = folded[i], w = names[i]; (*p = *w) != '\0'; p++, w++)
			*p = (char)tolower((unsigned char)*p);
		if (near == NULL && strcmp(folded[i], fw) == 0)
			near = names[i];
	}
	if (near == NULL && (w = closest_word(fw, strlen(fw),
	    (const char *const *)folded, n)) != NULL)
		for (i = 0; i < n && near == NULL; i++)
			if (folded[i] == w)
				near = names[i];
	for (i = 0; i < n; i++)
		free(folded[i]);
	free(folded);
	free(fw);
	return near;
}

/* An option's argument that names nothing the input has (an owner, a
 * contact): exit 2, with near, the name it comes closest to however
 * cased (cli_closest()), or NULL.  The caller frees its list of names
 * first, so that nothing it holds is lost at the exit.
 * "--owner mya: no contact has this owner; did you mean maya?" */
_Noreturn void
cli_unknown(const char *option, const char *arg, const char *what,
    const char *near)
{
	if (near)
		diag_warn("%s %s: %s; did you mean %s?", option, arg, what, near);
	else
		diag_warn("%s %s: %s", option, arg, what);
	exit(2);
}

/* An option of the selection: one the tool refuses is a usage error
 * that says why. */
static void
select_option(int id, const char *arg, struct cli *cli)
{
	enum select_test t = (enum select_test)((id - CLI_SELECT) / 2);
	int negated = (id - CLI_SELECT) % 2;
	const struct shared *s;

	for (s = shared; s->o.id != SEL((int)t); s++)
		;
	if (takes(s) == REFUSED) {
		diag_warn("--%s%s selects records, and %s counts all the records "
		    "of each contact", negated ? "not-" : "", s->o.name,
		    tool->name);
		cli_usage("select contacts instead (--contact, --org, --owner, "
		    "--tag), or records with rel-parse, piped into %s; see "
		    "rel(7)", tool->name);
	}
	select_add(&cli->select, t, negated, arg, tool->kinds);
}

static void
shared_option(int id, const char *arg, struct cli *cli, void *ctx)
{
	switch (id) {
	case CLI_HELP:
		help();
		exit(fshut(stdout, "<stdout>"));
	case CLI_VERSION:
		printf("%s %s\n", tool->name, REL_VERSION);
		exit(fshut(stdout, "<stdout>"));
	case CLI_COMPLETE:
		if (tool->complete)
			tool->complete(arg, ctx);
		each_option(complete_line, (void *)arg);
		exit(fshut(stdout, "<stdout>"));
	case CLI_TODAY:
		cli->today = date_option("--today", arg);
		break;
	case CLI_SINCE:
		cli->since = date_option("--since", arg);
		break;
	case CLI_UNTIL:
		cli->until = date_option("--until", arg);
		break;
	case CLI_SAFE_CSV:
		csv_safe = 1;
		break;
	default:	/* the selection's */
		select_option(id, arg, cli);
		break;
	}
}

/* A tool's own option: set where its table says, or handed to own(). */
static void
own_option(int id, const char *arg, void (*own)(int, const char *, void *),
    void *ctx)
{
	const struct cli_option *o;

	for (o = tool->options; o->name && o->id != id; o++)
		;
	if (o->sets == 0)
		own(id, arg, ctx);
	else if (o->arg)
		*(const char **)(void *)((char *)ctx + o->sets - 1) = arg;
	else
		*(int *)(void *)((char *)ctx + o->sets - 1) = 1;
}

/* Reads the options of argv by the table of t: the shared ones into cli,
 * the tool's own by own(); a wrong one ends the tool with its usage.
 * Returns the index of the first operand.  The default of --today is the
 * local date; --until before it stands for it, as the day measured. */
int
cli_start(int argc, char **argv, const struct tool *t, struct cli *cli,
    void (*own)(int id, const char *arg, void *ctx), void *ctx)
{
	char letters[64] = "";
	struct longopts l = { NULL, letters, 0, { 0 } };
	size_t n = 0;
	int c, today_given = 0;

	tool = t;
	if (t->takes & OPTIONS_FIRST)
		letters[0] = '+';	/* getopt: no option after an operand */
	diag_init(argv[0]);
	make_usage();
	signal(SIGPIPE, SIG_DFL);	/* a closed pipe ends the tool */
	each_option_of(count_option, &n, 1);
	l.v = xcalloc(n + 1, sizeof(*l.v));
	each_option_of(add_option, &l, 1);
	cli->since = cli->until = NO_DATE;
	cli->select = NULL;
	while ((c = getopt_long(argc, argv, letters, l.v, NULL)) != -1) {
		if (c == '?' || c == ':') {
			free(l.v);
			cli_usage(NULL);
		}
		if (c > 0 && c < 128 && l.ids[c])
			c = l.ids[c];	/* -c is --check */
		today_given |= c == CLI_TODAY;
		if (c >= CLI_OWN)
			own_option(c, optarg, own, ctx);
		else
			shared_option(c, optarg, cli, ctx);
	}
	free(l.v);
	if (!today_given)
		cli->today = today_from_option(NULL);
	if (cli->since != NO_DATE && cli->until != NO_DATE &&
	    cli->since > cli->until)
		cli_usage("--since is after --until");
	/* where they are not a window of evidence, the dates select */
	if ((t->takes & SELECTS) && !(t->takes & TAKES_WINDOW))
		select_dates(&cli->select, cli->since, cli->until);
	made = cli->select;
	return optind;
}

/* The operands after the options, argv[first..argc), into *n: as given;
 * none, from a pipe: standard input ("-"); none, with standard input a
 * terminal: the journal $REL_JOURNAL names, as ledger reads LEDGER_FILE,
 * else a usage error rather than a silent wait for a journal typed in. */
char **
cli_operands(int argc, char **argv, int first, int *n)
{
	static char *one[2];
	const char *env = getenv("REL_JOURNAL");

	*n = argc - first;
	if (*n > 0)
		return argv + first;
	*n = 1;
	if (!isatty(STDIN_FILENO))
		one[0] = "-";
	else if (env && *env)
		one[0] = (char *)env;
	else
		cli_usage("no journal: name a FILE, pipe one in, or set "
		    "REL_JOURNAL");
	return one;
}

/* The end of every tool: standard output flushed and closed, a write
 * error (a full disk) turned into exit status 2, memory handed back. */
int
tool_exit(int status)
{
	if (fshut(stdout, "<stdout>"))
		status = 2;
	rel_cleanup();
	buf_free(&usage);
	select_free(made);
	made = NULL;
	return status;
}

/* The errno of the first write that failed, caught where it failed. */
static int output_errno;

/* Flush and close a stream: 2 after a write error (a full disk), said in
 * a message, and 2 without one when the reader of a pipe has gone (with
 * SIGPIPE blocked: by default the signal ends the tool), never 0 after
 * truncated output.  The error named is the one of the call that failed:
 * an earlier failure, whose errno is gone, is named an I/O error rather
 * than after whatever came since. */
int
fshut(FILE *fp, const char *name)
{
	int err = 0;

	errno = 0;
	if (fflush(fp) == EOF)
		err = errno;
	else if (ferror(fp))
		err = output_errno ? output_errno : EIO;
	if (fclose(fp) == EOF && err == 0)
		err = errno;
	if (err == 0)
		return 0;
	if (err != EPIPE)
		diag_warn("%s: write error: %s", name, strerror(err));
	return 2;
}

/* Ends the tool at once when its output cannot be written, rather than
 * reading on for nothing: the streaming tools call it after each write. */
void
output_check(FILE *fp)
{
	if (!ferror(fp))
		return;
	if (output_errno == 0)
		output_errno = errno;
	exit(tool_exit(2));
}
