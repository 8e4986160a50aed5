/* row.h: a row of named cells, written as a CSV row or a JSON object
 * (row.c) */
#ifndef ROW_H
#define ROW_H

#include <stddef.h>
#include <stdio.h>

#include "format.h"
#include "json.h"

/* A row being written: its cells are given in the order of names, the
 * tool's one list of its columns, which the CSV header and the keys of
 * the JSON both come from. */
struct row {
	FILE *fp;
	enum format fmt;	/* FMT_CSV or FMT_JSON */
	const char *const *names;	/* NULL-terminated */
	size_t i;		/* the next cell's column */
	struct json j;
};

void row_header(FILE *, enum format, const char *const *names);
void row_begin(struct row *, FILE *, enum format, const char *const *names);
void row_text(struct row *, const char *);
void row_number(struct row *, const char *);
void row_long(struct row *, long);
void row_list(struct row *, const char *const *, size_t n);
void row_end(struct row *);
void row_free(void);

#endif
