#!/bin/sh
# Oppgave 5 / exercise 5: the wishes in wishes.csv, a planned roster
# ny-turnus.csv that keeps the rules, and the wishes it granted, counted.
# Usage: sh sjekk.sh
. "$(dirname "$0")/../lib.sh"
need wishes.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# 1. The four wish rows of the task, whatever the weights.
wishes "$here/wishes.csv" | awk '{ print $1, $2, $3, $4 }' | sort > "$tmp/have"
sort > "$tmp/want" <<'EOS'
2003 20 - off
2003 21 - off
2005 24 - off
2006 16 D on
EOS
comm -13 "$tmp/want" "$tmp/have" | while read -r id day shift kind; do
	say "  ikke et ønske i oppgaven: $id dag $day $shift $kind" \
	    "  not a wish of the task: $id day $day $shift $kind"
done
if ! cmp -s "$tmp/want" "$tmp/have"; then
	n=$(comm -23 "$tmp/want" "$tmp/have" | wc -l)
	notyet "wishes.csv mangler $((n + 0)) av de fire ønskeradene.  Se OPPGAVE.md." \
	    "wishes.csv lacks $((n + 0)) of the four wish rows.  See TASK.md."
fi

# 2. The planned roster keeps every rule, with the case's files.
need ny-turnus.csv
"$TURNUS" check -q --roster "$here/ny-turnus.csv" "$here"
case $? in
0) ;;
1) notyet "turnus check finner brudd i ny-turnus.csv.  Lag den med turnus plan." \
       "turnus check finds breaks in ny-turnus.csv.  Make it with turnus plan." ;;
*) exit 2 ;;
esac

# 3. The wishes granted: a day off is an empty cell (or F), a shift its
# code.
granted=$(awk -F';' 'NR == 1 { sub(/^\357\273\277/, "") } { sub(/\r$/, "") }
    function off(c) { return c == "" || c == "F" }
    $1 == 2003 { n += off($25) + off($26) }
    $1 == 2005 { n += off($29) }
    $1 == 2006 { n += $21 == "D" }
    END { print n + 0 }' "$here/ny-turnus.csv")
need svar.txt
have=$(answer innfridd)
if ! same "$have" "$granted"; then
	notyet "innfridd = ${have:-?} stemmer ikke med ny-turnus.csv.  Se på dag 20, 21, 24 og 16." \
	    "innfridd = ${have:-?} does not agree with ny-turnus.csv.  Look at days 20, 21, 24 and 16."
fi
ok "ønskene er riktige, den nye turnusen holder reglene, og $granted av 4 ønskerader ble innfridd." \
    "the wishes are right, the new roster keeps the rules, and $granted of 4 wish rows were granted."
