/* icsread: reads an iCalendar object on standard input with libical, as a
 * calendar program would, and prints what it holds, for tests/99-ics.t:
 * the calendar's VERSION and PRODID, then each VTODO's properties a line
 * each, NAME: value, the value as libical reads it (unfolded, unescaped),
 * a backslash and a line feed in it written as \\ and \n.  Exit 1 if the
 * text does not read as a calendar or libical finds an error in it. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *
read_all(FILE *fp)
{
	size_t n = 0, cap = 4096;
	char *s = malloc(cap), *more;

	while (s && (n += fread(s + n, 1, cap - n - 1, fp)) == cap - 1) {
		if ((more = realloc(s, cap *= 2)) == NULL)
			free(s);
		s = more;
	}
	if (s)
		s[n] = '\0';
	return s;
}

static void
show(const char *name, const char *v)
{
	printf("%s: ", name);
	for (; v && *v; v++)
		if (*v == '\n')
			fputs("\\n", stdout);
		else if (*v == '\\')
			fputs("\\\\", stdout);
		else
			putchar(*v);
	putchar('\n');
}

static void
show_todo(icalcomponent *t)
{
	icalproperty *p;
	char num[16];

	show("UID", icalcomponent_get_uid(t));
	show("DTSTAMP", icaltime_as_ical_string(icalcomponent_get_dtstamp(t)));
	show("DUE", icaltime_as_ical_string(icalcomponent_get_due(t)));
	show("SUMMARY", icalcomponent_get_summary(t));
	show("DESCRIPTION", icalcomponent_get_description(t));
	p = icalcomponent_get_first_property(t, ICAL_PRIORITY_PROPERTY);
	snprintf(num, sizeof(num), "%d", p ? icalproperty_get_priority(p) : -1);
	show("PRIORITY", num);
	p = icalcomponent_get_first_property(t, ICAL_CATEGORIES_PROPERTY);
	show("CATEGORIES", p ? icalproperty_get_categories(p) : NULL);
}

int
main(void)
{
	char *text = read_all(stdin);
	icalcomponent *cal, *t;
	icalproperty *p;
	int bad;

	icalerror_set_errors_are_fatal(0);
	cal = text ? icalparser_parse_string(text) : NULL;
	if (cal == NULL || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) {
		fprintf(stderr, "icsread: not a calendar\n");
		if (cal)
			icalcomponent_free(cal);
		free(text);
		return 1;
	}
	p = icalcomponent_get_first_property(cal, ICAL_VERSION_PROPERTY);
	show("VERSION", p ? icalproperty_get_version(p) : NULL);
	p = icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY);
	show("PRODID", p ? icalproperty_get_prodid(p) : NULL);
	for (t = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
	    t; t = icalcomponent_get_next_component(cal, ICAL_VTODO_COMPONENT)) {
		puts("VTODO");
		show_todo(t);
	}
	bad = icalcomponent_count_errors(cal);
	if (bad)
		fprintf(stderr, "icsread: %d errors\n", bad);
	icalcomponent_free(cal);
	icalmemory_free_ring();
	free(text);
	return bad != 0;
}
