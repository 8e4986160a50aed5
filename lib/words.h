/* words.h: the grammar of a line, shared by the journal reader, the CSV
 * reader and the formatter, so that no two of them can disagree about
 * what a word is. */
#ifndef WORDS_H
#define WORDS_H

#include <stddef.h>

#include "util.h"
#include "vocab.h"

/* What a word looks like, from its bytes alone. */
enum word_shape {
	W_COMMENT,	/* ; standing alone: a comment to the end of the line */
	W_QUOTED,	/* "a quoted part" */
	W_PAIR,		/* key:value, key:"value", key: */
	W_TAG,		/* + and a letter, then more */
	W_WORD,		/* any other word */
	W_BAD		/* a quote that opens a word and is never closed */
};

/* What a word is on its line: its shape and, for a key:value word, the
 * keys that the kind and the journal make attributes there. */
enum token_type { T_COMMENT, T_TITLE, T_ATTR, T_TAG, T_ERROR };

struct keyinfo;

struct token {
	enum token_type type;
	enum word_shape shape;
	const char *word;	/* line + off */
	size_t off, end;	/* the word: line[off..end) */
	const char *key;	/* W_PAIR */
	size_t keylen;
	const char *val;	/* W_PAIR: the value, inside its quotes if
				 * quoted, escapes not undone; W_QUOTED: the
				 * inside; W_TAG: after the +; W_COMMENT:
				 * from the ; to the end of the line; else
				 * the word */
	size_t vallen;
	int quoted;
	const char *err;	/* W_BAD, or a W_PAIR whose value is
				 * malformed: an error if it is an attribute */
	size_t err_off;		/* where in the line the error is */
	const struct keyinfo *info;	/* T_ATTR of a key of the format */
};

/* Which key:value words are attributes: those the kind takes (see
 * key_is_attribute()), every one (the attrs column of the events CSV), or
 * none (option and include lines). */
#define WORDS_ANY_KEY K_NONE
#define WORDS_NO_KEY K_OPTION

static inline int
is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static inline size_t
skip_blanks(const char *s, size_t n, size_t i)
{
	while (i < n && is_blank(s[i]))
		i++;
	return i;
}

static inline size_t
word_end(const char *s, size_t n, size_t i)
{
	while (i < n && !is_blank(s[i]))
		i++;
	return i;
}

void words_init(void);
void words_free(void);
int word_shape_next(const char *line, size_t len, size_t *pos, struct token *);
int word_next(const char *line, size_t len, size_t *pos, int kind,
    struct token *);
size_t token_text(const struct token *, const char **s);
size_t trim_end(const char *, size_t n);
size_t key_shape(const char *, size_t n);
int is_key_name(const char *, size_t n);

/* The first words of an entry's line: DATE [HH:MM] KIND SUBJECT, and for
 * status its state; each is [off, end), or 0, 0 where the line has none. */
struct head {
	size_t date_end;
	size_t time_off, time_end;
	size_t kind_off, kind_end;
	size_t subject_off, subject_end;
	size_t state_off, state_end;	/* status: head_split_state() */
	size_t rest;			/* where the words after them start */
};
void head_split(const char *, size_t n, struct head *);
void head_split_state(const char *, size_t n, struct head *);

/* An indented line that is key: value (a key, a colon, blanks, a value);
 * any other indented line is a note.  The value ends before trailing
 * blanks. */
int indented_attr(const char *, size_t n, size_t first, size_t *key_end,
    size_t *val, size_t *val_end);
char *unquote(struct arena *, const char *, size_t);
char *token_value(struct arena *, const struct token *, size_t *len);
void value_write(struct buf *, const char *, size_t);
void value_write_quoted(struct buf *, const char *);

#endif
