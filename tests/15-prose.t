#!/bin/sh
# Prose is prose (rel-journal(5), format 1.1): the lines people type, read
# to titles that hold every word as written, with no error and nothing
# turned into an attribute, a tag or a comment that the writer did not
# mean; rel-fmt keeps them byte for byte.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
p="$bin/rel-parse"
j=tests/parse/prose.rel
plan 19

"$p" --today 2026-11-22 "$j" >"$tmp/out.csv" 2>"$tmp/err"
check_status "$j: exit 0" 0 $?
[ ! -s "$tmp/err" ]
ok $? "$j: not a word on standard error"
check_same "$j: the CSV of tests/golden/prose.csv" tests/golden/prose.csv \
    "$tmp/out.csv"

# Each line, by an independent CSV reader: title, attributes, tags.
python3 - "$tmp/out.csv" <<'PY' >"$tmp/lines"
import csv, sys
want = {
    8: ("Sent the link https://example.com/a?b=c for review", "", ""),
    9: ("Mailed mailto:jan@example.com, then tel:+442079460000", "", ""),
    10: ("re: the quote, todo: follow up", "", ""),
    11: ("Talked about +1 for the new hire", "", ""),
    12: ("Lunch at Café Müller ;) great food", "purpose:give", ""),
    13: ("She said we're in 100%", "planned:60m", ""),
    14: ("ETA: Friday;-) a;b ETA:fri", "", ""),
    15: ("Call +44 20 7946 0000 about", "", "hiring"),
    16: ('Q: move to 10:30? A: yes, the 27" screen', "", ""),
    17: ("Send the quote due: Friday", "due:2026-11-27", ""),
}
for r in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")):
    line = int(r["line"])
    if line in want:
        got = (r["title"], r["attrs"], r["tags"])
        print("%s line %d: %s" % ("ok" if got == want[line] else "BAD", line,
              got if got != want[line] else ""))
PY
for n in 8 9 10 11 12 13 14 15 16 17; do
	grep -q "^ok line $n: " "$tmp/lines"
	ok $? "line $n: $(sed -n "${n}p" "$j" | cut -c12-60)"
done

# The same through the CSV, and through rel-fmt.
"$p" "$tmp/out.csv" >"$tmp/again.csv"
check_same "the CSV read back gives the same CSV" "$tmp/out.csv" \
    "$tmp/again.csv"
"$bin/rel-fmt" "$j" >"$tmp/fmt.rel"
check_status "rel-fmt: exit 0" 0 $?
"$p" --today 2026-11-22 "$tmp/fmt.rel" | cut -d, -f3- >"$tmp/fmt.csv"
cut -d, -f3- "$tmp/out.csv" >"$tmp/orig.csv"
check_same "rel-fmt: every column but file and line as before" \
    "$tmp/orig.csv" "$tmp/fmt.csv"
grep -qxF '2026-11-21 meeting zoe She said "we'"'"'re in" 100% planned:60m' \
    "$tmp/fmt.rel"
ok $? "rel-fmt keeps the quotes and planned:60m as written"
grep -qxF '2026-11-20 call zoe Talked about +1 for the new hire' "$tmp/fmt.rel"
ok $? "rel-fmt leaves +1 where it was"
grep -qxF '2026-11-22 call jan Q: move to 10:30? A: yes, the 27" screen  ; a comment' \
    "$tmp/fmt.rel"
ok $? "rel-fmt: only the blanks before the comment change"
done_testing
