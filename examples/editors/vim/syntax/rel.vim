" Vim syntax file
" Language:	rel journal (see rel-journal(5))
" Filenames:	*.rel

if exists("b:current_syntax")
  finish
endif

syn case match
syn iskeyword @,48-57,_,-

" Whole-line comments: ; or # as the first non-blank.
syn match relComment /^\s*[;#].*/ contains=@Spell

" Indented lines: `key: value` is an attribute, anything else a note.
syn match relIndentKey /^\s\+\zs\%([a-z][a-z0-9-]*\|[IMBWPHE]\):\ze\s\+\S/

" Entry heads: DATE [HH:MM] KIND SUBJECT words...
syn match relDate /^\d\{4}-\d\d-\d\d\ze\%(\s\|$\)/
      \ nextgroup=relBadKind,relTime,relKind skipwhite
syn match relBadKind /\S\+/ contained
syn match relTime /\d\d:\d\d\ze\%(\s\|$\)/ contained
      \ nextgroup=relBadKind,relKind skipwhite
syn keyword relKind contained nextgroup=relSubject skipwhite
      \ meeting call visit email message note promise kept broken moved
      \ issue told resolved request answered feedback deal referral rate
      \ status
syn match relSubject /[A-Za-z0-9][A-Za-z0-9._,-]*/ contained
      \ nextgroup=relRest skipwhite

" Directives: contact ID [Name], include PATH, option NAME VALUE.
syn match relDirective /^contact\ze\s/ nextgroup=relSubject skipwhite
syn match relDirective /^include\ze\s/ nextgroup=relPath skipwhite
syn match relDirective /^option\ze\s/ nextgroup=relOptionName skipwhite
syn match relPath /\S\+/ contained nextgroup=relRest skipwhite
syn match relOptionName /[a-z][a-z0-9-]*/ contained nextgroup=relRest skipwhite

" The words after the subject: key:value, +tag, "quoted", ; comment.
syn match relRest /.*/ contained
      \ contains=relAttrKey,relTag,relString,relTrailComment
syn match relAttrKey /\%(^\|\s\)\@<=\%([a-z][a-z0-9-]*\|[IMBWPHE]\):\ze\S/
      \ contained nextgroup=relValueString
syn match relTag /\%(^\|\s\)\@<=+\S\+/ contained
syn region relString start=/\%(^\|\s\)\@<="/ skip=/\\[\\"]/ end=/"/
      \ oneline contained contains=relEscape
syn region relValueString start=/"/ skip=/\\[\\"]/ end=/"/
      \ oneline contained contains=relEscape
syn match relEscape /\\[\\"]/ contained
syn match relTrailComment /\%(^\|\s\)\@<=;.*/ contained contains=@Spell

" Left-over merge conflict markers.
syn match relConflict /^\%([<>|]\{7}\|=\{7}\)\%(\s.*\)\=$/

hi def link relComment		Comment
hi def link relTrailComment	Comment
hi def link relDate		Constant
hi def link relTime		Constant
hi def link relKind		Statement
hi def link relBadKind		Error
hi def link relSubject		Identifier
hi def link relDirective	PreProc
hi def link relPath		String
hi def link relOptionName	Identifier
hi def link relAttrKey		Type
hi def link relIndentKey	Type
hi def link relTag		Special
hi def link relString		String
hi def link relValueString	String
hi def link relEscape		SpecialChar
hi def link relConflict		Error

let b:current_syntax = "rel"
