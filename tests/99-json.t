#!/bin/sh
# --format json (JSON Lines) of rel-parse, rel-score, rel-overdue and
# rel-log: every line an object that python's json module (and jq, where
# installed) reads; the fields of the CSV, typed: numbers as numbers, null
# where the CSV is empty, attributes an object, tags and notes arrays;
# hostile strings the same, byte for byte, as in the CSV.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
T="--today 2026-11-22"
plan 23

# A journal typed in a hurry: quotes and backslashes, a line separator
# (U+2028), a tab, C1 controls and a bidi override in a note, emoji, an
# owner with a comma, URLs, +1 and ;) as text.
{
	printf 'option keys mood,ticket\n'
	printf 'contact jan "Jan \\"The Man\\" Novák"\n'
	printf '  owner: Ørsted, Inc.\n  cadence: 7d\n'
	printf '2026-10-01 14:05 call jan "He said \\"hi\\" \\\\o/ \342\200\250 sep" '
	printf 'mood:"very \\"good\\"" +follow-up\n'
	printf '  a\ttab, \302\205 NEL, \302\233 CSI, \342\200\256 RLO, 👍\n'
	printf '  second note; with ;) and +1\n'
	printf '2026-10-03 promise jan "Quote: 5%% off, \\\\ back" id:q1 '
	printf 'due:2026-10-05 ticket:https://x.example/?a=1&b=2\n'
	printf '2026-10-04 feedback jan score:8 "Great, but: late"\n'
} >"$tmp/h.rel"

# valid TOOL-OUTPUT: each line a JSON object.
valid() {
	python3 -c '
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    assert isinstance(json.loads(line), dict)
    n += 1
sys.exit(0 if n else 1)' "$1"
}

for cmd in "rel-parse examples/agency.rel" "rel-parse $tmp/h.rel" \
    "rel-score $T examples/agency.rel" "rel-score $T --by org --all examples/agency.rel" \
    "rel-overdue $T --within 30d examples/agency.rel" \
    "rel-log $T tests/log/clients.rel" "rel-log $T $tmp/h.rel"; do
	# shellcheck disable=SC2086
	"$bin"/$cmd --format json >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ $st = 0 ] && valid "$tmp/out"
	ok $? "${cmd%% *} ${cmd#* }: exit 0, each line a JSON object (exit $st)"
done

# same CSV JSON: the JSON holds the fields of the CSV, in its order: a
# number where the CSV has one, null where it is empty, a list for what
# the CSV joins; ids joined by commas.  Prints what differs.
same() {
	python3 - "$1" "$2" <<'PY'
import csv, json, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
objs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
bad = 0
if len(rows) - 1 != len(objs):
    print("# %d rows, %d objects" % (len(rows) - 1, len(objs)))
    sys.exit(1)
for row, obj in zip(rows[1:], objs):
    if list(obj) != rows[0]:
        print("# keys %r" % list(obj))
        sys.exit(1)
    for key, cell in zip(rows[0], row):
        v = obj[key]
        if isinstance(v, list):
            good = ",".join(v) == cell
        elif isinstance(v, bool) or v is None:
            good = v is None and cell == ""
        elif isinstance(v, (int, float)):
            good = cell != "" and float(cell) == v
        else:
            good = cell != "" and v == cell
        if not good:
            print("# %s: CSV %r, JSON %r" % (key, cell, v))
            bad = 1
sys.exit(bad)
PY
}

"$bin/rel-score" $T examples/agency.rel >"$tmp/csv"
"$bin/rel-score" $T --format json examples/agency.rel >"$tmp/json"
same "$tmp/csv" "$tmp/json"
ok $? "rel-score: the columns of the CSV, in order, typed"
"$bin/rel-score" $T --by org --all examples/agency.rel >"$tmp/csv"
"$bin/rel-score" $T --by org --all --format json examples/agency.rel >"$tmp/json"
same "$tmp/csv" "$tmp/json"
ok $? "rel-score --by org: the same"
printf 'contact solo "No owner"\n  since: 2026-01-01\n' >"$tmp/solo.rel"
"$bin/rel-overdue" $T --within 30d --them --csv examples/agency.rel \
    "$tmp/solo.rel" >"$tmp/csv"
"$bin/rel-overdue" $T --within 30d --them --format json examples/agency.rel \
    "$tmp/solo.rel" >"$tmp/json"
same "$tmp/csv" "$tmp/json"
ok $? "rel-overdue: the columns of the CSV, in order, typed"
python3 -c '
import json, sys
types = {}
for l in open(sys.argv[1]):
    for k, v in json.loads(l).items():
        types.setdefault(k, set()).add(type(v).__name__)
print(" ".join("%s:%s" % (k, "|".join(sorted(t))) for k, t in types.items()))
' "$tmp/json" >"$tmp/got"
echo "kind:str status:str days_late:int due:str contact:str owner:NoneType|str ref:NoneType|str what:str file:str line:int contacts:list urgency:float late_from:str" >"$tmp/want"
check_same "rel-overdue: numbers are numbers, ids a list, null where empty" \
    "$tmp/want" "$tmp/got"

# rel-parse: each record the same as its row of the CSV; attrs as an
# object (the CSV's attrs field read as rel-parse(1) says), tags and notes
# as arrays, null where empty, line a number.
cat >"$tmp/records.py" <<'PY'
import csv, json, shlex, sys
def attrs(s):
    lex = shlex.shlex(s, posix=True)
    lex.whitespace_split, lex.quotes, lex.commenters = True, '"', ""
    return dict(w.split(":", 1) for w in lex)
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
objs = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
bad = len(rows) != len(objs)
for r, o in zip(rows, objs):
    want = {
        "file": r["file"], "line": int(r["line"]),
        "date": r["date"] or None, "time": r["time"] or None,
        "kind": r["kind"], "contact": r["contact"] or None,
        "ref": r["ref"] or None, "title": r["title"] or None,
        "attrs": attrs(r["attrs"]),
        "tags": r["tags"].split(" ") if r["tags"] else [],
        "notes": r["notes"].split("\n") if r["notes"] else [],
    }
    if o != want or list(o) != list(want):
        print("# CSV  %r\n# JSON %r" % (want, o))
        bad = 1
sys.exit(bad)
PY
for j in "$tmp/h.rel" examples/agency.rel tests/log/clients.rel; do
	"$bin/rel-parse" "$j" >"$tmp/csv"
	"$bin/rel-parse" --format json "$j" >"$tmp/json"
	python3 "$tmp/records.py" "$tmp/csv" "$tmp/json"
	ok $? "rel-parse $(basename "$j"): each record as its CSV row, typed"
done

# Hostile strings come back as written: the title with quotes, a
# backslash and U+2028, the note with a tab, C1 controls, a bidi override.
"$bin/rel-parse" --format json "$tmp/h.rel" | python3 -c '
import json, sys
o = [json.loads(l) for l in sys.stdin][2]
t = "He said \"hi\" \\o/ \u2028 sep"
n = "a\ttab, \u0085 NEL, \u009b CSI, \u202e RLO, \U0001f44d"
sys.exit(0 if o["title"] == t and o["notes"][0] == n and
         o["attrs"]["mood"] == "very \"good\"" and o["time"] == "14:05" and
         o["tags"] == ["follow-up"] else 1)'
ok $? "hostile strings round-trip"
"$bin/rel-parse" --format json "$tmp/h.rel" | sed -n 3p >"$tmp/line"
grep -q '\\u2028' "$tmp/line" && grep -q 'a\\ttab' "$tmp/line" &&
    ! grep -q "$(printf '\t')" "$tmp/line"
ok $? "the escapes JSON needs: \\t, \\u2028; no raw tab"

# The same through the events CSV: rel-parse reads its own CSV back.
"$bin/rel-parse" "$tmp/h.rel" >"$tmp/h.csv"
"$bin/rel-parse" --format json "$tmp/h.rel" >"$tmp/a"
"$bin/rel-parse" --format json "$tmp/h.csv" | sed "s|$tmp/h.csv|$tmp/h.rel|" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b"
ok $? "the journal and its CSV give the same JSON"

# Nothing due: no output, exit 1, as the text.
"$bin/rel-overdue" --today 2026-10-02 --format json "$tmp/h.rel" >"$tmp/out"
st=$?
[ $st = 1 ] && [ ! -s "$tmp/out" ]
ok $? "rel-overdue --format json, nothing due: exit 1, no output (exit $st)"

# --safe-csv writes CSV: with JSON it is a usage error.
bad=0
for t in rel-parse rel-score rel-overdue rel-log; do
	"$bin/$t" $T --safe-csv --format json "$tmp/h.rel" >"$tmp/out" 2>"$tmp/err"
	st=$?
	[ $st = 2 ] && [ ! -s "$tmp/out" ] &&
	    grep -q "^$t: --safe-csv writes CSV: it does not go with --format json" "$tmp/err" ||
	    { bad=1; echo "# $t: exit $st"; }
done
ok $bad "--safe-csv --format json: a usage error, for each tool"

# A full disk is an error.
"$bin/rel-parse" --format json examples/agency.rel >/dev/full 2>"$tmp/err"
[ $? = 2 ] && grep -q 'write error: No space left on device' "$tmp/err"
ok $? "rel-parse --format json to a full disk: exit 2 and a message"

# jq, where it is installed, reads every line too and finds the fields.
if command -v jq >/dev/null; then
	"$bin/rel-parse" --format json examples/agency.rel | jq -e . >/dev/null &&
	    "$bin/rel-log" $T --format json tests/log/clients.rel | jq -e . >/dev/null
	ok $? "jq reads rel-parse's and rel-log's JSON"
	"$bin/rel-overdue" $T --format json --kind promise --within 30d \
	    examples/agency.rel | jq -r '"\(.ref) \(.days_late + 0)"' >"$tmp/got"
	"$bin/rel-overdue" $T --csv --kind promise --within 30d examples/agency.rel |
	    tail -n +2 | cut -d, -f7,3 | awk -F, '{ print $2, $1 }' >"$tmp/want"
	check_same "jq: rel-overdue's ref and days_late, as the CSV" "$tmp/want" "$tmp/got"
	"$bin/rel-score" $T --format json examples/agency.rel |
	    jq -e 'select(.health != null) | .health | numbers' >/dev/null
	ok $? "jq: rel-score's health is a number"
else
	skip 3 jq
fi
done_testing
