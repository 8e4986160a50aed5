#!/bin/sh
# examples/cron: the jobs of the crontab, run as cron runs them (env -i,
# the crontab's variables, /bin/sh -c) against the tools as make install
# puts them, its paths re-rooted into a scratch directory, with a fake
# mail(1) that records each mail.  Each owner gets their own items, owners
# with a blank or a letter outside ASCII in their name too; the items of
# no owner go to the default address; a journal with errors sends its
# errors, under a subject that says so, and the job fails; so does a mail
# that cannot be sent.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
plan 18

make -s install DESTDIR="$tmp/root" PREFIX=/usr/local >"$tmp/out" 2>&1
check_status "make install" 0 $?

crontab=$top/examples/cron/crontab
grep -q '^PATH=\(.*:\)\{0,1\}/usr/local/bin\(:.*\)\{0,1\}$' "$crontab" &&
    grep -q '^MAILTO=.' "$crontab"
ok $? "the crontab sets MAILTO, and a PATH with /usr/local/bin"

# The crontab's home: ~/bin with the scripts, ~/journal with the journal
# and the owners' addresses.  Its dates are long past, so that what is
# due does not depend on the day the test runs; Quiet Ltd is not due
# before 2120.
home=$tmp/home/paula
mkdir -p "$home/bin" "$home/journal/people" "$tmp/fake" "$tmp/mail"
cp examples/cron/cronmail examples/cron/overdue-by-owner "$home/bin/"
cd "$home/journal" || exit 1
cat >journal.rel <<'EOF'
option feedback-every 100y

contact stray "Stray Ltd"
  cadence: 7d
  since:   2020-01-01

include people/*.rel
EOF
cat >people/sam.rel <<'EOF'
contact acme "Acme"
  kind:    org
  owner:   Sam Ferreira
  cadence: 7d
  since:   2020-01-01

contact jan "Jan"
  org:     acme
  cadence: 100y
  since:   2020-01-01

2020-01-05 promise jan "Send the quote" id:quote due:2020-01-10
EOF
cat >people/maria.rel <<'EOF'
contact lucia "Lucía"
  owner:   maría
  cadence: 7d
  since:   2020-01-01

2020-01-06 promise lucia,kofi "Joint plan for the two shops" id:joint due:2020-01-12
EOF
cat >people/omar.rel <<'EOF'
contact kofi "Kofi"
  owner:   omar
  cadence: 7d
  since:   2020-01-01
EOF
cat >people/paula.rel <<'EOF'
contact quiet "Quiet Ltd"
  owner:   paula
  cadence: 100y
  since:   2020-01-01
EOF
printf '# owners\nSam Ferreira\tsam@example.com\nmaría\tmaria@example.com\npaula\tpaula@example.com\n' \
    >owners
cd "$top" || exit 1

# mail -s SUBJECT ADDRESS: each mail is kept as N.args and N.body; it
# fails while tmp/mail-fails exists.
cat >"$tmp/fake/mail" <<EOF
#!/bin/sh
n=1
while [ -e "$tmp/mail/\$n.args" ]; do n=\$((n + 1)); done
printf '%s\n' "\$@" >"$tmp/mail/\$n.args"
cat >"$tmp/mail/\$n.body"
[ ! -e "$tmp/mail-fails" ]
EOF
chmod +x "$tmp/fake/mail"

# The crontab, its paths re-rooted, the fake mail first in its PATH.
sed -e "s|/home/paula|$home|g" -e "s|/usr/local/bin|$tmp/root/usr/local/bin|" \
    -e "s|^PATH=|PATH=$tmp/fake:|" "$crontab" >"$tmp/crontab"
grep -q "^PATH=$tmp/fake:$home/bin:$tmp/root/usr/local/bin:/usr/bin:/bin\$" \
    "$tmp/crontab" || echo "# the crontab's PATH is not the one this test expects"

# job N [NAME=VALUE...]: run the Nth job of the crontab as cron does, with
# the crontab's variables and these; the mails it sends in tmp/mail.
job() {
	cmd=$(grep -v -e '^[[:blank:]]*#' -e '^[A-Za-z_][A-Za-z0-9_]*=' \
	    -e '^[[:blank:]]*$' "$tmp/crontab" | sed -n "$1p" |
	    sed 's/^[[:blank:]]*\([^[:blank:]]*[[:blank:]]*\)\{5\}//')
	shift
	while IFS= read -r var; do
		set -- "$var" "$@"
	done <<-EOF
	$(grep '^[A-Za-z_][A-Za-z0-9_]*=' "$tmp/crontab")
	EOF
	rm -f "$tmp"/mail/*
	env -i HOME="$home" LOGNAME=paula SHELL=/bin/sh "$@" /bin/sh -c "$cmd" \
	    >"$tmp/job.out" 2>"$tmp/job.err"
}

# mail_to ADDRESS SUBJECT: the body of the mail sent to ADDRESS under
# SUBJECT, if one was.
mail_to() {
	for a in "$tmp"/mail/*.args; do
		[ -f "$a" ] && [ "$(sed -n 2p "$a")" = "$2" ] &&
		    [ "$(sed -n 3p "$a")" = "$1" ] && echo "${a%.args}.body"
	done
}
mails() { find "$tmp/mail" -name '*.args' | wc -l | tr -d ' '; }
# has BODY WORD...: BODY lists an item of each contact WORD, and no other.
has() {
	body=$1
	shift
	[ -f "$body" ] || return 1
	for w in stray acme jan lucia kofi quiet; do
		case " $* " in
		*" $w "*) grep -qw "$w" "$body" || return 1 ;;
		*) ! grep -qw "$w" "$body" || return 1 ;;
		esac
	done
}

job 1
check_status "to do today: exit 0" 0 $?
[ "$(mails)" = 1 ] &&
    has "$(mail_to paula@example.com 'rel: to do today')" stray acme jan lucia kofi
ok $? "to do today: one mail, to paula, with every item"

job 2
check_status "overdue-by-owner: exit 0" 0 $?
has "$(mail_to sam@example.com 'rel: overdue for Sam Ferreira')" acme jan
ok $? "overdue-by-owner: Sam Ferreira gets acme's items and its member's"
body=$(mail_to maria@example.com 'rel: overdue for maría')
has "$body" lucia kofi
ok $? "overdue-by-owner: maría gets her own, and the promise she shares"
grep -B1 '^    \[joint\] Joint plan for the two shops$' "$body" |
    grep -q '^[0-9]*d late  *[0-9.]*x  *promise  *lucia, kofi  *.*people/maria.rel:6$'
ok $? "overdue-by-owner: an item of two lines keeps both"
has "$(mail_to paula@example.com 'rel: overdue, no owner')" stray
ok $? "overdue-by-owner: the items of no owner go to MAILTO"
body=$(mail_to paula@example.com 'rel: overdue for omar, who has no address')
has "$body" kofi lucia && grep -q '\[joint\]' "$body" &&
    grep -q 'omar has no address' "$body" &&
    grep -q 'omar has no address' "$tmp/job.err"
ok $? "overdue-by-owner: an owner without an address: MAILTO, and why"
[ "$(mails)" = 4 ]
ok $? "overdue-by-owner: nothing to an owner with nothing due"

job 3
[ $? -eq 0 ] && grep -q 'Stray Ltd' "$(mail_to team@example.com 'rel: weekly report')"
ok $? "weekly report: mailed to the team"

job 2 REL_MAIL_DEFAULT=office@example.com
has "$(mail_to office@example.com 'rel: overdue, no owner')" stray
ok $? "overdue-by-owner: REL_MAIL_DEFAULT comes before MAILTO"

cp "$home/journal/people/maria.rel" "$tmp/maria.rel"
printf '\n2026-02-30 call lucia Hello\n' >>"$home/journal/people/maria.rel"
job 1
[ $? -ne 0 ] && [ "$(mails)" = 1 ] &&
    grep -q 'maria.rel:8:1: error: bad date' \
    "$(mail_to paula@example.com 'rel: to do today: the journal has errors')"
ok $? "to do today, a journal with errors: the errors to MAILTO, and a failure"
job 2
[ $? -ne 0 ] && [ "$(mails)" = 1 ] &&
    grep -q 'maria.rel:8:1: error: bad date' "$(mail_to paula@example.com \
    'rel: the journal has errors; no overdue items were sent')"
ok $? "overdue-by-owner, a journal with errors: the errors to MAILTO, and a failure"
job 3
[ $? -ne 0 ] && [ "$(mails)" = 1 ] && grep -q 'maria.rel:8:1: error: bad date' \
    "$(mail_to paula@example.com 'rel: weekly report: the journal has errors')"
ok $? "weekly report, a journal with errors: the errors to MAILTO, not the team"
cp "$tmp/maria.rel" "$home/journal/people/maria.rel"

touch "$tmp/mail-fails"
job 1
[ $? -ne 0 ] && grep -q 'could not mail' "$tmp/job.err"
ok $? "to do today, a mail that fails: a failure"
job 2
[ $? -ne 0 ] && [ "$(mails)" = 4 ] && grep -q 'could not mail' "$tmp/job.err"
ok $? "overdue-by-owner, a mail that fails: the others are sent, and a failure"
rm -f "$tmp/mail-fails"
done_testing
