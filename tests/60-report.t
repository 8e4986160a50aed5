#!/bin/sh
# rel-report: golden reports in text, ASCII and Markdown; 80 columns with
# wide and combining characters; colour only on a terminal, never with
# NO_COLOR or --color=never; the events CSV gives the same report.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
r="$bin/rel-report"
plan 30

# Golden files: the example journal and the wide one, in each format.
for j in examples/agency.rel tests/report/wide.rel; do
	name=$(basename "$j" .rel)
	for f in text ascii md; do
		case $f in
		text) args= ;;
		ascii) args=--ascii ;;
		md) args="--format md" ;;
		esac
		# shellcheck disable=SC2086
		"$r" --today 2026-11-22 $args "$j" >"$tmp/out" 2>"$tmp/err"
		check_status "$j $f: exit 0" 0 $?
		check_same "$j $f: as expected" "tests/golden/$name.report.$f" \
		    "$tmp/out"
	done
done

# No line wider than 80 columns, counted as a terminal does (python's
# unicodedata, independent of lib/width.c).
for f in "" --ascii; do
	# shellcheck disable=SC2086
	"$r" --today 2026-11-22 $f tests/report/wide.rel >"$tmp/out"
	fits_80 "$tmp/out"
	ok $? "no line wider than 80 columns ${f:-(Unicode)}"
done

# --ascii: no block, arrow, dot or dash from outside ASCII in what the
# report draws (names keep their letters).
"$r" --today 2026-11-22 --ascii tests/report/wide.rel >"$tmp/out"
! grep -q -e '█' -e '░' -e '·' -e '→' -e '–' "$tmp/out"
ok $? "--ascii draws with ASCII only"

# Colour: never into a file or pipe; on a terminal unless NO_COLOR.
esc=$(printf '\033')
"$r" --today 2026-11-22 tests/report/wide.rel >"$tmp/out"
! grep -q "$esc" "$tmp/out"
ok $? "no escape codes off a terminal"
"$r" --today 2026-11-22 --color=always tests/report/wide.rel >"$tmp/out"
grep -q "$esc\[3[123]m" "$tmp/out"
ok $? "--color=always colours the health"
"$r" --today 2026-11-22 --color=always --format md tests/report/wide.rel >"$tmp/out"
! grep -q "$esc" "$tmp/out"
ok $? "Markdown is never coloured"
tty_run() {	# tty_run COMMAND: runs it on a pseudo-terminal
	script -qec "$1" /dev/null </dev/null
}
tty_run "env -u NO_COLOR $r --today 2026-11-22 tests/report/wide.rel" >"$tmp/out"
grep -q "$esc\[3[123]m" "$tmp/out"
ok $? "on a terminal, colour"
tty_run "NO_COLOR=1 $r --today 2026-11-22 tests/report/wide.rel" >"$tmp/out"
! grep -q "$esc\[3[123]m" "$tmp/out"
ok $? "on a terminal with NO_COLOR, none"
tty_run "env -u NO_COLOR $r --today 2026-11-22 --color=never tests/report/wide.rel" >"$tmp/out"
! grep -q "$esc\[3[123]m" "$tmp/out"
ok $? "on a terminal with --color=never, none"

# The events CSV gives the same report, byte for byte.
"$bin/rel-parse" tests/report/wide.rel >"$tmp/wide.csv"
"$r" --today 2026-11-22 tests/report/wide.rel >"$tmp/a"
"$r" --today 2026-11-22 "$tmp/wide.csv" | sed "s|$tmp/wide.csv|tests/report/wide.rel|" >"$tmp/b"
check_same "the events CSV gives the same report" "$tmp/a" "$tmp/b"

# An issue fixed but never told is counted as not told, as Overdue lists
# it; Recent is the latest five by date whatever the order of the input.
printf 'contact jan "Jan"\n  cadence: 7d\n2026-11-01 issue jan Outage id:o1\n2026-11-02 resolved o1\n2026-11-20 call jan Late in the file\n2026-07-01 call jan Early but read last\n' >"$tmp/u.rel"
(cd "$tmp" && "$r" --today 2026-11-22 u.rel) >"$tmp/out"
grep -q '^  Issues    0 open, 1 not told$' "$tmp/out" &&
    grep -q ' issue  *jan  u.rel:3  \[o1\] not told: Outage$' "$tmp/out"
ok $? "summary and overdue agree on an issue resolved but not told"
grep -A1 '^  Recent' "$tmp/out" | sed 's/  */ /g' >"$tmp/recent"
printf ' Recent 2026-11-20 call Late in the file\n 2026-07-01 call Early but read last\n' >"$tmp/want"
check_same "Recent is newest first whatever the order read" "$tmp/want" "$tmp/recent"

# More than five: the five latest stay, in date order, when the newest come
# in order, one out of order falls among them, and one older than all five
# comes last.
{
	echo 'contact kim "Kim"'
	for d in 03 05 07 09 11 13 15; do
		echo "2026-10-$d call kim On the $d"
	done
	echo '2026-10-12 email kim Out of order'
	echo '2026-10-01 email kim Older than all'
} >"$tmp/k.rel"
"$r" --today 2026-11-22 "$tmp/k.rel" >"$tmp/out"
grep -A4 '^  Recent' "$tmp/out" | sed 's/  */ /g' >"$tmp/recent"
printf '%s\n' ' Recent 2026-10-15 call On the 15' ' 2026-10-13 call On the 13' \
    ' 2026-10-12 email Out of order' ' 2026-10-11 call On the 11' \
    ' 2026-10-09 call On the 09' >"$tmp/want"
check_same "Recent keeps the latest five of more, whatever the order" \
    "$tmp/want" "$tmp/recent"

# --contact: one contact's section and items; an unknown one is an error.
"$r" --today 2026-11-22 --contact zoe tests/report/wide.rel >"$tmp/out"
grep -q '^Zoë Ångström' "$tmp/out" && ! grep -q '^田中' "$tmp/out" &&
    ! grep -q ' tanaka ' "$tmp/out"
ok $? "--contact reports on that contact only"
"$r" --today 2026-11-22 --contact nobody tests/report/wide.rel >"$tmp/out" 2>"$tmp/err"
check_status "--contact of an unknown contact exits 2" 2 $?
# The excerpts of rel-report(1) are the report as it is.
awk '/^\$ rel-report --ascii --today 2026-11-22 examples\/agency.rel$/ { on = 1; next }
    /^and, further on/ { on = 2; next }
    on && /^\.Ed/ { if (on == 2) exit; on = 0; next }
    on && !/^\./ { print }' man/rel-report.1 >"$tmp/excerpt"
missing=$(while IFS= read -r line; do
	grep -qxF -- "$line" tests/golden/agency.report.ascii || echo "$line"
done <"$tmp/excerpt")
[ -s "$tmp/excerpt" ] && [ -z "$missing" ]
ok $? "every line of the examples of rel-report(1) is in the report"
[ -z "$missing" ] || echo "$missing" | sed 's/^/# missing: /'

# --format: md, or markdown as rel-report(1) allows; another word is a
# usage error that names the formats.
"$r" --today 2026-11-22 --format md examples/agency.rel >"$tmp/md"
"$r" --today 2026-11-22 --format markdown examples/agency.rel |
    cmp -s - "$tmp/md" && grep -q '^# ' "$tmp/md"
ok $? "--format markdown: the same Markdown as --format md"
"$r" --today 2026-11-22 --format html examples/agency.rel >"$tmp/out" 2>"$tmp/err"
[ $? = 2 ] && [ ! -s "$tmp/out" ] &&
    grep -q "^rel-report: --format takes text or md, not 'html'$" "$tmp/err"
ok $? "--format html: a usage error that names text and md"
done_testing
