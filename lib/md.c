/* md.c: journal text in Markdown (rel-report(1), rel-log(1)):
 * HTML-significant characters as entities, and the characters that start
 * Markdown's links, code, emphasis and table cells (not ], which starts
 * nothing) behind a backslash, so that the text is shown as written and
 * nothing in it becomes markup; unsafe characters as safe.c shows them. */
#include <string.h>

#include "md.h"
#include "safe.h"

void
md_append(struct buf *b, const char *s, size_t n)
{
	const char *run = s, *end = s + n, *entity;

	for (; s < end; s++) {
		entity = *s == '&' ? "&amp;" : *s == '<' ? "&lt;" :
		    *s == '>' ? "&gt;" : NULL;
		if (entity == NULL && (*s == '\0' || strchr("\\`*_[|", *s) ==
		    NULL))
			continue;
		safe_append(b, run, (size_t)(s - run));
		if (entity)
			buf_add(b, entity, strlen(entity));
		else {
			buf_addc(b, '\\');
			buf_addc(b, *s);
		}
		run = s + 1;
	}
	safe_append(b, run, (size_t)(end - run));
}

/* Text that starts a line of its own, as an item of a list does: also a
 * first character that would open a block (a heading, a quote, a list, a
 * rule, fenced code) behind a backslash, and the dot or parenthesis of an
 * ordered list's number. */
void
md_append_line(struct buf *b, const char *s, size_t n)
{
	size_t digits = 0;

	if (n > 0 && strchr("#>+-=~", s[0]) != NULL) {
		buf_addc(b, '\\');
		buf_addc(b, s[0]);
		s++;
		n--;
	}
	while (digits < n && s[digits] >= '0' && s[digits] <= '9')
		digits++;
	if (digits > 0 && digits < n && (s[digits] == '.' || s[digits] == ')')) {
		buf_add(b, s, digits);
		buf_addc(b, '\\');
		s += digits;
		buf_addc(b, *s++);
		n -= digits + 1;
	}
	md_append(b, s, n);
}

static struct buf md;	/* md_text()'s, reused */

void
md_text(FILE *fp, const char *s)
{
	md.len = 0;
	md_append(&md, s, strlen(s));
	fwrite(md.s ? md.s : "", 1, md.len, fp);
}

void
md_free(void)
{
	buf_free(&md);
}
