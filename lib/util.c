/* util.c: allocation that cannot fail, arenas, buffers, near-miss
 * suggestions and lists of words in a message. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "util.h"

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		diag_fatal(2, "out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		diag_fatal(2, "out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		diag_fatal(2, "out of memory");
	return p;
}

void *
xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		diag_fatal(2, "out of memory");
	return xrealloc(p, n * size);
}

/* Edits (insert, delete, change, or swap of two neighbours) that turn a
 * into b, for "did you mean" on short words. */
size_t
edit_distance(const char *a, size_t na, const char *b, size_t nb)
{
	size_t d[3][64], *two, *one, *cur, i, j, best;

	if (na >= 63 || nb >= 63)
		return SIZE_MAX;
	for (j = 0; j <= nb; j++)
		d[0][j] = j;
	for (i = 1; i <= na; i++) {
		two = d[(i + 1) % 3];
		one = d[(i + 2) % 3];
		cur = d[i % 3];
		cur[0] = i;
		for (j = 1; j <= nb; j++) {
			best = one[j - 1] + (a[i - 1] != b[j - 1]);
			if (one[j] + 1 < best)
				best = one[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && two[j - 2] + 1 < best)
				best = two[j - 2] + 1;
			cur[j] = best;
		}
	}
	return d[na % 3][nb];
}

/* The word of the list nearest to word, if near enough to be a typo: at
 * most one edit in four letters, and never a complete rewrite. */
const char *
closest_word(const char *word, size_t len, const char *const *words,
    size_t nwords)
{
	const char *best = NULL;
	size_t bestd = SIZE_MAX, d, i, limit;

	limit = len < 4 ? 1 : len / 4 + 1;
	for (i = 0; i < nwords; i++) {
		d = edit_distance(word, len, words[i], strlen(words[i]));
		if (d < bestd) {
			bestd = d;
			best = words[i];
		}
	}
	return bestd <= limit && bestd > 0 ? best : NULL;
}

/* "a, b and c": the words joined, last_sep ("and", "or") before the last;
 * b holds them and nothing else. */
void
words_join(struct buf *b, const char *const *w, size_t n, const char *last_sep)
{
	size_t i;

	b->len = 0;
	buf_add(b, "", 0);
	for (i = 0; i < n; i++) {
		if (i > 0 && i + 1 == n) {
			buf_addc(b, ' ');
			buf_add(b, last_sep, strlen(last_sep));
			buf_addc(b, ' ');
		} else if (i > 0)
			buf_add(b, ", ", 2);
		buf_add(b, w[i], strlen(w[i]));
	}
}

/* arena */

#define CHUNK_SIZE 65536

struct arena_chunk {
	struct arena_chunk *next;
	size_t size, used;
	char data[];
};

static struct arena_chunk *
chunk_new(size_t size)
{
	struct arena_chunk *c = xmalloc(sizeof(*c) + size);

	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

char *
arena_alloc(struct arena *a, size_t n)
{
	struct arena_chunk *c;
	char *p;

	n = (n + 7) & ~(size_t)7;
	if (a->cur == NULL) {
		a->head = a->cur = chunk_new(n > CHUNK_SIZE ? n : CHUNK_SIZE);
	}
	while (a->cur->size - a->cur->used < n) {
		if (a->cur->next == NULL)
			a->cur->next = chunk_new(n > CHUNK_SIZE ? n : CHUNK_SIZE);
		a->cur = a->cur->next;
		a->cur->used = 0;
	}
	c = a->cur;
	p = c->data + c->used;
	c->used += n;
	return p;
}

/* align: a power of two, 8 or more.  Asks arena_alloc() for the most
 * padding it could need and gives back what it did not. */
char *
arena_alloc_aligned(struct arena *a, size_t n, size_t align)
{
	size_t slack = align - 8;	/* arena_alloc() is 8-byte aligned */
	size_t pad;
	char *p;

	n = (n + 7) & ~(size_t)7;
	p = arena_alloc(a, n + slack);
	pad = -(uintptr_t)p & (align - 1);
	a->cur->used -= slack - pad;	/* p + pad + n is the end now */
	return p + pad;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
arena_reset(struct arena *a)
{
	a->cur = a->head;
	if (a->cur)
		a->cur->used = 0;
}

void
arena_free(struct arena *a)
{
	struct arena_chunk *c, *next;

	for (c = a->head; c; c = next) {
		next = c->next;
		free(c);
	}
	a->head = a->cur = NULL;
}

/* buf */

void
buf_grow(struct buf *b, size_t need)
{
	size_t cap = b->cap ? b->cap : 256;

	while (cap < b->len + need + 1)
		cap *= 2;
	if (cap != b->cap) {
		/* zero the new room, so that no byte past the text is
		 * undefined to a reader that looks a few bytes ahead */
		b->s = xrealloc(b->s, cap);
		memset(b->s + b->cap, 0, cap - b->cap);
		b->cap = cap;
	}
}

/* b holds the formatted text, and nothing before it. */
void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	b->len = 0;
	if (n < 0)
		n = 0;
	buf_grow(b, (size_t)n);
	vsnprintf(b->s, b->cap, fmt, ap);
	b->len = (size_t)n;
}

void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* The decimal digits of v into out (room for 21), without printf, which
 * costs more than the rest of writing a cell; no NUL.  Their count. */
size_t
format_long(char *out, long v)
{
	char tmp[24];
	size_t n = 0, i;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	i = 0;
	if (v < 0)
		out[i++] = '-';
	while (n)
		out[i++] = tmp[--n];
	return i;
}
