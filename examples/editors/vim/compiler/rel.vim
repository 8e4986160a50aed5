" Vim compiler file
" Compiler:	rel-parse --check (rel journals)
" Usage:	:compiler rel | :make

if exists("current_compiler")
  finish
endif
let current_compiler = "rel"

if exists(":CompilerSet") != 2
  command -nargs=* CompilerSet setlocal <args>
endif

" The tools print FILE:LINE:COL: error: MESSAGE (or warning:), then the
" source line and a caret line, both indented by two blanks.  COL counts
" characters, which %v gets right wherever there are no tabs before it.
CompilerSet makeprg=rel-parse\ --check\ %:S
CompilerSet errorformat=%f:%l:%v:\ %trror:\ %m,
		       \%f:%l:%v:\ %tarning:\ %m,
		       \%-G\ \ %.%#
