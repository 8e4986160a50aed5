#!/bin/sh
# The operands of the tools: a file that another named file includes is
# read once, where it is included, so that `rel-parse --check *.rel` reads
# a journal of several files; a file named twice is read once; with no
# operand and standard input a terminal, $REL_JOURNAL, else a usage error
# rather than a wait; from a pipe, standard input.
. "$(dirname "$0")/lib.sh"
p="$bin/rel-parse"
plan 19

# A journal split by month, with a promise opened in one month and kept in
# the next, and a root that includes the months and a people file that
# itself includes another.
j=$tmp/j
mkdir -p "$j/months" "$j/people"
cat >"$j/journal.rel" <<'EOF'
option feedback-every 60d
include people/team.rel
include months/*.rel
EOF
printf 'include lena.rel\ncontact jan "Jan Novák"\n' >"$j/people/team.rel"
printf 'contact eva "Eva"\n  owner: lena\n' >"$j/people/lena.rel"
printf '2026-10-03 promise jan "Quote, v2" id:q due:2026-10-10\n' \
    >"$j/months/2026-10.rel"
printf '2026-11-02 kept q\n2026-11-03 call eva Hello :)\n' \
    >"$j/months/2026-11.rel"
cd "$j" || exit 1

"$p" journal.rel >"$tmp/want"
check_status "the root alone: exit 0" 0 $?
"$p" --check months/*.rel people/*.rel journal.rel 2>"$tmp/err"
check_status "rel-parse --check of every file, root last: exit 0" 0 $?
[ ! -s "$tmp/err" ]
ok $? "and not a word: nothing is read twice"
"$p" months/2026-11.rel journal.rel people/lena.rel >"$tmp/got"
check_same "included files named too: the records of the root, once" \
    "$tmp/want" "$tmp/got"
"$p" journal.rel journal.rel >"$tmp/got"
check_same "a file named twice is read once" "$tmp/want" "$tmp/got"
"$p" ./journal.rel "$j/journal.rel" >"$tmp/got" 2>"$tmp/err"
[ "$(grep -c '^' "$tmp/got")" = "$(grep -c '^' "$tmp/want")" ]
ok $? "whatever path names it"
for t in rel-score rel-overdue rel-report; do
	"$bin/$t" --today 2026-11-30 journal.rel >"$tmp/a"
	"$bin/$t" --today 2026-11-30 months/*.rel people/*.rel journal.rel >"$tmp/b"
	check_same "$t: every file named gives what the root gives" \
	    "$tmp/a" "$tmp/b"
done

# A file named on its own that no named file includes is read as it is:
# its errors are its own.
"$p" --check months/2026-11.rel >"$tmp/got" 2>"$tmp/err"
check_status "a month alone: its ref is opened elsewhere: exit 2" 2 $?
grep -q 'months/2026-11.rel:1:17: error: no promise, issue or request has id q' "$tmp/err"
ok $? "and the error says where"

# Two named files that include each other: the cycle is still an error.
printf 'include b.rel\ncontact a\n' >"$tmp/a.rel"
printf 'include a.rel\ncontact b\n' >"$tmp/b.rel"
(cd "$tmp" && "$p" --check b.rel a.rel) >"$tmp/got" 2>"$tmp/err"
check_status "two files that include each other: exit 2" 2 $?
grep -q 'include cycle' "$tmp/err"
ok $? "and the cycle is named"

# No operand: $REL_JOURNAL on a terminal, else a usage error; from a pipe,
# standard input.  script(1) gives the tool a terminal.
tty_run() {	# tty_run COMMAND: on a pseudo-terminal, its output in tmp/tty
	script -qec "$1" /dev/null </dev/null >"$tmp/tty" 2>&1
}
if command -v script >/dev/null 2>&1; then
	tty_run "env REL_JOURNAL='$j/journal.rel' $p; echo status=\$?"
	tr -d '\r' <"$tmp/tty" >"$tmp/got"
	grep -q '^status=0$' "$tmp/got" && grep -q ',call,eva,,Hello :),' "$tmp/got"
	ok $? "no operand on a terminal: \$REL_JOURNAL is read"
	tty_run "env -u REL_JOURNAL $bin/rel-overdue --today 2026-11-30; echo status=\$?"
	tr -d '\r' <"$tmp/tty" >"$tmp/got"
	grep -q '^status=2$' "$tmp/got" &&
	    grep -q 'no journal: name a FILE, pipe one in, or set REL_JOURNAL' "$tmp/got" &&
	    grep -q '^usage: rel-overdue' "$tmp/got"
	ok $? "without it: exit 2 and a usage message, not a wait"
	tty_run "env -u REL_JOURNAL $bin/rel-fmt; echo status=\$?"
	tr -d '\r' <"$tmp/tty" | grep -q '^status=2$'
	ok $? "rel-fmt too"
	tty_run "env REL_JOURNAL='$j/journal.rel' $bin/rel-score --today 2026-11-30 | cut -d, -f1; echo status=\$?"
	tr -d '\r' <"$tmp/tty" >"$tmp/got"
	grep -q '^eva$' "$tmp/got" && grep -q '^status=0$' "$tmp/got"
	ok $? "rel-score reads \$REL_JOURNAL, its output in a pipe"
else
	for i in 1 2 3 4; do
		ntest=$((ntest + 1))
		echo "ok $ntest # skip no script(1)"
	done
fi
REL_JOURNAL=$j/journal.rel "$p" </dev/null >"$tmp/got"
[ "$(cat "$tmp/got")" = "$(head -1 "$tmp/want")" ]
ok $? "standard input not a terminal: it is read, \$REL_JOURNAL or not"
printf 'contact zoe\n' | REL_JOURNAL=$j/journal.rel "$p" | grep -q ',contact,zoe,'
ok $? "a pipe: standard input"
done_testing
