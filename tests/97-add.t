#!/bin/sh
# rel-add: each date form against --today; the entry in rel-fmt's form,
# its id made from its title; each refusal with the journal byte for
# byte as it was; where the entry goes (-f, $REL_JOURNAL, a team's file,
# a file without a final line end, a CRLF file); 20 at once; a full disk
# and a failed fsync; the examples of rel-add(1).
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
plan 91

today=2026-11-04	# a Wednesday
j=$tmp/j.rel
cat >"$tmp/base.rel" <<'EOF'
; clients
option keys region

contact acme "Acme Corp"
  kind: org

contact jan "Jan Novak"
  org: acme

contact widgets "Widgets Ltd"

2026-10-03 promise jan "Send revised quote" id:quote-v2 due:2026-10-10
2026-10-09 kept quote-v2
2026-10-20 promise jan Draft the plan id:plan due:2026-11-20
2026-10-25 request jan Access for a new analyst id:req-17
EOF
cp "$tmp/base.rel" "$j"

add() {		# add ARGS...: rel-add on $j, as of $today
	"$bin/rel-add" -f "$j" --today $today "$@"
}

# said DESCRIPTION EXPECTED-FIRST-LINE ARGS...: rel-add --dry-run prints
# the line expected.
said() {
	s_what=$1 s_want=$2
	shift 2
	s_got=$(add -n "$@" 2>&1 | head -1)
	[ "$s_got" = "$s_want" ]
	ok $? "$s_what"
	[ "$s_got" = "$s_want" ] || printf '# want: %s\n#  got: %s\n' \
	    "$s_want" "$s_got"
}

# refused DESCRIPTION MESSAGE ARGS...: rel-add exits 2, says MESSAGE,
# prints nothing on standard output and leaves the journal as it was.
refused() {
	r_what=$1 r_msg=$2
	shift 2
	cp "$j" "$tmp/before"
	add "$@" >"$tmp/out" 2>"$tmp/err"
	r_st=$?
	[ $r_st = 2 ] && grep -qF -- "$r_msg" "$tmp/err" && [ ! -s "$tmp/out" ] &&
	    cmp -s "$tmp/before" "$j"
	ok $? "refused, the journal as it was: $r_what"
	if ! grep -qF -- "$r_msg" "$tmp/err"; then
		echo "# status $r_st, wanted: $r_msg"
		sed 's/^/# /' "$tmp/err"
	fi
}

# ---- dates as people say them, relative to --today

said "no --date: today" "2026-11-04 call jan Lunch" call jan Lunch
said "--date today" "2026-11-04 call jan Lunch" --date today call jan Lunch
said "--date yesterday" "2026-11-03 call jan Lunch" --date yesterday call jan Lunch
said "--date -3d" "2026-11-01 call jan Lunch" --date -3d call jan Lunch
said "--date -1mo" "2026-10-04 call jan Lunch" --date -1mo call jan Lunch
said "--date +2w: a date ahead is taken too" "2026-11-18 call jan Lunch" \
    --date +2w call jan Lunch
said "--date mon: the Monday just past" "2026-11-02 call jan Lunch" \
    --date mon call jan Lunch
said "--date Friday: the latest Friday" "2026-10-30 call jan Lunch" \
    --date Friday call jan Lunch
said "--date wed on a Wednesday: today counts" "2026-11-04 call jan Lunch" \
    --date wed call jan Lunch
said "--date YYYY-MM-DD" "2026-10-01 call jan Lunch" --date 2026-10-01 \
    call jan Lunch
said "--time" "2026-11-04 09:30 call jan Lunch" --time 09:30 call jan Lunch
said "due:fri: the Friday to come" \
    "2026-11-04 promise jan Quote id:quote due:2026-11-06" \
    promise jan Quote due:fri
said "due:wed on a Wednesday: today" \
    "2026-11-04 promise jan Quote id:quote due:2026-11-04" \
    promise jan Quote due:wed
said "due:+7d" \
    "2026-11-04 moved plan due:2026-11-11" moved plan due:+7d
said "due:tomorrow" "2026-11-04 moved plan due:2026-11-05" \
    moved plan due:tomorrow
said "learned:mon: the Monday just past" \
    "2026-11-04 issue acme Export failed id:export-failed learned:2026-11-02" \
    issue acme Export failed learned:mon
said "an ISO due date stays" \
    "2026-11-04 moved plan due:2026-12-01" moved plan due:2026-12-01

# ---- the entry in canonical form, and its id

said "words in rel-fmt's order: title, attributes, tags" \
    "2026-11-04 call jan Went over the plan purpose:give region:north +q4" \
    call jan +q4 Went over purpose:give the plan region:north
said "an argument with blanks: quoted; an attribute's value: quoted" \
    '2026-11-04 issue acme "Export failed" id:export-failed severity:"very high"' \
    issue acme "Export failed" "severity:very high"
said "prose stays prose: re:, +1, a URL" \
    "2026-11-04 email jan re: the +1 from https://example.com/x" \
    email jan re: the +1 from https://example.com/x
said "a status: its state, then the reason" \
    "2026-11-04 status widgets ended Values did not match" \
    status widgets ended Values did not match
said "id from the title: lower-case ASCII, other characters dropped" \
    "2026-11-04 promise jan Café & croissants (x2) id:caf-croissants-x2 due:2026-11-06" \
    promise jan Café "&" croissants "(x2)" due:fri
said "id: about 24 characters at most, whole words" \
    "2026-11-04 request jan Please send the signed contract back id:please-send-the-signed" \
    request jan Please send the signed contract back
said "id: the kind's name when the title gives nothing" \
    "2026-11-04 promise jan id:promise due:2026-11-06" promise jan due:fri
said "id: unique against the ids of the journal (contacts too)" \
    "2026-11-04 request jan Jan id:jan-2" request jan Jan
said "id: unique against refs done with" \
    "2026-11-04 promise jan Quote v2 id:quote-v2-2 due:2026-11-06" \
    promise jan Quote v2 due:fri
said "an id given is kept" \
    "2026-11-04 promise jan Quote id:q7 due:2026-11-06" \
    promise jan Quote id:q7 due:fri
add -n promise jan Quote due:fri >"$tmp/out" 2>&1
[ "$(sed -n 2p "$tmp/out")" = "id: quote" ]
ok $? "the id is printed on a line of its own"

cp "$j" "$tmp/before"
add -n call jan Lunch >/dev/null
cmp -s "$tmp/before" "$j"
ok $? "--dry-run writes nothing"

add promise jan Send the deck due:fri >"$tmp/out" 2>&1
[ $? = 0 ] && [ "$(tail -1 "$j")" = "$(head -1 "$tmp/out")" ] &&
    [ "$(tail -1 "$j")" = "2026-11-04 promise jan Send the deck id:send-the-deck due:2026-11-06" ]
ok $? "added: the line printed is the line at the end of the journal"
add kept send-the-deck >/dev/null && tail -1 "$j" | grep -qx '2026-11-04 kept send-the-deck'
ok $? "the id printed follows it up"
add promise jan Send the deck due:+2w >/dev/null &&
    tail -1 "$j" | grep -q 'id:send-the-deck-2 '
ok $? "the same title again: -2"
"$bin/rel-fmt" --check "$j" >/dev/null && "$bin/rel-parse" --check "$j"
ok $? "the journal stays valid and in rel-fmt's form"

# The entries of generated journals full of prose, typed as words to
# rel-add: each line written as rel-fmt writes it.
python3 tests/gen.py 7 300 --messy >"$tmp/gen.rel"
sed '/^20/,$d' "$tmp/gen.rel" | "$bin/rel-fmt" >"$tmp/g.rel"
python3 - "$bin/rel-add" "$tmp/g.rel" "$tmp/gen.rel" >"$tmp/n" <<'PY'
import re, subprocess, sys
add, journal, source = sys.argv[1:]
n = 0
for line in open(source, encoding="utf-8"):
    m = re.match(r"(\S+)\s+(?:(\d\d:\d\d)\s+)?(\S+)\s+(\S+)(.*)", line)
    if not m or re.search(r"\sid:", line) or m.group(3) in (
            "kept", "broken", "moved", "told", "resolved", "answered"):
        continue
    argv = [add, "-f", journal, "--today", "2026-11-04", "--date",
            m.group(1)] + (["--time", m.group(2)] if m.group(2) else [])
    argv += [m.group(3), m.group(4)] + m.group(5).split()
    n += subprocess.run(argv, stdout=subprocess.DEVNULL,
                        stderr=subprocess.DEVNULL).returncode == 0
print(n)
PY
[ "$(cat "$tmp/n")" -gt 100 ]
ok $? "generated prose: $(cat "$tmp/n") entries added"
"$bin/rel-fmt" "$tmp/g.rel" >"$tmp/g.fmt"
check_same "generated prose: every line as rel-fmt writes it" "$tmp/g.fmt" \
    "$tmp/g.rel"

# ---- refusals: the reader's own messages, the journal untouched

cp "$tmp/base.rel" "$j"

refused "an unknown kind, with a did you mean" \
    "j.rel:16:12: error: unknown kind 'cal'; did you mean 'call'?" \
    cal jan Lunch
refused "an undeclared contact, with a did you mean" \
    "j.rel:16:17: error: no contact has id jna; did you mean jan?" \
    call jna Lunch
refused "a contact that differs only by case" \
    "no contact has id JAN; did you mean jan? (ids are case-sensitive)" \
    call JAN Lunch
refused "a contact declared nowhere" \
    "no contact has id zed: declare it first" call zed Lunch
refused "one contact of several" "j.rel:16:21: error: no contact has id bbo" \
    call jan,bbo Lunch
refused "a to: that names no contact" "no contact has id widgtes; did you mean widgets?" \
    referral acme to:widgtes by:them
refused "a ref that is not open, with a did you mean" \
    "no promise, issue or request has id pln; did you mean plan?" kept pln
refused "a ref done with" "promise quote-v2 was already kept at" kept quote-v2
refused "the wrong follow-up" "req-17 is the request at" kept req-17
refused "a follow-up dated before its ref" "before the promise it follows" \
    --date 2026-10-01 kept plan
refused "a promise without a due date" "promise needs a due date" \
    promise jan Quote
refused "a due date that is not one" "due:someday is not a date" \
    promise jan Quote due:someday
refused "an id in use" "id plan is already used by the promise at" \
    promise jan Quote id:plan due:fri
refused "a value out of range" "score:11 is out of range" \
    feedback jan score:11
refused "a status without a state" "status needs a state" \
    status widgets Values did not match
refused "a control character, shown safely" 'call jan \x1b[31mred' \
    call jan "$(printf '\033[31mred')"
grep -q "$(printf '\033')" "$tmp/err"
[ $? = 1 ]
ok $? "the control character is not written to the terminal raw"
refused "a bad --date" "--date someday: write a date as" \
    --date someday call jan Lunch
refused "a bad --time" "--time 9:30: write times as HH:MM" \
    --time 9:30 call jan Lunch
refused "a SUBJECT of two words" "SUBJECT is one word" call "jan bob" Lunch
refused "no SUBJECT" "give the KIND and the SUBJECT" call

printf '2026-10-01 call jan Fine\n2026-10-02 cal jan Typo\n' >>"$j"
cp "$j" "$tmp/bad.rel"
refused "a journal with an error of its own" \
    "j.rel:17:12: error: unknown kind 'cal'" call jan Lunch
cp "$tmp/base.rel" "$j"

"$bin/rel-parse" "$j" >"$tmp/events.csv"
"$bin/rel-add" -f "$tmp/events.csv" --today $today call jan Lunch \
    >/dev/null 2>"$tmp/err"
[ $? = 2 ] && grep -q "rel-parse's CSV, not a journal" "$tmp/err"
ok $? "the events CSV is not a journal to add to"
"$bin/rel-add" -f "$tmp/none.rel" --today $today call jan Lunch \
    >/dev/null 2>"$tmp/err"
[ $? = 2 ] && [ ! -e "$tmp/none.rel" ] && grep -q "none.rel: No such file" "$tmp/err"
ok $? "a journal that is not there is not made"
(unset REL_JOURNAL; "$bin/rel-add" --today $today call jan Lunch \
    >/dev/null 2>"$tmp/err")
[ $? = 2 ] && grep -q "no journal: give -f JOURNAL, or set REL_JOURNAL" \
    "$tmp/err" && grep -q "^usage: rel-add" "$tmp/err"
ok $? "no -f and no \$REL_JOURNAL: exit 2 with the usage"

# ---- where the entry goes

REL_JOURNAL=$j "$bin/rel-add" --today $today call jan From the env >/dev/null &&
    tail -1 "$j" | grep -q 'From the env'
ok $? "\$REL_JOURNAL names the journal"
cp "$j" "$tmp/other.rel"
REL_JOURNAL=$tmp/none.rel "$bin/rel-add" -f "$tmp/other.rel" --today $today \
    call jan From -f >/dev/null && tail -1 "$tmp/other.rel" | grep -q 'From -f$'
ok $? "-f comes before \$REL_JOURNAL; options end at KIND: -f is a word"

printf 'contact jan\n2026-10-01 call jan No final line end' >"$tmp/nofinal.rel"
"$bin/rel-add" -f "$tmp/nofinal.rel" --today $today call jan Next >/dev/null
printf 'contact jan\n2026-10-01 call jan No final line end\n2026-11-04 call jan Next\n' |
    cmp -s - "$tmp/nofinal.rel"
ok $? "a file without a final line end gets one before the entry"

printf 'contact jan\r\n2026-10-01 call jan Windows\r\n' >"$tmp/crlf.rel"
"$bin/rel-add" -f "$tmp/crlf.rel" --today $today call jan Next >/dev/null
printf 'contact jan\r\n2026-10-01 call jan Windows\r\n2026-11-04 call jan Next\r\n' |
    cmp -s - "$tmp/crlf.rel"
ok $? "a CRLF file: the entry ends with CRLF"
printf 'contact jan\r\n2026-10-01 call jan Windows' >"$tmp/crlf.rel"
"$bin/rel-add" -f "$tmp/crlf.rel" --today $today call jan Next >/dev/null
printf 'contact jan\r\n2026-10-01 call jan Windows\r\n2026-11-04 call jan Next\r\n' |
    cmp -s - "$tmp/crlf.rel"
ok $? "a CRLF file without a final line end: CRLF before and after"
"$bin/rel-parse" --check "$tmp/crlf.rel" && "$bin/rel-parse" --check "$tmp/nofinal.rel"
ok $? "both read as journals"

mkdir "$tmp/team" "$tmp/team/people"
printf 'include people/*.rel\ncontact acme "Acme"\n  kind: org\n' \
    >"$tmp/team/j.rel"
printf 'contact kwame\n  org: acme\n2026-11-01 promise kwame Specs id:specs due:2026-11-10\n' \
    >"$tmp/team/people/lena.rel"
printf 'contact omar\n2026-11-01 call omar Hello\n' >"$tmp/team/people/omar.rel"
cp -r "$tmp/team" "$tmp/team0"
"$bin/rel-add" -f "$tmp/team/j.rel" --today $today --contact-file \
    call kwame Phase 2 >/dev/null &&
    tail -1 "$tmp/team/people/lena.rel" | grep -qx '2026-11-04 call kwame Phase 2' &&
    cmp -s "$tmp/team/j.rel" "$tmp/team0/j.rel" &&
    cmp -s "$tmp/team/people/omar.rel" "$tmp/team0/people/omar.rel"
ok $? "--contact-file: to the file that declares the contact, and no other"
"$bin/rel-add" -f "$tmp/team/j.rel" --today $today --contact-file \
    kept specs >/dev/null &&
    tail -1 "$tmp/team/people/lena.rel" | grep -qx '2026-11-04 kept specs'
ok $? "--contact-file: a follow-up goes to the file of its ref's contact"
"$bin/rel-add" -f "$tmp/team/j.rel" --today $today --contact-file \
    call acme Board >/dev/null && tail -1 "$tmp/team/j.rel" | grep -q Board
ok $? "--contact-file: a contact of the journal's own file"
"$bin/rel-add" -f "$tmp/team/j.rel" --today $today --contact-file \
    call kwmae Typo >/dev/null 2>"$tmp/err"
[ $? = 2 ] && grep -q 'j.rel:5:17: error: no contact has id kwmae; did you mean kwame?' \
    "$tmp/err"
ok $? "--contact-file: a contact declared nowhere is checked at the journal's end"
"$bin/rel-add" -f "$tmp/team/j.rel" --today $today --contact-file \
    feedback omar score:11 >/dev/null 2>"$tmp/err"
grep -q 'people/omar.rel:3:26: error: score:11 is out of range' "$tmp/err"
ok $? "--contact-file: the error is at the entry's place in that file"
"$bin/rel-add" -f "$tmp/team/j.rel" --today $today call kwame Root >/dev/null &&
    tail -1 "$tmp/team/j.rel" | grep -q Root
ok $? "without --contact-file: the end of the journal named"
"$bin/rel-parse" --check "$tmp/team/j.rel"
ok $? "the team's journal stays valid"

# ---- 20 at once: 20 whole lines, 20 ids

printf 'contact jan\n2026-10-01 call jan No line end' >"$tmp/many.rel"
i=0
while [ $i -lt 20 ]; do
	"$bin/rel-add" -f "$tmp/many.rel" --today $today promise jan \
	    Weekly report due:fri >/dev/null 2>>"$tmp/many.err" &
	i=$((i + 1))
done
wait
[ "$(wc -l <"$tmp/many.rel")" = 22 ] && [ ! -s "$tmp/many.err" ]
ok $? "20 rel-add at once: 20 lines, one line end added"
[ "$(grep -c '^2026-11-04 promise jan Weekly report id:weekly-report[-0-9]* due:2026-11-06$' \
    "$tmp/many.rel")" = 20 ]
ok $? "20 rel-add at once: each line whole"
[ "$(grep -o 'id:[^ ]*' "$tmp/many.rel" | sort -u | wc -l)" = 20 ]
ok $? "20 rel-add at once: 20 different ids"
"$bin/rel-parse" --check "$tmp/many.rel"
ok $? "20 rel-add at once: the journal is valid"

# The lock: rel-add waits for it; --dry-run does not take it.
python3 -c 'import fcntl, sys, time
f = open(sys.argv[1])
fcntl.flock(f, fcntl.LOCK_EX)
print("locked", flush=True)
time.sleep(30)' "$j" >"$tmp/locked" &
holder=$!
while [ ! -s "$tmp/locked" ]; do sleep 0.1; done
timeout 20 "$bin/rel-add" -f "$j" --today $today -n call jan Lunch >/dev/null
ok $? "--dry-run does not wait for the lock"
cp "$j" "$tmp/before"
timeout 2 "$bin/rel-add" -f "$j" --today $today call jan Lunch >/dev/null
[ $? = 124 ] && cmp -s "$tmp/before" "$j"
ok $? "rel-add waits while another holds the journal's lock"
kill "$holder"
wait "$holder" 2>/dev/null

# ---- faults: a full disk, a failed fsync, output that cannot be written

cp "$j" "$tmp/before"
add call jan Lunch >/dev/full 2>"$tmp/err"
[ $? = 2 ] && cmp -s "$tmp/before" "$j" && grep -q 'nothing written' "$tmp/err"
ok $? "standard output on a full disk: exit 2, nothing written"
if cc -shared -fPIC -o "$tmp/fault.so" tests/fault.c -ldl 2>"$tmp/cc.err"; then
	export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
	for fault in FAULT_WRITE=0 FAULT_WRITE=10 FAULT_FSYNC=1; do
		cp "$j" "$tmp/before"
		env "$fault" FAULT_FILE="$j" LD_PRELOAD="$tmp/fault.so" \
		    "$bin/rel-add" -f "$j" --today $today call jan Lunch \
		    >/dev/null 2>"$tmp/err"
		[ $? = 2 ] && cmp -s "$tmp/before" "$j" &&
		    grep -q "j.rel: .*nothing written" "$tmp/err"
		ok $? "$fault: exit 2, not a byte of the line left"
	done
	unset ASAN_OPTIONS
else
	sed 's/^/# /' "$tmp/cc.err"
	for fault in 1 2 3; do
		ntest=$((ntest + 1))
		echo "ok $ntest # skip no cc for tests/fault.c"
	done
fi

# ---- completion words

"$bin/tests/unit" --list kinds >"$tmp/a"
"$bin/rel-add" --complete kinds >"$tmp/b"
check_same "--complete kinds: the kinds of the table" "$tmp/a" "$tmp/b"
[ "$("$bin/rel-add" -f "$j" --complete refs:kept | tr '\n' ' ')" = "plan " ] &&
    [ "$("$bin/rel-add" -f "$j" --complete refs:answered)" = req-17 ] &&
    [ -z "$(REL_JOURNAL=$j "$bin/rel-add" --complete refs:told)" ]
ok $? "--complete refs:KIND: the refs open to that follow-up"
"$bin/rel-add" -f "$j" --complete refs:call >/dev/null
[ $? = 1 ]
ok $? "--complete refs:KIND: exit 1 when KIND is no follow-up"

# ---- the examples of rel-add(1), every kind, as of Monday 2026-11-02

printf 'contact acme "Acme Corp"\n  kind: org\n\ncontact jan "Jan Novak"\n  org: acme\n\ncontact widgets "Widgets Ltd"\n' \
    >"$tmp/clients.rel"
sed -n '/^\.Sh EXAMPLES/,/^\.Ed/p' man/rel-add.1 | grep '^\$ rel-add' |
    sed 's/^\$ rel-add/"$bin\/rel-add" --today 2026-11-02/' >"$tmp/examples.sh"
(export REL_JOURNAL="$tmp/clients.rel"; bin=$bin; . "$tmp/examples.sh") \
    >"$tmp/out" 2>"$tmp/err"
ok $? "rel-add(1): every example runs"
sed 's/^/# /' "$tmp/err"
"$bin/rel-parse" "$tmp/clients.rel" | tail -n +2 | cut -d, -f5 | sort -u |
    grep -v contact >"$tmp/a"
"$bin/tests/unit" --list kinds | sort >"$tmp/b"
check_same "rel-add(1): the examples log every kind" "$tmp/b" "$tmp/a"
sed -n '/^\$ rel-add promise jan "Send revised quote" due:fri$/,/^id:/p' \
    man/rel-add.1 | tail -n +2 >"$tmp/a"
grep -A1 '"Send revised quote"' "$tmp/out" >"$tmp/b"
check_same "rel-add(1): the output shown is the output" "$tmp/a" "$tmp/b"
"$bin/rel-fmt" --check "$tmp/clients.rel"
ok $? "rel-add(1): the journal the examples make is in rel-fmt's form"

# ---- README.md: the day with the journal, as shown

printf 'contact acme "Acme Corp"\n  kind: org\n\ncontact jan "Jan Novak"\n  org: acme\n' \
    >"$tmp/day.rel"
sed -n '/^## A day with the journal/,/^A typo/p' README.md |
    sed -n '/^    \$ rel-add/,/^$/p' | sed 's/^    //; /^$/d' >"$tmp/day"
grep '^\$ rel-add' "$tmp/day" |
    sed 's/^\$ rel-add/"$bin\/rel-add" --today 2026-11-02/' >"$tmp/day.sh"
(export REL_JOURNAL="$tmp/day.rel"; bin=$bin; . "$tmp/day.sh") >"$tmp/out"
grep -v '^\$' "$tmp/day" >"$tmp/want"
check_same "README.md: the day with the journal prints what it shows" \
    "$tmp/want" "$tmp/out"

done_testing
