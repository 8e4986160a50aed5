/* words_agree.h: the check that word_next(), which takes plain words
 * without the pattern, gives the tokens that the pattern alone gives
 * (word_next_pattern()).  Included by tests/unit.c and the fuzz harness
 * tests/fuzz/fuzz_words.c. */
#include <stdio.h>
#include <string.h>

#include "rel.h"
#include "words.h"

static int
same_token(const struct token *a, const struct token *b)
{
	return a->type == b->type && a->off == b->off && a->key == b->key &&
	    a->keylen == b->keylen && a->val == b->val &&
	    a->vallen == b->vallen && a->quoted == b->quoted &&
	    (a->err == b->err || (a->err && b->err &&
	    strcmp(a->err, b->err) == 0));
}

/* 1 if both tokenizers read line alike, word by word; else 0, with the
 * first difference on stderr. */
static int
words_agree(const char *line, size_t len)
{
	struct token a, b;
	size_t pa = 0, pb = 0;
	int ra, rb;

	do {
		ra = word_next(line, len, &pa, &a);
		rb = word_next_pattern(line, len, &pb, &b);
		if (ra != rb || pa != pb || (ra && !same_token(&a, &b))) {
			fprintf(stderr, "tokenizers differ on [%.*s] at %zu: "
			    "type %d/%d off %zu/%zu len %zu/%zu end %zu/%zu\n",
			    (int)len, line, pa, ra ? (int)a.type : -1,
			    rb ? (int)b.type : -1, a.off, b.off, a.vallen,
			    b.vallen, pa, pb);
			return 0;
		}
	} while (ra);
	return 1;
}
