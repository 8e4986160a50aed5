/* log.c: the timeline of rel-log(1): the entries of the journal, kept in
 * a timeline (timeline.c) as the readers hand them over, then written in
 * the order of their dates and times: as text to read, in 80 columns; in
 * Markdown; or as rel-parse writes records, the events CSV or JSON. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "color.h"
#include "csvout.h"
#include "json.h"
#include "log.h"
#include "md.h"
#include "timeline.h"
#include "width.h"
#include "words.h"

#define LOG_WIDTH 80
#define DATE_WIDTH 10	/* YYYY-MM-DD */
#define KIND_WIDTH 8	/* the longest kind: feedback, referral, ... */
#define TEXT_COL (DATE_WIDTH + 1 + 5 + 2 + KIND_WIDTH + 1)
#define NOTE_INDENT 4
#define LOG_BATCH 65536	/* bytes of text written at once */

/* A word longer than a line, a URL or a sentence in a script written
 * without blanks, is broken across lines, not cut: the log shows all. */
static const struct wrap head_wrap = { TEXT_COL, LOG_WIDTH, 0 };
static const struct wrap note_wrap = { NOTE_INDENT, LOG_WIDTH, 0 };

static struct log {
	struct log_opts o;
	struct timeline *tl;
	struct buf out, head;	/* the text being written, an entry's head */
	int last_date;		/* Markdown: of the heading written last */
	FILE *fp;
} lg;

/* Every record the readers hand over comes here: the one place where the
 * log chooses what it shows.  The entries, not the contact blocks and
 * options; in the window of --since and --until, and no later than the
 * day measured. */
static void
take(const struct record *r, void *ctx)
{
	(void)ctx;
	if (!kind_is_entry(r->kind) || r->date > lg.o.until ||
	    (lg.o.since != NO_DATE && r->date < lg.o.since))
		return;
	timeline_add(lg.tl, r);
}

/* The log reads the input as every tool does (the checks, the book) and
 * keeps its entries. */
void
log_init(const struct log_opts *o, struct read_opts *ropts)
{
	lg.o = *o;
	lg.tl = timeline_new();
	lg.last_date = NO_DATE;
	ropts->fn = take;
	ropts->ctx = NULL;
}

/* the head of an entry: "jan, bob: [ref] Title key:value +tag" */

static void
head_of(const struct record *r, struct buf *b)
{
	size_t i;

	b->len = 0;
	buf_add(b, "", 0);
	for (i = 0; i < r->ncontacts; i++) {
		buf_add(b, ", ", i ? 2 : 0);
		buf_add(b, r->contacts[i], strlen(r->contacts[i]));
	}
	buf_add(b, ":", r->ncontacts > 0);
	if (r->ref) {
		buf_add(b, " [", 2);
		buf_add(b, r->ref, strlen(r->ref));
		buf_addc(b, ']');
	}
	buf_add(b, " ", *r->title != '\0');
	buf_add(b, r->title, strlen(r->title));
	for (i = 0; i < r->nattrs; i++) {
		buf_addc(b, ' ');
		buf_add(b, r->attrs[i].key, r->attrs[i].keylen);
		buf_addc(b, ':');
		value_write(b, r->attrs[i].val, r->attrs[i].vallen);
	}
	for (i = 0; i < r->ntags; i++) {
		buf_add(b, " +", 2);
		buf_add(b, r->tags[i], strlen(r->tags[i]));
	}
}

/* rel-log(1), OUTPUT: the colour of a kind, or NULL.  Bad news and what
 * broke, red; what is open (promised, asked, moved), yellow; what closes
 * it well or brings business, green. */
static const char *
kind_color(enum kind k)
{
	switch (k) {
	case K_ISSUE:
	case K_BROKEN:
		return SGR_RED;
	case K_PROMISE:
	case K_REQUEST:
	case K_MOVED:
		return SGR_YELLOW;
	case K_KEPT:
	case K_TOLD:
	case K_RESOLVED:
	case K_ANSWERED:
	case K_DEAL:
	case K_REFERRAL:
		return SGR_GREEN;
	default:
		return NULL;
	}
}

/* "14:00", or what a time would take. */
static void
put_time(struct buf *b, int minute)
{
	char hm[8];

	if (minute < 0)
		buf_add(b, "     ", 5);
	else
		buf_add(b, hm, (size_t)snprintf(hm, sizeof(hm), "%02d:%02d",
		    minute / 60 % 100, minute % 60));
}

/* The note lines, each indented, wrapped. */
static void
put_notes(struct buf *b, const char *notes)
{
	const char *p, *nl;
	size_t n;

	for (p = notes; *p; p = nl ? nl + 1 : p + n) {
		nl = strchr(p, '\n');
		n = nl ? (size_t)(nl - p) : strlen(p);
		buf_add(b, "    ", NOTE_INDENT);
		wrap_append(b, p, n, NOTE_INDENT, &note_wrap);
		buf_addc(b, '\n');
	}
}

/* DATE TIME  KIND     HEAD, wrapped under the head; the notes below. */
static void
text_entry(const struct record *r)
{
	const char *kind = kind_name(r->kind), *sgr = lg.o.color ?
	    kind_color(r->kind) : NULL;
	char day[DATE_MAX];
	size_t col, k = strlen(kind);

	date_format(r->date, day);
	col = strlen(day) + 1 + 5 + 2 + (k > KIND_WIDTH ? k : KIND_WIDTH) + 1;
	buf_add(&lg.out, day, strlen(day));
	buf_addc(&lg.out, ' ');
	put_time(&lg.out, r->minute);
	buf_add(&lg.out, "  ", 2);
	if (sgr)
		buf_add(&lg.out, sgr, strlen(sgr));
	buf_add(&lg.out, kind, k);
	if (sgr)
		buf_add(&lg.out, SGR_RESET, strlen(SGR_RESET));
	buf_add(&lg.out, "         ", (k < KIND_WIDTH ? KIND_WIDTH - k : 0) + 1);
	head_of(r, &lg.head);
	wrap_append(&lg.out, lg.head.s, lg.head.len, col, &head_wrap);
	buf_addc(&lg.out, '\n');
	put_notes(&lg.out, r->notes);
}

/* "## DATE" before the first entry of each date; then
 * "- HH:MM **kind** head", its notes as items below it. */
static void
md_entry(const struct record *r)
{
	const char *p, *nl;
	char day[DATE_MAX];
	size_t n;

	if (r->date != lg.last_date) {
		date_format(r->date, day);
		buf_add(&lg.out, "\n", lg.last_date != NO_DATE);
		buf_add(&lg.out, "## ", 3);
		buf_add(&lg.out, day, strlen(day));
		buf_add(&lg.out, "\n\n", 2);
		lg.last_date = r->date;
	}
	buf_add(&lg.out, "- ", 2);
	if (r->minute >= 0) {
		put_time(&lg.out, r->minute);
		buf_addc(&lg.out, ' ');
	}
	buf_add(&lg.out, "**", 2);
	buf_add(&lg.out, kind_name(r->kind), strlen(kind_name(r->kind)));
	buf_add(&lg.out, "** ", 3);
	head_of(r, &lg.head);
	md_append(&lg.out, lg.head.s, lg.head.len);
	buf_addc(&lg.out, '\n');
	for (p = r->notes; *p; p = nl ? nl + 1 : p + n) {
		nl = strchr(p, '\n');
		n = nl ? (size_t)(nl - p) : strlen(p);
		buf_add(&lg.out, "  - ", 4);
		md_append_line(&lg.out, p, n);
		buf_addc(&lg.out, '\n');
	}
}

/* CSV and JSON: what rel-parse writes of the entry, a record for each of
 * its contacts. */
static void
data_entry(const struct record *r)
{
	struct record one = *r;
	size_t i;

	for (i = 0; i < (r->ncontacts ? r->ncontacts : 1); i++) {
		one.contact = r->ncontacts ? r->contacts[i] : NULL;
		if (lg.o.format == FMT_CSV)
			events_write_record(lg.fp, &one);
		else
			events_write_json(lg.fp, &one);
	}
}

static void
flush(void)
{
	fwrite(lg.out.s ? lg.out.s : "", 1, lg.out.len, lg.fp);
	lg.out.len = 0;
	output_check(lg.fp);
}

static void
write_entry(const struct record *r, void *ctx)
{
	(void)ctx;
	if (lg.o.format == FMT_TEXT)
		text_entry(r);
	else if (lg.o.format == FMT_MD)
		md_entry(r);
	else
		data_entry(r);
	if (lg.out.len >= LOG_BATCH)
		flush();
	output_check(lg.fp);
}

/* The log, in order; the number of entries.  Nothing at all, not even
 * the CSV header, when there are none. */
size_t
log_write(FILE *fp)
{
	size_t n = timeline_sort(lg.tl);

	lg.fp = fp;
	if (n == 0)
		return 0;
	if (lg.o.format == FMT_CSV)
		fprintf(fp, "%s\n", CSV_HEADER);
	timeline_each(lg.tl, lg.o.reverse, write_entry, NULL);
	events_flush(fp);
	flush();
	return n;
}

void
log_free(void)
{
	timeline_free(lg.tl);
	lg.tl = NULL;
	buf_free(&lg.out);
	buf_free(&lg.head);
}
