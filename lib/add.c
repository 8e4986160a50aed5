/* add.c: one entry added to a journal from the command line (rel-add(1)).
 *
 * The entry is made of the words given, with the dates people say
 * (today, -3d, mon; due:fri) as the dates they name (date_phrase()), and
 * put in canonical form as rel-fmt writes it at the end of the file it
 * goes to (fmt_entry()).  Then the whole journal is read, includes and
 * all, with the entry as the next line of that file (read_opts.at_end):
 * every error about it is the reader's own, at the place the entry would
 * have.  A promise, issue or request without id: gets one there, made
 * from its title and unique in the journal.  Contacts must be declared
 * here (the format only warns of an undeclared one, with --strict).
 *
 * Only an entry read without error is written: one write(2) of the whole
 * line to the file opened O_APPEND, then fsync(2) (file_append()), all
 * under an exclusive flock(2) of the journal held from before it is
 * read, so that rel-adds at once see each other's entries. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <unistd.h>

#include "add.h"
#include "book.h"
#include "cli.h"
#include "date.h"
#include "diag.h"
#include "fmt.h"
#include "inplace.h"
#include "intern.h"
#include "reader.h"
#include "safe.h"
#include "util.h"
#include "vocab.h"
#include "words.h"

#define ID_MAX 24	/* a made id is about this long, at most */

struct adding {
	const struct add *req;
	enum kind kind;
	char date[DATE_MAX];
	int lock;		/* the journal, locked; or -1 */
	struct buf target;	/* the file it goes to, as the reader names it */
	struct buf text;	/* that file, as read */
	struct file_state st;
	struct buf line;	/* the entry, in canonical form */
	size_t title_end;	/* in line: where an id it makes goes */
	struct buf id;		/* the id it made, or empty */
	size_t id_off, id_len;	/* in line: the id of the ref it opens */
	long lineno;		/* its line in target, once read */
	int read;		/* the reader has read it */
};

/* The entry's date and time, from --date (as people say it: the latest
 * such day for a weekday) and --time.  -1 if one is wrong. */
static int
entry_when(struct adding *a)
{
	const struct add *r = a->req;
	const char *why;
	int day = r->today, minute;

	if (r->date && date_phrase(r->date, strlen(r->date), r->today,
	    DATE_BACK, &day, &why) == -1) {
		diag_warn("--date %s: %s", r->date, why);
		return -1;
	}
	if (r->time && time_parse(r->time, strlen(r->time), &minute,
	    &why) == -1) {
		diag_warn("--time %s: %s", r->time, why);
		return -1;
	}
	date_format(day, a->date);
	a->kind = kind_from_word(r->kind, strlen(r->kind));
	return 0;
}

/* A word given, as a word of the line.  The value of a date attribute
 * as people say it becomes the date it names: a due date lies ahead
 * (due:fri is the Friday to come), other dates behind (learned:mon).  A
 * word with blanks in it was one word to the shell and stays one:
 * quoted, or its value quoted if it is an attribute. */
static void
add_word(struct buf *b, const char *w, enum kind kind, int today)
{
	size_t n = strlen(w), k = key_shape(w, n);
	const struct keyinfo *info = NULL;
	char date[DATE_MAX];
	const char *why;
	int attr = k > 0 && key_is_attribute(w, k, kind, &info), day;

	if (n == 0)
		return;
	buf_addc(b, ' ');
	if (attr && key_takes_date(info) && w[k + 1] != '"' &&
	    date_phrase(w + k + 1, n - k - 1, today, k == 3 &&
	    memcmp(w, "due", 3) == 0 ? DATE_AHEAD : DATE_BACK, &day,
	    &why) == 0) {
		date_format(day, date);
		buf_add(b, w, k + 1);
		buf_add(b, date, strlen(date));
	} else if (strpbrk(w, " \t") == NULL)
		buf_add(b, w, n);
	else if (attr) {
		buf_add(b, w, k + 1);
		value_write_quoted(b, w + k + 1);
	} else
		value_write_quoted(b, w);
}

/* DATE [HH:MM] KIND SUBJECT WORD..., as given. */
static void
given_line(const struct adding *a, struct buf *b)
{
	const struct add *r = a->req;
	size_t i;

	b->len = 0;
	buf_add(b, a->date, strlen(a->date));
	if (r->time) {
		buf_addc(b, ' ');
		buf_add(b, r->time, strlen(r->time));
	}
	buf_addc(b, ' ');
	buf_add(b, r->kind, strlen(r->kind));
	buf_addc(b, ' ');
	buf_add(b, r->subject, strlen(r->subject));
	for (i = 0; i < r->nwords; i++)
		add_word(b, r->words[i], a->kind, r->today);
}

/* Where the value of the entry line's id: attribute is, as the reader
 * takes its words: *off, *len (0, 0: it has none). */
static void
find_id(const char *line, size_t n, enum kind kind, size_t *off,
    size_t *len)
{
	struct head h;
	struct token t;
	size_t pos;

	head_split(line, n, &h);
	*off = *len = 0;
	for (pos = h.rest; word_next(line, n, &pos, kind, &t) &&
	    t.type != T_COMMENT;)
		if (t.type == T_ATTR && t.keylen == 2 &&
		    memcmp(t.key, "id", 2) == 0) {
			*off = (size_t)(t.val - line);
			*len = t.vallen;
		}
}

static int
id_taken(const char *id, size_t n)
{
	struct sym *sym = sym_find(id, n);

	return sym && (sym->contact || sym->ref || sym->retired);
}

/* An id for a promise, issue or request without one (rel-add(1)): the
 * words of its title in lower-case ASCII, other characters dropped,
 * joined by '-', as many as fit in about ID_MAX characters; the kind's
 * name if that leaves nothing; then -2, -3, ... while the journal has
 * the id already, as a contact's or a ref's. */
static void
make_id(struct buf *id, const char *line, size_t n, enum kind kind)
{
	struct buf word = { 0 };
	const char *s;
	struct head h;
	struct token t;
	size_t pos, len, i, base;
	int full = 0, k;
	char c, suffix[16];

	buf_add(id, "", 0);
	head_split(line, n, &h);
	for (pos = h.rest; !full && word_next(line, n, &pos, kind, &t) &&
	    t.type != T_COMMENT;) {
		len = t.type == T_TITLE ? token_text(&t, &s) : 0;
		for (i = 0; i <= len && !full; i++) {
			c = i < len ? s[i] : ' ';
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
				buf_addc(&word, c);
			else if (c >= 'A' && c <= 'Z')
				buf_addc(&word, (char)(c - 'A' + 'a'));
			else if (is_blank(c) && word.len > 0) {
				full = id->len > 0 && id->len + 1 + word.len > ID_MAX;
				if (!full && id->len > 0)
					buf_addc(id, '-');
				if (!full)
					buf_add(id, word.s, word.len < ID_MAX ?
					    word.len : ID_MAX);
				word.len = 0;
			}
		}
	}
	buf_free(&word);
	if (id->len == 0)
		buf_add(id, kind_name(kind), strlen(kind_name(kind)));
	for (base = id->len, k = 2; id_taken(id->s, id->len); k++) {
		id->len = base;
		buf_add(id, suffix, (size_t)snprintf(suffix, sizeof(suffix),
		    "-%d", k));
	}
}

/* read_opts.at_end: the entry, as the next line of the file it goes to
 * (once, should the file be included twice), with an id made for it if
 * it opens a ref and has none. */
static const char *
at_end(const char *file, long lineno, size_t *len, void *ctx)
{
	struct adding *a = ctx;
	struct buf with = { 0 };

	if (a->read || strcmp(file, a->target.s) != 0)
		return NULL;
	a->read = 1;
	a->lineno = lineno;
	find_id(a->line.s, a->line.len, a->kind, &a->id_off, &a->id_len);
	if (kind_opens_ref(a->kind) && a->id_len == 0) {
		if (a->id.len == 0)
			make_id(&a->id, a->line.s, a->line.len, a->kind);
		buf_add(&with, a->line.s, a->title_end);
		buf_add(&with, " id:", 4);
		a->id_off = with.len;
		a->id_len = a->id.len;
		buf_add(&with, a->id.s, a->id.len);
		buf_add(&with, a->line.s + a->title_end,
		    a->line.len - a->title_end);
		buf_free(&a->line);
		a->line = with;
	}
	*len = a->line.len;
	return a->line.s;
}

/* The journal named on the command line, read; 0, or -1 after errors. */
static int
read_journal(const struct adding *a, const struct read_opts *opts)
{
	char *argv[1];

	argv[0] = (char *)a->req->journal;
	return rel_read_all(1, argv, opts) == 0 ? 0 : -1;
}

/* Where the entry goes: the end of the journal or, --contact-file, of
 * the file that declares its first contact (a follow-up's: its ref's),
 * as the journal is now.  A ref it opens gets its id here then, unique
 * in the whole journal, as the files after that one are not yet read
 * when the entry is. */
static int
find_target(struct adding *a)
{
	const char *file = NULL;
	struct read_opts opts = { .today = a->req->today };
	struct buf given = { 0 };
	struct sym *sym;
	size_t off, len;

	if (a->req->contact_file) {
		if (read_journal(a, &opts) == -1) {
			diag_warn("%s: nothing written", a->req->journal);
			return -1;
		}
		sym = sym_find(a->req->subject, strcspn(a->req->subject, ","));
		if (sym && kind_is_followup(a->kind))
			sym = sym->ref && sym->ref->ncontacts ?
			    sym_of(sym->ref->contacts[0]) : NULL;
		if (sym && sym->contact)
			file = sym->contact->file;
		given_line(a, &given);
		find_id(given.s, given.len, a->kind, &off, &len);
		if (kind_opens_ref(a->kind) && len == 0)
			make_id(&a->id, given.s, given.len, a->kind);
		buf_free(&given);
	}
	file = file ? file : a->req->journal;
	buf_add(&a->target, file, strlen(file));
	rel_cleanup();
	return 0;
}

/* The file it goes to, read, and the entry in canonical form, as rel-fmt
 * writes it at the end of that file (with the keys it declares). */
static int
format_entry(struct adding *a)
{
	struct buf given = { 0 };

	if (file_read(a->target.s, &a->text, &a->st, 1) == -1) {
		diag_warn("%s: %s", a->target.s, file_read_error(errno));
		return -1;
	}
	if (csv_refused(a->target.s, a->text.s, a->text.len))
		return -1;
	fmt_declare_keys(a->text.s, a->text.len);
	given_line(a, &given);
	buf_add(&a->line, "", 0);
	a->title_end = fmt_entry(given.s, given.len, &a->line);
	buf_free(&given);
	rel_cleanup();	/* the keys of that file are not the journal's */
	return 0;
}

/* A contact the entry names must be declared: the error, with the
 * declared id nearest (one that differs only by case first). */
static void
check_contact(const struct src *src, size_t off, const char *id, size_t n)
{
	struct contact *const *all;
	const char **ids, *near = NULL;
	struct sym *sym = sym_find(id, n);
	size_t count, i, k = 0;

	if (!id_is_valid(id, n) || (sym && sym->contact && sym->contact->file))
		return;
	all = book_contacts(&count);
	ids = xcalloc(count, sizeof(*ids));
	for (i = 0; i < count; i++)
		if (all[i]->file) {
			ids[k++] = all[i]->id;
			if (strlen(all[i]->id) == n &&
			    strncasecmp(all[i]->id, id, n) == 0)
				near = all[i]->id;
		}
	if (near == NULL)
		near = closest_word(id, n, ids, k);
	if (near)
		diag_at(DIAG_ERROR, src, off, "no contact has id %.*s; did you "
		    "mean %s?%s", (int)n, id, near, strlen(near) == n &&
		    strncasecmp(near, id, n) == 0 ? " (ids are case-sensitive)" :
		    "");
	else
		diag_at(DIAG_ERROR, src, off, "no contact has id %.*s: declare "
		    "it first, with a block such as: contact %.*s \"Name\"",
		    (int)n, id, (int)n, id);
	free(ids);
}

/* The contacts of the entry just read: its subject's, its to:. */
static void
check_contacts(const struct adding *a)
{
	struct src src = { a->target.s, a->lineno, a->line.s, a->line.len,
	    NULL, 0 };
	const char *s = a->line.s;
	size_t n = a->line.len, i, j, pos;
	struct head h;
	struct token t;

	head_split(s, n, &h);
	for (i = h.subject_off; !kind_is_followup(a->kind) &&
	    i < h.subject_end; i = j + 1) {
		for (j = i; j < h.subject_end && s[j] != ','; j++)
			;
		check_contact(&src, i, s + i, j - i);
	}
	for (pos = h.rest; word_next(s, n, &pos, a->kind, &t) &&
	    t.type != T_COMMENT;)
		if (t.type == T_ATTR && t.keylen == 2 &&
		    memcmp(t.key, "to", 2) == 0 && !t.quoted)
			check_contact(&src, (size_t)(t.val - s), t.val,
			    t.vallen);
}

/* The journal read with the entry in its place; 0 if neither has an
 * error. */
static int
check_entry(struct adding *a)
{
	struct read_opts opts = { .today = a->req->today, .at_end = at_end,
	    .ctx = a };

	read_journal(a, &opts);
	if (a->read)
		check_contacts(a);
	else if (diag_errors() == 0)
		diag_error("%s: %s was not read as a part of it",
		    a->req->journal, a->target.s);
	if (diag_errors() == 0)
		return 0;
	diag_warn("%s: nothing written", a->target.s);
	return -1;
}

/* The entry written at the end of its file: after a line end if the file
 * lacks one, with CRLF line ends if its first line has one. */
static int
append_entry(const struct adding *a)
{
	const char *t = a->text.s, *nl = memchr(t, '\n', a->text.len), *why;
	const char *eol = nl && nl > t && nl[-1] == '\r' ? "\r\n" : "\n";
	struct buf out = { 0 };
	int rc;

	buf_add(&out, "", 0);
	if (a->text.len > 0 && t[a->text.len - 1] != '\n')
		buf_add(&out, eol, strlen(eol));
	buf_add(&out, a->line.s, a->line.len);
	buf_add(&out, eol, strlen(eol));
	if ((rc = file_append(a->target.s, &a->st, out.s, out.len, &why)) == -1)
		diag_warn("%s: %s; nothing written%s", a->target.s, why,
		    strcmp(why, "changed since it was read") == 0 ?
		    ": run rel-add again" : "");
	buf_free(&out);
	return rc;
}

/* The journal locked against other rel-adds, from before it is read to
 * after the entry is on disk. */
static int
lock_journal(struct adding *a)
{
	const char *j = a->req->journal;

	if ((a->lock = open(j, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1) {
		diag_warn("%s: %s", j, strerror(errno));
		return -1;
	}
	if (flock(a->lock, LOCK_EX) == -1) {
		diag_warn("%s: cannot lock: %s", j, strerror(errno));
		return -1;
	}
	return 0;
}

/* The entry, and the id of the ref it opens, printed before it is
 * written: output that cannot be written (tool_exit() says so) leaves
 * the journal as it is, and exit status 0 means the entry was added. */
static int
print_entry(const struct adding *a)
{
	int err;

	safe_write(stdout, a->line.s, a->line.len);
	putchar('\n');
	if (a->id_len > 0) {
		fputs("id: ", stdout);
		safe_write(stdout, a->line.s + a->id_off, a->id_len);
		putchar('\n');
	}
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	err = errno;
	diag_warn("%s: nothing written", a->target.s);
	errno = err;
	output_check(stdout);	/* says why, and ends the tool */
	return -1;
}

/* rel-add(1): 0 if the entry was added (or, --dry-run, would be), else
 * 2, with messages. */
int
add_entry(const struct add *req)
{
	struct adding a;
	int rc;

	memset(&a, 0, sizeof(a));
	a.req = req;
	a.lock = -1;
	rc = entry_when(&a);
	if (rc == 0 && !req->dry_run)
		rc = lock_journal(&a);
	if (rc == 0)
		rc = find_target(&a);
	if (rc == 0)
		rc = format_entry(&a);
	if (rc == 0)
		rc = check_entry(&a);
	if (rc == 0)
		rc = print_entry(&a);
	if (rc == 0 && !req->dry_run)
		rc = append_entry(&a);
	if (a.lock != -1)
		close(a.lock);	/* and so unlocked */
	buf_free(&a.target);
	buf_free(&a.text);
	buf_free(&a.line);
	buf_free(&a.id);
	return rc == 0 ? 0 : 2;
}

/* --complete kinds: the kinds of entry; --complete refs:KIND: the refs of
 * the journal open to a follow-up of KIND (exit status 1 if KIND is not
 * a follow-up); -1 for another WHAT. */
int
add_complete(const char *what, const char *journal)
{
	const char *const *kinds;
	struct read_opts opts = { 0 };
	const struct ref *r;
	char *argv[1];
	enum kind k;
	size_t n, i;

	if (strcmp(what, "kinds") == 0) {
		for (kinds = kind_entry_names(&n), i = 0; i < n; i++)
			puts(kinds[i]);
		return 0;
	}
	if (strncmp(what, "refs:", 5) != 0)
		return -1;
	k = kind_from_word(what + 5, strlen(what + 5));
	if (!kind_is_followup(k))
		return 1;
	if (journal == NULL)
		return 0;
	diag_quiet();
	argv[0] = (char *)journal;
	rel_read_all(1, argv, &opts);
	for (r = book_open_refs(); r; r = r->next)
		if (r->kind == kind_opener_of(k) && (k == K_TOLD ?
		    r->told_file == NULL : r->closed == K_NONE)) {
			safe_puts(stdout, r->id);
			putchar('\n');
		}
	return 0;
}
