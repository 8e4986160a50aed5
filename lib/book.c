/* book.c: what the records so far say about contacts, refs and options,
 * and the checks that need it: a ref opened twice or never, a promise kept
 * twice, a contact declared twice.  Both readers hand their entries here,
 * so a journal and its events CSV are checked alike. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "book.h"
#include "contact.h"
#include "intern.h"
#include "util.h"
#include "words.h"

#define DEFAULT_OPTIONS { \
	.default_cadence = { { 30, 'd' }, { 30, 'd' }, 0 }, \
	.feedback_every = { 90, 'd' }, \
	.default_sla = { 2, 'd' }, \
	.currency = NULL, \
}
struct options rel_options = DEFAULT_OPTIONS;

static struct arena keep;		/* lives for the run */
static struct contact **contacts;
static size_t ncontacts, contactcap;
static int rooms;			/* contacts have room (read_opts) */
static struct ref *open_head, *open_tail;	/* the open refs, in order */
static struct ref *free_refs;		/* retired, for the next to open */

static void remember_tier(const struct entry *);

/* option keys KEY[,KEY...], option yearly KEY[,KEY...]: each a key as
 * the format spells one. */
static int
keys_check(const struct src *src, size_t val_off, const char *option,
    const char *val)
{
	const char *p = val, *comma;
	size_t n;

	for (;;) {
		comma = strchr(p, ',');
		n = comma ? (size_t)(comma - p) : strlen(p);
		if (!is_key_name(p, n)) {
			diag_at(DIAG_ERROR, src, val_off + (size_t)(p - val),
			    "option %s: '%.*s' is not a key: a key is a lower-case "
			    "letter, then lower-case letters, digits and '-'; list "
			    "several with commas, as in: option %s %s", option,
			    (int)n, p, option, strcmp(option, "keys") == 0 ?
			    "region,budget-code" : "name-day,founded");
			return -1;
		}
		if (comma == NULL)
			return 0;
		p = comma + 1;
	}
}

static void
unknown_option(const struct src *src, size_t off, const char *name)
{
	size_t n;
	const char *const *names = journal_option_names(&n);
	const char *near = closest_word(name, strlen(name), names, n);
	struct buf list = { 0 };

	if (near) {
		diag_at(DIAG_ERROR, src, off, "unknown option '%s'; did you mean "
		    "'%s'?", name, near);
		return;
	}
	words_join(&list, names, n, "and");
	diag_at(DIAG_ERROR, src, off, "unknown option '%s': the options are %s",
	    name, list.s);
	buf_free(&list);
}

/* option tier NAME:CADENCE */
static int
tier_check(const struct src *src, size_t val_off, const char *val)
{
	const char *colon = strchr(val, ':'), *why;
	struct cadence c;

	if (colon == NULL || colon == val || !is_key_name(val,
	    (size_t)(colon - val))) {
		diag_at(DIAG_ERROR, src, val_off, "option tier %s: write a tier's "
		    "name, a colon and its cadence, as in: option tier gold:14d..30d",
		    val);
		return -1;
	}
	if (cadence_parse(colon + 1, strlen(colon + 1), &c, &why) == 0)
		return 0;
	diag_at(DIAG_ERROR, src, val_off + (size_t)(colon + 1 - val), "option "
	    "tier %s: %s", val, why);
	return -1;
}

/* option NAME VALUE: the name at name_off, the value at val_off.  -1 if
 * either is wrong. */
int
option_check(const struct src *src, size_t name_off, size_t val_off,
    const char *name, const char *val)
{
	const char *why;
	struct cadence cad;
	struct period p;
	char msg[200];
	int o;

	if ((o = journal_option_from_word(name, strlen(name))) == -1) {
		unknown_option(src, name_off, name);
		return -1;
	}
	switch (o) {
	case JO_KEYS:
	case JO_YEARLY:
		return keys_check(src, val_off, name, val);
	case JO_TIER:
		return tier_check(src, val_off, val);
	case JO_DEFAULT_CADENCE:
		if (cadence_parse(val, strlen(val), &cad, &why) == 0)
			return 0;
		diag_at(DIAG_ERROR, src, val_off, "option %s %s: %s", name, val,
		    why);
		return -1;
	case JO_CURRENCY:
		if (key_value_check(key_lookup("currency", 8), "currency", val, msg,
		    sizeof(msg)) == NULL)
			return 0;
		diag_at(DIAG_ERROR, src, val_off, "option currency %s: write a "
		    "currency as three capital letters, such as EUR", val);
		return -1;
	default:	/* a period */
		if (period_parse(val, strlen(val), &p, &why) == 0)
			return 0;
		diag_at(DIAG_ERROR, src, val_off, "option %s %s: %s", name, val,
		    why);
		return -1;
	}
}

/* Checks one attribute where it was read: its value, and (--strict) a key
 * that neither the format (info, its entry in the key table) nor the
 * journal knows.  -1 if it is in error. */
int
book_check_attr(const struct src *src, size_t off, enum kind kind,
    const char *key, const char *val, const struct keyinfo *info,
    const struct read_opts *opts)
{
	char why[300];
	const char *near;

	if (kind == K_OPTION)
		return option_check(src, off, off, key, val);
	if (kind != K_PROMISE && key_makes_series(info)) {
		diag_at(DIAG_ERROR, src, off, "every: makes a promise repeat; %s "
		    "%s does not: drop it, or make the entry a promise", a_or_an(
		    kind_name(kind)), kind_name(kind));
		return -1;
	}
	if (key_value_check(info, key, val, why, sizeof(why))) {
		diag_at(DIAG_ERROR, src, off, "%s", why);
		return -1;
	}
	if (opts->strict && info == NULL && !key_is_declared(key, strlen(key))) {
		near = key_closest(key, strlen(key));
		if (near)
			diag_at(DIAG_WARNING, src, off, "unknown attribute '%s' "
			    "(kept); did you mean '%s'?", key, near);
		else
			diag_at(DIAG_WARNING, src, off, "unknown attribute '%s' "
			    "(kept; no tool reads it; declare it with: option keys "
			    "%s)", key, key);
	}
	return 0;
}

/* option tier NAME:CADENCE: a later line for the same tier wins. */
static void
add_tier(const char *val)
{
	const char *colon = strchr(val, ':'), *name, *why;
	struct cadence c;
	size_t i;

	if (cadence_parse(colon + 1, strlen(colon + 1), &c, &why) == -1)
		return;
	name = intern(val, (size_t)(colon - val));
	for (i = 0; i < rel_options.ntiers; i++)
		if (rel_options.tiers[i].name == name) {
			rel_options.tiers[i].cadence = c;
			return;
		}
	if (rel_options.ntiers == rel_options.tiercap) {
		rel_options.tiercap = rel_options.tiercap ? 2 *
		    rel_options.tiercap : 4;
		rel_options.tiers = xreallocarray(rel_options.tiers,
		    rel_options.tiercap, sizeof(*rel_options.tiers));
	}
	rel_options.tiers[rel_options.ntiers].name = name;
	rel_options.tiers[rel_options.ntiers++].cadence = c;
}

/* An option line, checked already, in effect from here on. */
static void
apply_option(const struct record *r)
{
	const char *why, *name = r->attrs[0].key, *val = r->attrs[0].val;
	struct period p;
	int o;

	if ((o = journal_option_from_word(name, strlen(name))) == -1)
		return;
	switch (o) {
	case JO_CURRENCY:
		rel_options.currency = intern(val, strlen(val));
		return;
	case JO_KEYS:
		keys_declare_list(val, strlen(val));
		return;
	case JO_YEARLY:
		yearly_declare_list(val, strlen(val));
		return;
	case JO_TIER:
		add_tier(val);
		return;
	case JO_DEFAULT_CADENCE:
		cadence_parse(val, strlen(val), &rel_options.default_cadence,
		    &why);
		return;
	default:
		break;
	}
	if (period_parse(val, strlen(val), &p, &why) == -1)
		return;
	if (o == JO_FEEDBACK_EVERY)
		rel_options.feedback_every = p;
	else
		rel_options.default_sla = p;
}

static struct record *
record_copy(const struct record *r)
{
	struct record *c = (struct record *)arena_alloc(&keep, sizeof(*c));
	struct attr *a;
	const char **t;
	size_t i;

	*c = *r;
	c->title = arena_strndup(&keep, r->title, strlen(r->title));
	c->notes = arena_strndup(&keep, r->notes, strlen(r->notes));
	a = (struct attr *)arena_alloc(&keep, r->nattrs * sizeof(*a));
	for (i = 0; i < r->nattrs; i++) {
		a[i] = r->attrs[i];
		a[i].key = arena_strndup(&keep, a[i].key, a[i].keylen);
		a[i].val = arena_strndup(&keep, a[i].val, a[i].vallen);
	}
	c->attrs = a;
	t = (const char **)arena_alloc(&keep, r->ntags * sizeof(*t));
	for (i = 0; i < r->ntags; i++)
		t[i] = arena_strndup(&keep, r->tags[i], strlen(r->tags[i]));
	c->tags = t;
	return c;
}

/* The status a status: value (checked already) sets; without one, the
 * contact's status is its org's (contact_status()). */
static void
set_status(struct contact *c, const char *w)
{
	int st = w ? status_from_word(w, strlen(w)) : -1;

	if (st < 0)
		return;
	c->status = (unsigned char)st;
	c->status_set = 1;
}

static struct contact *
contact_of(const char *id, const struct entry *e, const struct read_opts *opts)
{
	struct sym *sym = sym_of(id);
	struct contact *c = sym->contact;

	if (c)
		return c;
	/* a cache line for the contact, and the first of its room (the
	 * part of a tally that most records touch) on the next */
	c = (struct contact *)arena_alloc_aligned(&keep, sizeof(*c) +
	    opts->contact_room, 64);
	memset(c, 0, sizeof(*c) + opts->contact_room);
	rooms = opts->contact_room > 0;
	c->id = sym->name;
	c->index = (uint32_t)ncontacts;
	c->first_file = e->rec.file;
	c->first_line = e->rec.line;
	sym->contact = c;
	if (ncontacts == contactcap) {
		contactcap = contactcap ? contactcap * 2 : 64;
		contacts = xreallocarray(contacts, contactcap, sizeof(*contacts));
	}
	contacts[ncontacts++] = c;
	return c;
}

static void
declare_contact(const struct entry *e, const struct read_opts *opts, int *bad)
{
	struct contact *c = contact_of(e->contacts[0], e, opts);

	if (c->file) {
		diag_at(DIAG_ERROR, &e->head, e->subject_off, "contact %s is "
		    "already declared at %s:%ld; merge the two blocks", c->id,
		    c->file, c->line);
		*bad = 1;
		return;
	}
	c->file = e->rec.file;
	c->line = e->rec.line;
	remember_tier(e);
	if (opts->keep_contact_blocks) {
		c->decl = record_copy(&e->rec);
		c->decl->contact = c->id;
	}
	set_status(c, record_get(&e->rec, "status"));
}

/* The day a date attribute names, or dflt if it has none (or a bad one,
 * which has been reported already). */
static int
day_of(const char *val, int dflt)
{
	const char *why;
	int day;

	if (val && date_parse(val, strlen(val), &day, &why) == 0)
		return day;
	return dflt;
}

/* The title, cut at a character boundary if it is longer than the room
 * (where it is shown, it is cut shorter still). */
static void
copy_title(char out[REF_TITLE_MAX], const char *title)
{
	size_t n = strlen(title);

	if (n >= REF_TITLE_MAX) {
		n = REF_TITLE_MAX - 1;
		while (n > 0 && ((unsigned char)title[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out, title, n);
	out[n] = '\0';
}

static void
ref_dates_open(struct ref *ref, const struct record *r)
{
	const char *by = record_get(r, "by"), *sla = record_get(r, "sla"), *why;
	const char *every = record_get(r, "every");
	struct period p;

	ref->opened_day = r->date;
	ref->due_day = day_of(record_get(r, "due"), NO_DATE);
	ref->closed_day = NO_DATE;
	ref->told_day = NO_DATE;
	ref->learned_day = day_of(record_get(r, "learned"), r->date);
	ref->by_them = by && strcmp(by, "them") == 0;
	ref->has_sla = sla && period_parse(sla, strlen(sla), &ref->sla,
	    &why) == 0;
	ref->snooze_until = ref->snooze_day = NO_DATE;
	if (every && ref->kind == K_PROMISE && ref->due_day != NO_DATE &&
	    period_parse(every, strlen(every), &p, &why) == 0 && p.n > 0)
		ref->series = series_new(p, ref->due_day);
	copy_title(ref->title, r->title);
}

static struct ref *
ref_new(void)
{
	struct ref *r = free_refs;

	if (r)
		free_refs = r->next;
	else
		r = xmalloc(sizeof(*r));
	memset(r, 0, sizeof(*r));
	r->prev = open_tail;
	if (open_tail)
		open_tail->next = r;
	else
		open_head = r;
	open_tail = r;
	return r;
}

/* Done with: the hook sees it, the book keeps a struct retired, and the
 * memory goes to the next ref opened. */
static void
ref_retire(struct ref *r, const struct read_opts *opts)
{
	struct sym *sym = sym_of(r->id);
	struct retired *t;

	if (opts->ref_done)
		opts->ref_done(r, opts->ctx);
	series_free(r->series);
	r->series = NULL;
	t = (struct retired *)arena_alloc(&keep, sizeof(*t));
	t->kind = r->kind;
	t->closed = r->closed;
	t->file = r->file;
	t->line = r->line;
	t->closed_file = r->closed_file;
	t->closed_line = r->closed_line;
	t->told_file = r->told_file;
	t->told_line = r->told_line;
	sym->retired = t;
	sym->ref = NULL;
	if (r->prev)
		r->prev->next = r->next;
	else
		open_head = r->next;
	if (r->next)
		r->next->prev = r->prev;
	else
		open_tail = r->prev;
	r->next = free_refs;
	free_refs = r;
}

/* A ref is done with once closed (an issue: resolved and told), by today
 * for the tools that measure as of a day. */
static int
ref_is_done(const struct ref *r, const struct read_opts *opts)
{
	return ref_done_by(r, opts->ref_done ? opts->today : REF_EVER);
}

/* The entry has the attribute that n names: id: is its ref, and no key
 * stands for any of the rating letters. */
static int
has_need(const struct entry *e, const struct need *n)
{
	char letter[2] = { 0, 0 };
	int d;

	if (n->key && strcmp(n->key, "id") == 0)
		return e->rec.ref != NULL;
	if (n->key)
		return record_get(&e->rec, n->key) != NULL;
	for (d = 0; d < NDIMS; d++) {
		letter[0] = dim_letter((enum dim)d);
		if (record_get(&e->rec, letter))
			return 1;
	}
	return 0;
}

/* The error for an attribute the entry lacks, with an example value.
 * Where the entry has the key with a blank after its colon, which makes
 * it title text, the error is at that word and says so. */
static void
missing_attr(const struct entry *e, const struct need *n)
{
	const struct loose_key *k = NULL;
	const char *key = n->key ? n->key : "I", *example = n->example;
	size_t i;

	for (i = 0; i < e->nloose && k == NULL; i++)
		if (n->key ? strlen(n->key) == e->loose[i].keylen &&
		    memcmp(n->key, e->loose[i].key, e->loose[i].keylen) == 0 :
		    e->loose[i].keylen == 1)
			k = &e->loose[i];
	if (k == NULL) {
		diag_at(DIAG_ERROR, &e->head, e->head.len, "%s needs %s, as in: "
		    "%s:%s", kind_name(e->rec.kind), n->what, key, example);
		return;
	}
	diag_at(DIAG_ERROR, &e->head, k->off, "%s needs %s: '%.*s:' has a "
	    "blank after its colon, which makes it title text; write %.*s:%.*s "
	    "without the blank", kind_name(e->rec.kind), n->what,
	    (int)k->keylen, k->key, (int)k->keylen, k->key,
	    (int)(k->next ? k->nextlen : strlen(example)),
	    k->next ? k->next : example);
}

/* What the entry's kind needs (vocab.c): the first it lacks is an error,
 * unless the entry is in error already (one error is enough for one
 * mistake).  -1 if it lacks one. */
static int
check_needs(const struct entry *e, int *bad)
{
	size_t n, i;
	const struct need *needs = kind_needs(e->rec.kind, &n);

	for (i = 0; i < n; i++)
		if (!has_need(e, &needs[i])) {
			if (!e->bad)
				missing_attr(e, &needs[i]);
			*bad = 1;
			return -1;
		}
	return 0;
}

/* Where an attribute of the entry was written, for an error about it:
 * on the entry's first line, or on an indented line of its own. */
static struct src
attr_src(const struct entry *e, const char *key, size_t *off)
{
	struct src at = e->head;
	size_t i;

	*off = e->head.len;
	for (i = 0; i < e->rec.nattrs; i++) {
		if (strcmp(e->rec.attrs[i].key, key) != 0)
			continue;
		*off = e->rec.attrs[i].off;
		if (e->rec.attrs[i].line != at.line) {
			at.text = NULL;
			at.line = e->rec.attrs[i].line;
		}
		break;
	}
	return at;
}

/* rel-journal(5), "Dates in order": an issue cannot be learned of after
 * the day it is recorded. */
static void
check_open_dates(const struct entry *e, const struct ref *ref, int *bad)
{
	char day[DATE_MAX], other[DATE_MAX];
	struct src at;
	size_t off;

	if (e->rec.date == NO_DATE)
		return;
	date_format(e->rec.date, day);
	if (ref->kind == K_ISSUE && ref->learned_day > e->rec.date) {
		at = attr_src(e, "learned", &off);
		date_format(ref->learned_day, other);
		diag_at(DIAG_ERROR, &at, off, "learned:%s is after the issue's own "
		    "date, %s: date the entry the day it was learned of, or "
		    "correct learned:", other, day);
		*bad = 1;
	}
}

/* A follow-up's dates against its ref's: no follow-up before the entry
 * that opened the ref (and so no told before learned:, which is on or
 * before it), no moved to a due date before the promise.  So no lag or
 * response time can be negative. */
static int
followup_dates_ok(const struct entry *e, const struct ref *ref)
{
	const struct record *r = &e->rec;
	char day[DATE_MAX], other[DATE_MAX];
	struct src at;
	size_t off;
	int due;

	if (r->date == NO_DATE)
		return 1;
	date_format(r->date, day);
	if (r->date < ref->opened_day) {
		date_format(ref->opened_day, other);
		diag_at(DIAG_ERROR, &e->head, e->subject_off, "%s %s is dated %s, "
		    "before the %s it follows (%s, at %s:%ld): correct one of "
		    "the two dates", kind_name(r->kind), r->ref, day,
		    kind_name(ref->kind), other, ref->file, ref->line);
		return 0;
	}
	if (r->kind == K_MOVED && (due = day_of(record_get(r, "due"),
	    NO_DATE)) != NO_DATE && due < ref->opened_day) {
		at = attr_src(e, "due", &off);
		date_format(due, day);
		date_format(ref->opened_day, other);
		diag_at(DIAG_ERROR, &at, off, "due:%s is before the promise %s was "
		    "made (%s, at %s:%ld): a promise cannot fall due before it "
		    "is made", day, r->ref, other, ref->file, ref->line);
		return 0;
	}
	return 1;
}

static void
open_ref(const struct entry *e, int *bad)
{
	const struct record *r = &e->rec;
	struct sym *sym;
	struct ref *ref;
	size_t i;

	if (check_needs(e, bad) == -1 && r->ref == NULL)
		return;		/* there is nothing to open */
	sym = sym_of(r->ref);
	if (sym->ref || sym->retired) {
		diag_at(DIAG_ERROR, &e->head, e->ref_off, "id %s is already used "
		    "by the %s at %s:%ld; ids must be unique", r->ref,
		    kind_name(sym->ref ? sym->ref->kind : sym->retired->kind),
		    sym->ref ? sym->ref->file : sym->retired->file,
		    sym->ref ? sym->ref->line : sym->retired->line);
		*bad = 1;
		return;
	}
	ref = ref_new();
	ref->id = sym->name;
	ref->kind = r->kind;
	ref->file = r->file;
	ref->line = r->line;
	ref_dates_open(ref, r);
	check_open_dates(e, ref, bad);
	/* most refs have one or two contacts: no allocation for those */
	ref->contacts = e->ncontacts <= 2 ? ref->contacts_inline :
	    (const char **)arena_alloc(&keep, e->ncontacts *
	    sizeof(*ref->contacts));
	for (i = 0; i < e->ncontacts; i++)
		ref->contacts[i] = e->contacts[i];
	ref->ncontacts = e->ncontacts;
	sym->ref = ref;
}

static const char *
closest_ref(const char *id)
{
	const char **ids = NULL, *near;
	const struct ref *r;
	size_t n = 0, cap = 0;

	for (r = open_head; r; r = r->next) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			ids = xreallocarray(ids, cap, sizeof(*ids));
		}
		ids[n++] = r->id;
	}
	near = closest_word(id, strlen(id), ids, n);
	free(ids);
	return near;
}

/* "kept x is the issue at FILE:LINE; kept follows a promise, and an issue
 * is followed up with told or resolved" */
static void
wrong_followup(const struct entry *e, const struct ref *ref)
{
	enum kind k = e->rec.kind, opener = kind_opener_of(k);
	struct buf closers = { 0 };

	kind_followups(&closers, ref->kind);
	diag_at(DIAG_ERROR, &e->head, e->subject_off, "%s is the %s at %s:%ld; "
	    "%s follows %s %s, and %s %s is followed up with %s", e->rec.ref,
	    kind_name(ref->kind), ref->file, ref->line, kind_name(k),
	    a_or_an(kind_name(opener)), kind_name(opener),
	    a_or_an(kind_name(ref->kind)), kind_name(ref->kind), closers.s);
	buf_free(&closers);
}

/* A ref that is done with, as the checks of follow_ref() see it: every
 * follow-up of it is one of their errors, and what they name is all a
 * retired ref keeps. */
static struct ref *
as_ref(const struct sym *sym)
{
	static struct ref was;

	memset(&was, 0, sizeof(was));
	was.id = sym->name;
	was.kind = sym->retired->kind;
	was.closed = sym->retired->closed;
	was.file = sym->retired->file;
	was.line = sym->retired->line;
	was.closed_file = sym->retired->closed_file;
	was.closed_line = sym->retired->closed_line;
	was.told_file = sym->retired->told_file;
	was.told_line = sym->retired->told_line;
	return &was;
}

/* "the occurrences of q fall due 2026-11-06, 2026-11-13, ..." */
static void
series_example(const struct series *s, char *out, size_t n)
{
	char a[DATE_MAX], b[DATE_MAX], per[16];

	date_format(series_due(s, s->next), a);
	date_format(series_due(s, s->next + 1), b);
	period_format(s->every, per);
	snprintf(out, n, "%s, %s, ... (every %s)", a, b, per);
}

/* kept or broken of a recurring promise: the occurrence it settles, the
 * oldest still open unless due: names one, and only once it is open
 * (series_opens()).  -1 after an error. */
static int
occurrence_of(const struct entry *e, const struct ref *ref)
{
	const struct record *r = &e->rec;
	const struct series *s = ref->series;
	char day[DATE_MAX], when[DATE_MAX], next[80];
	struct src at;
	size_t off;
	int k, due = day_of(record_get(r, "due"), NO_DATE);

	k = due != NO_DATE ? series_with_due(s, due) : s->next;
	series_example(s, next, sizeof(next));
	if (k == -1) {
		at = attr_src(e, "due", &off);
		date_format(due, day);
		diag_at(DIAG_ERROR, &at, off, "no occurrence of %s left open falls "
		    "due on %s: the next fall due %s", r->ref, day, next);
		return -1;
	}
	if (r->date != NO_DATE && r->date < series_opens(s, k)) {
		date_format(r->date, day);
		date_format(series_due(s, k), when);
		diag_at(DIAG_ERROR, &e->head, e->subject_off, "no occurrence of %s "
		    "is open on %s: the next falls due on %s (%s); %s it on or "
		    "after the day a period before, or name the occurrence with "
		    "due:", r->ref, day, when, next, kind_name(r->kind));
		return -1;
	}
	return k;
}

/* A follow-up of a recurring promise (rel-journal(5), "Recurring
 * promises"), or one that only such a promise takes. */
static void
follow_series(const struct entry *e, struct ref *ref, int *bad)
{
	const struct record *r = &e->rec;
	struct series *s = ref->series;
	int k;

	if (s == NULL) {
		diag_at(DIAG_ERROR, &e->head, e->subject_off, r->kind == K_ENDED ?
		    "ended ends a recurring promise (one with every:); %s is not "
		    "one: keep or break it" : "due: on %s names an occurrence of a "
		    "recurring promise (one with every:); %s is not one",
		    r->kind == K_ENDED ? r->ref : kind_name(r->kind), r->ref);
		*bad = 1;
		return;
	}
	switch (r->kind) {
	case K_ENDED:
		s->end_day = r->date;
		ref->closed = K_ENDED;
		ref->closed_file = r->file;
		ref->closed_line = r->line;
		ref->closed_day = r->date;
		return;
	case K_MOVED:
		series_move(s, s->next, day_of(record_get(r, "due"),
		    series_due(s, s->next)));
		return;
	default:
		if ((k = occurrence_of(e, ref)) == -1) {
			*bad = 1;
			return;
		}
		series_settle(s, k, r->date, r->kind);
	}
}

/* Checks a follow-up against its ref and records what it does to it. */
static struct ref *
follow_ref(const struct entry *e, int *bad)
{
	const struct record *r = &e->rec;
	struct sym *sym = sym_of(r->ref);
	struct ref *ref = sym->ref;
	const struct src *at = &e->head;
	size_t off = e->subject_off;
	const char *near;

	if (ref == NULL && sym->retired)
		ref = as_ref(sym);
	if (ref == NULL) {
		near = closest_ref(r->ref);
		if (near)
			diag_at(DIAG_ERROR, at, off, "no promise, issue or request "
			    "has id %s; did you mean %s?", r->ref, near);
		else
			diag_at(DIAG_ERROR, at, off, "no promise, issue or request "
			    "has id %s (a ref must be opened, with id:, before it "
			    "is followed up)", r->ref);
		*bad = 1;
		return NULL;
	}
	if (ref->kind != kind_opener_of(r->kind)) {
		wrong_followup(e, ref);
		*bad = 1;
		return NULL;
	}
	if (r->kind == K_TOLD && ref->told_file) {
		diag_at(DIAG_ERROR, at, off, "issue %s was already told at %s:%ld",
		    r->ref, ref->told_file, ref->told_line);
		*bad = 1;
		return ref;
	}
	if (r->kind != K_TOLD && ref->closed != K_NONE) {
		diag_at(DIAG_ERROR, at, off, "%s %s was already %s at %s:%ld",
		    kind_name(ref->kind), r->ref, kind_name(ref->closed),
		    ref->closed_file, ref->closed_line);
		*bad = 1;
		return ref;
	}
	if (check_needs(e, bad) == -1)
		return ref;
	if (sym->ref == NULL)	/* cannot happen: a retired ref is closed */
		return NULL;
	if (!followup_dates_ok(e, ref)) {
		*bad = 1;
		return ref;
	}
	if (ref->series || r->kind == K_ENDED || ((r->kind == K_KEPT ||
	    r->kind == K_BROKEN) && record_get(r, "due"))) {
		follow_series(e, ref, bad);
		return ref;
	}
	if (r->kind == K_TOLD) {
		ref->told_file = r->file;
		ref->told_line = r->line;
		ref->told_day = r->date;
	} else if (r->kind == K_MOVED)
		ref->due_day = day_of(record_get(r, "due"), ref->due_day);
	else {
		ref->closed = r->kind;
		ref->closed_file = r->file;
		ref->closed_line = r->line;
		ref->closed_day = r->date;
	}
	return ref;
}

/* A hint, given as soon as a reader has an entry's contact: the tools
 * that measure read the contact's room (its tally) when the entry is
 * delivered, a few hundred instructions later.  In a long journal it is
 * seldom in the cache; this way its line is on the way meanwhile. */
void
book_prefetch_contact(const char *id)
{
#ifdef __GNUC__
	const struct contact *c = sym_of(id)->contact;

	if (c && rooms)
		__builtin_prefetch(c->room);
#else
	(void)id;
#endif
}

/* --strict: a to: that names no contact, checked once the whole journal
 * is read (the contact may come later); the line is kept for the message. */
static struct named_to {
	const char *id;
	struct src at;
	size_t off;
} *tos;
static size_t ntos, tocap;

static void
remember_to(const struct entry *e)
{
	struct named_to *t;
	struct src at;
	size_t off;
	const char *to = record_get(&e->rec, "to");

	if (to == NULL || !id_is_valid(to, strlen(to)))
		return;
	if (ntos == tocap) {
		tocap = tocap ? tocap * 2 : 16;
		tos = xreallocarray(tos, tocap, sizeof(*tos));
	}
	at = attr_src(e, "to", &off);
	t = &tos[ntos++];
	t->id = intern(to, strlen(to));
	t->off = off;
	t->at = at;
	if (at.text)
		t->at.text = arena_strndup(&keep, at.text, at.len);
}

/* The warnings of --strict that one entry can tell. */
static void
strict_entry(const struct entry *e, const struct read_opts *opts)
{
	char day[DATE_MAX];

	if (e->rec.date != NO_DATE && e->rec.date > opts->today) {
		date_format(opts->today, day);
		diag_at(DIAG_WARNING, &e->head, 0, "dated after today (%s): the "
		    "tools count it from its day on; is the date right?", day);
	}
	if (record_get(&e->rec, "to"))
		remember_to(e);
}

static void
check_entry(const struct entry *e, const struct read_opts *opts, int *bad)
{
	const struct record *r = &e->rec;
	size_t i;

	if (opts->strict)
		strict_entry(e, opts);
	for (i = 0; i < e->ncontacts; i++)
		contact_of(e->contacts[i], e, opts);
	if (!kind_opens_ref(r->kind) && !kind_is_followup(r->kind))
		check_needs(e, bad);
	if (kind_takes_state(r->kind) && record_get(r, "status") == NULL &&
	    !e->bad) {
		diag_at(DIAG_ERROR, &e->head, e->subject_off, "%s needs a state: "
		    "%s", kind_name(r->kind), status_list());
		*bad = 1;
	}
	if (r->kind == K_STATUS && record_get(r, "status"))
		for (i = 0; i < e->ncontacts; i++)
			set_status(contact_of(e->contacts[i], e, opts),
			    record_get(r, "status"));
}

static void
deliver(const struct record *r, const char *const *ids, size_t n,
    const struct read_opts *opts)
{
	struct record one = *r;
	size_t i;

	if (opts->fn == NULL || (diag_errors() && !opts->keep_going))
		return;
	if (n == 0) {
		opts->fn(&one, opts->ctx);
		return;
	}
	one.contacts = ids;
	one.ncontacts = n;
	for (i = 0; i < n; i++) {
		one.contact = ids[i];
		opts->fn(&one, opts->ctx);
	}
}

/* What an entry can be told of without the rest of the journal: what its
 * kind needs, a status's state.  An option still takes effect (option
 * keys declares the keys of the lines below it). */
static void
syntax_entry(const struct entry *e, const struct read_opts *opts)
{
	int bad = e->bad;

	if (e->rec.kind == K_OPTION && !bad)
		apply_option(&e->rec);
	else if (e->rec.kind != K_CONTACT && e->rec.kind != K_OPTION) {
		check_needs(e, &bad);
		if (kind_takes_state(e->rec.kind) &&
		    record_get(&e->rec, "status") == NULL && !bad)
			diag_at(DIAG_ERROR, &e->head, e->subject_off, "%s needs a "
			    "state: %s", kind_name(e->rec.kind), status_list());
	}
	(void)opts;
}

/* snooze SUBJECT until:DATE: an until: not after the entry's own day
 * snoozes nothing, which is said. */
static void
check_until(const struct entry *e)
{
	char day[DATE_MAX], until[DATE_MAX];
	int u = day_of(record_get(&e->rec, "until"), NO_DATE);
	struct src at;
	size_t off;

	if (u == NO_DATE || e->rec.date == NO_DATE || u > e->rec.date)
		return;
	at = attr_src(e, "until", &off);
	date_format(u, until);
	date_format(e->rec.date, day);
	diag_at(DIAG_WARNING, &at, off, "until:%s is not after the snooze's own "
	    "day, %s: it snoozes nothing", until, day);
}

/* snooze REF until:DATE: the ref's items wait until DATE (rel-overdue(1)).
 * 1 if the subject is a ref, 0 if it is contacts. */
static int
snooze_ref(const struct entry *e, int *bad)
{
	struct sym *sym;
	struct ref *ref;

	if (e->ncontacts != 1 || (sym = sym_find(e->contacts[0],
	    strlen(e->contacts[0]))) == NULL || (!sym->ref && !sym->retired))
		return 0;
	if (sym->contact) {
		diag_at(DIAG_ERROR, &e->head, e->subject_off, "%s is both a contact "
		    "and the id of the %s at %s:%ld: give the ref another id to "
		    "snooze one of them", sym->name, kind_name(sym->ref ?
		    sym->ref->kind : sym->retired->kind), sym->ref ? sym->ref->file :
		    sym->retired->file, sym->ref ? sym->ref->line :
		    sym->retired->line);
		*bad = 1;
		return 1;
	}
	if ((ref = sym->ref) == NULL) {
		diag_at(DIAG_WARNING, &e->head, e->subject_off, "%s is done with "
		    "(%s at %s:%ld): there is nothing to snooze", sym->name,
		    kind_name(sym->retired->closed), sym->retired->closed_file,
		    sym->retired->closed_line);
		return 1;
	}
	if (check_needs(e, bad) == -1)
		return 1;
	if (e->rec.date != NO_DATE && (ref->snooze_day == NO_DATE ||
	    e->rec.date >= ref->snooze_day)) {
		ref->snooze_day = e->rec.date;
		ref->snooze_until = day_of(record_get(&e->rec, "until"), NO_DATE);
	}
	return 1;
}

void
book_entry(const struct entry *e, const struct read_opts *opts)
{
	const struct record *r = &e->rec;
	struct ref *ref = NULL;
	int bad = e->bad;

	if (r->kind == K_NONE || (e->ncontacts == 0 && r->kind != K_OPTION &&
	    !kind_is_followup(r->kind)))
		return;		/* the reader has said what is wrong */
	if (opts->syntax_only) {
		syntax_entry(e, opts);
		return;
	}
	switch (r->kind) {
	case K_OPTION:
		if (!bad)
			apply_option(r);
		break;
	case K_CONTACT:
		declare_contact(e, opts, &bad);
		break;
	case K_SNOOZE:
		if (!bad)
			check_until(e);
		if (snooze_ref(e, &bad))
			break;
		check_entry(e, opts, &bad);
		break;
	default:
		if (kind_opens_ref(r->kind))
			open_ref(e, &bad);
		else if (kind_is_followup(r->kind) && r->ref)
			ref = follow_ref(e, &bad);
		check_entry(e, opts, &bad);
		break;
	}
	if (bad)
		return;
	if (ref)
		deliver(r, ref->contacts, ref->ncontacts, opts);
	else
		deliver(r, e->contacts, e->ncontacts, opts);
	if (ref && ref_is_done(ref, opts))
		ref_retire(ref, opts);
}

/* Contacts by their ids in lower case, to find ids that differ only by
 * case. */
static int
by_folded_id(const void *a, const void *b)
{
	const struct contact *x = *(struct contact *const *)a;
	const struct contact *y = *(struct contact *const *)b;
	int d = strcasecmp(x->id, y->id);

	return d ? d : x->index < y->index ? -1 : x->index > y->index;
}

static struct src
where_first(const struct contact *c)
{
	struct src at = { c->file ? c->file : c->first_file,
	    c->file ? c->line : c->first_line, NULL, 0 };

	return at;
}

/* --strict: contacts that records name but no contact block declares, and
 * ids that differ from another only by case (ids are case-sensitive, so
 * call Zoe and contact zoe are two contacts). */
static void
strict_contacts(void)
{
	struct contact **v = xreallocarray(NULL, ncontacts, sizeof(*v));
	const struct contact **twin = xcalloc(ncontacts, sizeof(*twin));
	const struct contact *c, *t;
	struct src at;
	size_t i;

	memcpy(v, contacts, ncontacts * sizeof(*v));
	qsort(v, ncontacts, sizeof(*v), by_folded_id);
	for (i = 0; i + 1 < ncontacts; i++)
		if (strcasecmp(v[i]->id, v[i + 1]->id) == 0) {
			twin[v[i + 1]->index] = v[i];
			if (twin[v[i]->index] == NULL)
				twin[v[i]->index] = v[i + 1];
		}
	for (i = 0; i < ncontacts; i++) {	/* in the order they came */
		c = contacts[i];
		t = twin[i];
		at = where_first(c);
		if (c->file == NULL && t)
			diag_at(DIAG_WARNING, &at, 0, "contact %s is used but never "
			    "declared; did you mean %s? (ids are case-sensitive)",
			    c->id, t->id);
		else if (c->file == NULL)
			diag_at(DIAG_WARNING, &at, 0, "contact %s is used but never "
			    "declared; add a block: contact %s \"Name\"", c->id,
			    c->id);
		else if (t && t->file && t->index < c->index)
			diag_at(DIAG_WARNING, &at, 0, "contact %s differs from "
			    "contact %s (%s:%ld) only by case: ids are "
			    "case-sensitive, so these are two contacts", c->id,
			    t->id, t->file, t->line);
	}
	free(twin);
	free(v);
}

/* The tier: of each contact block, checked once the options are known
 * (they hold for the whole input). */
static struct tier_use {
	const char *tier, *contact;	/* interned */
	struct src at;
} *tier_uses;
static size_t ntier_uses, tier_usecap;

static void
remember_tier(const struct entry *e)
{
	const char *tier = record_get(&e->rec, "tier");
	struct tier_use *u;
	size_t off;

	if (tier == NULL)
		return;
	if (ntier_uses == tier_usecap) {
		tier_usecap = tier_usecap ? 2 * tier_usecap : 16;
		tier_uses = xreallocarray(tier_uses, tier_usecap,
		    sizeof(*tier_uses));
	}
	u = &tier_uses[ntier_uses++];
	u->tier = intern(tier, strlen(tier));
	u->contact = e->contacts[0];
	u->at = attr_src(e, "tier", &off);
	u->at.text = NULL;
}

/* A tier: that no option tier gives a cadence: the contact falls back
 * on default-cadence, which is said. */
static void
tiers_check(void)
{
	const struct tier_use *u;
	size_t i, j;

	for (i = 0; i < ntier_uses; i++) {
		u = &tier_uses[i];
		for (j = 0; j < rel_options.ntiers; j++)
			if (rel_options.tiers[j].name == u->tier)
				break;
		if (j == rel_options.ntiers)
			diag_at(DIAG_WARNING, &u->at, 0, "tier %s has no cadence, so "
			    "%s has the default: give one with option tier "
			    "%s:14d..30d", u->tier, u->contact, u->tier);
	}
}

void
book_finish(const struct read_opts *opts)
{
	struct sym *sym;
	size_t i;

	if (!opts->syntax_only)
		tiers_check();
	if (!opts->strict)
		return;
	if (ncontacts)
		strict_contacts();
	for (i = 0; i < ntos; i++) {
		sym = sym_of(tos[i].id);
		if (sym->contact == NULL)
			diag_at(DIAG_WARNING, &tos[i].at, tos[i].off, "to:%s names no "
			    "contact of the journal", tos[i].id);
	}
}

struct contact *const *
book_contacts(size_t *n)
{
	*n = ncontacts;
	return contacts;
}

/* The open refs in the order they were opened; follow ->next. */
struct ref *
book_open_refs(void)
{
	return open_head;
}

void
book_free(void)
{
	struct ref *r, *next;

	for (r = open_head; r; r = next) {
		next = r->next;
		series_free(r->series);
		free(r);
	}
	for (r = free_refs; r; r = next) {
		next = r->next;
		free(r);
	}
	open_head = open_tail = free_refs = NULL;
	free(tos);
	tos = NULL;
	ntos = tocap = 0;
	free(tier_uses);
	tier_uses = NULL;
	ntier_uses = tier_usecap = 0;
	free(contacts);
	contacts = NULL;
	ncontacts = contactcap = 0;
	rooms = 0;
	arena_free(&keep);
	free(rel_options.tiers);
	rel_options = (struct options)DEFAULT_OPTIONS;
}
