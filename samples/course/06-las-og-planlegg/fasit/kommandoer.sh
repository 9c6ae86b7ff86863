# Fasit, oppgave 6: kommandoene / reference solution, exercise 6: the
# commands.  Run in the exercise folder, after wishes.csv is written.
T=${TURNUS:-turnus}
"$T" plan --time-limit 10 -o ny-turnus.csv . || exit 1
"$T" check --roster ny-turnus.csv . || exit 1
# Bjørns onsdager før, og vaktene hans etter / Bjørn's Wednesdays before,
# and his shifts after.
{
	awk -F';' '{ sub(/\r$/, "") } $1 == 2002 { for (d = 3; d <= 42; d += 7)
	    n += $(d + 5) != "" && $(d + 5) != "F"; print "onsdager_for = " n }' \
	    roster.csv
	awk -F';' '{ sub(/\r$/, "") } $1 == 2002 { for (d = 1; d <= 42; d++)
	    n += $(d + 5) != "" && $(d + 5) != "F"; print "vakter_etter = " n }' \
	    ny-turnus.csv
} > svar.txt
