/* fuzz_csv.c: libFuzzer harness for the events CSV reader.  Inputs are
 * given the CSV header, so that the fuzzer spends its time on rows. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "diag.h"
#include "reader.h"

static void
take(const struct record *r, void *ctx)
{
	events_write_record((FILE *)ctx, r);
}

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	struct read_opts opts = { 0 };
	struct lines l;

	if (devnull == NULL) {
		diag_init("fuzz_csv");
		devnull = fopen("/dev/null", "w");
		if (getenv("FUZZ_VERBOSE") == NULL)
			diag_quiet();
	}
	diag_reset();
	opts.fn = take;
	opts.ctx = devnull;
	opts.keep_going = 1;
	opts.strict = 1;
	lines_from_buffer(&l, (const char *)data, size);
	csvin_read(&l, "<fuzz>", &opts);
	events_flush(devnull);
	lines_close(&l);
	book_finish(&opts);
	rel_cleanup();
	diag_reset();
	return 0;
}
