/* date.h: calendar days, times of day, periods and durations */
#ifndef DATE_H
#define DATE_H

#include <stddef.h>

#define NO_DATE (-2147483647 - 1)
#define DATE_MAX 16	/* YYYY-MM-DD, or +YYYYY-MM-DD past 9999, and NUL */

struct period {
	int n;
	char unit;	/* 'd', 'w', 'm' (months), 'y' */
};

/* How often to be in touch (rel-journal(5), cadence:): past the ideal a
 * contact is due; past the limit, late.  One period alone is both, and
 * ranged is 0. */
struct cadence {
	struct period ideal, limit;
	int ranged;
};
#define CADENCE_MAX 40	/* 1000y..1000y and NUL */

/* A date that comes back each year; year 0 when it is not known. */
struct yearly {
	int year, month, day;
};

int date_parse(const char *s, size_t n, int *day, const char **why);
void date_format(int day, char out[DATE_MAX]);
int time_parse(const char *s, size_t n, int *minute, const char **why);
int period_parse(const char *s, size_t n, struct period *, const char **why);
int period_add(int day, struct period, int times);
int period_days(struct period);
int yearly_parse(const char *s, size_t n, struct yearly *, const char **why);
int yearly_next(struct yearly, int from);
long date_year(int day);
int cadence_parse(const char *s, size_t n, struct cadence *, const char **why);
void cadence_format(struct cadence, char out[CADENCE_MAX]);
void period_format(struct period, char out[16]);
int date_month_index(int day);
int duration_parse(const char *s, size_t n, int *minutes, const char **why);
#define DURATION_MAX 32
void duration_format(long minutes, char out[DURATION_MAX]);
int date_option(const char *option, const char *arg);

/* Dates as people say them (rel-add(1)): the words, for completion too. */
extern const char *const date_words[];
enum { DATE_BACK, DATE_AHEAD };
int date_phrase(const char *s, size_t n, int today, int way, int *day,
    const char **why);
int today_from_option(const char *arg);

#endif
