/* ics.h: rel-overdue's items as an iCalendar feed (ics.c) */
#ifndef ICS_H
#define ICS_H

#include <stdio.h>

#include "overdue.h"

void items_write_ics(FILE *, const struct item *, size_t n, int today);

#endif
