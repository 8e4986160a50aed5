/* intern.c: one table of names (contact ids, ref ids, file names).  Each
 * name is stored once and lives for the run, so records can share it and
 * compare ids by pointer.  Memory grows with the number of distinct names,
 * never with the length of the journal.
 *
 * A long journal has millions of ref ids, so the table is built to stay
 * small and to touch few cache lines: a slot is 8 bytes, the name's 32-bit
 * hash beside a 32-bit handle of its sym, so a probe rejects other names
 * without leaving the slot array; syms are packed into large blocks that
 * never move, each followed by its name. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "intern.h"
#include "util.h"

#define BLOCK_SHIFT 20			/* syms come in blocks of 1 MiB */
#define BLOCK_SIZE ((size_t)1 << BLOCK_SHIFT)
#define UNIT 8				/* a handle counts 8-byte units */
#define UNIT_BITS (BLOCK_SHIFT - 3)	/* units in a block: 17 bits */
#define MAX_BLOCKS ((size_t)1 << (32 - UNIT_BITS))

/* A slot: hash << 32 | handle; 0 is empty (no sym has handle 0: the
 * first unit of the first block is left unused). */
static uint64_t *slots;
static size_t nslots, nsyms;

/* handle = block << UNIT_BITS | offset in units.  A name too long for a
 * block gets a block of its own. */
static char **blocks;
static size_t nblocks, used;		/* bytes used in the last block */

/* The hash of a name, and of a block of a journal (merge.c). */
uint32_t
intern_hash(const char *s, size_t n)
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
	return (uint32_t)h;
}

static struct sym *
sym_at(uint32_t handle)
{
	return (struct sym *)(blocks[handle >> UNIT_BITS] +
	    (size_t)(handle & ((1u << UNIT_BITS) - 1)) * UNIT);
}

/* Room for a sym and its name; its handle in *handle. */
static struct sym *
sym_alloc(size_t n, uint32_t *handle)
{
	size_t size = (offsetof(struct sym, name) + n + 1 + UNIT - 1) &
	    ~(size_t)(UNIT - 1);

	if (nblocks == 0 || used + size > BLOCK_SIZE || size > BLOCK_SIZE - UNIT) {
		if (nblocks == MAX_BLOCKS)
			diag_fatal(2, "too many distinct ids and names: more than "
			    "%zu GiB of them", MAX_BLOCKS * BLOCK_SIZE >> 30);
		blocks = xreallocarray(blocks, nblocks + 1, sizeof(*blocks));
		/* a unit more for a long name: the first block skips one */
		blocks[nblocks++] = xmalloc(size > BLOCK_SIZE - UNIT ?
		    size + UNIT : BLOCK_SIZE);
		used = nblocks == 1 ? UNIT : 0;
	}
	*handle = (uint32_t)((nblocks - 1) << UNIT_BITS | used / UNIT);
	used += size;
	if (size > BLOCK_SIZE - UNIT)
		used = BLOCK_SIZE;	/* the next sym starts a new block */
	return sym_at(*handle);
}

static void
grow(void)
{
	uint64_t *old = slots;
	size_t oldn = nslots, i, j;

	nslots = nslots ? nslots * 2 : 1024;
	slots = xcalloc(nslots, sizeof(*slots));
	for (i = 0; i < oldn; i++) {
		if (old[i] == 0)
			continue;
		j = (old[i] >> 32) & (nslots - 1);
		while (slots[j])
			j = (j + 1) & (nslots - 1);
		slots[j] = old[i];
	}
	free(old);
}

/* The slot that holds the name, or the empty slot where it would go. */
static size_t
slot_of(const char *s, size_t n, uint32_t h)
{
	size_t j = h & (nslots - 1);
	struct sym *sym;

	for (; slots[j]; j = (j + 1) & (nslots - 1)) {
		if ((uint32_t)(slots[j] >> 32) != h)
			continue;
		sym = sym_at((uint32_t)slots[j]);
		if (sym->len == n && memcmp(sym->name, s, n) == 0)
			break;
	}
	return j;
}

struct sym *
sym_find(const char *s, size_t n)
{
	size_t j;

	if (nslots == 0)
		return NULL;
	j = slot_of(s, n, intern_hash(s, n));
	return slots[j] ? sym_at((uint32_t)slots[j]) : NULL;
}

struct sym *
sym_get(const char *s, size_t n)
{
	uint32_t h = intern_hash(s, n), handle;
	struct sym *sym;
	size_t j;

	/* at most three in four slots full: a miss ends in a few probes */
	if (nslots == 0 || (nsyms + 1) * 4 > nslots * 3)
		grow();
	j = slot_of(s, n, h);
	if (slots[j])
		return sym_at((uint32_t)slots[j]);
	sym = sym_alloc(n, &handle);
	memset(sym, 0, offsetof(struct sym, name));
	sym->len = (uint32_t)n;
	memcpy(sym->name, s, n);
	sym->name[n] = '\0';
	slots[j] = (uint64_t)h << 32 | handle;
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
	return (struct sym *)(interned - offsetof(struct sym, name));
}

void
sym_free_all(void)
{
	size_t i;

	for (i = 0; i < nblocks; i++)
		free(blocks[i]);
	free(blocks);
	free(slots);
	blocks = NULL;
	slots = NULL;
	nblocks = used = nslots = nsyms = 0;
}
