/* contact.h: what a contact is and what a ref is on a day (contact.c). */
#ifndef CONTACT_H
#define CONTACT_H

#include <limits.h>
#include <stddef.h>

#include "book.h"
#include "date.h"

#define REF_EVER INT_MAX	/* a day after every day */

const char *const *contact_inherited_keys(size_t *n);
const char *contact_own(const struct contact *, const char *key);
const char *contact_get(const struct contact *, const char *key);
struct contact *contact_org(const struct contact *);
struct contact *contact_top_org(const struct contact *);
int contact_baseline(const struct contact *, int first_day);
struct cadence contact_cadence(const struct contact *);
struct period contact_sla(const struct contact *, const struct ref *);
struct period contact_feedback_every(const struct contact *);
const char *contact_owner(const struct contact *);
enum status contact_status(const struct contact *);
int contact_within(const struct contact *, const struct contact *org);
const char *contact_name(const struct contact *);
const char **contact_owners(size_t *n);
int contact_owner_known(const char *);
const char **contact_ids(size_t *n);
struct contact *contact_find(const char *id);
struct contact *contact_option(const char *option, const char *id);
void owner_option(const char *option, const char *owner);

int ref_settled_by(const struct ref *, int day);
int ref_told_by(const struct ref *, int day);
int ref_done_by(const struct ref *, int day);

#endif
