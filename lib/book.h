/* book.h: contacts, refs and options, as the records so far define them,
 * and the checks that need them */
#ifndef BOOK_H
#define BOOK_H

#include <stdint.h>
#include "date.h"
#include "series.h"
#include "diag.h"
#include "record.h"
#include "vocab.h"

struct contact {
	const char *id;
	struct contact *org;	/* contact_org()'s, once it names one */
	const char *file;	/* where declared; NULL if never declared */
	long line;
	const char *first_file;	/* first record naming it */
	long first_line;
	struct record *decl;	/* a copy of the contact record, or NULL;
				 * kept only if read_opts asks */
	unsigned char status;	/* enum status, if status_set */
	unsigned char status_set;	/* by its block or a status entry */
	uint32_t index;		/* in book_contacts(), in order of appearance
				 * (each contact has a sym: < 2^32 of them) */
	/* Then read_opts.contact_room bytes, zeroed, for the tool: the
	 * tools that measure keep the contact's tally there (tally.c), one
	 * step from its sym rather than two.  The contact starts on a
	 * 64-byte boundary and is 64 bytes (on LP64): so does its room. */
	uint64_t room[];
};

#define REF_TITLE_MAX 96

/* An open promise, issue or request.  When it is done with (kept or
 * broken; answered; told and resolved) the book hands it to the tools'
 * ref_done hook and keeps only a struct retired: memory holds the open
 * refs, not every ref there ever was. */
struct ref {
	const char *id;
	enum kind kind;		/* K_PROMISE, K_ISSUE or K_REQUEST */
	const char *file;
	long line;
	struct ref *prev, *next;	/* the open refs, in the order opened */
	const char **contacts;
	size_t ncontacts;
	const char *contacts_inline[2];
	enum kind closed;	/* K_KEPT/K_BROKEN, K_RESOLVED, K_ANSWERED, or K_NONE */
	const char *closed_file;
	long closed_line;
	const char *told_file;	/* issues only */
	long told_line;
	/* what the records say of it, for the tools that measure */
	int opened_day;
	int due_day;		/* promises: the latest due:, after moves */
	int closed_day;		/* or NO_DATE */
	int told_day;		/* issues: or NO_DATE */
	int learned_day;	/* issues: learned:, else the entry's date */
	int by_them;		/* promises: by:them */
	int has_sla;		/* requests: sla: given on the request */
	struct period sla;
	struct series *series;	/* promises with every:, else NULL */
	int snooze_day;		/* snooze REF until:DATE: its entry's day */
	int snooze_until;	/* and until:, or NO_DATE */
	char title[REF_TITLE_MAX];	/* of the opening entry, maybe cut */
};

/* What the book still knows of a ref that is done with: enough to say
 * where it was opened and closed when a journal names it again. */
struct retired {
	enum kind kind, closed;
	const char *file, *closed_file, *told_file;
	long line, closed_line, told_line;
};

struct options {
	struct cadence default_cadence;
	struct period feedback_every, default_sla;
	const char *currency;
	struct tier {			/* option tier NAME:CADENCE */
		const char *name;	/* interned */
		struct cadence cadence;
	} *tiers;
	size_t ntiers, tiercap;
};
extern struct options rel_options;

/* A key the kind takes, written with a blank after its colon, as in
 * "due: 2026-10-10": title text (rel-journal(5)), remembered so that the
 * error about the attribute the entry then lacks can point at it. */
struct loose_key {
	const char *key;	/* in the entry's first line */
	size_t keylen, off;
	const char *next;	/* the word after it, or NULL */
	size_t nextlen;
};
#define LOOSE_MAX 4

/* An entry: one journal entry or directive, before it becomes one record per
 * contact.  Readers fill it; book_entry() checks and delivers it. */
struct entry {
	struct record rec;	/* rec.contact unused */
	const char **contacts;
	size_t ncontacts;
	struct src head;	/* the first line, for errors */
	size_t subject_off;	/* where the subject starts in head */
	size_t ref_off;		/* where id: is, for errors about it */
	const struct loose_key *loose;
	size_t nloose;
	int bad;		/* an error was reported in it: deliver nothing */
};

struct read_opts {
	int strict;
	int keep_going;
	/* Keep a copy of each contact block, for contact_attr() and the
	 * contact's name; rel-parse, which needs neither, saves the memory. */
	int keep_contact_blocks;
	size_t contact_room;	/* bytes of room after each contact */
	record_fn *fn;
	void *ctx;
	/* Called with a ref that is done with, before the book forgets it,
	 * if it was settled by today; a ref settled later stays open. */
	void (*ref_done)(const struct ref *, void *ctx);
	int today;
	/* The file alone, by its syntax (rel-fmt, rel-merge): what each
	 * line and entry is, never what other entries or files say (refs,
	 * contacts declared, dates in order); includes are not read. */
	int syntax_only;
	/* rel-add: called at the end of each journal file read, with its
	 * name and the number its next line would have; a line it returns
	 * is read as that line, as if the file ended with it. */
	const char *(*at_end)(const char *file, long line, size_t *len,
	    void *ctx);
};

void book_entry(const struct entry *, const struct read_opts *);
void book_prefetch_contact(const char *interned_id);
int book_check_attr(const struct src *, size_t off, enum kind,
    const char *key, const char *val, const struct keyinfo *,
    const struct read_opts *);
int option_check(const struct src *, size_t name_off, size_t val_off,
    const char *name, const char *val);
void book_finish(const struct read_opts *);
struct contact *const *book_contacts(size_t *n);
struct ref *book_open_refs(void);
void book_free(void);

#endif
