/* journal.c: the reader of rel-journal(5) text.
 *
 * It streams: one line at a time from lines.c, one pending entry (the
 * column-0 line and its indented lines) whose strings live in an arena that
 * is reset, not freed, between entries.  Each finished entry goes to
 * book_entry().  Errors are reported where they are found and make the
 * entry "bad": the book still learns from it (so that one typo does not
 * cascade into "never opened" errors) but no record is delivered. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <glob.h>
#include <string.h>
#include <sys/stat.h>

#include "builder.h"
#include "date.h"
#include "diag.h"
#include "intern.h"
#include "reader.h"
#include "utf8.h"
#include "words.h"


struct pending {
	int active;
	int binary;		/* a NUL byte: not a text file, stop */
	enum { ABOVE_NOTHING, ABOVE_BLANK, ABOVE_DIRECTIVE } above;
	struct builder b;
};

static struct pending pending;

/* The files being read, innermost last, for include cycles. */
static struct open_file {
	const char *name;
	dev_t dev;
	ino_t ino;
} stack[MAX_INCLUDE_DEPTH];
static int depth;

static void read_stream(struct lines *, const char *file,
    const struct read_opts *);

void
journal_init(void)
{
	words_init();
}

void
journal_free(void)
{
	builder_free(&pending.b);
	memset(&pending, 0, sizeof(pending));
	words_free();
}

static void __attribute__((format(printf, 3, 4)))
error_at(const struct src *src, size_t off, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vdiag_at(DIAG_ERROR, src, off, fmt, ap);
	va_end(ap);
	pending.b.e.bad = 1;
}

/* pending entry */

static void
pending_start(enum kind kind, const struct src *src)
{
	builder_start(&pending.b, kind, src->file, src->line);
	pending.active = 1;
	pending.b.e.head = *src;
	pending.b.e.head.text = arena_strndup(&pending.b.arena, src->text, src->len);
}

/* id: names the ref an entry opens; it is kept as rec.ref, not as an
 * attribute, in the journal and in the CSV alike. */
static void
take_id(void)
{
	struct attr *id = builder_find(&pending.b, "id", 2);
	struct src at = pending.b.e.head;

	if (id == NULL)
		return;
	if (kind_is_followup(pending.b.e.rec.kind)) {
		if (id->line != at.line)
			at.text = NULL, at.line = id->line;
		error_at(&at, id->off, "%s names its ref as the subject; "
		    "remove id:", kind_name(pending.b.e.rec.kind));
		return;
	}
	pending.b.e.rec.ref = intern(id->val, strlen(id->val));
	pending.b.e.ref_off = id->line == at.line ? id->off : at.len;
	builder_drop_attr(&pending.b, id);
}

static void
pending_flush(const struct read_opts *opts)
{
	if (!pending.active)
		return;
	pending.active = 0;
	take_id();
	book_entry(builder_entry(&pending.b), opts);
}

static void
add_attr(const struct src *src, size_t off, const char *key, size_t keylen,
    const char *val, size_t vallen, const struct keyinfo *info,
    const struct read_opts *opts)
{
	if (builder_find(&pending.b, key, keylen)) {
		error_at(src, off, "%s: given twice; keep one value", key);
		return;
	}
	if (pending.b.e.rec.kind != K_OPTION &&	/* parse_option() checks its own */
	    book_check_attr(src, off, pending.b.e.rec.kind, key, val, info, opts) == -1)
		pending.b.e.bad = 1;
	builder_attr(&pending.b, key, keylen, val, vallen, off, src->line);
}

/* A key:value word that is a URL (http://..., or a scheme such as
 * mailto: or tel:): title text that --strict never warns about. */
static int
is_url(const struct token *t)
{
	static const char *const schemes[] = { "mailto", "tel", "sms", "urn",
	    "geo", "data", "news", "sip", "xmpp", "magnet" };
	size_t i;

	if (!t->quoted && t->vallen >= 2 && t->val[0] == '/' && t->val[1] == '/')
		return 1;
	for (i = 0; i < sizeof(schemes) / sizeof(*schemes); i++)
		if (strlen(schemes[i]) == t->keylen &&
		    memcmp(schemes[i], t->key, t->keylen) == 0)
			return 1;
	return 0;
}

/* A key:value word read as title text (rel-journal(5), format 1.1): a key
 * this kind takes but with a blank after its colon is remembered, for the
 * error about the attribute the entry may then lack; with --strict, a
 * word that looks like an attribute of a key no one declared is named. */
static void
pair_as_text(const struct src *src, const struct token *t,
    const struct read_opts *opts)
{
	const struct keyinfo *info;
	struct loose_key k = { t->key, t->keylen, t->off, NULL, 0 };
	const char *near;
	size_t next;

	if (t->vallen == 0 && key_is_attribute(t->key, t->keylen,
	    pending.b.e.rec.kind, &info)) {
		next = skip_blanks(src->text, src->len, t->end);
		if (next < src->len && next > t->end) {
			k.next = src->text + next;
			k.nextlen = word_end(src->text, src->len, next) - next;
		}
		builder_loose(&pending.b, &k);
		if (opts->strict)
			diag_at(DIAG_WARNING, src, t->off, "'%.*s:' is title text: "
			    "an attribute has no blank after its colon, as in "
			    "%.*s:VALUE", (int)t->keylen, t->key, (int)t->keylen,
			    t->key);
		return;
	}
	if (!opts->strict || t->vallen == 0 || is_url(t))
		return;
	if (key_lookup(t->key, t->keylen)) {
		diag_at(DIAG_WARNING, src, t->off, "'%.*s' is title text: the "
		    "rating letters are attributes on rate entries only",
		    (int)(t->end - t->off), t->word);
		return;
	}
	/* prose: a near key only if it is a typo of one, not another word */
	near = key_closest(t->key, t->keylen);
	if (near && edit_distance(t->key, t->keylen, near, strlen(near)) >
	    (t->keylen < 8 ? 1 : 2))
		near = NULL;
	diag_at(DIAG_WARNING, src, t->off, "'%.*s' is title text: %.*s is not "
	    "a key of rel-journal(5)%s%s%s; to make it an attribute, declare "
	    "it: option keys %.*s", (int)(t->end - t->off), t->word,
	    (int)t->keylen, t->key, near ? " (did you mean " : "",
	    near ? near : "", near ? "?)" : "", (int)t->keylen, t->key);
}

/* The words after the subject: attributes, tags, title parts. */
static void
parse_words(const struct src *src, size_t pos, const struct read_opts *opts)
{
	struct token t;
	const char *s;
	size_t len;
	char *val;

	while (word_next(src->text, src->len, &pos, pending.b.e.rec.kind, &t)) {
		switch (t.type) {
		case T_COMMENT:
			return;
		case T_ERROR:
			error_at(src, t.err_off, "%s", t.err);
			break;
		case T_TITLE:
			len = token_text(&t, &s);
			builder_title(&pending.b, s, len, t.shape == W_QUOTED);
			if (t.shape == W_PAIR)
				pair_as_text(src, &t, opts);
			break;
		case T_TAG:
			builder_tag(&pending.b, arena_strndup(&pending.b.arena, t.val, t.vallen));
			break;
		case T_ATTR:
			val = token_value(&pending.b.arena, &t, &len);
			add_attr(src, t.off, arena_strndup(&pending.b.arena, t.key,
			    t.keylen), t.keylen, val, len, t.info, opts);
			break;
		}
	}
}

static enum kind
entry_kind(const struct src *src, size_t off, const char *w, size_t n)
{
	enum kind k = kind_from_word(w, n);
	const char *const *kinds;
	struct buf list = { 0 };
	const char *near;
	size_t nkinds;

	if (kind_is_entry(k))
		return k;
	kinds = kind_entry_names(&nkinds);
	near = closest_word(w, n, kinds, nkinds);
	if (near) {
		error_at(src, off, "unknown kind '%.*s'; did you mean '%s'?",
		    (int)n, w, near);
		return K_NONE;
	}
	words_join(&list, kinds, nkinds, "and");
	error_at(src, off, "unknown kind '%.*s': the kinds are %s", (int)n, w,
	    list.s);
	buf_free(&list);
	return K_NONE;
}

/* SUBJECT: contact ids joined by commas. */
static void
parse_contacts(const struct src *src, size_t off, size_t end)
{
	size_t i = off, j;
	const char *s = src->text, *id;

	for (;;) {
		j = i;
		while (j < end && s[j] != ',')
			j++;
		if (j == i && j == end && i > off) {
			error_at(src, i - 1, "contact ids are joined by commas "
			    "without blanks, as in: jan,bob");
			return;
		}
		if (!id_is_valid(s + i, j - i)) {
			error_at(src, i, "'%.*s' is not a contact id: " ID_RULE,
			    (int)(j - i), s + i);
			return;
		}
		id = intern(s + i, j - i);
		if (builder_has_contact(&pending.b, id)) {
			error_at(src, i, "%s is named twice in the subject", id);
			return;
		}
		builder_contact(&pending.b, id);
		if (j == end)
			return;
		i = j + 1;
	}
}

/* status SUBJECT STATE [reason...]: the state becomes the status
 * attribute and the rest is the title. */
static void
parse_status_word(const struct src *src, const struct head *h,
    const struct read_opts *opts)
{
	const char *w = src->text + h->state_off;
	size_t n = h->state_end - h->state_off;

	if (n > 0 && status_from_word(w, n) >= 0) {
		add_attr(src, h->state_off, "status", 6,
		    arena_strndup(&pending.b.arena, w, n), n, key_lookup("status", 6),
		    opts);
		return;
	}
	error_at(src, n ? h->state_off : skip_blanks(src->text, src->len,
	    h->rest), "status needs a state after the contact: %s, then the "
	    "reason", status_list());
}

/* DATE [HH:MM] KIND SUBJECT, then the words.  Each part is taken loosely,
 * up to a blank, so that a malformed date or time is reported with a
 * message of its own. */
static void
parse_head(const struct src *src, const struct read_opts *opts)
{
	const char *why, *s = src->text;
	size_t off, end;
	struct head h;
	enum kind kind;

	pending_start(K_NONE, src);
	head_split(s, src->len, &h);
	if (date_parse(s, h.date_end, &pending.b.e.rec.date, &why) == -1) {
		error_at(src, 0, "bad date '%.*s': %s", (int)h.date_end, s, why);
		return;
	}
	if (h.time_end && time_parse(s + h.time_off, h.time_end - h.time_off,
	    &pending.b.e.rec.minute, &why) == -1)
		error_at(src, h.time_off, "bad time '%.*s': %s",
		    (int)(h.time_end - h.time_off), s + h.time_off, why);
	if (h.kind_end == 0) {
		error_at(src, h.rest, "an entry needs a kind and a subject after "
		    "the date, as in: 2026-10-01 call jan");
		return;
	}
	kind = entry_kind(src, h.kind_off, s + h.kind_off, h.kind_end - h.kind_off);
	if (kind == K_NONE)
		return;
	pending.b.e.rec.kind = kind;
	if (h.subject_end == 0) {
		error_at(src, h.kind_end, "%s needs a subject: %s", kind_name(kind),
		    kind_is_followup(kind) ? "the id of the promise, issue or "
		    "request it follows" : "a contact id, or several joined "
		    "by commas");
		return;
	}
	off = pending.b.e.subject_off = h.subject_off;
	end = h.subject_end;
	if (kind_is_followup(kind)) {
		if (!id_is_valid(s + off, end - off))
			error_at(src, off, "'%.*s' is not a ref id: " ID_RULE,
			    (int)(end - off), s + off);
		else
			pending.b.e.rec.ref = intern(s + off, end - off);
	} else
		parse_contacts(src, off, end);
	if (kind == K_STATUS) {
		head_split_state(s, src->len, &h);
		parse_status_word(src, &h, opts);
	}
	parse_words(src, h.rest, opts);
}

/* contact ID [Name...] */
static void
parse_contact(const struct src *src, size_t pos, const struct read_opts *opts)
{
	size_t i = skip_blanks(src->text, src->len, pos);
	size_t e = word_end(src->text, src->len, i);

	/* On an error the block stays pending but of no kind, so that its
	 * indented lines are taken with it and nothing is declared. */
	pending_start(K_NONE, src);
	if (i == e || (src->text[i] == ';' && e == i + 1)) {
		error_at(src, i, "contact needs an id, as in: contact jan "
		    "\"Jan Novak\"");
		return;
	}
	if (!id_is_valid(src->text + i, e - i)) {
		error_at(src, i, "'%.*s' is not a contact id: " ID_RULE,
		    (int)(e - i), src->text + i);
		return;
	}
	pending.b.e.rec.kind = K_CONTACT;
	pending.b.e.subject_off = i;
	builder_contact(&pending.b, intern(src->text + i, e - i));
	parse_words(src, e, opts);
}

/* option NAME VALUE: one word each. */
static void
parse_option(const struct src *src, size_t pos, const struct read_opts *opts)
{
	struct token t;
	const char *name = NULL, *value = NULL;
	size_t name_off = 0, value_off = 0, value_len = 0, name_len = 0;

	pending_start(K_OPTION, src);
	while (word_next(src->text, src->len, &pos, WORDS_NO_KEY, &t) &&
	    t.type != T_COMMENT) {
		if (t.type == T_ERROR) {
			error_at(src, t.err_off, "%s", t.err);
			return;
		}
		if (t.type != T_TITLE || (name && value)) {
			error_at(src, t.off, "option takes a name and one value, "
			    "as in: option default-cadence 30d");
			return;
		}
		if (name == NULL) {
			name = token_value(&pending.b.arena, &t, &name_len);
			name_off = t.off;
		} else {
			value = token_value(&pending.b.arena, &t, &value_len);
			value_off = t.off;
		}
	}
	if (value == NULL) {
		/* option currency:EUR: the name and its value, not apart */
		error_at(src, name && memchr(name, ':', name_len) ? name_off : pos,
		    "option takes a name and one value, as in: option "
		    "default-cadence 30d");
		return;
	}
	pending.b.e.subject_off = name_off;
	if (option_check(src, name_off, value_off, name, value) == -1)
		pending.b.e.bad = 1;
	add_attr(src, name_off, name, name_len, value, value_len, NULL, opts);
}

static int
has_glob_magic(const char *s)
{
	return strpbrk(s, "*?[") != NULL;
}

/* A path relative to the directory of the including file. */
static char *
include_path(const char *from, const char *path)
{
	const char *slash = strrchr(from, '/');
	struct buf b = { 0 };

	if (path[0] == '/' || strcmp(from, "<stdin>") == 0 || slash == NULL)
		buf_add(&b, path, strlen(path));
	else {
		buf_add(&b, from, (size_t)(slash - from) + 1);
		buf_add(&b, path, strlen(path));
	}
	return b.s;
}

static void
include_one(const struct src *src, size_t off, const char *path,
    const struct read_opts *opts)
{
	struct lines l;
	struct stat st;
	int i;

	/* A FIFO or a device would block or never end: an included file must
	 * be a plain file (an operand may be a pipe: see input.c). */
	if (lines_open(&l, path, 1) == -1) {
		error_at(src, off, "cannot include %s: %s", path, errno == EINVAL ?
		    "not a plain file" : strerror(errno));
		return;
	}
	if (fstat(l.fd, &st) == 0) {
		for (i = 0; i < depth; i++) {
			if (stack[i].dev == st.st_dev && stack[i].ino == st.st_ino) {
				error_at(src, off, "include cycle: %s is already "
				    "being read", path);
				for (; i < depth; i++)
					diag_note("  %s includes %s", stack[i].name,
					    i + 1 < depth ? stack[i + 1].name : path);
				lines_close(&l);
				return;
			}
		}
	}
	if (depth == MAX_INCLUDE_DEPTH) {
		error_at(src, off, "includes nested deeper than %d files",
		    MAX_INCLUDE_DEPTH);
		lines_close(&l);
		return;
	}
	read_stream(&l, intern(path, strlen(path)), opts);
	lines_close(&l);
}

/* Each file that path, an include's path made relative (include_path()),
 * names, in sorted order for a pattern, handed to fn.  0, or what glob()
 * returned. */
static int
include_each(const char *path, void (*fn)(const char *, void *), void *ctx)
{
	glob_t g;
	size_t i;
	int rc;

	if (!has_glob_magic(path)) {
		fn(path, ctx);
		return 0;
	}
	if ((rc = glob(path, 0, NULL, &g)) != 0)
		return rc;
	for (i = 0; i < g.gl_pathc; i++)
		fn(g.gl_pathv[i], ctx);
	globfree(&g);
	return 0;
}

/* The file name or pattern of an include line, from *pos: 1 and *t,
 * else 0 and *t where it went wrong. */
static int
include_word(const char *line, size_t len, size_t *pos, struct token *t)
{
	return word_next(line, len, pos, WORDS_NO_KEY, t) &&
	    t->type == T_TITLE;
}

struct include_ctx {
	const struct src *src;
	size_t off;
	const struct read_opts *opts;
};

static void
include_from_line(const char *path, void *ctx)
{
	const struct include_ctx *c = ctx;

	if (!diag_too_many())
		include_one(c->src, c->off, path, c->opts);
}

/* include PATH-OR-GLOB */
static void
parse_include(const struct src *src, size_t pos, const struct read_opts *opts)
{
	struct include_ctx c = { src, 0, opts };
	struct token t;
	char *pattern, *path;
	size_t n;
	int found, rc;

	found = word_next(src->text, src->len, &pos, WORDS_NO_KEY, &t);
	if (!found || t.type != T_TITLE) {
		error_at(src, found && t.type == T_ERROR ? t.off : pos,
		    "include needs a file name or a pattern, as in: "
		    "include team/*.rel");
		return;
	}
	c.off = t.off;
	pattern = token_value(&pending.b.arena, &t, &n);
	if (word_next(src->text, src->len, &pos, WORDS_NO_KEY, &t) &&
	    t.type != T_COMMENT) {
		error_at(src, t.off, "include takes one file name; quote a name "
		    "with blanks in it");
		return;
	}
	if (opts->syntax_only)
		return;		/* the file alone: what it includes is apart */
	path = include_path(src->file, pattern);
	rc = include_each(path, include_from_line, &c);
	if (rc == GLOB_NOMATCH)
		error_at(src, c.off, "no file matches %s", path);
	else if (rc != 0)
		error_at(src, c.off, "cannot expand %s", path);
	free(path);
}

/* The files that the include lines of the journal file names, each
 * handed to fn, without reading anything else of it and without a word
 * about what is wrong (reading it will say): input.c finds so which of
 * the files it is given another includes. */
void
journal_includes(const char *file, void (*fn)(const char *, void *),
    void *ctx)
{
	struct arena a = { 0 };
	struct lines l;
	struct token t;
	const char *s;
	char *path;
	size_t n, len, pos;

	if (lines_open(&l, file, 1) == -1)
		return;
	while (lines_next(&l, &s, &n) == 1) {
		line_trim(l.lineno, &s, &n);
		if (l.lineno == 1 && csv_header_matches(s, n))
			break;	/* rel-parse's CSV: no includes */
		pos = 7;
		if (n < 8 || memcmp(s, "include", 7) != 0 ||
		    (s[7] != ' ' && s[7] != '\t') ||
		    !include_word(s, n, &pos, &t))
			continue;
		path = include_path(file, token_value(&a, &t, &len));
		include_each(path, fn, ctx);
		free(path);
		arena_reset(&a);
	}
	lines_close(&l);
	arena_free(&a);
}

static int
is_conflict_marker(const char *s, size_t n)
{
	static const char *const marks[] = { "<<<<<<<", "=======", ">>>>>>>",
	    "|||||||" };
	size_t i;

	if (n < 7)
		return 0;
	for (i = 0; i < 4; i++)
		if (memcmp(s, marks[i], 7) == 0 && (n == 7 || s[7] == ' ' ||
		    (s[0] == '=' && s[7] == '\0')))
			return 1;
	return 0;
}

static void
parse_column0(const struct src *src, const struct read_opts *opts)
{
	static const char *const directives[] = { "contact", "include", "option" };
	const char *s = src->text;
	size_t e = word_end(s, src->len, 0);
	const char *near;

	if (s[0] >= '0' && s[0] <= '9') {
		parse_head(src, opts);
		return;
	}
	if (e == 7 && memcmp(s, "contact", 7) == 0) {
		parse_contact(src, e, opts);
		return;
	}
	if (e == 6 && memcmp(s, "option", 6) == 0) {
		parse_option(src, e, opts);
		pending_flush(opts);
		pending.above = ABOVE_DIRECTIVE;
		return;
	}
	if (e == 7 && memcmp(s, "include", 7) == 0) {
		pending_start(K_NONE, src);
		pending.active = 0;
		parse_include(src, e, opts);
		pending.above = ABOVE_DIRECTIVE;
		return;
	}
	/* Stays active, so that the lines indented under it are taken
	 * with it rather than reported once more each. */
	pending_start(K_NONE, src);
	if (is_conflict_marker(s, src->len)) {
		error_at(src, 0, "merge conflict marker: resolve the merge (keep "
		    "the lines you want, delete the <<<<<<<, ======= and >>>>>>> "
		    "lines), then commit");
		return;
	}
	if (kind_from_word(s, e) != K_NONE) {
		error_at(src, 0, "an entry starts with its date: write "
		    "YYYY-MM-DD %.*s SUBJECT ...", (int)e, s);
		return;
	}
	near = closest_word(s, e, directives, 3);
	if (near)
		error_at(src, 0, "unknown directive '%.*s'; did you mean '%s'?",
		    (int)e, s, near);
	else
		error_at(src, 0, "line not understood: at column 0 a line is an "
		    "entry (YYYY-MM-DD KIND SUBJECT ...), contact, include, "
		    "option or a comment (; or #); indent note lines");
}

/* DATE [HH:MM] KIND SUBJECT, as an entry starts. */
static int
reads_as_entry(const char *s, size_t n)
{
	const char *why;
	struct head h;
	enum kind k;
	int day;

	head_split(s, n, &h);
	if (h.subject_end == 0 || date_parse(s, h.date_end, &day, &why) == -1)
		return 0;
	k = kind_from_word(s + h.kind_off, h.kind_end - h.kind_off);
	return k != K_NONE && k != K_CONTACT && k != K_OPTION;
}

static void
parse_indented(const struct src *src, size_t first,
    const struct read_opts *opts)
{
	const char *s = src->text;
	size_t key_end, val, end;

	if (!pending.active) {
		diag_at(DIAG_ERROR, src, first, "indented line belongs to no "
		    "entry or contact: %s", pending.above == ABOVE_BLANK ? "unindent "
		    "it, or remove the blank line above it" : pending.above ==
		    ABOVE_DIRECTIVE ? "option and include lines take none; "
		    "unindent it, or make it a comment with ;" : "unindent it");
		return;
	}
	if (indented_attr(s, src->len, first, &key_end, &val, &end)) {
		add_attr(src, first,
		    arena_strndup(&pending.b.arena, s + first, key_end - first),
		    key_end - first, arena_strndup(&pending.b.arena, s + val,
		    end - val), end - val, key_lookup(s + first, key_end - first),
		    opts);
		return;
	}
	if (s[first] >= '0' && s[first] <= '9' &&
	    reads_as_entry(s + first, src->len - first))
		diag_at(DIAG_WARNING, src, first, "this indented line reads as "
		    "an entry, but is a note of the %s above: an entry starts "
		    "in column 0, so unindent it", pending.b.e.rec.kind == K_CONTACT ?
		    "contact" : "entry");
	end = trim_end(s, src->len);
	if (pending.b.notes.len)
		buf_addc(&pending.b.notes, '\n');
	buf_add(&pending.b.notes, s + first, end - first);
}

static void
parse_line(struct src *src, const struct read_opts *opts)
{
	const char *why;
	size_t bad, first;

	line_trim(src->line, &src->text, &src->len);
	bad = text_first_bad(src->text, src->len, &why);
	if (bad < src->len) {
		if (src->text[0] != ' ' && src->text[0] != '\t') {
			pending_flush(opts);
			pending_start(K_NONE, src);
		}
		diag_at(DIAG_ERROR, src, bad, "%s", why);
		pending.b.e.bad = 1;
		if (src->text[bad] == '\0')
			pending.binary = 1;	/* read_stream stops here */
		return;
	}
	first = skip_blanks(src->text, src->len, 0);
	if (first == src->len) {
		pending_flush(opts);
		pending.above = ABOVE_BLANK;
		return;
	}
	if (src->text[first] == ';' || src->text[first] == '#')
		return;
	if (first > 0)
		parse_indented(src, first, opts);
	else {
		pending_flush(opts);
		parse_column0(src, opts);
	}
}

static void
read_stream(struct lines *l, const char *file, const struct read_opts *opts)
{
	struct src src = { 0 };
	struct stat st;
	int rc = 0;

	if (fstat(l->fd, &st) == 0 && depth < MAX_INCLUDE_DEPTH) {
		stack[depth].name = file;
		stack[depth].dev = st.st_dev;
		stack[depth].ino = st.st_ino;
	}
	depth++;
	src.file = file;
	while (!diag_too_many() && (rc = lines_next(l, &src.text, &src.len)) == 1) {
		src.line = l->lineno;
		parse_line(&src, opts);
		if (pending.binary)
			break;
	}
	if (rc == 0 && !pending.binary && opts->at_end) {
		pending_flush(opts);	/* what the line may name is known */
		if ((src.text = opts->at_end(file, l->lineno + 1, &src.len,
		    opts->ctx)) != NULL) {
			src.line = l->lineno + 1;
			parse_line(&src, opts);
		}
	}
	pending.binary = 0;
	if (rc == -1)
		diag_error("%s:%ld: %s", file, l->lineno + 1, l->error == EFBIG ?
		    "line longer than 16 MiB: is this a journal?" :
		    strerror(l->error));
	pending_flush(opts);
	depth--;
}

void
journal_read(struct lines *l, const char *file, const struct read_opts *opts)
{
	journal_init();
	read_stream(l, file, opts);
}
