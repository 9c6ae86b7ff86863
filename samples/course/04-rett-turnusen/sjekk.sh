#!/bin/sh
# Oppgave 4 / exercise 4: does the corrected roster.csv pass turnus check,
# with the same employees and the other files of the case unchanged?
# Usage: sh sjekk.sh
. "$(dirname "$0")/../lib.sh"
need roster.csv
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# The other files must stay as they were: the task is to fix the roster.
cat > "$tmp/sums" <<'EOS'
1536589994 119 shifts.csv
4166796063 341 demand.csv
3617837692 471 staff.csv
284070945 754 rules.conf
EOS
(cd "$here" && cksum shifts.csv demand.csv staff.csv rules.conf 2>/dev/null) |
    awk '{ print $1, $2, $3 }' > "$tmp/now"
if ! cmp -s "$tmp/sums" "$tmp/now"; then
	notyet "bare roster.csv skal endres; de andre filene er endret.  Hent dem fra kursmappa igjen." \
	    "only roster.csv is to change; the other files have changed.  Copy them from the course folder again."
fi

# The same employees, with the same positions, in the same order (id and
# position only: Excel may save names in another encoding).
cat > "$tmp/who" <<'EOS'
id;position_pct
2001;95
2002;95
2003;85
2004;94
2005;95
2006;95
2007;85
2008;94
EOS
awk -F';' 'NR == 1 { sub(/^\357\273\277/, "") } { sub(/\r$/, "");
    print $1 ";" $5 }' "$here/roster.csv" > "$tmp/now"
if ! cmp -s "$tmp/who" "$tmp/now"; then
	notyet "kolonnene for ansatt og stilling i roster.csv skal være som før; endre bare vaktene." \
	    "the id and position columns of roster.csv must stay as they were; change only the shifts."
fi

"$TURNUS" check -q "$here"
case $? in
0)	ok "turnus check finner ingen brudd." \
	    "turnus check finds no breaks." ;;
1)	n=$("$TURNUS" check --format json "$here" | grep -c '^{"rule"')
	notyet "turnus check finner fortsatt $n brudd.  Kjør turnus check . for å se dem." \
	    "turnus check still finds $n breaks.  Run turnus check . to see them." ;;
*)	say "turnus check kan ikke lese roster.csv; se meldingen over." \
	    "turnus check cannot read roster.csv; see the message above."
	exit 2 ;;
esac
