#!/bin/sh
# make bench-nrp: turnus plan on the Curtois & Qu instances, against the
# best known values and, with the same time limit, CBC (2 threads) and
# plain glpsol on the compact model turnus --write-lp writes.
# usage: sh tests/bench/nrp.sh TURNUS [INSTANCE ...]
# NRP_TIME sets the limit per run in seconds (default 60); NRP_SOLVERS
# the solvers run (default "turnus cbc glpsol").  Each instance takes
# NRP_TIME for each solver, one after the other (so none slows another).
set -u
[ $# -ge 1 ] || { echo "usage: sh tests/bench/nrp.sh TURNUS [INSTANCE ...]" >&2
    exit 2; }
case $1 in
/*) turnus=$1 ;;
*) turnus=$(pwd)/$1 ;;
esac
shift
here=$(cd "$(dirname "$0")" && pwd)
bench=${NRP_DIR:-$here/../../../shared/benchmarks/curtois}
secs=${NRP_TIME:-60}
solvers=${NRP_SOLVERS:-turnus cbc glpsol}
list=${*:-1 2 3 4 5 6 7 8 9 10 11 12}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/turnus-nrp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
export LC_ALL=C
[ -d "$bench" ] || { echo "bench-nrp: no instances in $bench" >&2; exit 2; }
${CC:-cc} -O2 -std=c11 -o "$tmp/nrpeval" "$here/../nrp/nrpeval.c" || exit 2
for s in $solvers; do
	case $s in
	cbc|glpsol) command -v "$s" >/dev/null 2>&1 || { echo "bench-nrp:" \
	    "$s is missing; 'sh tools/deps.sh bench' installs it" >&2; exit 2; }
	esac
done

best() {
	awk -F, -v n="Instance$1" '$1 == n { print $5 }' "$bench/best_known.csv"
}

# ratio A B: A / B to three places, or "-" when A is not a number
ratio() {
	case $1 in
	''|-|*[!0-9.]*) echo "-" ;;
	*) awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }' ;;
	esac
}

run_turnus() {
	"$turnus" plan -q --seed 1 --time-limit "$secs" --format json \
	    -o "$tmp/r$1.csv" "$tmp/i$1" > "$tmp/t$1.json" 2> "$tmp/t$1.err"
	obj=$(sed -n 's/.*"objective":\([0-9.]*\).*/\1/p' "$tmp/t$1.json" |
	    awk '{ printf "%d", $1 + 0.5 }')
	st=$(sed -n 's/.*"status":"\([a-z_]*\)".*/\1/p' "$tmp/t$1.json")
	tb=$(sed -n 's/.*"time_best":\([0-9.]*\).*/\1/p' "$tmp/t$1.json")
	ev=$("$tmp/nrpeval" "$bench/Instance$1.txt" "$tmp/r$1.csv" |
	    sed 's/^objective //')
	[ "$ev" = "$obj" ] || st="$st,nrpeval=$ev"
	if [ -z "$obj" ]; then
		# why: plan's own message, kept for the log
		echo "bench-nrp: Instance$1: $(head -c 300 "$tmp/t$1.err")" >&2
		st=failed
	fi
	echo "${obj:--} ${st:-failed} ${tb:--}"
}

run_cbc() {
	cbc "$tmp/m$1.lp" -sec "$secs" -threads 2 -solve \
	    -solu "$tmp/cbc$1.txt" > "$tmp/cbc$1.log" 2>&1
	# the first line says whether an integer solution was found
	case $(head -1 "$tmp/cbc$1.txt" 2>/dev/null) in
	*"no integer"*|*nfeasible*|'') return ;;
	esac
	sed -n '1s/.*objective value \([-0-9.e+]*\).*/\1/p' "$tmp/cbc$1.txt" \
	    2>/dev/null | awk '{ printf "%d", $1 + 0.5 }'
}

run_glpsol() {
	glpsol --lp "$tmp/m$1.lp" --tmlim "$secs" -o "$tmp/glp$1.txt" \
	    > "$tmp/glp$1.log" 2>&1
	awk '/^Status:/ { st = $2 " " $3 } /^Objective:/ { v = $4 }
	    END { if (st !~ /^INTEGER (OPTIMAL|NON-OPTIMAL)/ || v == "")
		print "-"; else printf "%d", v + 0.5 }' "$tmp/glp$1.txt" \
	    2>/dev/null
}

printf '%-10s %6s %8s %6s %-12s %7s %8s %8s %7s %7s %7s\n' instance best \
    turnus gap% status t_best cbc glpsol turnus/b cbc/b glpsol/b
for i in $list; do
	f=$bench/Instance$i.txt
	b=$(best "$i")
	"$turnus" import-nrp -q "$f" "$tmp/i$i" || exit 2
	"$turnus" plan -q --time-limit 0.5 --write-lp "$tmp/m$i.lp" \
	    "$tmp/i$i" > /dev/null 2>&1
	t="- - -" c=- g=-
	for s in $solvers; do
		case $s in
		turnus) t=$(run_turnus "$i") ;;
		cbc) c=$(run_cbc "$i"); c=${c:--} ;;
		glpsol) g=$(run_glpsol "$i"); g=${g:--} ;;
		esac
	done
	set -- $t
	gap=$(case $1 in -) echo - ;; *) awk -v a="$1" -v b="$b" \
	    'BEGIN { printf "%.2f", 100 * (a - b) / b }' ;; esac)
	printf '%-10s %6s %8s %6s %-12s %7s %8s %8s %7s %7s %7s\n' \
	    "Instance$i" "$b" "$1" "$gap" "$2" "$3" "$c" "$g" \
	    "$(ratio "$1" "$b")" "$(ratio "$c" "$b")" "$(ratio "$g" "$b")"
done
echo "time limit ${secs} s per run; gap% = (turnus - best) / best;" \
    "x/b = objective / best known; - = no roster in the time"
