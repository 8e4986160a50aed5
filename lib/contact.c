/* contact.c: what a contact is and what a ref is on a day, each answered
 * once for every tool: a contact's attributes, with those it inherits
 * from its orgs; its org and the org at the top of the chain; the day its
 * clock starts; its cadence, SLA, feedback period, owner and status;
 * whether a promise, issue or request is settled, told, done with by a
 * day. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "book.h"
#include "cli.h"
#include "contact.h"
#include "date.h"
#include "intern.h"
#include "util.h"

/* rel-journal(5), "Inheritance": the keys a member takes from its org
 * when it does not set them itself.  The status is the one a status entry
 * or the block sets last (contact_status()). */
static const char *const inherited[] = { "owner", "sla", "feedback-every",
    "tier", "status" };

/* How far up a chain of org: is followed: a chain longer than this is
 * taken for a loop. */
#define ORG_DEPTH 16
#define NINHERITED (sizeof(inherited) / sizeof(inherited[0]))

const char *const *
contact_inherited_keys(size_t *n)
{
	*n = NINHERITED;
	return inherited;
}

/* An attribute of the contact's own block, or NULL. */
const char *
contact_own(const struct contact *c, const char *key)
{
	return c->decl ? record_get(c->decl, key) : NULL;
}

static int
inherits(const char *key)
{
	size_t i;

	for (i = 0; i < NINHERITED; i++)
		if (strcmp(inherited[i], key) == 0)
			return 1;
	return 0;
}

/* An attribute of the contact: its own, else, for the keys that pass
 * from an org to its members, the nearest org's up its chain that sets
 * it. */
const char *
contact_get(const struct contact *c, const char *key)
{
	const char *v = contact_own(c, key);
	int depth;

	if (v || !inherits(key))
		return v;
	for (depth = 0; depth < ORG_DEPTH && (c = contact_org(c)) != NULL;
	    depth++)
		if ((v = contact_own(c, key)) != NULL)
			return v;
	return NULL;
}

/* The contact its org: names, or NULL (none, unknown, or itself).  Once
 * it names one, it always will (a contact is declared once, and never
 * goes): that answer is kept. */
struct contact *
contact_org(const struct contact *c)
{
	const char *org;
	struct sym *sym;

	if (c->org)
		return c->org;
	if ((org = contact_own(c, "org")) == NULL ||
	    (sym = sym_find(org, strlen(org))) == NULL || sym->contact == c)
		return NULL;
	return ((struct contact *)c)->org = sym->contact;
}

/* The org at the top of the contact's chain of org: (a team in a company
 * rolls up into the company), or NULL if it has none or the chain is a
 * loop: then the contact stands for itself. */
struct contact *
contact_top_org(const struct contact *c)
{
	struct contact *org = contact_org(c), *up;
	int depth;

	for (depth = 0; org && (up = contact_org(org)) != NULL; depth++) {
		if (depth == ORG_DEPTH)
			return NULL;
		org = up;
	}
	return org;
}

/* The day the clock of a contact never met starts: since:, else the day
 * of its first record (first_day, or NO_DATE). */
int
contact_baseline(const struct contact *c, int first_day)
{
	const char *since = contact_own(c, "since"), *why;
	int day;

	if (since && date_parse(since, strlen(since), &day, &why) == 0)
		return day;
	return first_day;
}

static struct period
period_attr(const struct contact *c, const char *key, struct period dflt)
{
	const char *v = contact_get(c, key), *why;
	struct period p;

	if (v && period_parse(v, strlen(v), &p, &why) == 0)
		return p;
	return dflt;
}

/* The cadence of a tier (option tier NAME:CADENCE), or NULL. */
static const struct cadence *
tier_cadence(const char *tier)
{
	size_t i;

	for (i = 0; tier && i < rel_options.ntiers; i++)
		if (strcmp(rel_options.tiers[i].name, tier) == 0)
			return &rel_options.tiers[i].cadence;
	return NULL;
}

/* cadence: on the contact, else its tier's (its tier:, else its org's),
 * else option default-cadence. */
struct cadence
contact_cadence(const struct contact *c)
{
	const char *v = contact_own(c, "cadence"), *why;
	const struct cadence *t;
	struct cadence cad;

	if (v && cadence_parse(v, strlen(v), &cad, &why) == 0)
		return cad;
	if ((t = tier_cadence(contact_get(c, "tier"))) != NULL)
		return *t;
	return rel_options.default_cadence;
}

/* A request's SLA: sla: on the request, else on its contact, else option
 * default-sla. */
struct period
contact_sla(const struct contact *c, const struct ref *r)
{
	if (r && r->has_sla)
		return r->sla;
	return period_attr(c, "sla", rel_options.default_sla);
}

/* feedback-every: on the contact (or its org), else the option. */
struct period
contact_feedback_every(const struct contact *c)
{
	return period_attr(c, "feedback-every", rel_options.feedback_every);
}

const char *
contact_owner(const struct contact *c)
{
	return contact_get(c, "owner");
}

/* The status its block or its last status entry sets, else its nearest
 * org's that has one set, else active: an ended or paused org quiets the
 * members that are not set active themselves. */
enum status
contact_status(const struct contact *c)
{
	int depth;

	for (depth = 0; c && depth < ORG_DEPTH; depth++) {
		if (c->status_set)
			return (enum status)c->status;
		c = contact_org(c);
	}
	return ST_ACTIVE;
}

/* Whether o is c or an org up c's chain. */
int
contact_within(const struct contact *c, const struct contact *o)
{
	int depth;

	for (depth = 0; c && depth <= ORG_DEPTH; depth++) {
		if (c == o)
			return 1;
		c = contact_org(c);
	}
	return 0;
}

/* Its name, from its contact block, else its id. */
const char *
contact_name(const struct contact *c)
{
	return c->decl && c->decl->title[0] ? c->decl->title : c->id;
}

static int
by_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The owners of the contacts, each once, sorted: *n of them, in a list
 * the caller frees (for a message that suggests one). */
const char **
contact_owners(size_t *n)
{
	struct contact *const *cs;
	const char **v, *o;
	size_t nc, i, k = 0;

	cs = book_contacts(&nc);
	v = xreallocarray(NULL, nc ? nc : 1, sizeof(*v));
	for (i = 0; i < nc; i++)
		if ((o = contact_owner(cs[i])) != NULL)
			v[k++] = o;
	qsort(v, k, sizeof(*v), by_string);
	for (i = *n = 0; i < k; i++)
		if (*n == 0 || strcmp(v[*n - 1], v[i]) != 0)
			v[(*n)++] = v[i];
	return v;
}

/* Whether some contact has this owner. */
int
contact_owner_known(const char *owner)
{
	size_t n, i;
	const char **v = contact_owners(&n);
	int known = 0;

	for (i = 0; i < n && !known; i++)
		known = strcmp(v[i], owner) == 0;
	free(v);
	return known;
}

/* The ids of the contacts, in the order they came: *n of them, in a list
 * the caller frees. */
const char **
contact_ids(size_t *n)
{
	struct contact *const *cs = book_contacts(n);
	const char **v = xreallocarray(NULL, *n ? *n : 1, sizeof(*v));
	size_t i;

	for (i = 0; i < *n; i++)
		v[i] = cs[i]->id;
	return v;
}

/* The contact id names, or NULL. */
struct contact *
contact_find(const char *id)
{
	struct sym *sym = sym_find(id, strlen(id));

	return sym ? sym->contact : NULL;
}

/* The contact that an option names (--contact, --explain): one of the
 * input, else exit 2 with a suggestion. */
struct contact *
contact_option(const char *option, const char *id)
{
	struct contact *c = contact_find(id);
	const char **ids, *near;
	size_t n;

	if (c)
		return c;
	ids = contact_ids(&n);
	near = cli_closest(id, ids, n);
	free(ids);
	cli_unknown(option, id, "no such contact in the input", near);
}

/* An owner an option names (--owner): one of the input's, else exit 2
 * with a suggestion. */
void
owner_option(const char *option, const char *owner)
{
	const char **owners, *near;
	size_t n;

	if (contact_owner_known(owner))
		return;
	owners = contact_owners(&n);
	near = cli_closest(owner, owners, n);
	free(owners);
	cli_unknown(option, owner, "no contact has this owner", near);
}

/* refs, as of a day */

int
ref_settled_by(const struct ref *r, int day)
{
	return r->closed_day != NO_DATE && r->closed_day <= day;
}

int
ref_told_by(const struct ref *r, int day)
{
	return r->told_day != NO_DATE && r->told_day <= day;
}

/* Nothing is left to do about it: settled, and an issue told too.  With
 * day REF_EVER, whatever the day. */
int
ref_done_by(const struct ref *r, int day)
{
	return ref_settled_by(r, day) && (r->kind != K_ISSUE ||
	    ref_told_by(r, day));
}
