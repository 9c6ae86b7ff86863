#!/bin/sh
# Oppgave 1 / exercise 1: are the breaks in svar.txt those turnus finds?
# Usage: sh sjekk.sh
. "$(dirname "$0")/../lib.sh"
need svar.txt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# What turnus finds: "ID RULE" per finding ("- cover" for cover), once.
"$TURNUS" check --format json "$here" > "$tmp/json" 2> "$tmp/err"
if [ $? -gt 1 ]; then
	cat "$tmp/err"
	say "turnus check gikk ikke: er filene i mappa endret?" \
	    "turnus check failed: have the files of the folder been changed?"
	exit 2
fi
sed -n 's/^{"rule":"\([a-z_]*\)","id":"\{0,1\}\([^",]*\)"\{0,1\},.*/\2 \1/p' \
    "$tmp/json" | sed 's/^null /- /' | sort -u > "$tmp/want"

# The trainee's answer: "ID RULE" or "cover"; a rule may be its key or
# its title in Norwegian or English (turnus explain knows them all).
bad=0
sed 's/#.*//; s/^[[:space:]]*//; s/[[:space:]]*$//' "$here/svar.txt" |
    grep -v '^$' > "$tmp/lines"
while IFS= read -r line; do
	case $line in
	[0-9]*) id=${line%%[[:space:]]*} name=${line#"$id"} ;;
	*) id=- name=$line ;;
	esac
	name=$(printf '%s' "$name" | sed 's/^[[:space:]]*//')
	key=$("$TURNUS" explain "$name" 2>/dev/null |
	    sed -n 's/^\([a-z_]*\): .*/\1/p' | head -n 1)
	if [ -z "$key" ]; then
		say "  ukjent regel i svar.txt: '$line' (turnus explain viser alle)" \
		    "  unknown rule in svar.txt: '$line' (turnus explain lists them)"
		bad=$((bad + 1))
		continue
	fi
	[ "$key" = cover ] && id=-
	echo "$id $key"
done < "$tmp/lines" | sort -u > "$tmp/have"

right=$(comm -12 "$tmp/want" "$tmp/have" | wc -l)
wrong=$(comm -13 "$tmp/want" "$tmp/have" | wc -l)
missing=$(comm -23 "$tmp/want" "$tmp/have" | wc -l)
total=$(wc -l < "$tmp/want")
right=$((right + 0)) wrong=$((wrong + 0)) missing=$((missing + 0))
total=$((total + 0))
comm -13 "$tmp/want" "$tmp/have" | while read -r id key; do
	if [ "$id" = - ]; then
		say "  ikke et brudd her: $key" "  no break here: $key"
	else
		say "  ikke et brudd her: $id $key" "  no break here: $id $key"
	fi
done
if [ "$wrong" -eq 0 ] && [ "$missing" -eq 0 ] && [ "$bad" -eq 0 ]; then
	ok "alle $total bruddene er funnet." "all $total breaks are found."
fi
notyet "$right av $total brudd er riktige; $missing mangler, $wrong er feil." \
    "$right of $total breaks are right; $missing missing, $wrong wrong."
