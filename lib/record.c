/* record.c: the kinds of rel-journal(5), the attributes it knows, and the
 * check of an attribute's value, shared by both readers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rel.h"

#define NAME(s) { s, sizeof(s) - 1 }

static const struct name {
	const char *s;
	size_t len;
} kind_names[K__COUNT] = {
	[K_NONE] = NAME(""),
	[K_MEETING] = NAME("meeting"), [K_CALL] = NAME("call"),
	[K_VISIT] = NAME("visit"), [K_EMAIL] = NAME("email"),
	[K_MESSAGE] = NAME("message"), [K_NOTE] = NAME("note"),
	[K_PROMISE] = NAME("promise"), [K_KEPT] = NAME("kept"),
	[K_BROKEN] = NAME("broken"), [K_MOVED] = NAME("moved"),
	[K_ISSUE] = NAME("issue"), [K_TOLD] = NAME("told"),
	[K_RESOLVED] = NAME("resolved"), [K_REQUEST] = NAME("request"),
	[K_ANSWERED] = NAME("answered"), [K_FEEDBACK] = NAME("feedback"),
	[K_DEAL] = NAME("deal"), [K_REFERRAL] = NAME("referral"),
	[K_RATE] = NAME("rate"), [K_STATUS] = NAME("status"),
	[K_CONTACT] = NAME("contact"), [K_OPTION] = NAME("option"),
};

static int
name_is(const struct name *name, const char *w, size_t n)
{
	return name->len == n && name->s[0] == w[0] &&
	    memcmp(name->s, w, n) == 0;
}

enum kind
kind_from_word(const char *w, size_t n)
{
	int k;

	for (k = K_MEETING; k < K__COUNT; k++)
		if (name_is(&kind_names[k], w, n))
			return (enum kind)k;
	return K_NONE;
}

const char *
kind_name(enum kind k)
{
	return kind_names[k].s;
}

int
kind_is_interaction(enum kind k)
{
	return k >= K_MEETING && k <= K_MESSAGE;
}

int
kind_is_followup(enum kind k)
{
	return k == K_KEPT || k == K_BROKEN || k == K_MOVED || k == K_TOLD ||
	    k == K_RESOLVED || k == K_ANSWERED;
}

int
kind_opens_ref(enum kind k)
{
	return k == K_PROMISE || k == K_ISSUE || k == K_REQUEST;
}

enum kind
kind_opener_of(enum kind k)
{
	switch (k) {
	case K_KEPT:
	case K_BROKEN:
	case K_MOVED:
		return K_PROMISE;
	case K_TOLD:
	case K_RESOLVED:
		return K_ISSUE;
	case K_ANSWERED:
		return K_REQUEST;
	default:
		return K_NONE;
	}
}

const char *
record_get(const struct record *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nattrs; i++)
		if (strcmp(r->attrs[i].key, key) == 0)
			return r->attrs[i].val;
	return NULL;
}

/* The article for a kind's name in a message: "an issue", "a promise". */
const char *
a_or_an(const char *word)
{
	return strchr("aeiou", word[0]) ? "an" : "a";
}

int
id_is_valid(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') ||
		    (i > 0 && (c == '.' || c == '_' || c == '-'));
		if (!ok)
			return 0;
	}
	return 1;
}

/* What kind of value each known key takes. */
enum vtype { V_FREE, V_DATE, V_PERIOD, V_DURATION, V_ENUM, V_INT, V_AMOUNT,
    V_CURRENCY, V_ID };

struct keyinfo {
	struct name key;
	enum vtype type;
	const char *choices;	/* V_ENUM: words separated by '|' */
	int lo, hi;		/* V_INT */
};

static const struct keyinfo keys[] = {
	{ NAME("id"), V_ID, NULL, 0, 0 },
	{ NAME("due"), V_DATE, NULL, 0, 0 },
	{ NAME("learned"), V_DATE, NULL, 0, 0 },
	{ NAME("since"), V_DATE, NULL, 0, 0 },
	{ NAME("cadence"), V_PERIOD, NULL, 0, 0 },
	{ NAME("sla"), V_PERIOD, NULL, 0, 0 },
	{ NAME("planned"), V_DURATION, NULL, 0, 0 },
	{ NAME("actual"), V_DURATION, NULL, 0, 0 },
	{ NAME("outcome"), V_ENUM, "held|shortened|bumped|cancelled|no-show",
	    0, 0 },
	{ NAME("by"), V_ENUM, "us|them", 0, 0 },
	{ NAME("purpose"), V_ENUM, "give|ask|mutual", 0, 0 },
	{ NAME("ours"), V_ENUM, "yes|no", 0, 0 },
	{ NAME("status"), V_ENUM, "active|paused|ended", 0, 0 },
	{ NAME("severity"), V_FREE, NULL, 0, 0 },
	{ NAME("score"), V_INT, NULL, 0, 10 },
	{ NAME("amount"), V_AMOUNT, NULL, 0, 0 },
	{ NAME("currency"), V_CURRENCY, NULL, 0, 0 },
	{ NAME("to"), V_ID, NULL, 0, 0 },
	{ NAME("I"), V_INT, NULL, 1, 5 }, { NAME("M"), V_INT, NULL, 1, 5 },
	{ NAME("B"), V_INT, NULL, 1, 5 }, { NAME("W"), V_INT, NULL, 1, 5 },
	{ NAME("P"), V_INT, NULL, 1, 5 }, { NAME("H"), V_INT, NULL, 1, 5 },
	{ NAME("E"), V_INT, NULL, 1, 5 },
	/* contact keys */
	{ NAME("kind"), V_FREE, NULL, 0, 0 },
	{ NAME("org"), V_ID, NULL, 0, 0 },
	{ NAME("owner"), V_FREE, NULL, 0, 0 },
	{ NAME("expects"), V_FREE, NULL, 0, 0 },
	{ NAME("likes"), V_FREE, NULL, 0, 0 },
};
#define NKEYS (sizeof(keys) / sizeof(keys[0]))

const struct keyinfo *
key_lookup(const char *key, size_t len)
{
	size_t i;

	for (i = 0; i < NKEYS; i++)
		if (name_is(&keys[i].key, key, len))
			return &keys[i];
	return NULL;
}

/* The keys a journal declares (option keys) are marked in the table of
 * names, so that a look-up costs the same however many there are. */
void
key_declare(const char *interned)
{
	sym_of(interned)->declared_key = 1;
}

int
key_is_declared(const char *key, size_t len)
{
	struct sym *sym = sym_find(key, len);

	return sym && sym->declared_key;
}

/* option keys KEY[,KEY...], checked already. */
void
keys_declare_list(const char *val, size_t n)
{
	const char *comma;
	size_t k;

	for (;;) {
		comma = memchr(val, ',', n);
		k = comma ? (size_t)(comma - val) : n;
		key_declare(intern(val, k));
		if (comma == NULL)
			return;
		n -= k + 1;
		val = comma + 1;
	}
}

/* rel-journal(5), format 1.1: key:value on an entry or contact line is an
 * attribute when the format defines its key (the rate letters on rate
 * entries only) or the journal declares it.  *info is the key's entry in
 * the table, or NULL for a declared key. */
int
key_is_attribute(const char *key, size_t len, enum kind kind,
    const struct keyinfo **info)
{
	const struct keyinfo *k = key_lookup(key, len);

	*info = k;
	if (k)
		return len > 1 || kind == K_RATE;
	return key_is_declared(key, len);
}

int
key_is_known(const char *key, size_t len)
{
	return key_lookup(key, len) != NULL;
}

const char *
key_closest(const char *key, size_t len)
{
	const char *names[NKEYS];
	size_t i;

	for (i = 0; i < NKEYS; i++)
		names[i] = keys[i].key.s;
	return closest_word(key, len, names, NKEYS);
}

/* "outcome:x is not valid: outcome takes held, ... or no-show; did you
 * mean outcome:held?" */
static void
enum_message(const struct keyinfo *k, const char *val, char *why, size_t n)
{
	const char *words[8], *near;
	char copy[128], list[160];
	size_t nwords = 0, i, len = 0;

	snprintf(copy, sizeof(copy), "%s", k->choices);
	for (i = 0; copy[i] && nwords < 8; i++) {
		if (i == 0 || copy[i - 1] == '\0')
			words[nwords++] = copy + i;
		if (copy[i] == '|')
			copy[i] = '\0';
	}
	list[0] = '\0';
	for (i = 0; i < nwords; i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, "%s%s",
		    i == 0 ? "" : i + 1 == nwords ? " or " : ", ", words[i]);
	near = closest_word(val, strlen(val), words, nwords);
	snprintf(why, n, "%s:%s is not valid: %s takes %s%s%s%s%s", k->key.s, val,
	    k->key.s, list, near ? "; did you mean " : "", near ? k->key.s : "",
	    near ? ":" : "", near ? near : "");
	if (near)
		strncat(why, "?", n - strlen(why) - 1);
}

static int
enum_has(const char *choices, const char *val)
{
	size_t n = strlen(val);
	const char *p = choices, *bar;

	for (;;) {
		bar = strchr(p, '|');
		if ((bar ? (size_t)(bar - p) : strlen(p)) == n &&
		    memcmp(p, val, n) == 0)
			return 1;
		if (bar == NULL)
			return 0;
		p = bar + 1;
	}
}

static int
is_amount(const char *s)
{
	const char *p = s;

	while (*p >= '0' && *p <= '9')
		p++;
	if (p == s)
		return 0;
	if (*p == '.') {
		const char *q = ++p;
		while (*p >= '0' && *p <= '9')
			p++;
		if (p == q)
			return 0;
	}
	return *p == '\0';
}

static int
int_in(const char *s, int lo, int hi, int *out)
{
	long v = 0;
	const char *p = s;

	if (*p == '\0')
		return 0;
	for (; *p; p++) {
		if (*p < '0' || *p > '9' || v > 1000)
			return 0;
		v = v * 10 + (*p - '0');
	}
	*out = (int)v;
	return v >= lo && v <= hi;
}

/* NULL if val suits key, whose entry in the table is k; else a message in
 * why.  Keys the format does not define (k NULL) take any value. */
const char *
attr_check(const struct keyinfo *k, const char *key, const char *val,
    char *why, size_t whysize)
{
	const char *reason;
	struct period p;
	int n;

	if (k == NULL)
		return NULL;
	switch (k->type) {
	case V_FREE:
		return NULL;
	case V_DATE:
		if (date_parse(val, strlen(val), &n, &reason) == 0)
			return NULL;
		snprintf(why, whysize, "%s:%s is not a date: %s", key, val, reason);
		return why;
	case V_PERIOD:
		if (period_parse(val, strlen(val), &p, &reason) == 0)
			return NULL;
		snprintf(why, whysize, "%s:%s is not a period: %s", key, val, reason);
		return why;
	case V_DURATION:
		if (duration_parse(val, strlen(val), &n, &reason) == 0)
			return NULL;
		snprintf(why, whysize, "%s:%s is not a duration: %s", key, val,
		    reason);
		return why;
	case V_ENUM:
		if (enum_has(k->choices, val))
			return NULL;
		enum_message(k, val, why, whysize);
		return why;
	case V_INT:
		if (int_in(val, k->lo, k->hi, &n))
			return NULL;
		snprintf(why, whysize, "%s:%s is %s: %s takes a whole number from "
		    "%d to %d", key, val, val[strspn(val, "0123456789")] ?
		    "not a whole number" : "out of range", key, k->lo, k->hi);
		return why;
	case V_AMOUNT:
		if (is_amount(val))
			return NULL;
		snprintf(why, whysize, "%s:%s is not an amount: write digits, "
		    "with an optional decimal point, and no currency sign", key,
		    val);
		return why;
	case V_CURRENCY:
		if (strlen(val) == 3 && val[0] >= 'A' && val[0] <= 'Z' &&
		    val[1] >= 'A' && val[1] <= 'Z' && val[2] >= 'A' && val[2] <= 'Z')
			return NULL;
		snprintf(why, whysize, "%s:%s is not a currency code: write three "
		    "capital letters such as EUR", key, val);
		return why;
	case V_ID:
		if (id_is_valid(val, strlen(val)))
			return NULL;
		snprintf(why, whysize, "%s:%s is not a valid id: " ID_RULE, key,
		    val);
		return why;
	}
	return NULL;
}
