/* intern.h: one table of names; each holds what the book knows of it */
#ifndef INTERN_H
#define INTERN_H

#include <stddef.h>
#include <stdint.h>

struct contact;
struct ref;
struct retired;
struct sym {
	struct contact *contact;
	struct ref *ref;		/* a promise, issue or request still open */
	struct retired *retired;	/* or one that is done with */
	uint32_t len : 30;		/* names come from lines of < 16 MiB */
	uint32_t declared_key : 1;	/* option keys names it */
	uint32_t yearly_key : 1;	/* option yearly names it */
	char name[];			/* NUL-terminated */
};
struct sym *sym_get(const char *, size_t);	/* creates */
struct sym *sym_find(const char *, size_t);	/* NULL if absent */
const char *intern(const char *, size_t);
struct sym *sym_of(const char *interned);
void sym_free_all(void);
uint32_t intern_hash(const char *, size_t);

#endif
