/* diag.c: the one way the tools complain.
 *
 * About input:  FILE:LINE:COL: error: MESSAGE, then the line and a caret,
 * as compilers and mandoc print them, so that editors can jump there.
 * About use:    PROG: MESSAGE, as err(3) does.
 * COL counts characters (UTF-8 code points) from 1.  A message names
 * files and quotes words of the input: it is written through safe.c, as
 * is the line shown. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "safe.h"
#include "util.h"
#include "width.h"

static const char *progname = "rel";
static int nerrors, nwarnings;
static int quiet;		/* count, but print nothing (fuzzing) */

static struct buf shown_name;	/* progname, made safe */

void
diag_init(const char *argv0)
{
	const char *slash = strrchr(argv0, '/');

	progname = slash ? slash + 1 : argv0;
	shown_name.len = 0;
	safe_append(&shown_name, progname, strlen(progname));
	progname = shown_name.s;
}

static size_t
column_of(const char *text, size_t len, size_t off)
{
	size_t col = 1, i;

	if (text == NULL)
		return off + 1;
	for (i = 0; i < off && i < len; i++)
		if (((unsigned char)text[i] & 0xc0) != 0x80)
			col++;
	return col;
}

/* The line as typed, made safe, and a caret under the byte at off: each
 * character before it takes the columns it is shown in (a tab stays a
 * tab, so that the caret lines up in any tab width). */
static void
print_excerpt(const char *text, size_t len, size_t off)
{
	size_t i, len1, w;

	fputs("  ", stderr);
	safe_write(stderr, text, len);
	fputs("\n  ", stderr);
	for (i = 0; i < off && i < len; i += len1) {
		if (text[i] == '\t') {
			putc('\t', stderr);
			len1 = 1;
			continue;
		}
		for (w = shown_width(text + i, len - i, &len1); w > 0; w--)
			putc(' ', stderr);
	}
	fputs("^\n", stderr);
}

static struct buf message;	/* the message being written, reused */

/* fmt and its arguments, made safe, then (for a row of the events CSV)
 * the place in the journal that the row names, then a line end. */
static void
put_message(const struct src *src, const char *fmt, va_list ap)
{
	buf_vprintf(&message, fmt, ap);
	safe_write(stderr, message.s, message.len);
	if (src && src->row_file) {
		fputs(" (the row of ", stderr);
		safe_puts(stderr, src->row_file);
		fprintf(stderr, ":%ld)", src->row_line);
	}
	putc('\n', stderr);
}

void
diag_at(enum diag_level level, const struct src *src, size_t off,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag_at(level, src, off, fmt, ap);
	va_end(ap);
}

void
vdiag_at(enum diag_level level, const struct src *src, size_t off,
    const char *fmt, va_list ap)
{
	if (level == DIAG_ERROR) {
		if (nerrors == DIAG_MAX_ERRORS)
			return;
		nerrors++;
	} else if (nwarnings++ >= DIAG_MAX_WARNINGS) {
		if (nwarnings == DIAG_MAX_WARNINGS + 1 && !quiet)
			fprintf(stderr, "%s: too many warnings (%d); no more are "
			    "shown\n", progname, DIAG_MAX_WARNINGS);
		return;
	}
	if (quiet)
		return;
	safe_puts(stderr, src->file);
	fprintf(stderr, ":%ld:%zu: %s: ", src->line,
	    column_of(src->text, src->len, off),
	    level == DIAG_ERROR ? "error" : "warning");
	put_message(src, fmt, ap);
	if (src->text)
		print_excerpt(src->text, src->len, off);
	if (nerrors == DIAG_MAX_ERRORS && level == DIAG_ERROR)
		fprintf(stderr, "%s: too many errors (%d), stopping\n",
		    progname, DIAG_MAX_ERRORS);
}

/* A second line that belongs to the message just printed. */
void
diag_note(const char *fmt, ...)
{
	va_list ap;

	if (quiet)
		return;
	va_start(ap, fmt);
	put_message(NULL, fmt, ap);
	va_end(ap);
}

/* PROG: MESSAGE, the form of err(3). */
static void
vwarnx(const char *fmt, va_list ap)
{
	if (quiet)
		return;
	fprintf(stderr, "%s: ", progname);
	put_message(NULL, fmt, ap);
}

void
diag_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

/* A problem with an input as a whole (it cannot be opened, say): counted
 * like an error in it, so the tool exits 2 after doing what it can. */
void
diag_error(const char *fmt, ...)
{
	va_list ap;

	nerrors++;
	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

void
diag_fatal(int status, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
	exit(status);
}

/* fmt is NULL when getopt has said what is wrong already. */
void
diag_usage(const char *usage, const char *fmt, va_list ap)
{
	if (fmt)
		vwarnx(fmt, ap);
	fprintf(stderr, "usage: %s %s\nTry '%s --help' for more.\n",
	    progname, usage, progname);
	exit(2);
}

/* The fuzz harnesses count errors but print none, and keep standard
 * error for the fuzzer's own reports. */
void
diag_quiet(void)
{
	quiet = 1;
}

void
diag_free(void)
{
	buf_free(&message);
}

/* Forgets the errors counted so far (the fuzz harnesses read many inputs
 * in one process). */
void
diag_reset(void)
{
	nerrors = nwarnings = 0;
}

int
diag_errors(void)
{
	return nerrors;
}

int
diag_too_many(void)
{
	return nerrors >= DIAG_MAX_ERRORS;
}
