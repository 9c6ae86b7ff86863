#!/bin/sh
# Runs the cmocka unit test binaries and sums their results.
# cmocka reports on stderr; its exit status is the number of failures.
pass=0 fail=0
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	p=$(printf '%s\n' "$out" | sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p')
	f=$(printf '%s\n' "$out" | sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p')
	pass=$((pass + ${p:-0}))
	if [ "$rc" -ne 0 ] || [ -n "$f" ]; then
		printf '%s\n' "$out" | grep -v '^\[ \(RUN\|      OK\) ' >&2
		fail=$((fail + ${f:-1}))
	fi
done
echo "unit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
