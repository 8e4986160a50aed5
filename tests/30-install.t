#!/bin/sh
# make install honours PREFIX and DESTDIR; make uninstall takes it back.
. "$(dirname "$0")/lib.sh"
cd "$top" || exit 1
plan 9

make -s install DESTDIR="$tmp/root" PREFIX=/opt/rel >"$tmp/out" 2>&1
check_status "make install" 0 $?
[ -x "$tmp/root/opt/rel/bin/rel-parse" ]
ok $? "the tools go to \$DESTDIR\$PREFIX/bin"
[ -f "$tmp/root/opt/rel/share/man/man1/rel-parse.1" ] &&
    [ -f "$tmp/root/opt/rel/share/man/man5/rel-journal.5" ] &&
    [ -f "$tmp/root/opt/rel/share/man/man7/rel.7" ]
ok $? "the manual pages go to \$DESTDIR\$PREFIX/share/man"
"$tmp/root/opt/rel/bin/rel-parse" --version >/dev/null
ok $? "the installed tool runs"
[ -x "$tmp/root/opt/rel/bin/rel-fmt" ] && [ -f "$tmp/root/opt/rel/share/man/man1/rel-fmt.1" ]
ok $? "rel-fmt and its page are installed"
[ -x "$tmp/root/opt/rel/bin/rel-merge" ] &&
    [ -f "$tmp/root/opt/rel/share/man/man1/rel-merge.1" ]
ok $? "rel-merge and its page are installed"
[ -x "$tmp/root/opt/rel/bin/rel-log" ] &&
    [ -f "$tmp/root/opt/rel/share/man/man1/rel-log.1" ] &&
    [ -L "$tmp/root/opt/rel/share/bash-completion/completions/rel-log" ]
ok $? "rel-log, its page and its completion are installed"
[ -f "$tmp/root/opt/rel/share/bash-completion/completions/rel-parse" ] &&
    [ -L "$tmp/root/opt/rel/share/bash-completion/completions/rel-score" ] &&
    [ -f "$tmp/root/opt/rel/share/zsh/site-functions/_rel" ]
ok $? "bash and zsh completion are installed"
make -s uninstall DESTDIR="$tmp/root" PREFIX=/opt/rel >"$tmp/out" 2>&1
[ ! -e "$tmp/root/opt/rel/bin/rel-parse" ] &&
    [ ! -e "$tmp/root/opt/rel/bin/rel-merge" ] &&
    [ ! -e "$tmp/root/opt/rel/bin/rel-log" ] &&
    [ ! -e "$tmp/root/opt/rel/share/man/man1/rel-log.1" ] &&
    [ ! -e "$tmp/root/opt/rel/share/man/man5/rel-journal.5" ] &&
    [ ! -e "$tmp/root/opt/rel/share/man/man7/rel.7" ] &&
    [ ! -e "$tmp/root/opt/rel/share/zsh/site-functions/_rel" ]
ok $? "make uninstall removes them"
done_testing
