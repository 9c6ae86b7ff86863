#!/bin/sh
# Oppgave 6 / exercise 6: Bjørn's Wednesdays locked off in wishes.csv, a
# re-planned ny-turnus.csv that keeps them and every rule, and two counts.
# Usage: sh sjekk.sh
. "$(dirname "$0")/../lib.sh"
need wishes.csv

# 1. A locked day off for 2002 on Wednesdays: the weekday, or the six
# Wednesdays of the rotation by number.
locks=$(wishes "$here/wishes.csv" |
    awk '$1 == 2002 && $3 == "-" && $4 == "off" && $5 == "locked" {
	if ($2 ~ /^(ons|onsdag|wed|wednesday)$/) n += 6
	else if ($2 ~ /^[0-9]+$/ && $2 % 7 == 3) n++
    } END { print n + 0 }')
if [ "$locks" -lt 6 ]; then
	notyet "wishes.csv låser ikke fri for Bjørn Haugen (2002) alle onsdager.  Se OPPGAVE.md." \
	    "wishes.csv does not lock Bjørn Haugen (2002) off on every Wednesday.  See TASK.md."
fi

# 2. The new roster keeps every rule and the lock.
need ny-turnus.csv
"$TURNUS" check -q --roster "$here/ny-turnus.csv" "$here"
case $? in
0) ;;
1) notyet "turnus check finner brudd i ny-turnus.csv.  Lag den med turnus plan." \
       "turnus check finds breaks in ny-turnus.csv.  Make it with turnus plan." ;;
*) exit 2 ;;
esac
# count FILE FIRST STEP: Bjørn's shifts on days FIRST, FIRST + STEP, ...
count() {
	awk -F';' -v first="$2" -v step="$3" '{ sub(/\r$/, "") }
	    $1 == 2002 { for (d = first; d <= 42; d += step)
		n += $(d + 5) != "" && $(d + 5) != "F" }
	    END { print n + 0 }' "$1"
}
if [ "$(count "$here/ny-turnus.csv" 3 7)" -ne 0 ]; then
	notyet "Bjørn jobber en onsdag i ny-turnus.csv: er den laget med låsen i wishes.csv?" \
	    "Bjørn works a Wednesday in ny-turnus.csv: was it made with the lock of wishes.csv?"
fi

# 3. The counts.
need svar.txt
before=$(count "$here/roster.csv" 3 7)
after=$(count "$here/ny-turnus.csv" 1 1)
wrong=0
if ! same "$(answer onsdager_for)" "$before"; then
	say "  onsdager_for: ikke riktig (tell Bjørns vakter dag 3, 10, 17, 24, 31 og 38 i roster.csv)" \
	    "  onsdager_for: not right (count Bjørn's shifts on days 3, 10, 17, 24, 31 and 38 of roster.csv)"
	wrong=$((wrong + 1))
fi
if ! same "$(answer vakter_etter)" "$after"; then
	say "  vakter_etter: ikke riktig (tell Bjørns vakter i ny-turnus.csv)" \
	    "  vakter_etter: not right (count Bjørn's shifts in ny-turnus.csv)"
	wrong=$((wrong + 1))
fi
[ "$wrong" -eq 0 ] || notyet "$wrong av 2 svar er ikke riktige ennå." \
    "$wrong of 2 answers are not right yet."
ok "Bjørn har fri alle onsdager, den nye turnusen holder reglene, og tallene stemmer." \
    "Bjørn is off every Wednesday, the new roster keeps the rules, and the counts are right."
