#!/bin/sh
# Every message the reader can print, one input per message, as mandoc's
# tests do: tests/errors/NAME.rel (or NAME.csv, the events CSV) and
# NAME.err, the exact standard error of `rel-parse --check NAME.rel` run in
# tests/errors; the status is 2.  tests/errors/strict/ holds the warnings of
# --strict, with status 0.  Files that are not cases (included ones) live
# in subdirectories.  Each case also shows what is written on standard
# output: nothing with --check, the records before the first error by
# default, every valid record with --keep-going.
. "$(dirname "$0")/lib.sh"
p="$bin/rel-parse"
cd "$top/tests/errors" || exit 1

header=file,line,date,time,kind,contact,ref,title,attrs,tags,notes

first_error_line() {	# first_error_line ERR-FILE: FILE LINE of the first error
	sed -n '1s/^\([^:]*\):\([0-9]*\):[0-9]*: error: .*/\1 \2/p' "$1"
}

# The records a journal gives before its first error: the --keep-going
# records up to the first one at or after the line of the first error
# (in the golden file) in the file that has it.
journal_before_error() {	# journal_before_error ERR-FILE KEEP-GOING-CSV
	echo "$header"
	first_error_line "$1" | {
		read -r efile eline
		awk -F, -v efile="$efile" -v eline="$eline" '
		    NR == 1 { next }
		    $1 == efile && $2 + 0 >= eline + 0 { stop = 1 }
		    !stop { print }' "$2"
	}
}

# The events CSV cases are written as rel-parse writes the CSV, each
# record on the line that its line field names, so the records expected
# are rows of the input itself: the rows before the first error by
# default; with --keep-going, every row but those in error (and, after a
# quoted field that is never closed, none).
csv_before_error() {	# csv_before_error CASE ERR-FILE
	echo "$header"
	first_error_line "$2" | {
		read -r efile eline
		awk -v eline="$eline" 'NR > 1 && NR < eline + 0' "$1"
	}
}

csv_keep_going() {	# csv_keep_going CASE ERR-FILE
	echo "$header"
	awk 'FNR == NR {
		if (split($0, f, ":") > 3 && f[4] ~ / error$/) {
			bad[f[2]] = 1
			if ($0 ~ /never closed$/ && (cut == 0 || f[2] < cut))
				cut = f[2] + 0
		}
		next
	    }
	    FNR > 1 && !bad[FNR] && (cut == 0 || FNR < cut)' "$2" "$1"
}

set -- *.rel *.csv
ncases=$#
ncsv=$(ls *.csv | wc -l)
nstrict=$(ls strict/*.rel | wc -l)
nwarn=$(ls warn/*.rel | wc -l)
plan $((4 * ncases + ncsv + 4 * nstrict + 3 * nwarn + 12))

for f
do
	"$p" --check "$f" >"$tmp/out" 2>"$tmp/err"
	st=$?
	exp=${f%.*}.err
	check_same "$f: the messages of $exp" "$exp" "$tmp/err"
	check_status "$f: --check exits 2" 2 "$st"
	[ ! -s "$tmp/out" ]
	ok $? "$f: --check writes nothing on standard output"

	"$p" "$f" >"$tmp/out" 2>/dev/null
	case $f in
	*.csv)
		csv_before_error "$f" "$exp" >"$tmp/want"
		;;
	*)
		"$p" --keep-going "$f" >"$tmp/kg" 2>/dev/null
		journal_before_error "$exp" "$tmp/kg" >"$tmp/want"
		;;
	esac
	check_same "$f: the header and the records before the first error" \
	    "$tmp/want" "$tmp/out"
	case $f in
	*.csv)
		"$p" --keep-going "$f" >"$tmp/kg" 2>/dev/null
		csv_keep_going "$f" "$exp" >"$tmp/want"
		check_same "$f: --keep-going writes every row but the bad ones" \
		    "$tmp/want" "$tmp/kg"
		;;
	esac
done

# Warnings: unknown attribute keys and undeclared contacts, with --strict
# only; they do not change the exit status.
cd strict || exit 1
for f in *.rel
do
	"$p" --check --strict --today 2026-11-22 "$f" >"$tmp/out" 2>"$tmp/err"
	st=$?
	check_same "strict/$f: the warnings of strict/${f%.rel}.err" \
	    "${f%.rel}.err" "$tmp/err"
	check_status "strict/$f: warnings only: --check --strict exits 0" 0 "$st"
	[ ! -s "$tmp/out" ]
	ok $? "strict/$f: --check --strict writes nothing on standard output"
	"$p" --check --today 2026-11-22 "$f" >"$tmp/out" 2>&1
	[ $? -eq 0 ] && [ ! -s "$tmp/out" ]
	ok $? "strict/$f: without --strict, no warning and exit 0"
done
cd .. || exit 1

# Warnings given with or without --strict: they do not change the exit
# status either.
cd warn || exit 1
for f in *.rel
do
	"$p" --check --today 2026-11-22 "$f" >"$tmp/out" 2>"$tmp/err"
	st=$?
	check_same "warn/$f: the warnings of warn/${f%.rel}.err" \
	    "${f%.rel}.err" "$tmp/err"
	check_status "warn/$f: warnings only: exit 0" 0 "$st"
	"$p" --check --strict --today 2026-11-22 "$f" >"$tmp/out" 2>&1
	grep -q "warning: this indented line reads as an entry" "$tmp/out"
	ok $? "warn/$f: and with --strict too"
done
cd .. || exit 1

# --keep-going: still exit 2, but the records after the bad line are
# written too (and the bad one is not).
"$p" --keep-going bad-date.rel >"$tmp/kg" 2>/dev/null
check_status "bad-date.rel: --keep-going still exits 2" 2 $?
grep -qx 'bad-date.rel,7,2026-10-03,,email,jan,,Sent the agenda,,,' "$tmp/kg"
ok $? "bad-date.rel: --keep-going writes the record after the bad line"
! grep -q '^bad-date.rel,6,' "$tmp/kg"
ok $? "bad-date.rel: --keep-going writes nothing for the bad line"

# A bad contact in a later row of an entry (one journal entry about
# several contacts) puts the whole entry in error, as in the journal.
cd more || exit 1
"$p" --keep-going csv-bad-second-contact.csv >"$tmp/kg" 2>"$tmp/err"
check_status "csv-bad-second-contact.csv: exits 2" 2 $?
grep -qx "csv-bad-second-contact.csv:4:1: error: contact 'bob,eva' is not \
an id: ids are letters, digits, '.', '_' and '-', starting with a letter or \
digit (the row of j.rel:3)" "$tmp/err"
ok $? "csv-bad-second-contact.csv: the later row's contact is named"
printf '%s\n' "$header" 'j.rel,2,2026-10-01,,call,jan,,Kick-off,,,' \
    'j.rel,4,2026-10-03,,email,jan,,Sent the agenda,,,' >"$tmp/want"
check_same "csv-bad-second-contact.csv: --keep-going leaves out every row \
of that entry" "$tmp/want" "$tmp/kg"

# Two cases the line-per-row model above does not fit: an entry whose
# later row differs in more than its contact is in error as a whole; a
# bad note line puts its row, which takes two lines, in error.
for f in csv-continued-differs csv-control-notes; do
	"$p" --check "$f.csv" >/dev/null 2>"$tmp/err"
	check_same "more/$f.csv: the messages of more/$f.err" "$f.err" "$tmp/err"
	"$p" --keep-going "$f.csv" >"$tmp/kg" 2>/dev/null
	check_status "more/$f.csv: exit 2" 2 $?
	printf '%s\n' "$header" 'j.rel,2,2026-10-01,,call,jan,,Kick-off,,,' \
	    "$(tail -1 "$f.csv")" >"$tmp/want"
	check_same "more/$f.csv: --keep-going leaves out the entry in error" \
	    "$tmp/want" "$tmp/kg"
done
cd .. || exit 1

done_testing
