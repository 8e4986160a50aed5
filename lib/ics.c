/* ics.c: the items of rel-overdue(1) as a calendar (RFC 5545), built with
 * libical, which escapes the text, folds the lines at 75 octets between
 * UTF-8 characters and ends them with CRLF.  One VTODO an item; every
 * property comes from the journal and the day measured, none from the
 * run, so that the same input and --today give the same bytes and a
 * calendar that subscribes to the feed sees each item as the same to-do
 * from one day to the next. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ics.h"

/* A day as a DATE (is_date) or as its midnight in UTC; 0, or -1 for a
 * day past 9999-12-31, which iCalendar cannot write. */
static int
ical_day(int day, int is_date, struct icaltimetype *t)
{
	char s[DATE_MAX];

	date_format(day, s);
	*t = is_date ? icaltime_null_date() : icaltime_null_time();
	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d", &t->year, &t->month,
	    &t->day) != 3)
		return -1;
	if (!is_date)
		t->zone = icaltimezone_get_utc_timezone();
	return 0;
}

/* rel-overdue(1), iCalendar: 1, the highest, for an item late by two of
 * its periods or more; 2 by one or more; 3 by half of one or more; 4
 * late by less; 5 due today, or past due but not yet late; 6 due
 * later. */
static int
priority(const struct item *it)
{
	int today = it->late_from + it->late;

	if (it->upcoming)
		return it->due == today ? 5 : 6;
	if (it->late <= 0)	/* due: past its day, not yet late */
		return 5;
	if (it->late >= 2L * it->period)
		return 1;
	if (it->late >= it->period)
		return 2;
	return 2L * it->late >= it->period ? 3 : 4;
}

/* KIND-ID-YYYYMMDD@rel: the kind, the id of its ref or else of its first
 * contact (an org before its members), its due day.  Kinds hold no '-'
 * and the day is eight digits at the end, so two items have the same
 * UID only if they are the same item on the same due day. */
static void
uid(const struct item *it, struct buf *b)
{
	const char *id = it->ref ? it->ref->id : it->who[0]->id;
	char day[DATE_MAX];

	date_format(it->due, day);
	b->len = 0;
	buf_add(b, item_kind_name(it->kind), strlen(item_kind_name(it->kind)));
	buf_addc(b, '-');
	buf_add(b, id, strlen(id));
	buf_addc(b, '-');
	buf_add(b, day, 4);
	buf_add(b, day + 5, 2);
	buf_add(b, day + 8, 2);
	buf_add(b, "@rel", 4);
}

/* SUMMARY "WHO: WHAT", DESCRIPTION "WHAT [ID]\nFILE:LINE". */
static void
texts(icalcomponent *todo, const struct item *it, struct buf *b)
{
	struct buf what = { 0 };
	char line[32];

	item_who(it, b);
	buf_add(b, ": ", 2);
	buf_add(b, it->what, strlen(it->what));
	icalcomponent_add_property(todo, icalproperty_new_summary(b->s));
	item_what(it, 1, &what);
	buf_addc(&what, '\n');
	buf_add(&what, it->file, strlen(it->file));
	buf_add(&what, line, (size_t)snprintf(line, sizeof(line), ":%ld",
	    it->line));
	icalcomponent_add_property(todo, icalproperty_new_description(what.s));
	buf_free(&what);
}

static icalcomponent *
todo_of(const struct item *it, struct icaltimetype stamp, struct buf *b)
{
	struct icaltimetype due;
	icalcomponent *todo;

	if (ical_day(it->due, 1, &due) == -1)
		return NULL;
	todo = icalcomponent_new_vtodo();
	uid(it, b);
	icalcomponent_add_property(todo, icalproperty_new_uid(b->s));
	icalcomponent_add_property(todo, icalproperty_new_dtstamp(stamp));
	icalcomponent_add_property(todo, icalproperty_new_due(due));
	texts(todo, it, b);
	icalcomponent_add_property(todo, icalproperty_new_priority(priority(it)));
	icalcomponent_add_property(todo,
	    icalproperty_new_categories(item_kind_name(it->kind)));
	return todo;
}

/* The calendar of the items, in their order; one with no VTODO when
 * there are none.  DTSTAMP is the day measured, at midnight UTC.  An
 * item due after 9999-12-31 is left out. */
void
items_write_ics(FILE *fp, const struct item *v, size_t n, int today)
{
	icalcomponent *cal, *todo;
	struct icaltimetype stamp;
	struct buf b = { 0 };
	char *text;
	size_t i;

	icalerror_set_errors_are_fatal(0);
	cal = icalcomponent_new_vcalendar();
	icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
	icalcomponent_add_property(cal, icalproperty_new_prodid("-//rel//"
	    "rel-overdue " REL_VERSION "//EN"));
	ical_day(today, 0, &stamp);
	for (i = 0; i < n; i++)
		if ((todo = todo_of(&v[i], stamp, &b)) != NULL)
			icalcomponent_add_component(cal, todo);
	text = icalcomponent_as_ical_string_r(cal);
	fputs(text, fp);
	free(text);
	icalcomponent_free(cal);
	icalmemory_free_ring();
	buf_free(&b);
	output_check(fp);	/* a failed write, named by its own errno */
}
