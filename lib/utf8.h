/* utf8.h: UTF-8 text, and the check every reader makes of it */
#ifndef UTF8_H
#define UTF8_H

#include <stddef.h>

size_t utf8_decode(const unsigned char *, size_t n, unsigned *codepoint);
size_t text_first_bad(const char *, size_t len, const char **why);

#endif
