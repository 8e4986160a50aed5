/* report.h: the report of rel-report(1). */
#ifndef REPORT_H
#define REPORT_H

#include <stdio.h>

#include "tally.h"

struct selection;

struct report_opts {
	int markdown;		/* --format md */
	int ascii;		/* --ascii */
	int color;		/* ANSI colour for health */
	int all;		/* ended contacts too */
	const struct selection *select;	/* select.h; or NULL */
	struct window win;
};

void report_write(FILE *, const struct report_opts *);

#endif
