/* safe.c: text that comes from a journal, a CSV or a file name, made safe
 * to show.  Every tool prints such text to a terminal (a report, an
 * overdue line, --explain, a diagnostic and its excerpt) through here, so
 * that no byte of the input can move the cursor, clear the screen, set a
 * window title, plant a hyperlink, forge a line or reorder what is shown.
 *
 * As rel(7) and each tool's page say: a C0 control but TAB, DEL, and a
 * byte that is not part of valid UTF-8 are shown as \xHH; a C1 control
 * (U+0080 to U+009F) and a bidirectional embedding, override or isolate
 * (U+202A to U+202E, U+2066 to U+2069) as <U+XXXX>.  Everything else is
 * written as it is.  CSV output does not come here: it stays lossless. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "safe.h"
#include "utf8.h"
#include "util.h"

static int
unsafe_code_point(unsigned c)
{
	return (c < 0x20 && c != '\t') || c == 0x7f ||
	    (c >= 0x80 && c <= 0x9f) || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069);
}

size_t
safe_char(const char *s, size_t n, size_t *len, char out[SAFE_ESCAPE_MAX])
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned cp;

	if (u[0] >= 0x20 && u[0] < 0x7f) {	/* the common case */
		*len = 1;
		return 0;
	}
	if ((*len = utf8_decode(u, n, &cp)) == 0) {
		*len = 1;
		return (size_t)snprintf(out, SAFE_ESCAPE_MAX, "\\x%02x", u[0]);
	}
	if (!unsafe_code_point(cp))
		return 0;
	if (cp < 0x80)
		return (size_t)snprintf(out, SAFE_ESCAPE_MAX, "\\x%02x", cp);
	return (size_t)snprintf(out, SAFE_ESCAPE_MAX, "<U+%04X>", cp);
}

/* Appends n bytes of s to b, unsafe characters in their visible form. */
void
safe_append(struct buf *b, const char *s, size_t n)
{
	char esc[SAFE_ESCAPE_MAX];
	size_t i = 0, start = 0, len, k;

	while (i < n) {
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			i++;	/* printable ASCII, the common case */
			continue;
		}
		if ((k = safe_char(s + i, n - i, &len, esc)) == 0) {
			i += len;
			continue;
		}
		buf_add(b, s + start, i - start);
		buf_add(b, esc, k);
		i += len;
		start = i;
	}
	buf_add(b, s + start, n - start);
}

static struct buf shown;	/* safe_write()'s, reused */

void
safe_write(FILE *fp, const char *s, size_t n)
{
	shown.len = 0;
	safe_append(&shown, s, n);
	fwrite(shown.s ? shown.s : "", 1, shown.len, fp);
}

void
safe_puts(FILE *fp, const char *s)
{
	safe_write(fp, s, strlen(s));
}

static struct buf line;	/* safe_printf()'s, reused */

/* printf() whose %s arguments may hold anything: what it formats is made
 * safe as a whole, so fmt must not end a line (write the \n apart). */
void
safe_printf(FILE *fp, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(&line, fmt, ap);
	va_end(ap);
	safe_write(fp, line.s, line.len);
}

void
safe_free(void)
{
	buf_free(&line);
	buf_free(&shown);
}
