/* width.h: terminal columns of UTF-8 text as shown, the same in every locale */
#ifndef WIDTH_H
#define WIDTH_H

#include <stddef.h>
#include <stdio.h>

#include "util.h"

int char_width(unsigned codepoint);
size_t shown_width(const char *, size_t n, size_t *len);
size_t text_width(const char *, size_t n);
size_t display_width(const char *);
size_t fit_width(const char *, size_t width, size_t *used);
void cell_append(struct buf *, const char *, size_t n, size_t width);
void put_cell(FILE *, const char *, size_t width);
struct wrap {
	size_t indent;		/* of each line but the first */
	size_t width;		/* the columns a line may take */
	int cut;		/* a word wider than a line: cut, else broken */
};
size_t wrap_append(struct buf *, const char *, size_t n, size_t col,
    const struct wrap *);
void put_wrapped(FILE *, const char *, size_t indent, size_t width);
void width_free(void);

#endif
