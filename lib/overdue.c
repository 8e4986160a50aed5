/* overdue.c: the items of rel-overdue(1), from the tallies and the refs.
 * Each rule names the paragraph of the manual page it implements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "csvout.h"
#include "intern.h"
#include "overdue.h"
#include "safe.h"
#include "tally.h"
#include "width.h"

/* The kinds of item, for --kind; NULL-terminated for --complete. */
const char *const item_kind_names[IT__COUNT + 1] = {
	"contact", "promise", "issue", "request", "feedback", NULL,
};

const char *
item_kind_name(enum item_kind k)
{
	return item_kind_names[k];
}

/* "contact, promise, issue, request or feedback", into b */
void
item_kind_list(struct buf *b)
{
	words_join(b, item_kind_names, IT__COUNT, "or");
}

int
item_kind_from_word(const char *w, size_t n, enum item_kind *k)
{
	int i;

	for (i = 0; i < IT__COUNT; i++)
		if (strlen(item_kind_names[i]) == n && memcmp(item_kind_names[i], w, n) == 0) {
			*k = (enum item_kind)i;
			return 0;
		}
	return -1;
}

struct list {
	struct item *v;
	size_t n, cap;
};

static int
wanted(const struct overdue_opts *o, enum item_kind k, const struct contact *c)
{
	const char *owner;

	if (!(o->kinds & (1u << k)) || contact_status(c) != ST_ACTIVE)
		return 0;
	if (o->owner) {
		owner = contact_owner(c);
		if (owner == NULL || strcmp(owner, o->owner) != 0)
			return 0;
	}
	return 1;
}

/* Adds an item if it is late, or upcoming within o->within days. */
static struct item *
add(struct list *l, const struct overdue_opts *o, enum item_kind kind,
    const struct contact *c, int due, int period_days)
{
	struct item *it;
	int late = o->today - due;

	if (late <= 0 && (o->within < 0 || -late > o->within))
		return NULL;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	it = &l->v[l->n];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->upcoming = late <= 0;
	it->due = due;
	it->late = late;
	it->urgency = (double)late / (period_days > 0 ? period_days : 1);
	it->contact = c;
	it->owner = contact_owner(c);
	it->seq = l->n++;
	return it;
}

/* The day a contact's clock counts from: the last time, else (never
 * met, or never asked) since:, else its first record. */
static int
baseline(const struct tally *t, int last)
{
	return last != NO_DATE ? last : contact_baseline(t->c, t->first_day);
}

static void
contact_items(struct list *l, const struct overdue_opts *o,
    const struct tally *t)
{
	struct period cad = contact_cadence(t->c), every;
	int base = baseline(t, t->last_held_org), days;
	struct item *it;
	char p[16];

	if (base != NO_DATE && wanted(o, IT_CONTACT, t->c) &&
	    (it = add(l, o, IT_CONTACT, t->c, period_add(base, cad, 1),
	    period_days(cad)))) {
		period_format(cad, p);
		days = o->today - base;
		if (t->last_held_org == NO_DATE)
			snprintf(it->what, sizeof(it->what), "never contacted, "
			    "known for %d days (cadence %s)", days, p);
		else
			snprintf(it->what, sizeof(it->what), "no contact for %d "
			    "days (cadence %s)", days, p);
		it->file = t->last_held_org != NO_DATE ? t->last_org_file :
		    t->c->file ? t->c->file : t->c->first_file;
		it->line = t->last_held_org != NO_DATE ? t->last_org_line :
		    t->c->file ? t->c->line : t->c->first_line;
	}
	every = rel_options.feedback_every;
	base = baseline(t, t->last_feedback_org);
	if (base != NO_DATE && wanted(o, IT_FEEDBACK, t->c) &&
	    (it = add(l, o, IT_FEEDBACK, t->c, period_add(base, every, 1),
	    period_days(every)))) {
		period_format(every, p);
		if (t->last_feedback_org == NO_DATE)
			snprintf(it->what, sizeof(it->what), "feedback never "
			    "asked for (every %s)", p);
		else
			snprintf(it->what, sizeof(it->what), "no feedback for %d "
			    "days (every %s)", o->today - base, p);
		it->file = t->c->file ? t->c->file : t->c->first_file;
		it->line = t->c->file ? t->c->line : t->c->first_line;
	}
}

static void
ref_items(struct list *l, const struct overdue_opts *o, const struct ref *r,
    const struct contact *c)
{
	struct period sla;
	struct item *it = NULL;
	char p[16];

	/* an issue resolved but never told is still bad news untold */
	if (r->kind != K_ISSUE && ref_settled_by(r, o->today))
		return;
	switch (r->kind) {
	case K_PROMISE:
		/* our promises past due; theirs with --them */
		if ((r->by_them && !o->them) || !wanted(o, IT_PROMISE, c) ||
		    r->due_day == NO_DATE)
			return;
		if ((it = add(l, o, IT_PROMISE, c, r->due_day, 7)) == NULL)
			return;
		snprintf(it->what, sizeof(it->what), "%s%s [%s]",
		    r->by_them ? "theirs: " : "", r->title, r->id);
		break;
	case K_ISSUE:
		/* bad news has one day of grace, then it is overdue */
		if (ref_told_by(r, o->today) || !wanted(o, IT_ISSUE, c))
			return;
		if ((it = add(l, o, IT_ISSUE, c, r->learned_day + 1, 1)) == NULL)
			return;
		snprintf(it->what, sizeof(it->what), "not told: %s [%s]",
		    r->title, r->id);
		break;
	default:
		/* requests not answered within their SLA */
		if (!wanted(o, IT_REQUEST, c))
			return;
		sla = contact_sla(c, r);
		if ((it = add(l, o, IT_REQUEST, c, period_add(r->opened_day, sla,
		    1), period_days(sla))) == NULL)
			return;
		period_format(sla, p);
		snprintf(it->what, sizeof(it->what), "unanswered: %s [%s] (SLA "
		    "%s)", r->title, r->id, p);
		break;
	}
	it->ref = r;
	it->file = r->file;
	it->line = r->line;
}

/* Overdue first, most urgent (late relative to its period) first, then
 * the longest late, then in order of discovery; upcoming after, soonest
 * first. */
static int
by_urgency(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	if (x->upcoming != y->upcoming)
		return x->upcoming - y->upcoming;
	if (!x->upcoming && x->urgency != y->urgency)
		return x->urgency > y->urgency ? -1 : 1;
	if (x->late != y->late)
		return x->late > y->late ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

struct item *
overdue_items(const struct overdue_opts *o, size_t *n)
{
	struct contact *const *cs;
	const struct ref *r;
	struct list l = { 0 };
	struct sym *sym;
	size_t nc, i, j;

	cs = book_contacts(&nc);
	for (i = 0; i < nc; i++)
		contact_items(&l, o, tally_of(cs[i]));
	for (r = book_open_refs(); r; r = r->next)
		for (j = 0; j < r->ncontacts; j++) {
			sym = sym_of(r->contacts[j]);
			if (sym->contact)
				ref_items(&l, o, r, sym->contact);
		}
	if (l.n)
		qsort(l.v, l.n, sizeof(*l.v), by_urgency);
	*n = l.n;
	return l.v;
}

void
item_status(const struct item *it, char *out, size_t n)
{
	if (it->late > 0)
		snprintf(out, n, "%dd late", it->late);
	else if (it->late == 0)
		snprintf(out, n, "due today");
	else
		snprintf(out, n, "in %dd", -it->late);
}

/* One aligned line per item: status, kind, contact, what (cut past
 * OVERDUE_WHAT_WIDTH columns), FILE:LINE.  With a width, each line is
 * indented and made to fit it: the what column gives way first, then the
 * source. */
void
overdue_write_text(FILE *fp, const struct item *v, size_t n, size_t indent,
    size_t width)
{
	size_t i, wc = 0, ww = 0, ws = 0, wst = 11, w, fixed;
	char st[32], src[300];

	for (i = 0; i < n; i++) {
		item_status(&v[i], st, sizeof(st));
		if (strlen(st) + 1 > wst)	/* never cut */
			wst = strlen(st) + 1;
		if ((w = display_width(v[i].contact->id)) > wc)
			wc = w;
		if ((w = display_width(v[i].what)) > ww)
			ww = w;
		snprintf(src, sizeof(src), "%s:%ld", v[i].file, v[i].line);
		if ((w = display_width(src)) > ws)
			ws = w;
	}
	if (ww > OVERDUE_WHAT_WIDTH)
		ww = OVERDUE_WHAT_WIDTH;
	fixed = indent + wst + 10 + wc + 2 + 2;
	if (width && fixed + ww + ws > width) {
		ww = width > fixed + ws + 16 ? width - fixed - ws : 16;
		if (fixed + ww + ws > width)
			ws = width > fixed + ww ? width - fixed - ww : 8;
	}
	for (i = 0; i < n; i++) {
		item_status(&v[i], st, sizeof(st));
		fprintf(fp, "%*s", (int)indent, "");
		put_cell(fp, st, wst);
		put_cell(fp, item_kind_name(v[i].kind), 10);
		put_cell(fp, v[i].contact->id, wc + 2);
		put_cell(fp, v[i].what, ww);
		fputs("  ", fp);
		snprintf(src, sizeof(src), "%s:%ld", v[i].file, v[i].line);
		if (width && display_width(src) > ws)
			put_cell(fp, src, ws);
		else
			safe_puts(fp, src);
		putc('\n', fp);
	}
}

/* The items as CSV with a header: rel-overdue(1), OUTPUT. */
void
overdue_write_csv(FILE *fp, const struct item *v, size_t n)
{
	char day[DATE_MAX], num[24];
	const char *kind;
	size_t i;

	fputs("kind,status,days_late,due,contact,owner,ref,what,file,line\n",
	    fp);
	for (i = 0; i < n; i++) {
		kind = item_kind_name(v[i].kind);
		csv_field(fp, kind, strlen(kind), 1);
		csv_field(fp, v[i].upcoming ? "upcoming" : "overdue",
		    v[i].upcoming ? 8 : 7, 0);
		snprintf(num, sizeof(num), "%d", v[i].late);
		csv_field(fp, num, strlen(num), 0);
		date_format(v[i].due, day);
		csv_field(fp, day, strlen(day), 0);
		csv_field(fp, v[i].contact->id, strlen(v[i].contact->id), 0);
		csv_field(fp, v[i].owner ? v[i].owner : "",
		    v[i].owner ? strlen(v[i].owner) : 0, 0);
		csv_field(fp, v[i].ref ? v[i].ref->id : "",
		    v[i].ref ? strlen(v[i].ref->id) : 0, 0);
		csv_field(fp, v[i].what, strlen(v[i].what), 0);
		csv_field(fp, v[i].file, strlen(v[i].file), 0);
		snprintf(num, sizeof(num), "%ld", v[i].line);
		csv_field(fp, num, strlen(num), 0);
		csv_end(fp);
	}
}
