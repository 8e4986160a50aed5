/* input.c: every tool's loop over its operands, and what the readers hold
 * handed back at the end.  Each operand is a file, or - for standard
 * input; none means standard input.  The first line tells a journal from
 * rel-parse's events CSV. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "diag.h"
#include "intern.h"
#include "reader.h"
#include "safe.h"
#include "tally.h"
#include "words.h"

static void
read_one(struct lines *l, const char *name, const struct read_opts *opts)
{
	const char *first;
	size_t n;
	int rc;

	rc = lines_next(l, &first, &n);
	if (rc == 1)
		lines_unread(l);
	if (rc == 1 && csv_header_matches(first, n))
		csvin_read(l, name, opts);
	else
		journal_read(l, name, opts);
}

/* 0 if every input was read without error, else 2. */
int
rel_read_all(int argc, char **argv, const struct read_opts *opts)
{
	static char *stdin_only[] = { "-" };
	struct lines l;
	const char *name;
	int i;

	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	for (i = 0; i < argc && !diag_too_many(); i++) {
		if (strcmp(argv[i], "-") == 0) {
			name = "<stdin>";
			lines_from_fd(&l, 0);
		} else {
			name = intern(argv[i], strlen(argv[i]));
			if (lines_open(&l, argv[i], 0) == -1) {
				diag_error("%s: %s", argv[i], strerror(errno));
				continue;
			}
		}
		read_one(&l, name, opts);
		lines_close(&l);
	}
	book_finish(opts);
	return diag_errors() ? 2 : 0;
}

/* Reads the journal text s as a file on its own, by its syntax alone
 * (rel-fmt, rel-merge): what each line and entry is, never what other
 * entries or files say (refs, contacts, dates in order; see
 * read_opts.syntax_only), its includes not followed.  Says its errors and
 * returns how many there are; leaves nothing behind for the next file. */
int
journal_syntax_errors(const char *name, const char *s, size_t n)
{
	struct read_opts opts = { .syntax_only = 1 };
	struct lines l;
	int bad;

	lines_from_buffer(&l, s, n);
	diag_reset();
	journal_read(&l, name, &opts);
	lines_close(&l);
	book_finish(&opts);
	bad = diag_errors();
	rel_cleanup();
	diag_reset();
	return bad;
}

/* Frees what the readers and the book hold, so that the sanitizers see a
 * clean exit and report only real leaks. */
void
rel_cleanup(void)
{
	journal_free();
	csvin_free();
	csvout_free();
	tally_free();
	book_free();
	sym_free_all();
	safe_free();
	diag_free();
	vocab_free();
}
