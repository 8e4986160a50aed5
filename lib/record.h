/* record.h: the record every reader hands to the tools */
#ifndef RECORD_H
#define RECORD_H

#include <stddef.h>
#include "vocab.h"

struct attr {
	const char *key;
	const char *val;
	size_t keylen, vallen;
	size_t off;	/* where the attribute starts in its line, for errors */
	long line;	/* the line it is on */
};

struct record {
	const char *file;	/* interned */
	long line;
	int date;		/* days since 1970-01-01, or NO_DATE */
	int minute;		/* minute of the day, or -1 */
	enum kind kind;
	const char *contact;	/* interned id; NULL for options */
	/* every contact the entry names, contact among them: an entry of
	 * several contacts is one record for each (book.c, deliver()) */
	const char *const *contacts;
	size_t ncontacts;
	const char *ref;	/* interned id, or NULL */
	const char *title;
	const struct attr *attrs;
	size_t nattrs;
	const char *const *tags;
	size_t ntags;
	const char *notes;	/* note lines joined by '\n' */
};

const char *record_get(const struct record *, const char *key);

typedef void record_fn(const struct record *, void *ctx);

#endif
