/* md.h: text from the input written into Markdown as text (md.c) */
#ifndef MD_H
#define MD_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

void md_append(struct buf *, const char *, size_t);
void md_append_line(struct buf *, const char *, size_t);
void md_text(FILE *, const char *);
void md_free(void);

#endif
