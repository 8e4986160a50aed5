/* overdue.c: the items of rel-overdue(1), from the tallies and the refs.
 * Each rule names the paragraph of the manual page it implements. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
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

/* Adds an item if it is late, or upcoming within o->within days. */
static struct item *
add(struct list *l, const struct overdue_opts *o, enum item_kind kind,
    int due, int period_days)
{
	struct item *it;
	int late = o->today - due;

	if (!(o->kinds & (1u << kind)))
		return NULL;
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
	it->period = period_days > 0 ? period_days : 1;
	it->urgency = (double)late / it->period;
	it->seq = l->n++;
	return it;
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

static int
wanted(const struct overdue_opts *o, const struct contact *c)
{
	const char *owner;

	if (contact_status(c) != ST_ACTIVE)
		return 0;
	if (o->owner) {
		owner = contact_owner(c);
		if (owner == NULL || strcmp(owner, o->owner) != 0)
			return 0;
	}
	return 1;
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

static void
contact_items(struct list *l, const struct overdue_opts *o,
    const struct tally *t)
{
	struct period cad = contact_cadence(t->c), every;
	const struct contact *c = t->c;
	int base = baseline(t, t->held_org.day), days;
	struct item *it;
	char p[16];

	if (!wanted(o, c))
		return;
	if (base != NO_DATE && (it = add(l, o, IT_CONTACT,
	    period_add(base, cad, 1), period_days(cad)))) {
		period_format(cad, p);
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
}

/* The contacts of a ref that are active, in the order the entry names
 * them; *n of them, in v (which the caller frees). */
static const struct contact **
ref_contacts(const struct ref *r, size_t *n)
{
	const struct contact **v = xreallocarray(NULL, r->ncontacts,
	    sizeof(*v));
	struct contact *c;
	size_t j;

	*n = 0;
	for (j = 0; j < r->ncontacts; j++)
		if ((c = sym_of(r->contacts[j])->contact) != NULL &&
		    contact_status(c) == ST_ACTIVE)
			v[(*n)++] = c;
	return v;
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
		if ((r->by_them && !o->them) || r->due_day == NO_DATE ||
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

	cs = ref_contacts(r, &n);
	if (n > 0 && (it = ref_item(l, o, r, cs[0])) != NULL) {
		set_who(it, cs, n);
		set_owners(it);
		it->ref = r;
		it->file = r->file;
		it->line = r->line;
		if (o->owner && (it->owners == NULL ||
		    !owner_listed(it->owners, o->owner))) {
			free(it->who);
			free(it->owners);
			l->n--;
		}
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
	size_t nc, i;

	cs = book_contacts(&nc);
	for (i = 0; i < nc; i++)
		contact_items(&l, o, tally_of(cs[i]));
	merge_same_reason(&l);
	for (r = book_open_refs(); r; r = r->next)
		ref_items(&l, o, r);
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

	for (i = 0; i < n; i++) {
		free(v[i].who);
		free(v[i].owners);
	}
	free(v);
}

/* Whether the item names c or a member of c. */
int
item_names(const struct item *it, const struct contact *c)
{
	size_t i;

	for (i = 0; i < it->nwho; i++)
		if (contact_within(it->who[i], c))
			return 1;
	return 0;
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
