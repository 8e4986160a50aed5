# bash completion for the rel tools: rel-parse rel-score rel-overdue
# rel-report rel-fmt rel-merge rel-add rel-log.  Source it, or install it as
# /usr/share/bash-completion/completions/rel-parse and make the other
# tools' names there symbolic links to it.  The options of each tool, and
# the words its options take, come from the tool itself (--complete), so
# they are always those of the tool on the PATH.

# _rel_ids [owner]: the contact ids (or the owners) declared in the
# journals named on the command line (by -f for rel-add), or else in
# rel-add's $REL_JOURNAL, or else in ./*.rel.
_rel_ids()
{
	local w prev= files=()
	for w in "${COMP_WORDS[@]:1}"; do
		w=${w/#\~\//$HOME/}
		case $prev,$w in
		-f,*|--file,*|*,*.rel|*,*.csv) [[ -f $w ]] && files+=("$w") ;;
		esac
		prev=$w
	done
	[[ ${#files[@]} -eq 0 && ${COMP_WORDS[0]##*/} == rel-add &&
	    -n $REL_JOURNAL ]] && files=("$REL_JOURNAL")
	[[ ${#files[@]} -eq 0 ]] && files=(./*.rel)
	# Columns 5 and 6 of the events CSV are kind and contact.
	local prog='$5 == "contact" { print $6 }'
	[[ $1 == owner ]] && prog='$5 == "contact" && match($0, /[ ,"]owner:[^ ,"]+/) {
		print substr($0, RSTART + 7, RLENGTH - 7) }'
	rel-parse --keep-going -- "${files[@]}" 2>/dev/null | awk -F, "$prog" | sort -u
}

# _rel_add TOOL: rel-add's operands: KIND (the kinds), then SUBJECT (the
# open refs that KIND follows up, or contact ids, the last of a list
# joined by commas), then the words of the entry.  Returns 1 where the
# options and their arguments are completed instead: before KIND.
_rel_add()
{
	local i w n=0 kind ids pre f=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		w=${COMP_WORDS[i]}
		if ((n == 0)); then
			case $w in
			-f|--file|--date|--time|--today)
				[[ ${COMP_WORDS[i+1]} == = ]] && ((i++))
				((i++))
				[[ $w == -f || $w == --file ]] &&
				    f=(-f "${COMP_WORDS[i]/#\~\//$HOME/}")
				continue ;;
			-*)	continue ;;
			esac
		fi
		((n++ == 0)) && kind=$w
	done
	COMPREPLY=()
	case $n,$prev in
	0,--time) return 0 ;;
	0,-f|0,--file|0,--date|0,--today) return 1 ;;
	0,*)	[[ $cur == -* ]] && return 1
		COMPREPLY=($(compgen -W "$("$1" --complete kinds 2>/dev/null)" \
		    -- "$cur")) ;;
	1,*)	if ids=$("$1" "${f[@]}" --complete "refs:$kind" 2>/dev/null); then
			COMPREPLY=($(compgen -W "$ids" -- "$cur"))
		else
			[[ $cur == *,* ]] && pre=${cur%,*},
			COMPREPLY=($(compgen -P "$pre" -W "$(_rel_ids)" \
			    -- "${cur##*,}"))
		fi ;;
	esac
	return 0
}

_rel()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
	local words pre
	# --opt=value arrives as three words: --opt = value.
	if [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
		prev=${COMP_WORDS[COMP_CWORD-2]}
	fi

	COMPREPLY=()
	[[ ${1##*/} == rel-add ]] && _rel_add "$1" && return
	case $prev in
	--explain|--contact|--not-contact|--org|--not-org)
			COMPREPLY=($(compgen -W "$(_rel_ids)" -- "$cur")); return ;;
	--owner|--not-owner)
			COMPREPLY=($(compgen -W "$(_rel_ids owner)" -- "$cur")); return ;;
	--today|--since|--until)
			COMPREPLY=($(compgen -W "$(date +%Y-%m-%d)" -- "$cur")); return ;;
	--tag|--not-tag|--grep|--not-grep)
			return ;;	# a tag or a pattern: nothing to offer
	--kind|--not-kind)	# a comma-separated list: complete its last item
		[[ $cur == *,* ]] && pre=${cur%,*},
		COMPREPLY=($(compgen -P "$pre" -W "$("$1" --complete "$prev" \
		    2>/dev/null)" -- "${cur##*,}"))
		return ;;
	--*)		# the words the tool takes after the option
		words=$("$1" --complete "$prev" 2>/dev/null)
		if [[ -n $words ]]; then
			COMPREPLY=($(compgen -W "$words" -- "$cur"))
			return
		fi ;;
	esac

	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$("$1" --complete options 2>/dev/null)" \
		    -- "$cur"))
		return
	fi

	# Operands: journals and events CSV first, any file if there are none.
	local IFS=$'\n'
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen -f -X '!*.rel' -- "$cur") $(compgen -f -X '!*.csv' -- "$cur")
	    $(compgen -d -- "$cur"))
	[[ ${#COMPREPLY[@]} -eq 0 ]] && COMPREPLY=($(compgen -f -- "$cur"))
}

complete -F _rel rel-parse rel-score rel-overdue rel-report rel-fmt rel-merge rel-add \
    rel-log
