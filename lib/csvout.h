/* csvout.h: CSV, RFC 4180 with quoting only where needed */
#ifndef CSVOUT_H
#define CSVOUT_H

#include <stddef.h>
#include <stdio.h>
#include "record.h"

extern int csv_safe;
void csv_field(FILE *, const char *, size_t, int first);
void csv_end(FILE *);
extern const char CSV_HEADER[];
void events_write_record(FILE *, const struct record *);
void events_flush(FILE *);
struct buf *events_batch(void);
void events_batched(FILE *);
void csvout_free(void);

#endif
