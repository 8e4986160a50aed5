/* row.c: the rows of rel-score(1) and rel-overdue(1), as CSV or as JSON
 * Lines.  A cell is text, a number or a list of ids; empty text and an
 * empty number are an empty CSV field and null in JSON; a list is its
 * items joined by commas in CSV (ids hold none) and an array in JSON. */
#include <string.h>

#include "csvout.h"
#include "diag.h"
#include "row.h"

static struct buf line;	/* a JSON row, written at its end */

/* The header line of the CSV; JSON has none. */
void
row_header(FILE *fp, enum format fmt, const char *const *names)
{
	size_t i;

	if (fmt != FMT_CSV)
		return;
	for (i = 0; names[i]; i++)
		fprintf(fp, "%s%s", i ? "," : "", names[i]);
	putc('\n', fp);
}

void
row_begin(struct row *r, FILE *fp, enum format fmt, const char *const *names)
{
	r->fp = fp;
	r->fmt = fmt;
	r->names = names;
	r->i = 0;
	if (fmt == FMT_JSON) {
		line.len = 0;
		json_begin(&r->j, &line);
	}
}

/* The next cell's column, a key in JSON. */
static void
next(struct row *r)
{
	if (r->names[r->i] == NULL)
		diag_fatal(2, "a row of more cells than its %zu columns", r->i);
	if (r->fmt == FMT_JSON)
		json_key(&r->j, r->names[r->i]);
	r->i++;
}

/* A cell of text (NULL: none) or a number written as text ("": none). */
static void
cell(struct row *r, const char *s, int number)
{
	next(r);
	if (r->fmt == FMT_JSON && number)
		json_number(&r->j, s);
	else if (r->fmt == FMT_JSON)
		json_text(&r->j, s);
	else
		csv_field(r->fp, s ? s : "", s ? strlen(s) : 0, r->i == 1);
}

void
row_text(struct row *r, const char *s)
{
	cell(r, s, 0);
}

void
row_number(struct row *r, const char *text)
{
	cell(r, text, 1);
}

void
row_long(struct row *r, long v)
{
	char num[24];

	num[format_long(num, v)] = '\0';
	row_number(r, num);
}

void
row_list(struct row *r, const char *const *v, size_t n)
{
	struct buf joined = { 0 };
	size_t k;

	next(r);
	if (r->fmt == FMT_JSON) {
		json_open(&r->j, '[');
		for (k = 0; k < n; k++)
			json_text(&r->j, v[k]);
		json_close(&r->j);
		return;
	}
	buf_add(&joined, "", 0);
	for (k = 0; k < n; k++) {
		buf_add(&joined, ",", k > 0);
		buf_add(&joined, v[k], strlen(v[k]));
	}
	csv_field(r->fp, joined.s, joined.len, r->i == 1);
	buf_free(&joined);
}

void
row_end(struct row *r)
{
	if (r->names[r->i] != NULL)
		diag_fatal(2, "a row of %zu cells, short of its columns", r->i);
	if (r->fmt == FMT_JSON) {
		json_end(&r->j);
		fwrite(line.s, 1, line.len, r->fp);
	} else
		csv_end(r->fp);
}

void
row_free(void)
{
	buf_free(&line);
}
