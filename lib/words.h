/* words.h: the word tokenizer shared by the journal and CSV readers. */
#ifndef WORDS_H
#define WORDS_H

#include <stdint.h>

enum token_type { T_COMMENT, T_TITLE, T_ATTR, T_TAG, T_ERROR };

struct token {
	enum token_type type;
	size_t off;		/* where the word starts */
	const char *key;	/* T_ATTR */
	size_t keylen;
	const char *val;	/* raw: escapes not yet undone if quoted */
	size_t vallen;
	int quoted;
	const char *err;	/* T_ERROR */
};

struct pcre2_real_code_8;
struct pcre2_real_code_8 *re_compile(const char *pattern, uint32_t flags);
struct pcre2_real_match_data_8;
int re_match(const struct pcre2_real_code_8 *, const char *, size_t len,
    size_t start, struct pcre2_real_match_data_8 *);
int word_next(const char *line, size_t len, size_t *pos, struct token *);
int word_next_pattern(const char *line, size_t len, size_t *pos,
    struct token *);
size_t skip_blanks(const char *, size_t n, size_t i);
size_t trim_end(const char *, size_t n);
/* An indented line that is key: value (a key, a colon, blanks, a value);
 * any other indented line is a note.  The value ends before trailing
 * blanks. */
int indented_attr(const char *, size_t n, size_t first, size_t *key_end,
    size_t *val, size_t *val_end);
char *unquote(struct arena *, const char *, size_t);
char *token_value(struct arena *, const struct token *, size_t *len);
void value_write(struct buf *, const char *, size_t);
void value_write_quoted(struct buf *, const char *);
void title_write(struct buf *, const char *);

#endif
