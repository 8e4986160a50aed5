#!/bin/sh
# rel-score: each measure and formula on journals worked out by hand,
# pairs that differ in one thing, empty cells, windows, orgs, --explain.
. "$(dirname "$0")/lib.sh"
cd "$top/tests/score" || exit 1
s="$bin/rel-score"
plan 49

# The worked example of rel-score(1), digit for digit (see worked.rel for
# the arithmetic): W 100 x 1/2 - 10 = 40, M 100 - 10 x 3 = 70, B 100,
# P 10 x 8.5, H (40 + 50) / 2, respect 74, trust 45, health 67.6 -> 68.
"$s" --today 2026-11-22 worked.rel >"$tmp/got"
check_status "worked example: exit 0" 0 $?
check_same "worked example: the CSV row" worked.csv "$tmp/got"
"$s" --today 2026-11-22 --explain jan worked.rel >"$tmp/got"
check_same "worked example: --explain" worked.explain "$tmp/got"
if [ -f "$top/man/rel-score.1" ]; then
	missing=$(grep -v '^$' worked.explain | while IFS= read -r line; do
		grep -qF -- "$line" "$top/man/rel-score.1" || echo "$line"
	done)
	[ -z "$missing" ]
	ok $? "every line of the explained example is in rel-score(1)"
	[ -z "$missing" ] || echo "$missing" | sed 's/^/# missing: /'
else
	ok 1 "rel-score(1) exists"
fi

# The events CSV gives the same scores as the journal.
"$bin/rel-parse" worked.rel >"$tmp/worked.csv"
"$s" --today 2026-11-22 "$tmp/worked.csv" >"$tmp/got"
check_same "the events CSV gives the same row" worked.csv "$tmp/got"
"$s" --today 2026-11-22 --explain jan "$tmp/worked.csv" |
    sed "s|$tmp/worked.csv|worked.rel|" >"$tmp/got"
check_same "and the same explanation" worked.explain "$tmp/got"

# cell ID COLUMN: one cell of the rows in $tmp/rows.
cell() {
	awk -F, -v id="$1" -v col="$2" '
	    NR == 1 { for (i = 1; i <= NF; i++) n[$i] = i; next }
	    $1 == id { print $(n[col]) }' "$tmp/rows"
}
is() {	# is ID COLUMN EXPECTED DESCRIPTION
	got=$(cell "$1" "$2")
	[ "$got" = "$3" ]
	ok $? "$4 ($1 $2 = $3)"
	[ "$got" = "$3" ] || echo "# got '$got'"
}
"$s" --today 2026-11-22 contrast.rel >"$tmp/rows"

is keeper W 100 "a promise kept before its due date"
is breaker W 0 "a promise broken"
is teller H 100 "bad news told the day it was learned"
is sitter H 0 "bad news told 9 days late: 100 - 20 x 8, floored"
is quick M 100 "a request answered within its SLA"
is slow M 50 "answered 5 days past the SLA"
is ignored M 0 "open and 19 days past the SLA"
is ignored requests_open 1 "an open request is counted open"
is listened B 100 "feedback 21 days old, every 90d"
is unasked B 0 "feedback 205 days old, past twice 90d"
is happy P 100 "feedback score 10"
is unhappy P 20 "feedback score 2"
is recent recency 100 "met 2 days ago, cadence 14d"
is fading recency 29 "met 17 days ago, cadence 7d: 100 x 4 / 14"
is neglected recency 0 "met 82 days ago, past 3 x 14d"
is partner partner 100 "their promise kept on time"
is flaky partner 0 "their promise late, and a meeting they cut short"
is flaky bumped_by_them 1 "a meeting shortened by them"
is ann give_share 100 "a call to give"
is bob give_share 0 "a call to ask"
is bob repeat_deals 1 "a second deal is a repeat deal"

# No evidence: empty cells, never a made-up 0.
row=$(grep '^empty,' "$tmp/rows")
[ "$row" = "empty,empty,,,active,,,14d,0,,0,0,0,0,0,,,0,0,,0,0,,0,0,0,,,,,,,,,,,,,,0,0" ]
ok $? "a contact with no evidence has empty scores"

# Every score is within 0..100.
awk -F, 'NR == 1 { next }
    { for (i = 27; i <= 38; i++) if ($i != "" && ($i < 0 || $i > 100)) bad++ }
    END { exit bad > 0 }' "$tmp/rows"
ok $? "every score is between 0 and 100"

# Ended contacts only with --all.
grep -q '^done,' "$tmp/rows"
[ $? -ne 0 ]
ok $? "an ended contact is left out"
"$s" --today 2026-11-22 --all contrast.rel | grep -q '^done,done,,,ended,'
ok $? "--all puts it back, with its status"

# --by org: ann and bob roll up into acme.
"$s" --today 2026-11-22 --by org contrast.rel >"$tmp/rows"
is acme interactions 2 "--by org adds the members' interactions"
is acme deals 3 "and their deals"
is acme give_share 50 "one give, one ask"
is acme last_contact 2026-11-12 "the latest member contact"
grep -q '^ann,' "$tmp/rows"
[ $? -ne 0 ]
ok $? "--by org: members have no row of their own"

# A team in a company rolls up into the company; a loop of orgs does not
# roll up at all.
printf 'contact co "Company"\ncontact team "Team"\n  org: co\ncontact ann\n  org: team\n2026-11-01 call ann Hi\n2026-11-02 deal team Order amount:5\ncontact x\n  org: y\ncontact y\n  org: x\n2026-11-03 call x Loop\n' >"$tmp/org.rel"
"$s" --today 2026-11-22 --by org "$tmp/org.rel" | cut -d, -f1,9,24 >"$tmp/got"
printf 'id,interactions,deals\nco,1,1\nx,1,0\ny,0,0\n' >"$tmp/want"
check_same "--by org: nested orgs roll up to the top; a loop stands alone" \
    "$tmp/want" "$tmp/got"

# --since and --until pick the evidence; --until is the day measured.
"$s" --today 2026-11-22 --since 2026-11-05 contrast.rel >"$tmp/rows"
is listened P "" "--since drops older feedback"
is recent recency 100 "--since: recency still counts from the last contact"
is listened B 100 "--since: and balance from the last feedback"
is keeper W 100 "--since keeps a promise due in the window"
"$s" --today 2026-11-22 --until 2026-11-05 contrast.rel >"$tmp/rows"
is sitter H 40 "--until: bad news untold 4 days as of the 5th"
is keeper W "" "--until: a promise not yet due"
is recent recency "" "--until: nothing known yet of a later contact"

# --explain: evidence with FILE:LINE; usage errors.
"$s" --today 2026-11-22 --explain sitter contrast.rel >"$tmp/got"
grep -q '^    contrast.rel:41  issue s1, told 9 days after it was learned: 100 - 20 x (9 - 1) -> 0$' "$tmp/got"
ok $? "--explain names the evidence and its line"
"$s" --today 2026-11-22 --explain nobody contrast.rel >"$tmp/got" 2>"$tmp/err"
check_status "--explain of an unknown contact exits 2" 2 $?
grep -q 'nobody: no such contact' "$tmp/err"
ok $? "and says so"
"$s" --by team contrast.rel >"$tmp/got" 2>"$tmp/err"
check_status "--by team is a usage error" 2 $?
"$s" --since 2026-10-01 --until 2026-09-01 contrast.rel >"$tmp/got" 2>"$tmp/err"
[ $? = 2 ] && [ ! -s "$tmp/got" ] &&
    grep -qx 'rel-score: --since is after --until' "$tmp/err"
ok $? "--since after --until is a usage error"
done_testing
