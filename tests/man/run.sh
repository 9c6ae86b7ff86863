#!/bin/sh
# Manual page tests (after git's t0450-txt-doc-vs-help.sh and t0012-help.sh):
# 1. mandoc -Tlint -Wwarning prints nothing for any page in man/ and
#    man/nb/ (the Norwegian pages);
# 2. every command of the dispatch table ("turnus --help") has a page
#    man/turnus-CMD.1 whose SYNOPSIS names the same options as the
#    table's synopsis, and "turnus CMD --help" exits 0;
# 3. every rule key of src/rules.c and every finding key of src/check.c
#    is explained in turnus-rules(7), English and Norwegian.
: "${TURNUS:?set TURNUS to the turnus binary}"
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
man=$top/man
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); printf 'FAIL %s\n' "$*" >&2; }

# The option names in a synopsis: words that start with - or -- after
# the start of the line, a blank, '[' or '|'.
opts() {
	grep -oE '(^|[][ |])--?[A-Za-z0-9][-A-Za-z0-9]*' |
	    sed -E 's/^[][ |]//' | sort -u
}

# The SYNOPSIS section of a page as plain text.
synopsis() {
	mandoc -Tascii -O width=400 "$1" 2>/dev/null | col -b |
	    awk '/^SYNOPSIS/ { on = 1; next } /^[A-Z]/ { on = 0 } on'
}

if ! command -v mandoc >/dev/null 2>&1; then
	echo "man: mandoc is missing; 'make deps' installs it" >&2
	exit 1
fi

# 1. lint
pages=$(ls "$man"/*.[1-9] "$man"/nb/*.[1-9] 2>/dev/null)
if [ -z "$pages" ]; then
	bad "lint: no manual pages in $man"
elif mandoc -Tlint -Wwarning $pages > "$tmp/lint" 2>&1 &&
    [ ! -s "$tmp/lint" ]; then
	ok
else
	bad "lint: mandoc -Tlint -Wwarning man/* man/nb/* printed:"
	sed 's/^/    /' "$tmp/lint" >&2
fi

# 2. the dispatch table against the pages
"$TURNUS" --help > "$tmp/help" 2>&1 || bad "turnus --help exits non-zero"
# a synopsis wraps at 80 columns: its indented lines join the first
awk '/^[[:space:]]+turnus [a-z]/ { if (l != "") print l; l = $0; next }
    /^[[:space:]]+[^[:space:]]/ && l != "" { sub(/^[[:space:]]+/, " ")
	l = l $0; next }
    { if (l != "") print l; l = "" } END { if (l != "") print l }' \
    "$tmp/help" |
    sed -n 's/^[[:space:]]\{1,\}turnus \([a-z][a-z0-9-]*\)\(.*\)$/\1\2/p' \
    > "$tmp/table"
[ -s "$tmp/table" ] || bad "turnus --help lists no command"
while read -r cmd rest; do
	page=$man/turnus-$cmd.1
	if [ ! -f "$page" ]; then
		bad "$cmd: no manual page man/turnus-$cmd.1"
		continue
	fi
	printf '%s\n' "$rest" | opts > "$tmp/want"
	synopsis "$page" > "$tmp/syn"
	if ! grep -q "turnus $cmd" "$tmp/syn"; then
		bad "$cmd: the SYNOPSIS of turnus-$cmd.1 does not show" \
		    "'turnus $cmd'"
	fi
	opts < "$tmp/syn" > "$tmp/have"
	if cmp -s "$tmp/want" "$tmp/have"; then
		ok
	else
		bad "$cmd: options of 'turnus --help' (<) and of the" \
		    "SYNOPSIS of turnus-$cmd.1 (>) differ:"
		diff "$tmp/want" "$tmp/have" | grep '^[<>]' | sed 's/^/    /' >&2
	fi
	if "$TURNUS" "$cmd" --help > "$tmp/out" 2>&1 &&
	    grep -q "turnus $cmd" "$tmp/out"; then
		ok
	else
		bad "$cmd: 'turnus $cmd --help' does not exit 0 with its usage"
	fi
done < "$tmp/table"

# 3. rule keys explained in turnus-rules(7), and in its Norwegian page
{
	sed -n 's/^[[:space:]]*{ "\([a-z_0-9]*\)", R_.*/\1/p' \
	    "$top/src/rules.c"
	sed -n 's/^[[:space:]]*{ "\([a-z_0-9]*\)", "[^"]*" },.*/\1/p' \
	    "$top/src/check.c"
} | sort -u > "$tmp/keys"
for rules in "$man/turnus-rules.7" "$man/nb/turnus-rules.7"; do
	page=${rules#"$top/"}
	if [ ! -f "$rules" ]; then
		bad "rules: no manual page $page"
	elif [ ! -s "$tmp/keys" ]; then
		bad "rules: no rule keys found in src/rules.c and src/check.c"
	else
		missing=""
		while read -r key; do
			grep -Eq "Cm( .*)? $key( |\$)" "$rules" ||
			    missing="$missing $key"
		done < "$tmp/keys"
		if [ -z "$missing" ]; then
			ok
		else
			bad "rules: keys not explained in $page:$missing"
		fi
	fi
done

echo "man: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
