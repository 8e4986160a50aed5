#!/bin/sh
# examples/git/pre-commit: refuses a journal that does not read or is not
# in canonical form; lets a good one through.
. "$(dirname "$0")/lib.sh"
plan 6
if ! command -v git >/dev/null; then
	for i in 1 2 3 4 5 6; do echo "ok $i # skip git not installed"; done
	exit 0
fi
repo="$tmp/repo"
git init -q "$repo" && cd "$repo" || exit 1
git config user.email t@example.com
git config user.name test
cp "$top/examples/git/pre-commit" .git/hooks/pre-commit
export PATH="$bin:$PATH"

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
done_testing
