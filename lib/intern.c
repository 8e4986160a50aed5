/* intern.c: one table of names (contact ids, ref ids, file names).  Each
 * name is stored once and lives for the run, so records can share it and
 * compare ids by pointer.  Memory grows with the number of distinct names,
 * never with the length of the journal. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rel.h"

static struct sym **slots;
static size_t nslots, nsyms;
static struct arena store;

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n--) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return h;
}

static void
grow(void)
{
	struct sym **old = slots;
	size_t oldn = nslots, i, j;

	nslots = nslots ? nslots * 2 : 1024;
	slots = xcalloc(nslots, sizeof(*slots));
	for (i = 0; i < oldn; i++) {
		if (old[i] == NULL)
			continue;
		j = hash(old[i]->name, old[i]->len) & (nslots - 1);
		while (slots[j])
			j = (j + 1) & (nslots - 1);
		slots[j] = old[i];
	}
	free(old);
}

static size_t
slot_of(const char *s, size_t n)
{
	size_t j = hash(s, n) & (nslots - 1);

	while (slots[j] && (slots[j]->len != n || memcmp(slots[j]->name, s, n)))
		j = (j + 1) & (nslots - 1);
	return j;
}

struct sym *
sym_find(const char *s, size_t n)
{
	if (nslots == 0)
		return NULL;
	return slots[slot_of(s, n)];
}

struct sym *
sym_get(const char *s, size_t n)
{
	struct sym *sym;
	size_t j;

	if (nslots == 0 || (nsyms + 1) * 2 > nslots)
		grow();
	j = slot_of(s, n);
	if (slots[j])
		return slots[j];
	sym = (struct sym *)arena_alloc(&store, sizeof(*sym));
	memset(sym, 0, sizeof(*sym));
	sym->name = arena_strndup(&store, s, n);
	sym->len = n;
	slots[j] = sym;
	nsyms++;
	return sym;
}

const char *
intern(const char *s, size_t n)
{
	return sym_get(s, n)->name;
}

/* Visit every name in table order, which depends on the hashes only:
 * callers that print must sort. */
void
sym_each(void (*fn)(struct sym *, void *), void *ctx)
{
	size_t i;

	for (i = 0; i < nslots; i++)
		if (slots[i])
			fn(slots[i], ctx);
}

void
sym_free_all(void)
{
	free(slots);
	slots = NULL;
	nslots = nsyms = 0;
	arena_free(&store);
}
