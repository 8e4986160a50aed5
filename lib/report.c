/* report.c: the report of rel-report(1), in plain text that fits 80
 * columns or in Markdown.  It only arranges what tally.c, score.c and
 * overdue.c compute. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "color.h"
#include "contact.h"
#include "intern.h"
#include "md.h"
#include "money.h"
#include "overdue.h"
#include "report.h"
#include "safe.h"
#include "score.h"
#include "select.h"
#include "width.h"

#define WIDTH 80
#define NAME_WIDTH 22
#define LABEL_WIDTH 10
#define UPCOMING_DAYS 30	/* the Upcoming part's */
#define STRIP_MAX 12		/* the occurrences a series' strip shows */

/* Open refs counted: our promises and the late ones, issues not resolved
 * and not told. */
struct open_refs {
	int promises, late, issues, untold;
};

struct row {
	const struct contact *c;
	const struct tally *t;
	struct tally *account;	/* an org's: with its members', else NULL */
	struct scores s;
	int next_due;		/* last contact (or baseline) + cadence */
	struct open_refs refs;	/* its own */
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

/* An occurrence of a recurring promise in its strip. */
static const char *
g_occurrence(enum occ_state st)
{
	static const char *const uni[] = { [OCC_KEPT] = "\u2713",
	    [OCC_KEPT_LATE] = "~", [OCC_BROKEN] = "\u2717",
	    [OCC_MISSED] = "\u00b7", [OCC_OPEN] = " " };
	static const char *const ascii[] = { [OCC_KEPT] = "+",
	    [OCC_KEPT_LATE] = "~", [OCC_BROKEN] = "x", [OCC_MISSED] = ".",
	    [OCC_OPEN] = " " };

	return report->ascii ? ascii[st] : uni[st];
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
	return health >= 70 ? SGR_GREEN : health >= 40 ? SGR_YELLOW : SGR_RED;
}

static const char *
color_end(double health)
{
	return report->color && !isnan(health) ? SGR_RESET : "";
}

/* rows */

static int
next_due(const struct row *r)
{
	if (r->s.base == NO_DATE || r->s.paused)
		return NO_DATE;
	return period_add(r->s.base, contact_cadence(r->c).ideal, 1);
}

static void
open_refs_add(struct open_refs *n, const struct ref *ref, int today)
{
	if (ref->kind == K_PROMISE && !ref->by_them) {
		n->promises++;
		n->late += ref->due_day < today;
	} else if (ref->kind == K_ISSUE) {
		n->issues += !ref_settled_by(ref, today);
		n->untold += !ref_told_by(ref, today);
	}
}

static void
row_open(struct row *r, const struct ref *ref, int today)
{
	if (r->nopen == r->opencap) {
		r->opencap = r->opencap ? r->opencap * 2 : 8;
		r->open = xreallocarray(r->open, r->opencap, sizeof(*r->open));
	}
	r->open[r->nopen++] = ref;
	open_refs_add(&r->refs, ref, today);
}

/* The open refs of the report, each once however many contacts it
 * names (the summary, all), and of each row (its Prom. and Issues cells
 * and its Open lines). */
static void
count_refs(struct row *rows, size_t nrows, const size_t *row_of,
    size_t ncontacts, struct open_refs *all)
{
	const struct ref *ref;
	struct sym *sym;
	size_t j;
	int today = report->win.today, shown;

	memset(all, 0, sizeof(*all));
	for (ref = book_open_refs(); ref; ref = ref->next) {
		/* settled refs are left out, but an issue resolved without
		 * being told is still bad news untold */
		if (ref->opened_day > today || ref_done_by(ref, today))
			continue;
		for (j = shown = 0; j < ref->ncontacts; j++) {
			sym = sym_of(ref->contacts[j]);
			if (sym->contact == NULL ||
			    sym->contact->index >= ncontacts ||
			    row_of[sym->contact->index] >= nrows)
				continue;
			row_open(&rows[row_of[sym->contact->index]], ref, today);
			shown = 1;
		}
		if (shown)
			open_refs_add(all, ref, today);
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

/* Whether the report has a row for c: selected (rel(7)); ended ones
 * only with --all, or if --contact or --org names them. */
static int
in_report(const struct contact *c)
{
	if (!select_contact(report->select, c))
		return 0;
	return select_names(report->select, c) || report->all ||
	    contact_status(c) != ST_ENDED;
}

/* An org's tally with its members' (tally_pool()), for its Activity,
 * Deals and Time lines; NULL for a contact without members. */
static struct tally *
account_of(const struct contact *c)
{
	struct contact **m;
	size_t n = tally_members(c, &m);

	return n > 1 ? tally_pool(c, m, n) : NULL;
}

static struct row *
make_rows(size_t *nrows, struct open_refs *refs)
{
	struct contact *const *cs;
	struct row *rows;
	size_t n, i, k = 0, *row_of;

	cs = book_contacts(&n);
	rows = xcalloc(n, sizeof(*rows));
	row_of = xcalloc(n, sizeof(*row_of));
	for (i = 0; i < n; i++) {
		row_of[i] = (size_t)-1;
		if (!in_report(cs[i]))
			continue;
		rows[k].c = cs[i];
		rows[k].t = tally_of(cs[i]);
		rows[k].account = account_of(cs[i]);
		score_compute(rows[k].t, report->win.today, &rows[k].s);
		rows[k].next_due = next_due(&rows[k]);
		row_of[i] = k++;
	}
	count_refs(rows, k, row_of, n, refs);
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
		put_wrapped(fp, value, 2 + LABEL_WIDTH, WIDTH);
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

/* "4, worth 12000 EUR; 300.50 USD" */
static void
deals_line(const struct tally *t, char *line, size_t n)
{
	struct buf b = { 0 };

	money_format(&t->money, &b);
	snprintf(line, n, "%d%s%s", t->n.deals, b.len ? ", worth " : "", b.s);
	buf_free(&b);
}

/* "12h30m planned, 10h45m actual", or nothing if neither was given. */
static int
time_line(const struct tally *t, char *line, size_t n)
{
	char planned[DURATION_MAX], actual[DURATION_MAX];

	if (t->n.planned_minutes == 0 && t->n.actual_minutes == 0)
		return 0;
	duration_format(t->n.planned_minutes, planned);
	duration_format(t->n.actual_minutes, actual);
	snprintf(line, n, "%s planned, %s actual", planned, actual);
	return 1;
}

/* The deals and time of the rows together: each entry once, however many
 * of them it names. */
static struct tally *
pool_rows(const struct row *rows, size_t n)
{
	struct contact **cs = xreallocarray(NULL, n ? n : 1, sizeof(*cs));
	struct tally *t;
	size_t i;

	for (i = 0; i < n; i++)
		cs[i] = (struct contact *)rows[i].c;
	t = tally_pool(NULL, cs, n);
	free(cs);
	return t;
}

static void
write_summary(FILE *fp, const struct row *rows, size_t n,
    const struct open_refs *refs, size_t noverdue, size_t nsoon)
{
	int band[5] = { 0 };
	struct tally *all = pool_rows(rows, n);
	char line[300];
	size_t i;

	for (i = 0; i < n; i++) {
		double h = rows[i].s.health;
		if (!isnan(h))
			h = score_round(h);	/* as the table shows it */
		band[rows[i].s.paused ? 4 : isnan(h) ? 3 : h >= 70 ? 0 :
		    h >= 40 ? 1 : 2]++;
	}
	heading(fp, 2, "Summary");
	snprintf(line, sizeof(line), "%zu in all: %d healthy (70+), %d fair "
	    "(40%s69), %d poor (under 40), %d unscored", n, band[0], band[1],
	    g_dash(), band[2], band[3]);
	if (band[4])
		snprintf(line + strlen(line), sizeof(line) - strlen(line),
		    ", %d paused", band[4]);
	put_labelled(fp, "Contacts", line, 1);
	snprintf(line, sizeof(line), "%d open, %d late", refs->promises,
	    refs->late);
	put_labelled(fp, "Promises", line, 0);
	snprintf(line, sizeof(line), "%d open, %d not told", refs->issues,
	    refs->untold);
	put_labelled(fp, "Issues", line, 0);
	deals_line(all, line, sizeof(line));
	put_labelled(fp, "Deals", line, 1);
	if (time_line(all, line, sizeof(line)))
		put_labelled(fp, "Time", line, 0);
	snprintf(line, sizeof(line), "%zu item%s", noverdue, noverdue == 1 ?
	    "" : "s");
	put_labelled(fp, "Overdue", line, 0);
	snprintf(line, sizeof(line), "%zu item%s in the next %d days", nsoon,
	    nsoon == 1 ? "" : "s", UPCOMING_DAYS);
	put_labelled(fp, "Upcoming", line, 0);
	putc('\n', fp);
	tally_pool_free(all);
}

/* contacts table */

/* The health of a row as the table shows it: a bar and the number, or
 * "paused", or "-". */
static void
health_cell(FILE *fp, const struct row *r)
{
	double h = r->s.health;
	long v;
	int i;

	if (isnan(h)) {
		put_cell(fp, r->s.paused ? "paused" : "-", 14);
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
		health_cell(fp, &rows[i]);
		fputs("  ", fp);
		put_date(fp, rows[i].t->held_org.day, 10);
		fputs("  ", fp);
		put_date(fp, rows[i].next_due, 10);
		snprintf(num, sizeof(num), "%5d", rows[i].refs.promises);
		fputs("  ", fp);
		put_cell(fp, num, 5);
		fprintf(fp, "  %6d\n", rows[i].refs.issues);
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
			md_cell(fp, rows[i].s.paused ? "paused" : "");
		else {
			snprintf(cell, sizeof(cell), "%ld",
			    score_round(rows[i].s.health));
			md_cell(fp, cell);
		}
		if (rows[i].t->held_org.day != NO_DATE)
			date_format(rows[i].t->held_org.day, day);
		md_cell(fp, rows[i].t->held_org.day != NO_DATE ? day : "");
		if (rows[i].next_due != NO_DATE)
			date_format(rows[i].next_due, day);
		md_cell(fp, rows[i].next_due != NO_DATE ? day : "");
		snprintf(cell, sizeof(cell), "%d", rows[i].refs.promises);
		md_cell(fp, cell);
		snprintf(cell, sizeof(cell), "%d", rows[i].refs.issues);
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
		if (t->d->months[i] > max)
			max = t->d->months[i];
	for (i = 0; i < SPARK_MONTHS; i++)
		len += (size_t)snprintf(spark + len, sizeof(spark) - len, "%s",
		    spark_glyph(t->d->months[i], max));
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

	if (t->n.fb_scored == 0)
		return;
	from = t->d->nfeedback > 8 ? t->d->nfeedback - 8 : 0;
	for (i = from; i < t->d->nfeedback; i++) {
		if (t->d->feedback[i].score < 0)
			continue;
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%d",
		    shown++ ? g_arrow() : "", t->d->feedback[i].score);
	}
	snprintf(line + len, sizeof(line) - len, "  (mean %.1f of %d)",
	    (double)t->n.fb_sum / t->n.fb_scored, t->n.fb_scored);
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

/* A detail line of three parts, head, mid and tail, the mid part giving
 * way when the line is too long: the ids and dates around a title are
 * never cut. */
static void
put_labelled_cut(FILE *fp, const char *label, const char *head,
    const char *mid, const char *tail)
{
	size_t room = WIDTH - 2 - LABEL_WIDTH, fixed, used, bytes;
	struct buf b = { 0 };

	buf_add(&b, head, strlen(head));
	fixed = display_width(head) + display_width(tail);
	if (report->markdown || fixed + display_width(mid) <= room ||
	    fixed + 4 > room)
		buf_add(&b, mid, strlen(mid));
	else {
		bytes = fit_width(mid, room - fixed - 3, &used);
		buf_add(&b, mid, bytes);
		buf_add(&b, "...", 3);
	}
	buf_add(&b, tail, strlen(tail));
	if (report->markdown)
		put_labelled(fp, label, b.s, 0);
	else {	/* fits, or cannot: as it is */
		fputs("  ", fp);
		put_cell(fp, label, LABEL_WIDTH);
		safe_puts(fp, b.s);
		putc('\n', fp);
	}
	buf_free(&b);
}

/* ", every 1w, next due 2026-12-04" */
static void
series_tail(const struct series *s, char *out, size_t n)
{
	int today = report->win.today, k;
	char per[16], day[DATE_MAX];

	for (k = series_last(s, today) + 1; series_state(s, k, today) !=
	    OCC_OPEN; k++)
		;
	period_format(s->every, per);
	date_format(series_due(s, k), day);
	snprintf(out, n, ", every %s, next due %s", per, day);
}

/* The strip of a recurring promise, under its Open line: its last
 * occurrences that came due, oldest first, one glyph each. */
static void
write_strip(FILE *fp, const struct series *s)
{
	int today = report->win.today, last = series_last(s, today), k;
	char line[STRIP_MAX * 4 + 40];
	size_t len;

	if (last < 0)
		return;
	k = last >= STRIP_MAX ? last - STRIP_MAX + 1 : 0;
	len = (size_t)snprintf(line, sizeof(line), "last %d due: ", last - k + 1);
	for (; k <= last; k++)
		len += (size_t)snprintf(line + len, sizeof(line) - len, "%s",
		    g_occurrence(series_state(s, k, today)));
	put_labelled(fp, "", line, 0);
}

static void
write_open(FILE *fp, const struct row *row)
{
	char head[200], tail[160], day[DATE_MAX], until[DATE_MAX + 20] = "";
	size_t i;
	int today = report->win.today;

	for (i = 0; i < row->nopen; i++) {
		const struct ref *r = row->open[i];
		if (r->snooze_day != NO_DATE && r->snooze_day <= today &&
		    today < r->snooze_until) {
			date_format(r->snooze_until, day);
			snprintf(until, sizeof(until), ", snoozed until %s", day);
		} else
			until[0] = '\0';
		if (r->kind == K_PROMISE) {
			snprintf(head, sizeof(head), "%spromise %s: ",
			    r->by_them ? "their " : "", r->id);
			if (r->series)
				series_tail(r->series, tail, sizeof(tail));
			else {
				date_format(r->due_day, day);
				snprintf(tail, sizeof(tail), ", due %s", day);
			}
		} else if (r->kind == K_ISSUE) {
			snprintf(head, sizeof(head), "issue %s: ", r->id);
			snprintf(tail, sizeof(tail), "%s", ref_told_by(r, today) ?
			    "" : " (not told)");
		} else {
			date_format(r->opened_day, day);
			snprintf(head, sizeof(head), "request %s: ", r->id);
			snprintf(tail, sizeof(tail), ", asked %s", day);
		}
		strncat(tail, until, sizeof(tail) - strlen(tail) - 1);
		put_labelled_cut(fp, i == 0 ? "Open" : "", head, r->title, tail);
		if (r->series)
			write_strip(fp, r->series);
	}
}

/* "until 2026-12-10 (j.rel:24)", for a contact snoozed today. */
static void
write_snooze(FILE *fp, const struct tally *t)
{
	char line[300], day[DATE_MAX];
	int today = report->win.today;

	if (t->snooze.day == NO_DATE || t->snooze.day > today ||
	    t->snooze_until == NO_DATE || today >= t->snooze_until)
		return;
	date_format(t->snooze_until, day);
	snprintf(line, sizeof(line), "until %s (%s:%ld)", day, t->snooze.file,
	    t->snooze.line);
	put_labelled(fp, "Snoozed", line, 0);
}

/* The deals and time of a contact, or of an org's account. */
static void
write_sums(FILE *fp, const struct row *r)
{
	const struct tally *t = r->account ? r->account : r->t;
	char line[300];

	if (t->n.deals) {
		deals_line(t, line, sizeof(line));
		put_labelled(fp, "Deals", line, 1);
	}
	if (time_line(t, line, sizeof(line)))
		put_labelled(fp, "Time", line, 0);
}

/* "org acme, tier gold, cadence 14d, owner paula, paused" */
static void
about(const struct contact *c, char *out, size_t n)
{
	const char *org = contact_own(c, "org"), *owner = contact_owner(c);
	const char *tier = contact_get(c, "tier");
	enum status st = contact_status(c);
	char cad[CADENCE_MAX];

	cadence_format(contact_cadence(c), cad);
	snprintf(out, n, "%s%s%s%s%s%scadence %s%s%s%s%s", org ? "org " : "",
	    org ? org : "", org ? ", " : "", tier ? "tier " : "", tier ? tier :
	    "", tier ? ", " : "", cad, owner ? ", owner " : "",
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

	if (strcmp(contact_name(r->c), r->c->id) != 0)
		snprintf(title, sizeof(title), "%s (%s)", contact_name(r->c),
		    r->c->id);
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
	write_snooze(fp, r->t);
	write_activity(fp, r->account ? r->account : r->t);
	write_feedback(fp, r->t);
	write_sums(fp, r);
	write_recent(fp, r->t);
	write_open(fp, r);
	putc('\n', fp);
}

/* overdue */

static void
write_items(FILE *fp, const char *title, const char *none,
    const struct item *items, size_t n)
{
	char st[32], src[300];
	struct buf b = { 0 };
	size_t i;

	heading(fp, 2, title);
	if (n == 0) {
		fprintf(fp, "%s%s\n", report->markdown ? "" : "  ", none);
		return;
	}
	if (!report->markdown) {
		overdue_write_text(fp, items, n, 2, WIDTH);
		return;
	}
	fputs("| Status | Urgency | Kind | Contact | Ref | What | Source |\n"
	    "|---|---:|---|---|---|---|---|\n", fp);
	for (i = 0; i < n; i++) {
		item_status(&items[i], st, sizeof(st));
		md_cell(fp, st);
		item_urgency(&items[i], st, sizeof(st));
		md_cell(fp, st);
		md_cell(fp, item_kind_name(items[i].kind));
		item_who(&items[i], &b);
		md_cell(fp, b.s);
		md_cell(fp, items[i].ref ? items[i].ref->id : "");
		md_cell(fp, items[i].what);
		snprintf(src, sizeof(src), "%s:%ld", items[i].file,
		    items[i].line);
		md_cell(fp, src);
		fputs("|\n", fp);
	}
	buf_free(&b);
}

static int
upcoming(const struct item *it, const void *ctx)
{
	(void)ctx;
	return it->upcoming;
}

/* What falls due in the next UPCOMING_DAYS days: rel-overdue --within
 * 30d, the upcoming items alone. */
static struct item *
upcoming_items(size_t *n)
{
	struct overdue_opts oo = { 0 };
	struct item *v;

	oo.today = report->win.today;
	oo.within = UPCOMING_DAYS;
	oo.them = 1;
	oo.kinds = (1u << IT__COUNT) - 1;
	oo.select = report->select;
	v = overdue_items(&oo, n);
	*n = overdue_items_keep(v, *n, upcoming, NULL);
	return v;
}

static void
write_title(FILE *fp)
{
	char title[80], day[DATE_MAX], from[DATE_MAX];
	size_t k;

	date_format(report->win.today, day);
	if (report->win.since != NO_DATE) {
		date_format(report->win.since, from);
		snprintf(title, sizeof(title), "rel report, %s to %s", from, day);
	} else
		snprintf(title, sizeof(title), "rel report, %s", day);
	heading(fp, 1, title);
	if (!report->markdown) {
		for (k = strlen(title); k > 0; k--)
			fputc('=', fp);
		fputs("\n\n", fp);
	}
}

/* The report of the contacts and items selected (checked already). */
void
report_write(FILE *fp, const struct report_opts *opts)
{
	struct overdue_opts oo = { 0 };
	struct open_refs refs;
	struct item *items, *soon;
	struct row *rows;
	size_t nrows, nitems, nsoon, i;

	report = opts;
	rows = make_rows(&nrows, &refs);
	oo.today = opts->win.today;
	oo.within = -1;
	oo.kinds = (1u << IT__COUNT) - 1;
	oo.select = opts->select;
	items = overdue_items(&oo, &nitems);
	soon = upcoming_items(&nsoon);
	write_title(fp);
	write_summary(fp, rows, nrows, &refs, nitems, nsoon);
	heading(fp, 2, "Contacts");
	if (opts->markdown)
		write_table_md(fp, rows, nrows);
	else
		write_table_text(fp, rows, nrows);
	for (i = 0; i < nrows; i++)
		write_detail(fp, &rows[i]);
	write_items(fp, "Overdue", "Nothing is due.", items, nitems);
	putc('\n', fp);
	write_items(fp, "Upcoming", "Nothing in the next 30 days.", soon, nsoon);
	overdue_items_free(items, nitems);
	overdue_items_free(soon, nsoon);
	for (i = 0; i < nrows; i++) {
		free(rows[i].open);
		tally_pool_free(rows[i].account);
	}
	free(rows);
}
