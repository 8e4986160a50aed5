/* series.c: a recurring promise, occurrence by occurrence.  The k-th
 * falls due k periods after the first (periods added in calendar units,
 * as everywhere), unless it was moved; only the occurrences the journal
 * says something of are kept, so a series costs memory for its
 * follow-ups, not for the weeks it has run. */
#include <stdlib.h>
#include <string.h>

#include "series.h"
#include "util.h"

struct series *
series_new(struct period every, int first_due)
{
	struct series *s = xcalloc(1, sizeof(*s));

	s->every = every;
	s->first_due = first_due;
	s->end_day = NO_DATE;
	return s;
}

void
series_free(struct series *s)
{
	if (s == NULL)
		return;
	free(s->v);
	free(s);
}

/* Where occurrence k is, or would go, in s->v. */
static size_t
slot(const struct series *s, int k)
{
	size_t lo = 0, hi = s->n, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (s->v[mid].k < k)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct occurrence *
series_known(const struct series *s, int k)
{
	size_t i = slot(s, k);

	return i < s->n && s->v[i].k == k ? &s->v[i] : NULL;
}

int
series_due(const struct series *s, int k)
{
	const struct occurrence *o = series_known(s, k);

	return o ? o->due : period_add(s->first_due, s->every, k);
}

static struct occurrence *
known_or_new(struct series *s, int k)
{
	size_t i = slot(s, k);

	if (i < s->n && s->v[i].k == k)
		return &s->v[i];
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 8;
		s->v = xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	memmove(s->v + i + 1, s->v + i, (s->n - i) * sizeof(*s->v));
	s->n++;
	s->v[i].k = k;
	s->v[i].due = period_add(s->first_due, s->every, k);
	s->v[i].settled_day = NO_DATE;
	s->v[i].how = K_NONE;
	return &s->v[i];
}

/* The occurrence not settled whose due date is day, or -1.  A moved
 * occurrence is found by its new date. */
int
series_with_due(const struct series *s, int day)
{
	size_t i;
	int k;

	for (i = 0; i < s->n; i++)
		if (s->v[i].due == day && s->v[i].how == K_NONE)
			return s->v[i].k;
	for (k = 0; period_add(s->first_due, s->every, k) <= day; k++)
		if (period_add(s->first_due, s->every, k) == day) {
			const struct occurrence *o = series_known(s, k);
			return o && (o->how != K_NONE || o->due != day) ? -1 : k;
		}
	return -1;
}

/* Whether occurrence k can be settled on day: from the day after the
 * one a period before it falls due (a weekly report kept on Thursday is
 * Friday's), never earlier. */
int
series_opens(const struct series *s, int k)
{
	return period_add(series_due(s, k), s->every, -1) + 1;
}

void
series_settle(struct series *s, int k, int day, enum kind how)
{
	struct occurrence *o = known_or_new(s, k);

	o->settled_day = day;
	o->how = how;
	while ((o = (struct occurrence *)series_known(s, s->next)) &&
	    o->how != K_NONE)
		s->next++;
}

void
series_move(struct series *s, int k, int due)
{
	known_or_new(s, k)->due = due;
}

/* The last occurrence to look at as of today: every one due before it or
 * settled by then, none past the day the series ended.  -1 if none. */
int
series_last(const struct series *s, int today)
{
	int k = -1;
	size_t i;

	while (series_due(s, k + 1) < today && (s->end_day == NO_DATE ||
	    series_due(s, k + 1) <= s->end_day))
		k++;
	for (i = 0; i < s->n; i++)
		if (s->v[i].k > k && s->v[i].how != K_NONE &&
		    s->v[i].settled_day <= today)
			k = s->v[i].k;
	return k;
}

enum occ_state
series_state(const struct series *s, int k, int today)
{
	const struct occurrence *o = series_known(s, k);
	int due = series_due(s, k);

	if (o && o->how != K_NONE && o->settled_day <= today)
		return o->how == K_BROKEN ? OCC_BROKEN : o->settled_day <= due ?
		    OCC_KEPT : OCC_KEPT_LATE;
	return due < today ? OCC_MISSED : OCC_OPEN;
}
