/* util.h: memory that cannot fail, arenas, buffers, and near-miss
 * suggestions */
#ifndef UTIL_H
#define UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
void *xreallocarray(void *, size_t, size_t);
size_t edit_distance(const char *, size_t, const char *, size_t);
size_t format_long(char *out, long);
const char *closest_word(const char *word, size_t len, const char *const *words,
    size_t nwords);

/* Fixed-size chunks that never move: pointers into an arena stay valid
 * until arena_reset(), which keeps the chunks for reuse. */
struct arena_chunk;
struct arena {
	struct arena_chunk *head, *cur;
};
char *arena_alloc(struct arena *, size_t);
char *arena_alloc_aligned(struct arena *, size_t, size_t align);
char *arena_strndup(struct arena *, const char *, size_t);
void arena_reset(struct arena *);
void arena_free(struct arena *);

/* A growable byte buffer, reused from line to line. */
struct buf {
	char *s;
	size_t len, cap;
};
void buf_grow(struct buf *, size_t need);
void buf_free(struct buf *);
void buf_vprintf(struct buf *, const char *fmt, va_list);
void words_join(struct buf *, const char *const *, size_t n,
    const char *last_sep);

/* Inline: the output of every row goes through these. */
static inline void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		buf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void
buf_addc(struct buf *b, char c)
{
	if (b->len + 2 > b->cap)
		buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

#endif
