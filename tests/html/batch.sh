#!/bin/sh
# The batch's HTML in headless Chromium (DESIGN §8): the page renders,
# the SVG has one drawn line of the full-time share per department (and
# one of the long weekend share), input strings stay text, and the page
# prints.  A screenshot and a PDF are kept in tests/artifacts/.
# usage: sh tests/html/batch.sh TURNUS
set -eu
turnus=$1
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
art=$top/tests/artifacts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
. "$here/chrome.sh"
page() {
	chrome --hide-scrollbars --allow-file-access-from-files \
	    --run-all-compositor-stages-before-draw \
	    --virtual-time-budget=5000 "$@"
}

# What the browser sees in the pages: counted by a script in a page that
# frames them (the pages themselves have no script).
inspect() {
	{
		echo '<!DOCTYPE html><html><body><pre id="out">not loaded</pre>'
		for p in "$@"; do
			echo "<iframe src=\"$p.html\" width=\"1200\"></iframe>"
		done
		cat <<'EOH'
<script>
function count(d) {
  var out = [], drawn = 0, names = {};
  var share = d.querySelectorAll('svg path.share');
  share.forEach(function (p) {
    if (p.getTotalLength() > 5) drawn++;
    names[p.getAttribute('data-department')] = 1;
  });
  out.push('share lines: ' + share.length + ', drawn: ' + drawn +
    ', departments: ' + Object.keys(names).length);
  out.push('long weekend lines: ' +
    d.querySelectorAll('svg path.lws').length);
  out.push('target lines: ' + d.querySelectorAll('svg path.target').length);
  out.push('scripts: ' + d.querySelectorAll('script').length +
    ', bold: ' + d.querySelectorAll('b').length);
  out.push('table rows: ' + d.querySelectorAll('tbody tr').length);
  return out.join('\n');
}
window.onload = function () {
  var f = document.querySelectorAll('iframe'), out = [];
  f.forEach(function (x) {
    out.push(x.getAttribute('src') + ':\n' + count(x.contentDocument));
  });
  document.getElementById('out').textContent = out.join('\n');
};
</script></body></html>
EOH
	} > "$tmp/frame.html"
	page --dump-dom "file://$tmp/frame.html" |
	    sed -n '/<pre id="out">/,/<\/pre>/p' |
	    sed 's/<[^>]*>//g; /^$/d'
}

# pilots: 8 departments, small multiples; Melhus: 3, one chart; evil: a
# department named with markup.
"$turnus" batch -j 2 --format html -o "$tmp/pilots.html" \
    "$top/samples/pilots"
"$turnus" batch --format html -o "$tmp/melhus.html" \
    "$top/samples/pilots/Melhus"
"$turnus" batch --format html -o "$tmp/evil.html" "$here/batch-evil"
inspect pilots melhus evil
grep -c '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;bold' \
    "$tmp/evil.html"

mkdir -p "$art"
page --window-size=1200,2400 --screenshot="$art/batch-pilots.png" \
    "file://$tmp/pilots.html" >/dev/null
page --print-to-pdf="$art/batch-pilots.pdf" --no-pdf-header-footer \
    "file://$tmp/pilots.html" >/dev/null
[ -s "$art/batch-pilots.png" ] && echo "screenshot: tests/artifacts/batch-pilots.png"
head -c 5 "$art/batch-pilots.pdf" | grep -q '%PDF-' &&
    echo "printed: tests/artifacts/batch-pilots.pdf"
