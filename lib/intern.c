/* intern.c: one table of names (contact ids, ref ids, file names).  Each
 * name is stored once and lives for the run, so records can share it and
 * compare ids by pointer.  Memory grows with the number of distinct names,
 * never with the length of the journal. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "rel.h"

/* Each slot keeps its name's hash, so that a probe rarely has to look at
 * the name itself. */
static struct slot {
	uint64_t hash;
	struct sym *sym;
} *slots;
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
	/* FNV's low bits, which pick the slot, mix poorly for ids such as
	 * r1 r2 r3: fold the high bits in. */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h;
}

static void
grow(void)
{
	struct slot *old = slots;
	size_t oldn = nslots, i, j;

	nslots = nslots ? nslots * 2 : 1024;
	slots = xcalloc(nslots, sizeof(*slots));
	for (i = 0; i < oldn; i++) {
		if (old[i].sym == NULL)
			continue;
		j = old[i].hash & (nslots - 1);
		while (slots[j].sym)
			j = (j + 1) & (nslots - 1);
		slots[j] = old[i];
	}
	free(old);
}

static size_t
slot_of(const char *s, size_t n, uint64_t h)
{
	size_t j = h & (nslots - 1);

	while (slots[j].sym && (slots[j].hash != h || slots[j].sym->len != n ||
	    memcmp(slots[j].sym->name, s, n)))
		j = (j + 1) & (nslots - 1);
	return j;
}

struct sym *
sym_find(const char *s, size_t n)
{
	if (nslots == 0)
		return NULL;
	return slots[slot_of(s, n, hash(s, n))].sym;
}

struct sym *
sym_get(const char *s, size_t n)
{
	uint64_t h = hash(s, n);
	struct sym *sym;
	size_t j;

	if (nslots == 0 || (nsyms + 1) * 2 > nslots)
		grow();
	j = slot_of(s, n, h);
	if (slots[j].sym)
		return slots[j].sym;
	/* The name is stored right after its sym, so that sym_of() finds
	 * the sym of an interned name without hashing it again. */
	sym = (struct sym *)arena_alloc(&store, sizeof(*sym) + n + 1);
	memset(sym, 0, sizeof(*sym));
	memcpy((char *)(sym + 1), s, n);
	((char *)(sym + 1))[n] = '\0';
	sym->name = (const char *)(sym + 1);
	sym->len = n;
	slots[j].hash = h;
	slots[j].sym = sym;
	nsyms++;
	return sym;
}

const char *
intern(const char *s, size_t n)
{
	return sym_get(s, n)->name;
}

/* The sym of a name that intern() returned (never of another string). */
struct sym *
sym_of(const char *interned)
{
	return (struct sym *)interned - 1;
}

void
sym_free_all(void)
{
	free(slots);
	slots = NULL;
	nslots = nsyms = 0;
	arena_free(&store);
}
