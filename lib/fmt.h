/* fmt.h: the canonical form of a journal, as rel-fmt(1) writes it. */
#ifndef FMT_H
#define FMT_H

int fmt_journal(struct lines *, int sort, struct buf *out);

#endif
