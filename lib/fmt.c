/* fmt.c: a journal in canonical form (rel-fmt(1)).  It works on the text,
 * not on records, so that comments, blank lines and the order of lines
 * stay where the author put them, and on the reader's own words (words.c:
 * head_split(), word_next()), so that the two cannot disagree about what
 * a word is; the journal has been read without error first (fmt_file()
 * refuses one that cannot be).
 *
 * The text is cut into blocks: a column-0 line with the comments right
 * above it and the indented lines below it.  Blank lines separate blocks;
 * a run of them becomes one.  With sort, the entries of each paragraph
 * (blocks not parted by a blank line or a directive) are put in date
 * order, same-day order kept. */
#include <stdlib.h>
#include <string.h>

#include <errno.h>

#include "date.h"
#include "diag.h"
#include "fmt.h"
#include "inplace.h"
#include "reader.h"
#include "safe.h"
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

/* The words after the subject as the reader takes them (words.c): the
 * title words in their order, then the attributes, then the tags, then
 * the comment.  Each word is written as it stands in the line: only the
 * blanks between words and the place of attributes and tags change. */
static struct buf attrs, tags;		/* reused from line to line */

static size_t
format_words(struct buf *b, const char *s, size_t n, size_t pos, int kind)
{
	size_t title_end;
	const char *comment = NULL;
	size_t commentlen = 0;
	struct token t;

	attrs.len = tags.len = 0;
	while (word_next(s, n, &pos, kind, &t)) {
		switch (t.type) {
		case T_COMMENT:
			comment = t.val;
			commentlen = trim_end(t.val, t.vallen);
			break;
		case T_ATTR:
			buf_addc(&attrs, ' ');
			buf_add(&attrs, t.word, t.end - t.off);
			break;
		case T_TAG:
			buf_addc(&tags, ' ');
			buf_add(&tags, t.word, t.end - t.off);
			break;
		default:	/* title words, and (unread) errors as they are */
			buf_addc(b, ' ');
			buf_add(b, t.word, t.end - t.off);
			break;
		}
	}
	title_end = b->len;
	if (attrs.len)
		buf_add(b, attrs.s, attrs.len);
	if (tags.len)
		buf_add(b, tags.s, tags.len);
	if (comment) {
		buf_add(b, "  ", 2);
		buf_add(b, comment, commentlen);
	}
	return title_end;
}

static void
add_word(struct buf *b, const char *s, size_t off, size_t end)
{
	if (end > off) {
		buf_addc(b, ' ');
		buf_add(b, s + off, end - off);
	}
}

/* DATE [HH:MM] KIND SUBJECT [STATE] words, split as the reader splits
 * them (head_split()), added to b without a line end.  Returns the day
 * of its date, or NO_DATE; *title_end is where its title words end. */
static int
format_entry_line(struct buf *b, const char *s, size_t n, size_t *title_end)
{
	const char *why;
	struct head h;
	enum kind kind;
	int date;

	head_split(s, n, &h);
	kind = kind_from_word(s + h.kind_off, h.kind_end - h.kind_off);
	if (kind == K_STATUS)
		head_split_state(s, n, &h);
	if (date_parse(s, h.date_end, &date, &why) == -1)
		date = NO_DATE;
	buf_add(b, s, h.date_end);
	add_word(b, s, h.time_off, h.time_end);
	add_word(b, s, h.kind_off, h.kind_end);
	add_word(b, s, h.subject_off, h.subject_end);
	add_word(b, s, h.state_off, h.state_end);
	*title_end = format_words(b, s, n, h.rest, kind);
	return date;
}

static void
format_head(struct block *blk, const char *s, size_t n)
{
	size_t title_end;

	blk->date = format_entry_line(&blk->text, s, n, &title_end);
	buf_addc(&blk->text, '\n');
	blk->is_entry = 1;
}

/* An option keys line declares its keys, for the lines below it. */
static void
declare_option_keys(const char *s, size_t n)
{
	size_t e = word_end(s, n, 0), i = skip_blanks(s, n, e);

	if (e == 6 && memcmp(s, "option", 6) == 0 &&
	    word_end(s, n, i) - i == 4 && memcmp(s + i, "keys", 4) == 0) {
		i = skip_blanks(s, n, i + 4);
		keys_declare_list(s + i, word_end(s, n, i) - i);
	}
}

/* contact ID words; option NAME VALUE; include PATH. */
static void
format_directive(struct block *blk, const char *s, size_t n)
{
	size_t e = word_end(s, n, 0), i, id_end;

	buf_add(&blk->text, s, e);
	if (e == 7 && memcmp(s, "contact", 7) == 0) {
		i = skip_blanks(s, n, e);
		id_end = word_end(s, n, i);
		add_word(&blk->text, s, i, id_end);
		format_words(&blk->text, s, n, id_end, K_CONTACT);
	} else {
		declare_option_keys(s, n);
		format_words(&blk->text, s, n, e, WORDS_NO_KEY);
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
			buf_add(&blk->text, v[i].val, strlen(v[i].val));
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
		format_head(b, s, n);
	else
		format_directive(b, s, n);
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
 * error (errno in l->error).  The keys its option keys lines declare are
 * marked in the table of names, which the caller clears (rel_cleanup())
 * between journals. */
int
fmt_journal(struct lines *l, int sort, struct buf *out)
{
	struct state st = { 0 };
	const char *s;
	size_t n, i;
	int rc;

	words_init();
	while ((rc = lines_next(l, &s, &n)) == 1) {
		line_trim(l->lineno, &s, &n);
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
	buf_free(&attrs);
	buf_free(&tags);
	arena_free(&st.arena);
	return rc == -1 ? -1 : 0;
}

/* The keys that the option keys lines of a file declare, declared, as
 * rel-fmt has them at the end of the file (it reads each file on its
 * own): for fmt_entry().  They stay declared until the table of names is
 * cleared (rel_cleanup()). */
void
fmt_declare_keys(const char *text, size_t len)
{
	struct lines l;
	const char *s;
	size_t n;

	words_init();
	lines_from_buffer(&l, text, len);
	while (lines_next(&l, &s, &n) == 1) {
		line_trim(l.lineno, &s, &n);
		if (n > 0 && s[0] == 'o')
			declare_option_keys(s, n);
	}
	lines_close(&l);
}

/* The entry line s in canonical form, as rel-fmt writes it with the keys
 * declared now, added to out.  Returns where its title words end in out:
 * an attribute put there leaves the line canonical. */
size_t
fmt_entry(const char *s, size_t n, struct buf *out)
{
	size_t title_end;

	words_init();
	format_entry_line(out, s, trim_end(s, n), &title_end);
	buf_free(&attrs);
	buf_free(&tags);
	return title_end;
}

/* The text read by its syntax, as a file on its own (rel-fmt(1)): 0 if
 * it has no error.  rel-fmt never rewrites what it could not read. */
static int
journal_ok(const char *name, const struct buf *text)
{
	if (csv_refused(name, text->s, text->len))
		return -1;
	if (journal_syntax_errors(name, text->s, text->len) == 0)
		return 0;
	diag_warn("%s: not formatted: correct the errors above first", name);
	return -1;
}

static const char *
read_error(void)
{
	return errno == EINVAL ? "not a plain file: -i rewrites plain files "
	    "only" : file_read_error(errno);
}

/* rel-fmt(1) on the journal at path ("-": standard input): its canonical
 * form printed, checked or written in place.  0, 1 when --check finds it
 * not in canonical form, 2 after an error that it has said. */
int
fmt_file(const char *path, enum fmt_mode mode, int sort)
{
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path, *why;
	struct buf text = { 0 }, out = { 0 };
	struct file_state st;
	struct lines l;
	int status = 0, same;

	if (file_read(path, &text, &st, mode == FMT_IN_PLACE) == -1) {
		diag_warn("%s: %s", name, read_error());
		status = 2;
	} else if (mode == FMT_IN_PLACE && (why = file_unsafe(&st)) != NULL) {
		diag_warn("%s: %s", name, why);
		status = 2;
	} else if (journal_ok(name, &text) == -1)
		status = 2;
	if (status) {
		buf_free(&text);
		return status;
	}
	buf_add(&out, "", 0);
	lines_from_buffer(&l, text.s, text.len);
	fmt_journal(&l, sort, &out);
	lines_close(&l);
	same = out.len == text.len && memcmp(out.s, text.s, out.len) == 0;
	if (mode == FMT_PRINT)
		fwrite(out.s, 1, out.len, stdout);
	else if (mode == FMT_CHECK && !same) {
		safe_puts(stdout, name);
		putchar('\n');
		status = 1;
	} else if (mode == FMT_IN_PLACE && !same &&
	    file_rewrite(path, &st, out.s, out.len, &why) == -1) {
		diag_warn("%s: %s", name, why);
		status = 2;
	}
	buf_free(&text);
	buf_free(&out);
	return status;
}
