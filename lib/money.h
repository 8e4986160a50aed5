/* money.h: amounts of money in exact decimal, and their sums per
 * currency (money.c). */
#ifndef MONEY_H
#define MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* units / 10^scale: amount:12000.50 is { 1200050, 2 }. */
struct amount {
	int64_t units;
	int scale;
};

#define AMOUNT_DIGITS 18	/* the most an amount or a sum may have */

/* What deals add up to, one sum per currency.  A NULL currency stands
 * for the journal's option currency, known once the input is read. */
struct money {
	struct money_sum {
		const char *currency;	/* interned, or NULL */
		struct amount sum;
	} *v;
	size_t n, cap;
};

int amount_parse(const char *, struct amount *, const char **why);
int money_add(struct money *, const char *currency, struct amount);
int money_merge(struct money *into, const struct money *from, int sign);
int money_settle(struct money *, const char *currency);
void money_format(const struct money *, struct buf *);
void money_free(struct money *);

#endif
