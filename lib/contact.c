/* contact.c: what a contact is and what a ref is on a day, each answered
 * once for every tool: a contact's attributes, with those it inherits
 * from its org; its org and the org at the top of the chain; the day its
 * clock starts; its cadence, SLA, owner and status; whether a promise,
 * issue or request is settled, told, done with by a day. */
#include <limits.h>
#include <string.h>

#include "book.h"
#include "contact.h"
#include "date.h"
#include "intern.h"

/* rel-journal(5), "Inheritance": the keys a member takes from its org
 * when it does not set them itself. */
static const char *const inherited[] = { "owner" };
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
 * from an org to its members, its org's. */
const char *
contact_get(const struct contact *c, const char *key)
{
	const char *v = contact_own(c, key);
	const struct contact *org;

	if (v || !inherits(key) || (org = contact_org(c)) == NULL)
		return v;
	return contact_own(org, key);
}

/* The contact its org: names, or NULL (none, unknown, or itself). */
struct contact *
contact_org(const struct contact *c)
{
	const char *org = contact_own(c, "org");
	struct sym *sym;

	if (org == NULL || (sym = sym_find(org, strlen(org))) == NULL ||
	    sym->contact == c)
		return NULL;
	return sym->contact;
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
		if (depth == 16)
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

/* cadence: on the contact, else option default-cadence. */
struct period
contact_cadence(const struct contact *c)
{
	return period_attr(c, "cadence", rel_options.default_cadence);
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

const char *
contact_owner(const struct contact *c)
{
	return contact_get(c, "owner");
}

enum status
contact_status(const struct contact *c)
{
	return c->status;
}

const char *
contact_name(const struct contact *c)
{
	return c->name ? c->name : c->id;
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
