/* json.h: JSON Lines, one object a line (json.c), and the events as JSON */
#ifndef JSON_H
#define JSON_H

#include <stddef.h>
#include <stdio.h>

#include "record.h"
#include "util.h"

/* The objects written hold values of at most two levels: the lists of
 * a record, of strings. */
#define JSON_DEPTH 4

/* An object being written into out: at each level open, whether it has
 * a value already (each after the first gets a comma), and what closes
 * it. */
struct json {
	struct buf *out;
	unsigned depth;
	unsigned char has[JSON_DEPTH];
	char closer[JSON_DEPTH];
	int after_key;
};

void json_begin(struct json *, struct buf *out);
void json_end(struct json *);
void json_key(struct json *, const char *key);
void json_key_n(struct json *, const char *key, size_t n);
void json_open(struct json *, char bracket);
void json_close(struct json *);
void json_string(struct json *, const char *, size_t);
void json_text(struct json *, const char *);
void json_number(struct json *, const char *);
void json_long(struct json *, long);
void json_null(struct json *);
void json_string_append(struct buf *, const char *, size_t);
int json_is_number(const char *);

void events_write_json(FILE *, const struct record *);

#endif
