/* json.c: JSON Lines (RFC 8259 text, one object a line), written into a
 * buffer, and the events as JSON, for rel-parse(1) and rel-log(1).
 *
 * Strings are valid UTF-8 whatever they are given: '"' and '\' behind a
 * backslash; line feed, tab and carriage return as \n, \t and \r, every
 * other control character and DEL as \u00XX; U+2028 and U+2029 as
 * \u2028 and \u2029, which some readers of JSON take for line ends; a
 * byte that is not part of valid UTF-8 (the readers let none through) as
 * \ufffd, the replacement character. */
#include <stdio.h>
#include <string.h>

#include "csvout.h"
#include "date.h"
#include "diag.h"
#include "json.h"
#include "utf8.h"

void
json_begin(struct json *j, struct buf *out)
{
	memset(j, 0, sizeof(*j));
	j->out = out;
	buf_addc(out, '{');
}

/* The comma before a value or key that follows another at its level. */
static void
separate(struct json *j)
{
	if (j->after_key) {
		j->after_key = 0;
		return;
	}
	if (j->has[j->depth])
		buf_addc(j->out, ',');
	j->has[j->depth] = 1;
}

/* A member's key of n bytes; its value comes next. */
void
json_key_n(struct json *j, const char *key, size_t n)
{
	separate(j);
	json_string_append(j->out, key, n);
	buf_addc(j->out, ':');
	j->after_key = 1;
}

void
json_key(struct json *j, const char *key)
{
	json_key_n(j, key, strlen(key));
}

/* bracket: '[' or '{', a value that holds others, until json_close().
 * The tools' objects hold lists of strings: two levels of JSON_DEPTH. */
void
json_open(struct json *j, char bracket)
{
	if (j->depth + 1 >= JSON_DEPTH)
		diag_fatal(2, "JSON nested deeper than %d levels", JSON_DEPTH);
	separate(j);
	buf_addc(j->out, bracket);
	j->depth++;
	j->has[j->depth] = 0;
	j->closer[j->depth] = bracket == '[' ? ']' : '}';
}

void
json_close(struct json *j)
{
	buf_addc(j->out, j->closer[j->depth]);
	j->depth--;
}

/* The object and its line end. */
void
json_end(struct json *j)
{
	buf_add(j->out, "}\n", 2);
}

static const char hex[] = "0123456789abcdef";

/* One character that needs more than itself, at s, of len bytes. */
static void
escape(struct buf *b, const unsigned char *s, size_t len, unsigned cp)
{
	char u[6] = { '\\', 'u', '0', '0', 0, 0 };

	if (len == 0) {
		buf_add(b, "\\ufffd", 6);
		return;
	}
	if (cp == '"' || cp == '\\') {
		buf_addc(b, '\\');
		buf_addc(b, (char)cp);
	} else if (cp == '\n' || cp == '\t' || cp == '\r') {
		buf_addc(b, '\\');
		buf_addc(b, cp == '\n' ? 'n' : cp == '\t' ? 't' : 'r');
	} else if (cp < 0x80) {
		u[4] = hex[cp >> 4];
		u[5] = hex[cp & 15];
		buf_add(b, u, 6);
	} else if (cp == 0x2028 || cp == 0x2029) {
		buf_add(b, cp == 0x2028 ? "\\u2028" : "\\u2029", 6);
	} else
		buf_add(b, (const char *)s, len);
}

static int
plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

/* n bytes of s as a JSON string, quotes and all. */
void
json_string_append(struct buf *b, const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, start = 0, len;
	unsigned cp;

	buf_addc(b, '"');
	while (i < n) {
		if (plain(u[i])) {
			i++;
			continue;
		}
		buf_add(b, s + start, i - start);
		len = utf8_decode(u + i, n - i, &cp);
		escape(b, u + i, len, cp);
		i += len ? len : 1;
		start = i;
	}
	buf_add(b, s + start, n - start);
	buf_addc(b, '"');
}

void
json_string(struct json *j, const char *s, size_t n)
{
	separate(j);
	json_string_append(j->out, s, n);
}

/* A string, or null for NULL or "": a value the input does not have. */
void
json_text(struct json *j, const char *s)
{
	if (s == NULL || *s == '\0')
		json_null(j);
	else
		json_string(j, s, strlen(s));
}

/* Whether s is a number as JSON writes one: -?(0|[1-9][0-9]*)(.[0-9]+)?
 * ([eE][+-]?[0-9]+)? */
int
json_is_number(const char *s)
{
	const char *p = s + (*s == '-');

	if (*p == '0')
		p++;
	else if (*p >= '1' && *p <= '9')
		p += strspn(p, "0123456789");
	else
		return 0;
	if (*p == '.') {
		if (p[1] < '0' || p[1] > '9')
			return 0;
		p += 1 + strspn(p + 1, "0123456789");
	}
	if (*p == 'e' || *p == 'E') {
		p += 1 + (p[1] == '+' || p[1] == '-');
		if (*p < '0' || *p > '9')
			return 0;
		p += strspn(p, "0123456789");
	}
	return *p == '\0';
}

/* A number as the CSV writes it; null for "" (no value), and a string
 * for anything that is not a JSON number, so that the line stays JSON. */
void
json_number(struct json *j, const char *text)
{
	if (*text == '\0')
		json_null(j);
	else if (!json_is_number(text))
		json_string(j, text, strlen(text));
	else {
		separate(j);
		buf_add(j->out, text, strlen(text));
	}
}

void
json_long(struct json *j, long v)
{
	char num[24];

	separate(j);
	buf_add(j->out, num, (size_t)snprintf(num, sizeof(num), "%ld", v));
}

void
json_null(struct json *j)
{
	separate(j);
	buf_add(j->out, "null", 4);
}

/* the events */

static void
put_date_time(struct json *j, const struct record *r)
{
	char day[DATE_MAX], hm[8];

	json_key(j, "date");
	if (r->date == NO_DATE)
		json_null(j);
	else {
		date_format(r->date, day);
		json_string(j, day, strlen(day));
	}
	json_key(j, "time");
	if (r->minute < 0)
		json_null(j);
	else
		json_string(j, hm, (size_t)snprintf(hm, sizeof(hm), "%02d:%02d",
		    r->minute / 60 % 100, r->minute % 60));
}

/* attrs: an object of the attributes, keys and values as written; tags:
 * an array; notes: an array of the note lines. */
static void
put_lists(struct json *j, const struct record *r)
{
	const char *p, *nl;
	size_t i;

	json_key(j, "attrs");
	json_open(j, '{');
	for (i = 0; i < r->nattrs; i++) {
		json_key_n(j, r->attrs[i].key, r->attrs[i].keylen);
		json_string(j, r->attrs[i].val, r->attrs[i].vallen);
	}
	json_close(j);
	json_key(j, "tags");
	json_open(j, '[');
	for (i = 0; i < r->ntags; i++)
		json_text(j, r->tags[i]);
	json_close(j);
	json_key(j, "notes");
	json_open(j, '[');
	for (p = r->notes; *p; p = nl ? nl + 1 : p + strlen(p)) {
		nl = strchr(p, '\n');
		json_string(j, p, nl ? (size_t)(nl - p) : strlen(p));
	}
	json_close(j);
}

/* One record as rel-parse(1), JSON, has it: the columns of the events
 * CSV, each with its type; what the CSV leaves empty is null.  Written
 * in the batch of the events CSV (csvout.c): events_flush() ends it. */
void
events_write_json(FILE *fp, const struct record *r)
{
	struct json j;

	json_begin(&j, events_batch());
	json_key(&j, "file");
	json_text(&j, r->file);
	json_key(&j, "line");
	json_long(&j, r->line);
	put_date_time(&j, r);
	json_key(&j, "kind");
	json_text(&j, kind_name(r->kind));
	json_key(&j, "contact");
	json_text(&j, r->contact);
	json_key(&j, "ref");
	json_text(&j, r->ref);
	json_key(&j, "title");
	json_text(&j, r->title);
	put_lists(&j, r);
	json_end(&j);
	events_batched(fp);
}
