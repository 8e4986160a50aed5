#!/bin/sh
# Commitments that repeat, dates that come back each year, cadences with a
# limit and tiers, and snooze: rel-journal(5), rel-overdue(1), rel-score(1)
# and rel-report(1) on small journals worked out by hand, each boundary
# on both sides, and the errors and warnings of bad input.
. "$(dirname "$0")/lib.sh"
o="$bin/rel-overdue" s="$bin/rel-score" r="$bin/rel-report" p="$bin/rel-parse"
plan 59
cd "$tmp" || exit 1

# item FILE FIRST SECOND: an item of two lines, each line matching its
# pattern (grep -x).
item() {
	grep -x -A1 -- "$2" "$1" | sed -n 2p | grep -qx -- "$3"
}

# says DESCRIPTION STATUS PATTERN FILE: rel-parse --check FILE exits
# STATUS, and its messages match PATTERN.
says() {
	"$p" --check "$4" 2>err
	check_status "$1: exit $2" "$2" $?
	grep -q -- "$3" err
	ok $? "$1: the message"
	grep -q -- "$3" err || sed 's/^/# /' err
}

# cell FILE ID COLUMN: one cell of a CSV with a header and ids first.
cell() {
	awk -F, -v id="$2" -v col="$3" '
	    NR == 1 { for (i = 1; i <= NF; i++) n[$i] = i; next }
	    $1 == id { print $(n[col]) }' "$1"
}

# ---- recurring promises

# A weekly report, first due Friday 2026-11-06: kept on time, kept late
# (on the 16th, for the 13th), missed on the 20th, and the 27th falls due
# on the day measured.
cat >w.rel <<'EOF'
contact jan "Jan Novák"
  cadence: 100y

2026-11-02 promise jan Weekly status report, re: the rollout id:wk due:2026-11-06 every:1w
2026-11-06 kept wk
2026-11-16 kept wk
EOF
"$o" --today 2026-11-27 --kind promise w.rel >out
item out '7d late  1.0x  promise  jan  w.rel:4' \
    '    \[wk\] 1 missed since 2026-11-20, every 1w: Weekly status report, re: the r\.\.\.'
ok $? "a missed occurrence: one line for the series, the count and the first"
"$o" --today 2026-11-20 --kind promise w.rel >out
check_status "the occurrence due today is not late" 1 $?
"$o" --today 2026-11-20 --within 0d --kind promise w.rel | grep -q '^due today .* \[wk\] every 1w: Weekly'
ok $? "with --within it is listed as due today, by its next occurrence"
"$o" --today 2026-11-21 --kind promise w.rel >out
item out '1d late  0.1x  promise  jan  w.rel:4' '    \[wk\] 1 missed since 2026-11-20,.*'
ok $? "the day after, it is late"
"$s" --today 2026-11-27 w.rel >rows
[ "$(cell rows jan promises_due)" = 3 ] && [ "$(cell rows jan promises_kept)" = 1 ] &&
    [ "$(cell rows jan W)" = 33 ]
ok $? "W counts every occurrence that came due: 100 x 1 / 3"
"$s" --today 2026-11-27 --explain jan w.rel >out
grep -q 'promise wk by us, due 2026-11-13: kept late' out &&
    grep -q 'promise wk by us, due 2026-11-20: missed' out
ok $? "--explain lists each occurrence"
"$r" --today 2026-11-27 --ascii w.rel >out
grep -q '^  Open      promise wk: Weekly status report, \.\.\., every 1w, next due 2026-11-27$' out &&
    grep -q '^            last 3 due: +~\.$' out
ok $? "the report: the series, its next due date, its strip"
"$r" --today 2026-11-27 w.rel | grep -q '^            last 3 due: ✓~·$'
ok $? "the strip in Unicode"

# due: settles a given occurrence; moved moves the next only; ended ends.
cp w.rel w2.rel
printf '2026-11-21 kept wk due:2026-11-20\n' >>w2.rel
"$o" --today 2026-11-27 --kind promise w2.rel >out
check_status "kept due:DATE settles that occurrence" 1 $?
cp w.rel w3.rel
printf '2026-11-18 moved wk due:2026-11-24\n' >>w3.rel
"$o" --today 2026-11-27 --kind promise w3.rel | grep -q '1 missed since 2026-11-24'
ok $? "moved moves the next occurrence only"
"$o" --today 2026-12-05 --kind promise w3.rel | grep -q '3 missed since 2026-11-24'
ok $? "and the ones after fall due on the old schedule: 11-27, 12-04"
cp w.rel w4.rel
printf '2026-11-22 ended wk The rollout is over\n' >>w4.rel
"$o" --today 2026-12-30 --within 30d --kind promise w4.rel >out
check_status "an ended series lists nothing" 1 $?
"$s" --today 2026-12-30 w4.rel >rows
[ "$(cell rows jan promises_due)" = 3 ]
ok $? "and its occurrences up to the end still count in W"

# Kept on the 6th once more, when the oldest open one is the 20th's: it
# is not open before the 14th.
cp w.rel w5.rel
printf '2026-11-06 kept wk\n' >>w5.rel
says "kept with no open occurrence" 2 '^w5.rel:7:17: error: no occurrence of wk is open on 2026-11-06: the next falls due on 2026-11-20' w5.rel
printf '2026-11-21 kept wk due:2026-11-19\n' >>w.rel
says "kept due: on no occurrence's date" 2 '^w.rel:7:20: error: no occurrence of wk left open falls due on 2026-11-19' w.rel

# Theirs, monthly, by the 5th: partner.
cat >m.rel <<'EOF'
contact acme "Acme"
  cadence: 100y
2026-09-01 promise acme "Figures for the month" id:fig due:2026-09-05 every:1mo by:them
2026-09-05 kept fig
2026-10-09 kept fig
EOF
"$s" --today 2026-11-10 m.rel >rows
[ "$(cell rows acme partner)" = 33 ]
ok $? "their series: partner counts each occurrence (1 on time of 3)"
"$o" --today 2026-11-10 m.rel >out
check_status "theirs: not listed without --them" 1 $?
"$o" --today 2026-11-10 --them m.rel | grep -q '\[fig\] theirs, 1 missed since 2026-11-05, every 1mo: Figures for the month'
ok $? "with --them, theirs missed"

# ---- yearly dates

cat >y.rel <<'EOF'
option yearly name-day
contact jan "Jan Novák"
  cadence: 100y
  birthday: 1980-12-07
  name-day: 06-24
contact eva "Eva"
  cadence: 100y
  anniversary: 02-29
EOF
"$o" --today 2026-12-01 --within 7d y.rel | grep -q '^in 6d  -  date  jan  y.rel:4  birthday in 6 days, turns 46$'
ok $? "a birthday with its year: in 6 days, turns 46"
"$o" --today 2026-12-01 y.rel >out
check_status "never late, never listed without --within" 1 $?
"$o" --today 2026-12-08 --within 7d y.rel >out
check_status "the day after, it is next year's" 1 $?
"$o" --today 2027-02-20 --within 10d y.rel | grep -q '^in 8d .* anniversary in 8 days$'
ok $? "29 February falls on 28 February in 2027"
"$o" --today 2028-02-20 --within 10d y.rel | grep -q '^in 9d .* anniversary in 9 days$'
ok $? "and on 29 February in 2028"
"$o" --today 2026-06-24 --within 0d y.rel | grep -q 'name-day today$'
ok $? "a key the journal declares yearly"
printf 'contact x\n  birthday: 02-30\n' >bad.rel
says "birthday: 02-30" 2 'bad.rel:2:3: error: birthday:02-30 is not a yearly date: month 02 has 29 days' bad.rel
printf 'contact x\n  anniversary: 13-01\n' >bad.rel
says "month 13 is refused" 2 'anniversary:13-01 is not a yearly date: the month is 01 to 12' bad.rel

# ---- cadence with a limit; tiers

cat >c.rel <<'EOF'
option tier gold:7d..21d
contact acme "Acme"
  kind: org
  tier: gold
contact jan "Jan"
  org: acme
contact ana "Ana"
  cadence: 14d..30d
contact bob "Bob"
  tier: silver
2026-11-01 call ana Check-in
2026-11-01 call jan Hello :) +1
EOF
says "an unknown tier" 0 'c.rel:10:1: warning: tier silver has no cadence, so bob has the default' c.rel
"$o" --today 2026-11-20 --kind contact c.rel >out 2>/dev/null
item out 'due 5d ago   -  contact  ana         c.rel:11' \
    '    no contact for 19 days (cadence 14d..30d)'
ok $? "past the ideal: due, not late"
"$o" --today 2026-11-20 --csv --kind contact c.rel >rows 2>/dev/null
grep -q '^contact,due,-11,2026-11-15,ana,,,no contact for 19 days (cadence 14d..30d),c.rel,11,ana,-0.37,2026-12-01$' rows
ok $? "its CSV row: status due, late from the day after the limit"
"$o" --today 2026-12-02 --kind contact c.rel 2>/dev/null | grep -q '^1d late .* contact  ana '
ok $? "past the limit: late"
item out 'due 12d ago  -  contact  acme (jan)  c.rel:12' \
    '    no contact for 19 days (cadence 7d..21d)'
ok $? "a tier's cadence, and a member's, from the org's tier:"
"$s" --today 2026-11-22 "$top/tests/score/cadence.rel" >rows
[ "$(cell rows ana recency)" = 56 ] && [ "$(cell rows ana cadence)" = 14d..30d ]
ok $? "recency between the ideal and the limit: 100 x 9 / 16"
(cd "$top/tests/score" && "$s" --today 2026-11-22 --explain ana cadence.rel) |
    sed -n '/^recency/,/^$/p' | grep -v '^$' >out
missing=$(while IFS= read -r line; do
	grep -qF -- "$line" "$top/man/rel-score.1" || echo "$line"
done <out)
[ -s out ] && [ -z "$missing" ]
ok $? "rel-score(1)'s worked example of a limit is what --explain says"
printf 'contact x\n  cadence: 30d..14d\n' >bad.rel
says "a limit below the ideal" 2 'cadence:30d..14d is not a cadence: the limit, after the .., is shorter than the ideal' bad.rel

# ---- snooze

cat >z.rel <<'EOF'
contact zoe "Zoë"
  cadence: 7d
contact jan "Jan"
  cadence: 100y
2026-11-01 call zoe Hello
2026-11-01 promise jan Send deck id:deck due:2026-11-05
2026-11-10 snooze zoe until:2026-11-30 On holiday: back on the 30th
2026-11-10 snooze deck until:2026-11-25
EOF
"$o" --today 2026-11-20 z.rel >out
check_status "snoozed contact and ref: nothing listed" 1 $?
"$o" --today 2026-11-25 z.rel >out
grep -q 'deck' out && ! grep -q zoe out
ok $? "the ref comes back on its until: day, the contact not yet"
"$o" --today 2026-11-30 --kind contact z.rel | grep -q ' zoe '
ok $? "and the contact on its own"
"$r" --today 2026-11-20 z.rel >out
grep -q '^  Snoozed   until 2026-11-30 (z.rel:7)$' out &&
    grep -q 'promise deck: Send deck, due 2026-11-05, snoozed until 2026-11-25$' out
ok $? "the report says what is snoozed, and until when"
grep -v snooze z.rel >nz.rel
"$s" --today 2026-11-20 z.rel >a
"$s" --today 2026-11-20 nz.rel >b
check_same "a snooze changes no score" a b
printf '2026-11-12 snooze zoe until:2026-11-01\n' >>z.rel
says "a snooze until a past day" 0 'z.rel:9:23: warning: until:2026-11-01 is not after the snooze.s own day, 2026-11-12: it snoozes nothing' z.rel
printf 'contact q\n2026-11-01 promise q Quote id:q due:2026-11-05\n2026-11-02 snooze q until:2026-11-20\n' >both.rel
says "an id of a contact and a ref" 2 'q is both a contact and the id of the promise' both.rel

# ---- bad input

printf 'contact jan\n2026-11-01 call jan Weekly? every:1w\n' >bad.rel
says "every: on a call" 2 'bad.rel:2:29: error: every: makes a promise repeat; a call does not' bad.rel
printf 'contact jan\n2026-11-01 promise jan X id:x due:2026-11-02 every:0d\n' >bad.rel
says "every:0d is refused" 2 'every:0d is not a period: a promise cannot repeat every 0 days' bad.rel
printf 'contact jan\n2026-11-01 promise jan X id:x due:2026-11-02 every:1m\n' >bad.rel
says "every:1m is ambiguous" 2 'every:1m is not a period: the unit m is ambiguous' bad.rel
printf 'contact jan\n2026-11-01 promise jan X id:x due:2026-11-02\n2026-11-03 ended x\n' >bad.rel
says "ended of a promise that does not repeat" 2 'ended ends a recurring promise (one with every:); x is not one' bad.rel

# ---- the example

cd "$top/examples" || exit 1
"$o" --today 2026-11-30 --within 30d --them account.rel >out
grep -q '\[tw-status\] every 1w: Weekly status report' out &&
    grep -q '\[tw-counts\] theirs, every 1mo: Passenger counts' out &&
    grep -q 'birthday in 9 days, turns 47' out && ! grep -q lotte out
ok $? "examples/account.rel: the series, a birthday, lotte snoozed"
"$s" --today 2026-11-30 account.rel >"$tmp/rows"
[ "$(cell "$tmp/rows" tidewater W)" = 85 ] &&
    [ "$(cell "$tmp/rows" tidewater cadence)" = 7d..21d ] &&
    [ "$(cell "$tmp/rows" lotte cadence)" = 21d..45d ]
ok $? "its weekly report kept most weeks (11 of 13), its tiers"
done_testing
