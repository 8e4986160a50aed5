/* merge.c: three versions of a journal, their common ancestor (the base)
 * and two descendants (ours and theirs), merged as rel-merge(1), a git
 * merge driver, merges them: as git merges lines, but by blocks, since
 * an entry is what a person adds, changes or removes.
 *
 * A version is cut into blocks as fmt.c cuts a journal: a column-0 line
 * (an entry or a directive) with the comment lines right above it and the
 * indented lines below it; a run of comment lines that stands alone; a
 * run of blank lines.  Each side is compared with the base (diff(): the
 * blocks they share, by Myers' O(ND) algorithm in linear space), and what
 * it changed is a list of hunks; a hunk that replaces blocks is cut finer
 * by their keys (refine()), so that an entry changed beside another is a
 * change of that entry alone.  Then the hunks of both sides are walked
 * along the base (merge_walk()): a hunk of one side is taken; blocks that
 * both sides insert at one place are all kept, those they share once;
 * hunks of both sides that overlap are taken once if they are the same,
 * and are a conflict between git's markers if they are not.
 *
 * Each version must read by its syntax alone, as rel-fmt reads a file:
 * a version is one file of a journal that may have many. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "diag.h"
#include "inplace.h"
#include "intern.h"
#include "merge.h"
#include "reader.h"
#include "util.h"
#include "words.h"

struct block {
	const char *text;	/* its lines, each ending in LF */
	size_t len;
	long lines;
	const char *key;	/* what names it from version to version */
	size_t keylen;
	uint32_t hash, keyhash;	/* of its text, of its key */
	int date;		/* an entry's, else NO_DATE */
	int has_head;		/* an entry or a directive, not comments alone
				 * or blank lines */
	int is_contact;
};

struct version {
	const char *path, *label;
	struct buf raw;		/* the file as read */
	struct buf text;	/* as the reader takes it (line_trim()): no
				 * BOM, no CRs, a final LF */
	struct block *v;
	size_t n, cap;
	int crlf, bom;		/* as its first line has them */
};

/* A change of one side: the base's blocks [b0, b1) become the side's
 * blocks [s0, s1).  b0 == b1: an insertion before base block b0. */
struct hunk {
	size_t b0, b1, s0, s1;
};

struct hunks {
	struct hunk *v;
	size_t n, cap;
};

struct side {
	const struct version *ver;
	struct hunks h;		/* in the order of the base */
	size_t next;		/* the first hunk not merged yet */
};

/* Blocks of one version or another, in the order of the result. */
struct run {
	const struct block **v;
	size_t n, cap;
};

struct merge {
	const struct version *base, *ours, *theirs;
	struct side o, t;
	int by_date;		/* the base's entries are in date order */
	struct buf out;		/* the result, with LF line ends */
	long lines;		/* in out */
	int conflicts;
};

enum line_type { L_BLANK, L_COMMENT, L_INDENTED, L_HEAD };

#define NO_MATCH ((size_t)-1)

static const char *
read_error(int err)
{
	return err == EFBIG ? "line longer than 16 MiB: is this a journal?" :
	    err == EINVAL ? "not a plain file" : strerror(err);
}

/* Reads a version and checks it by its syntax.  OURS (st not NULL) must
 * be a plain file with one name, which the result can replace.  -1 after
 * saying why not. */
static int
read_version(struct version *ver, struct file_state *st)
{
	struct file_state other;

	if (file_read(ver->path, &ver->raw, st ? st : &other, st != NULL) ==
	    -1) {
		diag_warn("%s: %s", ver->path, read_error(errno));
		return -1;
	}
	if (st && st->sb.st_nlink > 1) {
		diag_warn("%s: has %lu hard links, which writing the result "
		    "would part", ver->path, (unsigned long)st->sb.st_nlink);
		return -1;
	}
	if (journal_syntax_errors(ver->path, ver->raw.s, ver->raw.len) > 0) {
		diag_warn("%s: %s has errors: not merged", ver->path,
		    ver->label);
		return -1;
	}
	return 0;
}

/* The text as the reader takes its lines: a CRLF file and one with LF
 * merge as one, and the result takes the line ends of OURS. */
static void
normalise(struct version *ver)
{
	struct lines l;
	const char *s;
	size_t n;

	buf_add(&ver->text, "", 0);
	lines_from_buffer(&l, ver->raw.s, ver->raw.len);
	while (lines_next(&l, &s, &n) == 1) {
		if (l.lineno == 1) {
			ver->crlf = n > 0 && s[n - 1] == '\r';
			ver->bom = n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0;
		}
		line_trim(l.lineno, &s, &n);
		buf_add(&ver->text, s, n);
		buf_addc(&ver->text, '\n');
	}
	lines_close(&l);
}

static enum line_type
line_type(const char *s, size_t n)
{
	size_t first = skip_blanks(s, n, 0);

	if (first == n)
		return L_BLANK;
	if (s[first] == ';' || s[first] == '#')
		return L_COMMENT;
	return first > 0 ? L_INDENTED : L_HEAD;
}

/* The type of the first line at or after s that is not a comment; the end
 * of the text counts as a blank line. */
static enum line_type
type_after_comments(const char *s, const char *end)
{
	const char *nl;
	enum line_type t;

	for (; s < end; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(end - s));
		if ((t = line_type(s, (size_t)(nl - s))) != L_COMMENT)
			return t;
	}
	return L_BLANK;
}

/* Where a block starts, as fmt.c cuts a journal: at a column-0 line, or
 * at the comments right above it; at a run of comments that stands alone
 * (before a blank line or the end); at a run of blank lines, and after
 * one.  Comments followed by indented lines stay in the block above. */
static int
starts_block(enum line_type prev, enum line_type t, const char *s,
    const char *end)
{
	if (t == L_BLANK || prev == L_BLANK)
		return t != prev;
	if (t == L_HEAD)
		return prev != L_COMMENT;
	if (t == L_COMMENT && prev != L_COMMENT)
		return type_after_comments(s, end) != L_INDENTED;
	return 0;
}

/* What names a block from version to version, its words parted by single
 * blanks: an entry's date, time, kind and subject; a directive's first two
 * words (contact ID, option NAME, include PATH).  The rest of its line,
 * its indented lines and its comments are what a change changes. */
static void
block_key(struct block *b, const char *s, size_t n, struct arena *a)
{
	struct head h;
	const char *why;
	size_t end, i = 0, e, len = 0;
	char *key;

	if (s[0] >= '0' && s[0] <= '9') {
		head_split(s, n, &h);
		end = h.rest;
		if (date_parse(s, h.date_end, &b->date, &why) == -1)
			b->date = NO_DATE;
	} else {
		end = word_end(s, n, skip_blanks(s, n, word_end(s, n, 0)));
		b->is_contact = word_end(s, n, 0) == 7 &&
		    memcmp(s, "contact", 7) == 0;
	}
	key = arena_alloc(a, end + 1);
	while ((i = skip_blanks(s, end, i)) < end) {
		e = word_end(s, end, i);
		if (len)
			key[len++] = ' ';
		memcpy(key + len, s + i, e - i);
		len += e - i;
		i = e;
	}
	b->key = key;
	b->keylen = len;
	b->has_head = 1;
}

static void
add_block(struct version *ver, const char *s, const char *end,
    struct arena *a)
{
	struct block *b;
	const char *p, *nl;

	if (ver->n == ver->cap) {
		ver->cap = ver->cap ? ver->cap * 2 : 64;
		ver->v = xreallocarray(ver->v, ver->cap, sizeof(*ver->v));
	}
	b = &ver->v[ver->n++];
	memset(b, 0, sizeof(*b));
	b->text = b->key = s;	/* comments and blank lines: their text */
	b->len = b->keylen = (size_t)(end - s);
	b->date = NO_DATE;
	for (p = s; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!b->has_head && line_type(p, (size_t)(nl - p)) == L_HEAD)
			block_key(b, p, (size_t)(nl - p), a);
		b->lines++;
	}
	b->hash = intern_hash(b->text, b->len);
	b->keyhash = intern_hash(b->key, b->keylen);
}

static void
cut_blocks(struct version *ver, struct arena *a)
{
	const char *p = ver->text.s, *end = p + ver->text.len, *start = p;
	const char *nl;
	enum line_type prev = L_BLANK, t;

	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		t = line_type(p, (size_t)(nl - p));
		if (p > start && starts_block(prev, t, p, end)) {
			add_block(ver, start, p, a);
			start = p;
		}
		prev = t;
	}
	if (p > start)
		add_block(ver, start, p, a);
}

/* Whether to put what both sides insert at one place in date order: the
 * entries of the base are in date order. */
static int
in_date_order(const struct version *ver)
{
	int last = NO_DATE;
	size_t i;

	for (i = 0; i < ver->n; i++) {
		if (ver->v[i].date == NO_DATE)
			continue;
		if (ver->v[i].date < last)
			return 0;
		last = ver->v[i].date;
	}
	return 1;
}

static int
same_text(const struct block *x, const struct block *y)
{
	return x->hash == y->hash && x->len == y->len &&
	    memcmp(x->text, y->text, x->len) == 0;
}

static int
same_key(const struct block *x, const struct block *y)
{
	return x->keyhash == y->keyhash && x->keylen == y->keylen &&
	    memcmp(x->key, y->key, x->keylen) == 0;
}

/* A diff in progress (diff()). */
struct diff {
	const struct block *a, *b;
	int (*same)(const struct block *, const struct block *);
	const size_t *ia, *ib;	/* the blocks searched: those with a like */
	size_t *match;
	long *fwd, *back;	/* by diagonal: how far the paths of least cost
				 * from the start, and from the end, reach */
};

/* A search that has not met its middle after this many steps each way
 * takes the furthest point it reached as the middle, as xdiff does: a
 * good split, not the best, in bounded time. */
#define DIFF_COST_MAX 512

/* The search for the middle of a path of least cost from the blocks
 * [a0, a0 + n) to [b0, b0 + m) (Myers 1986, section 4b): forward from the
 * start and back from the end at once, diagonal k holding the points
 * x - y == k (back: counted from the end), until the two meet. */
struct reach {
	long *v;		/* by diagonal, from off: how far it reaches */
	long lo, hi;		/* diagonals that left the grid, by 2 */
};

struct snake {
	size_t a0, b0;
	long n, m, delta, off, lim;
	struct reach way[2];	/* forward, back */
	long x, y;		/* the middle, once found */
};

static int
same_at(const struct diff *d, size_t i, size_t j)
{
	return d->same(&d->a[d->ia[i]], &d->b[d->ib[j]]);
}

/* Whether the blocks at x, y are alike; back, counted from the end. */
static int
alike(const struct diff *d, const struct snake *s, int back, long x, long y)
{
	if (back)
		return same_at(d, s->a0 + (size_t)(s->n - x - 1),
		    s->b0 + (size_t)(s->m - y - 1));
	return same_at(d, s->a0 + (size_t)x, s->b0 + (size_t)y);
}

/* The paths of cost e one way, each as far along its diagonal as alike
 * blocks take it; 1 when one meets a path of the other way, with the
 * middle in s (as a point of the forward path). */
static int
step(const struct diff *d, struct snake *s, int back, long e)
{
	struct reach *r = &s->way[back];
	const long *other = s->way[!back].v + s->off;
	long *v = r->v + s->off, k, x, y, ko;

	for (k = -e + r->lo; k <= e - r->hi; k += 2) {
		x = k == -e || (k != e && v[k - 1] < v[k + 1]) ? v[k + 1] :
		    v[k - 1] + 1;
		y = x - k;
		while (x < s->n && y < s->m && alike(d, s, back, x, y))
			x++, y++;
		v[k] = x;
		if (x > s->n)
			r->hi += 2;
		else if (y > s->m)
			r->lo += 2;
		else if ((s->delta % 2 != 0) != back) {
			ko = s->delta - k;	/* the diagonal the other way */
			if (ko >= -s->lim && ko <= s->lim && other[ko] != -1 &&
			    x + other[ko] >= s->n) {
				s->x = back ? other[ko] : x;
				s->y = back ? other[ko] - ko : y;
				return 1;
			}
		}
	}
	return 0;
}

/* When the search gives up: the point the forward paths reached that is
 * furthest from the start. */
static void
furthest_forward(struct snake *s)
{
	const long *v = s->way[0].v + s->off;
	long k, x, y;

	s->x = s->y = 0;
	for (k = -s->lim + 1; k < s->lim; k++) {
		x = v[k];
		y = x - k;
		if (x >= 0 && x <= s->n && y >= 0 && y <= s->m &&
		    x + y > s->x + s->y) {
			s->x = x;
			s->y = y;
		}
	}
}

/* A point (x, y) on a path of least cost, or near one, that parts the
 * problem into two smaller ones; 0 if there is none, where the caller
 * takes all of it as changed. */
static int
middle_snake(const struct diff *d, size_t a0, size_t n, size_t b0, size_t m,
    long *x, long *y)
{
	struct snake s = { a0, b0, (long)n, (long)m, (long)n - (long)m, 0, 0,
	    { { d->fwd, 0, 0 }, { d->back, 0, 0 } }, 0, 0 };
	long max = (long)((n + m + 1) / 2), e, k;

	s.off = max + 1;
	s.lim = (max < DIFF_COST_MAX ? max : DIFF_COST_MAX) + 1;
	for (k = -s.lim; k <= s.lim; k++)
		d->fwd[s.off + k] = d->back[s.off + k] = -1;
	d->fwd[s.off + 1] = d->back[s.off + 1] = 0;
	for (e = 0; e < s.lim; e++)
		if (step(d, &s, 0, e) || step(d, &s, 1, e))
			break;
	if (e == s.lim)
		furthest_forward(&s);
	if (s.x < 0 || s.y < 0 || s.x > s.n || s.y > s.m ||
	    s.x + s.y == 0 || (s.x == s.n && s.y == s.m))
		return 0;
	*x = s.x;
	*y = s.y;
	return 1;
}

static void
lcs(struct diff *d, size_t a0, size_t a1, size_t b0, size_t b1)
{
	long x, y;

	while (a0 < a1 && b0 < b1 && same_at(d, a0, b0))
		d->match[d->ia[a0++]] = d->ib[b0++];
	while (a0 < a1 && b0 < b1 && same_at(d, a1 - 1, b1 - 1))
		d->match[d->ia[--a1]] = d->ib[--b1];
	if (a0 == a1 || b0 == b1 ||
	    !middle_snake(d, a0, a1 - a0, b0, b1 - b0, &x, &y))
		return;
	lcs(d, a0, a0 + (size_t)x, b0, b0 + (size_t)y);
	lcs(d, a0 + (size_t)x, a1, b0 + (size_t)y, b1);
}

static uint32_t
hash_of(const struct block *b, int by_key)
{
	return by_key ? b->keyhash : b->hash;
}

static int
by_hash(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;

	return a < b ? -1 : a > b;
}

/* The blocks of v that may have a like in other (the same hash), by
 * index; their number in *n. */
static size_t *
with_like(const struct block *v, size_t nv, const struct block *other,
    size_t no, int by_key, size_t *n)
{
	uint32_t *h = xcalloc(no + 1, sizeof(*h)), hv;
	size_t *idx = xcalloc(nv + 1, sizeof(*idx)), i;

	for (i = 0; i < no; i++)
		h[i] = hash_of(&other[i], by_key);
	qsort(h, no, sizeof(*h), by_hash);
	for (*n = i = 0; i < nv; i++) {
		hv = hash_of(&v[i], by_key);
		if (no > 0 && bsearch(&hv, h, no, sizeof(*h), by_hash))
			idx[(*n)++] = i;
	}
	free(h);
	return idx;
}

/* The blocks of a that b keeps, as a longest common subsequence of the
 * two, compared by text or by key: match[i] is the block of b that a[i]
 * is, or NO_MATCH.  Blocks that have no like in the other version are
 * left out of the search first (as xdiff does with lines): a side that
 * rewrote most blocks, as rel-fmt -i does, leaves little to search. */
static size_t *
diff(const struct block *a, size_t na, const struct block *b, size_t nb,
    int by_key)
{
	struct diff d = { a, b, by_key ? same_key : same_text, NULL, NULL,
	    NULL, NULL, NULL };
	size_t i, n, m, *ia, *ib, room;

	d.match = xcalloc(na + 1, sizeof(*d.match));
	for (i = 0; i < na; i++)
		d.match[i] = NO_MATCH;
	d.ia = ia = with_like(a, na, b, nb, by_key, &n);
	d.ib = ib = with_like(b, nb, a, na, by_key, &m);
	room = (n + m + 1) / 2 * 2 + 3;
	d.fwd = xcalloc(room, sizeof(*d.fwd));
	d.back = xcalloc(room, sizeof(*d.back));
	lcs(&d, 0, n, 0, m);
	free(d.fwd);
	free(d.back);
	free(ia);
	free(ib);
	return d.match;
}

static void
hunk_push(struct hunks *hs, size_t b0, size_t b1, size_t s0, size_t s1)
{
	if (hs->n == hs->cap) {
		hs->cap = hs->cap ? hs->cap * 2 : 16;
		hs->v = xreallocarray(hs->v, hs->cap, sizeof(*hs->v));
	}
	hs->v[hs->n++] = (struct hunk){ b0, b1, s0, s1 };
}

/* What a diff of na blocks against nb did not match, as hunks; their
 * indices counted from a0 and s0. */
static void
hunks_from_match(const size_t *match, size_t na, size_t nb, size_t a0,
    size_t s0, struct hunks *out)
{
	size_t i = 0, j = 0, i0, j0;

	while (i < na || j < nb) {
		if (i < na && match[i] == j) {
			i++, j++;
			continue;
		}
		i0 = i;
		j0 = j;
		while (i < na && match[i] == NO_MATCH)
			i++;
		j = i < na ? match[i] : nb;
		hunk_push(out, a0 + i0, a0 + i, s0 + j0, s0 + j);
	}
}

/* Blocks paired one with one, base[b0 + k] with side[s0 + k]: a change
 * of each that differs. */
static void
pair_up(const struct version *base, const struct version *side, size_t b0,
    size_t b1, size_t s0, struct hunks *out)
{
	for (; b0 < b1; b0++, s0++)
		if (!same_text(&base->v[b0], &side->v[s0]))
			hunk_push(out, b0, b0 + 1, s0, s0 + 1);
}

/* A hunk that replaces blocks, cut where the keys of its blocks match:
 * two entries edited one after the other are two changes, one of each.
 * Where keys do not match, runs as long on both sides pair up in order;
 * other runs stay one change. */
static void
refine(const struct version *base, const struct version *side,
    const struct hunk *h, struct hunks *out)
{
	struct hunks by_key = { 0 };
	struct hunk end = { h->b1, h->b1, h->s1, h->s1 }, *k;
	size_t *match, i, b = h->b0, s = h->s0;

	if (h->b0 == h->b1 || h->s0 == h->s1) {
		hunk_push(out, h->b0, h->b1, h->s0, h->s1);
		return;
	}
	match = diff(base->v + h->b0, h->b1 - h->b0, side->v + h->s0,
	    h->s1 - h->s0, 1);
	hunks_from_match(match, h->b1 - h->b0, h->s1 - h->s0, h->b0, h->s0,
	    &by_key);
	free(match);
	for (i = 0; i <= by_key.n; i++) {
		k = i < by_key.n ? &by_key.v[i] : &end;
		pair_up(base, side, b, k->b0, s, out);	/* the same keys */
		if (k->b1 - k->b0 == k->s1 - k->s0)
			pair_up(base, side, k->b0, k->b1, k->s0, out);
		else
			hunk_push(out, k->b0, k->b1, k->s0, k->s1);
		b = k->b1;
		s = k->s1;
	}
	free(by_key.v);
}

/* What side changed of the base, as hunks in the order of the base. */
static void
side_hunks(const struct version *base, const struct version *side,
    struct hunks *out)
{
	struct hunks coarse = { 0 };
	size_t *match, i;

	match = diff(base->v, base->n, side->v, side->n, 0);
	hunks_from_match(match, base->n, side->n, 0, 0, &coarse);
	free(match);
	for (i = 0; i < coarse.n; i++)
		refine(base, side, &coarse.v[i], out);
	free(coarse.v);
}

static void
emit(struct merge *m, const char *s, size_t n, long lines)
{
	buf_add(&m->out, s, n);
	m->lines += lines;
}

static void
emit_blocks(struct merge *m, const struct block *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		emit(m, v[i].text, v[i].len, v[i].lines);
}

static void
emit_run(struct merge *m, const struct run *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		emit(m, r->v[i]->text, r->v[i]->len, r->v[i]->lines);
}

/* A block in a message: its key, or its first line, or what it is. */
static void
block_name(const struct block *b, const char **s, int *n)
{
	const char *nl = memchr(b->key, '\n', b->keylen);
	size_t len = nl ? (size_t)(nl - b->key) : b->keylen;

	*s = b->key;
	*n = (int)len;
	if (line_type(b->key, len) == L_BLANK) {
		*s = "blank lines";
		*n = (int)strlen(*s);
	}
}

/* Both versions between git's markers, labelled ours and theirs, in place
 * of what is a conflict; said with the line of its first marker.  what is
 * the block the conflict is about; verb what both sides did with it. */
static void
emit_conflict(struct merge *m, const struct run *o, const struct run *t,
    const struct block *what, const char *verb)
{
	long first = m->lines + 1;
	const char *name;
	int n;

	emit(m, "<<<<<<< ours\n", 13, 1);
	emit_run(m, o);
	emit(m, "=======\n", 8, 1);
	emit_run(m, t);
	emit(m, ">>>>>>> theirs\n", 15, 1);
	m->conflicts++;
	block_name(what, &name, &n);
	diag_warn("%s:%ld: conflict: %.*s %s", m->ours->path, first, n, name,
	    o->n == 0 ? "removed by ours and changed by theirs" : t->n == 0 ?
	    "changed by ours and removed by theirs" : verb);
}

/* The date a block inserted goes by: its own; for one without (a contact,
 * comments, blank lines), that of the entry after it in its run, else of
 * the entry before: it goes with what it introduces.  NO_DATE in a run
 * without entries. */
static int *
sort_dates(const struct block *v, size_t n)
{
	int *d = xcalloc(n + 1, sizeof(*d)), next = NO_DATE;
	size_t i;

	for (i = n; i-- > 0;) {
		if (v[i].date != NO_DATE)
			next = v[i].date;
		d[i] = next;
	}
	for (i = 1; i < n; i++)
		if (d[i] == NO_DATE)
			d[i] = d[i - 1];
	return d;
}

/* A contact both sides insert is declared once in the result: partner[i]
 * is the block of b with the id of a[i], partner[na + j] that of a with
 * the id of b[j], or NO_MATCH. */
static size_t *
contact_partners(const struct block *a, size_t na, const struct block *b,
    size_t nb)
{
	size_t *p = xcalloc(na + nb + 1, sizeof(*p)), i, j;

	for (i = 0; i < na + nb; i++)
		p[i] = NO_MATCH;
	for (i = 0; i < na; i++)
		for (j = 0; a[i].is_contact && j < nb; j++)
			if (b[j].is_contact && p[na + j] == NO_MATCH &&
			    same_key(&a[i], &b[j])) {
				p[i] = j;
				p[na + j] = i;
				break;
			}
	return p;
}

/* Ours' block a, inserted; if theirs inserts the same contact with other
 * lines, both between markers. */
static void
emit_inserted(struct merge *m, const struct block *a, const struct block *b)
{
	struct run o = { &a, 1, 1 }, t = { &b, 1, 1 };

	if (b == NULL || same_text(a, b))
		emit_blocks(m, a, 1);
	else
		emit_conflict(m, &o, &t, a, "added differently on both sides");
}

/* Blocks that one side inserts at a place where the other inserts others:
 * all kept, in date order if the base is in date order (one date: ours
 * first), else ours' then theirs'. */
static void
merge_gap(struct merge *m, const struct block *a, size_t na,
    const struct block *b, size_t nb)
{
	size_t *partner = contact_partners(a, na, b, nb), i = 0, j = 0;
	int *da = sort_dates(a, na), *db = sort_dates(b, nb);
	int dated = m->by_date && da[0] != NO_DATE && db[0] != NO_DATE;

	while (i < na || j < nb) {
		if (j == nb || (i < na && (!dated || da[i] <= db[j]))) {
			emit_inserted(m, &a[i], partner[i] == NO_MATCH ? NULL :
			    &b[partner[i]]);
			i++;
		} else if (partner[na + j++] == NO_MATCH)
			emit_blocks(m, &b[j - 1], 1);
	}
	free(partner);
	free(da);
	free(db);
}

/* What both sides insert at one place: the blocks they share once, in
 * their order, and between them what each inserts alone (merge_gap()). */
static void
union_runs(struct merge *m, const struct block *a, size_t na,
    const struct block *b, size_t nb)
{
	struct hunks gaps = { 0 };
	size_t *match, i = 0, k;
	const struct hunk *g;

	match = diff(a, na, b, nb, 0);
	hunks_from_match(match, na, nb, 0, 0, &gaps);
	free(match);
	for (k = 0; k < gaps.n; k++) {
		g = &gaps.v[k];
		emit_blocks(m, a + i, g->b0 - i);
		merge_gap(m, a + g->b0, g->b1 - g->b0, b + g->s0, g->s1 - g->s0);
		i = g->b1;
	}
	emit_blocks(m, a + i, na - i);
	free(gaps.v);
}

static const struct hunk *
peek(const struct side *s)
{
	return s->next < s->h.n ? &s->h.v[s->next] : NULL;
}

static int
is_insertion_at(const struct hunk *h, size_t p)
{
	return h && h->b0 == p && h->b1 == p;
}

static void
merge_insertions(struct merge *m, size_t p)
{
	const struct hunk *ho = NULL, *ht = NULL;

	if (is_insertion_at(peek(&m->o), p))
		ho = &m->o.h.v[m->o.next++];
	if (is_insertion_at(peek(&m->t), p))
		ht = &m->t.h.v[m->t.next++];
	if (ho && ht)
		union_runs(m, m->ours->v + ho->s0, ho->s1 - ho->s0,
		    m->theirs->v + ht->s0, ht->s1 - ht->s0);
	else if (ho)
		emit_blocks(m, m->ours->v + ho->s0, ho->s1 - ho->s0);
	else
		emit_blocks(m, m->theirs->v + ht->s0, ht->s1 - ht->s0);
}

/* Takes the next hunk of a side into the cluster of base blocks [p, *e)
 * if it overlaps it: it starts inside, or it changes the block at p that
 * opens the cluster.  A hunk that only touches the cluster (an insertion
 * right after it, a change of the next block) is apart from it. */
static int
take(struct side *s, size_t p, size_t *e)
{
	const struct hunk *h = peek(s);

	if (h == NULL || !(h->b0 < *e || (h->b0 == p && h->b1 > p)))
		return 0;
	if (h->b1 > *e)
		*e = h->b1;
	s->next++;
	return 1;
}

static void
run_add(struct run *r, const struct block *v, size_t n)
{
	size_t i;

	if (r->n + n > r->cap) {
		r->cap = r->n + n + 16;
		r->v = xreallocarray(r->v, r->cap, sizeof(*r->v));
	}
	for (i = 0; i < n; i++)
		r->v[r->n++] = &v[i];
}

/* The base's blocks [p, e) as a side has them: its hunks from first on,
 * up to those it has taken into the cluster. */
static void
side_version(const struct merge *m, const struct side *s, size_t first,
    size_t p, size_t e, struct run *r)
{
	const struct hunk *h;

	for (; first < s->next; first++) {
		h = &s->h.v[first];
		run_add(r, m->base->v + p, h->b0 - p);
		run_add(r, s->ver->v + h->s0, h->s1 - h->s0);
		p = h->b1;
	}
	run_add(r, m->base->v + p, e - p);
}

static int
same_run(const struct run *x, const struct run *y)
{
	size_t i;

	if (x->n != y->n)
		return 0;
	for (i = 0; i < x->n; i++)
		if (!same_text(x->v[i], y->v[i]))
			return 0;
	return 1;
}

/* The hunks that overlap from base block p on, of one side or both;
 * returns where they end. */
static size_t
merge_cluster(struct merge *m, size_t p)
{
	size_t e = p, o0 = m->o.next, t0 = m->t.next, i;
	struct run ro = { 0 }, rt = { 0 };

	while (take(&m->o, p, &e) || take(&m->t, p, &e))
		;
	side_version(m, &m->o, o0, p, e, &ro);
	side_version(m, &m->t, t0, p, e, &rt);
	if (m->t.next == t0 || same_run(&ro, &rt))
		emit_run(m, &ro);
	else if (m->o.next == o0)
		emit_run(m, &rt);
	else {
		for (i = p; i < e && !m->base->v[i].has_head; i++)
			;
		emit_conflict(m, &ro, &rt, &m->base->v[i < e ? i : p],
		    "changed on both sides");
	}
	free(ro.v);
	free(rt.v);
	return e;
}

/* The base's blocks in order, each as the sides leave it. */
static void
merge_walk(struct merge *m)
{
	const struct hunk *ho, *ht;
	size_t p = 0, q;

	for (;;) {
		ho = peek(&m->o);
		ht = peek(&m->t);
		q = m->base->n;
		if (ho && ho->b0 < q)
			q = ho->b0;
		if (ht && ht->b0 < q)
			q = ht->b0;
		emit_blocks(m, m->base->v + p, q - p);
		p = q;
		if (ho == NULL && ht == NULL)
			return;
		if (is_insertion_at(ho, p) || is_insertion_at(ht, p))
			merge_insertions(m, p);
		else
			p = merge_cluster(m, p);
	}
}

/* The result into OURS, with its BOM and line ends, replacing it whole
 * (inplace.c); not touched if nothing changes. */
static int
write_result(const struct merge *m, const struct file_state *st)
{
	const char *s = m->out.s, *end = s + m->out.len, *nl, *why;
	struct buf b = { 0 };
	int rc = 0;

	buf_add(&b, m->ours->bom ? "\xef\xbb\xbf" : "", m->ours->bom ? 3 : 0);
	for (; s < end; s = nl + 1) {
		nl = memchr(s, '\n', (size_t)(end - s));
		buf_add(&b, s, (size_t)(nl - s));
		buf_add(&b, m->ours->crlf ? "\r\n" : "\n", m->ours->crlf ? 2 : 1);
	}
	if ((b.len != m->ours->raw.len ||
	    memcmp(b.s, m->ours->raw.s, b.len) != 0) &&
	    file_rewrite(m->ours->path, st, b.s, b.len, &why) == -1) {
		diag_warn("%s: %s", m->ours->path, why);
		rc = -1;
	}
	buf_free(&b);
	return rc;
}

static int
merge_versions(struct version v[3], const struct file_state *st)
{
	struct merge m = { &v[0], &v[1], &v[2] };
	struct arena keys = { 0 };
	int i, status;

	for (i = 0; i < 3; i++) {
		normalise(&v[i]);
		cut_blocks(&v[i], &keys);
	}
	m.by_date = in_date_order(m.base);
	m.o.ver = m.ours;
	m.t.ver = m.theirs;
	side_hunks(m.base, m.ours, &m.o.h);
	side_hunks(m.base, m.theirs, &m.t.h);
	buf_add(&m.out, "", 0);
	merge_walk(&m);
	status = write_result(&m, st) == -1 ? MERGE_REFUSED :
	    m.conflicts ? MERGE_CONFLICTS : MERGE_CLEAN;
	free(m.o.h.v);
	free(m.t.h.v);
	buf_free(&m.out);
	arena_free(&keys);
	return status;
}

/* rel-merge(1): merges into the file ours what the files base and
 * theirs say; MERGE_REFUSED, ours left as it was, if one of them cannot
 * be read or has errors. */
int
merge_files(const char *base, const char *ours, const char *theirs)
{
	struct version v[3] = {
		{ .path = base, .label = "base" },
		{ .path = ours, .label = "ours" },
		{ .path = theirs, .label = "theirs" },
	};
	struct file_state st;
	int i, bad = 0, status;

	for (i = 0; i < 3; i++)
		bad |= read_version(&v[i], i == 1 ? &st : NULL) == -1;
	status = bad ? MERGE_REFUSED : merge_versions(v, &st);
	for (i = 0; i < 3; i++) {
		buf_free(&v[i].raw);
		buf_free(&v[i].text);
		free(v[i].v);
	}
	return status;
}
