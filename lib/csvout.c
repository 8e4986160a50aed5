/* csvout.c: the events CSV, RFC 4180 with a header row, LF line ends and a
 * field quoted only when it must be: when it holds a comma, a quote, a CR
 * or an LF, or starts or ends with a blank (which some readers trim). */
#include <string.h>

#include "rel.h"

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

static int
needs_quotes(const char *s, size_t n)
{
	size_t i;

	if (n && (s[0] == ' ' || s[0] == '\t' || s[n - 1] == ' ' ||
	    s[n - 1] == '\t'))
		return 1;
	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
			return 1;
	return 0;
}

void
csv_field(FILE *fp, const char *s, size_t n, int first)
{
	const char *q;

	int safe = csv_safe && is_formula(s, n);

	if (!first)
		putc_unlocked(',', fp);
	if (!safe && !needs_quotes(s, n)) {
		fwrite_unlocked(s, 1, n, fp);
		return;
	}
	putc_unlocked('"', fp);
	if (safe)
		putc_unlocked('\'', fp);
	while ((q = memchr(s, '"', n)) != NULL) {
		fwrite_unlocked(s, 1, (size_t)(q - s) + 1, fp);
		putc_unlocked('"', fp);
		n -= (size_t)(q - s) + 1;
		s = q + 1;
	}
	fwrite_unlocked(s, 1, n, fp);
	putc_unlocked('"', fp);
}

void
csv_end(FILE *fp)
{
	putc_unlocked('\n', fp);
}

/* An attribute value as the journal would write it: bare when it can be. */
static void
value_append(struct buf *b, const char *v)
{
	const char *p;

	if (*v && strpbrk(v, " \t\"\\") == NULL) {
		buf_add(b, v, strlen(v));
		return;
	}
	buf_addc(b, '"');
	for (p = v; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *p);
	}
	buf_addc(b, '"');
}

static void
field_str(FILE *fp, const char *s)
{
	csv_field(fp, s ? s : "", s ? strlen(s) : 0, 0);
}

void
events_write_record(FILE *fp, const struct record *r)
{
	static struct buf b;
	char num[24], date[11], hm[6];
	size_t i;
	int n;

	csv_field(fp, r->file, strlen(r->file), 1);
	n = snprintf(num, sizeof(num), "%ld", r->line);
	csv_field(fp, num, (size_t)n, 0);
	if (r->date != NO_DATE) {
		date_format(r->date, date);
		csv_field(fp, date, 10, 0);
	} else
		csv_field(fp, "", 0, 0);
	if (r->minute >= 0) {
		snprintf(hm, sizeof(hm), "%02d:%02d", r->minute / 60 % 100,
		    r->minute % 60);
		csv_field(fp, hm, 5, 0);
	} else
		csv_field(fp, "", 0, 0);
	field_str(fp, kind_name(r->kind));
	field_str(fp, r->contact);
	field_str(fp, r->ref);
	field_str(fp, r->title);
	b.len = 0;
	for (i = 0; i < r->nattrs; i++) {
		if (i)
			buf_addc(&b, ' ');
		buf_add(&b, r->attrs[i].key, strlen(r->attrs[i].key));
		buf_addc(&b, ':');
		value_append(&b, r->attrs[i].val);
	}
	csv_field(fp, b.len ? b.s : "", b.len, 0);
	b.len = 0;
	for (i = 0; i < r->ntags; i++) {
		if (i)
			buf_addc(&b, ' ');
		buf_add(&b, r->tags[i], strlen(r->tags[i]));
	}
	csv_field(fp, b.len ? b.s : "", b.len, 0);
	field_str(fp, r->notes);
	csv_end(fp);
}
