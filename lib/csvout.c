/* csvout.c: the events CSV, RFC 4180 with a header row, LF line ends and a
 * field quoted only when it must be: when it holds a comma, a quote, a CR
 * or an LF, or starts or ends with a blank (which some readers trim). */
#include <stdint.h>
#include <string.h>

#include "rel.h"
#include "words.h"

/* --safe-csv: a cell that a spreadsheet would run as a formula (it starts
 * with = + - @, a tab or a CR) gets a leading apostrophe, which spreadsheets
 * show as text.  Numbers are left alone: they cannot be formulas. */
int csv_safe;

static int
is_number(const char *s, size_t n)
{
	size_t i = s[0] == '-' ? 1 : 0, digits = 0;

	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		digits++;
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			digits++;
	return digits > 0 && i == n;
}

static int
is_formula(const char *s, size_t n)
{
	return n > 0 && strchr("=+-@\t\r", s[0]) && !is_number(s, n);
}

const char CSV_HEADER[] =
    "file,line,date,time,kind,contact,ref,title,attrs,tags,notes";

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Nonzero if a byte of w is c (the classic "has zero byte" test). */
static uint64_t
has_byte(uint64_t w, unsigned char c)
{
	uint64_t x = w ^ (ONES * c);

	return (x - ONES) & ~x & HIGHS;
}

static int
needs_quotes(const char *s, size_t n)
{
	size_t i = 0;
	uint64_t w;

	if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t'))
		return 1;
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		if (has_byte(w, ',') | has_byte(w, '"') | has_byte(w, '\n') |
		    has_byte(w, '\r'))
			return 1;
	}
	for (; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return 1;
	return 0;
}

/* Appends one field to a row, quoted if it must be. */
static void
field_append(struct buf *row, const char *s, size_t n, int first)
{
	int safe = csv_safe && is_formula(s, n);
	const char *q;

	if (!first)
		buf_addc(row, ',');
	if (!safe && !needs_quotes(s, n)) {
		buf_add(row, s, n);
		return;
	}
	buf_addc(row, '"');
	if (safe)
		buf_addc(row, '\'');
	while ((q = memchr(s, '"', n)) != NULL) {
		buf_add(row, s, (size_t)(q - s) + 1);
		buf_addc(row, '"');
		n -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	buf_add(row, s, n);
	buf_addc(row, '"');
}

void
csv_field(FILE *fp, const char *s, size_t n, int first)
{
	static struct buf one;

	one.len = 0;
	field_append(&one, s, n, first);
	fwrite_unlocked(one.s, 1, one.len, fp);
}

void
csv_end(FILE *fp)
{
	putc_unlocked('\n', fp);
}

static void
field_str(struct buf *row, const char *s)
{
	field_append(row, s ? s : "", s ? strlen(s) : 0, 0);
}

/* Decimal digits of v, without printf. */
static size_t
format_long(char *out, long v)
{
	char tmp[24];
	size_t n = 0, i;
	unsigned long u = v < 0 ? -(unsigned long)v : (unsigned long)v;

	do
		tmp[n++] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	i = 0;
	if (v < 0)
		out[i++] = '-';
	while (n)
		out[i++] = tmp[--n];
	return i;
}

void
events_write_record(FILE *fp, const struct record *r)
{
	static struct buf row, b;
	char num[24], date[11], hm[6];
	size_t i;

	row.len = 0;
	field_append(&row, r->file, strlen(r->file), 1);
	field_append(&row, num, format_long(num, r->line), 0);
	if (r->date != NO_DATE) {
		date_format(r->date, date);
		field_append(&row, date, 10, 0);
	} else
		field_append(&row, "", 0, 0);
	if (r->minute >= 0) {
		hm[0] = (char)('0' + r->minute / 600);
		hm[1] = (char)('0' + r->minute / 60 % 10);
		hm[2] = ':';
		hm[3] = (char)('0' + r->minute % 60 / 10);
		hm[4] = (char)('0' + r->minute % 10);
		field_append(&row, hm, 5, 0);
	} else
		field_append(&row, "", 0, 0);
	field_str(&row, kind_name(r->kind));
	field_str(&row, r->contact);
	field_str(&row, r->ref);
	field_str(&row, r->title);
	b.len = 0;
	for (i = 0; i < r->nattrs; i++) {
		if (i)
			buf_addc(&b, ' ');
		buf_add(&b, r->attrs[i].key, strlen(r->attrs[i].key));
		buf_addc(&b, ':');
		value_write(&b, r->attrs[i].val);
	}
	field_append(&row, b.len ? b.s : "", b.len, 0);
	b.len = 0;
	for (i = 0; i < r->ntags; i++) {
		if (i)
			buf_addc(&b, ' ');
		buf_add(&b, r->tags[i], strlen(r->tags[i]));
	}
	field_append(&row, b.len ? b.s : "", b.len, 0);
	field_str(&row, r->notes);
	buf_addc(&row, '\n');
	fwrite_unlocked(row.s, 1, row.len, fp);
}
