/* series.h: the occurrences of a recurring promise (series.c). */
#ifndef SERIES_H
#define SERIES_H

#include <stddef.h>

#include "date.h"
#include "vocab.h"

/* An occurrence the journal says something of: settled, or moved. */
struct occurrence {
	int k;			/* the k-th: due k periods after the first */
	int due;		/* its due date, after a move */
	int settled_day;	/* or NO_DATE */
	enum kind how;		/* K_KEPT, K_BROKEN, or K_NONE */
};

/* promise ... due:DATE every:PERIOD: occurrences fall due on DATE,
 * DATE + PERIOD, ...; each is kept or broken on its own. */
struct series {
	struct period every;
	int first_due;
	int end_day;		/* the day it was ended, or NO_DATE */
	int next;		/* the oldest occurrence not settled */
	struct occurrence *v;	/* those settled or moved, by k */
	size_t n, cap;
};

struct series *series_new(struct period every, int first_due);
void series_free(struct series *);
int series_due(const struct series *, int k);
const struct occurrence *series_known(const struct series *, int k);
int series_with_due(const struct series *, int day);
int series_opens(const struct series *, int k);
void series_settle(struct series *, int k, int day, enum kind how);
void series_move(struct series *, int k, int due);
int series_last(const struct series *, int today);

/* What came of an occurrence, as of a day. */
enum occ_state { OCC_OPEN, OCC_KEPT, OCC_KEPT_LATE, OCC_BROKEN,
    OCC_MISSED };
enum occ_state series_state(const struct series *, int k, int today);

#endif
