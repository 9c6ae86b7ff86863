#!/bin/sh
# Benchmarks of turnus, each printed as a small table.
# usage: sh tests/bench/run.sh TURNUS [SECTION ...]     (make bench)
#
# A section is a shell function bench_NAME; SECTIONS lists the ones run
# when none is named.  To add a benchmark, write bench_NAME in the
# sections part below with the helpers (tool, median, peak, kb) and add
# NAME to SECTIONS.  RUNS sets the timed runs of each row (default 5,
# at least 5 for a median worth the name).  Timings come from hyperfine
# when it is installed (sh tools/deps.sh bench), else from peakrss runs;
# HYPERFINE= (empty) forces the latter.
set -eu

SECTIONS="check report batch plan"

[ $# -ge 1 ] || { echo "usage: sh tests/bench/run.sh TURNUS [SECTION ...]" >&2
    exit 2; }
case $1 in
/*) turnus=$1 ;;
*) turnus=$(pwd)/$1 ;;
esac
shift
run=$SECTIONS
if [ $# -gt 0 ]; then run=$*; fi
here=$(cd "$(dirname "$0")" && pwd)
RUNS=${RUNS:-5}
CC=${CC:-cc}
HYPERFINE=${HYPERFINE-hyperfine}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/turnus-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
export LC_ALL=C

# ---------------------------------------------------------------- helpers

# tool NAME: builds tests/bench/NAME.c once; prints the binary's path.
tool() {
	if [ ! -x "$tmp/$1" ]; then
		$CC -O2 -std=c11 -D_GNU_SOURCE -o "$tmp/$1" "$here/$1.c" ||
		    { echo "bench: cannot build $1.c" >&2; exit 2; }
	fi
	echo "$tmp/$1"
}

# peak COMMAND...: one run; prints "wall-s cpu-s KiB status" (peakrss).
# The status must be 0 or 1 (done, with or without findings).
peak() {
	_p=$("$(tool peakrss)" "$@")
	case ${_p##* } in
	0|1) echo "$_p" ;;
	*) echo "bench: '$*' exited ${_p##* }" >&2; exit 2 ;;
	esac
}

# median COMMAND...: "wall-s cpu-s" of RUNS runs: the median wall time,
# and the CPU time (user + system; hyperfine gives its mean), which a
# busy machine disturbs less.
median() {
	if [ -n "$HYPERFINE" ] && command -v "$HYPERFINE" >/dev/null 2>&1
	then
		"$HYPERFINE" --shell=none --runs "$RUNS" --warmup 1 \
		    --ignore-failure --style none --export-json "$tmp/hf.json" \
		    -- "$*" >/dev/null 2>&1 ||
		    { echo "bench: hyperfine failed on '$*'" >&2; exit 2; }
		awk -F': *' '$1 ~ /"(median|user|system)"$/ {
			gsub(/[ ",]/, "", $1); sub(/,$/, "", $2); v[$1] = $2 }
		    END { printf "%s %.4f\n", v["median"],
			v["user"] + v["system"] }' "$tmp/hf.json"
		return
	fi
	: > "$tmp/runs"
	_i=0
	while [ $_i -lt "$RUNS" ]; do
		peak "$@" >> "$tmp/runs"
		_i=$((_i + 1))
	done
	awk '{ w[NR] = $1; c[NR] = $2 }
	    function mid(a, n,   i, j, t) {
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && a[j - 1] > a[j]; j--) {
				t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
			}
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	    }
	    END { printf "%.4f %.4f\n", mid(w, NR), mid(c, NR) }' "$tmp/runs"
}

# kb FILE: its size in KiB.
kb() {
	echo $(( ($(wc -c < "$1") + 1023) / 1024 ))
}

timer() {
	if [ -n "$HYPERFINE" ] && command -v "$HYPERFINE" >/dev/null 2>&1
	then
		echo "$HYPERFINE"
	else
		echo "peakrss (no hyperfine)"
	fi
}

# --------------------------------------------------------------- sections

# turnus check on generated rosters of 52 weeks: the ward lines of
# samples/ward-a for 250, 500 and 1,000 persons (wide, as managers
# export them) and 1,000 in the long form.  Target (issue): 1,000 x 52
# weeks in under 1 s; memory linear in the roster.
bench_check() {
	gen=$(tool genroster)
	echo "check: turnus check, generated roster of 52 weeks, $RUNS runs," \
	    "$(nproc 2>/dev/null || echo ?) cores, $(timer)"
	printf '%8s %5s %8s %7s %8s %8s %7s %8s\n' persons form cells rows \
	    "file KiB" "median s" "cpu s" "peak MiB"
	for spec in 250:wide 500:wide 1000:wide 1000:long; do
		n=${spec%%:*}
		form=${spec#*:}
		dir=$tmp/check-$n-$form
		mkdir -p "$dir"
		"$gen" -k ward -f "$form" -d $((n / 40)) -o "$dir" "$n" 52 \
		    2>/dev/null
		p=$(peak "$turnus" check "$dir")
		rss=$(echo "$p" | cut -d' ' -f3)
		t=$(median "$turnus" check "$dir")
		printf '%8d %5s %8d %7d %8d %8.3f %7.3f %8.1f\n' "$n" "$form" \
		    $((n * 364)) $(($(wc -l < "$dir/roster.csv") - 1)) \
		    "$(kb "$dir/roster.csv")" ${t% *} ${t#* } \
		    "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
		eval "rss_${n}_$form=$rss t_${n}_$form=\${t% *}"
	done
	# shellcheck disable=SC2154
	awk -v a="$rss_250_wide" -v b="$rss_1000_wide" -v t="$t_1000_wide" \
	    'BEGIN {
		printf "memory: %.1f KiB more per 1,000 cells (250 to 1,000" \
		    " persons, wide)\n", (b - a) / (1000 - 250) / 364 * 1000
		printf "target: 1,000 persons x 52 weeks under 1 s: %.3f s," \
		    " %s\n", t, t < 1 ? "met" : "NOT met"
	    }'
}

# turnus report streaming a long roster of 20 million rows (100,000
# persons x 52 weeks, about 450 MB), against a bare libcsv field count
# and a pandas script on the same file.  Targets (issue 3): within 1.3x
# of the field count, 15x faster than pandas, under 200 MB peak RSS.
# The count and turnus run in turns (count, turnus, count, turnus, ...)
# after a warm-up of each, and the ratio is the median of each pair's:
# this machine's speed drifts within minutes, and RUNS runs of one
# program and then RUNS of the other would measure the drift.  The CPU
# ratio is what the wall ratio becomes when the machine has one core
# to give (turnus reads the file in two parts at once).
# PANDAS_RUNS (default 1) sets the runs of the slow pandas script.
bench_report() {
	dir=$tmp/report
	mkdir -p "$dir"
	"$(tool genroster)" -o "$dir" 100000 52 2>/dev/null
	$CC -O2 -o "$tmp/csvcount" "$here/csvcount.c" -lcsv ||
	    { echo "bench: cannot build csvcount.c (libcsv)" >&2; exit 2; }
	py=python3
	[ -x /usr/bin/python3 ] && py=/usr/bin/python3
	echo "report: turnus report, long roster of" \
	    "$(($(wc -l < "$dir/roster.csv") - 1)) rows," \
	    "$(kb "$dir/roster.csv") KiB, $RUNS runs each, interleaved," \
	    "$(nproc 2>/dev/null || echo ?) cores, peakrss"
	printf '%-26s %9s %8s %9s\n' program "median s" "cpu s" "peak MiB"
	: > "$tmp/pairs"
	peak "$tmp/csvcount" "$dir/roster.csv" > /dev/null
	peak "$turnus" report "$dir" > /dev/null
	_i=0
	while [ $_i -lt "$RUNS" ]; do
		c=$(peak "$tmp/csvcount" "$dir/roster.csv")
		t=$(peak "$turnus" report "$dir")
		echo "$c $t" >> "$tmp/pairs"
		_i=$((_i + 1))
	done
	# pairs: count (wall cpu KiB rc) then turnus (wall cpu KiB rc)
	awk 'function mid(a, n,   i, k, t) {
		for (i = 2; i <= n; i++)
			for (k = i; k > 1 && a[k - 1] > a[k]; k--) {
				t = a[k]; a[k] = a[k - 1]; a[k - 1] = t
			}
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	    }
	    { cw[NR] = $1; cc[NR] = $2; cm[NR] = $3
	      tw[NR] = $5; tc[NR] = $6; tm[NR] = $7
	      r[NR] = $5 / $1; rc[NR] = $6 / $2
	      runs = runs sprintf(" %.2fx", $5 / $1) }
	    END {
		printf "%-26s %9.3f %8.3f %9.1f\n", "csvcount", mid(cw, NR),
		    mid(cc, NR), mid(cm, NR) / 1024
		printf "%-26s %9.3f %8.3f %9.1f\n", "turnus", mid(tw, NR),
		    mid(tc, NR), mid(tm, NR) / 1024
		printf "ratio %.4f\nruns%s\ncpu %.4f\nrss %d\n", mid(r, NR),
		    runs, mid(rc, NR), mid(tm, NR)
	    }' "$tmp/pairs" > "$tmp/report-table"
	sed -n 1,2p "$tmp/report-table"
	t_pandas=0
	if [ "${PANDAS_RUNS:-1}" -lt 1 ]; then
		printf '%-26s %9s\n' "pandas (PANDAS_RUNS=0)" -
	elif ! "$py" -c 'import pandas' 2>/dev/null; then
		printf '%-26s %9s\n' "pandas (not installed)" -
	else
		: > "$tmp/runs"
		_i=0
		while [ $_i -lt "${PANDAS_RUNS:-1}" ]; do
			peak "$py" "$here/measures.py" "$dir" >> "$tmp/runs"
			_i=$((_i + 1))
		done
		t_pandas=$(awk '{ w[NR] = $1; c[NR] = $2; m[NR] = $3 }
		    END { n = NR; for (i = 2; i <= n; i++)
			for (k = i; k > 1 && w[k - 1] > w[k]; k--) {
				t = w[k]; w[k] = w[k - 1]; w[k - 1] = t
			}
			print w[int((n + 1) / 2)], c[1], m[1] }' "$tmp/runs")
		set -- $t_pandas
		printf '%-26s %9.3f %8.3f %9.1f\n' pandas "$1" "$2" \
		    "$(awk -v k="$3" 'BEGIN { print k / 1024 }')"
		t_pandas=$1
	fi
	awk -v p="$t_pandas" '
	    $1 == "ratio" { r = $2 } $1 == "cpu" { c = $2 } $1 == "rss" { m = $2 }
	    $1 == "runs" { sub(/^runs/, ""); runs = $0 }
	    $1 == "turnus" { t = $2 }
	    END {
		printf "turnus / libcsv count: %.2fx (target <= 1.3x): %s\n",
		    r, (r <= 1.3) ? "met" : "NOT met"
		printf "  the runs in pairs:%s; the median is the ratio\n", runs
		printf "turnus / libcsv count, CPU time: %.2fx\n", c
		if (p > 0)
			printf "pandas / turnus: %.1fx (target >= 15x): %s\n",
			    p / t, (p / t >= 15) ? "met" : "NOT met"
		printf "turnus peak: %.1f MiB (target < 200 MiB): %s\n",
		    m / 1024, (m / 1024 < 200) ? "met" : "NOT met"
	    }' "$tmp/report-table"
}

# turnus batch over 1,000 roster files (a ward of 20-30 persons each, 6
# weeks; 10 municipalities x 4 quarters x 25 wards) with -j 1 and -j 2,
# the runs interleaved so that a busy machine slows both alike.
# Targets (issue 7): -j 2 under 10 s, and at least 1.7x faster than -j 1.
# The ratio needs two idle cores: on a machine busy with other work, run
# this section as root under 'chrt -f 10' to see what turnus itself does.
bench_batch() {
	dir=$tmp/batch
	"$(tool genbatch)" -o "$dir" 1000 6
	echo "batch: turnus batch, 1,000 roster files of 6 weeks, $RUNS runs" \
	    "each, interleaved, $(nproc 2>/dev/null || echo ?) cores, peakrss"
	printf '%4s %9s %8s %9s\n' -j "median s" "cpu s" "peak MiB"
	for j in 1 2; do : > "$tmp/batch-$j"; done
	peak "$turnus" batch -j 2 -o "$tmp/batch.txt" "$dir" >/dev/null
	_i=0
	while [ $_i -lt "$RUNS" ]; do
		for j in 1 2; do
			peak "$turnus" batch -j $j -o "$tmp/batch.txt" "$dir" \
			    >> "$tmp/batch-$j"
		done
		_i=$((_i + 1))
	done
	for j in 1 2; do
		awk -v j=$j '{ w[NR] = $1; c[NR] = $2; m[NR] = $3 }
		    function mid(a, n,   i, k, t) {
			for (i = 2; i <= n; i++)
				for (k = i; k > 1 && a[k - 1] > a[k]; k--) {
					t = a[k]; a[k] = a[k - 1]; a[k - 1] = t
				}
			return n % 2 ? a[(n + 1) / 2] : \
			    (a[n / 2] + a[n / 2 + 1]) / 2
		    }
		    END { printf "%4d %9.3f %8.3f %9.1f\n", j, mid(w, NR),
			mid(c, NR), mid(m, NR) / 1024 }' "$tmp/batch-$j"
	done > "$tmp/batch-table"
	cat "$tmp/batch-table"
	awk 'NR == 1 { a = $2 } NR == 2 { b = $2 }
	    END {
		printf "-j 2: %.3f s for 1,000 files (target < 10 s): %s\n",
		    b, (b < 10 ? "met" : "NOT met")
		printf "-j 1 / -j 2: %.2fx (target >= 1.7x): %s\n", a / b,
		    (a / b >= 1.7 ? "met" : "NOT met")
	    }' "$tmp/batch-table"
}

# ------------------------------------------------------------------ plan

# A generated ward of about n persons: D, A, N and a long weekend shift,
# a flat staffing plan (tests/cli/plan-generated/ward.sh).
plan_ward() {
	sh "$here/../cli/plan-generated/ward.sh" "$1" "$2"
}

# jnum KEY: the first number of KEY in the JSON on standard input.
jnum() {
	tr -d '\n' | sed -n "s/^[^\"]*\(\"[^\"]*\"[^\"]*\)*\"$1\":\([-0-9.e+]*\).*/\2/p" |
	    head -n 1
}

# share PART: the total full-time share of "before" or "after".
share() {
	tr -d '\n' < "$tmp/plan.json" | if [ "$1" = before ]; then
		sed 's/"after":.*//'
	else
		sed 's/.*"after"://'
	fi | sed -n 's/.*"total":{[^}]*"full_time_share":\([0-9.e-]*\).*/\1/p'
}

# plan_row NAME [OPTION ...] CASE: one plan, then check on its roster
# with the case's shifts, staffing plan and rules.
plan_row() {
	name=$1
	shift
	eval "case_dir=\${$#}"
	rc=0
	"$turnus" plan -q --seed 1 --format json -o "$tmp/plan.csv" \
	    --time-limit "${PLAN_TIME:-60}" "$@" > "$tmp/plan.json" || rc=$?
	rm -rf "$tmp/chk"
	mkdir -p "$tmp/chk"
	cp "$tmp/plan.csv" "$tmp/chk/roster.csv"
	for f in shifts.csv demand.csv rules.conf; do
		if [ -f "$case_dir/$f" ]; then cp "$case_dir/$f" "$tmp/chk/"; fi
	done
	if "$turnus" check -q "$tmp/chk" >/dev/null 2>&1; then ok=pass
	else ok=FAIL; fi
	st=$(sed -n 's/^{"status":"\([a-z_]*\)".*/\1/p' "$tmp/plan.json")
	printf '%-13s %-11s %6.1f %6.1f %6.3f %3d/%-3d %5.1f%% %5.1f%% %s\n' \
	    "$name" "${st:-exit-$rc}" "$(jnum time_first < "$tmp/plan.json")" \
	    "$(jnum time_best < "$tmp/plan.json")" \
	    "$(jnum gap < "$tmp/plan.json")" \
	    "$(jnum full_time < "$tmp/plan.json")" \
	    "$(jnum full_time_bound < "$tmp/plan.json")" \
	    "$(awk -v x="$(share before)" 'BEGIN { print 100 * x }')" \
	    "$(awk -v x="$(share after)" 'BEGIN { print 100 * x }')" "$ok"
}

# plan_today DIR: today's staff from the designed lines plan_row wrote
# (as tests/cli/plan-generated does): the lines as persons, positions 10
# lower in the roster and staff.csv, everyone wanting full time.
plan_today() {
	awk -F';' 'BEGIN { OFS = ";" } NR == 1 { sub(/^\xef\xbb\xbf/, "") }
	    NR > 1 { p = $5; sub(/,/, ".", p); p -= 10; if (p < 20) p = 20
		$5 = p } { print }' "$tmp/plan.csv" > "$1/roster.csv"
	awk -F';' 'BEGIN { print "id;position_pct;wanted_pct" }
	    NR > 1 { print $1 ";" $5 ";100" }' "$1/roster.csv" > "$1/staff.csv"
}

# turnus plan on the sample wards (today's staff and designed lines) and
# on generated wards of 15, 30, 60 and 120 persons (PLAN_SIZES): designed
# lines, then today's staff made from them.  Targets (issues 4 and 6): a
# roster that passes check within 60 s on every ward; 30 persons: gap
# <= 1 %; 120 persons: full time within 1 of the capacity bound.
bench_plan() {
	top=$(cd "$here/../.." && pwd)
	echo "plan: time limit ${PLAN_TIME:-60} s, seed 1," \
	    "$(nproc 2>/dev/null || echo ?) cores; seconds to the first and"
	echo "the best roster, final gap (to the bound plan proves), full" \
	    "time against the"
	echo "capacity bound, full-time share before and after, and check" \
	    "on the roster"
	printf '%-13s %-11s %6s %6s %6s %-7s %6s %6s %s\n' ward status \
	    first best gap ft/cap before after check
	plan_row ward-a "$top/samples/ward-a"
	plan_row ward-a-design --design "$top/samples/ward-a"
	plan_row ward-b "$top/samples/ward-b"
	plan_row ward-b-design --design "$top/samples/ward-b"
	for n in ${PLAN_SIZES:-15 30 60 120}; do
		plan_ward "$n" "$tmp/gen$n"
		plan_row "gen-$n-design" --design "$tmp/gen$n"
		plan_today "$tmp/gen$n"
		plan_row "gen-$n" "$tmp/gen$n"
	done
}

# ------------------------------------------------------------------ main

[ -x "$turnus" ] || { echo "bench: no binary $turnus (make all)" >&2
    exit 2; }
for s in $run; do
	command -v "bench_$s" >/dev/null 2>&1 ||
	    { echo "bench: no section '$s' (have: $SECTIONS)" >&2; exit 2; }
	"bench_$s"
	echo
done
