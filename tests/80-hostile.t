#!/bin/sh
# Hostile input and output: a full disk, cells a spreadsheet would run,
# binary files, huge lines, deep includes, unreadable files, many ids.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
plan 16
j=tests/overdue/team.rel

# A full disk is an error, never a silent truncation.
for cmd in "rel-parse $j" "rel-score --today 2026-11-22 $j" \
    "rel-overdue --today 2026-11-22 $j" "rel-report --today 2026-11-22 $j"; do
	# shellcheck disable=SC2086
	"$bin"/$cmd >/dev/full 2>"$tmp/err"
	st=$?
	[ $st = 2 ] && grep -q 'write error: No space left on device' "$tmp/err"
	ok $? "${cmd%% *} to a full disk: exit 2 and a message (exit $st)"
done

# --safe-csv: formula cells start with an apostrophe; numbers stay numbers.
printf 'contact jan\n2026-10-01 note jan "=HYPERLINK(1)" +t\n  @SUM(A1)\n  -1\n2026-10-02 note jan "-2"\n' >"$tmp/f.rel"
"$bin/rel-parse" --safe-csv "$tmp/f.rel" >"$tmp/out"
grep -q "^$tmp/f.rel,2,2026-10-01,,note,jan,,\"'=HYPERLINK(1)\",,t,\"'@SUM(A1)$" "$tmp/out"
ok $? "--safe-csv: = and @ cells are made text"
grep -q ',note,jan,,-2,' "$tmp/out"
ok $? "--safe-csv: a number is left alone"
"$bin/rel-parse" "$tmp/f.rel" | grep -q ',"=HYPERLINK(1)",\|,=HYPERLINK(1),'
ok $? "without --safe-csv the cell is as written"
printf 'contact jan\n  cadence: 7d\n2026-10-01 promise jan "=cmd|calc" id:x due:2026-10-05\n' >"$tmp/o.rel"
"$bin/rel-overdue" --today 2026-11-22 --safe-csv "$tmp/o.rel" | grep -q ",\"'=cmd|calc \[x\]\","
ok $? "rel-overdue --safe-csv"

# A file that is not text: one error, at the first NUL, and no more.
head -c 20000 /dev/urandom | tr -d '\n' | tr '\000' '\001' >"$tmp/bin.rel"
printf '\000\n' >>"$tmp/bin.rel"
printf '2026-10-01 call jan\000x\n' >"$tmp/nul.rel"
cat /bin/sh >>"$tmp/nul.rel"
"$bin/rel-parse" --check "$tmp/nul.rel" 2>"$tmp/err"
check_status "a binary file: exit 2" 2 $?
[ "$(grep -c ': error: ' "$tmp/err")" = 1 ] && grep -q ':1:20: error: NUL byte' "$tmp/err"
ok $? "and one error, at the first NUL"

# A line longer than 16 MiB is refused with its line number.
{ echo 'contact jan'; head -c 17000000 /dev/zero | tr '\000' x; echo; } >"$tmp/long.rel"
"$bin/rel-parse" --check "$tmp/long.rel" 2>"$tmp/err"
check_status "a 17 MB line: exit 2" 2 $?
grep -q "^rel-parse: $tmp/long.rel:2: line longer than 16 MiB" "$tmp/err"
ok $? "and its line number"

# Includes nested deeper than 32 files.
i=0
while [ $i -lt 40 ]; do
	printf 'include d%d.rel\n' $((i + 1)) >"$tmp/d$i.rel"
	i=$((i + 1))
done
printf 'contact deep\n' >"$tmp/d40.rel"
"$bin/rel-parse" --check "$tmp/d0.rel" 2>"$tmp/err"
check_status "includes 40 deep: exit 2" 2 $?
grep -q 'd31.rel:1:9: error: includes nested deeper than 32 files' "$tmp/err"
ok $? "and the include that goes too deep is named"

# An unreadable file (as root, every file is readable: skipped).
printf 'contact jan\n' >"$tmp/locked.rel"
chmod 000 "$tmp/locked.rel"
if [ "$(id -u)" = 0 ]; then
	ntest=$((ntest + 1))
	echo "ok $ntest # skip root reads every file"
else
	"$bin/rel-parse" --check "$tmp/locked.rel" 2>"$tmp/err"
	[ $? = 2 ] && grep -q 'Permission denied' "$tmp/err"
	ok $? "an unreadable file: exit 2, Permission denied"
fi

# 100,000 contacts and as many refs: no trouble.
awk 'BEGIN { for (i = 0; i < 100000; i++) {
	printf "contact c%d\n2026-10-01 promise c%d Send id:p%d due:2026-10-05\n", i, i, i } }' \
    >"$tmp/many.rel"
"$bin/rel-overdue" --today 2026-11-22 --kind promise "$tmp/many.rel" | wc -l >"$tmp/n"
[ "$(tr -d ' ' <"$tmp/n")" = 100000 ]
ok $? "100,000 contacts and refs"
done_testing
