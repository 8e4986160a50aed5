/* input.c: every tool's loop over its operands.  Each operand is a file,
 * or - for standard input; none means standard input.  The first line
 * tells a journal from rel-parse's events CSV. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rel.h"

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
				errorx_("%s: %s", argv[i], strerror(errno));
				continue;
			}
		}
		read_one(&l, name, opts);
		lines_close(&l);
	}
	book_finish(opts);
	return diag_errors() ? 2 : 0;
}

/* The options every tool shares: --help and --version end the tool, as
 * does an option getopt did not know (it has said why). */
void
common_option(int c, const char *tool, const char *usage, void (*help)(void))
{
	switch (c) {
	case 'h':
		help();
		exit(fshut(stdout, "<stdout>"));
	case 'V':
		printf("%s %s\n", tool, REL_VERSION);
		exit(fshut(stdout, "<stdout>"));
	default:
		usage_error(usage, NULL);
	}
}

/* The end of every tool: memory handed back, standard output flushed and
 * closed, a write error (a full disk) turned into exit status 2. */
int
tool_exit(int status)
{
	if (fshut(stdout, "<stdout>"))
		status = 2;
	tally_free();
	rel_cleanup();
	return status;
}

/* Frees what the readers and the book hold, so that the sanitizers see a
 * clean exit and report only real leaks. */
void
rel_cleanup(void)
{
	journal_free();
	csvin_free();
	csvout_free();
	book_free();
	sym_free_all();
	safe_free();
	diag_free();
}
