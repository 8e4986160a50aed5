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

done_testing() {
	[ "$nfail" -eq 0 ]
}
