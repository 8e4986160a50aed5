/* add.h: one entry added to a journal from the command line (rel-add(1)) */
#ifndef ADD_H
#define ADD_H

#include <stddef.h>

struct add {
	const char *journal;	/* -f, or $REL_JOURNAL */
	const char *date;	/* --date, as said (today, -3d, mon), or NULL */
	const char *time;	/* --time HH:MM, or NULL */
	int today;
	int dry_run;
	int contact_file;	/* to the file that declares the contact */
	const char *kind, *subject;
	char *const *words;	/* the rest of the line, one word each */
	size_t nwords;
};

int add_entry(const struct add *);
int add_complete(const char *what, const char *journal);

#endif
