/* merge.h: three versions of a journal merged block by block, as
 * rel-merge(1), a git merge driver, merges them (merge.c). */
#ifndef MERGE_H
#define MERGE_H

/* rel-merge's exit status: merged, merged with conflicts marked, or
 * refused with OURS as it was. */
enum { MERGE_CLEAN = 0, MERGE_CONFLICTS = 1, MERGE_REFUSED = 2 };

int merge_files(const char *base, const char *ours, const char *theirs);

#endif
