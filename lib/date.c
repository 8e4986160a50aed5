/* date.c: calendar dates as day numbers, times of day, periods (calendar
 * units) and durations (clock units), as rel-journal(5) defines them. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "date.h"
#include "diag.h"

static int
is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(long y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (era arithmetic). */
static int
days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (int)(era * 146097 + doe - 719468);
}

static void
civil_from_days(int z, long *y, int *m, int *d)
{
	long zz = (long)z + 719468, era, doe, yoe, doy, mp;

	era = (zz >= 0 ? zz : zz - 146096) / 146097;
	doe = zz - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
num(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* YYYY-MM-DD, a day that exists. */
int
date_parse(const char *s, size_t n, int *day, const char **why)
{
	int y, m, d;

	if (n != 10 || s[4] != '-' || s[7] != '-' || !digits(s, 4) ||
	    !digits(s + 5, 2) || !digits(s + 8, 2)) {
		*why = "write dates as YYYY-MM-DD";
		return -1;
	}
	y = num(s, 4);
	m = num(s + 5, 2);
	d = num(s + 8, 2);
	if (m < 1 || m > 12) {
		*why = "the month is 01 to 12";
		return -1;
	}
	if (d < 1 || d > month_days(y, m)) {
		static const char *const names[] = { "January", "February",
		    "March", "April", "May", "June", "July", "August",
		    "September", "October", "November", "December" };
		static char msg[64];

		snprintf(msg, sizeof(msg), "%s %d has %d days", names[m - 1], y,
		    month_days(y, m));
		*why = msg;
		return -1;
	}
	*day = days_from_civil(y, m, d);
	return 0;
}

/* YYYY-MM-DD.  A date that is computed (a due date plus a cadence) may
 * fall past 9999-12-31, which no journal can hold; it is written with
 * the sign and the digits ISO 8601 gives such a year, +10025-01-01, and
 * never with its year cut. */
void
date_format(int day, char out[DATE_MAX])
{
	long y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999) {
		snprintf(out, DATE_MAX, "%+ld-%02d-%02d", y, m, d);
		return;
	}
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* HH:MM, 00:00 to 23:59. */
int
time_parse(const char *s, size_t n, int *minute, const char **why)
{
	int h, m;

	if (n != 5 || s[2] != ':' || !digits(s, 2) || !digits(s + 3, 2)) {
		*why = "write times as HH:MM";
		return -1;
	}
	h = num(s, 2);
	m = num(s + 3, 2);
	if (h > 23 || m > 59) {
		*why = "the time must be between 00:00 and 23:59";
		return -1;
	}
	*minute = h * 60 + m;
	return 0;
}

/* A count and a unit: 10d, 2w, 3mo, 1y.  A bare m is refused because it
 * reads as minutes to some and months to others. */
int
period_parse(const char *s, size_t n, struct period *p, const char **why)
{
	size_t i = 0;
	long v = 0;

	while (i < n && s[i] >= '0' && s[i] <= '9' && v < 1000000)
		v = v * 10 + (s[i++] - '0');
	if (i == 0 || i == n) {
		*why = "write a period as a number and a unit: 10d, 2w, 3mo or 1y";
		return -1;
	}
	p->n = (int)v;
	if (n - i == 1 && strchr("dwy", s[i]))
		p->unit = s[i];
	else if (n - i == 2 && s[i] == 'm' && s[i + 1] == 'o')
		p->unit = 'm';
	else if (n - i == 1 && s[i] == 'm') {
		static char msg[96];

		snprintf(msg, sizeof(msg), "the unit m is ambiguous: write %ldmo "
		    "for months (or %ldmin for minutes, in a duration)", v, v);
		*why = msg;
		return -1;
	} else {
		*why = "the unit of a period is d, w, mo or y";
		return -1;
	}
	/* 1000 years: far enough, and a date it gives stays printable */
	if ((p->unit == 'y' && v > 1000) || (p->unit == 'm' && v > 12000) ||
	    (p->unit == 'w' && v > 52178) || (p->unit == 'd' && v > 365242)) {
		*why = "a period is at most 1000 years";
		return -1;
	}
	return 0;
}

/* day + times * period; months and years keep the day of the month where
 * it exists and otherwise take the last day of the month. */
int
period_add(int day, struct period p, int times)
{
	long y, months;
	int m, d, dim;

	switch (p.unit) {
	case 'd':
		return day + p.n * times;
	case 'w':
		return day + 7 * p.n * times;
	default:
		civil_from_days(day, &y, &m, &d);
		months = (long)p.n * times * (p.unit == 'y' ? 12 : 1);
		months += y * 12 + (m - 1);
		y = months >= 0 ? months / 12 : (months - 11) / 12;
		m = (int)(months - y * 12) + 1;
		dim = month_days(y, m);
		return days_from_civil(y, m, d > dim ? dim : d);
	}
}

/* A period as the journal writes it: 14d, 2w, 3mo, 1y. */
void
period_format(struct period p, char out[16])
{
	snprintf(out, 16, "%d%s", p.n, p.unit == 'd' ? "d" : p.unit == 'w' ?
	    "w" : p.unit == 'm' ? "mo" : "y");
}

/* A period's nominal length in days, for ratios (a month is 30 days). */
/* A date that comes back each year (rel-journal(5), birthday:): MM-DD,
 * or YYYY-MM-DD when the year is known. */
int
yearly_parse(const char *s, size_t n, struct yearly *y, const char **why)
{
	static char msg[64];
	int day;

	if (n == 10) {
		if (date_parse(s, n, &day, why) == -1)
			return -1;
		y->year = num(s, 4);
		y->month = num(s + 5, 2);
		y->day = num(s + 8, 2);
		return 0;
	}
	if (n != 5 || s[2] != '-' || !digits(s, 2) || !digits(s + 3, 2)) {
		*why = "write a yearly date as MM-DD, or YYYY-MM-DD with its year";
		return -1;
	}
	y->year = 0;
	y->month = num(s, 2);
	y->day = num(s + 3, 2);
	if (y->month < 1 || y->month > 12) {
		*why = "the month is 01 to 12";
		return -1;
	}
	if (y->day < 1 || y->day > month_days(2000, y->month)) {
		snprintf(msg, sizeof(msg), "month %02d has %d days", y->month,
		    month_days(2000, y->month));
		*why = msg;
		return -1;
	}
	return 0;
}

/* The day, on or after `from`, that a yearly date next falls on: 29
 * February on 28 February in a year that has none. */
int
yearly_next(struct yearly y, int from)
{
	long year;
	int m, d, day, k;

	civil_from_days(from, &year, &m, &d);
	for (k = 0; k < 2; k++, year++) {
		d = y.month == 2 && y.day == 29 && !is_leap(year) ? 28 : y.day;
		if ((day = days_from_civil(year, y.month, d)) >= from)
			return day;
	}
	return day;	/* not reached: a year later always is */
}

/* The year of a day. */
long
date_year(int day)
{
	long y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	return y;
}

int
period_days(struct period p)
{
	switch (p.unit) {
	case 'd':
		return p.n;
	case 'w':
		return 7 * p.n;
	case 'm':
		return 30 * p.n;
	default:
		return 365 * p.n;
	}
}

/* A period, or two joined by "..": an ideal and a limit no shorter. */
int
cadence_parse(const char *s, size_t n, struct cadence *c, const char **why)
{
	const char *dots = NULL;
	size_t i;

	for (i = 0; i + 1 < n && dots == NULL; i++)
		if (s[i] == '.' && s[i + 1] == '.')
			dots = s + i;
	if (dots == NULL) {
		c->ranged = 0;
		if (period_parse(s, n, &c->ideal, why) == -1)
			return -1;
		c->limit = c->ideal;
		return 0;
	}
	c->ranged = 1;
	if (period_parse(s, (size_t)(dots - s), &c->ideal, why) == -1 ||
	    period_parse(dots + 2, n - (size_t)(dots - s) - 2, &c->limit,
	    why) == -1)
		return -1;
	if (period_days(c->limit) < period_days(c->ideal)) {
		*why = "the limit, after the .., is shorter than the ideal before "
		    "it: write the ideal first, as in 14d..30d";
		return -1;
	}
	return 0;
}

/* "14d", or "14d..30d" */
void
cadence_format(struct cadence c, char out[CADENCE_MAX])
{
	char a[16], b[16];

	period_format(c.ideal, a);
	if (!c.ranged) {
		snprintf(out, CADENCE_MAX, "%s", a);
		return;
	}
	period_format(c.limit, b);
	snprintf(out, CADENCE_MAX, "%s..%s", a, b);
}

/* Months since year 0, to count by calendar month. */
int
date_month_index(int day)
{
	long y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	return (int)(y * 12 + m - 1);
}

/* 45m, 45min, 1h, 1h30m: minutes. */
int
duration_parse(const char *s, size_t n, int *minutes, const char **why)
{
	size_t i = 0, start;
	long total = 0, v;
	int seen_h = 0, seen_m = 0;

	*why = "write a duration as 45m, 1h or 1h30m";
	if (n == 0)
		return -1;
	while (i < n) {
		start = i;
		v = 0;
		while (i < n && s[i] >= '0' && s[i] <= '9' && v < 1000000)
			v = v * 10 + (s[i++] - '0');
		if (i == start || i == n || v >= 1000000)
			return -1;
		if (s[i] == 'h' && !seen_h && !seen_m) {
			total += v * 60;
			seen_h = 1;
			i++;
		} else if (s[i] == 'm' && !seen_m) {
			if (i + 1 < n && s[i + 1] == 'o') {
				static char msg[96];

				snprintf(msg, sizeof(msg), "mo is months, a period; "
				    "write minutes as %ldm or %ldmin", v, v);
				*why = msg;
				return -1;
			}
			if (i + 2 < n && s[i + 1] == 'i' && s[i + 2] == 'n')
				i += 2;
			total += v;
			seen_m = 1;
			i++;
		} else
			return -1;
	}
	if (total > INT_MAX / 2)
		return -1;
	*minutes = (int)total;
	return 0;
}

/* The DATE of an option such as --since DATE; a bad one ends the tool. */
int
date_option(const char *option, const char *arg)
{
	const char *why;
	int day;

	if (date_parse(arg, strlen(arg), &day, &why) == -1)
		diag_fatal(2, "%s %s: %s", option, arg, why);
	return day;
}

/* --today DATE, or the local date. */
int
today_from_option(const char *arg)
{
	struct tm tm;
	time_t now;

	if (arg)
		return date_option("--today", arg);
	now = time(NULL);
	localtime_r(&now, &tm);
	return days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1, tm.tm_mday);
}

/* Minutes as a duration is written: 45m, 2h, 1h30m; 0m for none. */
void
duration_format(long minutes, char out[DURATION_MAX])
{
	if (minutes >= 60 && minutes % 60)
		snprintf(out, DURATION_MAX, "%ldh%ldm", minutes / 60, minutes % 60);
	else if (minutes >= 60)
		snprintf(out, DURATION_MAX, "%ldh", minutes / 60);
	else
		snprintf(out, DURATION_MAX, "%ldm", minutes);
}

/* The words of date_phrase(), in this order: three days around today,
 * then the days of the week from Monday. */
const char *const date_words[] = {
	"yesterday", "today", "tomorrow",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", NULL
};

#define WEEKDAY_FIRST 3

/* 0 for a Monday, ..., 6 for a Sunday (1970-01-01 was a Thursday). */
static int
weekday(int day)
{
	return ((day + 3) % 7 + 7) % 7;
}

/* A word of date_words, any case; a weekday also by its first three
 * letters or more (mon, thurs).  Its index, or -1. */
static int
date_word(const char *s, size_t n)
{
	size_t len;
	int i;

	for (i = 0; date_words[i]; i++) {
		len = strlen(date_words[i]);
		if (n <= len && strncasecmp(s, date_words[i], n) == 0 &&
		    (n == len || (i >= WEEKDAY_FIRST && n >= 3)))
			return i;
	}
	return -1;
}

/* A date as people say it, relative to today (rel-add(1)): YYYY-MM-DD;
 * yesterday, today, tomorrow; a period before or after today (-3d, +2w,
 * +1mo); a weekday, which is today or, DATE_BACK, the latest before it
 * (the entry's date: mon is the Monday just past) or, DATE_AHEAD, the
 * first after it (a due date: fri is the Friday to come). */
int
date_phrase(const char *s, size_t n, int today, int way, int *day,
    const char **why)
{
	struct period p;
	int w, diff;

	if (n > 0 && s[0] >= '0' && s[0] <= '9')
		return date_parse(s, n, day, why);
	if (n > 1 && (s[0] == '-' || s[0] == '+')) {
		if (period_parse(s + 1, n - 1, &p, why) == -1)
			return -1;
		*day = period_add(today, p, s[0] == '-' ? -1 : 1);
		return 0;
	}
	if ((w = date_word(s, n)) == -1) {
		*why = "write a date as YYYY-MM-DD, yesterday, today, tomorrow, "
		    "a weekday (mon) or a period from today (-3d, +2w)";
		return -1;
	}
	if (w < WEEKDAY_FIRST) {
		*day = today + w - 1;
		return 0;
	}
	diff = (w - WEEKDAY_FIRST - weekday(today) + 7) % 7;
	*day = way == DATE_AHEAD ? today + diff : today - (7 - diff) % 7;
	return 0;
}
