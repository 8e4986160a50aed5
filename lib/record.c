/* record.c: the record every reader hands to the tools. */
#include <string.h>

#include "record.h"

/* The value of the record's attribute key, or NULL. */
const char *
record_get(const struct record *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nattrs; i++)
		if (strcmp(r->attrs[i].key, key) == 0)
			return r->attrs[i].val;
	return NULL;
}
