#!/bin/sh
# rel-parse as a user sees it: the CSV of each example and test journal,
# the round trip through the CSV, standard input, options, pipes.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
p="$bin/rel-parse"
plan 33

# Golden CSV files: every attribute, tag and note line, with file and line.
for j in examples/agency.rel tests/parse/quoting.rel tests/parse/inc/main.rel
do
	g=tests/golden/$(basename "$j" .rel).csv
	"$p" --today 2026-11-22 "$j" >"$tmp/out.csv" 2>"$tmp/err"
	check_status "$j: exit 0" 0 $?
	check_same "$j: CSV as expected" "$g" "$tmp/out.csv"
	# journal -> CSV -> records -> CSV loses nothing
	"$p" --today 2026-11-22 "$tmp/out.csv" >"$tmp/again.csv"
	check_same "$j: the CSV read back gives the same CSV" "$tmp/out.csv" \
	    "$tmp/again.csv"
done

# Standard input, by default and as -, and the CSV on standard input.
"$p" <tests/parse/quoting.rel | sed 's/^<stdin>,/tests\/parse\/quoting.rel,/' \
    >"$tmp/stdin.csv"
check_same "no operand reads standard input" tests/golden/quoting.csv \
    "$tmp/stdin.csv"
"$p" - <tests/parse/quoting.rel >"$tmp/dash.csv"
"$p" <tests/parse/quoting.rel >"$tmp/none.csv"
check_same "- is standard input" "$tmp/none.csv" "$tmp/dash.csv"
"$p" tests/parse/quoting.rel | "$p" >"$tmp/pipe.csv"
check_same "the CSV through a pipe reads back" tests/golden/quoting.csv \
    "$tmp/pipe.csv"

# CRLF line ends and a byte order mark change nothing but the bytes.
printf '\357\273\277' >"$tmp/crlf.rel"
sed 's/$/\r/' tests/parse/quoting.rel >>"$tmp/crlf.rel"
(cd "$tmp" && "$p" crlf.rel) | sed 's/^crlf.rel,/tests\/parse\/quoting.rel,/' \
    >"$tmp/crlf.csv"
check_same "CRLF and a BOM are read as LF" tests/golden/quoting.csv \
    "$tmp/crlf.csv"

# An independent CSV parser reads what rel-parse writes.
python3 - "$tmp/out.csv" <<'PY' >/dev/null 2>"$tmp/py.err"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='')))
PY
"$p" tests/parse/quoting.rel >"$tmp/q.csv"
python3 - "$tmp/q.csv" <<'PY' >"$tmp/py.out" 2>&1
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
assert rows[0]['kind'] == 'option' and rows[0]['attrs'] == 'keys:key,other'
rows = rows[1:]
c = rows[0]
assert c['kind'] == 'contact' and c['title'] == "Ann O'Neil, Ltd", c
assert c['notes'] == "Prefers mornings.\nSecond note line, with a comma.", c
assert c['attrs'] == 'expects:"answers within a day, \\"always\\""', c
call = rows[1]
assert call['title'] == 'Budget, round 2 said maybe', call
assert call['time'] == '09:05' and call['tags'] == 'budget q4', call
assert call['notes'] == 'Asked about the "premium" tier.\nCall back Monday.'
assert rows[3]['title'] == 'A "quoted" word', rows[3]
assert rows[3]['attrs'] == 'key:"value with blanks" other:"back\\\\slash"'
print("python read", len(rows), "rows")
PY
check_status "python3's csv module reads commas, quotes, newlines" 0 $?
grep -q "python read 5 rows" "$tmp/py.out"
ok $? "python3 sees every row"

# A CSV made by another tool is held to the journal's rules: a title with
# a line feed (no journal line can hold one) is an error that names the
# field and the row's place in the journal; a note line may not hold a
# control character, though notes are lines apart.
cat >"$tmp/nl.csv" <<'CSV'
file,line,date,time,kind,contact,ref,title,attrs,tags,notes
j.rel,3,2026-10-01,,note,ann,,"two
lines, ""quoted""",,,
j.rel,4,2026-10-02,,note,ann,,Fine,,,"two
note lines"
CSV
"$p" --keep-going "$tmp/nl.csv" >"$tmp/nl.out" 2>"$tmp/nl.err"
check_status "a title with a line feed: exit 2" 2 $?
grep -qxF "$tmp/nl.csv:2:1: error: title, byte 4: control character: remove it (the row of j.rel:3)" \
    "$tmp/nl.err" && grep -q '^j.rel,4,' "$tmp/nl.out"
ok $? "names the field, the CSV's line and the journal's; notes may have lines"

# Several contacts in one entry: one record each.
printf '2026-10-01 call jan,bob,ann Sync\n' | "$p" >"$tmp/multi.csv"
[ "$(cut -d, -f6 "$tmp/multi.csv" | tr '\n' ' ')" = "contact jan bob ann " ]
ok $? "jan,bob,ann gives one record per contact, in order"
"$p" "$tmp/multi.csv" >"$tmp/multi2.csv"
check_same "and they read back as one entry" "$tmp/multi.csv" "$tmp/multi2.csv"

# A follow-up goes to every contact of the entry that opened its ref.
printf '2026-10-01 promise jan,bob Send it id:s1 due:2026-10-09\n2026-10-02 kept s1\n' |
    "$p" | grep ',kept,' | cut -d, -f6 | tr '\n' ' ' >"$tmp/kept"
[ "$(cat "$tmp/kept")" = "jan bob " ]
ok $? "kept resolves to the contacts of its promise"
printf '2026-10-01 promise jan,bob Send it id:s1 due:2026-10-09\n2026-10-02 kept s1\n' |
    "$p" >"$tmp/follow.csv"
"$p" "$tmp/follow.csv" >"$tmp/follow2.csv" 2>"$tmp/err"
check_same "and its two rows read back as one follow-up" "$tmp/follow.csv" \
    "$tmp/follow2.csv"

# --check writes nothing on success.
"$p" --check tests/parse/quoting.rel >"$tmp/check.out" 2>&1
check_status "--check: exit 0 on a valid journal" 0 $?
[ ! -s "$tmp/check.out" ]
ok $? "--check: no output on a valid journal"

# --help, --version, bad usage.
"$p" --help >"$tmp/help" 2>"$tmp/help.err"
check_status "--help exits 0" 0 $?
grep -q '^usage: rel-parse' "$tmp/help" && [ ! -s "$tmp/help.err" ]
ok $? "--help prints usage on stdout"
"$p" --version >"$tmp/version"
grep -q '^rel-parse [0-9]' "$tmp/version"
ok $? "--version"
"$p" --no-such-option >"$tmp/u.out" 2>"$tmp/u.err"
check_status "an unknown option exits 2" 2 $?
grep -q '^usage: rel-parse' "$tmp/u.err" && [ ! -s "$tmp/u.out" ]
ok $? "and prints usage on stderr only"
"$p" -T 2026-11-22 tests/parse/quoting.rel >"$tmp/t.out" 2>"$tmp/t.err"
check_status "--today has no short form, as in the other tools" 2 $?

# Inputs that cannot be read: reported, the rest still read, exit 2.
"$p" "$tmp/no-such.rel" tests/parse/quoting.rel >"$tmp/m.out" 2>"$tmp/m.err"
check_status "a missing file exits 2" 2 $?
grep -q "^rel-parse: $tmp/no-such.rel: No such file or directory$" "$tmp/m.err"
ok $? "and names the file and the reason"
"$p" tests >"$tmp/d.out" 2>"$tmp/d.err"
grep -q "^rel-parse: tests: Is a directory$" "$tmp/d.err"
ok $? "a directory is refused"

# A closed pipe ends the tool quietly.
i=0
while [ $i -lt 2000 ]; do
	printf '2026-10-01 call jan Line %d of a long journal +t\n' $i
	i=$((i + 1))
done >"$tmp/long.rel"
for k in 1 2 3 4 5 6 7 8; do cat "$tmp/long.rel"; done >"$tmp/longer.rel"
"$p" "$tmp/longer.rel" 2>"$tmp/pipe.err" | head -1 >"$tmp/head.out"
[ "$(cat "$tmp/head.out")" = "file,line,date,time,kind,contact,ref,title,attrs,tags,notes" ] &&
    [ ! -s "$tmp/pipe.err" ]
ok $? "rel-parse | head -1: the header, and nothing on stderr"

done_testing
