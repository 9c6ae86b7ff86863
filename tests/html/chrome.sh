# Sourced by the scripts in tests/html: finds Chromium and defines
# chrome ARGS..., one headless run with a private profile under $tmp (the
# caller's temporary folder).  A clean machine has no profile; without
# these flags Chromium would make one in $HOME, try the network for
# updates and its first run, and may hang there (it did in CI).  A run
# that has not ended in 120 s is killed and tried again, at most three
# times; what it printed is passed on only from the run that ended.
browser=
for b in chromium chromium-browser google-chrome; do
	command -v "$b" >/dev/null 2>&1 && { browser=$b; break; }
done
if [ -z "$browser" ]; then
	echo "html: no chromium; 'sh tools/deps.sh check' installs it" >&2
	exit 1
fi

chrome() {
	for try in 1 2 3; do
		rm -rf "$tmp/profile"
		if timeout 120 "$browser" --headless --no-sandbox \
		    --disable-gpu --disable-background-networking \
		    --disable-component-update --disable-sync \
		    --no-first-run --user-data-dir="$tmp/profile" \
		    "$@" > "$tmp/chrome.out" 2>/dev/null; then
			cat "$tmp/chrome.out"
			return 0
		fi
		echo "html: $browser did not finish (try $try of 3)" >&2
	done
	return 1
}
