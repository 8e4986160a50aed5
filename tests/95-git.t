#!/bin/sh
# examples/git/pre-commit: refuses a journal that does not read or is not
# in canonical form; lets a good one through.  A journal in many files is
# checked whole, from its root journals: those that nothing includes, or
# those that git config rel.journal names.
. "$(dirname "$0")/lib.sh"
plan 16
if ! command -v git >/dev/null; then
	i=1
	while [ $i -le 16 ]; do echo "ok $i # skip git not installed"; i=$((i + 1)); done
	exit 0
fi
export PATH="$bin:$PATH"

# repo DIR: a new repository in DIR with the hook, and cd there.
repo() {
	git init -q "$1" && cd "$1" || exit 1
	git config user.email t@example.com
	git config user.name test
	cp "$top/examples/git/pre-commit" .git/hooks/pre-commit
}
repo "$tmp/repo"

# committed DESCRIPTION [ARG...]: git commit ARGs goes through the hook.
committed() {
	what=$1
	shift
	git commit -q "$@" 2>"$tmp/err"
	status=$?
	check_status "$what" 0 $status
	[ $status -eq 0 ] || sed 's/^/# /' "$tmp/err"
}

printf 'contact jan "Jan"\n2026-10-01 call jan Hello\n' >j.rel
git add j.rel
git commit -q -m good 2>"$tmp/err"
check_status "a good journal is committed" 0 $?

printf 'contact jan "Jan"\n2026-02-30 call jan Hello\n' >j.rel
git add j.rel
git commit -q -m bad 2>"$tmp/err"
[ $? -ne 0 ]
ok $? "a journal with an error is refused"
grep -q 'j.rel:2:1: error: bad date' "$tmp/err"
ok $? "with the error"

printf 'contact jan   Jan\n2026-10-02   call jan Again\n' >j.rel
git add j.rel
git commit -q -m messy 2>"$tmp/err"
[ $? -ne 0 ]
ok $? "a journal not in canonical form is refused"
grep -q 'rel-fmt -i j.rel' "$tmp/err"
ok $? "with the command that fixes it"
rel-fmt -i j.rel && git add j.rel && git commit -q -m fixed 2>"$tmp/err"
check_status "after rel-fmt -i it is committed" 0 $?

# ---- The bundled example: agency.rel includes team/*.rel.

repo "$tmp/example"
cp "$top/examples/agency.rel" .
mkdir team && cp "$top"/examples/team/*.rel team/
git add .
committed "the bundled example is committed" -m example

printf '2026-11-23 call kwame "Phase 2 review"\n' >>team/lena.rel
git add team/lena.rel
committed "a change to an included file alone is committed" -m lena

# ---- A journal in a file a month, the months in a directory with a
# blank in its name; a ref opened in October is kept in November.

repo "$tmp/months"
printf '%s\n' 'include people.rel' 'include "by month/*.rel"' >journal.rel
printf 'contact jan "Jan"\n' >people.rel
mkdir "by month"
printf '2026-10-03 promise jan "Send the quote" id:quote due:2026-10-10\n' \
    >"by month/2026-10.rel"
git add .
committed "a journal in many files is committed" -m october

printf '2026-11-02 kept quote\n2026-11-04 call jan Thanks\n' \
    >"by month/2026-11.rel"
git add "by month/2026-11.rel"
committed "staging only the later month commits" -m november

printf '2026-11-06 kept quote\n' >>"by month/2026-11.rel"
git add "by month/2026-11.rel" && git commit -q -m again 2>"$tmp/err"
[ $? -ne 0 ] &&
    grep -q '^by month/2026-11.rel:3:17: error: promise quote was already kept' \
    "$tmp/err" && grep -q 'the journal journal.rel has errors' "$tmp/err"
ok $? "an error in a staged month is refused, as FILE:LINE:COL in its journal"
git reset -q --hard

git rm -q "by month/2026-10.rel" && git commit -q -m forget 2>"$tmp/err"
[ $? -ne 0 ] && grep -q '^by month/2026-11.rel:1:17: error: no promise' "$tmp/err"
ok $? "deleting the month that opens a ref a later month keeps is refused"
git reset -q --hard

printf '2026-11-05  call jan Again\n' >>"by month/2026-11.rel"
git add "by month/2026-11.rel" && git commit -q -m messy 2>"$tmp/err"
[ $? -ne 0 ] && grep -q "rel-fmt -i 'by month/2026-11.rel'" "$tmp/err"
ok $? "a name with a blank is quoted in the command that fixes it"
git reset -q --hard

# An old journal, committed past the hook, reads the same months and
# opens the same ref: as a root it has errors; rel.journal leaves it out.
printf '%s\n' 'include "by month/*.rel"' \
    '2026-09-01 promise jan "Old quote" id:quote due:2026-09-10' >old.rel
git add old.rel && git commit -q --no-verify -m old
printf '2026-11-09 call jan Follow-up\n' >>"by month/2026-11.rel"
git add "by month/2026-11.rel" && git commit -q -m follow-up 2>"$tmp/err"
[ $? -ne 0 ] && grep -q 'the journal old.rel has errors' "$tmp/err" &&
    ! grep -q 'the journal journal.rel' "$tmp/err"
ok $? "every root journal that reads a staged file is checked"
git config rel.journal journal.rel
committed "git config rel.journal names the journals to check" -m follow-up

printf '2026-11-10 kept quote\n' >>"by month/2026-11.rel"
git add "by month/2026-11.rel" && git commit -q -m again 2>"$tmp/err"
[ $? -ne 0 ] && grep -q 'the journal journal.rel has errors' "$tmp/err"
ok $? "and it still refuses an error in them"
git reset -q --hard
done_testing
