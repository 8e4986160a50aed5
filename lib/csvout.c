/* csvout.c: the events CSV, RFC 4180 with a header row, LF line ends and a
 * field quoted only when it must be: when it holds a comma, a quote, a CR
 * or an LF, or starts or ends with a blank (which some readers trim). */
#include <stdint.h>
#include <string.h>

#include "csvout.h"
#include "date.h"
#include "intern.h"
#include "util.h"
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

/* The writer's buffers, reused from row to row; csvout_free() hands them
 * back. */
static struct buf event_row, one, attrs, tags, file_field;
static const char *file_of_field;	/* the file file_field holds */

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

/* A row is built in one buffer.  Before each field the buffer is grown to
 * what the field can take at most (every byte a doubled quote, the quotes,
 * an apostrophe and the comma), so the bytes go in without a check each;
 * the row is written with one fwrite. */
static char *
room(struct buf *row, size_t n)
{
	if (row->len + n + 1 > row->cap)
		buf_grow(row, n);
	return row->s + row->len;
}

/* A field known to need no quotes (a number, a date, a kind), and its
 * comma. */
static void
put_plain(struct buf *row, const char *s, size_t n)
{
	char *p = room(row, n + 1);

	memcpy(p, s, n);
	p[n] = ',';
	row->len += n + 1;
}

static void
put_field(struct buf *row, const char *s, size_t n)
{
	int safe = csv_safe && is_formula(s, n);
	const char *q;
	char *p;

	if (!safe && !needs_quotes(s, n)) {
		put_plain(row, s, n);
		return;
	}
	p = room(row, 2 * n + 4);
	*p++ = '"';
	if (safe)
		*p++ = '\'';
	while ((q = memchr(s, '"', n)) != NULL) {
		memcpy(p, s, (size_t)(q - s) + 1);
		p += q - s + 1;
		*p++ = '"';
		n -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	memcpy(p, s, n);
	p += n;
	*p++ = '"';
	*p++ = ',';
	row->len = (size_t)(p - row->s);
}

/* One field on its own, for the writers of other CSVs (rel-score,
 * rel-overdue): first says whether it starts the row. */
void
csv_field(FILE *fp, const char *s, size_t n, int first)
{
	one.len = 0;
	if (!first)
		put_plain(&one, "", 0);
	put_field(&one, s, n);
	fwrite(one.s, 1, one.len - 1, fp);
}

void
csv_end(FILE *fp)
{
	putc_unlocked('\n', fp);
}

/* The file field as written, kept while the records come from one file.
 * A file's name is interned (or a constant such as <stdin>), so the same
 * pointer is the same name until csvout_free(). */
static void
put_file(struct buf *row, const char *file)
{
	if (file != file_of_field) {
		file_field.len = 0;
		put_field(&file_field, file, strlen(file));
		file_of_field = file;
	}
	put_plain(row, file_field.s, file_field.len - 1);
}

/* The date field; records come in date order, so most repeat the last. */
static void
put_date(struct buf *row, int day)
{
	static int last = NO_DATE;
	static char text[DATE_MAX];

	if (day == NO_DATE) {
		put_plain(row, "", 0);
		return;
	}
	if (day != last) {
		date_format(day, text);
		last = day;
	}
	put_plain(row, text, strlen(text));
}

static void
put_time(struct buf *row, int minute)
{
	char hm[5];

	if (minute < 0) {
		put_plain(row, "", 0);
		return;
	}
	hm[0] = (char)('0' + minute / 600);
	hm[1] = (char)('0' + minute / 60 % 10);
	hm[2] = ':';
	hm[3] = (char)('0' + minute % 60 / 10);
	hm[4] = (char)('0' + minute % 10);
	put_plain(row, hm, 5);
}

/* An interned id, whose length its sym knows.  An id is checked like any
 * field: the CSV reader takes some without checking them. */
static void
put_id(struct buf *row, const char *id)
{
	if (id == NULL)
		put_plain(row, "", 0);
	else
		put_field(row, id, sym_of(id)->len);
}

/* attrs: key:value pairs joined by blanks, each value as the journal
 * writes it; then the whole as one CSV field. */
static void
put_attrs(struct buf *row, const struct record *r)
{
	size_t i;

	attrs.len = 0;
	for (i = 0; i < r->nattrs; i++) {
		buf_add(&attrs, " ", i > 0);
		buf_add(&attrs, r->attrs[i].key, r->attrs[i].keylen);
		buf_addc(&attrs, ':');
		value_write(&attrs, r->attrs[i].val, r->attrs[i].vallen);
	}
	put_field(row, attrs.len ? attrs.s : "", attrs.len);
}

/* tags: joined by blanks, without their +. */
static void
put_tags(struct buf *row, const struct record *r)
{
	size_t i;

	for (tags.len = i = 0; i < r->ntags; i++) {
		buf_add(&tags, " ", i > 0);
		buf_add(&tags, r->tags[i], strlen(r->tags[i]));
	}
	put_field(row, tags.len ? tags.s : "", tags.len);
}

/* Rows are written to fp a batch at a time, with one fwrite() for many
 * rows; events_flush() writes the last batch. */
#define EVENTS_BATCH 65536

void
events_write_record(FILE *fp, const struct record *r)
{
	const char *kind = kind_name(r->kind);
	char num[24];

	put_file(&event_row, r->file);
	put_plain(&event_row, num, format_long(num, r->line));
	put_date(&event_row, r->date);
	put_time(&event_row, r->minute);
	put_plain(&event_row, kind, strlen(kind));
	put_id(&event_row, r->contact);
	put_id(&event_row, r->ref);
	put_field(&event_row, r->title, strlen(r->title));
	put_attrs(&event_row, r);
	put_tags(&event_row, r);
	put_field(&event_row, r->notes, strlen(r->notes));
	event_row.s[event_row.len - 1] = '\n';
	events_batched(fp);
}

/* The batch the events are written into, CSV rows or JSON lines (json.c),
 * and its write once it holds enough. */
struct buf *
events_batch(void)
{
	return &event_row;
}

void
events_batched(FILE *fp)
{
	if (event_row.len >= EVENTS_BATCH)
		events_flush(fp);
}

void
events_flush(FILE *fp)
{
	fwrite(event_row.s ? event_row.s : "", 1, event_row.len, fp);
	event_row.len = 0;
}

void
csvout_free(void)
{
	buf_free(&event_row);
	buf_free(&one);
	buf_free(&attrs);
	buf_free(&tags);
	buf_free(&file_field);
	file_of_field = NULL;
}
