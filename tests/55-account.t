#!/bin/sh
# Accounts: an org and its members, on examples/account.rel (today
# 2026-11-30) and the worked example tests/score/org.rel.  Roll-ups count
# facts; owner, sla, feedback-every and status pass down; rel-score's B
# and rel-overdue's feedback items agree; one item per fact; --explain
# never divides by zero; ids are never cut; names given to options are
# checked; a paused contact has no health; deals and time add up exactly.
. "$(dirname "$0")/lib.sh"
cd "$top/examples" || exit 1
s="$bin/rel-score" o="$bin/rel-overdue" r="$bin/rel-report"
T="--today 2026-11-30"
plan 65

# column FILE NAME: the cells of a column of a CSV, one a line.
column() {
	python3 -c 'import csv, sys
for row in csv.DictReader(open(sys.argv[1], newline="")):
    print(row[sys.argv[2]])' "$1" "$2"
}

# cell FILE ID COLUMN: one cell of a rel-score CSV.
cell() {
	awk -F, -v id="$2" -v col="$3" '
	    NR == 1 { for (i = 1; i <= NF; i++) n[$i] = i; next }
	    $1 == id { print $(n[col]) }' "$1"
}
is() {	# is FILE ID COLUMN EXPECTED DESCRIPTION
	got=$(cell "$1" "$2" "$3")
	[ "$got" = "$4" ]
	ok $? "$5 ($2 $3 = $4)"
	[ "$got" = "$4" ] || echo "# got '$got'"
}

# 1. Roll-ups count facts.  The worked example of rel-score(1), digit for
# digit: per contact, and acme with its two members, each fact once.
cols=1,9,11-13,21,24,28,30,39-41
"$s" --today 2026-11-01 "$top/tests/score/org.rel" | cut -d, -f$cols >"$tmp/got"
check_same "org.rel per contact" "$top/tests/score/org.csv" "$tmp/got"
"$s" --by org --today 2026-11-01 "$top/tests/score/org.rel" |
    cut -d, -f$cols >"$tmp/got"
check_same "org.rel by org: each fact once" "$top/tests/score/org-by-org.csv" \
    "$tmp/got"
missing=$(cat "$top/tests/score/org.csv" "$top/tests/score/org-by-org.csv" |
    while IFS= read -r line; do
	grep -qF -- "$line" "$top/man/rel-score.1" || echo "$line"
    done)
[ -z "$missing" ]
ok $? "rel-score(1) shows the worked example of an org as it comes out"
[ -z "$missing" ] || echo "$missing" | sed 's/^/# missing: /'

"$s" $T --by org account.rel >"$tmp/org"
is "$tmp/org" blueharbor interactions 8 "meetings with several members count once"
is "$tmp/org" blueharbor stood_up 1 "one bumped meeting with maria and tom"
is "$tmp/org" blueharbor promises_due 2 "a promise to juergen and anke is one"
is "$tmp/org" blueharbor W 40 "100 x 1 / 2 - 10 x 1"
is "$tmp/org" blueharbor requests 1 "one request"
is "$tmp/org" blueharbor deals 4 "a deal with the org and maria is one"
is "$tmp/org" blueharbor deal_amounts "12000.80 EUR; 300 USD" \
    "amounts per currency, exactly: 12000.50 + 0.10 + 0.20"
is "$tmp/org" blueharbor planned_minutes 435 "planned time, each meeting once"
is "$tmp/org" blueharbor actual_minutes 360 "actual time, each meeting once"
"$s" $T account.rel >"$tmp/rows"
is "$tmp/rows" maria stood_up 1 "per contact, each member has the meeting"
is "$tmp/rows" tom stood_up 1 "both of them"
is "$tmp/rows" bh-it deal_amounts "" "a team's own row has no deals"

# 2. Inheritance.
is "$tmp/rows" maria owner paula "owner: from the org"
is "$tmp/rows" juergen owner paula "owner: from the org of its org"
is "$tmp/rows" tom owner omar "its own owner: wins"
is "$tmp/rows" ines status active "explicitly active in an ended org"
grep -q '^lars,' "$tmp/rows"
[ $? -ne 0 ]
ok $? "a member of an ended org is ended: left out"
"$s" $T --all account.rel >"$tmp/all"
is "$tmp/all" lars status ended "with --all, its status is ended"
"$o" $T --csv account.rel >"$tmp/items"
grep -q ',bh-invoice,unanswered (SLA 1d): ' "$tmp/items"
ok $? "sla: from the org (1d, not the default 2d)"
grep -q '^feedback,overdue,118,2026-08-04,tom,omar,,feedback never asked for (every 45d),' "$tmp/items"
ok $? "feedback-every: from the org"
grep -q -e ',lars,' -e ',northwind,' "$tmp/items"
[ $? -ne 0 ]
ok $? "an ended org quiets its members"
grep -q '^contact,overdue,3,2026-11-27,ines,' "$tmp/items"
ok $? "unless the member is set active"

# 3. B and the feedback items agree on every contact of the examples: the
# observed B (rel-score --explain) is under 100 exactly for the active
# contacts rel-overdue lists a feedback item for.
agree() {	# agree JOURNAL TODAY
	"$s" --today "$2" "$1" >"$tmp/b-rows"
	for id in $(column "$tmp/b-rows" id); do
		"$s" --today "$2" --explain "$id" "$1" | awk -v id="$id" '
		    /^B balance/ { b = 1; next }
		    b && /^$/ { exit }
		    b && /today is not past/ { v = "fine" }
		    b && /observed: (no feedback|none while)/ { v = "none" }
		    END { print id, v == "" ? "due" : v }'
	done | sort >"$tmp/b"
	"$o" --csv --kind feedback --today "$2" "$1" >"$tmp/fb"
	column "$tmp/fb" contacts | tr , '\n' | sort >"$tmp/listed"
	awk 'NR == FNR { listed[$1] = 1; next }
	    ($2 == "due") != ($1 in listed) { print; bad++ }
	    END { exit bad > 0 }' "$tmp/listed" "$tmp/b"
}
agree account.rel 2026-11-30
ok $? "account.rel: B under 100 exactly for the contacts with a feedback item"
agree agency.rel 2026-11-22
ok $? "agency.rel: the same"
agree "$top/tests/overdue/team.rel" 2026-11-22
ok $? "tests/overdue/team.rel: the same"
is "$tmp/rows" tom B 0 "never asked: counted from the first record, past 2 x 45d"

# 4. One item per fact.
"$o" $T account.rel >"$tmp/text"
n=$(grep -c '^ *[0-9]*d late .* feedback  blueharbor (bh-it, anke) ' "$tmp/text")
[ "$n" = 1 ]
ok $? "org, team and member overdue from one feedback: one line names all"
grep -q '^feedback,overdue,52,2026-10-09,blueharbor,paula,,no feedback for 97 days (every 45d),account.rel,74,"blueharbor,bh-it,anke",1.16,2026-10-09$' "$tmp/items"
ok $? "its CSV row: the org first, all contacts in the last columns"
n=$(grep -c ',bh-plan,' "$tmp/items")
[ "$n" = 1 ]
ok $? "a promise to two members is one item"
grep -q '^31d late  *4.4x  *promise  *maria, tom  *account.rel:84$' "$tmp/text"
ok $? "which names both"
"$o" $T --owner omar --csv account.rel >"$tmp/omar"
grep -q ',bh-plan,' "$tmp/omar"
ok $? "--owner omar lists it: one of its contacts is his"

# 5. --explain never divides by zero, on every contact and org.
for id in $(awk -F, 'NR > 1 { print $1 }' "$tmp/all"); do
	"$s" $T --explain "$id" account.rel
done >"$tmp/explain" 2>&1
for id in $(awk -F, 'NR > 1 { print $1 }' "$tmp/org"); do
	"$s" $T --by org --explain "$id" account.rel
done >>"$tmp/explain" 2>&1
grep -n '/ 0[^-9.]' "$tmp/explain"
[ $? -ne 0 ]
ok $? "no division by zero in any explanation"
printf 'contact jan\n2026-11-01 meeting jan Review outcome:bumped by:us\n' >"$tmp/bump.rel"
"$s" --today 2026-11-30 --explain jan "$tmp/bump.rel" >"$tmp/got"
grep -q '^  observed: no promise of ours came due: 100 - 10 x 1 stood up = 90.0$' "$tmp/got"
ok $? "W with nothing come due says so, and the arithmetic stands"

# 6. Text never cuts the ids; the urgency is shown.
wider() {	# wider FILE: the lines wider than 80 columns
	python3 -c 'import sys, unicodedata
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    w = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)
    if w > 80:
        print(line)' "$1"
}
[ -z "$(wider "$tmp/text")" ]
ok $? "every line of the text fits 80 columns"
for ref in $(column "$tmp/items" ref); do
	grep -q "\[$ref\]" "$tmp/text" || echo "$ref"
done >"$tmp/cut"
[ ! -s "$tmp/cut" ]
ok $? "every ref id is whole in the text"
grep -q '^17d late  *17.0x  request  *maria  *account.rel:88$' "$tmp/text"
ok $? "the urgency: 17 days late on a 1-day SLA is 17.0x"
grep -q '^    \[bh-invoice\] unanswered (SLA 1d): Invoice copy w/ PO number 4711-22 for t\.\.\.$' "$tmp/text"
ok $? "the title gives way, the id does not"
"$r" $T account.rel >"$tmp/report"
grep -q '^            request bh-invoice: Invoice copy w/ PO number 4\.\.\., asked 2026-11-12$' "$tmp/report"
ok $? "report: an Open line keeps its id and date"
[ -z "$(wider "$tmp/report")" ]
ok $? "report: every line fits 80 columns"

# 7. Names given to options are checked, case aside.
suggests() {	# suggests WORD DESCRIPTION COMMAND...: exit 2, "did you mean WORD?"
	word=$1 what=$2
	shift 2
	"$@" >"$tmp/got" 2>"$tmp/err"
	check_status "$what: exit 2" 2 $?
	[ ! -s "$tmp/got" ] && grep -q "did you mean $word?" "$tmp/err"
	ok $? "$what: no output, and a suggestion: $word"
}
suggests paula "--owner Paula (not exit 1)" "$o" $T --owner Paula account.rel
suggests maria "rel-report --contact Maria" "$r" $T --contact Maria account.rel
suggests pavel "rel-score --explain PAVEL" "$s" $T --explain PAVEL account.rel
"$o" $T --owner nobody account.rel >"$tmp/got" 2>"$tmp/err"
check_status "--owner nobody: exit 2" 2 $?
[ ! -s "$tmp/got" ] && grep -q 'no contact has this owner$' "$tmp/err"
ok $? "and nothing on standard output, no suggestion"

# 8. A paused contact: no health, no next due, no items.
is "$tmp/rows" pavel health "" "paused: no health"
is "$tmp/rows" pavel recency "" "paused: no recency"
grep -q '^  Pavel Horák  *paused  *2026-04-15  -  ' "$tmp/report"
ok $? "report: shown as paused, with no next due"
grep -q 'pavel' "$tmp/items"
[ $? -ne 0 ]
ok $? "rel-overdue: nothing for it"

# 9. Sums, and the account view.
grep -q '^  Deals     4, worth 12000.80 EUR; 300 USD$' "$tmp/report"
ok $? "report summary: deals and their amounts, each deal once"
grep -q '^  Time      7h15m planned, 6h actual$' "$tmp/report"
ok $? "report summary: time, each meeting once"
"$r" $T --contact blueharbor account.rel >"$tmp/acct"
for id in blueharbor maria tom bh-it juergen anke; do
	grep -q "^[^ ].* ($id)\$" "$tmp/acct" || echo "$id"
done >"$tmp/missing"
[ ! -s "$tmp/missing" ]
ok $? "--contact ORG: a section for the org and each member"
grep -q -e '(ines)' -e '(pavel)' "$tmp/acct"
[ $? -ne 0 ]
ok $? "and none for the others"
grep -q 'bh-plan' "$tmp/acct" && grep -q 'blueharbor (bh-it, anke)' "$tmp/acct"
ok $? "with the open items of all of them"
grep -q 'ines' "$tmp/acct"
[ $? -ne 0 ]
ok $? "and no one else's"
printf 'option currency EUR\ncontact a\n2026-01-01 deal a X amount:999999999999999999\n2026-01-02 deal a Y amount:1\n' >"$tmp/big.rel"
"$s" --today 2026-11-30 "$tmp/big.rel" >"$tmp/got" 2>"$tmp/err"
check_status "a sum past 18 digits: exit 2" 2 $?
grep -q 'add up to more than 18 digits' "$tmp/err"
ok $? "and says so rather than round"
printf 'contact a\n2026-01-01 deal a X amount:1234567890123456789\n' >"$tmp/long.rel"
"$bin/rel-parse" --check "$tmp/long.rel" 2>"$tmp/err"
check_status "an amount of 19 digits: exit 2" 2 $?
grep -q 'up to 18 digits' "$tmp/err"
ok $? "and the error says why"

# 10. The events CSV gives the same roll-up as the journal.
"$bin/rel-parse" account.rel >"$tmp/account.csv"
"$s" $T --by org "$tmp/account.csv" >"$tmp/got"
check_same "rel-score --by org of the events CSV" "$tmp/org" "$tmp/got"
done_testing
