#!/bin/sh
# examples/cron/overdue-by-owner: each owner gets their own items, an owner
# with nothing due gets nothing.
. "$(dirname "$0")/lib.sh"
cd "$top/tests/overdue" || exit 1
plan 5

# rel-overdue has no --today for the script to pass: pin the date with a
# wrapper that adds it.
mkdir "$tmp/bin"
for t in rel-parse rel-overdue; do
	printf '#!/bin/sh\nexec "%s/%s" --today 2026-11-22 "$@"\n' "$bin" "$t" \
	    >"$tmp/bin/$t"
	chmod +x "$tmp/bin/$t"
done
PATH="$tmp/bin:$PATH" REL_DRY_RUN=1 REL_MAIL_paula=p@corp.example \
    "$top/examples/cron/overdue-by-owner" team.rel >"$tmp/out" 2>"$tmp/err"
check_status "exit 0" 0 $?
[ "$(grep -c '^To: ' "$tmp/out")" = 2 ]
ok $? "one mail for each owner with something due"
grep -q '^To: p@corp.example$' "$tmp/out" && grep -q '^To: omar@example.com$' "$tmp/out"
ok $? "addresses from REL_MAIL_<owner>, else owner@domain"
awk '/^To: omar/ { o = 1 } /^To: p@/ { o = 0 } o && / ola / { bad = 1 }
    END { exit bad }' "$tmp/out"
ok $? "omar does not get paula's items"
PATH="$tmp/bin:$PATH" REL_DRY_RUN=1 "$top/examples/cron/overdue-by-owner" \
    "$top/tests/parse/quoting.rel" >"$tmp/out" 2>&1
[ ! -s "$tmp/out" ]
ok $? "nobody to mail: nothing sent"
done_testing
