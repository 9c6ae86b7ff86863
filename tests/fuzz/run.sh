#!/bin/sh
# Runs each libFuzzer target for a while: make fuzz FUZZ_TIME=seconds.
# Usage: sh tests/fuzz/run.sh BUILD_DIR SECONDS TARGET...
# FUZZ_TIMEOUT (default 10) is libFuzzer's limit in wall-clock seconds
# for one input; raise it on a loaded machine, where a starved process
# can take seconds over an input that runs in milliseconds alone.
# The seed corpus of tests/fuzz/corpus/TARGET is read, never written:
# new inputs go to BUILD_DIR/corpus/TARGET, crashes to
# BUILD_DIR/crash/TARGET-*; copy a crash into tests/fuzz/regress/TARGET/
# once it is fixed, so that make check replays it for ever.
set -u
b=$1 secs=$2
shift 2
here=$(cd "$(dirname "$0")" && pwd)
fail=0
mkdir -p "$b/crash" "$b/log"
for t in "$@"; do
	mkdir -p "$b/corpus/$t"
	seeds=$here/corpus/$t
	reg=$here/regress/$t
	[ -d "$reg" ] || reg=
	printf 'fuzz %s: %s s ... ' "$t" "$secs"
	if "$b/fuzz_$t" -max_total_time="$secs" -max_len=65536 \
	    -timeout="${FUZZ_TIMEOUT:-10}" \
	    -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix="$b/crash/$t-" "$b/corpus/$t" "$seeds" $reg \
	    > "$b/log/$t.log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
		    "$b/log/$t.log")
		cov=$(grep -o 'cov: [0-9]*' "$b/log/$t.log" | tail -1)
		echo "ok, $runs runs, $cov"
	else
		fail=1
		echo "FAILED (see $b/log/$t.log)"
		grep -m 3 'ERROR\|SUMMARY\|Test unit written' "$b/log/$t.log"
	fi
done
exit $fail
