#!/bin/sh
# Oppgave 7 / exercise 7: read the pilot series of Skaun with turnus batch.
# Usage: sh sjekk.sh
. "$(dirname "$0")/../lib.sh"
need svar.txt
json=$("$TURNUS" batch --format json "$here/Skaun") || {
	say "turnus batch gikk ikke: er mappa Skaun endret?" \
	    "turnus batch failed: has the folder Skaun been changed?"
	exit 2
}
# rows DEPARTMENT: its rows, one a line, in period order.
rows() {
	printf '%s\n' "$json" | grep "^{\"period\":.*\"department\":\"$1\""
}
first=$(rows "Skaun sykehjem" | grep '"meets_target":true' | head -n 1 |
    sed 's/^{"period":"\([^"]*\)".*/\1/')
borsa=$(rows "Børsa omsorgsboliger" | grep '"period":"2025-Q2"' |
    jnum full_time_share)
long=$(rows "Skaun sykehjem" | grep '"period":"2025-Q1"' |
    jnum long_weekend_share)
moved=$(rows "Skaun sykehjem" | jnum to_full_time | awk '{ n += $1 }
    END { print n + 0 }')
pct() { awk -v x="$1" 'BEGIN { print x * 100 }'; }

wrong=0
# verdict KEY RIGHT NORWEGIAN ENGLISH
verdict() {
	if [ "$2" = 1 ]; then
		say "  $1: riktig" "  $1: right"
	else
		say "  $1: ikke riktig ($3)" "  $1: not right ($4)"
		wrong=$((wrong + 1))
	fi
}
a=$(answer forste_maal | tr '[:lower:]' '[:upper:]')
verdict forste_maal "$([ "$a" = "$first" ] && echo 1)" \
    "første periode Skaun sykehjem nådde målet, som 2024-Q1" \
    "the first period Skaun sykehjem met the target, as 2024-Q1"
verdict borsa_2025q2 "$(same "$(answer borsa_2025q2)" "$(pct "$borsa")" 0.1 &&
    echo 1)" "heltidsandel i prosent" "full-time share, per cent"
verdict langvakt_2025q1 "$(same "$(answer langvakt_2025q1)" "$(pct "$long")" \
    0.1 && echo 1)" "langvakter av helgevaktene, i prosent" \
    "long shifts among the weekend shifts, per cent"
verdict til_heltid "$(same "$(answer til_heltid)" "$moved" && echo 1)" \
    "fra deltid til heltid, alle periodene lagt sammen" \
    "from part-time to full-time, all periods added up"
[ "$wrong" -eq 0 ] && ok "alle svarene stemmer med turnus batch." \
    "every answer agrees with turnus batch."
notyet "$wrong av 4 svar er ikke riktige ennå." \
    "$wrong of 4 answers are not right yet."
