/* fuzz_words.c: libFuzzer harness for the word tokenizer.  Each line of
 * the input is read by word_next() and by the pattern alone; the two must
 * give the same tokens (words_agree.h), else the harness aborts. */
#include <stdint.h>
#include <stdlib.h>

#include "../words_agree.h"

int LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	const char *s = (const char *)data, *nl;
	char *line;
	size_t n;

	if (!ready) {
		words_init();
		ready = 1;
	}
	while (size > 0) {
		nl = memchr(s, '\n', size);
		n = nl ? (size_t)(nl - s) : size;
		/* a copy with zeroed room after it: the JIT matcher may read
		 * a few bytes past the end, as the reader's buffers allow */
		line = calloc(1, n + 16);
		memcpy(line, s, n);
		if (!words_agree(line, n))
			abort();
		free(line);
		s += n + (nl != NULL);
		size -= n + (nl != NULL);
	}
	return 0;
}
