#!/bin/sh
# Oppgave 3 / exercise 3: what long weekend shifts change (capacity).
# Usage: sh sjekk.sh
. "$(dirname "$0")/../lib.sh"
need svar.txt
json=$("$TURNUS" capacity --format json "$here") || {
	say "turnus capacity gikk ikke: er filene i mappa endret?" \
	    "turnus capacity failed: have the files of the folder been changed?"
	exit 2
}
rows=$(printf '%s\n' "$json" | awk '{ sub(/.*"rows":\[/, ""); sub(/\]}.*/, "");
    gsub(/\},\{/, "}\n{"); print }')

# row EVERY LONG KEY: a number of the row for that weekend rule.
row() {
	printf '%s\n' "$rows" |
	    grep "\"weekend_every\":$1,\"long_shifts\":$2," |
	    jnum "$3"
}

wrong=0
# check KEY WANT TOLERANCE NORWEGIAN ENGLISH
check() {
	have=$(answer "$1")
	if same "$have" "$2" "$3"; then
		say "  $1: riktig" "  $1: right"
	else
		[ -z "$have" ] && have="?"
		say "  $1: $have er ikke riktig ($4)" \
		    "  $1: $have is not right ($5)"
		wrong=$((wrong + 1))
	fi
}
pct() { awk -v x="$1" 'BEGIN { print x * 100 }'; }
avg=$(awk -v f="$(row 3 false fte)" -v h="$(row 3 false heads)" \
    'BEGIN { print f / h * 100 }')
check helg_uten "$(row 3 false weekend_persons)" 0 \
    "personer på jobb en helg uten langvakter" \
    "persons on duty a weekend without long shifts"
check hoder_3_uten "$(row 3 false heads)" 0 \
    "ansatte helgene trenger, hver 3. helg uten langvakter" \
    "heads the weekends need, every 3rd weekend without long shifts"
check snitt_3_uten "$avg" 0.5 \
    "gjennomsnittlig stilling: årsverk / ansatte" \
    "average position: full-time equivalents / heads"
check helg_med "$(row 3 true weekend_persons)" 0 \
    "personer på jobb en helg med langvakter" \
    "persons on duty a weekend with long shifts"
check hoder_3_med "$(row 3 true heads)" 0 \
    "ansatte helgene trenger, hver 3. helg med langvakter" \
    "heads the weekends need, every 3rd weekend with long shifts"
check hoder_4_med "$(row 4 true heads)" 0 \
    "ansatte helgene trenger, hver 4. helg med langvakter" \
    "heads the weekends need, every 4th weekend with long shifts"
check andel_3_med "$(pct "$(row 3 true design_share)")" 0.5 \
    "beste heltidsandel, hver 3. helg med langvakter" \
    "best full-time share, every 3rd weekend with long shifts"
check andel_4_med "$(pct "$(row 4 true design_share)")" 0.5 \
    "beste heltidsandel, hver 4. helg med langvakter" \
    "best full-time share, every 4th weekend with long shifts"
[ "$wrong" -eq 0 ] && ok "alle tallene stemmer med turnus capacity." \
    "every number agrees with turnus capacity."
notyet "$wrong av 8 svar er ikke riktige ennå." \
    "$wrong of 8 answers are not right yet."
