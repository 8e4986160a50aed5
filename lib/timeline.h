/* timeline.h: the entries of a journal kept, then given back in the order
 * of their dates and times (timeline.c) */
#ifndef TIMELINE_H
#define TIMELINE_H

#include <stddef.h>

#include "record.h"

struct timeline;

struct timeline *timeline_new(void);
void timeline_add(struct timeline *, const struct record *);
size_t timeline_sort(struct timeline *);
void timeline_each(struct timeline *, int reverse, record_fn *, void *ctx);
void timeline_free(struct timeline *);

#endif
