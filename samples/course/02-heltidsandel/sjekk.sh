#!/bin/sh
# Oppgave 2 / exercise 2: the full-time measures of Lia, by hand.
# Usage: sh sjekk.sh
. "$(dirname "$0")/../lib.sh"
need svar.txt
json=$("$TURNUS" report --format json "$here") || {
	say "turnus report gikk ikke: er filene i mappa endret?" \
	    "turnus report failed: have the files of the folder been changed?"
	exit 2
}
lia=$(printf '%s\n' "$json" | grep '^{"department":"Lia"')
total=$(printf '%s\n' "$json" | grep '^"total":')

# num OBJECT KEY: a number of a JSON object on one line.
num() {
	printf '%s\n' "$1" | jnum "$2"
}

wrong=0
# check KEY WANT TOLERANCE NORWEGIAN ENGLISH
check() {
	have=$(answer "$1")
	if same "$have" "$2" "$3"; then
		say "  $1: riktig" "  $1: right"
	elif [ -z "$have" ]; then
		say "  $1: mangler svar ($4)" "  $1: no answer yet ($5)"
		wrong=$((wrong + 1))
	else
		say "  $1: $have er ikke riktig ($4)" \
		    "  $1: $have is not right ($5)"
		wrong=$((wrong + 1))
	fi
}
share=$(awk -v s="$(num "$lia" full_time_share)" 'BEGIN { print s * 100 }')
check personer "$(num "$lia" headcount)" 0 \
    "personer i Lia" "persons in Lia"
check heltid "$(num "$lia" full_time)" 0 \
    "heltidsansatte i Lia" "full-time persons in Lia"
check heltidsandel "$share" 0.1 \
    "heltidsandel i prosent" "full-time share, per cent"
check snittstilling "$(num "$lia" avg_position_pct)" 0.1 \
    "gjennomsnittlig stillingsstørrelse" "average position size"
check arsverk "$(num "$lia" fte)" 0.01 \
    "årsverk i Lia" "full-time equivalents in Lia"
check mangler "$(num "$lia" needed_for_target)" 0 \
    "heltidsansatte som mangler til målet" "full-time persons short of the target"
check ufrivillig "$(num "$lia" involuntary_part_time)" 0 \
    "ufrivillig deltid" "involuntary part-time"
check heltid_totalt "$(num "$total" full_time)" 0 \
    "heltidsansatte i begge avdelingene til sammen" \
    "full-time persons in both departments together"
[ "$wrong" -eq 0 ] && ok "alle tallene stemmer med turnus report." \
    "every number agrees with turnus report."
notyet "$wrong av 8 svar er ikke riktige ennå." \
    "$wrong of 8 answers are not right yet."
