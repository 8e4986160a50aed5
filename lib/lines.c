/* lines.c: lines from a file descriptor through one large buffer.  A line
 * is returned as a pointer into the buffer, without its LF, valid until
 * the next call; nothing is allocated per line. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "reader.h"
#include "util.h"

#define LINES_BUFSIZE (256 * 1024)

void
lines_from_fd(struct lines *l, int fd)
{
	memset(l, 0, sizeof(*l));
	l->fd = fd;
	l->cap = LINES_BUFSIZE;
	/* zeroed, as is all it grows by, so that no byte past a line is
	 * undefined to whatever reads a few bytes ahead */
	l->buf = xcalloc(1, l->cap);
}

/* Lines from a copy of a buffer in memory (the fuzz harnesses). */
void
lines_from_buffer(struct lines *l, const char *s, size_t n)
{
	memset(l, 0, sizeof(*l));
	l->fd = -1;
	l->cap = n + 16;		/* zeroed slack, as lines_from_fd() */
	l->buf = xcalloc(1, l->cap);
	memcpy(l->buf, s, n);
	l->end = n;
	l->eof = 1;
}

/* Opens path for lines_next(); -1 with errno set if it cannot be read as
 * a journal: a directory, or with regular_only (included files) anything
 * but a plain file, which is opened without waiting so that a FIFO cannot
 * hang the reader. */
int
lines_open(struct lines *l, const char *path, int regular_only)
{
	struct stat st;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC | (regular_only ? O_NONBLOCK : 0));
	if (fd == -1)
		return -1;
	if (fstat(fd, &st) == -1 || S_ISDIR(st.st_mode) ||
	    (regular_only && !S_ISREG(st.st_mode))) {
		errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
		close(fd);
		return -1;
	}
	if (regular_only)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	lines_from_fd(l, fd);
	return 0;
}

static int
fill(struct lines *l)
{
	ssize_t n;

	if (l->start > 0) {
		memmove(l->buf, l->buf + l->start, l->end - l->start);
		l->end -= l->start;
		l->start = 0;
	}
	if (l->end == l->cap) {
		if (l->cap >= LINES_MAXLINE) {
			errno = EFBIG;
			l->error = EFBIG;
			return -1;
		}
		l->buf = xrealloc(l->buf, l->cap * 2);
		memset(l->buf + l->cap, 0, l->cap);
		l->cap *= 2;
	}
	do
		n = read(l->fd, l->buf + l->end, l->cap - l->end);
	while (n == -1 && errno == EINTR);
	if (n == -1) {
		l->error = errno;
		return -1;
	}
	if (n == 0)
		l->eof = 1;
	l->end += (size_t)n;
	return 0;
}

/* 1 and a line; 0 at the end; -1 on a read error (l->error says which;
 * EFBIG for a line longer than LINES_MAXLINE). */
int
lines_next(struct lines *l, const char **line, size_t *len)
{
	char *nl;
	size_t scanned = 0;

	for (;;) {
		nl = memchr(l->buf + l->start + scanned, '\n',
		    l->end - l->start - scanned);
		if (nl) {
			l->last = l->start;
			*line = l->buf + l->start;
			*len = (size_t)(nl - *line);
			l->start += *len + 1;
			l->lineno++;
			return 1;
		}
		if (l->eof) {
			if (l->start == l->end)
				return 0;
			l->last = l->start;
			*line = l->buf + l->start;
			*len = l->end - l->start;
			l->start = l->end;
			l->lineno++;
			return 1;
		}
		scanned = l->end - l->start;
		if (fill(l) == -1)
			return -1;
	}
}

/* A line as the readers take it: without the CR of a CRLF line end and,
 * the first line of a file, without a byte order mark. */
void
line_trim(long lineno, const char **s, size_t *n)
{
	if (*n && (*s)[*n - 1] == '\r')
		(*n)--;
	if (lineno == 1 && *n >= 3 && memcmp(*s, "\xef\xbb\xbf", 3) == 0) {
		*s += 3;
		*n -= 3;
	}
}

/* Gives back the line just read, so that the next call returns it again:
 * input.c looks at the first line to tell a journal from a CSV. */
void
lines_unread(struct lines *l)
{
	l->start = l->last;
	l->lineno--;
}

void
lines_close(struct lines *l)
{
	if (l->fd > 0)
		close(l->fd);
	free(l->buf);
	l->buf = NULL;
}
