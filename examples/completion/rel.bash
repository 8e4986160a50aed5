# bash completion for the rel tools: rel-parse rel-score rel-overdue
# rel-report rel-fmt.  Source it, or install it as
# /usr/share/bash-completion/completions/rel-parse and make the other
# tools' names there symbolic links to it.

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
	local opts pre
	# --opt=value arrives as three words: --opt = value.
	if [[ $cur == = ]]; then
		cur=
	elif [[ $prev == = && $COMP_CWORD -ge 2 ]]; then
		prev=${COMP_WORDS[COMP_CWORD-2]}
	fi

	COMPREPLY=()
	case $prev in
	--by)		COMPREPLY=($(compgen -W 'contact org' -- "$cur")); return ;;
	--format)	COMPREPLY=($(compgen -W 'text md' -- "$cur")); return ;;
	--color)	COMPREPLY=($(compgen -W 'auto always never' -- "$cur")); return ;;
	--explain|--contact)
			COMPREPLY=($(compgen -W "$(_rel_ids)" -- "$cur")); return ;;
	--owner)	COMPREPLY=($(compgen -W "$(_rel_ids owner)" -- "$cur")); return ;;
	--kind)		# a comma-separated list: complete its last item
		[[ $cur == *,* ]] && pre=${cur%,*},
		COMPREPLY=($(compgen -P "$pre" -W 'contact promise issue request feedback' \
		    -- "${cur##*,}"))
		return ;;
	--today|--since|--until)
			COMPREPLY=($(compgen -W "$(date +%Y-%m-%d)" -- "$cur")); return ;;
	--within)	COMPREPLY=($(compgen -W '7d 14d 30d' -- "$cur")); return ;;
	esac

	case ${1##*/} in
	rel-parse)	opts='--check --keep-going --strict --safe-csv --today' ;;
	rel-score)	opts='--by --explain --since --until --all --safe-csv --today' ;;
	rel-overdue)	opts='--them --within --owner --kind --csv --safe-csv --today' ;;
	rel-report)	opts='--format --ascii --color --contact --since --until --all --today' ;;
	rel-fmt)	opts='--check --in-place --sort' ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "$opts --help --version" -- "$cur"))
		return
	fi

	# Operands: journals and events CSV first, any file if there are none.
	local IFS=$'\n'
	compopt -o filenames 2>/dev/null
	COMPREPLY=($(compgen -f -X '!*.rel' -- "$cur") $(compgen -f -X '!*.csv' -- "$cur")
	    $(compgen -d -- "$cur"))
	[[ ${#COMPREPLY[@]} -eq 0 ]] && COMPREPLY=($(compgen -f -- "$cur"))
}

complete -F _rel rel-parse rel-score rel-overdue rel-report rel-fmt
