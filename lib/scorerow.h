/* scorerow.h: rel-score's rows, as CSV or JSON (scorerow.c) */
#ifndef SCOREROW_H
#define SCOREROW_H

#include <stdio.h>

#include "format.h"
#include "tally.h"

void score_header(FILE *, enum format);
void score_row(FILE *, enum format, const struct tally *, int today);

#endif
