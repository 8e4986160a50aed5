#!/bin/sh
# rel-overdue --format ics: an iCalendar feed (RFC 5545), read back with
# libical (tests/icsread.c) as a calendar program reads it: a VTODO an
# item with its UID, DTSTAMP, DUE, SUMMARY, DESCRIPTION, PRIORITY and
# CATEGORIES; CRLF lines folded at 75 octets between UTF-8 characters;
# text escaped; the same bytes and UIDs from run to run; a calendar even
# when nothing is due.
. "$(dirname "$0")/lib.sh"
cd "$top/tests/overdue" || exit 1
o="$bin/rel-overdue"
read_ics="$bin/tests/icsread"
T="--today 2026-11-22"
plan 25

# What libical reads in the feed of team.rel with what falls due within 8
# days (team.icsread): the items of rel-overdue(1), EXAMPLES, in their
# order; PRIORITY 1 for 2.0x late, 2 for 1.0x, 3 for 0.5x, 4 for less, 5
# due today, 6 later.
"$o" $T --within 8d --format ics team.rel >"$tmp/team.ics"
check_status "exit 0" 0 $?
"$read_ics" <"$tmp/team.ics" >"$tmp/got"
check_status "libical reads it, without an error" 0 $?
check_same "each item a VTODO, its properties as rel-overdue(1) says" \
    team.icsread "$tmp/got"

# The text as written: the calendar's lines, in its order, CRLF ends.
python3 - "$tmp/team.ics" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
lines = data.split(b"\r\n")
assert lines[-1] == b"" and b"\n" not in b"".join(lines) and b"\r" not in b"".join(lines)
names = [l.split(b":")[0].split(b";")[0] for l in lines[:-1] if not l.startswith(b" ")]
assert names[:3] == [b"BEGIN", b"VERSION", b"PRODID"] and names[-1] == b"END"
assert lines[0] == b"BEGIN:VCALENDAR" and lines[-2] == b"END:VCALENDAR"
todo = [b"BEGIN", b"UID", b"DTSTAMP", b"DUE", b"SUMMARY", b"DESCRIPTION",
        b"PRIORITY", b"CATEGORIES", b"END"]
assert names[3:-1] == todo * 10, names
assert b"DUE;VALUE=DATE:20261108\r\n" in data
PY
ok $? "BEGIN:VCALENDAR, VERSION, PRODID, ten VTODOs, END; every line CRLF"
"$o" $T --within 8d --format json team.rel | wc -l | tr -d ' ' >"$tmp/n"
[ "$(grep -c '^BEGIN:VTODO' "$tmp/team.ics")" = "$(cat "$tmp/n")" ]
ok $? "as many VTODOs as items"

# Determinism: the same input and --today, the same bytes.
"$o" $T --within 8d --format ics team.rel | cmp -s - "$tmp/team.ics"
ok $? "run again: the same bytes"
"$o" $T --within 8d --format ics - <team.rel | "$read_ics" |
    sed 's/<stdin>:/team.rel:/' | cmp -s - team.icsread
ok $? "- reads standard input; the source is <stdin>:LINE"
# A day later, each item still due is the same to-do: the same UID.
"$o" $T --format ics team.rel | grep '^UID:' >"$tmp/uid22"
"$o" --today 2026-11-23 --format ics team.rel | grep '^UID:' >"$tmp/uid23"
[ -s "$tmp/uid22" ] && ! grep -vxF -f "$tmp/uid23" "$tmp/uid22" | grep -q .
ok $? "a day later: every item still due keeps its UID"
grep -q '^DTSTAMP:20261123T000000Z' "$(
	"$o" --today 2026-11-23 --format ics team.rel >"$tmp/d23"; echo "$tmp/d23")"
ok $? "DTSTAMP is the day measured"

# A journal typed in a hurry: commas, semicolons, backslashes, quotes,
# colons, a line separator, emoji, accents and Japanese, and titles of
# every length around the fold.
{
	printf 'contact jan "Jan Novák"\n  cadence: 7d\n'
	printf '2026-11-01 promise jan "Quote; 5%%, ok? \\\\ back: \\"yes\\" \342\200\250 👍" id:p0 due:2026-11-10\n'
	i=1
	while [ $i -le 40 ]; do
		pad=$(printf '%*s' $i '' | tr ' ' x)
		printf '2026-11-01 promise jan "%s Ünïcødé 日本語のタイトル 🎉🎉 end" id:p%d due:2026-11-10\n' \
		    "$pad" $i
		i=$((i + 1))
	done
} >"$tmp/h.rel"
"$o" $T --kind promise --format ics "$tmp/h.rel" >"$tmp/h.ics"
check_status "a hostile journal: exit 0" 0 $?
python3 - "$tmp/h.ics" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
lines = data.split(b"\r\n")[:-1]
long = [l for l in lines if len(l) > 75]
folds = sum(1 for l in lines if l.startswith(b" "))
for l in lines:
    l.decode("utf-8")		# a fold inside a character would fail here
if long or folds < 40:
    print("# %d lines over 75 octets, %d folds" % (len(long), folds))
    sys.exit(1)
PY
ok $? "folded at 75 octets, never inside a UTF-8 character"
grep -q '^SUMMARY:jan: Quote\\; 5%\\, ok? \\\\ back: "yes"' "$tmp/h.ics"
ok $? "a semicolon, a comma and a backslash escaped; a quote and colon not"
"$read_ics" <"$tmp/h.ics" >"$tmp/got"
check_status "libical reads it back" 0 $?
python3 - "$tmp/got" <<'PY'
import sys
got = open(sys.argv[1], encoding="utf-8").read().split("\n")
summaries = [l[len("SUMMARY: "):] for l in got if l.startswith("SUMMARY: ")]
want = ["jan: Quote; 5%, ok? \\\\ back: \"yes\" \u2028 \U0001f44d"]
want += ["jan: %s Ünïcødé 日本語のタイトル 🎉🎉 end" % ("x" * i)
         for i in range(1, 41)]
if sorted(summaries) != sorted(want):
    for s in sorted(set(summaries) ^ set(want)):
        print("# " + s)
    sys.exit(1)
PY
ok $? "libical reads every SUMMARY back as written"

# Nothing due: a calendar with no VTODO, exit 0, where text and JSON are
# silent with exit 1; the same for an owner with nothing due.
printf 'contact jan "Jan"\n  since: 2026-11-20\n' >"$tmp/calm.rel"
"$o" $T --format ics "$tmp/calm.rel" >"$tmp/empty.ics"
check_status "nothing due: exit 0" 0 $?
[ "$(grep -c 'VTODO' "$tmp/empty.ics")" = 0 ] &&
    head -1 "$tmp/empty.ics" | grep -q '^BEGIN:VCALENDAR' &&
    "$read_ics" <"$tmp/empty.ics" >"$tmp/got" &&
    [ "$(cat "$tmp/got")" = "$(printf 'VERSION: 2.0\nPRODID: -//rel//rel-overdue 1.1.0//EN')" ]
ok $? "nothing due: a calendar with no VTODO, which libical reads"
"$o" $T "$tmp/calm.rel" >"$tmp/out"
check_status "nothing due, as text: exit 1" 1 $?
"$o" $T --owner paula --kind promise --format ics team.rel >"$tmp/out"
st=$?
[ $st = 0 ] && [ "$(grep -c 'BEGIN:VTODO' "$tmp/out")" = 0 ]
ok $? "--owner with nothing due: an empty calendar, exit 0 (exit $st)"

# A cadence with a limit, past its ideal day but not yet late (status
# due), is due today for a calendar: PRIORITY 5; a birthday ahead is 6.
printf '%s\n' 'contact lotte' '  cadence: 14d..30d' '  birthday: 1980-12-01' \
    '2026-11-01 call lotte Catch-up' >"$tmp/range.rel"
"$o" $T --within 10d --format ics "$tmp/range.rel" | "$read_ics" |
    grep -E '^(PRIORITY|CATEGORIES)' | tr '\n' ' ' >"$tmp/got"
[ "$(cat "$tmp/got")" = "PRIORITY: 5 CATEGORIES: contact PRIORITY: 6 CATEGORIES: date " ]
ok $? "status due: PRIORITY 5; a birthday ahead: 6 ($(cat "$tmp/got"))"

# Bad input and usage: exit 2, nothing on standard output, so that
# the cron line of rel-overdue(1) keeps the last good calendar.
printf 'contact jan\n2026-02-30 call jan Hello\n' >"$tmp/bad.rel"
"$o" $T --format ics "$tmp/bad.rel" >"$tmp/out" 2>"$tmp/err"
st=$?
[ $st = 2 ] && [ ! -s "$tmp/out" ]
ok $? "an error in the journal: exit 2, no calendar (exit $st)"
"$o" $T --safe-csv --format ics team.rel >"$tmp/out" 2>"$tmp/err"
[ $? = 2 ] && [ ! -s "$tmp/out" ] && grep -q 'safe-csv writes CSV' "$tmp/err"
ok $? "--safe-csv --format ics: a usage error"
"$o" $T --format vcal team.rel >"$tmp/out" 2>"$tmp/err"
[ $? = 2 ] && grep -q "^rel-overdue: --format takes text, csv, json or ics, not 'vcal'" "$tmp/err"
ok $? "--format vcal: a usage error that names the formats"
"$o" $T --within 30d --format ics "$top/examples/agency.rel" >/dev/full 2>"$tmp/err"
[ $? = 2 ] && grep -q 'write error: No space left on device' "$tmp/err"
ok $? "to a full disk: exit 2 and a message"
cd "$tmp" && cp "$top/tests/overdue/team.rel" . &&
    sh -c "$o $T --within 30d --format ics team.rel > rel.ics.new && mv rel.ics.new rel.ics" &&
    "$read_ics" <rel.ics >/dev/null
ok $? "rel-overdue(1): the cron line writes a calendar that reads"
cp "$tmp/bad.rel" team.rel
sh -c "$o $T --within 30d --format ics team.rel > rel.ics.new && mv rel.ics.new rel.ics" 2>/dev/null
[ $? = 2 ] && "$read_ics" <rel.ics >/dev/null
ok $? "and with an error in the journal, it keeps the last good one"
done_testing
