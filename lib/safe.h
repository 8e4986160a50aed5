/* safe.h: text from a journal, a CSV or a file name, made safe to show on
 * a terminal: unsafe characters are written as \xHH or <U+XXXX> */
#ifndef SAFE_H
#define SAFE_H

#include <stdio.h>
#include "util.h"

#define SAFE_ESCAPE_MAX 12
size_t safe_char(const char *, size_t n, size_t *len,
    char out[SAFE_ESCAPE_MAX]);
void safe_append(struct buf *, const char *, size_t);
void safe_write(FILE *, const char *, size_t);
void safe_puts(FILE *, const char *);
void safe_printf(FILE *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void safe_free(void);

#endif
