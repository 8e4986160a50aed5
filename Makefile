# rel: a plain-text relationship journal and the filters that read it.
# GNU make.  `make O=dir` builds into dir (make check uses it for the
# sanitizer build).

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
PKG_CONFIG ?= pkg-config
O ?= .

CC ?= cc
CFLAGS ?= -O2 -g
WARN = -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes \
	-Wmissing-prototypes -Wno-missing-field-initializers
PCRE2_CFLAGS != $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null || true
PCRE2_LIBS != $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8
# libcsv ships no pkg-config file on Debian; use one where it exists.
CSV_CFLAGS != $(PKG_CONFIG) --cflags libcsv 2>/dev/null || true
CSV_LIBS != $(PKG_CONFIG) --libs libcsv 2>/dev/null || echo -lcsv
ICAL_CFLAGS != $(PKG_CONFIG) --cflags libical 2>/dev/null || true
ICAL_LIBS != $(PKG_CONFIG) --libs libical 2>/dev/null || echo -lical
ALL_CFLAGS = $(WARN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	-Ilib $(PCRE2_CFLAGS) $(CSV_CFLAGS) $(ICAL_CFLAGS) $(CFLAGS)
LIBS = $(PCRE2_LIBS) $(CSV_LIBS) $(ICAL_LIBS) -lm

TOOLS = rel-parse rel-score rel-overdue rel-report rel-fmt rel-merge rel-add \
	rel-log
MAN1 = man/rel-parse.1 man/rel-score.1 man/rel-overdue.1 \
	man/rel-report.1 man/rel-fmt.1 man/rel-merge.1 man/rel-add.1 \
	man/rel-log.1
MAN5 = man/rel-journal.5
MAN7 = man/rel.7
LIB = add book builder cli contact csvin csvout date diag fmt inplace input \
	intern journal lines merge money overdue record report safe score select \
	series tally utf8 util vocab width words
LIB += color format ics itemrow json log md row scorerow timeline
LIB_OBJ = $(LIB:%=$(O)/lib/%.o)
# Each object's headers, as the compiler found them (-MMD): a change to a
# header rebuilds what includes it, and nothing else.
DEPFLAGS = -MMD -MP
DEPS = $(LIB_OBJ:.o=.d) $(TOOLS:%=$(O)/%.d) $(O)/tests/unit.d \
	$(O)/tests/icsread.d

SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=all

all: $(TOOLS:%=$(O)/%)

$(O)/lib/%.o: lib/%.c
	@mkdir -p $(O)/lib
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) -c -o $@ $<

$(O)/lib/librel.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $(LIB_OBJ)

$(O)/rel-%: cmd/rel-%.c $(O)/lib/librel.a
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) $(LDFLAGS) -o $@ $< $(O)/lib/librel.a \
		$(LIBS)

$(O)/tests/unit: tests/unit.c $(O)/lib/librel.a
	@mkdir -p $(O)/tests
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) $(LDFLAGS) -o $@ $< $(O)/lib/librel.a \
		$(LIBS)

# A calendar read with libical, as a calendar program reads one.
$(O)/tests/icsread: tests/icsread.c
	@mkdir -p $(O)/tests
	$(CC) $(ALL_CFLAGS) $(DEPFLAGS) $(LDFLAGS) -o $@ $< $(ICAL_LIBS)

-include $(DEPS)

# The suite runs twice: as built, and built again in build-san/ under
# AddressSanitizer and UndefinedBehaviorSanitizer.
check: all $(O)/tests/unit $(O)/tests/icsread
	REL_BIN=$(abspath $(O)) prove tests/*.t
	$(MAKE) O=build-san CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" \
		all build-san/tests/unit build-san/tests/icsread
	REL_BIN=$(abspath build-san) ASAN_OPTIONS=detect_leaks=1 \
		UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 prove tests/*.t

# The suite once more with every tool under valgrind's memcheck, a test
# file per processor at once (each works in a directory of its own).
NPROC != getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1
check-valgrind: all $(O)/tests/unit $(O)/tests/icsread
	tests/valgrind-bin build-vg $(TOOLS)
	REL_BIN=$(abspath build-vg) REL_VALGRIND=1 prove -j$(NPROC) tests/*.t

# The benchmark (tests/bench/README): BENCH_SIZES="10k 100k", BENCH_REPS=3.
bench: all
	REL_BIN=$(abspath $(O)) tests/bench/run

lint-man:
	mandoc -Tlint -Wwarning $(MAN1) $(MAN5) $(MAN7)

BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions

# bash-completion finds a completion by the command's name: one file for
# rel-parse, a link to it for each other tool.
install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	cp $(TOOLS:%=$(O)/%) $(DESTDIR)$(BINDIR)/
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp $(MAN5) $(DESTDIR)$(MANDIR)/man5/
	cp $(MAN7) $(DESTDIR)$(MANDIR)/man7/
	cp examples/completion/rel.bash $(DESTDIR)$(BASHCOMPDIR)/rel-parse
	for t in $(filter-out rel-parse,$(TOOLS)); do \
		ln -sf rel-parse $(DESTDIR)$(BASHCOMPDIR)/$$t; done
	cp examples/completion/_rel $(DESTDIR)$(ZSHCOMPDIR)/_rel

uninstall:
	cd $(DESTDIR)$(BINDIR) && rm -f $(TOOLS)
	cd $(DESTDIR)$(MANDIR)/man1 && rm -f $(MAN1:man/%=%)
	cd $(DESTDIR)$(MANDIR)/man5 && rm -f $(MAN5:man/%=%)
	cd $(DESTDIR)$(MANDIR)/man7 && rm -f $(MAN7:man/%=%)
	cd $(DESTDIR)$(BASHCOMPDIR) && rm -f $(TOOLS)
	rm -f $(DESTDIR)$(ZSHCOMPDIR)/_rel

clean:
	rm -f $(TOOLS) $(TOOLS:%=%.d) lib/*.o lib/*.d lib/librel.a tests/unit \
		tests/unit.d tests/icsread tests/icsread.d
	rm -rf build-san build-fuzz build-vg build-bench

.PHONY: all bench check check-valgrind lint-man install uninstall clean fuzz fuzz-run
.SECONDARY: $(LIB_OBJ)

# libFuzzer harnesses (clang): make fuzz builds them; make fuzz-run runs
# each for FUZZ_TIME seconds on a corpus seeded from the examples and the
# tests.  See tests/fuzz/README.
FUZZ_CC = clang
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all
FUZZ_TIME = 60
FUZZERS = build-fuzz/fuzz_journal build-fuzz/fuzz_csv build-fuzz/fuzz_words

fuzz: $(FUZZERS)

build-fuzz/fuzz_%: tests/fuzz/fuzz_%.c tests/words_agree.h $(LIB:%=lib/%.c) \
		$(wildcard lib/*.h)
	@mkdir -p build-fuzz
	$(FUZZ_CC) $(WARN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Ilib \
		$(PCRE2_CFLAGS) $(CSV_CFLAGS) $(ICAL_CFLAGS) $(FUZZ_FLAGS) \
		-o $@ $< \
		$(LIB:%=lib/%.c) $(LIBS)

fuzz-run: fuzz
	tests/fuzz/run $(FUZZ_TIME)
