#!/bin/sh
# Hostile bytes never reach a terminal raw (rel-journal(5), "Output is
# safe"): C1 controls and bidi overrides in a journal, an escape sequence
# in a file name matched by an include glob, escape sequences and line
# feeds in the fields of a crafted events CSV, HTML in a title.  Each tool
# runs on a terminal (script(1)) and what it prints is searched for raw
# control bytes; the CSV it writes stays lossless.
. "$(dirname "$0")/lib.sh"
cd "$tmp" || exit 1
plan 21

# A journal with C1 controls (U+009B is CSI) and bidi overrides in names,
# titles, notes and values, and a team file whose name holds an escape
# sequence that sets the window title, pulled in by a glob.
CSI=$(printf '\302\233')
RLO=$(printf '\342\200\256')
ESCNAME="a$(printf '\033')]0;pwned$(printf '\007').rel"
mkdir team
{
	echo 'option keys mood'
	echo 'include team/*.rel'
	echo "contact acme \"Acme ${CSI}2J Corp\""
	echo "  owner: ${RLO}evil"
	echo "  expects: reports ${CSI}31m every day"
	echo "contact jan \"Jan ${RLO}kavoN\""
	echo '  org: acme'
	echo "  Likes ${CSI}5m blinking."
	echo
	echo "2026-10-01 call jan Kick-off ${RLO}txet mood:${CSI}1m"
	echo "2026-10-02 promise jan \"Send ${CSI}2J quote\" id:q due:2026-10-05"
	echo '2026-10-03 issue acme Outage <script>alert(1)</script> id:i'
} >j.rel
printf 'contact zed "Zed"\n2026-09-01 call zed Hello\n' >"team/$ESCNAME"

"$bin/rel-parse" --today 2026-11-22 j.rel >j.csv
check_status "the journal reads" 0 $?
grep -q "Send ${CSI}2J quote" j.csv && grep -q "$(printf '\033')]0;pwned" j.csv
ok $? "the CSV keeps every byte: it is data, not for the terminal"

for cmd in "rel-report --color=always" "rel-report --ascii" \
    "rel-report --format md" "rel-overdue" "rel-score --explain jan" \
    "rel-score --explain acme" "rel-overdue --kind contact"; do
	on_tty out "$bin/$cmd --today 2026-11-22 j.rel"
	raw out
	ok $? "$cmd: no raw control, C1 or bidi byte on the terminal"
done
on_tty out "$bin/rel-report --today 2026-11-22 j.rel"
grep -q '<U+009B>2J' out && grep -q '<U+202E>' out
ok $? "rel-report shows them as <U+009B> and <U+202E>"
on_tty out "$bin/rel-overdue --today 2026-11-22 j.rel"
grep -q 'team/a\\x1b\]0;pwned\\x07.rel:2' out
ok $? "rel-overdue shows the file name's escape as \\x1b"
"$bin/rel-report" --today 2026-11-22 --format md j.rel >out.md
grep -q 'Outage &lt;script&gt;alert(1)&lt;/script&gt;' out.md &&
    ! grep -q '<script>' out.md
ok $? "Markdown: HTML in a title is written as entities"

# An error in the file with the escape in its name.
printf 'contact zed "Zed"\n2026-02-30 call zed Hello\n' >"team/$ESCNAME"
on_tty out "$bin/rel-parse --check j.rel"
raw out
ok $? "an error in that file: its name is shown safe"
grep -q '^team/a\\x1b\]0;pwned\\x07.rel:2:1: error: bad date' out
ok $? "and located as usual"
rm -f "team/$ESCNAME"

# A crafted events CSV: escape sequences in the fields that diagnostics
# quote, a line feed that would forge a line of the report, backspaces, a
# carriage return.
{
	echo file,line,date,time,kind,contact,ref,title,attrs,tags,notes
	printf 'j.rel,2,2026-10-01,,call,jan,,Kick-off,,,\n'
	printf 'j.rel,3,2026-10-02,,\033[2Jcall,jan,,Hello,,,\n'
	printf 'j.rel,4,\033]8;;http://evil\007,,call,jan,,Hello,,,\n'
	printf 'j.rel,5,2026-10-03,,call,jan,,"Hi\nOverdue\n  99d late",,,\n'
	printf 'j.rel,6,2026-10-04,,call,jan,,Hello\010\010\010\010,,,\n'
	printf 'j.rel,7,2026-10-05,,call,jan,,"Hi\rThere",,,\n'
} >bad.csv
for t in rel-parse rel-score rel-overdue rel-report; do
	on_tty out "$bin/$t --today 2026-11-22 bad.csv"
	raw out
	ok $? "$t on a crafted CSV: its diagnostics show no raw byte"
done
"$bin/rel-parse" --check bad.csv 2>err
check_status "the crafted CSV is refused: exit 2" 2 $?
[ "$(grep -c ': error: ' err)" = 5 ] &&
    grep -qx 'bad.csv:3:1: error: kind, byte 1: control character: remove it (the row of j.rel:3)' err &&
    grep -q '^bad.csv:5:1: error: title, byte 3: control character' err
ok $? "each bad field is named, at the CSV's line and the journal's"
"$bin/rel-parse" --keep-going bad.csv 2>/dev/null | cut -d, -f2 | tr '\n' ' ' >kg
[ "$(cat kg)" = "line 2 " ]
ok $? "--keep-going: only the good row"
done_testing
