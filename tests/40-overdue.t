#!/bin/sh
# rel-overdue: each item kind, the boundaries, org roll-up, ended and
# paused contacts, --them, --within, --owner, --kind, --csv, exit status.
# Every expected line below was worked out by hand from team.rel.
. "$(dirname "$0")/lib.sh"
cd "$top/tests/overdue" || exit 1
o="$bin/rel-overdue"
plan 26

run() {	# run EXPECTED-STATUS DESCRIPTION ARGS... (expected output on stdin)
	want=$1 what=$2
	shift 2
	expect "$want" "$what" "$o" "$@"
}

# ola: never met, since 2026-11-01 + 7d -> due 11-08, 14 days late, 2.0
#   cadences; iss: learned 11-20, one day of grace -> due 11-21, 1.0;
# req: asked 11-19, SLA 2d -> due 11-21, 0.5; acme, jan: last feedback
#   (jan's, rolled up into acme) 08-01 + 90d -> 10-30, 23 days, 0.26:
#   one fact, the feedback entry of line 28, one line for both;
# p-late: due 11-21, 1 day / 7.  jan's cadence and p-today fall due today:
#   not overdue.  gone (ended) and later (paused) are skipped.  The what
#   of ola's item leaves no room on the line: every item takes two.
run 0 "default" --today 2026-11-22 team.rel <<'OUT'
14d late  2.0x  contact   ola         team.rel:15
    never contacted, known for 21 days (cadence 7d)
1d late   1.0x  issue     jan         team.rel:38
    [iss] not told: Outage
1d late   0.5x  request   jan         team.rel:40
    [req] unanswered (SLA 2d): Access for analyst
23d late  0.3x  feedback  acme (jan)  team.rel:28
    no feedback for 113 days (every 90d)
1d late   0.1x  promise   jan         team.rel:33
    [p-late] Send deck
OUT

# One day later, what was due today is one day late.
"$o" --today 2026-11-23 --kind promise team.rel >"$tmp/got"
grep -q '^1d late  0.1x  promise  jan  team.rel:32  \[p-today\] Send quote$' "$tmp/got"
ok $? "due today is not overdue; the day after, it is"

# --them: their promise, 7 days late, 1.0: ties with iss, longer late first.
run 0 "--them" --today 2026-11-22 --them --kind promise,issue team.rel <<'OUT'
7d late  1.0x  promise  jan  team.rel:35  [p-them] theirs: Their contract
1d late  1.0x  issue    jan  team.rel:38  [iss] not told: Outage
1d late  0.1x  promise  jan  team.rel:33  [p-late] Send deck
OUT

# --within 8d: upcoming after overdue, soonest first; p-moved counts from
# its new due date (11-30), not the old one (11-01).
run 0 "--within" --today 2026-11-22 --within 8d --kind promise,issue,request team.rel <<'OUT'
1d late    1.0x  issue    jan   team.rel:38
    [iss] not told: Outage
1d late    0.5x  request  jan   team.rel:40
    [req] unanswered (SLA 2d): Access for analyst
1d late    0.1x  promise  jan   team.rel:33
    [p-late] Send deck
due today  -     promise  jan   team.rel:32
    [p-today] Send quote
due today  -     issue    acme  team.rel:39
    [iss2] not told: Minor glitch
in 1d      -     request  jan   team.rel:41
    [req2] unanswered (SLA 2d): Another login
in 8d      -     promise  jan   team.rel:34
    [p-moved] Old plan
OUT
"$o" --today 2026-11-22 --within 8d --kind contact team.rel >"$tmp/got"
grep -q '^due today  -     contact  jan  team.rel:31$' "$tmp/got" &&
    grep -q '^    no contact for 14 days (cadence 14d)$' "$tmp/got"
ok $? "--within: a contact due today, its what on a line of its own"

# --owner: owner: on the contact, else its org's.  The feedback of acme
# (paula's) and jan (omar's) is one item, of both owners: it is listed
# whole, as to any other owner of it (rel(7), SELECTION).
run 0 "--owner paula" --today 2026-11-22 --owner paula team.rel <<'OUT'
14d late  2.0x  contact   ola         team.rel:15
    never contacted, known for 21 days (cadence 7d)
23d late  0.3x  feedback  acme (jan)  team.rel:28
    no feedback for 113 days (every 90d)
OUT

# The org's last contact is its members' latest: acme's own last call
# (09-01, the last line) is 82 days old, but jan met on 11-08, + 30d.
"$o" --today 2026-11-22 --kind contact team.rel | grep -q ' acme '
[ $? -ne 0 ]
ok $? "an org counts its members' interactions"
grep -v 'meeting jan' team.rel >"$tmp/nomeet.rel"
(cd "$tmp" && "$o" --today 2026-11-22 --kind contact nomeet.rel) |
    grep -A1 '^52d late  1.7x  contact  acme  nomeet.rel:41$' |
    grep -q '^    no contact for 82 days (cadence 30d)$'
ok $? "and is overdue by its own last call without them"

# Ended and paused contacts are skipped, even with a promise past due.
"$o" --today 2026-11-22 --them --within 1y team.rel | grep -q -e ' gone ' -e ' later '
[ $? -ne 0 ]
ok $? "ended and paused contacts are never listed"

# Bad news fixed but never told is still bad news untold.
printf 'contact jan\n2026-11-01 issue jan Outage id:o1\n2026-11-02 resolved o1\n' >"$tmp/fixed.rel"
(cd "$tmp" && "$o" --today 2026-11-22 --kind issue fixed.rel) |
    grep -q '^20d late  20.0x  issue  jan  fixed.rel:2  \[o1\] not told: Outage$'
ok $? "an issue resolved but never told is listed"
printf '2026-11-03 told o1\n' >>"$tmp/fixed.rel"
"$o" --today 2026-11-22 --kind issue "$tmp/fixed.rel" >"$tmp/got"
check_status "once told, it is not" 1 $?

# Nothing due: no output at all, exit 1 (cron's mail -E sends nothing).
run 1 "nothing due" --today 2026-11-01 --kind promise team.rel </dev/null
[ ! -s "$tmp/err" ]
ok $? "nothing due: nothing on stderr either"

# --csv: a header, one row per item, the same order.
run 0 "--csv" --today 2026-11-22 --csv --kind issue,promise --them team.rel <<'OUT'
kind,status,days_late,due,contact,owner,ref,what,file,line,contacts,urgency,late_from
promise,overdue,7,2026-11-15,jan,omar,p-them,theirs: Their contract,team.rel,35,jan,1.00,2026-11-15
issue,overdue,1,2026-11-21,jan,omar,iss,not told: Outage,team.rel,38,jan,1.00,2026-11-21
promise,overdue,1,2026-11-21,jan,omar,p-late,Send deck,team.rel,33,jan,0.14,2026-11-21
OUT

# The events CSV gives the same items as the journal.
"$bin/rel-parse" team.rel >"$tmp/team.csv"
"$o" --today 2026-11-22 --within 8d team.rel >"$tmp/a"
"$o" --today 2026-11-22 --within 8d "$tmp/team.csv" |
    sed "s|$tmp/team.csv|team.rel|" >"$tmp/b"
check_same "the events CSV gives the same items" "$tmp/a" "$tmp/b"

# Bad input and bad usage: exit 2.
printf '2026-13-01 call jan\n' | "$o" --today 2026-11-22 >"$tmp/got" 2>"$tmp/err"
check_status "bad input: exit 2" 2 $?
"$o" --kind promises team.rel >"$tmp/got" 2>"$tmp/err"
check_status "--kind with an unknown kind: exit 2" 2 $?
grep -q "promises" "$tmp/err"
ok $? "and the message names it"
"$o" --within 3m team.rel >"$tmp/got" 2>"$tmp/err"
check_status "--within 3m is ambiguous: exit 2" 2 $?
# The examples of rel-overdue(1) on team.rel are what it prints.
awk '/^\.Bd -literal/ { inb = 1; next } /^\.Ed/ { inb = 0; cmd = ""; next }
    inb && /^\$ rel-overdue .* team\.rel$/ { cmd = substr($0, 3); n++;
	print cmd > (dir "/cmd" n); next }
    inb && cmd != "" { print > (dir "/want" n) }' dir="$tmp" \
    "$top/man/rel-overdue.1"
for f in "$tmp"/cmd*; do
	i=${f##*/cmd}
	sh -c "\"$o\" $(cut -d' ' -f2- "$f")" >"$tmp/got$i"
	cmp -s "$tmp/want$i" "$tmp/got$i" || { cat "$f"; diff "$tmp/want$i" "$tmp/got$i"; }
done >"$tmp/diffs"
[ -s "$tmp/cmd1" ] && [ -s "$tmp/cmd2" ] && [ ! -s "$tmp/diffs" ]
ok $? "the examples of rel-overdue(1) are what it prints"
sed 's/^/# /' "$tmp/diffs"
done_testing
