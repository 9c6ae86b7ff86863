#!/bin/sh
# Writes staff.csv and roster.csv of the sample cases (samples/start,
# samples/ward-a, samples/ward-b) from the roster lines in lines.txt.
# Deterministic: the same lines.txt always gives the same files.
# Usage, from the top of the tree: sh samples/tools/mkcases.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
LC_ALL=C awk -F'|' -v top="$top" '
function die(msg) {
	printf "mkcases: lines.txt:%d: %s\n", NR, msg > "/dev/stderr"
	failed = 1
	exit 2
}

# The code a template letter stands for.
function code(ch) {
	if (ch == ".")
		return off
	if (ch in letter)
		return letter[ch]
	return ch
}

# Fills cell[1..7*weeks] for spec "T1+T2+...@OFFSET": the templates
# joined, repeated to the rotation, and turned so that its first week
# falls on week OFFSET.
function expand(spec, cell,    at, parts, np, nw, wk, i, k, w, rel, d) {
	at = index(spec, "@")
	if (at == 0)
		die("spec \"" spec "\" has no @offset")
	np = split(substr(spec, 1, at - 1), parts, "+")
	nw = 0
	for (i = 1; i <= np; i++) {
		if (!(parts[i] in tplweeks))
			die("unknown template \"" parts[i] "\"")
		for (k = 1; k <= tplweeks[parts[i]]; k++)
			wk[nw++] = tpl[parts[i], k]
	}
	if (weeks % nw != 0)
		die("spec \"" spec "\": " nw " weeks do not divide " weeks)
	for (w = 0; w < weeks; w++) {
		rel = (w - substr(spec, at + 1) + weeks) % nw
		for (d = 1; d <= 7; d++)
			cell[7 * w + d] = code(substr(wk[rel], d, 1))
	}
}

function flush(    i, d, f, s, r, cell, k, kk) {
	if (dir == "")
		return
	f = top "/" dir "/staff.csv"
	r = top "/" dir "/roster.csv"
	if (style == "no") {
		print "ansattnr;navn;avdeling;rolle;stillingsprosent;" \
		    "ønsket;nattevakt" > f
		s = "ansattnr;navn;avdeling;rolle;stillingsprosent"
	} else {
		print "id;name;department;role;position_pct;wanted_pct;" \
		    "nights" > f
		s = "id;name;department;role;position_pct"
	}
	for (d = 1; d <= 7 * weeks; d++)
		s = s ";" d
	print s > r
	for (i = 1; i <= np; i++) {
		s = pid[i] ";" pname[i] ";" dept ";" prole[i] ";" ppct[i]
		print s ";" pwant[i] ";" pnight[i] > f
		expand(pspec[i], cell)
		for (d = 1; d <= 7 * weeks; d++) {
			if ((pid[i], d) in edit)
				cell[d] = edit[pid[i], d]
			s = s ";" cell[d]
		}
		print s > r
	}
	for (k in edit) {
		split(k, kk, SUBSEP)
		if (!(kk[1] in known))
			die("set names unknown id " kk[1])
	}
	close(f)
	close(r)
	dir = ""
}

/^#/ || /^[ \t]*$/ { next }

$1 == "case" {
	flush()
	dir = $2; dept = $3; weeks = $4; style = $6
	off = $5 == "empty" ? "" : $5
	np = 0
	split("", edit); split("", known); split("", tpl)
	split("", tplweeks); split("", letter)
	next
}
$1 == "letter" { letter[$2] = $3; next }
$1 == "tpl" {
	for (k = 3; k <= NF; k++) {
		if (length($k) != 7)
			die("template " $2 " week " k - 2 " is not 7 days")
		tpl[$2, k - 2] = $k
	}
	tplweeks[$2] = NF - 2
	next
}
$1 == "person" {
	np++
	pid[np] = $2; pname[np] = $3; prole[np] = $4; ppct[np] = $5
	pwant[np] = $6; pnight[np] = $7; pspec[np] = $8
	known[$2] = 1
	next
}
$1 == "set" {
	if ($3 < 1 || $3 > 7 * weeks)
		die("day " $3 " outside the rotation")
	edit[$2, $3] = $4 == "." ? off : $4
	next
}
{ die("unknown line \"" $1 "\"") }

END {
	if (!failed)
		flush()
}
' "$here/lines.txt"
