#!/bin/sh
# The manual pages name the words of the format as lib/vocab.c has them:
# each list a page gives is the table's list, neither more nor less
# (tests/unit --list prints a table).  Also: --help and --complete come
# from each tool's table of options.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
unit="$bin/tests/unit"
plan 14

# words SECTION-START SECTION-END MACRO [SKIP]: the words the mdoc source
# of rel-journal(5) gives with MACRO (Ic, Cm) between two lines that start
# with the given text, in order, each once.
words() {
	python3 - "$@" <<'PY'
import re, sys
start, end, macro = sys.argv[1], sys.argv[2], sys.argv[3]
page = sys.argv[4] if len(sys.argv) > 4 else "man/rel-journal.5"
lines = open(page, encoding="utf-8").read().split("\n")
i = next(k for k, l in enumerate(lines) if l.startswith(start))
j = i + 1 if start == end else next(k for k in range(i + 1, len(lines))
                                     if lines[k].startswith(end))
seen = []
for l in lines[i:j]:
    for m in re.finditer(r"^\.(?:It )?%s ([^\n]*)" % macro, l):
        for w in re.split(r" , | ", m.group(1)):
            w = w.replace("\\&", "").rstrip(":,.;")
            if w and w not in seen and w not in ("and", "or", "Ta"):
                seen.append(w)
print("\n".join(seen))
PY
}

same() {	# same DESCRIPTION TABLE-LIST PAGE-LIST (as words, any order)
	sort "$2" >"$tmp/a"
	sort "$3" >"$tmp/b"
	check_same "$1" "$tmp/a" "$tmp/b"
}

"$unit" --list kinds >"$tmp/t"
words '.Ss Kinds' '.Ss Refs' 'It Ic' >"$tmp/p"
same "rel-journal(5), Kinds: every kind, no other" "$tmp/t" "$tmp/p"

"$unit" --list keys | grep -v '^[A-Z]$' >"$tmp/t"
words 'The keys the format defines are' 'on every kind, and' 'Cm' >"$tmp/p"
same "rel-journal(5), Entries: the keys the format defines" "$tmp/t" "$tmp/p"
"$unit" --list keys | grep '^[A-Z]$' >"$tmp/t"
words '.Cm I , M , B , W , P , H , E' '.Cm I , M , B , W , P , H , E' 'Cm' >"$tmp/p"
same "rel-journal(5), Entries: the rating letters" "$tmp/t" "$tmp/p"

"$unit" --list dimensions >"$tmp/t"
python3 - >"$tmp/p" <<'PY'
import re
src = open("man/rel-journal.5", encoding="utf-8").read()
rate = src[src.index(".It Ic rate"):src.index(".It Ic status")]
for letter, name in re.findall(r"\.Cm ([A-Z])\\&:\n([a-z ]+?)[,.]?\n", rate):
    print(letter, name.replace(" and", "").strip())
PY
same "rel-journal(5), rate: the dimensions and their names" "$tmp/t" "$tmp/p"

"$unit" --list options >"$tmp/t"
words '.It Ic option Ar name value' 'An unknown option is an error' 'It Cm' >"$tmp/p"
same "rel-journal(5), option: every option" "$tmp/t" "$tmp/p"

"$unit" --list statuses >"$tmp/t"
words '.It Ic status' '.El' 'Cm' | grep -v '^status$' >"$tmp/p"
same "rel-journal(5), status: the states" "$tmp/t" "$tmp/p"

for key in outcome by purpose ours status; do
	"$unit" --list "choices:$key" >"$tmp/t"
	grep "^\.It Cm $key Ta" man/rel-journal.5 | sed 's/.* Ta Cm //; s/ , /\n/g' >"$tmp/p"
	same "rel-journal(5), Value checks: the values of $key" "$tmp/t" "$tmp/p"
done

"$unit" --list inherited >"$tmp/t"
words '.Ss Inheritance' 'The status a contact sets itself' 'Cm' | grep -v '^org$' >"$tmp/p"
same "rel-journal(5), Inheritance: the keys that pass from an org" \
    "$tmp/t" "$tmp/p"

"$unit" --list item-kinds >"$tmp/t"
words '.It Fl \-kind Ar list' '.It Fl \-csv' 'Cm' man/rel-overdue.1 >"$tmp/p"
same "rel-overdue(1), --kind: the kinds of item" "$tmp/t" "$tmp/p"

# Every long option a tool's --help shows, it completes, and the other way
# round.
bad=0
for t in rel-parse rel-score rel-overdue rel-report rel-fmt rel-merge rel-add \
    rel-log; do
	"$bin/$t" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$tmp/h"
	"$bin/$t" --complete options | grep -v -- '--complete\|--colour' |
	    sort -u >"$tmp/c"
	cmp -s "$tmp/h" "$tmp/c" || { bad=1; diff "$tmp/h" "$tmp/c" | sed 's/^/# /'; }
done
ok $bad "each tool's --help and --complete options name the same options"
done_testing
