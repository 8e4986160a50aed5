/* inplace.h: a file read whole and written back in place (rel-fmt -i),
 * or appended to (rel-add) */
#ifndef INPLACE_H
#define INPLACE_H

#include <stddef.h>
#include <sys/stat.h>
#include "util.h"

struct file_state {
	struct stat sb;		/* as read */
};
int file_read(const char *path, struct buf *, struct file_state *,
    int plain_only);
const char *file_unsafe(const struct file_state *);
int file_rewrite(const char *path, const struct file_state *,
    const char *text, size_t n, const char **why);
int file_append(const char *path, const struct file_state *,
    const char *text, size_t n, const char **why);
const char *file_read_error(int err);

#endif
