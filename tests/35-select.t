#!/bin/sh
# The selection of rel(7): one table of cases, each a selection and the
# contacts it selects, run against every tool that takes it, so that each
# option is seen to select the same in each; then the tests of records
# (rel-parse), of items (rel-overdue), rel-score's choice (all evidence),
# ended contacts named, and each bad selection: its message and exit 2.
# The journal, tests/select/hurried.rel, is typed as people type.
. "$(dirname "$0")/lib.sh"
cd "$top/tests/select" || exit 1
T="--today 2026-11-22"
j=hurried.rel
plan 292

# column NAME: the cells of a column of the CSV on standard input.
column() {
	python3 -c 'import csv, sys
for row in csv.DictReader(sys.stdin):
    print(row[sys.argv[1]])' "$1"
}

# contacts TOOL OPTION...: the contacts of what TOOL writes with the
# options, each once, sorted, on one line: of the records rel-parse
# writes, the rows of rel-score, the items of rel-overdue, the sections of
# rel-report, the entries rel-log shows (as the events CSV).
contacts() {
	tool=$1
	shift
	case $tool in
	rel-parse)	"$bin/$tool" $T "$@" $j | column contact ;;
	rel-log)	"$bin/$tool" $T --format csv "$@" $j | column contact ;;
	rel-score)	"$bin/$tool" $T "$@" $j | column id ;;
	rel-overdue)	"$bin/$tool" $T --csv "$@" $j | column contacts |
			    tr , '\n' ;;
	rel-report)	"$bin/$tool" $T "$@" $j |
			    sed -n 's/^[^ ].* (\([^ ()]*\))$/\1/p' ;;
	esac | grep . | sort -u | tr '\n' ' ' | sed 's/ $//'
}

# 1. The contacts a selection selects, the same in every tool.  Owners:
# acme paula, jan paula (acme's), zoe omar, bh omar, lin omar (bh's), solo
# none.  Tags of the blocks: acme +vip, zoe +eu, bh +vip +eu.  A record
# has its own tags and its contact's; a row or an item, its contacts'.
while IFS='|' read -r opts want; do
	want=$(echo "$want" | tr ' ' '\n' | sort | tr '\n' ' ' | sed 's/ $//')
	for tool in rel-parse rel-score rel-overdue rel-report rel-log; do
		# shellcheck disable=SC2086
		got=$(contacts $tool $opts)
		[ "$got" = "$want" ]
		ok $? "$tool ${opts:-(no selection)}: $want"
		[ "$got" = "$want" ] || echo "# got: $got"
	done
done <<'EOF'
|acme jan zoe bh lin solo
--contact acme|acme jan zoe
--contact jan|jan
--org acme|acme jan zoe
--org bh|bh lin
--contact jan --contact lin|jan lin
--owner paula|acme jan
--owner omar|zoe bh lin
--owner paula --owner omar|acme jan zoe bh lin
--tag vip|acme bh
--tag +eu|zoe bh
--tag vip --tag eu|bh
--not-contact acme|bh lin solo
--not-org bh|acme jan zoe solo
--not-owner omar|acme jan solo
--not-owner paula --not-owner omar|solo
--not-tag vip|jan zoe lin solo
--contact acme --not-contact zoe|acme jan
--org acme --owner omar|zoe
--contact acme --tag eu|zoe
--org acme --not-tag eu --not-owner paula|
EOF
# The same from the events CSV of the journal.
"$bin/rel-parse" $j >"$tmp/hurried.csv"
for tool in rel-parse rel-score rel-overdue rel-report rel-log; do
	want=$(contacts $tool --org acme --not-owner paula --not-tag vip)
	j=$tmp/hurried.csv
	got=$(contacts $tool --org acme --not-owner paula --not-tag vip)
	j=hurried.rel
	[ "$got" = "$want" ] && [ "$got" = zoe ]
	ok $? "$tool selects from the events CSV as from the journal"
done

# 2. Records (rel-parse): each row written, as LINE:CONTACT, option
# rows aside.  Contact blocks have no date, and pass --since and --until.
rows() {
	"$bin/rel-parse" $T "$@" $j | python3 -c 'import csv, sys
print(" ".join(r["line"] + ":" + r["contact"] for r in csv.DictReader(sys.stdin)
               if r["kind"] != "option"))'
}
while IFS='|' read -r opts want; do
	eval "set -- $opts"
	got=$(rows "$@")
	[ "$got" = "$want" ]
	ok $? "rel-parse $opts: $want"
	[ "$got" = "$want" ] || echo "# got: $got"
done <<'EOF'
--kind call|39:jan 46:acme
--kind call,email|39:jan 42:lin 46:acme
--kind call --kind email|39:jan 42:lin 46:acme
--not-kind contact --not-kind call,meeting|42:lin 44:solo 45:acme
--kind contact --org bh|24:bh 30:lin
--grep https://acme\\.example|39:jan
--grep '^Follow up'|42:lin
--grep 'ok\?$'|39:jan
--grep '(?i)zoë'|17:zoe 41:zoe
--grep '\+1 ' --grep ';\)'|41:zoe
--grep 👍|46:acme
--grep '\bJan\b'|12:jan 39:jan
--grep 'Q[0-9]'|45:acme
--grep '^Next:' --grep 'v2\)$'|47:bh
--grep '^\w+ \w+$' --kind contact|6:acme 12:jan 17:zoe 24:bh 30:lin
--not-grep :|6:acme 12:jan 24:bh 30:lin 35:solo
--tag billing|39:jan 45:acme
--tag billing --tag sales|45:acme
--tag vip|6:acme 24:bh 45:acme 46:acme 47:bh
--tag vip --tag billing|45:acme
--not-tag billing --kind call,note|46:acme
--since 2026-10-05 --not-kind contact|44:solo 45:acme 46:acme 47:bh
--until 2026-10-02|6:acme 12:jan 17:zoe 24:bh 30:lin 35:solo 39:jan 41:zoe
--since 2026-10-03 --until 2026-10-05 --kind email,promise|42:lin 44:solo
--contact acme --kind call|39:jan 46:acme
--owner omar --grep '(?i)QUOTE'|42:lin
EOF
"$bin/rel-parse" $j >"$tmp/all.csv"
"$bin/rel-parse" --kind call "$tmp/all.csv" | column line | tr '\n' ' ' >"$tmp/got"
[ "$(cat "$tmp/got")" = "4 39 46 " ]
ok $? "rel-parse selects from the events CSV as from the journal"
"$bin/rel-parse" --tag vip $j | grep -c ',option,' >"$tmp/got"
[ "$(cat "$tmp/got")" = 1 ]
ok $? "option rows are written whatever the selection"

# 3. Items (rel-overdue): --kind takes the kinds of item, --since and
# --until select by the day due; each item as KIND:CONTACTS.
items() {
	"$bin/rel-overdue" $T --csv "$@" $j | python3 -c 'import csv, sys
print(" ".join(r["kind"] + ":" + r["contacts"] for r in csv.DictReader(sys.stdin)))'
}
while IFS='|' read -r opts want; do
	# shellcheck disable=SC2086
	got=$(items $opts)
	[ "$got" = "$want" ]
	ok $? "rel-overdue $opts: $want"
	[ "$got" = "$want" ] || echo "# got: $got"
done <<'EOF'
--kind promise|promise:solo
--not-kind contact,feedback|promise:solo
--kind feedback --owner paula|feedback:acme feedback:jan
--kind contact --not-org acme --not-contact solo|contact:lin contact:bh
--since 2026-11-01|contact:lin contact:bh
--until 2026-10-20|contact:solo promise:solo
--since 2026-10-22 --until 2026-10-23 --tag eu|contact:zoe
EOF
"$bin/rel-overdue" $T --owner nobody-here $j >"$tmp/got" 2>&1
check_status "rel-overdue: an owner no contact has is not 'nothing due'" 2 $?

# 4. rel-score: a selection picks rows, each measured on all the
# contact's evidence; --since and --until stay the window of evidence.
row() {	# row ID OPTION...: the row of ID
	id=$1
	shift
	"$bin/rel-score" $T "$@" $j | grep "^$id,"
}
[ "$(row jan --contact jan)" = "$(row jan)" ] && [ -n "$(row jan)" ]
ok $? "rel-score --contact jan: jan's row as without a selection"
[ "$(row solo --not-owner paula --since 2026-10-06)" = "$(row solo --since 2026-10-06)" ]
ok $? "rel-score --since with a selection: still the window of evidence"
[ "$(row acme --by org --contact jan)" = "$(row acme --by org)" ] &&
    [ "$("$bin/rel-score" $T --by org --contact jan $j | wc -l)" = 2 ]
ok $? "rel-score --by org --contact jan: the row of jan's org, whole"
[ "$("$bin/rel-score" $T --by org --not-owner omar $j | column id | tr '\n' ' ')" = "solo " ]
ok $? "rel-score --by org --not-owner omar: orgs none of whose contacts is his"
"$bin/rel-score" $T --kind call $j >"$tmp/got" 2>"$tmp/err"
check_status "rel-score --kind: refused" 2 $?
grep -q '^rel-score: --kind selects records, and rel-score counts all the records of each contact$' "$tmp/err" &&
    grep -q 'or records with rel-parse, piped into rel-score; see rel(7)$' "$tmp/err" &&
    [ ! -s "$tmp/got" ]
ok $? "and says why, and what to do instead"
promises() {	# promises_due of solo, from the CSV on standard input
	"$bin/rel-score" $T | awk -F, '$1 == "solo" { print $11 }'
}
[ "$("$bin/rel-parse" $j | promises)" = 1 ] &&
    [ "$("$bin/rel-parse" --not-kind promise $j | promises)" = 0 ]
ok $? "records selected by rel-parse, piped in: scored on those alone"
"$bin/rel-score" $T --explain jan --contact jan $j >"$tmp/got" 2>"$tmp/err"
check_status "rel-score --explain with a selection: refused" 2 $?
grep -q 'it takes no selection' "$tmp/err"
ok $? "and says so"

# 5. Ended contacts: listed by rel-score and rel-report when --contact or
# --org names them, their ended members only with --all; rel-overdue never
# lists them.
cat >"$tmp/ended.rel" <<'EOF'
contact acme "Acme"
  kind: org
contact old "Old Ölund"
  org: acme
  status: ended
contact gone
  status: ended
contact coop "Co-op Nørd"
  kind: org
2026-11-01 call old Last call: bye :(
EOF
e="$tmp/ended.rel"
[ "$("$bin/rel-score" $T --org coop "$e" | column id)" = coop ]
ok $? "rel-score --org coop: an org by its kind:, without members"
[ "$("$bin/rel-score" $T --contact gone "$e" | column id)" = gone ]
ok $? "rel-score --contact gone: the ended contact named"
[ "$("$bin/rel-score" $T --org acme "$e" | column id | tr '\n' ' ')" = "acme " ] &&
    [ "$("$bin/rel-score" $T --all --org acme "$e" | column id | tr '\n' ' ')" = "acme old " ]
ok $? "rel-score --org acme: its ended member only with --all"
"$bin/rel-report" $T --contact gone "$e" | grep -q '^gone$'
ok $? "rel-report --contact gone: its section"
"$bin/rel-overdue" $T --contact gone "$e" >"$tmp/got"
check_status "rel-overdue --contact gone: nothing due" 1 $?

# 6. rel-report: the summary, the table and the overdue part are those of
# the contacts selected.
"$bin/rel-report" $T --owner omar $j >"$tmp/report"
grep -q '^  Contacts  3 in all: ' "$tmp/report"
ok $? "rel-report --owner omar: the summary counts its three contacts"
sed -n '/^Overdue$/,$p' "$tmp/report" | grep -c '^  [0-9]*d late' >"$tmp/n"
[ "$(cat "$tmp/n")" = 6 ] &&
    ! sed -n '/^Overdue$/,$p' "$tmp/report" | grep -q -e ' acme ' -e ' jan ' -e ' solo '
ok $? "and the overdue part, their six items"

# 7. Bad selections: exit 2, and a message that says what is wrong, with
# the closest name, however it is cased.
while IFS='|' read -r tools opts msg; do
	for tool in $tools; do
		eval "set -- $opts"
		"$bin/$tool" $T "$@" $j >"$tmp/got" 2>"$tmp/err"
		st=$?
		check_status "$tool $opts: exit 2" 2 $st
		grep -qF -- "$tool: $msg" "$tmp/err" &&
		    { [ $tool = rel-parse ] || [ ! -s "$tmp/got" ]; }
		ok $? "$tool $opts: says '$msg'"
		grep -qF -- "$tool: $msg" "$tmp/err" || sed 's/^/# /' "$tmp/err"
	done
done <<'EOF'
rel-parse rel-log rel-score rel-overdue rel-report|--contact jna|--contact jna: no such contact in the input; did you mean jan?
rel-parse rel-log rel-score rel-overdue rel-report|--not-contact ZOE|--not-contact ZOE: no such contact in the input; did you mean zoe?
rel-parse rel-log rel-score rel-overdue rel-report|--org acm|--org acm: no org of the input has this id; did you mean acme?
rel-parse rel-log rel-score rel-overdue rel-report|--org jan|--org jan: a contact, not an org: no contact's org: names it; its org is acme
rel-parse rel-log rel-score rel-overdue rel-report|--owner Paula|--owner Paula: no contact has this owner; did you mean paula?
rel-parse rel-log rel-score rel-overdue rel-report|--not-owner omr|--not-owner omr: no contact has this owner; did you mean omar?
rel-parse rel-log|--tag VIP|--tag VIP: no record has this tag; did you mean vip?
rel-score rel-overdue rel-report|--tag VIP|--tag VIP: no contact block has this tag (here, a tag selects contacts); did you mean vip?
rel-score rel-overdue rel-report|--tag billing|--tag billing: no contact block has this tag (here, a tag selects contacts)
rel-parse rel-log|--not-tag sale|--not-tag sale: no record has this tag; did you mean sales?
rel-parse rel-log|--kind cal|--kind cal: not a kind of record; did you mean call?
rel-parse rel-log|--not-kind 'call,mail'|--not-kind mail: not a kind of record; did you mean email?
rel-parse rel-log|--kind call,|--kind: a kind is missing from the list
rel-parse rel-log rel-overdue|--tag +|--tag: a tag is a word, as in --tag vip
rel-overdue|--kind meeting|--kind meeting: not a kind of item
rel-overdue|--not-kind promises|--not-kind promises: not a kind of item; did you mean promise?
rel-parse rel-log|--grep 'a(b'|--grep a(b: missing closing parenthesis, at column 4
rel-parse rel-log|--not-grep 'Zoë(x'|--not-grep Zoë(x: missing closing parenthesis, at column 6
rel-parse rel-log|--grep '[z-a]'|--grep [z-a]: range out of order in character class, at column 4
rel-score rel-report|--kind call|--kind selects records, and
rel-score rel-overdue rel-report|--grep Jan|--grep selects records, and
rel-report|--not-grep Jan|--not-grep selects records, and
EOF

# The example of rel-parse(1) on its j.rel is what it prints.
awk '/^\.Pa j\.rel :$/ { getline; inb = 1; next } inb && /^\.Ed/ { exit }
    inb' "$top/man/rel-parse.1" >"$tmp/j.rel"
awk '/^\$ rel-parse --kind promise,kept --contact eva j.rel$/ { inb = 1; next }
    inb && /^\.Ed/ { exit } inb' "$top/man/rel-parse.1" >"$tmp/want"
(cd "$tmp" && "$bin/rel-parse" --kind promise,kept --contact eva j.rel) >"$tmp/got"
[ -s "$tmp/j.rel" ] && [ -s "$tmp/want" ]
ok $? "rel-parse(1) has its example of a selection"
check_same "and it is what rel-parse prints" "$tmp/want" "$tmp/got"

# 8. Shell completion: the new options and the words they take come from
# the tools.
if command -v bash >/dev/null 2>&1; then
	complete_bash() {	# complete_bash WORD... : COMPREPLY for the last WORD
		PATH="$bin:$PATH" bash --norc -c '
		    . "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		    _rel "$1"; printf "%s\n" "${COMPREPLY[@]}"' \
		    "$top/examples/completion/rel.bash" "$@" 2>&1
	}
	[ "$(complete_bash rel-parse --not-k)" = --not-kind ] &&
	    [ "$(complete_bash rel-parse --not-kind call,ema)" = call,email ] &&
	    [ "$(complete_bash rel-overdue --not-kind contact,pro)" = contact,promise ] &&
	    complete_bash rel-report $j --not-contact '' | grep -qx lin &&
	    complete_bash rel-score $j --org '' | grep -qx acme &&
	    complete_bash rel-parse $j --not-owner '' | grep -qx omar
	ok $? "bash: the selection's options, kinds, contacts and owners"
else
	ok 0 "# skip bash"
fi

# 9. The pages tell the truth: every option a tool takes is in its page,
# and every option of the selection in rel(7).
for t in rel-parse rel-score rel-overdue rel-report rel-log rel-fmt rel-merge \
    rel-add; do
	"$bin/$t" --help | grep -o -- '--[a-z][a-z-]*' | sort -u |
	    while read -r opt; do
		grep -q -- "Fl \\\\-${opt#--}\\( \\|\$\\)" "$top/man/$t.1" ||
		    echo "$t(1) lacks $opt"
	    done
done >"$tmp/missing"
"$bin/rel-parse" --complete options | grep -e -not- -e tag -e org -e grep |
    while read -r opt; do
	grep -q -- "^\\.It .*Fl \\\\-${opt#--}\\( \\|\$\\)" "$top/man/rel.7" ||
	    echo "rel(7) lacks $opt"
    done >>"$tmp/missing"
[ ! -s "$tmp/missing" ]
ok $? "each tool's page names each of its options; rel(7), the selection's"
sed 's/^/# /' "$tmp/missing"
done_testing
