/* builder.h: the entry a reader is building, reused from entry to entry */
#ifndef BUILDER_H
#define BUILDER_H

#include <stdint.h>
#include "book.h"
#include "util.h"

struct builder {
	struct entry e;
	struct arena arena;	/* its strings */
	struct attr *attrs;
	size_t nattrs, attrcap;
	uint64_t *keyslots;	/* attrs by key, once there are many */
	size_t nkeyslots;
	uint32_t stamp;		/* the entry's, in its key slots */
	const char **tags;
	size_t ntags, tagcap;
	const char **contacts;
	size_t ncontacts, contactcap;
	struct buf title, notes;
	struct loose_key loose[LOOSE_MAX];
	size_t nloose;
};

void builder_start(struct builder *, enum kind, const char *file, long line);
struct attr *builder_find(struct builder *, const char *key, size_t keylen);
void builder_attr(struct builder *, const char *key, size_t keylen,
    const char *val, size_t vallen, size_t off, long line);
void builder_drop_attr(struct builder *, struct attr *);
void builder_tag(struct builder *, const char *);
void builder_title(struct builder *, const char *, size_t, int quoted);
void builder_loose(struct builder *, const struct loose_key *);
void builder_contact(struct builder *, const char *interned_id);
int builder_has_contact(const struct builder *, const char *interned_id);
const struct entry *builder_entry(struct builder *);
void builder_free(struct builder *);

#endif
