#!/bin/sh
# rel-log: the timeline of tests/log/clients.rel (an include read first,
# an entry typed out of order, two entries at one time in two files, an
# entry of several contacts, notes, an entry after the day measured),
# --reverse, 80 columns, colour, Markdown, the events CSV and JSON, the
# window of dates, hostile bytes, exit statuses.
. "$(dirname "$0")/lib.sh"
cd "$top/tests/log" || exit 1
l="$bin/rel-log"
T="--today 2026-11-22"
plan 50

# Oldest first, whatever the order of lines and files: later.rel, read at
# its include line, holds 2026-09-30 to 2026-10-05; the note of 10-02 is
# typed after 10-09.  On 2026-10-01 the entry without a time comes first;
# at 14:00 the message (later.rel, read first) before the meeting.  The
# meeting of jan and zoe and the issue of acme and bob, and its follow-up,
# are one entry each.  The meeting of 2026-12-24 is after the day measured.
expect 0 "the timeline" "$l" $T clients.rel <<'OUT'
2026-09-30 18:00  email    bob: Intro to Jörg <joerg@example.com> & his team
2026-10-01        call     bob: Quick hello +1 from me
2026-10-01 09:00  call     zoe: Kick-off call — 日本語 notes, 👍
    Agenda: 1) intro 2) scope; 3) *money*
2026-10-01 14:00  message  jan: Running 5 min late, sorry!! :-)
2026-10-01 14:00  meeting  jan, zoe: Quarterly review: re: budget, see
                           https://wiki.example/q4?x=1&y=2 planned:30m actual:5m
                           outcome:shortened by:them
    Pulled into another meeting; agreed to reschedule :(
    Zoë says "next week, promise" ;)
2026-10-02        note     acme: Out of order: typed a day late ;-) room:B2
2026-10-03        promise  jan: [quote-v2] Send revised quote due:2026-10-10
                           +sales
2026-10-05        feedback bob: Workshop was the most useful thing this quarter:
                           10/10 would repeat score:9
2026-10-09 09:15  kept     jan: [quote-v2]
2026-10-20        issue    acme, bob: [export-fail] Nightly export failed
                           learned:2026-10-18 ours:yes
2026-10-20 16:45  told     acme, bob: [export-fail]
OUT
cp "$tmp/got" "$tmp/timeline"

# --reverse: the same entries, each whole, the other way round.
"$l" $T --reverse clients.rel >"$tmp/got"
python3 - "$tmp/timeline" "$tmp/got" <<'PY'
import re, sys
def entries(path):
    return re.split(r"\n(?=\d{4}-)", open(path, encoding="utf-8").read().rstrip("\n"))
sys.exit(0 if entries(sys.argv[1])[::-1] == entries(sys.argv[2]) else 1)
PY
ok $? "--reverse: the same entries, newest first"
[ "$(head -1 "$tmp/got")" = "2026-10-20 16:45  told     acme, bob: [export-fail]" ]
ok $? "--reverse: the last entry first"

# Each line of the example in rel-log(1) is a line of the timeline, in
# its order.
python3 - "$top/man/rel-log.1" "$tmp/timeline" <<'PY'
import sys
page = open(sys.argv[1], encoding="utf-8").read()
ex = page[page.index("$ rel-log --today 2026-11-22 clients.rel"):]
ex = ex[ex.index("\n") + 1:ex.index("\n.Ed")]
ex = ex.replace("\\(:o", "\u00f6").replace("\\(:e", "\u00eb")
got, at = open(sys.argv[2], encoding="utf-8").read().split("\n"), 0
for line in ex.split("\n"):
    if line == "\\&...":
        continue
    while at < len(got) and got[at] != line:
        at += 1
    if at == len(got):
        print("# not in the output: " + line)
        sys.exit(1)
PY
ok $? "rel-log(1): the example is what the tool prints"

# 80 columns: wide characters, combining marks, words wider than a line
# (a URL, a sentence in Japanese, emoji), broken across lines, never cut.
expect 0 "wide text" "$l" $T wide.rel <wide.out
fits_80 "$tmp/got"
ok $? "wide text: no line wider than 80 columns"
"$l" $T - <wide.rel | cmp -s - wide.out && "$l" $T <wide.rel | cmp -s - wide.out
ok $? "- and no operand read standard input"
"$l" $T "$top/examples/agency.rel" >"$tmp/got"
fits_80 "$tmp/got" && ! grep -q ' $' "$tmp/got"
ok $? "examples/agency.rel: 80 columns, no blank at the end of a line"
! grep -Ev '^(20[0-9]{2}-[0-9]{2}-[0-9]{2} |    [^ ]|                           [^ ])' \
    "$tmp/got" | grep -q . && grep -q '^    [^ ]' "$tmp/got" &&
    grep -q '^                           [^ ]' "$tmp/got"
ok $? "each line an entry's, a note's (indented 4) or a wrapped head's (27)"

# Colour: the kinds, by the rule of rel-report: never off a terminal,
# never in Markdown, never with NO_COLOR or --color=never.
esc=$(printf '\033')
"$l" $T clients.rel >"$tmp/out"
! grep -q "$esc" "$tmp/out"
ok $? "no escape codes off a terminal"
"$l" $T --color=always clients.rel >"$tmp/out"
grep -q "^2026-10-20        ${esc}\[31missue${esc}\[0m    acme, bob:" "$tmp/out" &&
    grep -q "^2026-10-09 09:15  ${esc}\[32mkept${esc}\[0m     jan:" "$tmp/out" &&
    grep -q "^2026-10-03        ${esc}\[33mpromise${esc}\[0m  jan:" "$tmp/out" &&
    grep -q "^2026-10-01        call     bob:" "$tmp/out"
ok $? "--color=always: issue red, kept green, promise yellow, a call not"
sed "s/$esc\[[0-9]*m//g" "$tmp/out" >"$tmp/plain"
check_same "colour changes nothing else" "$tmp/timeline" "$tmp/plain"
for f in md csv json; do
	"$l" $T --color=always --format $f clients.rel >"$tmp/out"
	! grep -q "$esc" "$tmp/out"
	ok $? "--format $f is never coloured"
done
on_tty "$tmp/out" "env -u NO_COLOR $l $T clients.rel"
grep -q "$esc\[3[123]m" "$tmp/out"
ok $? "on a terminal, colour"
on_tty "$tmp/out" "NO_COLOR=1 $l $T clients.rel"
! grep -q "$esc\[3[123]m" "$tmp/out"
ok $? "on a terminal with NO_COLOR, none"
on_tty "$tmp/out" "env -u NO_COLOR $l $T --colour never clients.rel"
! grep -q "$esc\[3[123]m" "$tmp/out"
ok $? "on a terminal with --colour never, none"

# Markdown: a heading a date, an item an entry, its notes under it; the
# text escaped, and a note that would open a block kept a line of text.
printf 'contact a\n2026-10-01 note a Hi <b>\n  1. not a list\n  > not a quote\n  - not an item\n' >"$tmp/m.rel"
expect 0 "Markdown" "$l" $T --format md clients.rel "$tmp/m.rel" <<'OUT'
## 2026-09-30

- 18:00 **email** bob: Intro to Jörg &lt;joerg@example.com&gt; &amp; his team

## 2026-10-01

- **call** bob: Quick hello +1 from me
- **note** a: Hi &lt;b&gt;
  - 1\. not a list
  - \> not a quote
  - \- not an item
- 09:00 **call** zoe: Kick-off call — 日本語 notes, 👍
  - Agenda: 1) intro 2) scope; 3) \*money\*
- 14:00 **message** jan: Running 5 min late, sorry!! :-)
- 14:00 **meeting** jan, zoe: Quarterly review: re: budget, see https://wiki.example/q4?x=1&amp;y=2 planned:30m actual:5m outcome:shortened by:them
  - Pulled into another meeting; agreed to reschedule :(
  - Zoë says "next week, promise" ;)

## 2026-10-02

- **note** acme: Out of order: typed a day late ;-) room:B2

## 2026-10-03

- **promise** jan: \[quote-v2] Send revised quote due:2026-10-10 +sales

## 2026-10-05

- **feedback** bob: Workshop was the most useful thing this quarter: 10/10 would repeat score:9

## 2026-10-09

- 09:15 **kept** jan: \[quote-v2]

## 2026-10-20

- **issue** acme, bob: \[export-fail] Nightly export failed learned:2026-10-18 ours:yes
- 16:45 **told** acme, bob: \[export-fail]
OUT

# The events CSV, in the order of the timeline, a row for each contact
# of an entry as rel-parse writes them: the rel tools read it again.
"$l" $T --format csv clients.rel >"$tmp/log.csv"
"$bin/rel-parse" clients.rel | head -1 >"$tmp/want"
head -1 "$tmp/log.csv" >"$tmp/got"
check_same "CSV: the header of the events CSV" "$tmp/want" "$tmp/got"
cut -d, -f1-6 "$tmp/log.csv" | grep '^clients.rel,2[078],' >"$tmp/got"
cat >"$tmp/want" <<'OUT'
clients.rel,20,2026-10-01,14:00,meeting,jan
clients.rel,20,2026-10-01,14:00,meeting,zoe
clients.rel,27,2026-10-20,,issue,acme
clients.rel,27,2026-10-20,,issue,bob
clients.rel,28,2026-10-20,16:45,told,acme
clients.rel,28,2026-10-20,16:45,told,bob
OUT
check_same "CSV: an entry of two contacts is two rows, as rel-parse writes it" \
    "$tmp/want" "$tmp/got"
"$l" $T "$tmp/log.csv" >"$tmp/got"
check_same "the CSV read again gives the same timeline" "$tmp/timeline" "$tmp/got"
"$l" $T --safe-csv clients.rel >"$tmp/got"
cmp -s "$tmp/got" "$tmp/log.csv"
ok $? "--safe-csv writes the CSV (nothing here looks like a formula)"

# JSON Lines: rel-parse's objects, in the order of the timeline.
"$l" $T --format json clients.rel | python3 -c '
import json, sys
for l in sys.stdin:
    o = json.loads(l)
    print(o["line"], o["date"], o["time"], o["kind"], o["contact"], len(o["notes"]))
' >"$tmp/got"
python3 - "$tmp/log.csv" >"$tmp/want" <<'PY'
import csv, sys
for r in list(csv.DictReader(open(sys.argv[1], encoding="utf-8"))):
    notes = r["notes"].split("\n") if r["notes"] else []
    print(r["line"], r["date"], r["time"] or None, r["kind"], r["contact"], len(notes))
PY
check_same "JSON: the records of the CSV, in the same order" "$tmp/want" "$tmp/got"

# The window and the day measured.
expect 0 "--since and --until" "$l" $T --since 2026-10-02 --until 2026-10-05 clients.rel <<'OUT'
2026-10-02        note     acme: Out of order: typed a day late ;-) room:B2
2026-10-03        promise  jan: [quote-v2] Send revised quote due:2026-10-10
                           +sales
2026-10-05        feedback bob: Workshop was the most useful thing this quarter:
                           10/10 would repeat score:9
OUT
"$l" --today 2026-12-31 clients.rel | tail -1 >"$tmp/got"
echo "2026-12-24        meeting  bob: Xmas party, not yet" >"$tmp/want"
check_same "an entry shows from the day measured on" "$tmp/want" "$tmp/got"
for f in text md csv json; do
	"$l" $T --since 2026-11-01 --format $f clients.rel >"$tmp/got"
	st=$?
	[ $st = 1 ] && [ ! -s "$tmp/got" ]
	ok $? "no entry in the window, --format $f: exit 1, no output (exit $st)"
done

# Bad input and usage: exit 2, nothing on standard output.
printf 'contact jan\n2026-02-30 call jan Hello\n2026-10-01 call jan Fine\n' >"$tmp/bad.rel"
"$l" $T "$tmp/bad.rel" >"$tmp/got" 2>"$tmp/err"
st=$?
[ $st = 2 ] && [ ! -s "$tmp/got" ] && grep -q ':2:1: error: ' "$tmp/err"
ok $? "an error in the journal: exit 2, the error, no timeline (exit $st)"
"$l" $T --format xml clients.rel >"$tmp/got" 2>"$tmp/err"
st=$?
[ $st = 2 ] && [ ! -s "$tmp/got" ] &&
    grep -q "^rel-log: --format takes text, md, csv or json, not 'xml'" "$tmp/err"
ok $? "--format xml: a usage error (exit $st)"
"$l" $T --safe-csv --format md clients.rel >"$tmp/got" 2>"$tmp/err"
[ $? = 2 ] && grep -q 'safe-csv writes CSV' "$tmp/err"
ok $? "--safe-csv with --format md: a usage error"
"$l" --version >"$tmp/got" && grep -q '^rel-log [0-9]' "$tmp/got"
ok $? "--version"

# Hostile bytes: C1 controls (U+009B is CSI) and bidi overrides in a
# title, a note, a value and a tag are shown visibly on a terminal, in the
# text and in Markdown, and kept as they are in the CSV.
CSI=$(printf '\302\233')
RLO=$(printf '\342\200\256')
{
	echo 'option keys mood'
	echo 'contact jan'
	echo "2026-10-01 call jan Kick-off ${CSI}2J ${RLO}txet mood:${CSI}1m"
	echo "  Note ${CSI}31m red ${RLO}"
	echo "2026-10-02 note jan \"$(printf '\302\205')forged line\""
} >"$tmp/h.rel"
for f in text md; do
	on_tty "$tmp/out" "$l $T --color=always --format $f $tmp/h.rel"
	raw "$tmp/out" && grep -q '<U+009B>2J <U+202E>txet mood:<U+009B>1m' "$tmp/out"
	ok $? "--format $f on a terminal: no raw C1 or bidi byte, each shown"
done
"$l" $T --format csv "$tmp/h.rel" | grep -q "Kick-off ${CSI}2J ${RLO}txet"
ok $? "the CSV keeps every byte: it is data, not for the terminal"

# The selection of rel(7) (its table of cases is in 35-select.t): a
# contact's whole history, with its notes; an entry of several contacts
# whole; an org with its members.
cat >"$tmp/want" <<'EOF'
2026-10-01 14:00  message  jan: Running 5 min late, sorry!! :-)
2026-10-01 14:00  meeting  jan, zoe: Quarterly review: re: budget, see
                           https://wiki.example/q4?x=1&y=2 planned:30m actual:5m
                           outcome:shortened by:them
    Pulled into another meeting; agreed to reschedule :(
    Zoë says "next week, promise" ;)
2026-10-03        promise  jan: [quote-v2] Send revised quote due:2026-10-10
                           +sales
2026-10-09 09:15  kept     jan: [quote-v2]
EOF
"$l" $T --contact jan clients.rel >"$tmp/got"
check_same "--contact jan: jan's history, the meeting with zoe whole, notes" \
    "$tmp/want" "$tmp/got"
"$l" $T --org acme --not-kind note clients.rel | grep -c '^2026' >"$tmp/n"
[ "$(cat "$tmp/n")" = 7 ] && ! "$l" $T --org acme clients.rel | grep -q 'bob: Quick'
ok $? "--org acme: its members' entries and its own, not bob's call"
"$l" $T --grep '^Zoë says' clients.rel | grep -c '^2026' >"$tmp/n"
[ "$(cat "$tmp/n")" = 1 ]
ok $? "--grep: an entry found by a line of its notes"
"$l" $T --reverse --kind issue,told --format json clients.rel |
    python3 -c 'import json, sys
print(" ".join(json.loads(l)["kind"] for l in sys.stdin))' >"$tmp/got"
[ "$(cat "$tmp/got")" = "told told issue issue" ]
ok $? "--kind with --reverse and --format json: the records, newest first"
"$l" $T --contact jna clients.rel >"$tmp/got" 2>"$tmp/err"
check_status "--contact jna: exit 2" 2 $?
grep -q '^rel-log: --contact jna: no such contact in the input; did you mean jan?$' "$tmp/err" &&
    [ ! -s "$tmp/got" ]
ok $? "and a suggestion, nothing on standard output"

# A full disk is an error, never a silent truncation.
for f in text csv; do
	"$l" $T --format $f "$top/examples/agency.rel" >/dev/full 2>"$tmp/err"
	st=$?
	[ $st = 2 ] && grep -q 'write error: No space left on device' "$tmp/err"
	ok $? "--format $f to a full disk: exit 2 and a message (exit $st)"
done

# A closed pipe ends the tool quietly.
i=0
{
	echo 'contact jan'
	while [ $i -lt 3000 ]; do
		printf '2026-10-%02d call jan Line %d of a long journal +t\n' \
		    $((i % 28 + 1)) $i
		i=$((i + 1))
	done
} >"$tmp/long.rel"
"$l" $T "$tmp/long.rel" 2>"$tmp/pipe.err" | head -1 >"$tmp/head.out"
[ "$(cat "$tmp/head.out")" = "2026-10-01        call     jan: Line 0 of a long journal +t" ] &&
    [ ! -s "$tmp/pipe.err" ]
ok $? "rel-log | head -1: the first entry, and nothing on stderr"
done_testing
