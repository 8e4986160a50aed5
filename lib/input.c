/* input.c: every tool's loop over its operands, and what the readers hold
 * handed back at the end.  Each operand is a file, or - for standard
 * input; none means standard input.  The first line tells a journal from
 * rel-parse's events CSV. */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "diag.h"
#include "intern.h"
#include "md.h"
#include "reader.h"
#include "row.h"
#include "safe.h"
#include "tally.h"
#include "util.h"
#include "width.h"
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

/* roots */

/* Files, by device and inode. */
struct files {
	struct file_id {
		dev_t dev;
		ino_t ino;
	} *v;
	size_t n, cap;
	int depth;		/* of the includes being followed */
};

static int
files_have(const struct files *f, const struct stat *st)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->v[i].dev == st->st_dev && f->v[i].ino == st->st_ino)
			return 1;
	return 0;
}

static void
files_add(struct files *f, dev_t dev, ino_t ino)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 16;
		f->v = xreallocarray(f->v, f->cap, sizeof(*f->v));
	}
	f->v[f->n].dev = dev;
	f->v[f->n++].ino = ino;
}

/* fn of journal_includes(): path is included, and what it includes. */
static void
reach(const char *path, void *ctx)
{
	struct files *f = ctx;
	struct stat st;

	if (stat(path, &st) == -1 || !S_ISREG(st.st_mode) ||
	    files_have(f, &st) || f->depth == MAX_INCLUDE_DEPTH)
		return;
	files_add(f, st.st_dev, st.st_ino);
	f->depth++;
	journal_includes(path, reach, f);
	f->depth--;
}

/* rel-parse(1), "Several files": of the operands, which to read.  One
 * that another read operand includes, directly or not, is read once,
 * where it is included; so is one named twice.  An operand that only
 * operands it includes include (a cycle) is read, the first of them. */
static unsigned char *
roots(int argc, char **argv)
{
	unsigned char *read = xcalloc((size_t)argc, 1);
	struct files *reaches = xcalloc((size_t)argc, sizeof(*reaches));
	struct files covered = { 0 };
	struct stat *st = xcalloc((size_t)argc, sizeof(*st));
	size_t k;
	int i, j, pass, found;

	for (i = 0; i < argc; i++)
		if (strcmp(argv[i], "-") == 0 || stat(argv[i], &st[i]) == -1 ||
		    !S_ISREG(st[i].st_mode))
			read[i] = 2;	/* not a file to follow: read it */
		else
			journal_includes(argv[i], reach, &reaches[i]);
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < argc; i++) {
			if (read[i] || files_have(&covered, &st[i]))
				continue;
			for (j = 0, found = 0; pass == 0 && j < argc && !found;
			    j++)
				found = j != i && read[j] != 2 &&
				    files_have(&reaches[j], &st[i]) &&
				    !(files_have(&reaches[i], &st[j]) && j > i);
			if (found)
				continue;
			read[i] = 1;
			files_add(&covered, st[i].st_dev, st[i].st_ino);
			for (k = 0; k < reaches[i].n; k++)
				files_add(&covered, reaches[i].v[k].dev,
				    reaches[i].v[k].ino);
		}
	for (i = 0; i < argc; i++)
		free(reaches[i].v);
	free(reaches);
	free(covered.v);
	free(st);
	return read;
}

/* 0 if every input was read without error, else 2.  No operand reads
 * standard input (see cli_operands() for the tools' own rule). */
int
rel_read_all(int argc, char **argv, const struct read_opts *opts)
{
	static char *stdin_only[] = { "-" };
	unsigned char *read = NULL;
	struct lines l;
	const char *name;
	int i;

	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	if (argc > 1)
		read = roots(argc, argv);
	for (i = 0; i < argc && !diag_too_many(); i++) {
		if (read && !read[i])
			continue;
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
	free(read);
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
	md_free();
	row_free();
	width_free();
	tally_free();
	book_free();
	sym_free_all();
	safe_free();
	diag_free();
	vocab_free();
}
