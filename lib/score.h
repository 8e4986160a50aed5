/* score.h: the scores of rel-score(1). */
#ifndef SCORE_H
#define SCORE_H

#include <stdio.h>

#include "tally.h"
#include "vocab.h"

/* NAN where there is no evidence: an empty cell, never a made-up 0. */
struct scores {
	double recency;
	double observed[NDIMS], rated[NDIMS], dim[NDIMS];
	double respect, trust, health, partner;
	int base;		/* the day recency counts from, or NO_DATE */
	const char *base_why;
	int fb_base;		/* the day B counts from, or NO_DATE */
	const char *fb_base_why;
	int paused;		/* its clocks stopped: no recency, B, health */
};

void score_compute(const struct tally *, int today, struct scores *);
long score_round(double);
void score_format(double, char *, size_t);
void score_explain(FILE *, const struct tally *, const struct scores *,
    int today);

#endif
