/* log.h: rel-log's timeline of a journal (log.c) */
#ifndef LOG_H
#define LOG_H

#include <stdio.h>

#include "book.h"
#include "format.h"

struct log_opts {
	enum format format;	/* text, md, csv or json */
	int reverse;		/* newest first */
	int color;		/* text: ANSI colour for kinds */
	int since, until;	/* the window of dates, or NO_DATE */
};

void log_init(const struct log_opts *, struct read_opts *);
size_t log_write(FILE *);
void log_free(void);

#endif
