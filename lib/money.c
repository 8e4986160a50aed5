/* money.c: the amounts of deals, added exactly.  An amount is a whole
 * number of units of its last written decimal place, never a binary
 * fraction, so 0.10 + 0.20 is 0.30; sums keep the finest place of what
 * they add.  Amounts and sums are held to 18 digits, which 64 bits hold:
 * past that, adding says so instead of rounding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "money.h"

static const int64_t LIMIT = 999999999999999999;	/* 18 digits */

/* digits, optionally a point and digits: rel-journal(5), amount:.  0, or
 * -1 with the reason in *why. */
int
amount_parse(const char *s, struct amount *a, const char **why)
{
	const char *p = s;
	int digits = 0, point = 0;

	a->units = 0;
	a->scale = 0;
	for (; *p; p++) {
		if (*p == '.' && !point && p > s && p[1]) {
			point = 1;
			continue;
		}
		if (*p < '0' || *p > '9') {
			*why = "write digits, with an optional decimal point, and "
			    "no currency sign";
			return -1;
		}
		/* leading zeros do not count, places after the point do */
		if ((digits > 0 || *p != '0' || point) &&
		    ++digits > AMOUNT_DIGITS) {
			*why = "rel adds amounts exactly, up to 18 digits";
			return -1;
		}
		a->units = a->units * 10 + (*p - '0');
		a->scale += point;
	}
	if (p == s) {
		*why = "write digits, with an optional decimal point, and no "
		    "currency sign";
		return -1;
	}
	return 0;
}

/* a x 10^k, or -1 past the limit. */
static int
scale_up(int64_t *v, int k)
{
	for (; k > 0; k--) {
		if (*v > LIMIT / 10 || *v < -LIMIT / 10)
			return -1;
		*v *= 10;
	}
	return 0;
}

/* *sum += sign x a, exactly, or -1 (and *sum unchanged) past the limit. */
static int
amount_add(struct amount *sum, struct amount a, int sign)
{
	struct amount s = *sum;

	if (s.scale < a.scale) {
		if (scale_up(&s.units, a.scale - s.scale) == -1)
			return -1;
		s.scale = a.scale;
	} else if (scale_up(&a.units, s.scale - a.scale) == -1)
		return -1;
	/* both within the limit: the sum fits 64 bits before the check */
	s.units += sign * a.units;
	if (s.units > LIMIT || s.units < -LIMIT)
		return -1;
	*sum = s;
	return 0;
}

static struct money_sum *
bucket(struct money *m, const char *currency)
{
	size_t i;

	for (i = 0; i < m->n; i++)
		if (m->v[i].currency == currency)
			return &m->v[i];
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 2;
		m->v = xreallocarray(m->v, m->cap, sizeof(*m->v));
	}
	m->v[m->n].currency = currency;
	m->v[m->n].sum.units = 0;
	m->v[m->n].sum.scale = 0;
	return &m->v[m->n++];
}

/* Adds a to the sum in currency (interned, or NULL); -1 past the limit. */
int
money_add(struct money *m, const char *currency, struct amount a)
{
	return amount_add(&bucket(m, currency)->sum, a, 1);
}

/* into += sign x from, currency by currency; -1 past the limit. */
int
money_merge(struct money *into, const struct money *from, int sign)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < from->n; i++)
		if (amount_add(&bucket(into, from->v[i].currency)->sum,
		    from->v[i].sum, sign) == -1)
			rc = -1;
	return rc;
}

/* Once the input is read: the sums without a currency are in the
 * journal's option currency, if it has one.  -1 past the limit. */
int
money_settle(struct money *m, const char *currency)
{
	struct money_sum *none = NULL;
	struct amount a;
	size_t i;

	if (currency == NULL)
		return 0;
	for (i = 0; i < m->n && none == NULL; i++)
		if (m->v[i].currency == NULL)
			none = &m->v[i];
	if (none == NULL)
		return 0;
	a = none->sum;
	*none = m->v[--m->n];
	return money_add(m, currency, a);
}

static int
by_currency(const void *a, const void *b)
{
	const struct money_sum *x = a, *y = b;

	if (x->currency == NULL || y->currency == NULL)
		return (x->currency == NULL) - (y->currency == NULL);
	return strcmp(x->currency, y->currency);
}

static void
amount_format(struct amount a, struct buf *b)
{
	char digits[32];
	int64_t u = a.units < 0 ? -a.units : a.units;
	int n;

	n = snprintf(digits, sizeof(digits), "%0*lld", a.scale + 1,
	    (long long)u);
	if (a.units < 0)
		buf_addc(b, '-');
	buf_add(b, digits, (size_t)(n - a.scale));
	if (a.scale > 0) {
		buf_addc(b, '.');
		buf_add(b, digits + n - a.scale, (size_t)a.scale);
	}
}

/* "12000.50 EUR; 300 USD", by currency code, a sum without a currency
 * last and without a code; into b, after what it holds. */
void
money_format(const struct money *m, struct buf *b)
{
	struct money_sum one[1], *v = one;
	size_t i;

	if (b->s == NULL)
		buf_add(b, "", 0);
	if (m->n == 0)
		return;
	if (m->n > 1)
		v = xreallocarray(NULL, m->n, sizeof(*v));
	memcpy(v, m->v, m->n * sizeof(*v));
	qsort(v, m->n, sizeof(*v), by_currency);
	for (i = 0; i < m->n; i++) {
		if (i > 0)
			buf_add(b, "; ", 2);
		amount_format(v[i].sum, b);
		if (v[i].currency) {
			buf_addc(b, ' ');
			buf_add(b, v[i].currency, strlen(v[i].currency));
		}
	}
	if (v != one)
		free(v);
}

void
money_free(struct money *m)
{
	free(m->v);
	m->v = NULL;
	m->n = m->cap = 0;
}
