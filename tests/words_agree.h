/* words_agree.h: two checks of the word splitter of lib/words.c, for
 * tests/unit.c and the fuzz harness tests/fuzz/fuzz_words.c:
 *
 * - it loses no byte: its words, and the blanks between them, cover the
 *   line from start to end, in order;
 * - it agrees with the grammar of rel-journal(5) written as one PCRE2
 *   pattern, word by word: the same shape, the same bytes.
 *
 * The pattern is an independent statement of the grammar, not the
 * splitter's code: where the two part, one of them is wrong. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "words.h"
#include "words.h"

#define QUOTED "\"((?:[^\"\\\\]|\\\\.)*)\""
#define ENDS "(?![^ \\t])"

static const char WORD_PATTERN[] =
    "[ \\t]*(?:"
    "(;)" ENDS					/* 1 comment */
    "|" QUOTED ENDS				/* 2 quoted title part */
    "|([a-z][a-z0-9-]*|[IMBWPHE]):"		/* 3 key */
    "(?:" QUOTED ENDS "|([^ \\t\"]*)" ENDS ")"	/* 4 quoted or 5 bare value */
    "|\\+(?=\\p{L})([^ \\t\"]+)" ENDS		/* 6 tag */
    "|([^ \\t]+)"				/* 7 any other word */
    ")";

static pcre2_code *agree_re;
static pcre2_match_data *agree_md;
static pcre2_match_context *agree_mc;

static int
group(PCRE2_SIZE *ov, int i, const char *line, const char **s, size_t *n)
{
	if (ov[2 * i] == PCRE2_UNSET)
		return 0;
	*s = line + ov[2 * i];
	*n = ov[2 * i + 1] - ov[2 * i];
	return 1;
}

/* The next word by the pattern: 1 and its shape, 0 at the end of the
 * line, -1 if the matcher cannot tell (invalid UTF-8, or a limit). */
static int
pattern_next(const char *line, size_t len, size_t *pos, struct token *t)
{
	PCRE2_SIZE *ov;
	const char *w = "";
	size_t n = 0, k;
	int rc;

	if (agree_re == NULL) {
		PCRE2_SIZE erroff;
		int err;
		agree_re = pcre2_compile((PCRE2_SPTR)WORD_PATTERN,
		    PCRE2_ZERO_TERMINATED, PCRE2_ANCHORED | PCRE2_UTF, &err,
		    &erroff, NULL);
		agree_md = pcre2_match_data_create_from_pattern(agree_re, NULL);
		/* the pattern's backtracking may need more than this on a
		 * long quoted part: then it cannot tell, and says so */
		agree_mc = pcre2_match_context_create(NULL);
		pcre2_set_heap_limit(agree_mc, 64 * 1024);
	}
	if (skip_blanks(line, len, *pos) == len)
		return 0;
	memset(t, 0, sizeof(*t));
	rc = pcre2_match(agree_re, (PCRE2_SPTR)line, len, *pos, 0, agree_md,
	    agree_mc);
	if (rc < 0)
		return -1;
	ov = pcre2_get_ovector_pointer(agree_md);
	*pos = t->end = ov[1];
	if (group(ov, 1, line, &t->val, &t->vallen)) {
		t->shape = W_COMMENT;
		t->off = ov[2];
		t->vallen = len - t->off;
		*pos = t->end = len;
	} else if (group(ov, 2, line, &t->val, &t->vallen)) {
		t->shape = W_QUOTED;
		t->quoted = 1;
		t->off = ov[4] - 1;
	} else if (group(ov, 3, line, &t->key, &t->keylen)) {
		t->shape = W_PAIR;
		t->off = ov[6];
		if (group(ov, 4, line, &t->val, &t->vallen))
			t->quoted = 1;
		else
			group(ov, 5, line, &t->val, &t->vallen);
	} else if (group(ov, 6, line, &t->val, &t->vallen)) {
		t->shape = W_TAG;
		t->off = ov[12] - 1;
	} else {
		group(ov, 7, line, &w, &n);
		t->off = ov[14];
		t->val = w;
		t->vallen = n;
		if (w[0] == '"') {
			t->shape = W_BAD;
			t->err = "unterminated";
		} else if ((k = key_shape(w, n)) != 0) {
			/* key:value with a stray quote in the value */
			t->shape = W_PAIR;
			t->err = "malformed";
			t->key = w;
			t->keylen = k;
			t->val = w + k + 1;
			t->vallen = n - k - 1;
		} else
			t->shape = W_WORD;
	}
	t->word = line + t->off;
	return 1;
}

static int
same_shape(const struct token *a, const struct token *b)
{
	return a->shape == b->shape && a->off == b->off && a->end == b->end &&
	    a->key == b->key && a->keylen == b->keylen && a->val == b->val &&
	    a->vallen == b->vallen && a->quoted == b->quoted &&
	    (a->err != NULL) == (b->err != NULL);
}

/* 1 if the splitter covers the line and, where the pattern can tell,
 * reads it as the pattern does; else 0, with what differs on stderr. */
static int
words_agree(const char *line, size_t len)
{
	struct token a, b;
	size_t pa = 0, pb = 0, covered = 0;
	int ra, rb, pattern_ok = 1;

	for (;;) {
		ra = word_shape_next(line, len, &pa, &a);
		if (ra && (skip_blanks(line, len, covered) != a.off ||
		    a.end > len || a.end <= a.off)) {
			fprintf(stderr, "a word is lost or read twice in [%.*s] "
			    "at %zu\n", (int)len, line, covered);
			return 0;
		}
		if (pattern_ok) {
			rb = pattern_next(line, len, &pb, &b);
			if (rb == -1)
				pattern_ok = 0;
			else if (ra != rb || pa != pb || (ra && !same_shape(&a, &b))) {
				fprintf(stderr, "the splitter and the pattern differ "
				    "on [%.*s] at %zu: shape %d/%d off %zu/%zu end "
				    "%zu/%zu\n", (int)len, line, covered,
				    ra ? (int)a.shape : -1, rb ? (int)b.shape : -1,
				    a.off, b.off, pa, pb);
				return 0;
			}
		}
		if (!ra)
			break;
		covered = a.end;
	}
	if (skip_blanks(line, len, covered) != len) {
		fprintf(stderr, "the end of [%.*s] is lost from %zu\n", (int)len,
		    line, covered);
		return 0;
	}
	return 1;
}

/* words_agree() on each line of data; abort()s at the first that fails. */
static void __attribute__((unused))
lines_agree(const char *data, size_t size)
{
	const char *nl;
	char *line;
	size_t n;

	while (size > 0) {
		nl = memchr(data, '\n', size);
		n = nl ? (size_t)(nl - data) : size;
		line = calloc(1, n + 1);	/* its own, for the sanitizers */
		memcpy(line, data, n);
		if (!words_agree(line, n))
			abort();
		free(line);
		data += n + (nl != NULL);
		size -= n + (nl != NULL);
	}
}

static void __attribute__((unused))
words_agree_free(void)
{
	pcre2_match_data_free(agree_md);
	pcre2_match_context_free(agree_mc);
	pcre2_code_free(agree_re);
	agree_md = NULL;
	agree_mc = NULL;
	agree_re = NULL;
}
