/* fuzz_journal.c: libFuzzer harness for the journal reader.  Every input
 * goes through the reader, the CSV writer, the tallies, the scores and the
 * overdue list; an input that reads without error must also come back the
 * same through the events CSV (journal -> CSV -> records -> CSV). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rel.h"
#include "overdue.h"
#include "score.h"

static FILE *csv_out;

static void
take(const struct record *r, void *ctx)
{
	(void)ctx;
	events_write_record(csv_out, r);
	tally_record(r, NULL);
}

/* Reads one input with the reader given, returns its CSV in *out. */
static void
read_into(const char *data, size_t size, int csv, char **out, size_t *len)
{
	struct read_opts opts = { 0 };
	struct window win = { NO_DATE, NO_DATE, 20779 };
	struct lines l;
	struct item *items;
	struct scores s;
	struct contact *const *cs;
	size_t n, i;

	csv_out = open_memstream(out, len);
	tally_init(&win, &opts);
	opts.fn = take;		/* which hands each record on to the tallies */
	opts.keep_going = 1;
	opts.strict = 1;
	lines_from_buffer(&l, data, size);
	if (csv) {
		const char *first;
		size_t fl;
		if (lines_next(&l, &first, &fl) == 1) {	/* as input.c does */
			lines_unread(&l);
			csvin_read(&l, "<fuzz>", &opts);
		}
	} else
		journal_read(&l, "<fuzz>", &opts);
	lines_close(&l);
	book_finish(&opts);
	tally_finish();
	cs = book_contacts(&n);
	for (i = 0; i < n; i++)
		score_compute(tally_of(cs[i]), win.today, &s);
	{
		struct overdue_opts oo = { .today = win.today, .within = 30,
		    .kinds = (1u << IT__COUNT) - 1, .them = 1 };
		items = overdue_items(&oo, &n);
		free(items);
	}
	fclose(csv_out);
	tally_free();
	rel_cleanup();
}

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	char *a = NULL, *b = NULL, *withheader;
	size_t alen = 0, blen = 0;
	int clean;

	if (!ready) {
		diag_init("fuzz_journal");
		if (getenv("FUZZ_VERBOSE") == NULL)
			diag_quiet();
		ready = 1;
	}
	diag_reset();
	read_into((const char *)data, size, 0, &a, &alen);
	clean = diag_errors() == 0;
	if (clean) {
		/* the round trip must give the same CSV */
		withheader = xmalloc(strlen(CSV_HEADER) + 1 + alen);
		memcpy(withheader, CSV_HEADER, strlen(CSV_HEADER));
		withheader[strlen(CSV_HEADER)] = '\n';
		memcpy(withheader + strlen(CSV_HEADER) + 1, a, alen);
		diag_reset();
		read_into(withheader, strlen(CSV_HEADER) + 1 + alen, 1, &b, &blen);
		if (diag_errors() != 0 || alen != blen || memcmp(a, b, alen) != 0) {
			fprintf(stdout, "round trip differs:\n--- journal CSV\n%.*s"
			    "--- read back\n%.*s", (int)alen, a, (int)blen, b);
			fflush(stdout);
			abort();
		}
		free(withheader);
		free(b);
	}
	free(a);
	diag_reset();
	return 0;
}
