#!/bin/sh
# The HTML of turnus report and turnus check rendered by a real browser:
# headless Chromium loads each page, and the rendered DOM (--dump-dom)
# must show the department figures, a highlighted finding with its
# message, and the name "<b>Åse</b>" as text, not as markup.  A
# screenshot of each page is kept in tests/artifacts/ for a look.
: "${TURNUS:?set TURNUS to the turnus binary}"
here=$(cd "$(dirname "$0")" && pwd)
art=$here/../artifacts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export LC_ALL=C.UTF-8
. "$here/chrome.sh"
mkdir -p "$art"
pass=0 fail=0

# has FILE TEXT: the rendered DOM holds TEXT.
has() {
	if grep -qF -- "$2" "$1"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL html: $(basename "$1") lacks: $2" >&2
	fi
}

hasnt() {
	if grep -qF -- "$2" "$1"; then
		fail=$((fail + 1))
		echo "FAIL html: $(basename "$1") has: $2" >&2
	else
		pass=$((pass + 1))
	fi
}

render() {	# name: turnus arguments...
	name=$1
	shift
	"$TURNUS" "$@" -o "$tmp/$name.html" || [ $? -eq 1 ] ||
	    { echo "FAIL html: turnus $* failed" >&2; exit 1; }
	chrome --dump-dom "file://$tmp/$name.html" > "$tmp/$name.dom"
	chrome --screenshot="$art/$name.png" --window-size=1400,1800 \
	    "file://$tmp/$name.html" >/dev/null
	[ -s "$tmp/$name.dom" ] ||
	    { echo "FAIL html: $browser rendered nothing" >&2; exit 1; }
	[ -s "$art/$name.png" ] ||
	    { echo "FAIL html: no screenshot $art/$name.png" >&2; exit 1; }
}

render report report --format html "$here/case"
d=$tmp/report.dom
has "$d" '<tr data-department="Avd A"><th>Avd A</th><td class="n" data-key="headcount">3</td>'
has "$d" 'data-key="full_time_share">66.7</td>'
has "$d" '<tr data-department="Avd B">'
has "$d" 'data-key="needed_for_target">1</td>'
has "$d" '<svg'
has "$d" 'fnd" title="min_daily_rest_hours: rest 9.00 h between A (day 3, ends 22:00) and D (day 4, starts 07:00), needs 11.00 h'
has "$d" '&lt;b&gt;Åse&lt;/b&gt;'
hasnt "$d" '<b>Åse</b>'
has "$d" '=Bo Berg'

render check check --format html "$here/case"
d=$tmp/check.dom
has "$d" 'fnd" title="min_daily_rest_hours: rest 9.00 h'
has "$d" '&lt;b&gt;Åse&lt;/b&gt;'
hasnt "$d" '<b>Åse</b>'

echo "html: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
