# bash completion for the rel tools: rel-parse rel-score rel-overdue
# rel-report rel-fmt rel-merge.  Source it, or install it as
# /usr/share/bash-completion/completions/rel-parse and make the other
# tools' names there symbolic links to it.  The options of each tool, and
# the words its options take, come from the tool itself (--complete), so
# they are always those of the tool on the PATH.

# _rel_ids [owner]: the contact ids (or the owners) declared in the
# journals named on the command line, or else in ./*.rel.
_rel_ids()
{
	local w files=()
	for w in "${COMP_WORDS[@]:1}"; do
		w=${w/#\~\//$HOME/}
		case $w in *.rel|*.csv) [[ -f $w ]] && files+=("$w") ;; esac
	done
	[[ ${#files[@]} -eq 0 ]] && files=(./*.rel)
	# Columns 5 and 6 of the events CSV are kind and contact.
	local prog='$5 == "contact" { print $6 }'
	[[ $1 == owner ]] && prog='$5 == "contact" && match($0, /[ ,"]owner:[^ ,"]+/) {
		print substr($0, RSTART + 7, RLENGTH - 7) }'
	rel-parse --keep-going -- "${files[@]}" 2>/dev/null | awk -F, "$prog" | sort -u
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
	case $prev in
	--explain|--contact)
			COMPREPLY=($(compgen -W "$(_rel_ids)" -- "$cur")); return ;;
	--owner)	COMPREPLY=($(compgen -W "$(_rel_ids owner)" -- "$cur")); return ;;
	--today|--since|--until)
			COMPREPLY=($(compgen -W "$(date +%Y-%m-%d)" -- "$cur")); return ;;
	--kind)		# a comma-separated list: complete its last item
		[[ $cur == *,* ]] && pre=${cur%,*},
		COMPREPLY=($(compgen -P "$pre" -W "$("$1" --complete --kind \
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

complete -F _rel rel-parse rel-score rel-overdue rel-report rel-fmt rel-merge
