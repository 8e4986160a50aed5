/* csvin.c: the reader of rel-parse's events CSV, so that every tool takes
 * either a journal or that CSV (perhaps filtered by a CSV tool on the way)
 * and sees the same records.  libcsv splits the rows; rows that one
 * journal entry with several contacts became are joined again here, and
 * the entry goes through the same checks as one read from a journal. */
#include <csv.h>
#include <stdlib.h>
#include <string.h>

#include "builder.h"
#include "csvout.h"
#include "date.h"
#include "diag.h"
#include "intern.h"
#include "reader.h"
#include "utf8.h"
#include "words.h"

enum { F_FILE, F_LINE, F_DATE, F_TIME, F_KIND, F_CONTACT, F_REF, F_TITLE,
    F_ATTRS, F_TAGS, F_NOTES, NFIELDS };

static const char *const field_names[NFIELDS] = { "file", "line", "date",
    "time", "kind", "contact", "ref", "title", "attrs", "tags", "notes" };

struct csvin {
	struct csv_parser parser;
	struct buf field[NFIELDS];
	size_t nfields;
	int header_seen;
	const char *file;
	long row_line, next_row_line;
	const struct read_opts *opts;
	int active;		/* an entry is being built */
	struct builder b;
	struct buf first[NFIELDS];	/* the entry's first row */
	struct src at;		/* the row being read, for errors */
};

static struct csvin csvin;

int
csv_header_matches(const char *s, size_t n)
{
	line_trim(1, &s, &n);
	return n == strlen(CSV_HEADER) && memcmp(s, CSV_HEADER, n) == 0;
}

/* The text of a whole file where only a journal will do (rel-fmt,
 * rel-add): 1, said, if it is the events CSV. */
int
csv_refused(const char *name, const char *text, size_t n)
{
	const char *nl = memchr(text, '\n', n);

	if (!csv_header_matches(text, nl ? (size_t)(nl - text) : n))
		return 0;
	diag_warn("%s: this is rel-parse's CSV, not a journal", name);
	return 1;
}

static void __attribute__((format(printf, 1, 2)))
row_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag_at(DIAG_ERROR, &csvin.at, 0, fmt, ap);
	va_end(ap);
	csvin.b.e.bad = 1;
}

static void
flush_entry(void)
{
	if (!csvin.active)
		return;
	csvin.active = 0;
	book_entry(builder_entry(&csvin.b), csvin.opts);
}

static void
parse_attrs(const char *s, size_t n)
{
	struct token t;
	size_t pos = 0, vallen;
	char *key, *val;

	while (word_next(s, n, &pos, WORDS_ANY_KEY, &t)) {
		if (t.type != T_ATTR) {
			row_error("attrs: '%.*s' is not key:value",
			    (int)(t.end - t.off), t.word);
			continue;
		}
		if (builder_find(&csvin.b, t.key, t.keylen)) {
			row_error("attrs: %.*s: given twice; keep one value",
			    (int)t.keylen, t.key);
			continue;
		}
		key = arena_strndup(&csvin.b.arena, t.key, t.keylen);
		val = token_value(&csvin.b.arena, &t, &vallen);
		if (book_check_attr(&csvin.at, 0, csvin.b.e.rec.kind, key, val,
		    key_lookup(t.key, t.keylen), csvin.opts) == -1)
			csvin.b.e.bad = 1;
		builder_attr(&csvin.b, key, t.keylen, val, vallen, 0, csvin.row_line);
	}
}

static void
parse_tags(const char *s, size_t n)
{
	size_t i = 0, j;

	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		j = i;
		while (j < n && s[j] != ' ' && s[j] != '\t')
			j++;
		if (j == i)
			break;
		builder_tag(&csvin.b, arena_strndup(&csvin.b.arena, s + i, j - i));
		i = j;
	}
}

/* The contact of a row, which is the entry's first or continues it. */
static void
take_contact(const char *id, size_t n)
{
	if (!id_is_valid(id, n))
		row_error("contact '%s' is not an id: " ID_RULE, id);
	else
		builder_contact(&csvin.b, intern(id, n));
}

/* The row continues the entry being built: one journal entry naming
 * several contacts (or a follow-up of such an entry) gives consecutive
 * rows that differ in contact only. */
static int
same_entry(const char *file, long line, enum kind kind)
{
	return csvin.active && csvin.b.e.rec.line == line && csvin.b.e.rec.kind == kind &&
	    strcmp(csvin.b.e.rec.file, file) == 0 && kind != K_CONTACT &&
	    kind != K_OPTION;
}

static long
parse_line_number(const char *s)
{
	long v = 0;

	if (*s == '\0')
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000000000L)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* A field holds text as a journal would: UTF-8, no control character
 * but a tab, and, in notes only, line feeds between the note lines.  0,
 * or -1 after an error that names the field. */
static int
check_field(size_t i)
{
	const char *s = csvin.field[i].s, *why, *nl;
	size_t n = csvin.field[i].len, bad, k;

	for (;;) {
		nl = i == F_NOTES ? memchr(s, '\n', n) : NULL;
		k = nl ? (size_t)(nl - s) : n;
		if ((bad = text_first_bad(s, k, &why)) < k) {
			row_error("%s, byte %zu: %s", field_names[i],
			    (size_t)(s - csvin.field[i].s) + bad + 1, why);
			return -1;
		}
		if (nl == NULL)
			return 0;
		n -= k + 1;
		s = nl + 1;
	}
}

/* A row that continues an entry may differ from its first row in the
 * contact alone. */
static void
check_continued(void)
{
	size_t i;

	for (i = F_DATE; i < NFIELDS; i++)
		if (i != F_CONTACT && (csvin.field[i].len != csvin.first[i].len ||
		    memcmp(csvin.field[i].s, csvin.first[i].s, csvin.field[i].len) != 0)) {
			row_error("this row continues the entry of the row above "
			    "(the same file, line and kind) but its %s differs: "
			    "give it a line of its own", field_names[i]);
			return;
		}
}

static void
start_entry(enum kind kind, long line)
{
	struct buf *f = csvin.field;
	size_t i;

	flush_entry();
	builder_start(&csvin.b, kind, intern(f[F_FILE].s, f[F_FILE].len), line);
	csvin.active = 1;
	csvin.b.e.head = csvin.at;
	for (i = 0; i < NFIELDS; i++) {
		csvin.first[i].len = 0;
		buf_add(&csvin.first[i], f[i].s, f[i].len);
	}
}

static void
take_row(void)
{
	struct buf *f = csvin.field;
	const char *why;
	enum kind kind;
	long line;
	size_t i;
	int day = NO_DATE, minute = -1, continued;

	kind = kind_from_word(f[F_KIND].s, f[F_KIND].len);
	line = parse_line_number(f[F_LINE].s);
	continued = same_entry(f[F_FILE].s, line, kind);
	if (!continued)
		flush_entry();
	/* a bad field in a row that continues an entry puts it in error */
	for (i = 0; i < NFIELDS; i++) {
		if (check_field(i) == -1)
			return;
		if (i == F_LINE && line > 0) {	/* errors name it from here */
			csvin.at.row_file = intern(f[F_FILE].s, f[F_FILE].len);
			csvin.at.row_line = line;
		}
	}
	if (continued) {
		check_continued();
		if (f[F_CONTACT].len)
			take_contact(f[F_CONTACT].s, f[F_CONTACT].len);
		return;
	}
	start_entry(kind, line);
	if (kind == K_NONE) {
		row_error("kind '%s' is not a kind of rel-journal(5)", f[F_KIND].s);
		return;
	}
	if (line < 1)
		row_error("line '%s' is not a line number", f[F_LINE].s);
	if (f[F_DATE].len && date_parse(f[F_DATE].s, f[F_DATE].len, &day,
	    &why) == -1)
		row_error("date '%s': %s", f[F_DATE].s, why);
	else if (f[F_DATE].len == 0 && kind != K_CONTACT && kind != K_OPTION)
		row_error("%s needs a date", kind_name(kind));
	if (f[F_TIME].len && time_parse(f[F_TIME].s, f[F_TIME].len, &minute,
	    &why) == -1)
		row_error("time '%s': %s", f[F_TIME].s, why);
	csvin.b.e.rec.date = day;
	csvin.b.e.rec.minute = minute;
	if (f[F_REF].len) {
		if (!id_is_valid(f[F_REF].s, f[F_REF].len))
			row_error("ref '%s' is not an id: " ID_RULE, f[F_REF].s);
		else
			csvin.b.e.rec.ref = intern(f[F_REF].s, f[F_REF].len);
	}
	csvin.b.e.rec.title = arena_strndup(&csvin.b.arena, f[F_TITLE].s, f[F_TITLE].len);
	csvin.b.e.rec.notes = arena_strndup(&csvin.b.arena, f[F_NOTES].s, f[F_NOTES].len);
	if (kind_is_followup(kind) && f[F_REF].len == 0)
		row_error("%s needs the ref it follows in the ref column",
		    kind_name(kind));
	if (f[F_CONTACT].len)
		take_contact(f[F_CONTACT].s, f[F_CONTACT].len);
	else if (kind != K_OPTION && !kind_is_followup(kind))
		row_error(kind == K_CONTACT ? "a %s row needs its id in the "
		    "contact column" : "%s needs a contact in the contact column",
		    kind_name(kind));
	parse_attrs(f[F_ATTRS].s, f[F_ATTRS].len);
	if (kind == K_OPTION && csvin.b.nattrs != 1)
		row_error("an option row holds one NAME:VALUE in attrs");
	parse_tags(f[F_TAGS].s, f[F_TAGS].len);
}

static void
end_field(void *s, size_t n, void *data)
{
	(void)data;
	if (csvin.nfields < NFIELDS) {
		csvin.field[csvin.nfields].len = 0;
		buf_add(&csvin.field[csvin.nfields], s ? s : "", s ? n : 0);
	}
	csvin.nfields++;
}

static void
end_row(int c, void *data)
{
	size_t i;

	(void)c;
	(void)data;
	csvin.row_line = csvin.next_row_line;
	csvin.next_row_line = 0;
	memset(&csvin.at, 0, sizeof(csvin.at));
	csvin.at.file = csvin.file;
	csvin.at.line = csvin.row_line;
	if (!csvin.header_seen) {
		csvin.header_seen = 1;	/* input.c matched it already */
	} else if (diag_too_many()) {
		;
	} else if (csvin.nfields != NFIELDS) {
		flush_entry();	/* the row before is not to blame */
		row_error("a row of the events CSV has %zu fields, not %d",
		    csvin.nfields, NFIELDS);
	} else {
		for (i = 0; i < NFIELDS; i++)
			if (csvin.field[i].s == NULL)
				buf_add(&csvin.field[i], "", 0);
		take_row();
	}
	csvin.nfields = 0;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;		/* keep blanks around fields: they are data */
}

void
csvin_read(struct lines *l, const char *file, const struct read_opts *opts)
{
	struct src at = { 0 };
	const char *s;
	size_t n, used;
	int rc = 0;

	csvin.file = file;
	csvin.opts = opts;
	csvin.header_seen = 0;
	csvin.nfields = 0;
	csvin.next_row_line = 0;
	words_init();
	csv_init(&csvin.parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
	csv_set_space_func(&csvin.parser, no_space);
	while (!diag_too_many() && (rc = lines_next(l, &s, &n)) == 1) {
		if (csvin.next_row_line == 0 && n > 0)
			csvin.next_row_line = l->lineno;
		used = csv_parse(&csvin.parser, s, n, end_field, end_row, NULL);
		if (used == n && csv_parse(&csvin.parser, "\n", 1, end_field, end_row,
		    NULL) == 1)
			continue;
		/* A stray quote: report it where it is, drop the row, and
		 * go on with the next line. */
		flush_entry();
		at.file = file;
		at.line = l->lineno;
		at.text = s;
		at.len = n;
		diag_at(DIAG_ERROR, &at, used < n ? used : n, "malformed CSV: "
		    "a quote in a field that is not quoted, or text after a "
		    "closing quote; quote the whole field and write a quote "
		    "inside it twice");
		csv_free(&csvin.parser);
		csv_init(&csvin.parser, CSV_STRICT | CSV_STRICT_FINI |
		    CSV_APPEND_NULL);
		csv_set_space_func(&csvin.parser, no_space);
		csvin.nfields = 0;
		csvin.next_row_line = 0;
	}
	if (rc == -1)
		diag_error("%s:%ld: %s", file, l->lineno + 1, strerror(l->error));
	if (csv_fini(&csvin.parser, end_field, end_row, NULL) != 0) {
		flush_entry();
		at.file = file;
		at.line = csvin.next_row_line;
		at.text = NULL;
		at.len = 0;
		diag_at(DIAG_ERROR, &at, 0, "malformed CSV: the quoted field of "
		    "the row that starts here is never closed");
	}
	flush_entry();
	csv_free(&csvin.parser);
}

void
csvin_free(void)
{
	size_t i;

	for (i = 0; i < NFIELDS; i++) {
		buf_free(&csvin.field[i]);
		buf_free(&csvin.first[i]);
	}
	builder_free(&csvin.b);
	memset(&csvin, 0, sizeof(csvin));
}
