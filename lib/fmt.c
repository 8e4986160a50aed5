/* fmt.c: a journal in canonical form (rel-fmt(1)).  It works on the text,
 * not on records, so that comments, blank lines and the order of lines
 * stay where the author put them; the journal has been read without error
 * first (rel-fmt refuses one that cannot be), so the lines here are known
 * to be well formed.
 *
 * The text is cut into blocks: a column-0 line with the comments right
 * above it and the indented lines below it.  Blank lines separate blocks;
 * a run of them becomes one.  With sort, the entries of each paragraph
 * (blocks not parted by a blank line or a directive) are put in date
 * order, same-day order kept. */
#include <stdlib.h>
#include <string.h>

#include "rel.h"
#include "fmt.h"
#include "words.h"

struct block {
	struct buf text;	/* its lines, formatted, each ending in LF */
	int is_entry;
	int date;
	int blank_before;
};

struct blocks {
	struct block *v;
	size_t n, cap;
};

/* The indented key: value lines of the block being built, aligned when
 * the block ends. */
struct pending_line {
	int is_attr;
	char *key, *val;	/* is_attr */
	char *text;		/* notes and comments: the whole line */
};

static struct block *
new_block(struct blocks *bs)
{
	struct block *b;

	if (bs->n == bs->cap) {
		bs->cap = bs->cap ? bs->cap * 2 : 64;
		bs->v = xreallocarray(bs->v, bs->cap, sizeof(*bs->v));
	}
	b = &bs->v[bs->n++];
	memset(b, 0, sizeof(*b));
	b->date = NO_DATE;
	return b;
}

/* durations and periods in one spelling: 90min -> 1h30m, 014d -> 14d;
 * other values as the journal writes them on an entry's line (quoted when
 * they must be) or, raw, as the rest of an indented line. */
static void
normal_value(struct buf *b, const char *key, const char *val, int raw)
{
	struct period p;
	const char *why;
	char out[32];
	int m;

	if ((strcmp(key, "planned") == 0 || strcmp(key, "actual") == 0) &&
	    duration_parse(val, strlen(val), &m, &why) == 0) {
		if (m >= 60 && m % 60)
			snprintf(out, sizeof(out), "%dh%dm", m / 60, m % 60);
		else if (m >= 60)
			snprintf(out, sizeof(out), "%dh", m / 60);
		else
			snprintf(out, sizeof(out), "%dm", m);
		buf_add(b, out, strlen(out));
	} else if ((strcmp(key, "cadence") == 0 || strcmp(key, "sla") == 0 ||
	    strcmp(key, "default-cadence") == 0 ||
	    strcmp(key, "feedback-every") == 0 ||
	    strcmp(key, "default-sla") == 0) &&
	    period_parse(val, strlen(val), &p, &why) == 0) {
		period_format(p, out);
		buf_add(b, out, strlen(out));
	} else if (raw)
		buf_add(b, val, strlen(val));
	else
		value_write(b, val, strlen(val));
}

/* The words after the subject: title, then attributes, then tags, then
 * the comment.  For status, the state word first. */
static void
format_words(struct buf *b, const char *s, size_t n, size_t pos,
    int state_first, int quote_title, struct arena *a)
{
	struct buf title = { 0 }, attrs = { 0 }, tags = { 0 };
	const char *comment = NULL;
	size_t commentlen = 0;
	struct token t;
	size_t len;
	char *v;

	if (state_first) {
		size_t i = skip_blanks(s, n, pos), e = i;
		while (e < n && s[e] != ' ' && s[e] != '\t')
			e++;
		buf_addc(b, ' ');
		buf_add(b, s + i, e - i);
		pos = e;
	}
	while (word_next(s, n, &pos, &t)) {
		switch (t.type) {
		case T_COMMENT:
			comment = t.val;
			commentlen = trim_end(t.val, t.vallen);
			break;
		case T_TITLE:
			v = token_value(a, &t, &len);
			if (title.len)
				buf_addc(&title, ' ');
			buf_add(&title, v, len);
			break;
		case T_ATTR:
			buf_addc(&attrs, ' ');
			buf_add(&attrs, t.key, t.keylen);
			buf_addc(&attrs, ':');
			normal_value(&attrs, arena_strndup(a, t.key, t.keylen),
			    token_value(a, &t, &len), 0);
			break;
		case T_TAG:
			buf_add(&tags, " +", 2);
			buf_add(&tags, t.val, t.vallen);
			break;
		case T_ERROR:
			break;	/* cannot happen: the journal was read */
		}
	}
	if (title.len) {
		buf_addc(b, ' ');
		if (quote_title)
			value_write_quoted(b, title.s);
		else
			title_write(b, title.s);
	}
	if (attrs.len)
		buf_add(b, attrs.s, attrs.len);
	if (tags.len)
		buf_add(b, tags.s, tags.len);
	if (comment) {
		buf_add(b, "  ", 2);
		buf_add(b, comment, commentlen);
	}
	buf_free(&title);
	buf_free(&attrs);
	buf_free(&tags);
}

/* DATE [HH:MM] KIND SUBJECT words */
static void
format_head(struct block *blk, const char *s, size_t n, struct arena *a)
{
	size_t i = 0, e, words = 0, start = blk->text.len;
	const char *why;
	int state = 0;

	while (i < n && words < 4) {
		e = i;
		while (e < n && s[e] != ' ' && s[e] != '\t')
			e++;
		if (words == 0)
			date_parse(s, e - i, &blk->date, &why);
		if (words == 1 && !(e - i == 5 && s[i + 2] == ':'))
			words++;	/* no time */
		if (words == 2)
			state = e - i == 6 && memcmp(s + i, "status", 6) == 0;
		if (blk->text.len > start)
			buf_addc(&blk->text, ' ');
		buf_add(&blk->text, s + i, e - i);
		words++;
		i = skip_blanks(s, n, e);
	}
	format_words(&blk->text, s, n, i, state, 0, a);
	buf_addc(&blk->text, '\n');
	blk->is_entry = 1;
}

/* contact, option, include */
static void
format_directive(struct block *blk, const char *s, size_t n, struct arena *a)
{
	struct token t;
	size_t i = 0, e, len;
	char *v;

	while (i < n && s[i] != ' ' && s[i] != '\t')
		i++;
	buf_add(&blk->text, s, i);
	if (i == 7 && memcmp(s, "contact", 7) == 0) {
		i = skip_blanks(s, n, i);
		e = i;
		while (e < n && s[e] != ' ' && s[e] != '\t')
			e++;
		buf_addc(&blk->text, ' ');
		buf_add(&blk->text, s + i, e - i);
		format_words(&blk->text, s, n, e, 0, 1, a);	/* "Name" */
	} else if (i == 6 && memcmp(s, "option", 6) == 0) {
		const char *name = NULL;
		while (word_next(s, n, &i, &t)) {
			if (t.type == T_COMMENT) {
				buf_add(&blk->text, "  ", 2);
				buf_add(&blk->text, t.val, trim_end(t.val, t.vallen));
			} else if (name == NULL) {
				name = arena_strndup(a, t.val, t.vallen);
				buf_addc(&blk->text, ' ');
				buf_add(&blk->text, name, strlen(name));
			} else {
				buf_addc(&blk->text, ' ');
				normal_value(&blk->text, name,
				    token_value(a, &t, &len), 0);
			}
		}
	} else {		/* include */
		while (word_next(s, n, &i, &t)) {
			if (t.type == T_COMMENT) {
				buf_add(&blk->text, "  ", 2);
				buf_add(&blk->text, t.val, trim_end(t.val, t.vallen));
			} else {
				buf_addc(&blk->text, ' ');
				v = token_value(a, &t, &len);
				value_write(&blk->text, v, len);
			}
		}
	}
	buf_addc(&blk->text, '\n');
}

/* Writes the indented lines of a block, the values of its attributes in
 * one column. */
static void
flush_indented(struct block *blk, struct pending_line *v, size_t *n)
{
	size_t i, w = 0, k;

	for (i = 0; i < *n; i++)
		if (v[i].is_attr && strlen(v[i].key) > w)
			w = strlen(v[i].key);
	for (i = 0; i < *n; i++) {
		if (v[i].is_attr) {
			buf_add(&blk->text, "  ", 2);
			buf_add(&blk->text, v[i].key, strlen(v[i].key));
			buf_addc(&blk->text, ':');
			for (k = strlen(v[i].key); k <= w; k++)
				buf_addc(&blk->text, ' ');
			normal_value(&blk->text, v[i].key, v[i].val, 1);
		} else
			buf_add(&blk->text, v[i].text, strlen(v[i].text));
		buf_addc(&blk->text, '\n');
	}
	*n = 0;
}

/* An indented key: value line, as the reader takes it, into p. */
static int
take_indented_attr(const char *s, size_t n, size_t first,
    struct pending_line *p, struct arena *a)
{
	size_t key_end, val, val_end;

	if (!indented_attr(s, n, first, &key_end, &val, &val_end))
		return 0;
	p->is_attr = 1;
	p->key = arena_strndup(a, s + first, key_end - first);
	p->val = arena_strndup(a, s + val, val_end - val);
	return 1;
}

struct state {
	struct blocks bs;
	struct block *cur;
	struct pending_line *ind;
	size_t nind, indcap;
	struct buf comments;	/* comment lines not yet placed */
	int blank;
	struct arena arena;
};

static void
push_indented(struct state *st, struct pending_line p)
{
	if (st->nind == st->indcap) {
		st->indcap = st->indcap ? st->indcap * 2 : 16;
		st->ind = xreallocarray(st->ind, st->indcap, sizeof(*st->ind));
	}
	st->ind[st->nind++] = p;
}

/* Comments above nothing (before a blank line or the end) stand alone. */
static void
place_comments_alone(struct state *st)
{
	struct block *b;

	if (st->comments.len == 0)
		return;
	b = new_block(&st->bs);
	b->blank_before = st->blank;
	st->blank = 0;
	buf_add(&b->text, st->comments.s, st->comments.len);
	st->comments.len = 0;
}

static void
end_block(struct state *st)
{
	if (st->cur)
		flush_indented(st->cur, st->ind, &st->nind);
	st->cur = NULL;
}

static void
format_line(struct state *st, const char *s, size_t n)
{
	struct pending_line p = { 0 };
	size_t first = skip_blanks(s, n, 0);
	struct block *b;

	n = trim_end(s, n);
	if (first >= n) {
		end_block(st);
		place_comments_alone(st);
		st->blank = 1;
		return;
	}
	if (s[first] == ';' || s[first] == '#') {
		if (first > 0)
			buf_add(&st->comments, "  ", 2);
		buf_add(&st->comments, s + first, n - first);
		buf_addc(&st->comments, '\n');
		return;
	}
	if (first > 0) {	/* comments above it stay in the block */
		if (st->comments.len) {
			p.text = arena_strndup(&st->arena, st->comments.s,
			    st->comments.len - 1);	/* its last LF */
			push_indented(st, p);
			st->comments.len = 0;
			memset(&p, 0, sizeof(p));
		}
		if (!take_indented_attr(s, n, first, &p, &st->arena)) {
			char *t = arena_alloc(&st->arena, n - first + 3);
			memcpy(t, "  ", 2);
			memcpy(t + 2, s + first, n - first);
			t[n - first + 2] = '\0';
			p.text = t;
		}
		push_indented(st, p);
		return;
	}
	end_block(st);
	b = st->cur = new_block(&st->bs);
	b->blank_before = st->blank;
	st->blank = 0;
	buf_add(&b->text, st->comments.s ? st->comments.s : "", st->comments.len);
	st->comments.len = 0;
	if (s[0] >= '0' && s[0] <= '9')
		format_head(b, s, n, &st->arena);
	else
		format_directive(b, s, n, &st->arena);
}

/* Stable: same-day entries keep their order. */
static int
by_date(const void *x, const void *y)
{
	const struct block *a = *(struct block *const *)x;
	const struct block *b = *(struct block *const *)y;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return a < b ? -1 : a > b;
}

static void
write_blocks(struct blocks *bs, int sort, struct buf *out)
{
	struct block **order = xcalloc(bs->n, sizeof(*order));
	size_t i, j;

	for (i = 0; i < bs->n; i++)
		order[i] = &bs->v[i];
	for (i = 0; sort && i < bs->n; i = j) {
		for (j = i + 1; j < bs->n && order[i]->is_entry &&
		    order[j]->is_entry && !order[j]->blank_before; j++)
			;
		if (j - i > 1)
			qsort(order + i, j - i, sizeof(*order), by_date);
	}
	for (i = 0; i < bs->n; i++) {
		if (out->len && bs->v[i].blank_before)
			buf_addc(out, '\n');
		buf_add(out, order[i]->text.s, order[i]->text.len);
	}
	free(order);
}

/* The canonical form of the journal read from l, in out; -1 on a read
 * error (errno in l->error). */
int
fmt_journal(struct lines *l, int sort, struct buf *out)
{
	struct state st = { 0 };
	const char *s;
	size_t n, i;
	int rc;

	words_init();
	while ((rc = lines_next(l, &s, &n)) == 1) {
		if (n && s[n - 1] == '\r')
			n--;
		if (l->lineno == 1 && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
			s += 3;
			n -= 3;
		}
		format_line(&st, s, n);
	}
	end_block(&st);
	place_comments_alone(&st);
	if (rc == 0)
		write_blocks(&st.bs, sort, out);
	for (i = 0; i < st.bs.n; i++)
		buf_free(&st.bs.v[i].text);
	free(st.bs.v);
	free(st.ind);
	buf_free(&st.comments);
	arena_free(&st.arena);
	return rc == -1 ? -1 : 0;
}
