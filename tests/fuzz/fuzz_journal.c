/* fuzz_journal.c: libFuzzer harness for the journal reader.  Every input
 * goes through the reader, the CSV writer, the tallies, the scores and the
 * overdue list.  Oracles that abort:
 * - every byte of every line is in a word or a blank between words
 *   (words_agree.h), so that no word is lost however the line is made;
 * - an input that reads without error comes back the same through the
 *   events CSV (journal -> CSV -> records -> CSV);
 * - and through rel-fmt: its canonical form gives the same records, every
 *   column but the line, and is its own canonical form. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "diag.h"
#include "reader.h"
#include "contact.h"
#include "tally.h"
#include "fmt.h"
#include "overdue.h"
#include "score.h"
#include "../words_agree.h"

static FILE *csv_out;

static void
take(const struct record *r, void *ctx)
{
	(void)ctx;
	events_write_record(csv_out, r);
	tally_record(r, NULL);
}

/* Reads one input with the reader given, returns its CSV in *out. */
/* A roll-up counts each fact once, and loses none: an org's row has at
 * least what any one of its members has, and at most what they have
 * together. */
static void
check_rollup(void)
{
	struct contact *const *cs;
	struct contact *top;
	struct tally **rows;
	size_t n, i;
	long *sum;

	cs = book_contacts(&n);
	rows = tally_by_org(&n);
	sum = calloc(n ? n : 1, sizeof(*sum));
	for (i = 0; i < n; i++) {
		top = contact_top_org(cs[i]);
		top = top ? top : cs[i];
		sum[top->index] += tally_of(cs[i])->n.interactions;
		if (rows[top->index]->n.interactions <
		    tally_of(cs[i])->n.interactions)
			abort();
	}
	for (i = 0; i < n; i++)
		if (rows[i] && rows[i]->n.interactions > sum[i])
			abort();
	free(sum);
	tally_rows_free(rows, n);
}

static void
read_into(const char *data, size_t size, int csv, char **out, size_t *len)
{
	struct read_opts opts = { 0 };
	struct window win = { NO_DATE, NO_DATE, 20779, 0, 1 };
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
	check_rollup();
	{
		struct overdue_opts oo = { .today = win.today, .within = 30,
		    .kinds = (1u << IT__COUNT) - 1, .them = 1 };
		FILE *text = fopen("/dev/null", "w");
		items = overdue_items(&oo, &n);
		overdue_write_text(text, items, n, 2, OVERDUE_WIDTH);
		fclose(text);
		overdue_items_free(items, n);
	}
	events_flush(csv_out);
	fclose(csv_out);
	tally_free();
	rel_cleanup();
}

/* The CSV without its line column: each row starts <fuzz>,LINE, (a note
 * line that looks so is changed alike in both). */
static char *
without_lines(const char *csv, size_t n, size_t *outlen)
{
	char *out = xmalloc(n + 1), *p = out;
	size_t i = 0;

	while (i < n) {
		if ((i == 0 || csv[i - 1] == '\n') && n - i > 7 &&
		    memcmp(csv + i, "<fuzz>,", 7) == 0) {
			memcpy(p, "<fuzz>,", 7);
			p += 7;
			for (i += 7; i < n && csv[i] != ','; i++)
				;
			continue;
		}
		*p++ = csv[i++];
	}
	*outlen = (size_t)(p - out);
	return out;
}

static void
die_unless_same(const char *what, const char *a, size_t alen, const char *b,
    size_t blen)
{
	if (alen == blen && memcmp(a, b, alen) == 0)
		return;
	fprintf(stdout, "%s differs:\n--- before\n%.*s--- after\n%.*s", what,
	    (int)alen, a, (int)blen, b);
	fflush(stdout);
	abort();
}

/* The input read clean: its canonical form reads to the same records and
 * is stable. */
static void
check_fmt(const char *data, size_t size, const char *csv, size_t csvlen)
{
	struct buf once = { 0 }, twice = { 0 };
	struct lines l;
	char *again = NULL, *x, *y;
	size_t alen = 0, xl, yl;

	buf_add(&once, "", 0);
	buf_add(&twice, "", 0);
	lines_from_buffer(&l, data, size);
	fmt_journal(&l, 0, &once);
	lines_close(&l);
	rel_cleanup();
	diag_reset();
	read_into(once.s, once.len, 0, &again, &alen);
	if (diag_errors() != 0)
		die_unless_same("the canonical form reads with errors", once.s,
		    once.len, "", 0);
	x = without_lines(csv, csvlen, &xl);
	y = without_lines(again, alen, &yl);
	die_unless_same("rel-fmt's records", x, xl, y, yl);
	lines_from_buffer(&l, once.s, once.len);
	fmt_journal(&l, 0, &twice);
	lines_close(&l);
	rel_cleanup();
	die_unless_same("rel-fmt run twice", once.s, once.len, twice.s,
	    twice.len);
	free(x);
	free(y);
	free(again);
	buf_free(&once);
	buf_free(&twice);
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
	lines_agree((const char *)data, size);
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
		diag_reset();
		check_fmt((const char *)data, size, a, alen);
	}
	free(a);
	diag_reset();
	return 0;
}
