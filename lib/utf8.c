/* utf8.c: UTF-8 text: decoding a character, and the check every reader
 * makes of a line or a field (rel-journal(5), "Encoding"). */
#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* The code point of the UTF-8 sequence at s (at most n bytes) and its
 * length, or 0 if s does not start one: a stray continuation byte, a
 * sequence cut short, an overlong form, a surrogate, a code point past
 * U+10FFFF. */
size_t
utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	size_t len, i;
	unsigned c = s[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, c &= 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, c &= 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, c &= 0x07;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	*cp = c;
	return len;
}

/* Eight bytes of printable ASCII: no high bit, none below 0x20 (the test
 * is exact once the high bits are clear), no DEL. */
static int
printable8(const unsigned char *p)
{
	uint64_t w, d;

	memcpy(&w, p, 8);
	d = w ^ 0x7f7f7f7f7f7f7f7fULL;
	return ((w & 0x8080808080808080ULL) |
	    ((w - 0x2020202020202020ULL) & ~w & 0x8080808080808080ULL) |
	    ((d - 0x0101010101010101ULL) & ~d & 0x8080808080808080ULL)) == 0;
}

/* Text as rel-journal(5) has it: UTF-8, no NUL or control characters but
 * TAB.  Returns the offset of the first bad byte, or len, and why.  Most bytes are printable
 * ASCII, taken eight at a time, also after a character that is not. */
size_t
text_first_bad(const char *s, size_t len, const char **why)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n;
	unsigned c;

	while (i < len) {
		while (i + 8 <= len && printable8(p + i))
			i += 8;
		if (i == len)
			break;
		c = p[i];
		if ((c >= 0x20 && c < 0x7f) || c == '\t') {
			i++;
			continue;
		}
		if (c < 0x80) {
			*why = c == 0 ? "NUL byte: the file is not text, or is "
			    "damaged here" : c == '\r' ? "carriage return inside "
			    "a line: line ends are LF or CRLF" :
			    "control character: remove it";
			return i;
		}
		if ((n = utf8_decode(p + i, len - i, &c)) == 0) {
			*why = "invalid UTF-8: save the file as UTF-8";
			return i;
		}
		i += n;
	}
	return len;
}

