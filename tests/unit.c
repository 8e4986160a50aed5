/* unit.c: the pure parts (dates, periods, durations, near misses, CSV
 * quoting) tested directly, printing TAP. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "contact.h"
#include "csvout.h"
#include "date.h"
#include "diag.h"
#include "overdue.h"
#include "util.h"
#include "vocab.h"
#include "intern.h"
#include "json.h"
#include "money.h"
#include "timeline.h"
#include "words_agree.h"

static int n, failed;

static void
ok(int cond, const char *what)
{
	n++;
	printf("%s %d - %s\n", cond ? "ok" : "not ok", n, what);
	if (!cond)
		failed++;
}

static int
day(const char *s)
{
	const char *why;
	int d;

	if (date_parse(s, strlen(s), &d, &why) == -1)
		return NO_DATE;
	return d;
}

static int
fmt_is(int d, const char *want)
{
	char out[DATE_MAX];

	date_format(d, out);
	return strcmp(out, want) == 0;
}

static void
test_dates(void)
{
	const char *why;
	int d;

	ok(day("1970-01-01") == 0, "the epoch is day 0");
	ok(day("2026-11-22") - day("2026-10-23") == 30, "30 days apart");
	ok(day("2024-02-29") != NO_DATE, "2024-02-29 exists");
	ok(day("2026-02-29") == NO_DATE, "2026-02-29 does not");
	ok(day("2000-02-29") != NO_DATE, "2000 is a leap year");
	ok(day("1900-02-29") == NO_DATE, "1900 is not");
	ok(day("2026-02-30") == NO_DATE, "February has no 30th");
	ok(day("2026-13-01") == NO_DATE, "there is no month 13");
	ok(day("2026-00-10") == NO_DATE, "there is no month 0");
	ok(day("2026-1-01") == NO_DATE, "months have two digits");
	ok(date_parse("2026-10-1x", 10, &d, &why) == -1 && why != NULL,
	    "a bad date says why");
	ok(fmt_is(day("2026-03-01") - 1, "2026-02-28"), "day before March 1");
	ok(fmt_is(day("2028-03-01") - 1, "2028-02-29"), "leap day formatted");
	ok(fmt_is(day("1969-12-31"), "1969-12-31"), "before the epoch");
}

static int
added(const char *from, const char *period, int times, const char *want)
{
	struct period p;
	const char *why;

	if (period_parse(period, strlen(period), &p, &why) == -1)
		return 0;
	return fmt_is(period_add(day(from), p, times), want);
}

static void
test_periods(void)
{
	struct period p;
	const char *why;

	ok(added("2026-10-01", "10d", 1, "2026-10-11"), "10d");
	ok(added("2026-10-01", "2w", 1, "2026-10-15"), "2w");
	ok(added("2026-01-31", "1mo", 1, "2026-02-28"), "1mo from Jan 31 "
	    "ends on Feb 28");
	ok(added("2026-11-15", "3mo", 1, "2027-02-15"), "3mo across a year");
	ok(added("2024-02-29", "1y", 1, "2025-02-28"), "1y from a leap day");
	ok(added("2026-03-31", "1mo", -1, "2026-02-28"), "1mo back");
	ok(added("2026-10-01", "30d", 3, "2026-12-30"), "3 x 30d");
	ok(period_parse("3m", 2, &p, &why) == -1 && strstr(why, "mo") &&
	    strstr(why, "min"), "a bare m names mo and min");
	ok(period_parse("3x", 2, &p, &why) == -1, "unknown unit");
	ok(period_parse("d", 1, &p, &why) == -1, "no number");
	ok(period_parse("12", 2, &p, &why) == -1, "no unit");
	period_parse("3mo", 3, &p, &why);
	ok(period_days(p) == 90, "3mo is nominally 90 days");
}

/* A phrase of rel-add(1) said on 2026-11-22, a Sunday. */
static int
said(const char *phrase, int way, const char *want)
{
	const char *why;
	int d;

	if (date_phrase(phrase, strlen(phrase), day("2026-11-22"), way, &d,
	    &why) == -1)
		return want == NULL;
	return want && fmt_is(d, want);
}

static void
test_date_phrases(void)
{
	ok(said("today", DATE_BACK, "2026-11-22"), "today");
	ok(said("yesterday", DATE_BACK, "2026-11-21"), "yesterday");
	ok(said("Tomorrow", DATE_AHEAD, "2026-11-23"), "tomorrow, any case");
	ok(said("-3d", DATE_BACK, "2026-11-19"), "-3d");
	ok(said("+7d", DATE_AHEAD, "2026-11-29"), "+7d");
	ok(said("+1mo", DATE_AHEAD, "2026-12-22"), "+1mo");
	ok(said("-2w", DATE_BACK, "2026-11-08"), "-2w");
	ok(said("mon", DATE_BACK, "2026-11-16"), "mon: the Monday just past");
	ok(said("monday", DATE_AHEAD, "2026-11-23"), "monday ahead: the next");
	ok(said("sun", DATE_BACK, "2026-11-22") &&
	    said("sun", DATE_AHEAD, "2026-11-22"), "a weekday that is today "
	    "is today, either way");
	ok(said("fri", DATE_AHEAD, "2026-11-27") &&
	    said("fri", DATE_BACK, "2026-11-20"), "fri ahead and back");
	ok(said("thurs", DATE_BACK, "2026-11-19"), "a weekday's first letters");
	ok(said("2026-10-01", DATE_BACK, "2026-10-01"), "an ISO date");
	ok(said("2026-02-30", DATE_BACK, NULL), "an ISO date that does not "
	    "exist");
	ok(said("mo", DATE_BACK, NULL) && said("3d", DATE_BACK, NULL) &&
	    said("-3m", DATE_BACK, NULL) && said("someday", DATE_BACK, NULL),
	    "what is not a date: two letters, no sign, a bare m, a word");
}

static int
minutes(const char *s)
{
	const char *why;
	int m;

	return duration_parse(s, strlen(s), &m, &why) == -1 ? -1 : m;
}

static void
test_durations(void)
{
	const char *why;
	int m;

	ok(minutes("45m") == 45, "45m");
	ok(minutes("45min") == 45, "45min");
	ok(minutes("1h") == 60, "1h");
	ok(minutes("1h30m") == 90, "1h30m");
	ok(minutes("1h30min") == 90, "1h30min");
	ok(minutes("30m1h") == -1, "hours after minutes");
	ok(minutes("1h1h") == -1, "hours twice");
	ok(minutes("h") == -1, "no number");
	ok(minutes("5") == -1, "no unit");
	ok(duration_parse("3mo", 3, &m, &why) == -1 && strstr(why, "period"),
	    "mo in a duration says it is a period unit");
	ok(time_parse("23:59", 5, &m, &why) == 0 && m == 1439, "23:59");
	ok(time_parse("24:00", 5, &m, &why) == -1, "24:00");
	ok(time_parse("9:30", 4, &m, &why) == -1, "9:30 needs two digits");
}

/* The sum of the amounts a, as money_format() writes it, or "overflow". */
static const char *
sum_of(const char *const *a, size_t count, const char *currency)
{
	static struct buf b;
	struct money m = { 0 };
	struct amount x;
	const char *why;
	size_t i;
	int bad = 0;

	for (i = 0; i < count; i++)
		bad |= amount_parse(a[i], &x, &why) == -1 ||
		    money_add(&m, currency, x) == -1;
	b.len = 0;
	if (bad)
		buf_add(&b, "overflow", 8);
	else
		money_format(&m, &b);
	money_free(&m);
	return b.s;
}

static void
test_money(void)
{
	static const char *tenths[] = { "0.10", "0.20" };
	static const char *mixed[] = { "12000.5", "0.25", "3" };
	static const char *big[] = { "999999999999999999", "1" };
	static const char *cents[] = { "0.000000000000000001", "1" };
	struct money m = { 0 };
	struct amount a;
	struct buf b = { 0 };
	const char *why, *eur = intern("EUR", 3), *usd = intern("USD", 3);

	ok(strcmp(sum_of(tenths, 2, eur), "0.30 EUR") == 0, "0.10 + 0.20 is 0.30");
	ok(strcmp(sum_of(mixed, 3, eur), "12003.75 EUR") == 0,
	    "a sum keeps the finest decimal place");
	ok(strcmp(sum_of(big, 2, NULL), "overflow") == 0,
	    "past 18 digits: said, not rounded");
	ok(strcmp(sum_of(cents, 2, NULL), "overflow") == 0,
	    "1 at 18 decimal places needs 19 digits");
	ok(amount_parse("0012.50", &a, &why) == 0 && a.units == 1250 &&
	    a.scale == 2, "leading zeros do not count");
	ok(amount_parse("1234567890123456789", &a, &why) == -1 &&
	    strstr(why, "18 digits"), "19 digits: refused, and why");
	ok(amount_parse("12.", &a, &why) == -1 && amount_parse(".5", &a,
	    &why) == -1 && amount_parse("1.2.3", &a, &why) == -1 &&
	    amount_parse("", &a, &why) == -1 && amount_parse("1,000", &a,
	    &why) == -1, "what is not digits and a point is refused");
	amount_parse("300", &a, &why);
	money_add(&m, usd, a);
	amount_parse("7.5", &a, &why);
	money_add(&m, NULL, a);
	money_add(&m, eur, a);
	money_format(&m, &b);
	ok(strcmp(b.s, "7.5 EUR; 300 USD; 7.5") == 0,
	    "by currency code, the sum without one last");
	money_settle(&m, eur);
	b.len = 0;
	money_format(&m, &b);
	ok(strcmp(b.s, "15.0 EUR; 300 USD") == 0,
	    "the option currency takes the sum without one");
	money_free(&m);
	buf_free(&b);
}

static void
test_near_misses(void)
{
	static const char *const words[] = { "meeting", "message", "kept",
	    "told" };

	ok(edit_distance("kitten", 6, "sitting", 7) == 3, "edit distance");
	ok(closest_word("meting", 6, words, 4) != NULL &&
	    strcmp(closest_word("meting", 6, words, 4), "meeting") == 0,
	    "meting -> meeting");
	ok(closest_word("xyzzy", 5, words, 4) == NULL, "no near miss");
	ok(closest_word("kept", 4, words, 4) == NULL, "an exact word is no "
	    "suggestion");
}

static void
test_ids(void)
{
	ok(id_is_valid("jan", 3), "jan");
	ok(id_is_valid("req-17", 6), "req-17");
	ok(id_is_valid("a.b_c", 5), "a.b_c");
	ok(!id_is_valid("-x", 2), "not from a dash");
	ok(!id_is_valid("a b", 3), "no blanks");
	ok(!id_is_valid("", 0), "not empty");
}

static char why[300];

/* The message for val as a value of key, or NULL if it is good. */
static const char *
check_value(const char *key, const char *val)
{
	return key_value_check(key_lookup(key, strlen(key)), key, val, why,
	    sizeof(why));
}

static void
test_attr_values(void)
{
	ok(check_value("score", "10") == NULL, "score 10");
	ok(check_value("score", "11") != NULL, "score 11");
	ok(check_value("I", "0") != NULL, "rating 0");
	ok(check_value("amount", "12000.50") == NULL, "amount");
	ok(check_value("amount", "12k") != NULL, "12k");
	ok(check_value("currency", "EUR") == NULL, "EUR");
	ok(check_value("currency", "eur") != NULL, "eur");
	ok(check_value("outcome", "no-show") == NULL,
	    "no-show");
	ok(check_value("outcome", "noshow") != NULL &&
	    strstr(why, "no-show"), "noshow suggests no-show");
	ok(check_value("whatever", "x y") == NULL,
	    "unknown keys take any value");
}

static void
test_csv_quoting(void)
{
	char *s = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&s, &len);

	csv_field(fp, "plain", 5, 1);
	csv_field(fp, "a,b", 3, 0);
	csv_field(fp, "say \"hi\"", 8, 0);
	csv_field(fp, " lead", 5, 0);
	csv_field(fp, "two\nlines", 9, 0);
	csv_field(fp, "", 0, 0);
	fclose(fp);
	ok(strcmp(s, "plain,\"a,b\",\"say \"\"hi\"\"\",\" lead\","
	    "\"two\nlines\",") == 0, "fields quoted only when needed");
	free(s);
}

/* The word splitter, on tricky words and on random lines of the
 * characters that matter: it covers every byte and reads as the pattern
 * of the grammar does. */
static void
test_words(void)
{
	static const char *const lines[] = {
		"", " ", "\t", "a", "a:b", "a:", ":", "a::", "ab-9:x", "9a:b",
		"Ab:c", "I:3", "I:", "Ib:c", "IM:3", "E:5 H:x", "+", "+a", "++",
		"+a:b", "+\"", "; c", "a;b", "a ;b c", "\"q\"", "\"q\"x",
		"k:\"v w\"", "k:\"v\"x", "a\"b", "k:v\"", "\"", "\"a \\\" b\"",
		"due:2026-10-10 +q4 Send \"the\" quote ; late",
		"http://x", "a-:b", "-a:b", "z:é", "é:é", "Tomás +café",
		"+1", "+44 20", ";)", ";-) ok", "a;b", "; ", ";", "+é", "+€5",
		"re: x", "k:\"a b\" c", "x:\"a", "x:\"a\"b c", "\"a\\\"",
		"\"\" x", "k:\"\"", "\"a\"\"b\"",
	};
	static const char chars[] = "azIMx:+;\"\\ \t-09,\xc3\xa9\xe2\x82\xac";
	unsigned long long rs = 88172645463325252ULL;
	char line[32];
	size_t i, k, len, bad = 0;

	words_init();
	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++)
		bad += !words_agree(lines[i], strlen(lines[i]));
	ok(bad == 0, "the splitter reads tricky words as the pattern does");
	bad = 0;
	for (i = 0; i < 50000; i++) {
		rs ^= rs >> 12, rs ^= rs << 25, rs ^= rs >> 27;
		len = rs % 24;
		for (k = 0; k < len; k++) {
			rs ^= rs >> 12, rs ^= rs << 25, rs ^= rs >> 27;
			line[k] = chars[(rs * 2685821657736338717ULL >> 40) %
			    (sizeof(chars) - 1)];
		}
		memset(line + len, 0, sizeof(line) - len);
		bad += !words_agree(line, len);
	}
	ok(bad == 0, "the splitter reads 50,000 random lines as the pattern "
	    "does");
	words_free();
	words_agree_free();
}

/* arena_alloc_aligned(): on the boundary asked for, apart from what comes
 * before it, and what follows it comes right after it (the padding it did
 * not need is given back), but where a chunk is full. */
static void
test_arena(void)
{
	struct arena a = { 0 };
	size_t pn, qn, i, aligned = 0, apart = 0, next = 0;
	char *p, *q, *r;

	for (i = 0; i < 5000; i++) {
		pn = i % 13 + 1;
		qn = 72 + i % 50;
		p = arena_alloc(&a, pn);
		q = arena_alloc_aligned(&a, qn, 64);
		r = arena_alloc(&a, 8);
		memset(p, 'p', pn);
		memset(q, 'q', qn);
		memset(r, 'r', 8);
		aligned += ((uintptr_t)q & 63) == 0;
		apart += q >= p + pn || q + qn <= p;
		next += r == q + ((qn + 7) & ~(size_t)7);
	}
	ok(aligned == 5000, "arena_alloc_aligned(64) is on a 64-byte boundary");
	ok(apart == 5000, "an aligned allocation is apart from the one before");
	/* about 120 bytes a round: 10 of 5000 start a fresh chunk */
	ok(next >= 4950, "what follows an aligned allocation comes right "
	    "after it");
	arena_free(&a);
}

/* JSON strings: what JSON needs escaped, and valid UTF-8 whatever the
 * bytes given. */
static void
test_json(void)
{
	struct buf b = { 0 };
	static const char in[] = "a\"b\\c\n\t\r\001\037\177 \xc3\xa9 "
	    "\xe2\x80\xa8 \xff\xc3 \xf0\x9f\x91\x8d";

	json_string_append(&b, in, sizeof(in) - 1);
	ok(strcmp(b.s, "\"a\\\"b\\\\c\\n\\t\\r\\u0001\\u001f\\u007f "
	    "\xc3\xa9 \\u2028 \\ufffd\\ufffd \xf0\x9f\x91\x8d\"") == 0,
	    "json: quotes, backslashes, controls, U+2028, bytes not UTF-8");
	ok(json_is_number("0") && json_is_number("-12") &&
	    json_is_number("0.35") && json_is_number("1e-3") &&
	    !json_is_number("") && !json_is_number("01") &&
	    !json_is_number("1.") && !json_is_number(".5") &&
	    !json_is_number("+1") && !json_is_number("14d"),
	    "json: what is a number");
	buf_free(&b);
}

#define ENTRIES 3000

/* The date and minute of the entry of line i: five days, dates and
 * times in no order, a third without a time. */
static void
when_of(long line, int *date, int *minute)
{
	*date = 20000 + (int)(line * 7919 % 97) % 5;
	*minute = line % 3 == 0 ? -1 : (int)(line % 4) * 60;
}

/* record_fn of test_timeline(): the lines in the order given back. */
static void
keep_line(const struct record *r, void *ctx)
{
	long *order = ctx;

	order[order[ENTRIES]++ % ENTRIES] = r->line;
}

/* The timeline: in order of date and time, an entry without a time
 * first, entries at the same time in the order added, the records of one
 * entry kept once. */
static void
test_timeline(void)
{
	struct timeline *t = timeline_new();
	struct record r = { .file = intern("t.rel", 5), .kind = K_NOTE,
	    .title = "", .notes = "" };
	long order[ENTRIES + 1] = { 0 }, i;
	int good = 1, da, ma, db, mb;

	for (i = 1; i <= ENTRIES; i++) {
		r.line = i;
		when_of(i, &r.date, &r.minute);
		timeline_add(t, &r);
		if (i % 10 == 0)	/* a further record of the same entry */
			timeline_add(t, &r);
	}
	ok(timeline_sort(t) == ENTRIES, "timeline: each entry once");
	timeline_each(t, 0, keep_line, order);
	for (i = 1; i < ENTRIES; i++) {
		when_of(order[i - 1], &da, &ma);
		when_of(order[i], &db, &mb);
		good &= da < db || (da == db && (ma < mb || (ma == mb &&
		    order[i - 1] < order[i])));
	}
	ok(good && order[ENTRIES] == ENTRIES, "timeline: by date, then time, "
	    "stable");
	timeline_free(t);
}

/* unit --list WHAT: a table of lib/vocab.c (and the keys contact.c makes
 * members inherit), a word a line, for tests/25-vocabulary.t to hold the
 * manual pages to. */
static int
list(const char *what)
{
	const char *const *v = NULL;
	size_t count = 0, i;
	int d;

	if (strcmp(what, "kinds") == 0)
		v = kind_entry_names(&count);
	else if (strcmp(what, "keys") == 0)
		v = key_names(&count);
	else if (strcmp(what, "statuses") == 0)
		v = status_names(&count);
	else if (strcmp(what, "options") == 0)
		v = journal_option_names(&count);
	else if (strcmp(what, "inherited") == 0)
		v = contact_inherited_keys(&count);
	else if (strncmp(what, "choices:", 8) == 0)
		v = key_choices(key_lookup(what + 8, strlen(what + 8)), &count);
	else if (strcmp(what, "dimensions") == 0)
		for (d = 0; d < NDIMS; d++)
			printf("%c %s\n", dim_letter((enum dim)d),
			    dim_name((enum dim)d));
	else if (strcmp(what, "item-kinds") == 0)
		v = item_kind_names, count = IT__COUNT;
	else
		return 2;
	for (i = 0; i < count; i++)
		printf("%s\n", v[i]);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--list") == 0)
		return list(argv[2]);
	diag_init("unit");
	test_dates();
	test_periods();
	test_date_phrases();
	test_durations();
	test_money();
	test_near_misses();
	test_ids();
	test_attr_values();
	test_csv_quoting();
	test_words();
	test_arena();
	test_json();
	test_timeline();
	printf("1..%d\n", n);
	return failed != 0;
}
