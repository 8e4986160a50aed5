/* rel-fmt: a journal in canonical form, so that diffs stay small.  It
 * reads each journal first and refuses one with errors: it never rewrites
 * what it could not read. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rel.h"
#include "fmt.h"

static const char USAGE[] = "[--check | -i] [--sort] [FILE ...]";

static void
help(void)
{
	printf("usage: rel-fmt %s\n"
	    "Print rel journals in canonical form: one spelling of units, one\n"
	    "blank between words, attribute values in a column, comments and\n"
	    "blank lines kept where they are.  FILE - or none reads standard\n"
	    "input.\n"
	    "\n"
	    "  -c, --check     print the names of files not in canonical form,\n"
	    "                  exit 1 if there are any; change nothing\n"
	    "  -i, --in-place  rewrite each FILE in place (atomically)\n"
	    "  -s, --sort      put the entries of each paragraph in date order\n"
	    "  -h, --help      show this help\n"
	    "  -V, --version   show the version\n"
	    "\n"
	    "A journal with errors is refused (exit 2) and left as it is.\n"
	    "Exit status: 0 on success, 1 if --check found a file to format,\n"
	    "2 on errors.  See rel-fmt(1).\n", USAGE);
}

/* Reads the journal as every tool does; 0 if it has no error. */
static int
journal_ok(const char *name, const struct buf *text)
{
	struct read_opts opts = { 0 };
	struct lines l;
	const char *first;
	size_t n;
	int bad;

	lines_from_buffer(&l, text->s, text->len);
	if (lines_next(&l, &first, &n) == 1 && csv_header_matches(first, n)) {
		lines_close(&l);
		warnx_("%s: this is rel-parse's CSV, not a journal", name);
		return -1;
	}
	lines_close(&l);
	lines_from_buffer(&l, text->s, text->len);
	diag_reset();
	journal_read(&l, name, &opts);
	lines_close(&l);
	book_finish(&opts);
	bad = diag_errors();
	rel_cleanup();
	diag_reset();
	if (bad)
		warnx_("%s: not formatted: correct the errors above first", name);
	return bad ? -1 : 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "check", no_argument, NULL, 'c' },
		{ "in-place", no_argument, NULL, 'i' },
		{ "sort", no_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	static char *stdin_only[] = { "-" };
	struct buf text = { 0 }, out = { 0 };
	struct file_state st;
	struct lines l;
	const char *name, *why;
	int check = 0, inplace = 0, sort = 0, status = 0, c, i;

	diag_init(argv[0]);
	signal(SIGPIPE, SIG_DFL);
	while ((c = getopt_long(argc, argv, "cishV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			check = 1;
			break;
		case 'i':
			inplace = 1;
			break;
		case 's':
			sort = 1;
			break;
		default:
			common_option(c, "rel-fmt", USAGE, help);
		}
	}
	argc -= optind;
	argv += optind;
	if (check && inplace)
		usage_error(USAGE, "--check and -i do not go together");
	if (argc == 0) {
		argc = 1;
		argv = stdin_only;
	}
	for (i = 0; i < argc; i++) {
		name = strcmp(argv[i], "-") == 0 ? "<stdin>" : argv[i];
		if (inplace && strcmp(argv[i], "-") == 0)
			usage_error(USAGE, "-i needs files, not standard input");
		if (file_read(argv[i], &text, &st, inplace) == -1) {
			warnx_("%s: %s", name, errno == EFBIG ? "line longer than "
			    "16 MiB: is this a journal?" : errno == EINVAL ? "not a "
			    "plain file: -i rewrites plain files only" :
			    strerror(errno));
			status = 2;
			continue;
		}
		if (inplace && (why = file_unsafe(&st)) != NULL) {
			warnx_("%s: %s", name, why);
			status = 2;
			continue;
		}
		if (journal_ok(name, &text) == -1) {
			status = 2;
			continue;
		}
		out.len = 0;
		buf_add(&out, "", 0);
		lines_from_buffer(&l, text.s, text.len);
		fmt_journal(&l, sort, &out);
		lines_close(&l);
		if (check) {
			if (out.len != text.len || memcmp(out.s, text.s, out.len)) {
				safe_puts(stdout, name);
				putchar('\n');
				if (status == 0)
					status = 1;
			}
		} else if (inplace) {
			if ((out.len != text.len || memcmp(out.s, text.s, out.len)) &&
			    file_rewrite(argv[i], &st, out.s, out.len, &why) == -1) {
				warnx_("%s: %s", name, why);
				status = 2;
			}
		} else
			fwrite(out.s, 1, out.len, stdout);
	}
	buf_free(&text);
	buf_free(&out);
	return tool_exit(status);
}
