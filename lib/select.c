/* select.c: the one selection of rel(7), SELECTION.  Each option is a
 * test, and its --not- form the test's negation; what is selected passes
 * every test given.  A value of a test holds for a record, or for a set
 * of contacts when it holds for one of them; a test passes when one of
 * its values holds (--contact, --org, --owner, --kind), when every one
 * does (--tag, --grep), and its negation when none does.
 *
 * The tools that list records (rel-parse, rel-log) test each record as
 * it is read, by its contact, kind, tags (its own and its contact
 * block's), title and notes, and date; the tools that measure contacts
 * (rel-score, rel-overdue, rel-report) measure every contact on all its
 * records and test the contacts of each row and item.  A run without a
 * selection has none (a NULL struct selection): nothing is tested,
 * nothing wrapped. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "contact.h"
#include "diag.h"
#include "intern.h"
#include "reader.h"
#include "select.h"
#include "util.h"

static const struct testinfo {
	const char *option, *negation;
	int every;		/* repeated, every value must hold, else one */
} tests[SEL__COUNT] = {
	[SEL_CONTACT] = { "--contact", "--not-contact", 0 },
	[SEL_ORG] = { "--org", "--not-org", 0 },
	[SEL_OWNER] = { "--owner", "--not-owner", 0 },
	[SEL_TAG] = { "--tag", "--not-tag", 1 },
	[SEL_KIND] = { "--kind", "--not-kind", 0 },
	[SEL_GREP] = { "--grep", "--not-grep", 1 },
};

/* The order a record is tested in: the cheap tests first. */
static const enum select_test record_order[SEL__COUNT] = { SEL_KIND, SEL_TAG,
    SEL_CONTACT, SEL_ORG, SEL_OWNER, SEL_GREP };

/* The values of one test, or of its negation. */
struct test {
	const char **v;		/* ids interned (contact, org), names and
				 * tags as given, patterns as written */
	pcre2_code **re;	/* --grep: each pattern compiled */
	size_t n, cap;
	unsigned kinds;		/* --kind: a bit for each word given */
};

/* Interned names, each once: the tags the records read have. */
struct nameset {
	const char **v;
	size_t n, cap;		/* cap: a power of two, or 0 */
};

struct selection {
	struct test test[SEL__COUNT][2];	/* [test][negated] */
	int since, until;	/* or NO_DATE */
	const char *const *kinds;	/* the words of --kind; NULL: records' */
	pcre2_match_data *md;
	int records;		/* tests records as they are read */
	record_fn *fn;		/* then, the tool's */
	void *ctx;
	struct nameset tags;	/* and the tags of the records read */
};

static struct selection *
selection(struct selection **sel)
{
	if (*sel == NULL) {
		*sel = xcalloc(1, sizeof(**sel));
		(*sel)->since = (*sel)->until = NO_DATE;
	}
	return *sel;
}

static const char *
option_name(enum select_test t, int negated)
{
	return negated ? tests[t].negation : tests[t].option;
}

/* kinds */

/* The kinds a record can have, for --kind: those of the entries, and
 * contact (a contact block); an option line is always selected. */
const char *const *
select_record_kinds(void)
{
	static const char *words[K__COUNT + 1];
	const char *const *entries;
	size_t n, i;

	if (words[0] == NULL) {
		entries = kind_entry_names(&n);
		for (i = 0; i < n; i++)
			words[i] = entries[i];
		words[n] = kind_name(K_CONTACT);
	}
	return words;
}

/* The bit of one word of a --kind list: the kind of record, else the
 * word's place among the tool's words (rel-overdue: the kinds of item). */
static unsigned
kind_bit(const struct selection *s, const char *option, const char *w,
    size_t n)
{
	const char *const *words = s->kinds ? s->kinds : select_record_kinds();
	char word[64];
	size_t i, nwords;

	for (i = 0; words[i]; i++)
		if (strlen(words[i]) == n && memcmp(words[i], w, n) == 0)
			return s->kinds ? 1u << i : 1u << kind_from_word(w, n);
	nwords = i;
	snprintf(word, sizeof(word), "%.*s", (int)n, w);
	if (n == 0)
		cli_usage("%s: a kind is missing from the list", option);
	cli_unknown(option, word, s->kinds ? "not a kind of item" :
	    "not a kind of record", cli_closest(word, words, nwords));
}

static unsigned
kinds_of(const struct selection *s, const char *option, const char *list)
{
	const char *comma;
	unsigned kinds = 0;
	size_t n;

	for (;;) {
		comma = strchr(list, ',');
		n = comma ? (size_t)(comma - list) : strlen(list);
		kinds |= kind_bit(s, option, list, n);
		if (comma == NULL)
			return kinds;
		list = comma + 1;
	}
}

/* --grep */

/* The pattern compiled once, with JIT; a bad one is a usage error that
 * gives PCRE2's message and the column (in characters) it points at. */
static pcre2_code *
compile(const char *option, const char *pattern)
{
	PCRE2_UCHAR msg[256];
	PCRE2_SIZE off;
	pcre2_code *re;
	size_t col = 1, i;
	int err;

	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_MULTILINE, &err, &off, NULL);
	if (re) {
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
		return re;
	}
	pcre2_get_error_message(err, msg, sizeof(msg));
	for (i = 0; i < off && pattern[i]; i++)
		col += ((unsigned char)pattern[i] & 0xc0) != 0x80;
	diag_warn("%s %s: %s, at column %zu", option, pattern, (char *)msg, col);
	exit(2);
}

/* A record's title or one of its note lines matches. */
static int
grep_holds(const struct selection *s, size_t i, const struct test *x,
    const struct record *r)
{
	const char *text[2] = { r->title, r->notes };
	int j, rc;

	for (j = 0; j < 2; j++) {
		if (text[j] == NULL || (j == 1 && text[j][0] == '\0'))
			continue;
		/* the readers have checked that text is UTF-8 */
		rc = pcre2_match(x->re[i], (PCRE2_SPTR)text[j], strlen(text[j]),
		    0, PCRE2_NO_UTF_CHECK, s->md, NULL);
		if (rc >= 0)
			return 1;
		if (rc != PCRE2_ERROR_NOMATCH)
			diag_fatal(2, "%s %s: the pattern gave up on the record of "
			    "%s:%ld (PCRE2 error %d): make it simpler", tests[
			    SEL_GREP].option, x->v[i], r->file, r->line, rc);
	}
	return 0;
}

/* the command line */

static void
test_add(struct test *x, const char *v)
{
	if (x->n == x->cap) {
		x->cap = x->cap ? x->cap * 2 : 4;
		x->v = xreallocarray(x->v, x->cap, sizeof(*x->v));
		x->re = xreallocarray(x->re, x->cap, sizeof(*x->re));
	}
	x->re[x->n] = NULL;
	x->v[x->n++] = v;
}

/* One option of the selection, as the command line gives it: kinds are
 * the words of --kind (NULL: the kinds of record). */
void
select_add(struct selection **sel, enum select_test t, int negated,
    const char *arg, const char *const *kinds)
{
	struct selection *s = selection(sel);
	struct test *x = &s->test[t][negated];
	const char *option = option_name(t, negated);

	s->kinds = kinds;
	switch (t) {
	case SEL_CONTACT:
	case SEL_ORG:
		test_add(x, intern(arg, strlen(arg)));
		break;
	case SEL_TAG:
		if (arg[arg[0] == '+'] == '\0')
			cli_usage("%s: a tag is a word, as in %s vip", option,
			    option);
		test_add(x, arg[0] == '+' ? arg + 1 : arg);	/* as written */
		break;
	case SEL_KIND:
		x->kinds |= kinds_of(s, option, arg);
		test_add(x, arg);
		break;
	case SEL_GREP:
		test_add(x, arg);
		x->re[x->n - 1] = compile(option, arg);
		if (s->md == NULL)
			s->md = pcre2_match_data_create(1, NULL);
		break;
	default:
		test_add(x, arg);
		break;
	}
}

/* --since and --until, where they select (cli.c). */
void
select_dates(struct selection **sel, int since, int until)
{
	if (since == NO_DATE && until == NO_DATE)
		return;
	selection(sel)->since = since;
	selection(sel)->until = until;
}

int
select_has(const struct selection *s, enum select_test t)
{
	return s && (s->test[t][0].n || s->test[t][1].n);
}

/* tests */

static int
has_tag(const char *const *tags, size_t n, const char *tag)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(tags[i], tag) == 0)
			return 1;
	return 0;
}

/* Whether value i of test t holds for the contact c: c is the contact
 * named or in its org (--contact, --org), has the owner (inherited or
 * not), or has the tag in its block. */
static int
contact_holds(enum select_test t, const struct test *x, size_t i,
    const struct contact *c)
{
	const struct contact *named;
	const char *owner;

	switch (t) {
	case SEL_CONTACT:
	case SEL_ORG:
		named = sym_of(x->v[i])->contact;
		return named && contact_within(c, named);
	case SEL_OWNER:
		owner = contact_owner(c);
		return owner && strcmp(owner, x->v[i]) == 0;
	case SEL_TAG:
		return c->decl && has_tag(c->decl->tags, c->decl->ntags, x->v[i]);
	default:
		return 0;
	}
}

/* Whether value i of test t holds for the record r: by its contact (a
 * tag: its own, or its contact's), its kind, its title or note lines. */
static int
record_holds(const struct selection *s, enum select_test t,
    const struct test *x, size_t i, const struct record *r)
{
	const struct contact *c = r->contact ? sym_of(r->contact)->contact :
	    NULL;

	switch (t) {
	case SEL_TAG:
		if (has_tag(r->tags, r->ntags, x->v[i]))
			return 1;
		return c && contact_holds(t, x, i, c);
	case SEL_KIND:
		return (x->kinds >> r->kind) & 1;
	case SEL_GREP:
		return grep_holds(s, i, x, r);
	default:
		return c && contact_holds(t, x, i, c);
	}
}

/* What a test and its negation say, given whether each value holds. */
struct verdict {
	const struct selection *s;
	enum select_test t;
	const struct record *r;		/* or */
	const struct contact *const *cs;	/* and n */
	size_t n;
};

static int
holds(const struct verdict *v, const struct test *x, size_t i)
{
	size_t j;

	if (v->r)
		return record_holds(v->s, v->t, x, i, v->r);
	for (j = 0; j < v->n; j++)
		if (contact_holds(v->t, x, i, v->cs[j]))
			return 1;
	return 0;
}

/* The negation passes when no value holds; the test, when one does, or
 * every one for the tests that say so. */
static int
passes(const struct verdict *v)
{
	const struct test *yes = &v->s->test[v->t][0], *no = &v->s->test[v->t][1];
	int every = tests[v->t].every, h;
	size_t i;

	for (i = 0; i < no->n; i++)
		if (holds(v, no, i))
			return 0;
	if (yes->n == 0)
		return 1;
	for (i = 0; i < yes->n; i++) {
		h = holds(v, yes, i);
		if (h != every)
			return h;
	}
	return every;
}

int
select_day(const struct selection *s, int day)
{
	return s == NULL || day == NO_DATE || ((s->since == NO_DATE ||
	    day >= s->since) && (s->until == NO_DATE || day <= s->until));
}

/* A record: every test, and its date (a contact block has none).  An
 * option line is always selected: the records after it mean what it
 * says. */
static int
select_record(const struct selection *s, const struct record *r)
{
	struct verdict v = { s, SEL_CONTACT, r, NULL, 0 };
	size_t i;

	if (r->kind == K_OPTION)
		return 1;
	if (!select_day(s, r->date))
		return 0;
	for (i = 0; i < SEL__COUNT; i++) {
		v.t = record_order[i];
		if (!passes(&v))
			return 0;
	}
	return 1;
}

/* A set of contacts, which a row or an item stands for: the tests of
 * contacts (--kind is the tool's, and --grep is refused, cli.c). */
int
select_contacts(const struct selection *s, const struct contact *const *cs,
    size_t n)
{
	struct verdict v = { s, SEL_CONTACT, NULL, cs, n };

	if (s == NULL)
		return 1;
	for (v.t = SEL_CONTACT; v.t <= SEL_TAG; v.t++)
		if (!passes(&v))
			return 0;
	return 1;
}

int
select_contact(const struct selection *s, const struct contact *c)
{
	return select_contacts(s, &c, 1);
}

/* Whether c is a contact that --contact or --org names itself (rel-score
 * and rel-report show it even when it has ended). */
int
select_names(const struct selection *s, const struct contact *c)
{
	enum select_test t;
	size_t i;

	for (t = SEL_CONTACT; s && t <= SEL_ORG; t++)
		for (i = 0; i < s->test[t][0].n; i++)
			if (sym_of(s->test[t][0].v[i])->contact == c)
				return 1;
	return 0;
}

/* The kinds --kind and --not-kind leave, as bits of the tool's words;
 * all: every one of them. */
unsigned
select_kinds(const struct selection *s, unsigned all)
{
	unsigned kinds = all;

	if (s && s->test[SEL_KIND][0].n)
		kinds &= s->test[SEL_KIND][0].kinds;
	if (s)
		kinds &= ~s->test[SEL_KIND][1].kinds;
	return kinds;
}

/* the tags of the records read */

static size_t
slot(const struct nameset *set, const char *name)
{
	size_t j = ((uintptr_t)name >> 3) * 0x9E3779B97F4A7C15u & (set->cap - 1);

	while (set->v[j] && set->v[j] != name)
		j = (j + 1) & (set->cap - 1);
	return j;
}

static void
nameset_add(struct nameset *set, const char *interned)
{
	const char **old = set->v;
	size_t oldcap = set->cap, i;

	if ((set->n + 1) * 2 > set->cap) {
		set->cap = set->cap ? set->cap * 2 : 64;
		set->v = xcalloc(set->cap, sizeof(*set->v));
		for (i = 0; i < oldcap; i++)
			if (old[i])
				set->v[slot(set, old[i])] = old[i];
		free(old);
	}
	i = slot(set, interned);
	if (set->v[i] == NULL) {
		set->v[i] = interned;
		set->n++;
	}
}

/* read_opts.fn while records are selected. */
static void
selected(const struct record *r, void *ctx)
{
	struct selection *s = ctx;
	size_t i;

	if (select_has(s, SEL_TAG))
		for (i = 0; i < r->ntags; i++)
			nameset_add(&s->tags, intern(r->tags[i],
			    strlen(r->tags[i])));
	if (s->fn && select_record(s, r))
		s->fn(r, s->ctx);
}

int
select_read(struct selection *s, int argc, char **argv,
    struct read_opts *opts)
{
	int status;

	if (s == NULL)
		return rel_read_all(argc, argv, opts);
	s->records = 1;
	s->fn = opts->fn;
	s->ctx = opts->ctx;
	opts->fn = selected;
	opts->ctx = s;
	/* org:, owner:, a contact's tags and what it inherits are in
	 * contact blocks */
	if (select_has(s, SEL_CONTACT) || select_has(s, SEL_ORG) ||
	    select_has(s, SEL_OWNER) || select_has(s, SEL_TAG))
		opts->keep_contact_blocks = 1;
	status = rel_read_all(argc, argv, opts);
	opts->fn = s->fn;
	opts->ctx = s->ctx;
	if (status == 0)
		select_check(s);
	return status;
}

/* the names the selection gives, checked against the input */

/* rel(7): an org is a contact that another's org: names, or whose kind:
 * is org.  Which contacts are, by their index, in an array the caller
 * frees. */
static unsigned char *
orgs(struct contact *const *cs, size_t n)
{
	unsigned char *is = xcalloc(n ? n : 1, 1);
	const struct contact *up;
	const char *kind;
	size_t i;

	for (i = 0; i < n; i++) {
		kind = contact_own(cs[i], "kind");
		if (kind && strcmp(kind, "org") == 0)
			is[i] = 1;
		if ((up = contact_org(cs[i])) != NULL)
			is[up->index] = 1;
	}
	return is;
}

static void
org_check(const char *option, const char *id)
{
	struct contact *const *cs;
	const struct contact *c = contact_find(id), *up;
	unsigned char *is;
	const char **ids, *near;
	char what[300];
	size_t n, i, k = 0;

	cs = book_contacts(&n);
	is = orgs(cs, n);
	if (c && is[c->index]) {
		free(is);
		return;
	}
	if (c) {
		up = contact_org(c);
		snprintf(what, sizeof(what), "a contact, not an org: no "
		    "contact's org: names it%s%s", up ? "; its org is " : "",
		    up ? up->id : "");
		free(is);
		cli_unknown(option, id, what, NULL);
	}
	ids = xreallocarray(NULL, n ? n : 1, sizeof(*ids));
	for (i = 0; i < n; i++)
		if (is[i])
			ids[k++] = cs[i]->id;
	near = cli_closest(id, ids, k);
	free(ids);
	free(is);
	cli_unknown(option, id, "no org of the input has this id", near);
}

/* The tags that can hold: those of the records read, or of the contact
 * blocks; *n of them, in a list the caller frees. */
static const char **
tags_known(const struct selection *s, size_t *n)
{
	struct contact *const *cs;
	struct nameset set = { 0 };
	const struct record *d;
	const char **v;
	size_t nc, i, j;

	if (s->records)
		set = s->tags;
	else
		for (cs = book_contacts(&nc), i = 0; i < nc; i++)
			for (d = cs[i]->decl, j = 0; d && j < d->ntags; j++)
				nameset_add(&set, intern(d->tags[j],
				    strlen(d->tags[j])));
	v = xreallocarray(NULL, set.n ? set.n : 1, sizeof(*v));
	for (i = j = 0; i < set.cap; i++)
		if (set.v[i])
			v[j++] = set.v[i];
	if (!s->records)
		free(set.v);
	*n = j;
	return v;
}

static void
tag_check(const struct selection *s, const char *option, const char *tag)
{
	const char **tags, *near;
	size_t n, i;

	tags = tags_known(s, &n);
	for (i = 0; i < n; i++)
		if (strcmp(tags[i], tag) == 0)
			break;
	near = i == n ? cli_closest(tag, tags, n) : NULL;
	free(tags);
	if (i == n)
		cli_unknown(option, tag, s->records ? "no record has this tag" :
		    "no contact block has this tag (here, a tag selects "
		    "contacts)", near);
}

/* Each contact, org, owner and tag that the selection names must be one
 * of the input's (a typo would select nothing, or leave nothing out,
 * without a word): else exit 2, with the closest as a suggestion. */
void
select_check(const struct selection *s)
{
	const struct test *x;
	enum select_test t;
	size_t i;
	int neg;

	for (t = 0; s && t < SEL__COUNT; t++)
		for (neg = 0; neg < 2; neg++)
			for (x = &s->test[t][neg], i = 0; i < x->n; i++)
				switch (t) {
				case SEL_CONTACT:
					contact_option(option_name(t, neg), x->v[i]);
					break;
				case SEL_ORG:
					org_check(option_name(t, neg), x->v[i]);
					break;
				case SEL_OWNER:
					owner_option(option_name(t, neg), x->v[i]);
					break;
				case SEL_TAG:
					tag_check(s, option_name(t, neg), x->v[i]);
					break;
				default:
					break;
				}
}

void
select_free(struct selection *s)
{
	size_t i;
	int t, neg;

	if (s == NULL)
		return;
	for (t = 0; t < SEL__COUNT; t++)
		for (neg = 0; neg < 2; neg++) {
			for (i = 0; i < s->test[t][neg].n; i++)
				pcre2_code_free(s->test[t][neg].re[i]);
			free(s->test[t][neg].v);
			free(s->test[t][neg].re);
		}
	pcre2_match_data_free(s->md);
	free(s->tags.v);
	free(s);
}
