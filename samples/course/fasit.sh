#!/bin/sh
# Runs each exercise's reference solution as a trainee would: a copy of
# the exercise folder, the files of fasit/ over it, the commands of
# fasit/kommandoer.sh (when there is one) in the copy, then sjekk.sh.
# Usage: TURNUS=/path/to/turnus sh fasit.sh EXERCISE...
: "${TURNUS:?set TURNUS to the turnus binary}"
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export TURNUS LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=
pass=0 fail=0
for e in "$@"; do
	e=${e%/}
	w=$tmp/$e
	cp "$here/lib.sh" "$tmp/"
	# Untouched, the exercise is not solved yet: its check must say so.
	mkdir -p "$tmp/blank/$e"
	cp -R "$here/$e/." "$tmp/blank/$e/"
	cp "$here/lib.sh" "$tmp/blank/"
	if sh "$tmp/blank/$e/sjekk.sh" > "$tmp/out" 2>&1; then
		echo "FAIL $e: sjekk.sh passes the exercise before it is done" >&2
		fail=$((fail + 1))
		continue
	fi
	mkdir -p "$w"
	cp -R "$here/$e/." "$w/"
	rm -rf "$w/fasit"
	cp -R "$here/$e/fasit/." "$w/"
	rm -f "$w/kommandoer.sh" "$w/README"
	if [ -f "$here/$e/fasit/kommandoer.sh" ] &&
	    ! (cd "$w" && sh "$here/$e/fasit/kommandoer.sh") \
	    > "$tmp/out" 2>&1; then
		echo "FAIL $e: fasit/kommandoer.sh" >&2
		cat "$tmp/out" >&2
		fail=$((fail + 1))
		continue
	fi
	if sh "$w/sjekk.sh" > "$tmp/out" 2>&1; then
		pass=$((pass + 1))
	else
		echo "FAIL $e: sjekk.sh does not pass the reference solution" >&2
		cat "$tmp/out" >&2
		fail=$((fail + 1))
	fi
done
echo "course: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
