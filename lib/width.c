/* width.c: how many terminal columns a UTF-8 string takes as shown (its
 * unsafe characters in their visible form, safe.c), without the locale
 * (so that output is the same bytes everywhere): combining marks take
 * none, East Asian wide characters and most emoji take two. */
#include <string.h>

#include "safe.h"
#include "util.h"
#include "width.h"

static const struct range {
	unsigned lo, hi;
} zero_width[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd },
	{ 0x0610, 0x061a }, { 0x064b, 0x065f }, { 0x0e31, 0x0e31 },
	{ 0x0e34, 0x0e3a }, { 0x0e47, 0x0e4e }, { 0x1ab0, 0x1aff },
	{ 0x1dc0, 0x1dff }, { 0x200b, 0x200f }, { 0x20d0, 0x20ff },
	{ 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f }, { 0xe0100, 0xe01ef },
}, double_width[] = {
	{ 0x1100, 0x115f }, { 0x2e80, 0x303e }, { 0x3041, 0x33ff },
	{ 0x3400, 0x4dbf }, { 0x4e00, 0x9fff }, { 0xa000, 0xa4cf },
	{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe30, 0xfe4f },
	{ 0xff00, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x1f300, 0x1f64f },
	{ 0x1f900, 0x1f9ff }, { 0x20000, 0x2fffd }, { 0x30000, 0x3fffd },
};

static int
in(const struct range *r, size_t n, unsigned c)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (c >= r[i].lo && c <= r[i].hi)
			return 1;
	return 0;
}

/* The code point of the valid UTF-8 character at s, len bytes long. */
static unsigned
decode(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned cp;
	size_t i;

	if (len == 1)
		return p[0];
	cp = p[0] & (0xff >> (len + 1));
	for (i = 1; i < len; i++)
		cp = (cp << 6) | (p[i] & 0x3f);
	return cp;
}

int
char_width(unsigned c)
{
	if (c < 0x300)		/* Latin and most punctuation: the common case */
		return 1;
	if (in(zero_width, sizeof(zero_width) / sizeof(*zero_width), c))
		return 0;
	if (in(double_width, sizeof(double_width) / sizeof(*double_width), c))
		return 2;
	return 1;
}

/* The columns of the character at s (of at most n bytes) as it is shown:
 * an unsafe one in its visible form (safe.c).  Its length in *len. */
size_t
shown_width(const char *s, size_t n, size_t *len)
{
	char esc[SAFE_ESCAPE_MAX];
	size_t k = safe_char(s, n, len, esc);

	return k ? k : (size_t)char_width(decode(s, *len));
}

/* Printable ASCII: one column, shown as it is (the common case, taken
 * without a call). */
static int
plain(char c)
{
	return c >= 0x20 && c < 0x7f;
}

/* The columns of n bytes of s as shown. */
size_t
text_width(const char *s, size_t n)
{
	size_t w = 0, i = 0, len;

	while (i < n) {
		if (plain(s[i])) {
			w++;
			i++;
			continue;
		}
		w += shown_width(s + i, n - i, &len);
		i += len;
	}
	return w;
}

size_t
display_width(const char *s)
{
	return text_width(s, strlen(s));
}

/* Bytes of s (of n) that fit in w columns as shown, whole characters only
 * (combining marks stay with their base). */
static size_t
fit_width_n(const char *s, size_t n, size_t w, size_t *used)
{
	size_t i = 0, cols = 0, len, cw;

	while (i < n) {
		cw = plain(s[i]) ? (len = 1) : shown_width(s + i, n - i, &len);
		if (cols + cw > w)
			break;
		cols += cw;
		i += len;
	}
	*used = cols;
	return i;
}

size_t
fit_width(const char *s, size_t w, size_t *used)
{
	return fit_width_n(s, strlen(s), w, used);
}

static void
add_blanks(struct buf *b, size_t n)
{
	while (n-- > 0)
		buf_addc(b, ' ');
}

/* Appends n bytes of s, made safe, in exactly w columns: padded with
 * blanks, or cut with "..." when longer. */
void
cell_append(struct buf *b, const char *s, size_t n, size_t w)
{
	size_t shown = text_width(s, n), used, bytes;

	if (shown <= w) {
		safe_append(b, s, n);
		add_blanks(b, w - shown);
		return;
	}
	bytes = fit_width_n(s, n, w >= 3 ? w - 3 : 0, &used);
	safe_append(b, s, bytes);
	buf_add(b, "...", w >= 3 ? 3 : 0);
	used += w >= 3 ? 3 : 0;
	add_blanks(b, used < w ? w - used : 0);
}

static struct buf cell;	/* put_cell()'s, reused */

/* Writes s, made safe, in exactly w columns: padded with blanks, or cut
 * with "..." when longer. */
void
put_cell(FILE *fp, const char *s, size_t w)
{
	cell.len = 0;
	cell_append(&cell, s, strlen(s), w);
	fwrite(cell.s ? cell.s : "", 1, cell.len, fp);
}

/* The columns of a word of n bytes as shown, and whether it is shown as
 * it is: printable ASCII, the common case, taken in one pass. */
static size_t
word_width(const char *s, size_t n, int *as_is)
{
	size_t i = 0;

	while (i < n && plain(s[i]))
		i++;
	*as_is = i == n;
	return i == n ? n : i + text_width(s + i, n - i);
}

static size_t
line_break(struct buf *b, const struct wrap *w)
{
	buf_addc(b, '\n');
	add_blanks(b, w->indent);
	return w->indent;
}

/* A word wider than a line, broken between its characters: it fills the
 * line it starts on, then as many further lines as it takes.  Returns the
 * column where it ends. */
static size_t
break_word(struct buf *b, const char *p, size_t k, size_t col,
    const struct wrap *w)
{
	size_t bytes, used;

	while (k > 0) {
		if (col >= w->width)
			col = line_break(b, w);
		bytes = fit_width_n(p, k, w->width - col, &used);
		if (bytes == 0 && col > w->indent) {
			col = line_break(b, w);
			continue;
		}
		if (bytes == 0)	/* one character wider than a line */
			used = shown_width(p, k, &bytes);
		safe_append(b, p, bytes);
		col += used;
		p += bytes;
		k -= bytes;
	}
	return col;
}

/* Appends the words of s (n bytes, split at blanks), made safe, wrapped
 * to w->width columns: a word goes on the line after one blank if it
 * fits, else starts a further line, after w->indent blanks.  A word wider
 * than a line is cut with "..." (w->cut), or broken across lines.  The
 * line has col columns already; the first word goes on it without a blank
 * if col is the indent.  Returns the column where the text ends. */
size_t
wrap_append(struct buf *b, const char *s, size_t n, size_t col,
    const struct wrap *w)
{
	const char *p = s, *end = s + n, *sp;
	size_t room = w->width > w->indent ? w->width - w->indent : 1, wl, k;
	int as_is;

	for (;; p = sp) {
		while (p < end && *p == ' ')
			p++;
		if (p == end)
			return col;
		sp = memchr(p, ' ', (size_t)(end - p));
		sp = sp ? sp : end;
		k = (size_t)(sp - p);
		wl = word_width(p, k, &as_is);
		if (col > w->indent && col + 1 + wl > w->width &&
		    (w->cut || wl <= room))
			col = line_break(b, w);
		else if (col > w->indent) {
			buf_addc(b, ' ');
			col++;
		}
		if (wl > room && !w->cut)
			col = break_word(b, p, k, col, w);
		else if (wl > room) {
			cell_append(b, p, k, room);
			col += room;
		} else if (as_is) {
			buf_add(b, p, k);
			col += wl;
		} else {
			safe_append(b, p, k);
			col += wl;
		}
	}
}

/* Writes s wrapped as wrap_append() does, the line has indent columns
 * already, and a line end. */
void
put_wrapped(FILE *fp, const char *s, size_t indent, size_t width)
{
	struct wrap w = { indent, width, 1 };

	cell.len = 0;
	wrap_append(&cell, s, strlen(s), indent, &w);
	buf_addc(&cell, '\n');
	fwrite(cell.s, 1, cell.len, fp);
}

void
width_free(void)
{
	buf_free(&cell);
}
