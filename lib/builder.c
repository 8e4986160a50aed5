/* builder.c: the entry a reader is building.  Its arrays grow to the
 * largest entry seen and are then reused; its strings live in an arena
 * that is reset, not freed, from one entry to the next: no allocation per
 * line once the reader is warm. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"
#include "util.h"

/* Below this many attributes, builder_find() looks at each; from it on,
 * in a hash of their keys, so that an entry with a hundred thousand is
 * read in linear time. */
#define KEYS_HASHED 16

static uint32_t
key_hash(const char *key, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char)*key++) * 16777619u;
	return h;
}

/* A slot is the entry's stamp and the attribute's index + 1: slots of an
 * earlier entry are empty to this one, so none is cleared in between. */
static void
key_slot_put(struct builder *b, size_t i)
{
	size_t mask = b->nkeyslots - 1;
	size_t j = key_hash(b->attrs[i].key, b->attrs[i].keylen) & mask;

	while ((uint32_t)(b->keyslots[j] >> 32) == b->stamp)
		j = (j + 1) & mask;
	b->keyslots[j] = (uint64_t)b->stamp << 32 | (uint32_t)(i + 1);
}

/* The hash of the keys, built anew (when it grows, and after an
 * attribute is dropped) under a stamp of its own. */
static void
key_slots_rebuild(struct builder *b)
{
	size_t i, want = 64;

	while (want < 2 * b->nattrs)
		want *= 2;
	if (want > b->nkeyslots) {
		free(b->keyslots);
		b->keyslots = xcalloc(want, sizeof(*b->keyslots));
		b->nkeyslots = want;
	}
	if (++b->stamp == 0) {	/* a new cycle of stamps: clear */
		memset(b->keyslots, 0, b->nkeyslots * sizeof(*b->keyslots));
		b->stamp = 1;
	}
	for (i = 0; i < b->nattrs; i++)
		key_slot_put(b, i);
}

void
builder_start(struct builder *b, enum kind kind, const char *file, long line)
{
	arena_reset(&b->arena);
	b->nattrs = b->ntags = b->ncontacts = b->nloose = 0;
	b->title.len = b->notes.len = 0;
	memset(&b->e, 0, sizeof(b->e));
	b->e.rec.kind = kind;
	b->e.rec.file = file;
	b->e.rec.line = line;
	b->e.rec.date = NO_DATE;
	b->e.rec.minute = -1;
}

/* The attribute named key, or NULL. */
struct attr *
builder_find(struct builder *b, const char *key, size_t keylen)
{
	size_t i, j, mask;
	struct attr *a;

	if (b->nattrs >= KEYS_HASHED) {
		mask = b->nkeyslots - 1;
		for (j = key_hash(key, keylen) & mask;
		    (uint32_t)(b->keyslots[j] >> 32) == b->stamp;
		    j = (j + 1) & mask) {
			a = &b->attrs[(uint32_t)b->keyslots[j] - 1];
			if (a->keylen == keylen && memcmp(a->key, key, keylen) == 0)
				return a;
		}
		return NULL;
	}
	for (i = 0; i < b->nattrs; i++)
		if (b->attrs[i].keylen == keylen &&
		    memcmp(b->attrs[i].key, key, keylen) == 0)
			return &b->attrs[i];
	return NULL;
}

void
builder_attr(struct builder *b, const char *key, size_t keylen,
    const char *val, size_t vallen, size_t off, long line)
{
	if (b->nattrs == b->attrcap) {
		b->attrcap = b->attrcap ? b->attrcap * 2 : 16;
		b->attrs = xreallocarray(b->attrs, b->attrcap, sizeof(*b->attrs));
	}
	b->attrs[b->nattrs].key = key;
	b->attrs[b->nattrs].val = val;
	b->attrs[b->nattrs].keylen = keylen;
	b->attrs[b->nattrs].vallen = vallen;
	b->attrs[b->nattrs].off = off;
	b->attrs[b->nattrs].line = line;
	b->nattrs++;
	if (b->nattrs < KEYS_HASHED)
		return;
	if (b->nattrs == KEYS_HASHED || 2 * b->nattrs > b->nkeyslots)
		key_slots_rebuild(b);	/* under a new stamp */
	else
		key_slot_put(b, b->nattrs - 1);
}

/* Takes the attribute out (id:, which becomes the record's ref). */
void
builder_drop_attr(struct builder *b, struct attr *a)
{
	size_t i = (size_t)(a - b->attrs);

	memmove(a, a + 1, (b->nattrs - i - 1) * sizeof(*a));
	b->nattrs--;
	if (b->nattrs >= KEYS_HASHED)
		key_slots_rebuild(b);	/* the indexes after a moved */
}

void
builder_tag(struct builder *b, const char *tag)
{
	if (b->ntags == b->tagcap) {
		b->tagcap = b->tagcap ? b->tagcap * 2 : 8;
		b->tags = xreallocarray(b->tags, b->tagcap, sizeof(*b->tags));
	}
	b->tags[b->ntags++] = tag;
}

/* A title part: joined to the title with one blank; quoted, with its \"
 * and \\ escapes undone. */
void
builder_title(struct builder *b, const char *s, size_t n, int quoted)
{
	const char *bs;
	size_t k;

	if (b->title.len)
		buf_addc(&b->title, ' ');
	while (quoted && (bs = memchr(s, '\\', n)) != NULL) {
		k = (size_t)(bs - s);
		buf_add(&b->title, s, k);
		if (k + 1 < n && (s[k + 1] == '"' || s[k + 1] == '\\'))
			k++;	/* the escaped byte, not the backslash */
		buf_addc(&b->title, s[k]);
		s += k + 1;
		n -= k + 1;
	}
	buf_add(&b->title, s, n);
}

void
builder_loose(struct builder *b, const struct loose_key *k)
{
	if (b->nloose < LOOSE_MAX)
		b->loose[b->nloose++] = *k;
}

/* id must be interned. */
void
builder_contact(struct builder *b, const char *id)
{
	if (b->ncontacts == b->contactcap) {
		b->contactcap = b->contactcap ? b->contactcap * 2 : 4;
		b->contacts = xreallocarray(b->contacts, b->contactcap,
		    sizeof(*b->contacts));
	}
	b->contacts[b->ncontacts++] = id;
	book_prefetch_contact(id);
}

int
builder_has_contact(const struct builder *b, const char *id)
{
	size_t i;

	for (i = 0; i < b->ncontacts; i++)
		if (b->contacts[i] == id)
			return 1;
	return 0;
}

/* The entry, its record pointing at what was built. */
const struct entry *
builder_entry(struct builder *b)
{
	if (b->title.len)
		b->e.rec.title = b->title.s;
	else if (b->e.rec.title == NULL)
		b->e.rec.title = "";
	if (b->notes.len)
		b->e.rec.notes = b->notes.s;
	else if (b->e.rec.notes == NULL)
		b->e.rec.notes = "";
	b->e.rec.attrs = b->attrs;
	b->e.rec.nattrs = b->nattrs;
	b->e.rec.tags = b->tags;
	b->e.rec.ntags = b->ntags;
	b->e.contacts = b->contacts;
	b->e.ncontacts = b->ncontacts;
	b->e.loose = b->loose;
	b->e.nloose = b->nloose;
	return &b->e;
}

void
builder_free(struct builder *b)
{
	arena_free(&b->arena);
	free(b->attrs);
	free(b->keyslots);
	free(b->tags);
	free(b->contacts);
	buf_free(&b->title);
	buf_free(&b->notes);
	memset(b, 0, sizeof(*b));
}
