/* words.c: the words of a line after an entry's subject, as
 * rel-journal(5) defines them: key:value attributes, +tags, "quoted" title
 * parts, bare title words and a trailing ; comment.  One anchored PCRE2
 * pattern, JIT-compiled once, takes one word per match. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <string.h>

#include "rel.h"
#include "words.h"

#define NO_VALUE "attribute has no value: write key:value, or quote the " \
    "word to keep it in the title"

#define QUOTED "\"([^\"\\\\]*(?:\\\\.[^\"\\\\]*)*)\""
#define ENDS "(?![^ \\t])"

static const char WORD_PATTERN[] =
    "[ \\t]*(?:"
    "(;.*)"					/* 1 comment */
    "|" QUOTED ENDS				/* 2 quoted title part */
    "|([a-z][a-z0-9-]*|[IMBWPHE]):"		/* 3 key */
    "(?:" QUOTED "|([^ \\t\"]+))" ENDS		/* 4 quoted or 5 bare value */
    "|\\+([^ \\t\"]+)" ENDS			/* 6 tag */
    "|([^ \\t]+)"				/* 7 any other word */
    ")";

static pcre2_code *re_word;
static pcre2_match_data *md;

/* 1 while every pattern compiled so far has JIT code: then matches go
 * straight to it, without pcre2_match()'s checks of its arguments. */
static int jit_all = 1;

pcre2_code *
re_compile(const char *pattern, uint32_t flags)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE erroff;
	pcre2_code *re;
	size_t jitsize = 0;
	int err;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    flags, &err, &erroff, NULL);
	if (re == NULL) {
		pcre2_get_error_message(err, msg, sizeof(msg));
		errx_(2, "internal error: pattern at %zu: %s", (size_t)erroff, msg);
	}
	/* Without JIT (a platform that lacks it) matching is slower but the
	 * same, so a failure here is not fatal. */
	if (pcre2_jit_compile(re, PCRE2_JIT_COMPLETE) == 0)
		pcre2_pattern_info(re, PCRE2_INFO_JITSIZE, &jitsize);
	if (jitsize == 0)
		jit_all = 0;
	return re;
}

int
re_match(const pcre2_code *re, const char *s, size_t len, size_t start,
    pcre2_match_data *m)
{
	if (jit_all)
		return pcre2_jit_match(re, (PCRE2_SPTR)s, len, start, 0, m, NULL);
	return pcre2_match(re, (PCRE2_SPTR)s, len, start, 0, m, NULL);
}

void
words_init(void)
{
	if (re_word)
		return;
	re_word = re_compile(WORD_PATTERN, PCRE2_ANCHORED);
	md = pcre2_match_data_create_from_pattern(re_word, NULL);
}

void
words_free(void)
{
	pcre2_match_data_free(md);
	pcre2_code_free(re_word);
	md = NULL;
	re_word = NULL;
}

static int
group(PCRE2_SIZE *ov, int i, const char *line, const char **s, size_t *n)
{
	if (ov[2 * i] == PCRE2_UNSET)
		return 0;
	*s = line + ov[2 * i];
	*n = ov[2 * i + 1] - ov[2 * i];
	return 1;
}

size_t
skip_blanks(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

size_t
trim_end(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
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

/* A key and its colon, and nothing after: an attribute without a value. */
static int
is_key_word(const char *s, size_t n)
{
	return n >= 2 && s[n - 1] == ':' && key_name_end(s, n, 0) == n - 1;
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

/* The length of the key that starts s and ends at a colon, as the pattern
 * has it ([a-z][a-z0-9-]* or one of the rate letters), or 0. */
static size_t
key_length(const char *s, size_t n)
{
	size_t i;

	if (n >= 2 && s[1] == ':' && s[0] != '\0' && strchr("IMBWPHE", s[0]))
		return 1;
	i = key_name_end(s, n, 0);
	return i > 0 && i < n && s[i] == ':' ? i : 0;
}

/* The word at line[i..end), which has no quote in it: what the pattern
 * makes of such a word, found without it. */
static void
simple_word(const char *line, size_t i, size_t end, struct token *t)
{
	const char *w = line + i;
	size_t n = end - i, k;

	t->off = i;
	if (w[0] == '+' && n > 1) {
		t->type = T_TAG;
		t->val = w + 1;
		t->vallen = n - 1;
		return;
	}
	if ((k = key_length(w, n)) != 0 && k + 1 < n) {
		t->type = T_ATTR;
		t->key = w;
		t->keylen = k;
		t->val = w + k + 1;
		t->vallen = n - k - 1;
		return;
	}
	t->val = w;
	t->vallen = n;
	if (is_key_word(w, n)) {
		t->type = T_ERROR;
		t->err = NO_VALUE;
	} else
		t->type = T_TITLE;
}

/* The next word of line at *pos: 1 and a token, 0 at the end of the line.
 * A T_ERROR token says what is wrong with the word at t->off.
 *
 * Only quoted parts need the pattern: a comment runs to the end of the
 * line, and a word without a quote is a tag, an attribute or a title word
 * by its first bytes.  tests/fuzz/fuzz_words.c checks that this gives the
 * same tokens as word_next_pattern(). */
int
word_next(const char *line, size_t len, size_t *pos, struct token *t)
{
	size_t i = skip_blanks(line, len, *pos), end;

	if (i == len)
		return 0;
	memset(t, 0, sizeof(*t));
	if (line[i] == ';') {
		t->type = T_COMMENT;
		t->off = i;
		t->val = line + i;
		t->vallen = len - i;
		*pos = len;
		return 1;
	}
	for (end = i; end < len && line[end] != ' ' && line[end] != '\t'; end++)
		if (line[end] == '"')
			return word_next_pattern(line, len, pos, t);
	simple_word(line, i, end, t);
	*pos = end;
	return 1;
}

/* word_next() by the pattern alone, for every word. */
int
word_next_pattern(const char *line, size_t len, size_t *pos, struct token *t)
{
	PCRE2_SIZE *ov;
	const char *q;
	int rc;

	memset(t, 0, sizeof(*t));
	rc = re_match(re_word, line, len, *pos, md);
	if (rc < 0)
		return 0;
	ov = pcre2_get_ovector_pointer(md);
	*pos = ov[1];
	if (group(ov, 1, line, &t->val, &t->vallen)) {
		t->type = T_COMMENT;
		t->off = ov[2];
		return 1;
	}
	if (group(ov, 2, line, &t->val, &t->vallen)) {
		t->type = T_TITLE;
		t->quoted = 1;
		t->off = ov[4] - 1;
		return 1;
	}
	if (group(ov, 3, line, &t->key, &t->keylen)) {
		t->type = T_ATTR;
		t->off = ov[6];
		if (group(ov, 4, line, &t->val, &t->vallen))
			t->quoted = 1;
		else
			group(ov, 5, line, &t->val, &t->vallen);
		return 1;
	}
	if (group(ov, 6, line, &t->val, &t->vallen)) {
		t->type = T_TAG;
		t->off = ov[12] - 1;
		return 1;
	}
	group(ov, 7, line, &t->val, &t->vallen);
	t->type = T_TITLE;
	t->off = ov[14];
	q = memchr(t->val, '"', t->vallen);
	if (q) {
		t->type = T_ERROR;
		t->off = (size_t)(q - line);
		t->err = q == t->val || q[-1] == ':' ?
		    "unterminated quote: close it with \", "
		    "and write a quote inside it as \\\"" :
		    "quote inside a word: put the whole part in quotes and "
		    "write the quote as \\\"";
	} else if (is_key_word(t->val, t->vallen)) {
		t->type = T_ERROR;
		t->err = NO_VALUE;
	}
	return 1;
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

/* The token's value, unescaped if it was quoted, in the arena; its
 * length in *len. */
char *
token_value(struct arena *a, const struct token *t, size_t *len)
{
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
		if (v[i] == ' ' || v[i] == '\t' || v[i] == '"' || v[i] == '\\')
			break;
	if (n > 0 && i == n)
		buf_add(b, v, n);
	else
		value_write_quoted(b, v);
}

/* A word that reads back as a title word, and as itself. */
static int
bare_title_word(const char *s, size_t n)
{
	size_t i;

	if (n == 0 || s[0] == '+' || s[0] == ';' || memchr(s, '"', n))
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] == ':')
			break;
	if (i < n) {	/* key:value, or key: alone, would be an attribute */
		size_t k;
		int is_key = i > 0 && ((s[0] >= 'a' && s[0] <= 'z') ||
		    (i == 1 && strchr("IMBWPHE", s[0])));
		for (k = 1; is_key && k < i; k++)
			is_key = (s[k] >= 'a' && s[k] <= 'z') ||
			    (s[k] >= '0' && s[k] <= '9') || s[k] == '-';
		if (is_key)
			return 0;
	}
	return 1;
}

/* A title as the journal writes it: bare words when every word reads back
 * as itself and single blanks join them, else one quoted part. */
void
title_write(struct buf *b, const char *title)
{
	const char *p = title, *sp;
	int bare = *title != '\0' && strchr(title, '\t') == NULL;

	while (bare && *p) {
		sp = strchr(p, ' ');
		if (!bare_title_word(p, sp ? (size_t)(sp - p) : strlen(p)))
			bare = 0;
		p = sp ? sp + 1 : p + strlen(p);
		if (sp && *p == '\0')
			bare = 0;	/* a trailing blank */
	}
	if (bare)
		buf_add(b, title, strlen(title));
	else
		value_write_quoted(b, title);
}
