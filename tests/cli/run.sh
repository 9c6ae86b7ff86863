#!/bin/sh
# Golden CLI tests: each folder under tests/cli holds cmd (a shell line
# run in that folder with $TURNUS set), expected.out, expected.err and
# expected.rc; an optional post script checks files the run wrote.
# With VALGRIND=1 every run of turnus goes through valgrind memcheck,
# except in cases with a novalgrind file (it says why: a result that a
# time limit must reach, which valgrind's slowdown cannot; the sanitizer
# run of make check covers them).
# Usage: sh tests/cli/run.sh [CASE...]   (all cases when none is named)
: "${TURNUS:?set TURNUS to the turnus binary}"
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
if [ "${VALGRIND:-}" = 1 ]; then
	cat > "$tmp/turnus" <<EOV
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "$TURNUS" "\$@"
EOV
	chmod +x "$tmp/turnus"
	TURNUS=$tmp/turnus
fi
export TURNUS LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=
pass=0 fail=0 skip=0
[ $# -gt 0 ] || set -- "$here"/*/
for d in "$@"; do
	case $d in /*) ;; *) d=$here/$d ;; esac
	name=$(basename "$d")
	[ -f "$d/cmd" ] || continue
	if [ -f "$d/skip" ]; then
		echo "skip $name: $(cat "$d/skip")"
		skip=$((skip + 1))
		continue
	fi
	if [ "${VALGRIND:-}" = 1 ] && [ -f "$d/novalgrind" ]; then
		echo "skip $name under valgrind: $(cat "$d/novalgrind")"
		skip=$((skip + 1))
		continue
	fi
	(cd "$d" && sh ./cmd > "$tmp/out" 2> "$tmp/err"; echo $? > "$tmp/rc")
	ok=1
	for k in out err rc; do
		if ! cmp -s "$tmp/$k" "$d/expected.$k"; then
			ok=0
			echo "FAIL $name: $k differs" >&2
			diff -u "$d/expected.$k" "$tmp/$k" | head -40 >&2
		fi
	done
	if [ $ok = 1 ] && [ -f "$d/post" ] &&
	    ! (cd "$d" && sh ./post > "$tmp/post" 2>&1); then
		ok=0
		echo "FAIL $name: post check" >&2
		cat "$tmp/post" >&2
	fi
	if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "cli: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
