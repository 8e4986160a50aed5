/* timeline.c: rel-log's entries, kept as they come (in the order of the
 * files) and given back in the order of their dates and times, stably.
 * An entry is one block of an arena, its fixed part then its contacts'
 * ids and its text, NUL-terminated strings one after the other: no
 * allocation per entry, and no more than the entry holds.  Memory grows
 * with the entries, which a sort cannot help; the rest of the journal
 * (contact blocks, options) is not kept. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "timeline.h"
#include "util.h"

struct stored {
	const char *file;	/* interned */
	const char *ref;	/* interned, or NULL */
	long line;
	int date;
	short minute;
	unsigned char kind;
	uint32_t ncontacts, nattrs, ntags;
	/* then ncontacts interned ids, then the title, each attribute's key
	 * and value, each tag, the notes: each a string */
	const char *contacts[];
};

/* An entry and where it goes: the date, then the minute of the day, one
 * without a time before those with one. */
struct slot {
	uint64_t when;
	const struct stored *e;
};

struct timeline {
	struct arena arena;
	struct slot *v;
	size_t n, cap;
	const struct stored *last;
	/* the record given back, its attributes and tags */
	struct attr *attrs;
	const char **tags;
	size_t attrcap, tagcap;
};

struct timeline *
timeline_new(void)
{
	return xcalloc(1, sizeof(struct timeline));
}

static uint64_t
when(int date, int minute)
{
	return (uint64_t)((uint32_t)date ^ 0x80000000u) << 16 |
	    (uint16_t)(minute + 1);
}

/* The records of one entry of several contacts come one after the other,
 * alike but for the contact: the entry is kept once. */
static int
same_entry(const struct stored *e, const struct record *r)
{
	return e && e->line == r->line && e->kind == r->kind &&
	    (e->file == r->file || strcmp(e->file, r->file) == 0);
}

static size_t
text_size(const struct record *r)
{
	size_t n = strlen(r->title) + 1 + strlen(r->notes) + 1, i;

	for (i = 0; i < r->nattrs; i++)
		n += r->attrs[i].keylen + r->attrs[i].vallen + 2;
	for (i = 0; i < r->ntags; i++)
		n += strlen(r->tags[i]) + 1;
	return n;
}

static char *
put(char *p, const char *s, size_t n)
{
	memcpy(p, s, n);
	p[n] = '\0';
	return p + n + 1;
}

static void
add_slot(struct timeline *t, const struct stored *e)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 4096;
		t->v = xreallocarray(t->v, t->cap, sizeof(*t->v));
	}
	t->v[t->n].when = when(e->date, e->minute);
	t->v[t->n++].e = e;
}

void
timeline_add(struct timeline *t, const struct record *r)
{
	size_t nc = r->contacts ? r->ncontacts : r->contact != NULL, i;
	struct stored *e;
	char *p;

	if (same_entry(t->last, r))
		return;
	e = (struct stored *)(void *)arena_alloc_aligned(&t->arena,
	    sizeof(*e) + nc * sizeof(e->contacts[0]) + text_size(r), 8);
	*e = (struct stored){ r->file, r->ref, r->line, r->date,
	    (short)r->minute, (unsigned char)r->kind, (uint32_t)nc,
	    (uint32_t)r->nattrs, (uint32_t)r->ntags };
	for (i = 0; i < nc; i++)
		e->contacts[i] = r->contacts ? r->contacts[i] : r->contact;
	p = put((char *)&e->contacts[nc], r->title, strlen(r->title));
	for (i = 0; i < r->nattrs; i++) {
		p = put(p, r->attrs[i].key, r->attrs[i].keylen);
		p = put(p, r->attrs[i].val, r->attrs[i].vallen);
	}
	for (i = 0; i < r->ntags; i++)
		p = put(p, r->tags[i], strlen(r->tags[i]));
	put(p, r->notes, strlen(r->notes));
	add_slot(t, e);
	t->last = e;
}

/* sort */

/* The end of the run of slots in order that starts at i. */
static size_t
run_end(const struct slot *v, size_t i, size_t n)
{
	for (i++; i < n && v[i - 1].when <= v[i].when; i++)
		;
	return i;
}

/* v[a..m) and v[m..b) into out[a..b); on a tie, the first half first. */
static void
merge(const struct slot *v, size_t a, size_t m, size_t b, struct slot *out)
{
	size_t i = a, j = m, k = a;

	while (i < m && j < b)
		out[k++] = v[j].when < v[i].when ? v[j++] : v[i++];
	memcpy(out + k, v + i, (m - i) * sizeof(*v));
	memcpy(out + k + (m - i), v + j, (b - j) * sizeof(*v));
}

/* A merge sort of the runs already in order, pairwise, until one is
 * left: stable, and one pass for a journal in date order, a few for
 * several files each in order. */
size_t
timeline_sort(struct timeline *t)
{
	struct slot *src = t->v, *dst, *tmp;
	size_t i, m, b, runs;

	if (t->n < 2 || run_end(t->v, 0, t->n) == t->n)
		return t->n;
	dst = tmp = xreallocarray(NULL, t->n, sizeof(*tmp));
	do {
		for (i = runs = 0; i < t->n; i = b, runs++) {
			m = run_end(src, i, t->n);
			b = m < t->n ? run_end(src, m, t->n) : m;
			merge(src, i, m, b, dst);
		}
		dst = src;
		src = src == t->v ? tmp : t->v;
	} while (runs > 1);
	if (src != t->v)
		memcpy(t->v, src, t->n * sizeof(*t->v));
	free(tmp);
	return t->n;
}

/* giving back */

static void
room(struct timeline *t, size_t nattrs, size_t ntags)
{
	if (nattrs > t->attrcap) {
		t->attrcap = nattrs;
		t->attrs = xreallocarray(t->attrs, nattrs, sizeof(*t->attrs));
	}
	if (ntags > t->tagcap) {
		t->tagcap = ntags;
		t->tags = xreallocarray(t->tags, ntags, sizeof(*t->tags));
	}
}

static const char *
next(const char *p, size_t *len)
{
	*len = strlen(p);
	return p + *len + 1;
}

/* The record of an entry, with the first of its contacts, all of them in
 * contacts. */
static void
give_back(struct timeline *t, const struct stored *e, struct record *r)
{
	const char *p = (const char *)&e->contacts[e->ncontacts];
	size_t i, len;

	room(t, e->nattrs, e->ntags);
	*r = (struct record){ .file = e->file, .line = e->line, .date = e->date,
	    .minute = e->minute, .kind = (enum kind)e->kind,
	    .contact = e->ncontacts ? e->contacts[0] : NULL,
	    .contacts = e->contacts, .ncontacts = e->ncontacts, .ref = e->ref,
	    .title = p, .attrs = t->attrs, .nattrs = e->nattrs, .tags = t->tags,
	    .ntags = e->ntags };
	p = next(p, &len);
	for (i = 0; i < e->nattrs; i++) {
		t->attrs[i] = (struct attr){ .key = p };
		p = next(p, &t->attrs[i].keylen);
		t->attrs[i].val = p;
		p = next(p, &t->attrs[i].vallen);
	}
	for (i = 0; i < e->ntags; i++) {
		t->tags[i] = p;
		p = next(p, &len);
	}
	r->notes = p;
}

/* fn on each entry in order, or with reverse the other way. */
void
timeline_each(struct timeline *t, int reverse, record_fn *fn, void *ctx)
{
	struct record r;
	size_t i;

	for (i = 0; i < t->n; i++) {
		give_back(t, t->v[reverse ? t->n - 1 - i : i].e, &r);
		fn(&r, ctx);
	}
}

void
timeline_free(struct timeline *t)
{
	if (t == NULL)
		return;
	arena_free(&t->arena);
	free(t->v);
	free(t->attrs);
	free(t->tags);
	free(t);
}
