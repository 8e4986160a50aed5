/* fmt.h: the canonical form of a journal, as rel-fmt(1) writes it. */
#ifndef FMT_H
#define FMT_H

#include "reader.h"
#include "util.h"

enum fmt_mode { FMT_PRINT, FMT_CHECK, FMT_IN_PLACE };

int fmt_journal(struct lines *, int sort, struct buf *out);
int fmt_file(const char *path, enum fmt_mode, int sort);
void fmt_declare_keys(const char *text, size_t len);
size_t fmt_entry(const char *line, size_t n, struct buf *out);

#endif
