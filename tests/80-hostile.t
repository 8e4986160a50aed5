#!/bin/sh
# Hostile input and output: a full disk, cells a spreadsheet would run,
# binary files, huge lines, deep includes, unreadable files, many ids.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
plan 25
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
"$bin/rel-overdue" --today 2026-11-22 --safe-csv "$tmp/o.rel" | grep -q ",x,\"'=cmd|calc\","
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

# A closed pipe with SIGPIPE blocked: exit 2 and no message, never 0 on
# output that was cut short (with SIGPIPE at its default, the signal ends
# the tool, as it does cat).
awk 'BEGIN { for (i = 0; i < 5000; i++)
	print "contact c" i "\n2026-10-01 call c" i " A long journal" }' >"$tmp/long.rel"
for t in rel-parse rel-report; do
	python3 - "$bin/$t" "$tmp/long.rel" <<'PY' >"$tmp/pipe.out" 2>&1
import signal, subprocess, sys
def block():
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPIPE})
p = subprocess.Popen([sys.argv[1], "--today", "2026-11-22", sys.argv[2]],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                     preexec_fn=block)
p.stdout.read(10)
p.stdout.close()
err = p.stderr.read()
print("status", p.wait(), "stderr", len(err))
PY
	grep -qx 'status 2 stderr 0' "$tmp/pipe.out"
	ok $? "$t with SIGPIPE blocked, reader gone: exit 2, no message ($(cat "$tmp/pipe.out"))"
done

# The error of the write that failed, not of a call before it.
"$bin/rel-parse" "$tmp/no-such.rel" "$tmp/many.rel" >/dev/full 2>"$tmp/err"
[ $? = 2 ] && grep -q 'no-such.rel: No such file or directory' "$tmp/err" &&
    grep -q '<stdout>: write error: No space left on device' "$tmp/err"
ok $? "a missing file, then a full disk: each named with its own error"

# Warnings are capped as errors are: 200,000 indented entries give 50
# warnings and a note, not 200,000.
awk 'BEGIN { print "contact jan"; for (i = 0; i < 200000; i++)
	print " 2026-10-01 call jan Indented by mistake" }' >"$tmp/warn.rel"
"$bin/rel-parse" --check "$tmp/warn.rel" 2>"$tmp/err"
[ $? = 0 ] && [ "$(grep -c ': warning: ' "$tmp/err")" = 50 ] &&
    tail -1 "$tmp/err" | grep -qx 'rel-parse: too many warnings (50); no more are shown'
ok $? "200,000 warnings: 50 shown, then a note"

# Dates past 9999-12-31: computed ones are printed whole, never cut or
# wrapped to year 0000; a period over 1000 years is an error.
printf 'contact jan
  cadence: 1000y
  since: 9999-12-01
' >"$tmp/far.rel"
"$bin/rel-overdue" --today 9999-12-30 --within 1000y --kind contact --csv \
    "$tmp/far.rel" | grep -q ',+10999-12-01,jan,'
ok $? "a due date past 9999 is written +10999-12-01"
"$bin/rel-report" --today 9999-12-30 "$tmp/far.rel" | grep -q ' +10999-12-01 '
ok $? "and shown whole in the report's table"
printf 'contact jan
  cadence: 1001y
' >"$tmp/far.rel"
"$bin/rel-parse" --check "$tmp/far.rel" 2>"$tmp/err"
[ $? = 2 ] && grep -q 'cadence:1001y is not a period: a period is at most 1000 years' "$tmp/err"
ok $? "a cadence of 1001 years is an error"

# 200,000 attributes on a line, and 200,000 indented ones in a block, are
# read whole (make bench times them: tests/bench/README).
awk 'BEGIN { n = 200000; printf "option keys k0"
	for (i = 1; i < n; i++) printf ",k%d", i; print ""
	print "contact jan"; printf "2026-10-01 note jan Many"
	for (i = 0; i < n; i++) printf " k%d:v%d", i, i; print ""
	print "contact eva"; for (i = 0; i < n; i++) printf "  k%d: v\n", i }' >"$tmp/attrs.rel"
"$bin/rel-parse" "$tmp/attrs.rel" | python3 -c '
import csv, sys
csv.field_size_limit(1 << 30)
rows = list(csv.DictReader(sys.stdin))
print(" ".join(str(len(r["attrs"].split())) for r in rows))' >"$tmp/n"
[ "$(cat "$tmp/n")" = "1 0 200000 200000" ]
ok $? "200,000 attributes on a line and in a block: all of them ($(cat "$tmp/n"))"
printf 'contact jan
2026-10-01 note jan Twice k:1 due:x
  due: 2026-10-02
' >"$tmp/twice.rel"
awk 'BEGIN { printf "option keys a0"; for (i = 1; i < 100; i++) printf ",a%d", i
	print ""; print "contact jan"; printf "2026-10-01 note jan Many"
	for (i = 0; i < 100; i++) printf " a%d:v", i; print " a57:again" }' >"$tmp/twice.rel"
"$bin/rel-parse" --check "$tmp/twice.rel" 2>"$tmp/err"
[ $? = 2 ] && grep -q 'error: a57: given twice; keep one value' "$tmp/err"
ok $? "and a key given twice among 100 is still found"

# 100,000 contacts and as many refs: no trouble.
awk 'BEGIN { for (i = 0; i < 100000; i++) {
	printf "contact c%d\n2026-10-01 promise c%d Send id:p%d due:2026-10-05\n", i, i, i } }' \
    >"$tmp/many.rel"
"$bin/rel-overdue" --today 2026-11-22 --kind promise --csv "$tmp/many.rel" |
    tail -n +2 | wc -l >"$tmp/n"
[ "$(tr -d ' ' <"$tmp/n")" = 100000 ]
ok $? "100,000 contacts and refs"
done_testing
