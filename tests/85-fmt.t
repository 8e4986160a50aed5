#!/bin/sh
# rel-fmt: canonical output that reads to the same records, every column
# but file and line byte for byte (layout changes, content never), is
# stable, --check for hooks, -i in place and atomic, --sort, and refusal of
# a journal it cannot read.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
f="$bin/rel-fmt"
plan 78

# The records of a journal, every column but file and line, so that a
# formatted journal can be compared with its source.
records() {
	"$bin/rel-parse" "$1" | python3 -c '
import csv, sys
for r in csv.DictReader(sys.stdin):
    del r["line"], r["file"]
    print(sorted(r.items()))
'
}

for j in examples/agency.rel examples/account.rel examples/team/lena.rel \
    examples/team/omar.rel tests/score/org.rel \
    tests/parse/quoting.rel tests/overdue/team.rel tests/score/contrast.rel \
    tests/report/wide.rel tests/fmt/messy.rel; do
	d=$(dirname "$j")
	out="$d/.fmt-test.rel"	# beside it, so that includes still work
	"$f" "$j" >"$out"
	check_status "$j: exit 0" 0 $?
	records "$j" >"$tmp/a"
	records "$out" >"$tmp/b"
	check_same "$j: the formatted journal gives the same records" \
	    "$tmp/a" "$tmp/b"
	"$f" "$out" >"$tmp/again"
	check_same "$j: formatting twice changes nothing" "$out" "$tmp/again"
	"$f" --check "$out" >"$tmp/check"
	[ $? = 0 ] && [ ! -s "$tmp/check" ]
	ok $? "$j: --check passes the formatted journal"
	rm -f "$out"
done

# Generated journals full of prose (re:, URLs, quotes, +1, ;), typed with
# attributes among the title words and runs of blanks: formatted, they
# give the same records, and formatting again changes nothing.
for seed in 1 2 3 4; do
	python3 tests/gen.py "$seed" 200 --messy >"$tmp/g.rel"
	"$f" "$tmp/g.rel" >"$tmp/g.fmt"
	check_status "gen $seed: exit 0" 0 $?
	records "$tmp/g.rel" >"$tmp/a"
	records "$tmp/g.fmt" >"$tmp/b"
	check_same "gen $seed: the same records, byte for byte" "$tmp/a" "$tmp/b"
	"$f" "$tmp/g.fmt" >"$tmp/again"
	check_same "gen $seed: formatting twice changes nothing" "$tmp/g.fmt" \
	    "$tmp/again"
	python3 - "$tmp/g.fmt" <<'PY'
import sys
# outside quotes, an entry's words are parted by one blank; two blanks
# come only before a trailing comment
for line in open(sys.argv[1], encoding="utf-8"):
    if not line[:1].isdigit():
        continue
    quoted = esc = False
    for i, c in enumerate(line.rstrip("\n")):
        if quoted:
            esc = not esc and c == "\\"
            quoted = esc or c != '"'
            continue
        if c == '"' and (i == 0 or line[i - 1] in " :"):
            quoted = True
        elif c == "\t" or (c == " " and line[i + 1] == " " and
                           line[i + 2] != ";"):
            sys.exit("layout left at %r" % line)
PY
	ok $? "gen $seed: one blank between the words of an entry"
done

# The canonical form of a messy journal, and of its entries sorted.
"$f" tests/fmt/messy.rel >"$tmp/out"
check_same "canonical form" tests/fmt/messy.fmt "$tmp/out"
"$f" --sort tests/fmt/messy.rel >"$tmp/out"
check_same "--sort: by date within each paragraph, same-day order kept" \
    tests/fmt/messy.sort "$tmp/out"
"$f" <tests/fmt/crlf.rel >"$tmp/out"
printf 'contact jan\n2026-10-01 call jan Hi\n' >"$tmp/want"
check_same "standard input; CRLF becomes LF" "$tmp/want" "$tmp/out"

# --check: names the files that would change, exit 1.
"$f" --check tests/fmt/messy.rel tests/fmt/messy.fmt >"$tmp/out"
check_status "--check with a file to format: exit 1" 1 $?
printf 'tests/fmt/messy.rel\n' >"$tmp/want"
check_same "--check names it, and only it" "$tmp/want" "$tmp/out"

# -i: rewrites in place, keeps the mode, leaves no temporary file.
mkdir "$tmp/j"
cp tests/fmt/messy.rel "$tmp/j/m.rel"
chmod 640 "$tmp/j/m.rel"
"$f" -i "$tmp/j/m.rel"
check_status "-i: exit 0" 0 $?
check_same "-i: the file is now canonical" tests/fmt/messy.fmt "$tmp/j/m.rel"
[ "$(stat -c %a "$tmp/j/m.rel")" = 640 ] && [ "$(ls "$tmp/j" | wc -l)" = 1 ]
ok $? "-i: the mode is kept and no temporary file is left"

# -i never changes what kind of file it rewrites, or whose.
cp tests/fmt/messy.rel "$tmp/j/target.rel"
ln -s target.rel "$tmp/j/link.rel"
"$f" -i "$tmp/j/link.rel"
[ $? = 0 ] && [ -L "$tmp/j/link.rel" ] &&
    cmp -s tests/fmt/messy.fmt "$tmp/j/target.rel"
ok $? "-i on a symbolic link: the target is rewritten, the link stays"
mkfifo "$tmp/j/fifo.rel"
timeout 10 "$f" -i "$tmp/j/fifo.rel" 2>"$tmp/err"
[ $? = 2 ] && grep -q 'fifo.rel: not a plain file' "$tmp/err"
ok $? "-i on a FIFO: refused at once, not waited on"
cp tests/fmt/messy.rel "$tmp/j/h1.rel"
ln "$tmp/j/h1.rel" "$tmp/j/h2.rel"
"$f" -i "$tmp/j/h1.rel" 2>"$tmp/err"
[ $? = 2 ] && cmp -s tests/fmt/messy.rel "$tmp/j/h2.rel" &&
    grep -q 'h1.rel: has 2 hard links' "$tmp/err"
ok $? "-i on a file with two hard links: refused, both names untouched"
rm -f "$tmp/j/h1.rel" "$tmp/j/h2.rel" "$tmp/j/fifo.rel" "$tmp/j/link.rel" \
    "$tmp/j/target.rel"
if [ "$(id -u)" = 0 ]; then
	cp tests/fmt/messy.rel "$tmp/j/theirs.rel"
	chown 65534:65534 "$tmp/j/theirs.rel"
	chmod 640 "$tmp/j/theirs.rel"
	"$f" -i "$tmp/j/theirs.rel"
	[ $? = 0 ] && [ "$(stat -c %u:%g:%a "$tmp/j/theirs.rel")" = 65534:65534:640 ] &&
	    cmp -s tests/fmt/messy.fmt "$tmp/j/theirs.rel"
	ok $? "-i as root on another user's file: owner, group and mode kept"
	rm -f "$tmp/j/theirs.rel"
else
	ntest=$((ntest + 1))
	echo "ok $ntest # skip only root can give a file to another user"
fi
timeout 20 "$f" /dev/zero >/dev/null 2>"$tmp/err"
[ $? = 2 ] && grep -q '/dev/zero: line longer than 16 MiB' "$tmp/err"
ok $? "/dev/zero is refused after 16 MiB, as the reader refuses it"

# What happens between the read and the rename (tests/fault.c): an append
# by someone else is never lost, and a signal leaves no temporary file.
if cc -shared -fPIC -o "$tmp/fault.so" tests/fault.c -ldl 2>"$tmp/cc.err"; then
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
	cp tests/fmt/messy.rel "$tmp/j/m.rel"
	FAULT_APPEND='2026-11-30 call jan Added meanwhile
' FAULT_FILE="$tmp/j/m.rel" LD_PRELOAD="$tmp/fault.so" \
	    "$f" -i "$tmp/j/m.rel" 2>"$tmp/err"
	[ $? = 2 ] && grep -q 'm.rel: changed while it was formatted' "$tmp/err" &&
	    tail -1 "$tmp/j/m.rel" | grep -q 'Added meanwhile' &&
	    [ "$(ls "$tmp/j" | wc -l)" = 1 ]
	ok $? "-i: a file changed while it is formatted is refused, the change kept"
	cp tests/fmt/messy.rel "$tmp/j/m.rel"
	# in a subshell, whose "Terminated" goes to a file, not the TAP
	(FAULT_SIGNAL=15 LD_PRELOAD="$tmp/fault.so" "$f" -i "$tmp/j/m.rel") \
	    2>"$tmp/term.err"
	[ $? = 143 ] && cmp -s tests/fmt/messy.rel "$tmp/j/m.rel" &&
	    [ "$(ls "$tmp/j" | wc -l)" = 1 ]
	ok $? "-i killed by SIGTERM: the file as it was, no temporary file left"
	unset ASAN_OPTIONS
else
	sed 's/^/# /' "$tmp/cc.err"
	ntest=$((ntest + 2))
	echo "ok $((ntest - 1)) # skip no cc for tests/fault.c"
	echo "ok $ntest # skip no cc for tests/fault.c"
fi

# Each file on its own, by its syntax: a month whose refs were opened in
# another file formats, and the files a journal includes are not touched.
mkdir "$tmp/multi"
printf 'include months/*.rel\ncontact jan\n' >"$tmp/multi/j.rel"
mkdir "$tmp/multi/months"
printf '2026-10-03   promise jan Quote  id:q due:2026-10-10\n' \
    >"$tmp/multi/months/2026-10.rel"
printf '2026-11-02  kept   q\n' >"$tmp/multi/months/2026-11.rel"
cp "$tmp/multi/months/2026-10.rel" "$tmp/oct.before"
"$f" -i "$tmp/multi/months/2026-11.rel" "$tmp/multi/j.rel" 2>"$tmp/err"
[ $? = 0 ] && [ ! -s "$tmp/err" ] &&
    [ "$(cat "$tmp/multi/months/2026-11.rel")" = "2026-11-02 kept q" ]
ok $? "a file whose refs open in another formats on its own"
cmp -s "$tmp/oct.before" "$tmp/multi/months/2026-10.rel"
ok $? "formatting the journal leaves the files it includes as they are"

# A journal with an error is refused and left byte for byte as it was.
printf 'contact jan\n2026-02-30   call jan   Bad date\n' >"$tmp/j/bad.rel"
cp "$tmp/j/bad.rel" "$tmp/j/bad.orig"
"$f" -i "$tmp/j/bad.rel" >"$tmp/out" 2>"$tmp/err"
check_status "-i on a journal with an error: exit 2" 2 $?
cmp -s "$tmp/j/bad.rel" "$tmp/j/bad.orig"
ok $? "and the file is untouched"
grep -q 'bad.rel:2:1: error: bad date' "$tmp/err" &&
    grep -q 'not formatted: correct the errors above first' "$tmp/err"
ok $? "and the errors say why"
"$bin/rel-parse" tests/parse/quoting.rel >"$tmp/q.csv"
"$f" "$tmp/q.csv" >"$tmp/out" 2>"$tmp/err"
check_status "the events CSV is refused: exit 2" 2 $?
"$f" --check -i tests/fmt/messy.rel >"$tmp/out" 2>"$tmp/err"
check_status "--check with -i is a usage error" 2 $?
done_testing
