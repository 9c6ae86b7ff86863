#!/bin/sh
# make demo: the main job on the sample ward, as a ward manager runs it:
# check today's roster, report the full-time share, see what the hours
# and weekends allow (capacity, with and without long weekend shifts),
# then plan roster lines for the highest full-time share and check them.
# Exits 0 when the planned roster was written and passes check.
set -u
turnus=${1:-./turnus}
ward=samples/ward-a
run() {
	printf '\n$ %s\n' "$*"
	"$@"
	rc=$?
	printf '(exit status %d)\n' "$rc"
	return $rc
}
echo "turnus demo on $ward (today's roster) and samples/ward-b (the same"
echo "ward with long weekend shifts)"
run "$turnus" check "$ward"
run "$turnus" report "$ward"
run "$turnus" capacity "$ward"
run "$turnus" capacity samples/ward-b
mkdir -p build/demo || exit 1
out=build/demo/lines.csv
run "$turnus" plan --design --time-limit 60 -o "$out" "$ward"
[ $? -le 1 ] || exit 1
# the planned roster is self-contained: check it on its own, with the
# ward's shifts, staffing plan and rules
run "$turnus" check --roster "$out" --shifts "$ward/shifts.csv" \
    --demand "$ward/demand.csv" --rules "$ward/rules.conf" || exit 1
echo
echo "The planned lines are in $out. Open the file in a spreadsheet,"
echo "or see it as a page with shifts coloured and weekends shaded:"
echo "  $turnus report --format html -o build/demo/lines.html \\"
echo "      --roster $out --shifts $ward/shifts.csv"
