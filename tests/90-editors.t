#!/bin/sh
# Editor support and shell completion in examples/: the Vim syntax,
# filetype detection and compiler, the Emacs rel-mode, and the bash and
# zsh completions.  Each part is skipped where its program is missing.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
plan 13

vimdir=$top/examples/editors/vim
el=$top/examples/editors/emacs/rel-mode.el
comp=$top/examples/completion

have() { command -v "$1" >/dev/null 2>&1; }

# A journal with an error, a warning and non-ASCII text before the
# columns, and what rel-parse says of it.
printf '%s\n' 'contact jan "Jan Novák"' \
    '2026-10-01 14:00 meetin jan Tomás' \
    '2026-10-02 call jan "Ján" colour:red' \
    '2026-10-03 note jan "Ján" due:x' >"$tmp/bad.rel"
(cd "$tmp" && "$bin/rel-parse" --check --strict bad.rel 2>errors)

# A journal in a file a month, with a ref opened in October and kept in
# November, in a work tree of its own; November's file also keeps it a
# second time, an error that only the whole journal shows.
j=$tmp/j
mkdir -p "$j/.git" "$j/months"
printf 'include people.rel\ninclude months/*.rel\n' >"$j/journal.rel"
printf 'contact jan "Jan"\n' >"$j/people.rel"
printf '2026-10-03 promise jan "Quote" id:q due:2026-10-10\n' \
    >"$j/months/2026-10.rel"
printf '2026-11-02 kept q\n2026-11-03 kept q\n' >"$j/months/2026-11.rel"

# ---- Vim

if have vim; then
	cat >"$tmp/syntax.vim" <<-EOF
	set runtimepath^=$vimdir
	filetype on
	syntax on
	edit examples/agency.rel
	function! Group(pat)
	  call cursor(1, 1)
	  return search(a:pat, 'cW') ? synIDattr(synID(line('.'), col('.'), 1), 'name') : 'none'
	endfunction
	let r = [&filetype, get(b:, 'current_syntax', ''), v:errmsg]
	for p in readfile('$tmp/patterns')
	  call add(r, p . ' ' . Group(p))
	endfor
	call writefile(r, '$tmp/vim.out')
	qa!
	EOF
	cat >"$tmp/patterns" <<-'EOF'
	^\zs2026-06-02 09:30
	^2026-06-02 \zs09:30
	09:30 \zsmeeting
	meeting \zstomas,priya
	priya \zs"Shop
	\zsplanned:90m
	\zs+kickoff
	bf-mocks *\zs;
	^\zs; Fernhill
	^\zs# Lena
	^  \zskind: *org
	^\zscontact brightfield
	\zsteam/\*
	Checkout \zs\\"Pay
	likes: *sailing\zs;
	\zsre: the renewals
	\zs+1 from Omar
	\/41 \zs;)
	fix \zs+analytics
	0000 *\zs; she
	EOF
	{ printf 'rel\nrel\n\n'; cat <<-'EOF'; } >"$tmp/expected"
	^\zs2026-06-02 09:30 relDate
	^2026-06-02 \zs09:30 relTime
	09:30 \zsmeeting relKind
	meeting \zstomas,priya relSubject
	priya \zs"Shop relString
	\zsplanned:90m relAttrKey
	\zs+kickoff relTag
	bf-mocks *\zs; relTrailComment
	^\zs; Fernhill relComment
	^\zs# Lena relComment
	^  \zskind: *org relIndentKey
	^\zscontact brightfield relDirective
	\zsteam/\* relPath
	Checkout \zs\\"Pay relEscape
	likes: *sailing\zs; 
	\zsre: the renewals relRest
	\zs+1 from Omar relRest
	\/41 \zs;) relRest
	fix \zs+analytics relTag
	0000 *\zs; she relTrailComment
	EOF
	vim -Nu NONE -i NONE -es -S "$tmp/syntax.vim" >"$tmp/vim.msg" 2>&1
	[ $? -eq 0 ] && [ ! -s "$tmp/vim.msg" ] &&
	    [ "$(head -3 "$tmp/vim.out")" = "$(printf 'rel\nrel\n')" ]
	ok $? "vim: ftdetect and syntax load on agency.rel without errors"
	check_same "vim: the syntax groups of agency.rel" "$tmp/expected" "$tmp/vim.out"

	cat >"$tmp/compiler.vim" <<-EOF
	set runtimepath^=$vimdir
	compiler rel
	cgetfile errors
	let r = [&makeprg]
	for e in getqflist()
	  call add(r, printf('%s:%d:%d %s %d', bufname(e.bufnr), e.lnum, e.col, e.type, e.valid))
	endfor
	cc 3
	call add(r, strpart(getline('.'), col('.') - 1))
	call writefile(r, 'qf.out')
	qa!
	EOF
	cat >"$tmp/expected" <<-'EOF'
	rel-parse --check %:S
	bad.rel:2:18 e 1
	bad.rel:3:27 w 1
	bad.rel:4:27 e 1
	due:x
	EOF
	(cd "$tmp" && vim -Nu NONE -i NONE -es -S compiler.vim >/dev/null 2>&1)
	check_same "vim: :compiler rel reads rel-parse's errors" \
	    "$tmp/expected" "$tmp/qf.out"

	cat >"$tmp/root.vim" <<-EOF
	set runtimepath^=$vimdir
	edit months/2026-11.rel
	compiler rel
	let r = [&makeprg]
	silent make
	for e in getqflist()
	  call add(r, printf('%s:%d:%d %s %d', bufname(e.bufnr), e.lnum, e.col, e.type, e.valid))
	endfor
	edit people.rel
	let b:rel_journal = 'months/../journal.rel'
	compiler rel
	call add(r, &makeprg)
	call writefile(r, '$tmp/root.out')
	qa!
	EOF
	cat >"$tmp/expected" <<-'EOF'
	rel-parse --check 'journal.rel'
	months/2026-11.rel:2:17 e 1
	rel-parse --check 'journal.rel'
	EOF
	(cd "$j" && PATH="$bin:$PATH" vim -Nu NONE -i NONE -es -S "$tmp/root.vim" \
	    >/dev/null 2>&1)
	check_same "vim: :make checks the root journal of the file, or b:rel_journal" \
	    "$tmp/expected" "$tmp/root.out"
else
	skip 4 vim
fi

# ---- Emacs

if have emacs; then
	cp "$el" "$tmp/rel-mode.el"
	emacs -Q --batch --eval '(setq byte-compile-error-on-warn t)' \
	    -f batch-byte-compile "$tmp/rel-mode.el" >"$tmp/emacs.msg" 2>&1
	status=$?
	ok $status "emacs: rel-mode.el byte-compiles without warnings"
	[ $status -eq 0 ] || sed 's/^/# /' "$tmp/emacs.msg"

	cat >"$tmp/mode.el" <<-'EOF'
	(find-file "examples/agency.rel")
	(font-lock-ensure)
	(defun face-at (re)
	  (goto-char (point-min))
	  (re-search-forward re)
	  (get-text-property (match-beginning 1) 'face))
	(princ (format "%s\n" major-mode))
	(dolist (re '("^\\(2026-06-02\\) 09:30" "09:30 \\(meeting\\)"
	              "meeting \\(tomas\\)" "\\(planned\\):90m" "\\(\\+kickoff\\)"
	              "priya \\(\"Shop\\)" "bf-mocks *\\(;\\)" "likes: *sailing\\(;\\)"
	              "\\(re\\): the renewals" "\\(\\+1\\) from" "/41 \\(;\\))"
	              "fix \\(\\+analytics\\)" "0000 *\\(;\\) she"))
	  (princ (format "%s\n" (face-at re))))
	EOF
	cat >"$tmp/expected" <<-'EOF'
	rel-mode
	font-lock-constant-face
	font-lock-keyword-face
	font-lock-variable-name-face
	font-lock-type-face
	font-lock-builtin-face
	font-lock-string-face
	font-lock-comment-delimiter-face
	nil
	nil
	nil
	nil
	font-lock-builtin-face
	font-lock-comment-delimiter-face
	EOF
	emacs -Q --batch -l "$el" -l "$tmp/mode.el" >"$tmp/emacs.out" 2>"$tmp/emacs.msg"
	check_same "emacs: rel-mode opens and fontifies agency.rel" \
	    "$tmp/expected" "$tmp/emacs.out"

	cat >"$tmp/compile.el" <<-'EOF'
	(let ((re (cadr (assq 'rel compilation-error-regexp-alist-alist))))
	  (with-temp-buffer
	    (insert-file-contents "errors")
	    (while (not (eobp))
	      (when (looking-at re)
	        (princ (format "%s:%s:%s %s\n" (match-string 1) (match-string 2)
	                       (match-string 3) (if (match-beginning 4) "w" "e"))))
	      (forward-line 1))))
	EOF
	cat >"$tmp/expected" <<-'EOF'
	bad.rel:2:18 e
	bad.rel:3:27 w
	bad.rel:4:27 e
	EOF
	(cd "$tmp" && emacs -Q --batch -l "$el" -l compile.el >compile.out 2>&1)
	check_same "emacs: the compilation regexp reads rel-parse's errors" \
	    "$tmp/expected" "$tmp/compile.out"

	cat >"$tmp/root.el" <<-'EOF'
	(find-file "months/2026-11.rel")
	(princ (format "%s\n" compile-command))
	(princ (shell-command-to-string (concat compile-command " 2>&1 | head -1")))
	(find-file "../people.rel")
	(princ (format "%s\n" compile-command))
	(setq-local rel-journal "months/../journal.rel")
	(princ (format "%s\n" (rel--check-command)))
	EOF
	cat >"$tmp/expected" <<-'EOF'
	rel-parse --check ../journal.rel
	../months/2026-11.rel:2:17: error: promise q was already kept at ../months/2026-11.rel:1
	rel-parse --check journal.rel
	rel-parse --check journal.rel
	EOF
	(cd "$j" && PATH="$bin:$PATH" emacs -Q --batch -l "$el" -l "$tmp/root.el" \
	    >"$tmp/root.out" 2>"$tmp/emacs.msg")
	check_same "emacs: the compile command checks the root journal of the file" \
	    "$tmp/expected" "$tmp/root.out"
else
	skip 4 emacs
fi

# ---- bash

if have bash; then
	complete_bash() {	# complete_bash WORD... : COMPREPLY for the last WORD
		PATH="$bin:$PATH" bash --norc -c '
		    . "$0"; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
		    _rel "$1"; printf "%s\n" "${COMPREPLY[@]}"' \
		    "$comp/rel.bash" "$@" 2>&1
	}
	[ "$(complete_bash rel-score --by '')" = "$(printf 'contact\norg')" ]
	ok $? "bash: rel-score --by completes contact and org"
	complete_bash rel-score examples/agency.rel --explain '' |
	    grep -qx tomas
	ok $? "bash: rel-score --explain completes the contacts of the journal"
	[ "$(complete_bash rel-overdue --ki)" = --kind ] &&
	    [ "$(complete_bash rel-overdue --kind contact,pro)" = contact,promise ] &&
	    [ "$(complete_bash rel-report --color '' | tr '\n' ' ')" = "auto always never " ] &&
	    [ "$(complete_bash rel-log --format '' | tr '\n' ' ')" = "text md csv json " ] &&
	    [ "$(complete_bash rel-overdue --format i)" = ics ]
	ok $? "bash: options and their words come from the tool (--complete)"
	[ "$(complete_bash rel-add --da)" = --date ] &&
	    [ "$(complete_bash rel-add --date ye)" = yesterday ] &&
	    [ "$(complete_bash rel-add -n ca)" = call ] &&
	    complete_bash rel-add -f examples/agency.rel kept '' |
	    grep -qx lena-onboarding &&
	    ! complete_bash rel-add -f examples/agency.rel kept '' | grep -qx tomas &&
	    [ "$(complete_bash rel-add -f examples/agency.rel call tomas,pr)" = \
	    tomas,priya ] &&
	    [ "$(REL_JOURNAL=examples/agency.rel complete_bash rel-add call to)" = \
	    tomas ]
	ok $? "bash: rel-add completes kinds, open refs after kept, contacts"
else
	skip 4 bash
fi

# ---- zsh

if have zsh; then
	out=$(cd "$comp" && zsh -f -c 'autoload -U compinit; compinit -u
	    source _rel && print -r -- $_comps[rel-score] $_comps[rel-add] \
	    $_comps[rel-log]' 2>&1)
	[ "$out" = "_rel _rel _rel" ]
	ok $? "zsh: _rel loads and registers its completion"
else
	skip 1 zsh
fi

done_testing
