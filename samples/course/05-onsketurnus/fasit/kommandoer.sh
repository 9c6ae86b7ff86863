# Fasit, oppgave 5: kommandoene / reference solution, exercise 5: the
# commands.  Run in the exercise folder, after wishes.csv is written.
T=${TURNUS:-turnus}
"$T" plan --time-limit 10 -o ny-turnus.csv . || exit 1
"$T" check --roster ny-turnus.csv . || exit 1
# Tell de innfridde ønskene (dag 20, 21, 24 fri; D dag 16) / count the
# wishes granted (days 20, 21, 24 off; D on day 16).
awk -F';' '{ sub(/\r$/, "") }
    $1 == 2003 { n += ($25 == "" || $25 == "F") + ($26 == "" || $26 == "F") }
    $1 == 2005 { n += ($29 == "" || $29 == "F") }
    $1 == 2006 { n += ($21 == "D") }
    END { print "innfridd = " n }' ny-turnus.csv > svar.txt
