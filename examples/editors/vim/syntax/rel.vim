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
      \ nextgroup=relBadKind,relTime,relKind,relRateKind skipwhite
syn match relBadKind /\S\+/ contained
syn match relTime /\d\d:\d\d\ze\%(\s\|$\)/ contained
      \ nextgroup=relBadKind,relKind,relRateKind skipwhite
syn keyword relKind contained nextgroup=relSubject skipwhite
      \ meeting call visit email message note promise kept broken moved
      \ ended issue told resolved request answered feedback deal referral
      \ status snooze
syn keyword relRateKind contained nextgroup=relRateSubject skipwhite rate
syn match relSubject /[A-Za-z0-9][A-Za-z0-9._,-]*/ contained
      \ nextgroup=relRest skipwhite
syn match relRateSubject /[A-Za-z0-9][A-Za-z0-9._,-]*/ contained
      \ nextgroup=relRateRest skipwhite

" Directives: contact ID [Name], include PATH, option NAME VALUE.
syn match relDirective /^contact\ze\s/ nextgroup=relSubject skipwhite
syn match relDirective /^include\ze\s/ nextgroup=relPath skipwhite
syn match relDirective /^option\ze\s/ nextgroup=relOptionName skipwhite
syn match relPath /\S\+/ contained nextgroup=relRest skipwhite
syn match relOptionName /[a-z][a-z0-9-]*/ contained nextgroup=relRest skipwhite

" The words after the subject (format 1.1): key:value where the key is one
" of the format's (the rating letters on rate entries only; keys that a
" journal declares with option keys are not known here), +tag where a
" letter follows the +, "quoted", and a ; that stands alone.  Any other
" word is title text.
syn match relRest /.*/ contained
      \ contains=relAttrKey,relTag,relString,relTrailComment
syn match relRateRest /.*/ contained
      \ contains=relAttrKey,relRateKey,relTag,relString,relTrailComment
syn match relAttrKey /\%(^\|\s\)\@<=\%(id\|due\|learned\|since\|cadence\|sla\|planned\|actual\|outcome\|by\|purpose\|ours\|status\|severity\|score\|amount\|currency\|to\|kind\|org\|owner\|expects\|likes\):\ze\S/
      \ contained nextgroup=relValueString
syn match relRateKey /\%(^\|\s\)\@<=[IMBWPHE]:\ze\S/ contained
syn match relTag /\%(^\|\s\)\@<=+\%(\a\|[^\x00-\x7f]\)[^ \t"]*\ze\%(\s\|$\)/
      \ contained
syn region relString start=/\%(^\|\s\)\@<="/ skip=/\\[\\"]/ end=/"/
      \ oneline contained contains=relEscape
syn region relValueString start=/"/ skip=/\\[\\"]/ end=/"/
      \ oneline contained contains=relEscape
syn match relEscape /\\[\\"]/ contained
syn match relTrailComment /\%(^\|\s\)\@<=;\%(\s\|$\)\@=.*/ contained
      \ contains=@Spell

" Left-over merge conflict markers.
syn match relConflict /^\%([<>|]\{7}\|=\{7}\)\%(\s.*\)\=$/

hi def link relComment		Comment
hi def link relTrailComment	Comment
hi def link relDate		Constant
hi def link relTime		Constant
hi def link relKind		Statement
hi def link relRateKind		Statement
hi def link relRateSubject	Identifier
hi def link relRateKey		Type
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
