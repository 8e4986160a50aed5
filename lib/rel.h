/*
 * rel.h: the shared library of the rel tools.
 *
 * Data flows one way: a reader (journal.c for the text format, csvin.c for
 * the events CSV of rel-parse) turns input into entries; book.c checks each
 * entry against what came before (refs, contacts, options) and hands one
 * record per contact to the tool's callback.  Strings in a record live until
 * the callback returns, unless they are interned (ids and file names), which
 * live for the whole run.
 */
#ifndef REL_H
#define REL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#define REL_VERSION "1.1.0"

/* util.c: memory that cannot fail, and the end of a tool's output */

void *xmalloc(size_t);
void *xcalloc(size_t, size_t);
void *xrealloc(void *, size_t);
void *xreallocarray(void *, size_t, size_t);
int fshut(FILE *, const char *name);
extern int output_errno;
void output_check(FILE *);
size_t edit_distance(const char *, size_t, const char *, size_t);
const char *closest_word(const char *word, size_t len, const char *const *words,
    size_t nwords);

/* Fixed-size chunks that never move: pointers into an arena stay valid
 * until arena_reset(), which keeps the chunks for reuse. */
struct arena_chunk;
struct arena {
	struct arena_chunk *head, *cur;
};
char *arena_alloc(struct arena *, size_t);
char *arena_alloc_aligned(struct arena *, size_t, size_t align);
char *arena_strndup(struct arena *, const char *, size_t);
void arena_reset(struct arena *);
void arena_free(struct arena *);

/* A growable byte buffer, reused from line to line. */
struct buf {
	char *s;
	size_t len, cap;
};
void buf_grow(struct buf *, size_t need);
void buf_free(struct buf *);
void buf_vprintf(struct buf *, const char *fmt, va_list);

/* Inline: the output of every row goes through these. */
static inline void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap)
		buf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

static inline void
buf_addc(struct buf *b, char c)
{
	if (b->len + 2 > b->cap)
		buf_grow(b, 1);
	b->s[b->len++] = c;
	b->s[b->len] = '\0';
}

/* utf8.c: UTF-8 text */

size_t utf8_decode(const unsigned char *, size_t n, unsigned *codepoint);
size_t text_first_bad(const char *, size_t len, const char **why);

/* safe.c: text from a journal, a CSV or a file name, made safe to show on
 * a terminal: unsafe characters are written as \xHH or <U+XXXX> */

#define SAFE_ESCAPE_MAX 12
size_t safe_char(const char *, size_t n, size_t *len,
    char out[SAFE_ESCAPE_MAX]);
void safe_append(struct buf *, const char *, size_t);
void safe_write(FILE *, const char *, size_t);
void safe_puts(FILE *, const char *);
void safe_printf(FILE *, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void safe_free(void);

/* diag.c: every message a tool prints about its input or its use */

struct src {
	const char *file;	/* as the user named it */
	long line;		/* 1-based */
	const char *text;	/* the line, for the excerpt; may be NULL */
	size_t len;
	const char *row_file;	/* a row of the events CSV: the journal */
	long row_line;		/* file and line it names, or NULL, 0 */
};

enum diag_level { DIAG_WARNING, DIAG_ERROR };

#define DIAG_MAX_ERRORS 50
#define DIAG_MAX_WARNINGS 50

void diag_init(const char *progname);
void diag_at(enum diag_level, const struct src *, size_t byteoff,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void vdiag_at(enum diag_level, const struct src *, size_t byteoff,
    const char *fmt, va_list);
void errorx_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void warnx_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
_Noreturn void errx_(int status, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
_Noreturn void usage_error(const char *usage, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int diag_errors(void);
void diag_reset(void);
void diag_quiet(void);
void diag_free(void);
int diag_too_many(void);

/* date.c: calendar days, times of day, periods and durations */

#define NO_DATE (-2147483647 - 1)
#define DATE_MAX 16	/* YYYY-MM-DD, or +YYYYY-MM-DD past 9999, and NUL */

struct period {
	int n;
	char unit;	/* 'd', 'w', 'm' (months), 'y' */
};

int date_parse(const char *s, size_t n, int *day, const char **why);
void date_format(int day, char out[DATE_MAX]);
int time_parse(const char *s, size_t n, int *minute, const char **why);
int period_parse(const char *s, size_t n, struct period *, const char **why);
int period_add(int day, struct period, int times);
int period_days(struct period);
void period_format(struct period, char out[16]);
int date_month_index(int day);
int duration_parse(const char *s, size_t n, int *minutes, const char **why);
int date_option(const char *option, const char *arg);
int today_from_option(const char *arg);

/* record.c: kinds and the record handed to tools */

enum kind {
	K_NONE,
	K_MEETING, K_CALL, K_VISIT, K_EMAIL, K_MESSAGE,
	K_NOTE,
	K_PROMISE, K_KEPT, K_BROKEN, K_MOVED,
	K_ISSUE, K_TOLD, K_RESOLVED,
	K_REQUEST, K_ANSWERED,
	K_FEEDBACK, K_DEAL, K_REFERRAL, K_RATE, K_STATUS,
	K_CONTACT, K_OPTION,
	K__COUNT
};

enum kind kind_from_word(const char *, size_t);
const char *kind_name(enum kind);
int kind_is_interaction(enum kind);
int kind_is_followup(enum kind);
int kind_opens_ref(enum kind);
enum kind kind_opener_of(enum kind followup);

struct attr {
	const char *key;
	const char *val;
	size_t keylen, vallen;
	size_t off;	/* where the attribute starts in its line, for errors */
	long line;	/* the line it is on */
};

struct record {
	const char *file;	/* interned */
	long line;
	int date;		/* days since 1970-01-01, or NO_DATE */
	int minute;		/* minute of the day, or -1 */
	enum kind kind;
	const char *contact;	/* interned id; NULL for options */
	const char *ref;	/* interned id, or NULL */
	const char *title;
	const struct attr *attrs;
	size_t nattrs;
	const char *const *tags;
	size_t ntags;
	const char *notes;	/* note lines joined by '\n' */
};

const char *record_get(const struct record *, const char *key);
struct keyinfo;
const struct keyinfo *key_lookup(const char *key, size_t len);
int key_is_attribute(const char *key, size_t len, enum kind,
    const struct keyinfo **info);
void key_declare(const char *interned);
void keys_declare_list(const char *, size_t);
int key_is_declared(const char *key, size_t len);
const char *attr_check(const struct keyinfo *, const char *key,
    const char *val, char *why, size_t whysize);
int key_is_known(const char *key, size_t len);
const char *key_closest(const char *key, size_t len);
int id_is_valid(const char *, size_t);
const char *a_or_an(const char *word);
#define ID_RULE "ids are letters, digits, '.', '_' and '-', starting with " \
    "a letter or digit"

/* intern.c: one table of names; each holds what the book knows of it */

struct contact;
struct ref;
struct retired;
struct sym {
	struct contact *contact;
	struct ref *ref;		/* a promise, issue or request still open */
	struct retired *retired;	/* or one that is done with */
	uint32_t len : 31;		/* names come from lines of < 16 MiB */
	uint32_t declared_key : 1;	/* option keys names it */
	char name[];			/* NUL-terminated */
};
struct sym *sym_get(const char *, size_t);	/* creates */
struct sym *sym_find(const char *, size_t);	/* NULL if absent */
const char *intern(const char *, size_t);
struct sym *sym_of(const char *interned);
void sym_free_all(void);

/* book.c: contacts, refs and options, as the records so far define them */

enum status { ST_ACTIVE, ST_PAUSED, ST_ENDED };

struct contact {
	const char *id;
	const char *name;
	const char *file;	/* where declared; NULL if never declared */
	long line;
	const char *first_file;	/* first record naming it */
	long first_line;
	struct record *decl;	/* a copy of the contact record, or NULL;
				 * kept only if read_opts asks */
	enum status status;
	uint32_t index;		/* in book_contacts(), in order of appearance
				 * (each contact has a sym: < 2^32 of them) */
	/* Then read_opts.contact_room bytes, zeroed, for the tool: the
	 * tools that measure keep the contact's tally there (tally.c), one
	 * step from its sym rather than two.  The contact starts on a
	 * 64-byte boundary and is 64 bytes (on LP64): so does its room. */
	uint64_t room[];
};

#define REF_TITLE_MAX 96

/* An open promise, issue or request.  When it is done with (kept or
 * broken; answered; told and resolved) the book hands it to the tools'
 * ref_done hook and keeps only a struct retired: memory holds the open
 * refs, not every ref there ever was. */
struct ref {
	const char *id;
	enum kind kind;		/* K_PROMISE, K_ISSUE or K_REQUEST */
	const char *file;
	long line;
	struct ref *prev, *next;	/* the open refs, in the order opened */
	const char **contacts;
	size_t ncontacts;
	const char *contacts_inline[2];
	enum kind closed;	/* K_KEPT/K_BROKEN, K_RESOLVED, K_ANSWERED, or K_NONE */
	const char *closed_file;
	long closed_line;
	const char *told_file;	/* issues only */
	long told_line;
	/* what the records say of it, for the tools that measure */
	int opened_day;
	int due_day;		/* promises: the latest due:, after moves */
	int closed_day;		/* or NO_DATE */
	int told_day;		/* issues: or NO_DATE */
	int learned_day;	/* issues: learned:, else the entry's date */
	int by_them;		/* promises: by:them */
	int has_sla;		/* requests: sla: given on the request */
	struct period sla;
	char title[REF_TITLE_MAX];	/* of the opening entry, maybe cut */
};

/* What the book still knows of a ref that is done with: enough to say
 * where it was opened and closed when a journal names it again. */
struct retired {
	enum kind kind, closed;
	const char *file, *closed_file, *told_file;
	long line, closed_line, told_line;
};

struct options {
	struct period default_cadence, feedback_every, default_sla;
	const char *currency;
};
extern struct options rel_options;

/* A key the kind takes, written with a blank after its colon, as in
 * "due: 2026-10-10": title text (rel-journal(5)), remembered so that the
 * error about the attribute the entry then lacks can point at it. */
struct loose_key {
	const char *key;	/* in the entry's first line */
	size_t keylen, off;
	const char *next;	/* the word after it, or NULL */
	size_t nextlen;
};
#define LOOSE_MAX 4

/* An entry: one journal entry or directive, before it becomes one record per
 * contact.  Readers fill it; book_entry() checks and delivers it. */
struct entry {
	struct record rec;	/* rec.contact unused */
	const char **contacts;
	size_t ncontacts;
	struct src head;	/* the first line, for errors */
	size_t subject_off;	/* where the subject starts in head */
	size_t ref_off;		/* where id: is, for errors about it */
	const struct loose_key *loose;
	size_t nloose;
	int bad;		/* an error was reported in it: deliver nothing */
};

/* builder.c: the entry a reader is building, reused from entry to entry */
struct builder {
	struct entry e;
	struct arena arena;	/* its strings */
	struct attr *attrs;
	size_t nattrs, attrcap;
	uint64_t *keyslots;	/* attrs by key, once there are many */
	size_t nkeyslots;
	uint32_t stamp;		/* the entry's, in its key slots */
	const char **tags;
	size_t ntags, tagcap;
	const char **contacts;
	size_t ncontacts, contactcap;
	struct buf title, notes;
	struct loose_key loose[LOOSE_MAX];
	size_t nloose;
};

void builder_start(struct builder *, enum kind, const char *file, long line);
struct attr *builder_find(struct builder *, const char *key, size_t keylen);
void builder_attr(struct builder *, const char *key, size_t keylen,
    const char *val, size_t vallen, size_t off, long line);
void builder_drop_attr(struct builder *, struct attr *);
void builder_tag(struct builder *, const char *);
void builder_title(struct builder *, const char *, size_t, int quoted);
void builder_loose(struct builder *, const struct loose_key *);
void builder_contact(struct builder *, const char *interned_id);
int builder_has_contact(const struct builder *, const char *interned_id);
const struct entry *builder_entry(struct builder *);
void builder_free(struct builder *);

typedef void record_fn(const struct record *, void *ctx);

struct read_opts {
	int strict;
	int keep_going;
	/* Keep a copy of each contact block, for contact_attr() and the
	 * contact's name; rel-parse, which needs neither, saves the memory. */
	int keep_contact_blocks;
	size_t contact_room;	/* bytes of room after each contact */
	record_fn *fn;
	void *ctx;
	/* Called with a ref that is done with, before the book forgets it,
	 * if it was settled by today; a ref settled later stays open. */
	void (*ref_done)(const struct ref *, void *ctx);
	int today;
};

void book_entry(const struct entry *, const struct read_opts *);
void book_prefetch_contact(const char *interned_id);
int check_attr(const struct src *, size_t off, enum kind, const char *key,
    const char *val, const struct keyinfo *, const struct read_opts *);
int option_check(const struct src *, size_t name_off, size_t val_off,
    const char *name, const char *val);
void book_finish(const struct read_opts *);
struct contact *const *book_contacts(size_t *n);
struct ref *book_open_refs(void);
void book_free(void);

/* journal.c and csvin.c: the two readers; input.c picks one per file */

struct lines;
void journal_init(void);
void journal_read(struct lines *, const char *file, const struct read_opts *);
void journal_free(void);
void csvin_read(struct lines *, const char *file, const struct read_opts *);
void csvin_free(void);
int csv_header_matches(const char *, size_t);
void words_init(void);
void words_free(void);

/* lines.c: a buffered reader of lines, without allocation per line */

#define LINES_MAXLINE (16 * 1024 * 1024)	/* longer: not a journal */

struct lines {
	int fd;
	char *buf;
	size_t cap, start, end, last;
	long lineno;
	int eof, error;
};
int lines_open(struct lines *, const char *path, int regular_only);
void lines_from_fd(struct lines *, int fd);
void lines_from_buffer(struct lines *, const char *, size_t);
int lines_next(struct lines *, const char **line, size_t *len);
void lines_unread(struct lines *);
void lines_close(struct lines *);

/* inplace.c: a file read whole and written back in place (rel-fmt -i) */

struct file_state {
	struct stat sb;		/* as read */
};
int file_read(const char *path, struct buf *, struct file_state *,
    int plain_only);
const char *file_unsafe(const struct file_state *);
int file_rewrite(const char *path, const struct file_state *,
    const char *text, size_t n, const char **why);

/* input.c: every tool's loop over its operands */

int rel_read_all(int argc, char **argv, const struct read_opts *);
void rel_cleanup(void);
_Noreturn void common_option(int c, const char *tool, const char *usage,
    void (*help)(void));
int tool_exit(int status);

/* width.c: terminal columns of UTF-8 text, the same in every locale */

int char_width(unsigned codepoint);
size_t shown_width(const char *, size_t n, size_t *len);
size_t display_width(const char *);
size_t fit_width(const char *, size_t width, size_t *used);
void put_cell(FILE *, const char *, size_t width);

/* csvout.c: RFC 4180 with quoting only where needed */

extern int csv_safe;
void csv_field(FILE *, const char *, size_t, int first);
void csv_end(FILE *);
extern const char CSV_HEADER[];
void events_write_record(FILE *, const struct record *);
void csvout_free(void);

/* tally.c: per contact, what the records of a window add up to; shared
 * by rel-score, rel-overdue and rel-report so nothing is counted twice */

#define RECENT_MAX 5
#define SPARK_MONTHS 12
#define NDIMS 7			/* I M B W P H E */

struct recent {
	int day;
	enum kind kind;
	const char *file;
	long line;
	char title[72];
};

struct feedback {
	int day;
	int score;		/* -1 if none given */
	const char *file;
	long line;
};

/* What a piece of evidence bears on, for --explain. */
enum ev_kind { EV_STOOD_UP, EV_THEIR_BUMP, EV_PROMISE, EV_THEIR_PROMISE,
    EV_ISSUE, EV_REQUEST, EV_FEEDBACK, EV_RATE, EV_DEAL };

struct evidence {
	enum ev_kind kind;
	const char *file;
	long line;
	int day;
	char what[160];
};

/* What only a report shows: kept when the window asks for detail, so that
 * the tallies of rel-score and rel-overdue stay small. */
struct tally_detail {
	/* what each interaction touches, in one cache line */
	int months[SPARK_MONTHS];	/* held interactions, oldest first */
	unsigned nrecent, oldest;	/* recent[] is a ring from oldest: */
	struct recent recent[RECENT_MAX];	/* tally_recent() reads it */
	int months_org[SPARK_MONTHS];	/* with its members' (orgs) */
	struct feedback *feedback;
	size_t nfeedback, feedbackcap;
};

struct tally {
	/* what most records touch, first, in one cache line (up to d): in
	 * a long journal a record's tally is seldom in the cache */
	struct contact *c;	/* NULL until the tally is first used */
	int first_day;		/* first dated record, or NO_DATE */
	int last_held;		/* last held interaction, or NO_DATE */
	const char *last_file;
	long last_line;
	int interactions, give, ask, mutual;
	int last_feedback;	/* or NO_DATE */
	int keep_evidence;
	struct tally_detail *d;	/* for rel-report only, else NULL */
	int stood_up_by_us;	/* bumped, cancelled or no-show, by us */
	int bumped_by_them;	/* bumped, shortened, cancelled or no-show */
	int deals;
	int referrals;
	int fb_count;		/* feedback entries */
	int fb_scored, fb_sum;	/* feedback with a score, and their sum */
	struct contact *org;	/* the contact its org: names, or NULL */
	int last_held_org;	/* with its members' (orgs), else last_held */
	const char *last_org_file;
	long last_org_line;
	int last_feedback_org;
	int rated[NDIMS];	/* latest rate, 1..5, or 0 */
	int rated_day[NDIMS];
	/* from the refs, by tally_refs() */
	int ours_due, ours_on_time;	/* promises by us come due */
	int theirs_due, theirs_on_time;
	int issues, issues_open, issues_told;
	long lag_sum;		/* days from learned to told, told issues */
	double h_sum;		/* per-issue honesty terms */
	int requests, requests_open, answered;
	long response_sum;	/* days from asked to answered */
	double m_sum;		/* per-request responsiveness terms */
	int m_n;
	struct evidence *ev;
	size_t nev, evcap;
};

struct window {
	int since, until;	/* NO_DATE: open */
	int today;		/* the day the measures are taken */
	int detail;		/* keep struct tally_detail (rel-report) */
};

void tally_init(const struct window *, struct read_opts *);
record_fn tally_record;
void tally_ref(const struct ref *, void *ctx);
void tally_finish(void);
void tally_merge(struct tally *into, const struct tally *from);
struct tally *tally_of(const struct contact *);
const struct recent *tally_recent(const struct tally *, size_t i);
void tally_keep_evidence(const char *contact_id);
void tally_add_evidence(struct tally *, enum ev_kind, const char *file,
    long line, int day, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
struct period contact_cadence(const struct contact *);
struct period contact_sla(const struct contact *, const struct ref *);
const char *contact_attr(const struct contact *, const char *key);
void tally_free(void);

#endif
