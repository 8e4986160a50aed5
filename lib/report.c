/* report.c: the report of rel-report(1), in plain text that fits 80
 * columns or in Markdown.  It only arranges what tally.c, score.c and
 * overdue.c compute. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "intern.h"
#include "overdue.h"
#include "report.h"
#include "safe.h"
#include "score.h"
#include "width.h"

#define WIDTH 80
#define NAME_WIDTH 22
#define LABEL_WIDTH 10

struct row {
	const struct contact *c;
	const struct tally *t;
	struct scores s;
	int next_due;		/* last contact (or baseline) + cadence */
	int open_promises, late_promises, open_issues, untold;
	const struct ref **open;	/* its open refs, in the order opened */
	size_t nopen, opencap;
};

static const struct report_opts *report;

/* glyphs */

static const char *
g_block(int full)
{
	return report->ascii ? (full ? "#" : ".") : (full ? "\u2588" : "\u2591");
}

static const char *
g_arrow(void)
{
	return report->ascii ? " -> " : " \u2192 ";
}

static const char *
g_dash(void)
{
	return report->ascii ? "-" : "\u2013";
}

static const char *
spark_glyph(int count, int max)
{
	static const char *const bars[] = { "\u2581", "\u2582", "\u2583",
	    "\u2584", "\u2585", "\u2586", "\u2587", "\u2588" };
	static const char ascii[] = "_.-=+*#@";
	static char one[2];
	int level;

	if (count == 0)
		return report->ascii ? "." : "\u00b7";
	level = max <= 1 ? 7 : (count - 1) * 7 / (max - 1);
	if (report->ascii) {
		one[0] = ascii[level];
		return one;
	}
	return bars[level];
}

static const char *
color_of(double health)
{
	if (!report->color || isnan(health))
		return "";
	health = score_round(health);	/* the number shown decides */
	return health >= 70 ? "\033[32m" : health >= 40 ? "\033[33m" :
	    "\033[31m";
}

static const char *
color_end(double health)
{
	return report->color && !isnan(health) ? "\033[0m" : "";
}

/* rows */

static int
next_due(const struct row *r)
{
	if (r->s.base == NO_DATE)
		return NO_DATE;
	return period_add(r->s.base, contact_cadence(r->c), 1);
}

static void
count_refs(struct row *rows, size_t nrows, const size_t *row_of,
    size_t ncontacts)
{
	const struct ref *ref;
	struct sym *sym;
	struct row *r;
	size_t j;
	int today = report->win.today;

	for (ref = book_open_refs(); ref; ref = ref->next)
		for (j = 0; j < ref->ncontacts; j++) {
			sym = sym_of(ref->contacts[j]);
			if (sym->contact == NULL ||
			    sym->contact->index >= ncontacts ||
			    row_of[sym->contact->index] >= nrows)
				continue;
			r = &rows[row_of[sym->contact->index]];
			/* settled refs are left out, but an issue resolved
			 * without being told is still bad news untold */
			if (ref->opened_day > today || ref_done_by(ref, today))
				continue;
			if (r->nopen == r->opencap) {
				r->opencap = r->opencap ? r->opencap * 2 : 8;
				r->open = xreallocarray(r->open, r->opencap,
				    sizeof(*r->open));
			}
			r->open[r->nopen++] = ref;
			if (ref->kind == K_PROMISE && !ref->by_them) {
				r->open_promises++;
				r->late_promises += ref->due_day < today;
			} else if (ref->kind == K_ISSUE) {
				r->open_issues += !ref_settled_by(ref, today);
				r->untold += !ref_told_by(ref, today);
			}
		}
}

/* Healthiest first; the unscored last; ties in order of appearance. */
static int
by_health(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int xn = isnan(x->s.health), yn = isnan(y->s.health);

	if (xn != yn)
		return xn - yn;
	if (!xn && score_round(x->s.health) != score_round(y->s.health))
		return score_round(x->s.health) > score_round(y->s.health) ? -1 : 1;
	return x->c->index < y->c->index ? -1 : 1;
}

static struct row *
make_rows(size_t *nrows)
{
	struct contact *const *cs;
	struct row *rows;
	size_t n, i, k = 0, *row_of;

	cs = book_contacts(&n);
	rows = xcalloc(n, sizeof(*rows));
	row_of = xcalloc(n, sizeof(*row_of));
	for (i = 0; i < n; i++) {
		row_of[i] = (size_t)-1;
		if (report->contact ? strcmp(cs[i]->id, report->contact) != 0 :
		    !report->all && contact_status(cs[i]) == ST_ENDED)
			continue;
		rows[k].c = cs[i];
		rows[k].t = tally_of(cs[i]);
		score_compute(rows[k].t, report->win.today, &rows[k].s);
		rows[k].next_due = next_due(&rows[k]);
		row_of[i] = k++;
	}
	count_refs(rows, k, row_of, n);
	free(row_of);
	qsort(rows, k, sizeof(*rows), by_health);
	*nrows = k;
	return rows;
}

/* text helpers */

/* A date in w columns, never cut: one past 9999 takes more. */
static void
put_date(FILE *fp, int day, size_t w)
{
	char s[DATE_MAX];

	if (day == NO_DATE) {
		put_cell(fp, "-", w);
		return;
	}
	date_format(day, s);
	put_cell(fp, s, strlen(s) > w ? strlen(s) : w);
}

/* s and a line end, cut to fit width columns (not padded). */
static void
put_line(FILE *fp, const char *s, size_t width)
{
	if (display_width(s) > width)
		put_cell(fp, s, width);
	else
		safe_puts(fp, s);
	putc('\n', fp);
}

/* Journal text in Markdown: HTML-significant characters as entities, and
 * the characters that start Markdown's links, code, emphasis and table
 * cells (not ], which starts nothing) behind a backslash, so that the text is shown as written and
 * nothing in it becomes markup; unsafe characters as safe.c shows them. */
static void
md_text(FILE *fp, const char *s)
{
	const char *run = s;

	for (; *s; s++) {
		const char *entity = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" :
		    *s == '>' ? "&gt;" : NULL;
		if (entity == NULL && strchr("\\`*_[|", *s) == NULL)
			continue;
		safe_write(fp, run, (size_t)(s - run));
		if (entity)
			fputs(entity, fp);
		else {
			putc('\\', fp);
			putc(*s, fp);
		}
		run = s + 1;
	}
	safe_puts(fp, run);
}

/* Words of s, wrapped to WIDTH with `indent` blanks before each line but
 * the first (the caller has written that far already). */
static void
put_wrapped(FILE *fp, const char *s, size_t indent)
{
	size_t col = indent, wl, n, i;
	const char *p = s, *end;
	char word[512];

	while (*p) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		end = strchr(p, ' ');
		n = end ? (size_t)(end - p) : strlen(p);
		if (n >= sizeof(word))
			n = sizeof(word) - 1;
		memcpy(word, p, n);
		word[n] = '\0';
		wl = display_width(word);
		if (col > indent && col + 1 + wl > WIDTH) {
			putc('\n', fp);
			for (i = 0; i < indent; i++)
				putc(' ', fp);
			col = indent;
		} else if (col > indent) {
			putc(' ', fp);
			col++;
		}
		if (wl > WIDTH - indent) {
			put_cell(fp, word, WIDTH - indent);
			wl = WIDTH - indent;
		} else
			safe_puts(fp, word);
		col += wl;
		p += end ? (size_t)(end - p) : strlen(p);
	}
	putc('\n', fp);
}

/* The label of a detail line, and the value after it: prose is wrapped,
 * anything laid out in columns is cut to fit. */
static void
put_labelled(FILE *fp, const char *label, const char *value, int prose)
{
	size_t room = WIDTH - 2 - LABEL_WIDTH;

	if (report->markdown) {
		if (*label)
			fprintf(fp, "- %s: ", label);
		else	/* a further line of the item above, under it */
			fputs("  - ", fp);
		md_text(fp, value);
		putc('\n', fp);
		return;
	}
	fputs("  ", fp);
	put_cell(fp, label, LABEL_WIDTH);
	if (prose)
		put_wrapped(fp, value, 2 + LABEL_WIDTH);
	else
		put_line(fp, value, room);
}

/* Markdown: a cell of a table. */
static void
md_cell(FILE *fp, const char *s)
{
	fputs("| ", fp);
	md_text(fp, s);
	putc(' ', fp);
}

static void
heading(FILE *fp, int level, const char *title)
{
	if (report->markdown) {
		fputs(level == 1 ? "# " : "## ", fp);
		md_text(fp, title);
		fputs("\n\n", fp);
	} else
		put_line(fp, title, WIDTH);
}

/* summary */

static void
write_summary(FILE *fp, const struct row *rows, size_t n, size_t noverdue)
{
	int band[4] = { 0 }, open = 0, late = 0, untold = 0, issues = 0;
	int deals = 0;
	char line[160];
	size_t i;

	for (i = 0; i < n; i++) {
		double h = rows[i].s.health;
		if (!isnan(h))
			h = score_round(h);	/* as the table shows it */
		band[isnan(h) ? 3 : h >= 70 ? 0 : h >= 40 ? 1 : 2]++;
		open += rows[i].open_promises;
		late += rows[i].late_promises;
		untold += rows[i].untold;
		issues += rows[i].open_issues;
		deals += rows[i].t->deals;
	}
	heading(fp, 2, "Summary");
	snprintf(line, sizeof(line), "%zu in all: %d healthy (70+), %d fair (40%s69), "
	    "%d poor (under 40), %d unscored", n, band[0], band[1], g_dash(),
	    band[2], band[3]);
	put_labelled(fp, "Contacts", line, 1);
	snprintf(line, sizeof(line), "%d open, %d late", open, late);
	put_labelled(fp, "Promises", line, 0);
	snprintf(line, sizeof(line), "%d open, %d not told", issues, untold);
	put_labelled(fp, "Issues", line, 0);
	snprintf(line, sizeof(line), "%d", deals);
	put_labelled(fp, "Deals", line, 0);
	snprintf(line, sizeof(line), "%zu item%s", noverdue, noverdue == 1 ?
	    "" : "s");
	put_labelled(fp, "Overdue", line, 0);
	putc('\n', fp);
}

/* contacts table */

static void
health_cell(FILE *fp, double h)
{
	long v;
	int i;

	if (isnan(h)) {
		put_cell(fp, "-", 14);
		return;
	}
	v = score_round(h);
	for (i = 0; i < 10; i++)
		fputs(g_block(i < (v + 5) / 10), fp);
	fprintf(fp, " %s%3ld%s", color_of(h), v, color_end(h));
}

static void
write_table_text(FILE *fp, const struct row *rows, size_t n)
{
	char num[16];
	size_t i;

	fputs("  ", fp);
	put_cell(fp, "Contact", NAME_WIDTH + 2);
	put_cell(fp, "Health", 16);
	put_cell(fp, "Last", 12);
	put_cell(fp, "Next due", 12);
	put_cell(fp, "Prom.", 7);
	fputs("Issues\n", fp);
	for (i = 0; i < n; i++) {
		fputs("  ", fp);
		put_cell(fp, contact_name(rows[i].c), NAME_WIDTH);
		fputs("  ", fp);
		health_cell(fp, rows[i].s.health);
		fputs("  ", fp);
		put_date(fp, rows[i].t->last_held_org, 10);
		fputs("  ", fp);
		put_date(fp, rows[i].next_due, 10);
		snprintf(num, sizeof(num), "%5d", rows[i].open_promises);
		fputs("  ", fp);
		put_cell(fp, num, 5);
		fprintf(fp, "  %6d\n", rows[i].open_issues);
	}
	putc('\n', fp);
}

static void
write_table_md(FILE *fp, const struct row *rows, size_t n)
{
	char cell[64], day[DATE_MAX];
	size_t i;

	fputs("| Contact | Health | Last contact | Next due | Promises | "
	    "Issues |\n|---|---:|---|---|---:|---:|\n", fp);
	for (i = 0; i < n; i++) {
		md_cell(fp, contact_name(rows[i].c));
		if (isnan(rows[i].s.health))
			md_cell(fp, "");
		else {
			snprintf(cell, sizeof(cell), "%ld",
			    score_round(rows[i].s.health));
			md_cell(fp, cell);
		}
		if (rows[i].t->last_held_org != NO_DATE)
			date_format(rows[i].t->last_held_org, day);
		md_cell(fp, rows[i].t->last_held_org != NO_DATE ? day : "");
		if (rows[i].next_due != NO_DATE)
			date_format(rows[i].next_due, day);
		md_cell(fp, rows[i].next_due != NO_DATE ? day : "");
		snprintf(cell, sizeof(cell), "%d", rows[i].open_promises);
		md_cell(fp, cell);
		snprintf(cell, sizeof(cell), "%d", rows[i].open_issues);
		md_cell(fp, cell);
		fputs("|\n", fp);
	}
	putc('\n', fp);
}

/* per-contact detail */

static void
write_activity(FILE *fp, const struct tally *t)
{
	static const char *const months[] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	char spark[100], range[40];
	int max = 0, i, first, last;
	size_t len = 0;

	for (i = 0; i < SPARK_MONTHS; i++)
		if (t->d->months_org[i] > max)
			max = t->d->months_org[i];
	for (i = 0; i < SPARK_MONTHS; i++)
		len += (size_t)snprintf(spark + len, sizeof(spark) - len, "%s",
		    spark_glyph(t->d->months_org[i], max));
	last = date_month_index(report->win.today);
	first = last - SPARK_MONTHS + 1;
	snprintf(range, sizeof(range), "%s %d %s %s %d", months[first % 12],
	    first / 12, g_dash(), months[last % 12], last / 12);
	if (report->markdown) {	/* no journal text here: the sparkline as code */
		fprintf(fp, "- Activity: `%s`  %s\n", spark, range);
		return;
	}
	fputs("  ", fp);
	put_cell(fp, "Activity", LABEL_WIDTH);
	fprintf(fp, "%s  %s\n", spark, range);
}

static void
write_feedback(FILE *fp, const struct tally *t)
{
	char line[200];
	size_t len = 0, i, from, shown = 0;

	if (t->fb_scored == 0)
		return;
	from = t->d->nfeedback > 8 ? t->d->nfeedback - 8 : 0;
	for (i = from; i < t->d->nfeedback; i++) {
		if (t->d->feedback[i].score < 0)
			continue;
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%d",
		    shown++ ? g_arrow() : "", t->d->feedback[i].score);
	}
	snprintf(line + len, sizeof(line) - len, "  (mean %.1f of %d)",
	    (double)t->fb_sum / t->fb_scored, t->fb_scored);
	put_labelled(fp, "Feedback", line, 0);
}

static void
write_recent(FILE *fp, const struct tally *t)
{
	const struct recent *r;
	char line[200], day[DATE_MAX];
	size_t i;

	for (i = t->d->nrecent; i-- > 0;) {
		r = tally_recent(t, i);
		date_format(r->day, day);
		snprintf(line, sizeof(line), "%s  %-8s  %s", day,
		    kind_name(r->kind), r->title);
		put_labelled(fp, i + 1 == t->d->nrecent ? "Recent" : "", line, 0);
	}
}

static void
write_open(FILE *fp, const struct row *row)
{
	char line[300], day[DATE_MAX];
	size_t i;
	int today = report->win.today;

	for (i = 0; i < row->nopen; i++) {
		const struct ref *r = row->open[i];
		if (r->kind == K_PROMISE) {
			date_format(r->due_day, day);
			snprintf(line, sizeof(line), "%spromise %s: %s, due %s",
			    r->by_them ? "their " : "", r->id, r->title, day);
		} else if (r->kind == K_ISSUE) {
			snprintf(line, sizeof(line), "issue %s: %s%s", r->id,
			    r->title, ref_told_by(r, today) ? "" : " (not told)");
		} else {
			date_format(r->opened_day, day);
			snprintf(line, sizeof(line), "request %s: %s, asked %s",
			    r->id, r->title, day);
		}
		put_labelled(fp, i == 0 ? "Open" : "", line, 0);
	}
}

/* "org acme, cadence 14d, owner paula, paused" */
static void
about(const struct contact *c, char *out, size_t n)
{
	const char *org = contact_own(c, "org"), *owner = contact_owner(c);
	enum status st = contact_status(c);
	char cad[16];

	period_format(contact_cadence(c), cad);
	snprintf(out, n, "%s%s%scadence %s%s%s%s%s", org ? "org " : "",
	    org ? org : "", org ? ", " : "", cad, owner ? ", owner " : "",
	    owner ? owner : "", st == ST_ACTIVE ? "" : ", ",
	    st == ST_ACTIVE ? "" : status_name(st));
}

static void
write_detail(FILE *fp, const struct row *r)
{
	const struct record *d = r->c->decl;
	char title[200];
	const char *p, *nl;
	size_t i;

	if (r->c->name && strcmp(r->c->name, r->c->id) != 0)
		snprintf(title, sizeof(title), "%s (%s)", r->c->name, r->c->id);
	else
		snprintf(title, sizeof(title), "%s", r->c->id);
	heading(fp, 2, title);
	about(r->c, title, sizeof(title));
	put_labelled(fp, "About", title, 0);
	for (i = 0; d && i < d->nattrs; i++)
		if (strcmp(d->attrs[i].key, "expects") == 0)
			put_labelled(fp, "Expects", d->attrs[i].val, 1);
		else if (strcmp(d->attrs[i].key, "likes") == 0)
			put_labelled(fp, "Likes", d->attrs[i].val, 1);
	for (p = d ? d->notes : ""; *p; p = nl ? nl + 1 : p + strlen(p)) {
		nl = strchr(p, '\n');
		snprintf(title, sizeof(title), "%.*s", (int)(nl ? nl - p :
		    (long)strlen(p)), p);
		put_labelled(fp, p == d->notes ? "Notes" : "", title, 1);
	}
	write_activity(fp, r->t);
	write_feedback(fp, r->t);
	write_recent(fp, r->t);
	write_open(fp, r);
	putc('\n', fp);
}

/* overdue */

static void
write_overdue(FILE *fp, const struct item *items, size_t n)
{
	char st[32], src[300];
	size_t i;

	heading(fp, 2, "Overdue");
	if (n == 0) {
		fputs(report->markdown ? "Nothing is due.\n" : "  Nothing is due.\n",
		    fp);
		return;
	}
	if (!report->markdown) {
		overdue_write_text(fp, items, n, 2, WIDTH);
		return;
	}
	fputs("| Status | Kind | Contact | What | Source |\n"
	    "|---|---|---|---|---|\n", fp);
	for (i = 0; i < n; i++) {
		item_status(&items[i], st, sizeof(st));
		md_cell(fp, st);
		md_cell(fp, item_kind_name(items[i].kind));
		md_cell(fp, items[i].contact->id);
		md_cell(fp, items[i].what);
		snprintf(src, sizeof(src), "%s:%ld", items[i].file,
		    items[i].line);
		md_cell(fp, src);
		fputs("|\n", fp);
	}
}

/* Returns 0, or 2 when --contact names no contact. */
int
report_write(FILE *fp, const struct report_opts *opts)
{
	struct overdue_opts oo = { 0 };
	struct item *items;
	struct row *rows;
	size_t nrows, nitems, i, j, k;
	char title[80], day[DATE_MAX], from[DATE_MAX];

	report = opts;
	rows = make_rows(&nrows);
	if (opts->contact && nrows == 0) {
		free(rows);
		diag_warn("%s: no such contact in the input", opts->contact);
		return 2;
	}
	oo.today = opts->win.today;
	oo.within = -1;
	oo.kinds = (1u << IT__COUNT) - 1;
	items = overdue_items(&oo, &nitems);
	if (opts->contact) {	/* only this contact's items */
		for (i = j = 0; i < nitems; i++)
			if (strcmp(items[i].contact->id, opts->contact) == 0)
				items[j++] = items[i];
		nitems = j;
	}
	date_format(opts->win.today, day);
	if (opts->win.since != NO_DATE) {
		date_format(opts->win.since, from);
		snprintf(title, sizeof(title), "rel report, %s to %s", from, day);
	} else
		snprintf(title, sizeof(title), "rel report, %s", day);
	heading(fp, 1, title);
	if (!opts->markdown) {
		for (k = strlen(title); k > 0; k--)
			fputc('=', fp);
		fputs("\n\n", fp);
	}
	write_summary(fp, rows, nrows, nitems);
	heading(fp, 2, "Contacts");
	if (opts->markdown)
		write_table_md(fp, rows, nrows);
	else
		write_table_text(fp, rows, nrows);
	for (i = 0; i < nrows; i++)
		write_detail(fp, &rows[i]);
	write_overdue(fp, items, nitems);
	free(items);
	for (i = 0; i < nrows; i++)
		free(rows[i].open);
	free(rows);
	return 0;
}
