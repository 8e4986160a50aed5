/* diag.c: the one way the tools complain.
 *
 * About input:  FILE:LINE:COL: error: MESSAGE, then the line and a caret,
 * as compilers and mandoc print them, so that editors can jump there.
 * About use:    PROG: MESSAGE, as err(3) does.
 * COL counts characters (UTF-8 code points) from 1. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rel.h"

static const char *progname = "rel";
static int nerrors;
static int quiet;		/* count, but print nothing (fuzzing) */

void
diag_init(const char *argv0)
{
	const char *slash = strrchr(argv0, '/');

	progname = slash ? slash + 1 : argv0;
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

/* The line as typed, with control bytes shown as '?' so that a NUL or an
 * escape sequence in the input cannot garble the terminal. */
static void
print_excerpt(const char *text, size_t len, size_t off)
{
	size_t i;
	unsigned char c;

	fputs("  ", stderr);
	for (i = 0; i < len; i++) {
		c = (unsigned char)text[i];
		putc(c < 0x20 && c != '\t' ? '?' : c == 0x7f ? '?' : c, stderr);
	}
	fputs("\n  ", stderr);
	for (i = 0; i < off && i < len; i++) {
		c = (unsigned char)text[i];
		if ((c & 0xc0) == 0x80)
			continue;
		putc(c == '\t' ? '\t' : ' ', stderr);
	}
	fputs("^\n", stderr);
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
	}
	if (quiet)
		return;
	fprintf(stderr, "%s:%ld:%zu: %s: ", src->file, src->line,
	    column_of(src->text, src->len, off),
	    level == DIAG_ERROR ? "error" : "warning");
	vfprintf(stderr, fmt, ap);
	putc('\n', stderr);
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

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	putc('\n', stderr);
}

/* PROG: MESSAGE, the form of err(3). */
static void
vwarnx(const char *fmt, va_list ap)
{
	if (quiet)
		return;
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	putc('\n', stderr);
}

void
warnx_(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

/* A problem with an input as a whole (it cannot be opened, say): counted
 * like an error in it, so the tool exits 2 after doing what it can. */
void
errorx_(const char *fmt, ...)
{
	va_list ap;

	nerrors++;
	va_start(ap, fmt);
	vwarnx(fmt, ap);
	va_end(ap);
}

void
errx_(int status, const char *fmt, ...)
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
usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	if (fmt) {
		va_start(ap, fmt);
		vwarnx(fmt, ap);
		va_end(ap);
	}
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

/* Forgets the errors counted so far (the fuzz harnesses read many inputs
 * in one process). */
void
diag_reset(void)
{
	nerrors = 0;
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
