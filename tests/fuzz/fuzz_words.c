/* fuzz_words.c: libFuzzer harness for the word splitter.  Each line of
 * the input must be covered by its words, and split as the grammar's
 * pattern splits it (words_agree.h), else the harness aborts. */
#include <stdint.h>
#include <stdlib.h>

#include "../words_agree.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;

	if (!ready) {
		words_init();
		ready = 1;
	}
	lines_agree((const char *)data, size);
	return 0;
}
