" Vim compiler file
" Compiler:	rel-parse --check (rel journals)
" Usage:	:compiler rel | :make
"
" A journal may be many files joined by include lines; a file of it alone
" may name contacts and refs that another file declares.  So :make checks
" the journal the current file belongs to:
"   - b:rel_journal, when set: a path, relative to the directory of the
"     current file, or absolute;
"   - else the nearest root journal: the first *.rel file that includes
"     the current file, looked for in its directory and then upwards (up
"     to the top of a git work tree), then the file that includes that
"     one, and so on;
"   - else the current file.
" The journal is found when :compiler rel runs; run it again after
" setting b:rel_journal.

if exists("current_compiler")
  finish
endif
let current_compiler = "rel"

if exists(":CompilerSet") != 2
  command -nargs=* CompilerSet setlocal <args>
endif

let s:cpo_save = &cpo
set cpo&vim

" The files that the include lines of a:file name, with their globs
" expanded, as full paths.
function! s:RelIncludes(file) abort
  let dir = fnamemodify(a:file, ':h')
  let found = []
  if !filereadable(a:file)
    return found
  endif
  for line in filter(readfile(a:file), 'v:val =~# "^include[ \t]"')
    let word = substitute(line, '^include[ \t]\+', '', '')
    if word =~# '^"'
      let path = matchstr(word, '^"\zs\%([^"\\]\|\\.\)*\ze"')
      let path = substitute(path, '\\\(.\)', '\1', 'g')
    else
      let path = matchstr(word, '^[^ \t\r]\+')
    endif
    if path ==# ''
      continue
    endif
    if path !~# '^/'
      let path = dir . '/' . path
    endif
    let names = path =~# '[*?[]' ? glob(path, 1, 1) : [path]
    call extend(found, map(names, 'resolve(simplify(fnamemodify(v:val, ":p")))'))
  endfor
  return found
endfunction

" The root journal of a:file, as described above.
function! s:RelJournal(file) abort
  let file = resolve(simplify(fnamemodify(a:file, ':p')))
  let seen = {file : 1}
  let dir = fnamemodify(file, ':h')
  while 1
    let includer = ''
    for name in glob(dir . '/*.rel', 1, 1)
      let name = resolve(simplify(fnamemodify(name, ':p')))
      if !has_key(seen, name) && index(s:RelIncludes(name), file) >= 0
        let includer = name
        break
      endif
    endfor
    if includer !=# ''
      let file = includer
      let seen[file] = 1
      let dir = fnamemodify(file, ':h')
    elseif isdirectory(dir . '/.git') || filereadable(dir . '/.git')
          \ || fnamemodify(dir, ':h') ==# dir
      return file
    else
      let dir = fnamemodify(dir, ':h')
    endif
  endwhile
endfunction

let s:journal = ''
if exists('b:rel_journal') && b:rel_journal !=# ''
  let s:journal = b:rel_journal =~# '^[/~]' ? expand(b:rel_journal)
        \ : expand('%:p:h') . '/' . b:rel_journal
elseif expand('%') !=# '' && filereadable(expand('%'))
  let s:journal = s:RelJournal(expand('%'))
endif

" The tools print FILE:LINE:COL: error: MESSAGE (or warning:), then the
" source line and a caret line, both indented by two blanks.  COL counts
" characters, which %v gets right wherever there are no tabs before it.
if s:journal ==# '' || s:journal ==# resolve(expand('%:p'))
  CompilerSet makeprg=rel-parse\ --check\ %:S
else
  execute 'CompilerSet makeprg=' . escape('rel-parse --check '
        \ . shellescape(fnamemodify(simplify(s:journal), ':.'), 1), ' \|"')
endif
CompilerSet errorformat=%f:%l:%v:\ %trror:\ %m,
		       \%f:%l:%v:\ %tarning:\ %m,
		       \%-G\ \ %.%#

unlet s:journal
let &cpo = s:cpo_save
unlet s:cpo_save
