#!/bin/sh
# Properties over generated journals (tests/gen.py, fixed seeds; the odd
# ones typed as a hurried person types, --messy):
# - rel-parse's CSV, read by python3's csv module, holds exactly the records
#   the generator wrote, field for field;
# - the CSV read back by rel-parse gives the same CSV;
# - a valid journal with random lines deleted still reads, or fails with
#   located errors and exit 2: never a crash, never a message without
#   FILE:LINE:COL.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
p="$bin/rel-parse"
seeds="1 2 3 4 5 6 7 8"
plan 32

for seed in $seeds; do
	messy=
	[ $((seed % 2)) = 1 ] && messy=--messy
	python3 tests/gen.py "$seed" 150 --expect "$tmp/exp" $messy >"$tmp/j.rel"
	"$p" "$tmp/j.rel" >"$tmp/a.csv" 2>"$tmp/err"
	check_status "seed $seed: the generated journal reads" 0 $?
	python3 - "$tmp/a.csv" "$tmp/exp" <<'PY'
import csv, json, sys
rows = list(csv.DictReader(open(sys.argv[1], newline='', encoding='utf-8')))
exp = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
def attrs(r):
    # the generator's values, written as the journal writes them
    out = []
    for k, v in r['attrs']:
        if v and not any(c in v for c in ' \t"\\'):
            out.append('%s:%s' % (k, v))
        else:
            out.append('%s:"%s"' % (k, v.replace('\\', '\\\\').replace('"', '\\"')))
    return ' '.join(out)
assert len(rows) == len(exp), (len(rows), len(exp))
for row, e in zip(rows, exp):
    want = {'kind': e['kind'], 'contact': e['contact'], 'ref': e['ref'],
            'title': e['title'], 'attrs': attrs(e),
            'tags': ' '.join(e['tags']), 'notes': e['notes']}
    got = {k: row[k] for k in want}
    assert got == want, (row['line'], got, want)
PY
	ok $? "seed $seed: every record, field for field, as generated"
	"$p" "$tmp/a.csv" >"$tmp/b.csv"
	check_same "seed $seed: the CSV reads back to the same CSV" \
	    "$tmp/a.csv" "$tmp/b.csv"

	# Delete lines at random, 25 times; look at every outcome.
	python3 - "$tmp/j.rel" "$seed" "$tmp/del" <<'PY'
import random, sys
lines = open(sys.argv[1], encoding='utf-8').read().split('\n')
rng = random.Random(int(sys.argv[2]))
for i in range(25):
    keep = [l for l in lines if rng.random() > 0.1]
    open('%s.%d.rel' % (sys.argv[3], i), 'w', encoding='utf-8').write('\n'.join(keep))
PY
	bad=0
	i=0
	while [ $i -lt 25 ]; do
		f="$tmp/del.$i.rel"
		"$p" --check "$f" >/dev/null 2>"$tmp/err"
		st=$?
		case $st in
		0 | 2) ;;
		*) bad=1; echo "# $f: exit $st" ;;
		esac
		if [ $st = 2 ] && grep -v -e "^$f:[0-9]*:[0-9]*: \(error\|warning\): " \
		    -e '^  ' -e '^rel-parse: too many errors' "$tmp/err" | grep -q .; then
			bad=1
			echo "# $f: a message without FILE:LINE:COL"
		fi
		if [ $st = 2 ] && ! grep -q "^$f:[0-9]*:[0-9]*: error: " "$tmp/err"; then
			bad=1
			echo "# $f: exit 2 without a located error"
		fi
		i=$((i + 1))
	done
	ok $bad "seed $seed: lines deleted: exit 0 or located errors, never a crash"
done
done_testing
