/* reader.h: the two readers, the lines they read, and every tool's loop over
 * its operands */
#ifndef READER_H
#define READER_H

#include <stddef.h>
#include <sys/types.h>
#include "book.h"

struct lines;
void journal_init(void);
void journal_read(struct lines *, const char *file, const struct read_opts *);
void journal_free(void);
#define MAX_INCLUDE_DEPTH 32	/* files, one including the next */
void journal_includes(const char *file, void (*fn)(const char *, void *),
    void *ctx);
void csvin_read(struct lines *, const char *file, const struct read_opts *);
void csvin_free(void);
int csv_header_matches(const char *, size_t);
int csv_refused(const char *name, const char *text, size_t n);

/* lines.c: a buffered reader of lines, without allocation per line */

#define LINES_MAXLINE (16 * 1024 * 1024)	/* longer: not a journal */

struct lines {
	int fd;
	char *buf;
	size_t cap, start, end, last;
	long lineno;
	int eof, error;
};
int lines_open(struct lines *, const char *path, int regular_only);
void lines_from_fd(struct lines *, int fd);
void lines_from_buffer(struct lines *, const char *, size_t);
int lines_next(struct lines *, const char **line, size_t *len);
void lines_unread(struct lines *);
void line_trim(long lineno, const char **, size_t *);
void lines_close(struct lines *);

int rel_read_all(int argc, char **argv, const struct read_opts *);
int journal_syntax_errors(const char *name, const char *, size_t);
void rel_cleanup(void);

#endif
