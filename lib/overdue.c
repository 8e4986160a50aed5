/* overdue.c: the items of rel-overdue(1), from the tallies and the refs.
 * Each rule names the paragraph of the manual page it implements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "intern.h"
#include "overdue.h"
#include "safe.h"
#include "select.h"
#include "tally.h"
#include "width.h"

/* The kinds of item, for --kind; NULL-terminated for --complete. */
const char *const item_kind_names[IT__COUNT + 1] = {
	"contact", "promise", "issue", "request", "feedback", "date", NULL,
};

const char *
item_kind_name(enum item_kind k)
{
	return item_kind_names[k];
}

struct list {
	struct item *v;
	size_t n, cap;
};

/* --owner: whether name is the owner of one of the item's contacts. */
static int
owner_listed(const char *owners, const char *name)
{
	size_t n = strlen(name);
	const char *p = owners;

	while (p) {
		if (strncmp(p, name, n) == 0 && (p[n] == ',' || p[n] == '\0'))
			return 1;
		if ((p = strchr(p, ',')) != NULL)
			p++;
	}
	return 0;
}

/* Adds an item if it is past due (late, or due but not yet late), or
 * upcoming within o->within days. */
static struct item *
add_between(struct list *l, const struct overdue_opts *o, enum item_kind kind,
    int due, int late_from, int period_days)
{
	struct item *it;
	int late = o->today - late_from, ahead = due - o->today;

	if (!(o->kinds & (1u << kind)))
		return NULL;
	if (ahead >= 0 && (o->within < 0 || ahead > o->within))
		return NULL;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	it = &l->v[l->n];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->upcoming = ahead >= 0;
	it->due = due;
	it->late_from = late_from;
	it->late = late;
	it->period = period_days > 0 ? period_days : 1;
	it->urgency = (double)late / it->period;
	it->seq = l->n++;
	return it;
}

static struct item *
add(struct list *l, const struct overdue_opts *o, enum item_kind kind,
    int due, int period_days)
{
	return add_between(l, o, kind, due, due, period_days);
}

/* Whether another of the n contacts cs is an org up c's chain. */
static int
has_org_among(const struct contact *c, const struct contact *const *cs,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (cs[i] != c && contact_within(c, cs[i]))
			return 1;
	return 0;
}

/* The item's contacts, each org followed by those of its members that
 * the item names: "blueharbor (maria, tom), zoe". */
static void
set_who(struct item *it, const struct contact *const *cs, size_t n)
{
	size_t i, j, k = 0;

	it->who = xreallocarray(NULL, n ? n : 1, sizeof(*it->who));
	for (i = 0; i < n; i++) {
		if (has_org_among(cs[i], cs, n))
			continue;
		it->who[k++] = cs[i];
		for (j = 0; j < n; j++)
			if (j != i && contact_within(cs[j], cs[i]))
				it->who[k++] = cs[j];
	}
	it->nwho = k;
}

/* The owners of the item's contacts, each once, in their order. */
static void
set_owners(struct item *it)
{
	struct buf b = { 0 };
	const char *owner;
	size_t i;

	for (i = 0; i < it->nwho; i++) {
		if ((owner = contact_owner(it->who[i])) == NULL ||
		    (b.s && owner_listed(b.s, owner)))
			continue;
		if (b.len)
			buf_addc(&b, ',');
		buf_add(&b, owner, strlen(owner));
	}
	it->owners = b.s;
}

/* snooze ID until:DATE: from the entry's day to the day before DATE. */
static int
snoozed(int day, int until, int today)
{
	return day != NO_DATE && until != NO_DATE && day <= today &&
	    today < until;
}

/* Active, and not snoozed today. */
static int
listed(const struct contact *c, int today)
{
	const struct tally *t = tally_of(c);

	return contact_status(c) == ST_ACTIVE && !snoozed(t->snooze.day,
	    t->snooze_until, today);
}

static void
set_source(struct item *it, const struct latest *last, const struct contact *c)
{
	if (last->day != NO_DATE) {
		it->file = last->file;
		it->line = last->line;
	} else {
		it->file = c->file ? c->file : c->first_file;
		it->line = c->file ? c->line : c->first_line;
	}
}

/* The day a contact's clock counts from: the last time, else (never
 * met, or never asked) since:, else its first record. */
static int
baseline(const struct tally *t, int last)
{
	return last != NO_DATE ? last : contact_baseline(t->c, t->first_day);
}

/* "birthday in 6 days, turns 46", "anniversary today, 10 years" */
static void
date_what(struct item *it, const char *key, struct yearly y, int ahead)
{
	char when[32], years[32] = "";
	long n = y.year ? date_year(it->due) - y.year : 0;

	if (ahead == 0)
		snprintf(when, sizeof(when), "today");
	else if (ahead == 1)
		snprintf(when, sizeof(when), "tomorrow");
	else
		snprintf(when, sizeof(when), "in %d days", ahead);
	if (n > 0 && strcmp(key, "birthday") == 0)
		snprintf(years, sizeof(years), ", turns %ld", n);
	else if (n > 0)
		snprintf(years, sizeof(years), ", %ld year%s", n, n == 1 ? "" : "s");
	snprintf(it->what, sizeof(it->what), "%s %s%s", key, when, years);
}

/* The yearly dates of a contact's block (birthday:, anniversary:, and
 * the keys option yearly declares): upcoming only, never late. */
static void
date_items(struct list *l, const struct overdue_opts *o,
    const struct contact *c)
{
	const struct record *d = c->decl;
	struct yearly y;
	struct item *it;
	const char *why;
	size_t i;
	int next;

	for (i = 0; d && o->within >= 0 && i < d->nattrs; i++) {
		if (!key_is_yearly(d->attrs[i].key, d->attrs[i].keylen) ||
		    yearly_parse(d->attrs[i].val, d->attrs[i].vallen, &y,
		    &why) == -1)
			continue;
		next = yearly_next(y, o->today);
		if ((it = add(l, o, IT_DATE, next, 365)) == NULL)
			continue;
		date_what(it, d->attrs[i].key, y, next - o->today);
		set_who(it, &c, 1);
		it->file = c->file;
		it->line = d->attrs[i].line;
	}
}

static void
contact_items(struct list *l, const struct overdue_opts *o,
    const struct tally *t)
{
	struct cadence cad = contact_cadence(t->c);
	struct period every;
	const struct contact *c = t->c;
	int base = baseline(t, t->held_org.day), days;
	struct item *it;
	char p[CADENCE_MAX];

	if (!listed(c, o->today))
		return;
	if (base != NO_DATE && (it = add_between(l, o, IT_CONTACT,
	    period_add(base, cad.ideal, 1), period_add(base, cad.limit, 1),
	    period_days(cad.limit)))) {
		cadence_format(cad, p);
		days = o->today - base;
		if (t->held_org.day == NO_DATE)
			snprintf(it->what, sizeof(it->what), "never contacted, "
			    "known for %d days (cadence %s)", days, p);
		else
			snprintf(it->what, sizeof(it->what), "no contact for %d "
			    "days (cadence %s)", days, p);
		set_who(it, &c, 1);
		set_source(it, &t->held_org, c);
	}
	every = contact_feedback_every(c);
	base = baseline(t, t->fed_org.day);
	if (base != NO_DATE && (it = add(l, o, IT_FEEDBACK,
	    period_add(base, every, 1), period_days(every)))) {
		period_format(every, p);
		if (t->fed_org.day == NO_DATE)
			snprintf(it->what, sizeof(it->what), "feedback never "
			    "asked for (every %s)", p);
		else
			snprintf(it->what, sizeof(it->what), "no feedback for %d "
			    "days (every %s)", o->today - base, p);
		set_who(it, &c, 1);
		set_source(it, &t->fed_org, c);
	}
	date_items(l, o, c);
}

/* The contacts of a ref that are active and not snoozed, in the order
 * the entry names them; *n of them, in v (which the caller frees). */
static const struct contact **
ref_contacts(const struct ref *r, int today, size_t *n)
{
	const struct contact **v = xreallocarray(NULL, r->ncontacts,
	    sizeof(*v));
	struct contact *c;
	size_t j;

	*n = 0;
	for (j = 0; j < r->ncontacts; j++)
		if ((c = sym_of(r->contacts[j])->contact) != NULL &&
		    listed(c, today))
			v[(*n)++] = c;
	return v;
}

/* A recurring promise: one item for the occurrences missed, "3 missed
 * since 2026-11-06, every 1w: TITLE", as late as the oldest; with none
 * missed, the next occurrence, if upcoming. */
static struct item *
series_item(struct list *l, const struct overdue_opts *o,
    const struct ref *r)
{
	const struct series *s = r->series;
	int k, last = series_last(s, o->today), missed = 0, first = NO_DATE;
	char day[DATE_MAX], per[16];
	struct item *it;

	for (k = 0; k <= last; k++)
		if (series_state(s, k, o->today) == OCC_MISSED && missed++ == 0)
			first = series_due(s, k);
	period_format(s->every, per);
	if (missed) {
		if ((it = add(l, o, IT_PROMISE, first, period_days(s->every))))
		{
			date_format(first, day);
			snprintf(it->what, sizeof(it->what), "%s%d missed since %s, "
			    "every %s: %s", r->by_them ? "theirs, " : "", missed, day,
			    per, r->title);
		}
		return it;
	}
	for (k = last + 1; series_state(s, k, o->today) != OCC_OPEN; k++)
		;
	if (s->end_day != NO_DATE && series_due(s, k) > s->end_day)
		return NULL;
	if ((it = add(l, o, IT_PROMISE, series_due(s, k),
	    period_days(s->every))))
		snprintf(it->what, sizeof(it->what), "%severy %s: %s", r->by_them ?
		    "theirs, " : "", per, r->title);
	return it;
}

/* The item a ref gives, if it is due (or upcoming), with its what. */
static struct item *
ref_item(struct list *l, const struct overdue_opts *o, const struct ref *r,
    const struct contact *first)
{
	struct period sla;
	struct item *it;
	char p[16];

	/* an issue resolved but never told is still bad news untold */
	if (r->kind != K_ISSUE && ref_settled_by(r, o->today))
		return NULL;
	switch (r->kind) {
	case K_PROMISE:
		/* our promises past due; theirs with --them */
		if (r->by_them && !o->them)
			return NULL;
		if (r->series)
			return series_item(l, o, r);
		if (r->due_day == NO_DATE ||
		    (it = add(l, o, IT_PROMISE, r->due_day, 7)) == NULL)
			return NULL;
		snprintf(it->what, sizeof(it->what), "%s%s", r->by_them ?
		    "theirs: " : "", r->title);
		return it;
	case K_ISSUE:
		/* bad news has one day of grace, then it is overdue */
		if (ref_told_by(r, o->today) || (it = add(l, o, IT_ISSUE,
		    r->learned_day + 1, 1)) == NULL)
			return NULL;
		snprintf(it->what, sizeof(it->what), "not told: %s", r->title);
		return it;
	default:
		/* requests not answered within their SLA: the first
		 * contact's */
		sla = contact_sla(first, r);
		if ((it = add(l, o, IT_REQUEST, period_add(r->opened_day, sla,
		    1), period_days(sla))) == NULL)
			return NULL;
		period_format(sla, p);
		snprintf(it->what, sizeof(it->what), "unanswered (SLA %s): %s",
		    p, r->title);
		return it;
	}
}

/* One item for a ref, whatever the contacts it names: those active. */
static void
ref_items(struct list *l, const struct overdue_opts *o, const struct ref *r)
{
	const struct contact **cs;
	struct item *it;
	size_t n;

	if (snoozed(r->snooze_day, r->snooze_until, o->today))
		return;
	cs = ref_contacts(r, o->today, &n);
	if (n > 0 && (it = ref_item(l, o, r, cs[0])) != NULL) {
		set_who(it, cs, n);
		set_owners(it);
		it->ref = r;
		it->file = r->file;
		it->line = r->line;
	}
	free(cs);
}

/* Contact and feedback items for the same reason, from the same record,
 * of an org and its members: together, one fact. */
static int
by_reason(const void *a, const void *b)
{
	const struct item *x = *(struct item *const *)a;
	const struct item *y = *(struct item *const *)b;
	int d;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if ((d = strcmp(x->file, y->file)) != 0)
		return d;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
same_reason(const struct item *x, const struct item *y)
{
	return x->kind == y->kind && x->line == y->line &&
	    strcmp(x->file, y->file) == 0;
}

/* Item x goes into the item of its org, into: one line that names both,
 * as late as the later of the two. */
static void
merge_into(struct item *into, struct item *x)
{
	const struct contact **all;
	size_t n = into->nwho + x->nwho;

	all = xreallocarray(NULL, n, sizeof(*all));
	memcpy(all, into->who, into->nwho * sizeof(*all));
	memcpy(all + into->nwho, x->who, x->nwho * sizeof(*all));
	free(into->who);
	set_who(into, all, n);
	free(all);
	if (x->urgency > into->urgency || (x->urgency == into->urgency &&
	    x->late > into->late)) {
		into->due = x->due;
		into->late_from = x->late_from;
		into->late = x->late;
		into->upcoming = x->upcoming;
		into->urgency = x->urgency;
		into->period = x->period;
		memcpy(into->what, x->what, sizeof(into->what));
	}
	free(x->who);
	x->who = NULL;
	x->nwho = 0;
}

static void
merge_same_reason(struct list *l)
{
	struct item **v;
	size_t i, j, k, run;

	v = xreallocarray(NULL, l->n ? l->n : 1, sizeof(*v));
	for (i = 0; i < l->n; i++)
		v[i] = &l->v[i];
	qsort(v, l->n, sizeof(*v), by_reason);
	for (i = 0; i < l->n; i = run) {
		for (run = i + 1; run < l->n && same_reason(v[i], v[run]); run++)
			;
		/* each into an org of its up the chain: merged in turn,
		 * they end in the top one */
		for (j = i; j < run; j++)
			for (k = i; k < run; k++)
				if (k != j && v[k]->nwho && v[j]->nwho &&
				    contact_within(v[j]->who[0], v[k]->who[0])) {
					merge_into(v[k], v[j]);
					break;
				}
	}
	free(v);
	for (i = j = 0; i < l->n; i++)
		if (l->v[i].nwho)
			l->v[j++] = l->v[i];
	l->n = j;
	for (i = 0; i < l->n; i++)
		set_owners(&l->v[i]);
}

/* Late, due (past its ideal, not yet late), upcoming: rel-overdue(1),
 * ORDER. */
static int
state_of(const struct item *it)
{
	return it->upcoming ? 2 : it->late > 0 ? 0 : 1;
}

/* The status column of the CSV, by state_of(). */
const char *
item_state_name(const struct item *it)
{
	static const char *const names[] = { "overdue", "due", "upcoming" };

	return names[state_of(it)];
}

/* Late first, most urgent (late relative to its period) first, then the
 * longest late, then in order of discovery; then due, the longest due
 * first; upcoming last, soonest first. */
static int
by_urgency(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (state_of(x) != state_of(y))
		return state_of(x) - state_of(y);
	if (state_of(x) == 0 && x->urgency != y->urgency)
		return x->urgency > y->urgency ? -1 : 1;
	if (x->due != y->due)
		return x->due < y->due ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static void
item_free(struct item *it)
{
	free(it->who);
	free(it->owners);
}

/* Keeps, in order, the items for which keep() holds and frees the
 * others; how many are kept. */
size_t
overdue_items_keep(struct item *v, size_t n,
    int (*keep)(const struct item *, const void *), const void *ctx)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		if (keep(&v[i], ctx))
			v[k++] = v[i];
		else
			item_free(&v[i]);
	return k;
}

/* An item the selection keeps (rel(7)): by its contacts together, and
 * by its due day. */
static int
selected(const struct item *it, const void *sel)
{
	return select_contacts(sel, it->who, it->nwho) &&
	    select_day(sel, it->due);
}

struct item *
overdue_items(const struct overdue_opts *o, size_t *n)
{
	struct contact *const *cs;
	const struct ref *r;
	struct list l = { 0 };
	size_t nc, i;

	cs = book_contacts(&nc);
	for (i = 0; i < nc; i++)
		contact_items(&l, o, tally_of(cs[i]));
	merge_same_reason(&l);
	for (r = book_open_refs(); r; r = r->next)
		ref_items(&l, o, r);
	if (o->select)
		l.n = overdue_items_keep(l.v, l.n, selected, o->select);
	for (i = 0; i < l.n; i++)
		l.v[i].seq = i;
	if (l.n)
		qsort(l.v, l.n, sizeof(*l.v), by_urgency);
	*n = l.n;
	return l.v;
}

void
overdue_items_free(struct item *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		item_free(&v[i]);
	free(v);
}

void
item_status(const struct item *it, char *out, size_t n)
{
	int today = it->late_from + it->late;

	if (it->late > 0)
		snprintf(out, n, "%dd late", it->late);
	else if (today > it->due)
		snprintf(out, n, "due %dd ago", today - it->due);
	else if (today == it->due)
		snprintf(out, n, "due today");
	else
		snprintf(out, n, "in %dd", it->due - today);
}

/* late / period with `places` decimals, halves away from zero, worked
 * out in whole numbers so that 21 / 60 is 0.35, never 0.34999. */
static void
format_ratio(long late, long period, int places, char *out, size_t n)
{
	long scale = places == 1 ? 10 : 100, a = late < 0 ? -late : late;
	long q = (2 * a * scale + period) / (2 * period);

	snprintf(out, n, "%s%ld.%0*ld", late < 0 && q ? "-" : "", q / scale,
	    places, q % scale);
}

/* "1.5x": how many of its periods it is late, to a tenth; "-" if it is
 * not yet. */
void
item_urgency(const struct item *it, char *out, size_t n)
{
	if (it->late <= 0) {
		snprintf(out, n, "-");
		return;
	}
	format_ratio(it->late, it->period, 1, out, n);
	strncat(out, "x", n - strlen(out) - 1);
}

/* late / period with two decimals, negative for an item not yet due: the
 * urgency of the CSV and the JSON. */
void
item_ratio(const struct item *it, char *out, size_t n)
{
	format_ratio(it->late, it->period, 2, out, n);
}

/* "blueharbor (maria, tom), zoe", into b */
void
item_who(const struct item *it, struct buf *b)
{
	size_t i;
	int open = 0;

	b->len = 0;
	buf_add(b, "", 0);
	for (i = 0; i < it->nwho; i++) {
		int member = i > 0 && has_org_among(it->who[i], it->who, i);
		if (member)
			buf_add(b, open ? ", " : " (", 2);
		else {
			if (open)
				buf_addc(b, ')');
			if (i > 0)
				buf_add(b, ", ", 2);
		}
		open = member;
		buf_add(b, it->who[i]->id, strlen(it->who[i]->id));
	}
	if (open)
		buf_addc(b, ')');
}

/* What the text shows: "[ID] what" for a ref's item, with_id. */
void
item_what(const struct item *it, int with_id, struct buf *b)
{
	b->len = 0;
	buf_add(b, "", 0);
	if (it->ref && with_id) {
		buf_addc(b, '[');
		buf_add(b, it->ref->id, strlen(it->ref->id));
		buf_add(b, "] ", 2);
	}
	buf_add(b, it->what, strlen(it->what));
}

/* text */

#define WHAT_MIN 20	/* a title is cut to no fewer columns */

struct layout {
	size_t indent, width;
	size_t st, urg, kind, who, src;	/* column widths */
	struct buf b;
};

static size_t
max_size(size_t a, size_t b)
{
	return a > b ? a : b;
}

static void
measure(struct layout *lo, const struct item *v, size_t n)
{
	char s[320];
	size_t i;

	for (i = 0; i < n; i++) {
		item_status(&v[i], s, sizeof(s));
		lo->st = max_size(lo->st, strlen(s) + 2);
		item_urgency(&v[i], s, sizeof(s));
		lo->urg = max_size(lo->urg, strlen(s) + 2);
		lo->kind = max_size(lo->kind, strlen(item_kind_name(v[i].kind)) + 2);
		item_who(&v[i], &lo->b);
		lo->who = max_size(lo->who, display_width(lo->b.s) + 2);
		snprintf(s, sizeof(s), "%s:%ld", v[i].file, v[i].line);
		lo->src = max_size(lo->src, display_width(s) + 2);
	}
}

/* The columns the what of an item needs, ref id and all: the title at
 * its end may be cut to WHAT_MIN; the rest is never cut. */
static size_t
what_needs(const struct item *it, const struct buf *what)
{
	size_t w = display_width(what->s), title;

	if (it->ref == NULL)
		return w;
	title = display_width(it->ref->title);
	return w - title + (title < WHAT_MIN ? title : WHAT_MIN);
}

/* One line per item, in columns: status, urgency, kind, contacts,
 * FILE:LINE, then what, its title cut to end the line within width
 * columns.  Nothing else is cut: where the columns leave some item's
 * title fewer than WHAT_MIN, every item takes two lines, what on an
 * indented line of its own (rel-overdue(1), OUTPUT). */
void
overdue_write_text(FILE *fp, const struct item *v, size_t n, size_t indent,
    size_t width)
{
	struct layout lo = { indent, width, 0, 0, 0, 0, 0, { 0 } };
	struct buf who = { 0 }, what = { 0 };
	char s[320];
	size_t i, fixed, room, needs = 0;
	int two_lines;

	measure(&lo, v, n);
	for (i = 0; i < n; i++) {
		item_what(&v[i], 1, &what);
		needs = max_size(needs, what_needs(&v[i], &what));
	}
	fixed = indent + lo.st + lo.urg + lo.kind + lo.who + lo.src;
	two_lines = fixed + needs > width;
	for (i = 0; i < n; i++) {
		fprintf(fp, "%*s", (int)indent, "");
		item_status(&v[i], s, sizeof(s));
		put_cell(fp, s, lo.st);
		item_urgency(&v[i], s, sizeof(s));
		put_cell(fp, s, lo.urg);
		put_cell(fp, item_kind_name(v[i].kind), lo.kind);
		item_who(&v[i], &who);
		put_cell(fp, who.s, lo.who);
		snprintf(s, sizeof(s), "%s:%ld", v[i].file, v[i].line);
		if (two_lines) {
			safe_puts(fp, s);
			fprintf(fp, "\n%*s", (int)indent + 4, "");
			room = width > indent + 4 ? width - indent - 4 : 0;
		} else {
			put_cell(fp, s, lo.src);
			room = width - fixed;
		}
		item_what(&v[i], 1, &what);
		room = max_size(room, what_needs(&v[i], &what));
		put_cell(fp, what.s, display_width(what.s) < room ?
		    display_width(what.s) : room);
		putc('\n', fp);
	}
	buf_free(&lo.b);
	buf_free(&who);
	buf_free(&what);
}
