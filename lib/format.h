/* format.h: the formats the tools write, as --format names them */
#ifndef FORMAT_H
#define FORMAT_H

enum format { FMT_TEXT, FMT_MD, FMT_CSV, FMT_JSON, FMT_ICS, FMT_NONE };

enum format format_option(const char *arg, const char *const *words);
enum format format_resolve(enum format given, enum format by_default);

#endif
