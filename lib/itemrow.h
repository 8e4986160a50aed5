/* itemrow.h: rel-overdue's items as CSV or JSON (itemrow.c) */
#ifndef ITEMROW_H
#define ITEMROW_H

#include <stdio.h>

#include "format.h"
#include "overdue.h"

void items_write_rows(FILE *, enum format, const struct item *, size_t n);

#endif
