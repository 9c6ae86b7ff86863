#!/bin/sh
# make demo: the main job on the sample ward, as a ward manager runs it.
set -u
turnus=${1:-./turnus}
ward=samples/ward-a
[ -d "$ward" ] || ward=samples/start
run() {
	printf '\n$ %s\n' "$*"
	"$@"
	rc=$?
	printf '(exit status %d)\n' "$rc"
}
echo "turnus demo on $ward"
run "$turnus" check "$ward"
for cmd in report capacity; do
	"$turnus" --help | grep -q "turnus $cmd " && run "$turnus" $cmd "$ward"
done
if "$turnus" --help | grep -q "turnus plan "; then
	out=${TMPDIR:-/tmp}/turnus-demo-plan.csv
	run "$turnus" plan --design --time-limit 60 -o "$out" "$ward"
	# the planned roster is self-contained: check it on its own, with
	# the ward's shifts, staffing plan and rules
	rules=""
	[ -f "$ward/rules.conf" ] && rules="--rules $ward/rules.conf"
	run "$turnus" check --roster "$out" --shifts "$ward/shifts.csv" \
	    --demand "$ward/demand.csv" $rules
fi
exit 0
