#!/bin/sh
# Every message marked in the sources (_ N_ P_, gathered by xgettext into
# the template) has a Norwegian translation in the catalogue: none
# missing, none untranslated, none fuzzy, and msgfmt --check passes.
# Usage: sh tests/po/run.sh po/nb.po build/turnus.pot
po=${1:?po file}
pot=${2:?template}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
fail=0

# Messages of the template that the catalogue lacks, or leaves empty.
if ! msgcmp "$po" "$pot" > "$tmp/cmp" 2>&1; then
	echo "FAIL po: $po lacks a Norwegian translation (make po, then" \
	    "translate):" >&2
	sed -n 's/^[^:]*:\([0-9]*\): this message is used but not.*/\1/p' \
	    "$tmp/cmp" > "$tmp/lines"
	awk 'NR == FNR { want[$1] = 1; next }
	    /^msgid / { id = $0; next } /^"/ { id = id " " $0; next }
	    FNR in want { gsub(/"[ ]*"/, "", id); sub(/^msgid  */, "", id)
		print "    msgid " id }' "$tmp/lines" "$pot" |
	    head -40 >&2
	fail=1
fi

# msgfmt: format strings that agree, and the statistics.
if ! msgfmt --check --statistics -o /dev/null "$po" > "$tmp/stat" 2>&1
then
	echo "FAIL po: msgfmt --check $po:" >&2
	head -20 "$tmp/stat" >&2
	fail=1
fi
if grep -Eq 'untranslated|fuzzy' "$tmp/stat"; then
	echo "FAIL po: $(cat "$tmp/stat")" >&2
	msgattrib --untranslated --only-fuzzy "$po" 2>/dev/null | head -20 >&2
	msgattrib --untranslated "$po" 2>/dev/null | head -20 >&2
	fail=1
fi

# Translations no message uses any more: a warning, not a failure.
n=$(msgattrib --only-obsolete "$po" 2>/dev/null | grep -c '^#~ msgid')
[ "$n" -gt 0 ] && echo "po: $n obsolete entries in $po (make po drops" \
    "them from use)" >&2
[ $fail = 0 ] && echo "po: $(tr -d '\n' < "$tmp/stat")"
exit $fail
