/* diag.h: every message a tool prints about its input or its use */
#ifndef DIAG_H
#define DIAG_H

#include <stdarg.h>
#include <stddef.h>

struct src {
	const char *file;	/* as the user named it */
	long line;		/* 1-based */
	const char *text;	/* the line, for the excerpt; may be NULL */
	size_t len;
	const char *row_file;	/* a row of the events CSV: the journal */
	long row_line;		/* file and line it names, or NULL, 0 */
};

enum diag_level { DIAG_WARNING, DIAG_ERROR };

#define DIAG_MAX_ERRORS 50
#define DIAG_MAX_WARNINGS 50

void diag_init(const char *progname);
void diag_at(enum diag_level, const struct src *, size_t byteoff,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void vdiag_at(enum diag_level, const struct src *, size_t byteoff,
    const char *fmt, va_list);
void diag_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void diag_fatal(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void diag_usage(const char *usage, const char *fmt, va_list);
int diag_errors(void);
void diag_reset(void);
void diag_quiet(void);
void diag_free(void);
int diag_too_many(void);

#endif
