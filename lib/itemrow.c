/* itemrow.c: the items of rel-overdue(1), OUTPUT, as data: one list of
 * the columns, which the CSV header and the JSON keys both come from, and
 * each item's cells in that order. */
#include <stdlib.h>

#include "itemrow.h"
#include "row.h"

static const char *const columns[] = {
	"kind", "status", "days_late", "due", "contact", "owner", "ref", "what",
	"file", "line", "contacts", "urgency", "late_from", NULL
};

static void
item_row(FILE *fp, enum format fmt, const struct item *it)
{
	const char **ids = xreallocarray(NULL, it->nwho ? it->nwho : 1,
	    sizeof(*ids));
	char day[DATE_MAX], num[32];
	struct row r;
	size_t j;

	row_begin(&r, fp, fmt, columns);
	row_text(&r, item_kind_name(it->kind));
	row_text(&r, item_state_name(it));
	row_long(&r, it->late);
	date_format(it->due, day);
	row_text(&r, day);
	row_text(&r, it->who[0]->id);
	row_text(&r, it->owners);
	row_text(&r, it->ref ? it->ref->id : NULL);
	row_text(&r, it->what);
	row_text(&r, it->file);
	row_long(&r, it->line);
	for (j = 0; j < it->nwho; j++)
		ids[j] = it->who[j]->id;
	row_list(&r, ids, it->nwho);
	item_ratio(it, num, sizeof(num));
	row_number(&r, num);
	date_format(it->late_from, day);
	row_text(&r, day);
	row_end(&r);
	free(ids);
}

/* The items: CSV with a header, or one JSON object a line. */
void
items_write_rows(FILE *fp, enum format fmt, const struct item *v, size_t n)
{
	size_t i;

	row_header(fp, fmt, columns);
	for (i = 0; i < n; i++)
		item_row(fp, fmt, &v[i]);
}
