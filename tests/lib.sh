# tests/lib.sh: a few TAP helpers for the tests/*.t scripts, run by prove.
# REL_BIN names the directory that holds the tools under test (make check
# sets it; by default the top of the tree).

top=$(cd "$(dirname "$0")/.." && pwd)
bin=${REL_BIN:-$top}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rel-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8
unset NO_COLOR
ntest=0
nfail=0

plan() { echo "1..$1"; }

ok() {	# ok CONDITION-STATUS DESCRIPTION
	ntest=$((ntest + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $ntest - $2"
	else
		echo "not ok $ntest - $2"
		nfail=$((nfail + 1))
	fi
}

# check_same DESCRIPTION EXPECTED-FILE ACTUAL-FILE
check_same() {
	if cmp -s "$2" "$3"; then
		ok 0 "$1"
	else
		ok 1 "$1"
		diff -u "$2" "$3" | sed 's/^/# /' | head -40
	fi
}

# check_status DESCRIPTION EXPECTED ACTUAL
check_status() {
	[ "$2" = "$3" ]
	ok $? "$1"
	[ "$2" = "$3" ] || echo "# expected status $2, got $3"
}

# expect STATUS DESCRIPTION COMMAND...: two tests, that COMMAND exits
# STATUS and that it writes on standard output what expect reads on its
# standard input; what it wrote is left in $tmp/got.
expect() {
	e_want=$1 e_what=$2
	shift 2
	cat >"$tmp/want"
	"$@" >"$tmp/got" 2>"$tmp/err"
	check_status "$e_what: exit $e_want" "$e_want" $?
	check_same "$e_what: output" "$tmp/want" "$tmp/got"
}

# skip COUNT PROGRAM: report COUNT tests skipped for want of PROGRAM.
skip() {
	i=0
	while [ "$i" -lt "$1" ]; do
		ntest=$((ntest + 1))
		echo "ok $ntest # skip $2 not installed"
		i=$((i + 1))
	done
}

# raw FILE: exit 1 if FILE holds a raw control byte, DEL, a C1 control or
# a bidi embedding, override or isolate; the colour sequences of the text
# tools and the CR that script(1) puts before each LF are allowed.
raw() {
	python3 - "$1" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
data = re.sub(rb"\x1b\[(3[0-9]|0)m", b"", data).replace(b"\r\n", b"\n")
bad = re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|"
                rb"\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]", data)
if bad:
    print("# raw byte at %d: %r" % (bad.start(),
          data[max(0, bad.start() - 20):bad.end() + 20]))
    sys.exit(1)
PY
}

# fits_80 FILE: exit 1 if a line of FILE is wider than 80 columns, counted
# as a terminal does (python's unicodedata, independent of lib/width.c).
fits_80() {
	python3 - "$1" <<'PY'
import sys, unicodedata
def width(s):
    return sum(0 if unicodedata.combining(c) else
               2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
bad = [l for l in open(sys.argv[1], encoding='utf-8').read().split('\n')
       if width(l) > 80]
for l in bad:
    print('# %d: %s' % (width(l), l))
sys.exit(1 if bad else 0)
PY
}

on_tty() {	# on_tty OUT COMMAND: COMMAND run on a terminal, its output in OUT
	script -qec "$2" /dev/null </dev/null >"$1" 2>&1
}

done_testing() {
	[ "$nfail" -eq 0 ]
}
