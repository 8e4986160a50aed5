/* words.c: the words of a line, as rel-journal(5) defines them (format
 * 1.1), in two steps.  A word's shape comes from its bytes alone: a lone
 * ; that starts a comment, a "quoted part", key:value, +tag or any other
 * word (word_shape_next()).  Its role then depends on where it stands:
 * key:value is an attribute only where its key is one (the kind's keys,
 * the keys the journal declares) and its value is not empty; any other
 * word is title text, kept as written (word_next()).  So prose is never an
 * error and never silently becomes structure.
 *
 * Words are split by hand, in one pass over the bytes: no pattern and no
 * recursion stands between a line and its words, so no line, however
 * long or odd, can make the splitter give up and lose the rest of it.
 * tests/words_agree.h holds the grammar as a PCRE2 pattern and checks the
 * splitter against it. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "diag.h"
#include "vocab.h"
#include "words.h"

/* A letter of any script after a +, for tags such as +équipe: the only
 * part of a word that needs Unicode's tables, which PCRE2 has. */
static pcre2_code *re_letter;
static pcre2_match_data *md_letter;

void
words_init(void)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE erroff;
	int err;

	if (re_letter)
		return;
	re_letter = pcre2_compile((PCRE2_SPTR)"\\p{L}", PCRE2_ZERO_TERMINATED,
	    PCRE2_ANCHORED | PCRE2_UTF, &err, &erroff, NULL);
	if (re_letter == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		diag_fatal(2, "internal error: pattern at %zu: %s", (size_t)erroff, msg);
	}
	pcre2_jit_compile(re_letter, PCRE2_JIT_COMPLETE);
	md_letter = pcre2_match_data_create_from_pattern(re_letter, NULL);
}

void
words_free(void)
{
	pcre2_match_data_free(md_letter);
	pcre2_code_free(re_letter);
	md_letter = NULL;
	re_letter = NULL;
}

size_t
trim_end(const char *s, size_t n)
{
	while (n > 0 && is_blank(s[n - 1]))
		n--;
	return n;
}

/* Where the name of a key, [a-z][a-z0-9-]*, that starts at s[i] ends; i
 * if none starts there. */
static size_t
key_name_end(const char *s, size_t n, size_t i)
{
	if (i >= n || s[i] < 'a' || s[i] > 'z')
		return i;
	while (++i < n && ((s[i] >= 'a' && s[i] <= 'z') ||
	    (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
		;
	return i;
}

/* A key of the journal's own: [a-z][a-z0-9-]*, all of s. */
int
is_key_name(const char *s, size_t n)
{
	return n > 0 && key_name_end(s, n, 0) == n;
}

/* The length of the key that starts s and ends at a colon,
 * [a-z][a-z0-9-]* or one of the rate letters, or 0. */
size_t
key_shape(const char *s, size_t n)
{
	size_t i;

	if (n >= 2 && s[1] == ':' && dim_of_letter(s[0]) >= 0)
		return 1;
	i = key_name_end(s, n, 0);
	return i > 0 && i < n && s[i] == ':' ? i : 0;
}

int
indented_attr(const char *s, size_t n, size_t first, size_t *key_end,
    size_t *val, size_t *val_end)
{
	size_t k = key_name_end(s, n, first), v;

	if (k == first || k == n || s[k] != ':')
		return 0;
	v = skip_blanks(s, n, k + 1);
	if (v == k + 1 || v == n)
		return 0;
	*key_end = k;
	*val = v;
	*val_end = trim_end(s, n);
	return 1;
}

/* The closing quote of the quoted part whose opening quote is s[i], if it
 * ends a word (a blank or the end of the line after it); else n.  A
 * backslash takes the byte after it, so \" and \\ stay inside. */
static size_t
closing_quote(const char *s, size_t n, size_t i)
{
	for (i++; i < n && s[i] != '"'; i++)
		if (s[i] == '\\' && i + 1 < n)
			i++;
	return i < n && (i + 1 == n || is_blank(s[i + 1])) ? i : n;
}

/* + and a letter, of any script. */
static int
letter_after_plus(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[1];
	size_t len;

	if (n < 2)
		return 0;
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	/* one character, so that PCRE2 checks its UTF-8 and no more */
	len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	if (len > n - 1)
		return 0;
	return pcre2_match(re_letter, (PCRE2_SPTR)s + 1, len, 0, 0, md_letter,
	    NULL) >= 0;
}

#define UNTERMINATED "unterminated quote: close it with \", and write a " \
    "quote inside it as \\\""
#define QUOTE_IN_VALUE "quote inside a value: quote the whole value, as in " \
    "key:\"a \\\"b\\\"\""

/* key:value at line[i..e), the key k bytes long; q is the first quote
 * in it, or NULL. */
static void
pair_shape(const char *line, size_t len, size_t i, size_t e, size_t k,
    const char *q, struct token *t)
{
	size_t v = i + k + 1, close;

	t->shape = W_PAIR;
	t->key = line + i;
	t->keylen = k;
	if (q == line + v) {
		close = closing_quote(line, len, v);
		if (close < len) {
			t->quoted = 1;
			t->val = line + v + 1;
			t->vallen = close - v - 1;
			t->end = close + 1;
			return;
		}
		t->err = UNTERMINATED;
		t->err_off = v;
	} else if (q) {
		t->err = QUOTE_IN_VALUE;
		t->err_off = (size_t)(q - line);
	}
	t->val = line + v;
	t->vallen = e - v;
}

/* word_shape_next(), inline in word_next(), which reads every word of a
 * journal. */
static inline int
shape_next(const char *line, size_t len, size_t *pos, struct token *t)
{
	size_t i = skip_blanks(line, len, *pos), e, close, k;
	const char *q = NULL;

	if (i == len)
		return 0;
	t->key = NULL;
	t->keylen = 0;
	t->quoted = 0;
	t->err = NULL;
	t->err_off = 0;
	t->info = NULL;
	t->off = i;
	t->word = line + i;
	if (line[i] == ';' && (i + 1 == len || is_blank(line[i + 1]))) {
		t->shape = W_COMMENT;
		t->val = line + i;
		t->vallen = len - i;
		*pos = t->end = len;
		return 1;
	}
	/* one pass to the end of the word, noting its first quote */
	for (e = i; e < len && !is_blank(line[e]); e++)
		if (line[e] == '"' && q == NULL)
			q = line + e;
	t->end = e;
	if (q == line + i) {
		close = closing_quote(line, len, i);
		if (close < len) {
			t->shape = W_QUOTED;
			t->quoted = 1;
			t->val = line + i + 1;
			t->vallen = close - i - 1;
			t->end = close + 1;
		} else {
			t->shape = W_BAD;
			t->err = UNTERMINATED;
			t->err_off = i;
			t->val = line + i;
			t->vallen = e - i;
		}
	} else if ((k = key_shape(line + i, e - i)) != 0)
		pair_shape(line, len, i, e, k, q, t);
	else if (line[i] == '+' && q == NULL && letter_after_plus(line + i, e - i)) {
		t->shape = W_TAG;
		t->val = line + i + 1;
		t->vallen = e - i - 1;
	} else {
		t->shape = W_WORD;
		t->val = line + i;
		t->vallen = e - i;
	}
	*pos = t->end;
	return 1;
}

int
word_shape_next(const char *line, size_t len, size_t *pos, struct token *t)
{
	memset(t, 0, sizeof(*t));
	return shape_next(line, len, pos, t);
}

/* The next word of line at *pos, with its role on a line of the kind
 * given (or WORDS_ANY_KEY, WORDS_NO_KEY): 1 and a token, 0 at the end of
 * the line.  A T_ERROR token says what is wrong with the word at t->off;
 * a key:value that is not an attribute there is title text as written. */
int
word_next(const char *line, size_t len, size_t *pos, int kind,
    struct token *t)
{
	if (!shape_next(line, len, pos, t))
		return 0;
	switch (t->shape) {
	case W_COMMENT:
		t->type = T_COMMENT;
		break;
	case W_TAG:
		t->type = T_TAG;
		break;
	case W_BAD:
		t->type = T_ERROR;
		break;
	case W_PAIR:
		if (t->vallen > 0 && (kind == WORDS_ANY_KEY ||
		    (kind != WORDS_NO_KEY && key_is_attribute(t->key, t->keylen,
		    (enum kind)kind, &t->info)))) {
			t->type = t->err ? T_ERROR : T_ATTR;
			break;
		}
		/* FALLTHROUGH */
	default:
		t->type = T_TITLE;
		break;
	}
	return 1;
}

/* The text a title word adds to the title, before unquoting: the inside
 * of a quoted part, or the word as written. */
size_t
token_text(const struct token *t, const char **s)
{
	if (t->shape == W_QUOTED) {
		*s = t->val;
		return t->vallen;
	}
	*s = t->word;
	return t->end - t->off;
}

/* The first words of an entry's line: each ends at a blank, and a lone ;
 * (a comment) ends them all. */
static int
head_word(const char *s, size_t n, size_t i, size_t *start, size_t *end)
{
	size_t j = skip_blanks(s, n, i);

	if (j == i || j == n || (s[j] == ';' && (j + 1 == n ||
	    is_blank(s[j + 1]))))
		return 0;
	*start = j;
	*end = word_end(s, n, j);
	return 1;
}

/* One or two digits and a colon: the word is meant as a time, HH:MM. */
static int
looks_like_time(const char *w, size_t n)
{
	return n >= 2 && w[0] >= '0' && w[0] <= '9' && (w[1] == ':' ||
	    (n >= 3 && w[1] >= '0' && w[1] <= '9' && w[2] == ':'));
}

void
head_split(const char *s, size_t n, struct head *h)
{
	size_t w, e;

	memset(h, 0, sizeof(*h));
	h->rest = h->date_end = word_end(s, n, 0);
	if (head_word(s, n, h->rest, &w, &e) && looks_like_time(s + w, e - w)) {
		h->time_off = w;
		h->rest = h->time_end = e;
	}
	if (!head_word(s, n, h->rest, &h->kind_off, &h->kind_end))
		return;
	h->rest = h->kind_end;
	if (!head_word(s, n, h->rest, &h->subject_off, &h->subject_end))
		return;
	h->rest = h->subject_end;
}

/* The state word after a status entry's subject. */
void
head_split_state(const char *s, size_t n, struct head *h)
{
	if (h->subject_end && head_word(s, n, h->rest, &h->state_off,
	    &h->state_end))
		h->rest = h->state_end;
}

/* The text of a quoted part with its \" and \\ escapes undone. */
static char *
unquote_len(struct arena *a, const char *s, size_t n, size_t *len)
{
	char *out = arena_alloc(a, n + 1), *p = out;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && (s[i + 1] == '"' || s[i + 1] == '\\'))
			i++;
		*p++ = s[i];
	}
	*p = '\0';
	*len = (size_t)(p - out);
	return out;
}

char *
unquote(struct arena *a, const char *s, size_t n)
{
	size_t len;

	return unquote_len(a, s, n, &len);
}

/* The token's value (an attribute's, or a title word's text), unescaped
 * if it was quoted, in the arena; its length in *len. */
char *
token_value(struct arena *a, const struct token *t, size_t *len)
{
	const char *s;
	size_t n;

	if (t->type == T_TITLE) {
		n = token_text(t, &s);
		if (t->shape == W_QUOTED)
			return unquote_len(a, s, n, len);
		*len = n;
		return arena_strndup(a, s, n);
	}
	if (t->quoted)
		return unquote_len(a, t->val, t->vallen, len);
	*len = t->vallen;
	return arena_strndup(a, t->val, t->vallen);
}

void
value_write_quoted(struct buf *b, const char *v)
{
	const char *p;

	buf_addc(b, '"');
	for (p = v; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
}

/* A value of n bytes as the journal writes it: bare when it can be, else
 * quoted with its quotes and backslashes escaped. */
void
value_write(struct buf *b, const char *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (is_blank(v[i]) || v[i] == '"' || v[i] == '\\')
			break;
	if (n > 0 && i == n)
		buf_add(b, v, n);
	else
		value_write_quoted(b, v);
}
