#!/bin/sh
# rel-merge: three versions merged entry by entry; then as git's merge
# driver in a scratch repository: appends on two branches, a journal in
# month files, the bundled example, a real conflict, a refusal, a
# criss-cross merge.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
m="$bin/rel-merge"
total=56
plan $total

# merge NAME: merges $tmp/NAME.base and NAME.theirs into a copy of
# NAME.ours ($tmp/NAME.out); its exit status in $st, standard error in
# $tmp/NAME.err.
merge() {
	cp "$tmp/$1.ours" "$tmp/$1.out"
	"$m" "$tmp/$1.base" "$tmp/$1.out" "$tmp/$1.theirs" 2>"$tmp/$1.err"
	st=$?
}

cat >"$tmp/app.base" <<'EOF'
; the Acme account
contact jan "Jan Novak"
  cadence: 14d

2026-10-01 call jan Intro
2026-10-03 promise jan Quote id:q due:2026-10-10
EOF
cp "$tmp/app.base" "$tmp/app.ours"
cp "$tmp/app.base" "$tmp/app.theirs"
printf '2026-10-09 kept q\n2026-10-12 call jan Follow-up\n' >>"$tmp/app.ours"
printf '2026-10-05 email jan Agenda\n2026-10-20 meeting jan Review\n' \
    >>"$tmp/app.theirs"
merge app
check_status "both sides append: exit 0" 0 "$st"
{ cat "$tmp/app.base"; printf '%s\n' '2026-10-05 email jan Agenda' \
    '2026-10-09 kept q' '2026-10-12 call jan Follow-up' \
    '2026-10-20 meeting jan Review'; } >"$tmp/want"
check_same "every entry of both sides is kept, in date order" "$tmp/want" \
    "$tmp/app.out"
[ ! -s "$tmp/app.err" ]
ok $? "and nothing is said"
"$bin/rel-parse" --check "$tmp/app.out"
ok $? "the result reads"

# Not in date order: ours' entries, then theirs'.
printf 'contact jan\n2026-10-05 call jan A\n2026-10-01 call jan B\n' \
    >"$tmp/ord.base"
{ cat "$tmp/ord.base"; echo '2026-10-09 call jan Ours'; } >"$tmp/ord.ours"
{ cat "$tmp/ord.base"; echo '2026-10-02 call jan Theirs'; } >"$tmp/ord.theirs"
merge ord
{ cat "$tmp/ord.ours"; echo '2026-10-02 call jan Theirs'; } >"$tmp/want"
[ "$st" = 0 ] && cmp -s "$tmp/want" "$tmp/ord.out"
ok $? "a base not in date order: ours' entries, then theirs'"

# The same entry added on both sides appears once; the same date keeps
# ours first.
printf 'contact jan\n2026-10-01 call jan A\n' >"$tmp/same.base"
{ cat "$tmp/same.base"; printf '%s\n' '2026-10-02 call jan Both' \
    '2026-10-04 call jan Ours'; } >"$tmp/same.ours"
{ cat "$tmp/same.base"; printf '%s\n' '2026-10-02 call jan Both' \
    '2026-10-04 call jan Theirs'; } >"$tmp/same.theirs"
merge same
{ cat "$tmp/same.ours"; echo '2026-10-04 call jan Theirs'; } >"$tmp/want"
check_status "identical insertions: exit 0" 0 "$st"
check_same "identical insertions appear once; one date: ours first" \
    "$tmp/want" "$tmp/same.out"

# One side changes an entry, the other appends below it.
cat >"$tmp/chg.base" <<'EOF'
contact jan
2026-10-01 call jan Intro
2026-10-02 call jan Quote
  Sent by mail.
EOF
sed 's/Sent by mail/Sent by mail, with prices/' "$tmp/chg.base" >"$tmp/chg.ours"
{ cat "$tmp/chg.base"; echo '2026-10-03 call jan Again'; } >"$tmp/chg.theirs"
merge chg
{ cat "$tmp/chg.ours"; echo '2026-10-03 call jan Again'; } >"$tmp/want"
check_status "a change and an append: exit 0" 0 "$st"
check_same "the change and the new entry are both there" "$tmp/want" \
    "$tmp/chg.out"

# Two entries one after the other, one changed on each side.
sed 's/Intro$/Intro call/' "$tmp/chg.base" >"$tmp/adj.ours"
sed 's/Quote$/Quote v2/' "$tmp/chg.base" >"$tmp/adj.theirs"
cp "$tmp/chg.base" "$tmp/adj.base"
merge adj
sed 's/Intro$/Intro call/; s/Quote$/Quote v2/' "$tmp/chg.base" >"$tmp/want"
[ "$st" = 0 ] && cmp -s "$tmp/want" "$tmp/adj.out"
ok $? "neighbouring entries changed on each side: both changes, no conflict"

# The same change on both sides is taken once.
cp "$tmp/chg.base" "$tmp/twice.base"
cp "$tmp/chg.ours" "$tmp/twice.ours"
cp "$tmp/chg.ours" "$tmp/twice.theirs"
merge twice
[ "$st" = 0 ] && cmp -s "$tmp/chg.ours" "$tmp/twice.out"
ok $? "the same change on both sides: taken once"

# A real conflict: the same entry changed differently on both sides, its
# neighbours changed on one side only.
cat >"$tmp/cf.base" <<'EOF'
contact jan
  cadence: 14d

2026-10-01 call jan Intro
2026-10-02 call jan Quote
2026-10-03 call jan Again
EOF
sed 's/Intro$/Intro (short)/; s/Quote$/Quote sent/' "$tmp/cf.base" >"$tmp/cf.ours"
sed 's/Quote$/Quote sent, with prices/; s/Again$/Again, by phone/' \
    "$tmp/cf.base" >"$tmp/cf.theirs"
merge cf
check_status "an entry changed on both sides: exit 1" 1 "$st"
cat >"$tmp/want" <<'EOF'
contact jan
  cadence: 14d

2026-10-01 call jan Intro (short)
<<<<<<< ours
2026-10-02 call jan Quote sent
=======
2026-10-02 call jan Quote sent, with prices
>>>>>>> theirs
2026-10-03 call jan Again, by phone
EOF
check_same "the markers are around that entry alone" "$tmp/want" "$tmp/cf.out"
[ "$(grep -n '^<<<<<<< ours$\|^=======$\|^>>>>>>> theirs$' "$tmp/cf.out" |
    cut -d: -f1 | tr '\n' ' ')" = "5 7 9 " ]
ok $? "the markers are on lines 5, 7 and 9"
grep -q "^rel-merge: $tmp/cf.out:5: conflict: 2026-10-02 call jan changed on both sides\$" \
    "$tmp/cf.err"
ok $? "the conflict is said with the line of its first marker"
[ "$(wc -l <"$tmp/cf.err")" = 1 ]
ok $? "one conflict, one message"
"$bin/rel-parse" --check "$tmp/cf.out" 2>"$tmp/err"
[ $? = 2 ] && grep -q 'cf.out:5:1: error: merge conflict marker' "$tmp/err"
ok $? "a result with a conflict does not read until it is resolved"

# Changed on one side, removed on the other.
sed '/Quote$/d' "$tmp/cf.base" >"$tmp/rm.ours"
sed 's/Quote$/Quote sent/' "$tmp/cf.base" >"$tmp/rm.theirs"
cp "$tmp/cf.base" "$tmp/rm.base"
merge rm
printf '%s\n' '<<<<<<< ours' '=======' '2026-10-02 call jan Quote sent' \
    '>>>>>>> theirs' >"$tmp/want"
[ "$st" = 1 ] && sed -n 5,8p "$tmp/rm.out" | cmp -s "$tmp/want" - &&
    grep -q ':5: conflict: 2026-10-02 call jan removed by ours and changed by theirs$' \
    "$tmp/rm.err"
ok $? "removed on one side, changed on the other: a conflict, ours empty"

# A contact block changed differently on both sides; an entry changed on
# one side beside it.
sed 's/cadence: 14d/cadence: 7d/' "$tmp/cf.base" >"$tmp/ct.ours"
sed 's/cadence: 14d/cadence: 30d/; s/Again$/Again!/' "$tmp/cf.base" \
    >"$tmp/ct.theirs"
cp "$tmp/cf.base" "$tmp/ct.base"
merge ct
cat >"$tmp/want" <<'EOF'
<<<<<<< ours
contact jan
  cadence: 7d
=======
contact jan
  cadence: 30d
>>>>>>> theirs

2026-10-01 call jan Intro
2026-10-02 call jan Quote
2026-10-03 call jan Again!
EOF
check_status "a contact changed on both sides: exit 1" 1 "$st"
check_same "the markers are around the contact block alone" "$tmp/want" \
    "$tmp/ct.out"
grep -q ':1: conflict: contact jan changed on both sides$' "$tmp/ct.err"
ok $? "and the message names the contact"

# A contact that both sides add with other lines is declared once: a
# conflict.
printf 'contact jan\n' >"$tmp/ca.base"
printf 'contact jan\ncontact eva\n  cadence: 7d\n' >"$tmp/ca.ours"
printf 'contact jan\ncontact eva\n  cadence: 30d\n' >"$tmp/ca.theirs"
merge ca
[ "$st" = 1 ] && [ "$(grep -c '^contact eva$' "$tmp/ca.out")" = 2 ] &&
    sed -n 2p "$tmp/ca.out" | grep -q '^<<<<<<< ours$' &&
    grep -q ':2: conflict: contact eva added differently on both sides$' \
    "$tmp/ca.err"
ok $? "a contact added on both sides with other lines: a conflict"

# Comments and blank lines: a new paragraph with its comment on one side,
# an entry on the other.
cp "$tmp/cf.base" "$tmp/par.base"
{ cat "$tmp/cf.base"; printf '\n; November\n2026-11-02 call jan Nov\n'; } \
    >"$tmp/par.ours"
{ cat "$tmp/cf.base"; echo '2026-10-20 call jan Late October'; } \
    >"$tmp/par.theirs"
merge par
{ cat "$tmp/cf.base"; printf '2026-10-20 call jan Late October\n\n; November\n2026-11-02 call jan Nov\n'; } \
    >"$tmp/want"
check_same "a comment and a blank line go with the entry after them" \
    "$tmp/want" "$tmp/par.out"

# Line ends: ours' are kept, CRLF or LF; a last line without its LF gets
# one; a byte order mark of ours is kept.
printf 'contact jan\r\n2026-10-01 call jan A\r\n' >"$tmp/crlf.base"
printf 'contact jan\r\n2026-10-01 call jan A\r\n2026-10-02 call jan O\r\n' \
    >"$tmp/crlf.ours"
printf 'contact jan\n2026-10-01 call jan A\n2026-10-03 call jan T' \
    >"$tmp/crlf.theirs"
merge crlf
printf 'contact jan\r\n2026-10-01 call jan A\r\n2026-10-02 call jan O\r\n2026-10-03 call jan T\r\n' \
    >"$tmp/want"
[ "$st" = 0 ] && cmp -s "$tmp/want" "$tmp/crlf.out"
ok $? "CRLF ours: the result is CRLF, theirs' LF lines merged as the same lines"
tr -d '\r' <"$tmp/crlf.ours" >"$tmp/lf.ours"
cp "$tmp/crlf.base" "$tmp/lf.base"
cp "$tmp/crlf.theirs" "$tmp/lf.theirs"
merge lf
tr -d '\r' <"$tmp/want" >"$tmp/want.lf"
[ "$st" = 0 ] && cmp -s "$tmp/want.lf" "$tmp/lf.out"
ok $? "LF ours: the result is LF and ends with a line end"
printf '\357\273\277' | cat - "$tmp/lf.ours" >"$tmp/bom.ours"
cp "$tmp/lf.base" "$tmp/bom.base"
cp "$tmp/lf.theirs" "$tmp/bom.theirs"
merge bom
printf '\357\273\277' | cat - "$tmp/want.lf" >"$tmp/want"
[ "$st" = 0 ] && cmp -s "$tmp/want" "$tmp/bom.out"
ok $? "a byte order mark of ours is kept"

# Nothing to change: ours is not touched.
cp "$tmp/chg.base" "$tmp/none.base"
cp "$tmp/chg.ours" "$tmp/none.ours"
cp "$tmp/chg.base" "$tmp/none.theirs"
cp "$tmp/none.ours" "$tmp/none.out"
before=$(stat -c %i:%Y "$tmp/none.out")
"$m" "$tmp/none.base" "$tmp/none.out" "$tmp/none.theirs"
[ $? = 0 ] && [ "$(stat -c %i:%Y "$tmp/none.out")" = "$before" ] &&
    cmp -s "$tmp/none.ours" "$tmp/none.out"
ok $? "theirs as the base: ours is left as it is, not rewritten"

# Refusals: OURS stays byte for byte as it was.
mkdir "$tmp/r"
cp "$tmp/app.ours" "$tmp/r/ours.rel"
printf 'contact jan\n2026-02-30 call jan Bad date\n' >"$tmp/r/bad.rel"
"$m" "$tmp/app.base" "$tmp/r/ours.rel" "$tmp/r/bad.rel" >"$tmp/out" 2>"$tmp/err"
check_status "theirs with a syntax error: exit 2" 2 $?
cmp -s "$tmp/app.ours" "$tmp/r/ours.rel" && [ "$(ls "$tmp/r" | wc -l)" = 2 ]
ok $? "and ours is untouched, no temporary file left"
grep -q 'bad.rel:2:1: error: bad date' "$tmp/err" &&
    grep -q "rel-merge: $tmp/r/bad.rel: theirs has errors: not merged" "$tmp/err"
ok $? "with its error and what it means"
# refused DESCRIPTION MESSAGE BASE OURS THEIRS: exit 2, MESSAGE said,
# OURS as it was.
refused() {
	cp "$4" "$tmp/before"
	"$m" "$3" "$4" "$5" 2>"$tmp/err"
	[ $? = 2 ] && cmp -s "$tmp/before" "$4" && grep -q -- "$2" "$tmp/err"
	ok $? "$1"
}
refused "a base with a syntax error: exit 2, ours untouched" \
    'base has errors' "$tmp/r/bad.rel" "$tmp/r/ours.rel" "$tmp/app.theirs"
cp "$tmp/cf.out" "$tmp/r/conflicted.rel"
refused "an ours with conflict markers left in it: refused" \
    'conflicted.rel:5:1: error: merge conflict marker' "$tmp/cf.base" \
    "$tmp/r/conflicted.rel" "$tmp/cf.theirs"
refused "a version that is not there: exit 2, ours untouched" \
    'missing.rel: No such file or directory' "$tmp/app.base" \
    "$tmp/r/ours.rel" "$tmp/r/missing.rel"
ln "$tmp/r/ours.rel" "$tmp/r/link.rel"
refused "an ours with two hard links: refused, both names untouched" \
    'ours.rel: has 2 hard links' "$tmp/app.base" "$tmp/r/ours.rel" \
    "$tmp/app.theirs"
rm -f "$tmp/r/link.rel"
"$bin/rel-parse" "$tmp/app.base" >"$tmp/r/events.csv"
refused "the events CSV is no journal: refused" 'events.csv: ours has errors' \
    "$tmp/app.base" "$tmp/r/events.csv" "$tmp/app.theirs"
"$m" "$tmp/app.base" "$tmp/r/ours.rel" 2>"$tmp/err"
[ $? = 2 ] && grep -q 'three files are needed' "$tmp/err"
ok $? "two operands: a usage error"
"$m" "$tmp/app.base" - "$tmp/app.theirs" </dev/null 2>/dev/null
check_status "standard input as a version: a usage error" 2 $?
"$m" --help | grep -q '^usage: rel-merge BASE OURS THEIRS$'
ok $? "--help: the usage, exit 0"
"$m" --today 2026-10-01 "$tmp/app.base" "$tmp/r/ours.rel" "$tmp/app.theirs" \
    2>/dev/null
check_status "rel-merge takes no --today" 2 $?

# Properties of generated journals: a side that changes nothing leaves
# the other's version as it is; two sides that change the same lines the
# same way give that version; changes of entries apart from each other,
# and entries appended on both sides, all arrive, the appended ones in
# date order.
mkdir "$tmp/p"
python3 - "$m" "$tmp/p" <<'PY'
import os, random, subprocess, sys
tool, d = sys.argv[1], sys.argv[2]
# under valgrind (make check-valgrind) each merge takes a second: fewer
# cases there, all of them in the other runs
cases = 30 if os.environ.get("REL_VALGRIND") else 150
def merge(b, o, t):
    for name, lines in (("b", b), ("o", o), ("t", t)):
        open(os.path.join(d, name), "w").write("".join(lines))
    p = subprocess.run([tool] + [os.path.join(d, n) for n in "bot"],
                       stderr=subprocess.PIPE)
    return p.returncode, open(os.path.join(d, "o")).read()
def block(r, day):
    x = r.random()
    if x < 0.1:
        return "\n"
    if x < 0.15:
        return "; comment %d\n" % r.randint(0, 3)
    note = "  note %d\n" % r.randint(0, 3) if r.random() < 0.3 else ""
    return "2026-%02d-%02d call jan %s\n%s" % (1 + day // 28, 1 + day % 28,
        r.choice(["a", "b", "hello", "x y"]), note)
def edit(r, lines):
    lines = list(lines)
    for _ in range(r.randint(0, 6)):
        i = r.randint(1, len(lines))
        x = r.random()
        if x < 0.3:
            lines.insert(i, block(r, r.randint(0, 300)))
        elif i < len(lines):
            if x < 0.6:
                del lines[i]
            else:
                lines[i] = block(r, r.randint(0, 300))
    return lines
bad = []
for seed in range(cases):
    r = random.Random(seed)
    base = ["contact jan\n"] + [block(r, 3 * i) for i in range(r.randint(0, 25))]
    o, t = edit(r, base), edit(r, base)
    for x, y, want in ((o, base, o), (base, t, t), (o, o, o)):
        if merge(base, x, y) != (0, "".join(want)):
            bad.append(seed)
for seed in range(cases):
    r = random.Random(seed)
    n = r.randint(4, 40)
    base = ["contact jan\n"] + ["2026-01-%02d call jan e%d\n" %
            (1 + i * 27 // n, i) for i in range(n)]
    edits = [{}, {}]
    for i in r.sample(range(1, n), r.randint(0, n // 2)):
        if not any(j in e for e in edits for j in (i - 1, i, i + 1)):
            edits[r.randint(0, 1)][i] = r.choice(["del", "mod", "ins"])
    def apply(eds):
        out = []
        for i, line in enumerate(base):
            e = [(k, tag) for k, tag in ((eds[0], "O"), (eds[1], "T")) if i in k]
            kind, tag = (e[0][0][i], e[0][1]) if e else (None, "")
            if kind == "del":
                continue
            out.append(line[:-1] + " " + tag + "\n" if kind == "mod" else line)
            if kind == "ins":
                out.append(line[:10] + " call jan new-%s-%d\n" % (tag, i))
        return out
    o, t = apply([edits[0], {}]), apply([{}, edits[1]])
    want = apply(edits)
    ao = "2026-02-%02d call jan end-O\n" % r.randint(1, 9)
    at = "2026-02-%02d call jan end-T\n" % r.randint(1, 9)
    want += [ao, at] if ao[:10] <= at[:10] else [at, ao]
    if merge(base, o + [ao], t + [at]) != (0, "".join(want)):
        bad.append(1000 + seed)
print("# bad seeds:", bad)
sys.exit(1 if bad else 0)
PY
ok $? "generated journals: the properties of a merge hold"

# As git's merge driver, in a scratch repository.
if ! command -v git >/dev/null; then
	i=$ntest
	while [ "$i" -lt "$total" ]; do
		i=$((i + 1))
		echo "ok $i # skip git not installed"
	done
	exit 0
fi
abs_bin=$(cd "$bin" && pwd)
repo="$tmp/repo"
git init -q "$repo" && cd "$repo" || exit 1
git config user.email t@example.com
git config user.name test
git config merge.rel.driver "'$abs_bin/rel-merge' %O %A %B"
echo '*.rel merge=rel' >.gitattributes
git add .gitattributes && git commit -q -m attributes
git branch -M main

# commit_on BRANCH MESSAGE: commits all that changed, on BRANCH.
commit_on() {
	git checkout -q "$1" && git add -A && git commit -q -m "$2"
}

cp "$tmp/app.base" j.rel
git add j.rel && git commit -q -m journal
git checkout -q -b a
cp "$tmp/app.ours" j.rel
commit_on a "a: two entries"
git checkout -q main
git checkout -q -b b
cp "$tmp/app.theirs" j.rel
commit_on b "b: two entries"
git checkout -q a
git merge -q --no-edit b >"$tmp/out" 2>&1
check_status "git merge of two branches that append: exit 0" 0 $?
git diff --name-only --diff-filter=U >"$tmp/u"
[ ! -s "$tmp/u" ] && ! grep -q CONFLICT "$tmp/out"
ok $? "no conflict"
{ cat "$tmp/app.base"; printf '%s\n' '2026-10-05 email jan Agenda' \
    '2026-10-09 kept q' '2026-10-12 call jan Follow-up' \
    '2026-10-20 meeting jan Review'; } >"$tmp/want"
check_same "the merged journal has both sides' entries, in date order" \
    "$tmp/want" j.rel
"$abs_bin/rel-parse" --check j.rel
ok $? "and reads"

# A journal in month files, refs opened in one month and kept in another:
# each branch adds to November, one keeping October's promise.
git checkout -q main
mkdir months
printf 'option default-cadence 14d\ncontact jan "Jan"\ninclude months/*.rel\n' \
    >journal.rel
printf '2026-10-03 promise jan Quote id:q2 due:2026-11-10\n2026-10-20 call jan Oct\n' \
    >months/2026-10.rel
printf '2026-11-01 call jan Nov\n' >months/2026-11.rel
git add -A && git commit -q -m months
git checkout -q -b ma
printf '2026-11-08 kept q2\n2026-11-09 call jan Thanks for the quote\n' \
    >>months/2026-11.rel
commit_on ma "ma: keeps the quote"
git checkout -q main
git checkout -q -b mb
printf '2026-11-04 email jan Agenda\n' >>months/2026-11.rel
printf '2026-10-25 note jan Late note\n' >>months/2026-10.rel
commit_on mb "mb: an email, a note"
git checkout -q ma
git merge -q --no-edit mb >"$tmp/out" 2>&1
check_status "months: git merge exit 0" 0 $?
printf '%s\n' '2026-11-01 call jan Nov' '2026-11-04 email jan Agenda' \
    '2026-11-08 kept q2' '2026-11-09 call jan Thanks for the quote' \
    >"$tmp/want"
check_same "months: November has both sides' entries" "$tmp/want" \
    months/2026-11.rel
"$abs_bin/rel-parse" --check journal.rel
ok $? "months: the journal, refs across months, reads"
[ -z "$(git status --porcelain)" ]
ok $? "months: the merge is committed, nothing left over"

# The bundled example: each branch adds to agency.rel and to a team file.
git checkout -q main
cp -R "$top/examples/agency.rel" "$top/examples/team" .
git add -A && git commit -q -m example
git checkout -q -b ea
printf '2026-11-22 call tomas Roadmap questions\n' >>agency.rel
printf '2026-11-22 email ruth Calendar invite\n' >>team/lena.rel
commit_on ea "ea: Maya and Lena"
git checkout -q main
git checkout -q -b eb
printf '2026-11-22 email priya Style guide PDF sent\n2026-11-22 kept bf-styleguide\n' \
    >>agency.rel
printf '2026-11-22 visit ivo Rack check\n' >>team/omar.rel
commit_on eb "eb: Maya and Omar"
git checkout -q ea
git merge -q --no-edit eb >"$tmp/out" 2>&1
check_status "the example: git merge exit 0" 0 $?
tail -3 agency.rel >"$tmp/tail"
printf '%s\n' '2026-11-22 call tomas Roadmap questions' \
    '2026-11-22 email priya Style guide PDF sent' \
    '2026-11-22 kept bf-styleguide' >"$tmp/want"
check_same "the example: both sides' entries, ours first on the same day" \
    "$tmp/want" "$tmp/tail"
"$abs_bin/rel-parse" --check agency.rel
ok $? "the example reads after the merge"

# A real conflict, through git.
git checkout -q main
cp "$tmp/cf.base" c.rel
git add c.rel && git commit -q -m c
git checkout -q -b ca
cp "$tmp/cf.ours" c.rel
commit_on ca "ca: quote sent"
git checkout -q main
git checkout -q -b cb
cp "$tmp/cf.theirs" c.rel
commit_on cb "cb: quote with prices"
git checkout -q ca
git merge --no-edit cb >"$tmp/out" 2>&1
[ $? -ne 0 ] && grep -q 'CONFLICT (content): Merge conflict in c.rel' "$tmp/out"
ok $? "git merge with an entry changed on both branches stops, with c.rel in conflict"
check_same "c.rel has the markers around that entry alone" "$tmp/cf.out" c.rel
grep -q ':5: conflict: 2026-10-02 call jan changed on both sides$' "$tmp/out"
ok $? "the driver says where"
git merge --abort

# A branch whose journal does not read: refused, ours as it was.
git checkout -q main
git checkout -q -b bad
printf 'contact jan\n2026-02-30 call jan Bad date\n' >>c.rel
commit_on bad "bad: a bad date"
git checkout -q ca
git merge --no-edit bad >"$tmp/out" 2>&1
[ $? -ne 0 ] && grep -q 'bad date' "$tmp/out" && cmp -s "$tmp/cf.ours" c.rel
ok $? "a branch whose journal has errors: refused, ours left in the work tree"
git merge --abort

# A criss-cross merge: each branch has merged the other and resolved one
# entry its own way, then appended.  With merge.rel.recursive binary the
# base is one ancestor's version, and the merge goes on entry by entry.
git config merge.rel.recursive binary
git checkout -q main
git checkout -q -b x
sed 's/Intro$/Intro x/' "$tmp/cf.base" >c.rel
commit_on x "x: intro"
git checkout -q main
git checkout -q -b y
sed 's/Intro$/Intro y/' "$tmp/cf.base" >c.rel
commit_on y "y: intro"
# resolve_without WHICH: the merge under way resolved: the markers and
# the intro of WHICH dropped.
resolve_without() {
	grep -v -e '^<<<<<<<' -e '^=======' -e '^>>>>>>>' -e "Intro $1\$" c.rel \
	    >"$tmp/resolved"
	cp "$tmp/resolved" c.rel
	git commit -q -a --no-edit
}
git checkout -q -b y2
git merge -q --no-edit x >/dev/null 2>&1
resolve_without x
printf '2026-10-05 call jan Y2\n' >>c.rel
commit_on y2 "y2: keeps y, appends"
git checkout -q x
git checkout -q -b x2
git merge -q --no-edit y >/dev/null 2>&1
resolve_without y
printf '2026-10-04 call jan X2\n' >>c.rel
commit_on x2 "x2: keeps x, appends"
git merge --no-edit y2 >"$tmp/out" 2>&1
printf '%s\n' '<<<<<<< ours' '2026-10-01 call jan Intro x' '=======' \
    '2026-10-01 call jan Intro y' '>>>>>>> theirs' '2026-10-02 call jan Quote' \
    '2026-10-03 call jan Again' '2026-10-04 call jan X2' \
    '2026-10-05 call jan Y2' >"$tmp/want"
sed -n '4,$p' c.rel >"$tmp/got"
check_same "a criss-cross merge: the entry resolved two ways in conflict, the rest merged" \
    "$tmp/want" "$tmp/got"
git merge --abort
done_testing
