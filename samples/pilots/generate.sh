#!/bin/sh
# Writes the pilot series of samples/pilots: 3 municipalities, 8 pilot
# departments, 8 quarters (2023-Q3 to 2025-Q2) of 6-week rosters in which
# the full-time share climbs from about 15 % toward 50 % as long weekend
# shifts come in.  Deterministic: the same files on every machine (POSIX
# sh and awk only).  Usage: sh generate.sh [outdir]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
mkdir -p "$out"
awk -v out="$out" '
function rnd(n) {			# Park-Miller: exact in doubles
	seed = (seed * 16807) % 2147483647
	return int(seed / 2147483647 * n)
}
function muni(slug, name, prefix) {
	nm++; mslug[nm] = slug; mname[nm] = name; mprefix[nm] = prefix
}
function dept(m, slug, name, size, adopt, off) {
	nd++; dm[nd] = m; dslug[nd] = slug; dname[nd] = name
	dsize[nd] = size; dadopt[nd] = adopt; doff[nd] = off
}
function hire(d, pos,    k) {
	k = ++np[d]
	idn[d, k] = mprefix[dm[d]] sprintf("%04d", 1000 + (++mseq[dm[d]]) * 7 + rnd(7))
	nam[d, k] = first[rnd(nfirst) + 1] " " last[rnd(nlast) + 1]
	pct[d, k] = pos
	here[d, k] = 1
}
function parttime() {
	return 40 + 5 * rnd(11)		# 40 .. 90 %
}
function fulltimers(d,    k, n) {
	n = 0
	for (k = 1; k <= np[d]; k++)
		if (here[d, k] && pct[d, k] == 100)
			n++
	return n
}
function heads(d,    k, n) {
	n = 0
	for (k = 1; k <= np[d]; k++)
		n += here[d, k]
	return n
}
# The part-timer with the largest (or smallest) position, or 0.
function pick(d, largest,    k, best) {
	best = 0
	for (k = 1; k <= np[d]; k++)
		if (here[d, k] && pct[d, k] < 100 && (best == 0 ||
		    (largest && pct[d, k] > pct[d, best]) ||
		    (!largest && pct[d, k] < pct[d, best])))
			best = k
	return best
}
# One quarter: a little turnover, then conversions toward the trend.
function quarter(d, q,    want, k, share) {
	if (q > 0 && rnd(2) == 0 && (k = pick(d, 0)) > 0)
		here[d, k] = 0
	if (q > 0 && rnd(5) < 2)
		hire(d, q >= dadopt[d] && rnd(3) == 0 ? 100 : parttime())
	share = 0.15 + 0.35 * q / 7 + doff[d] / 100
	want = int(share * heads(d) + 0.5)
	while (fulltimers(d) < want && (k = pick(d, 1)) > 0) {
		pct[d, k] = 100		# a part-timer gets a full position
		if (q >= dadopt[d] && rnd(2) == 0 && (k = pick(d, 0)) > 0)
			here[d, k] = 0	# whose hours carried a weekend gap
	}
}
function roster(d, q, file,    k, n, wd, w, day, cell, longs, min, s,
    step, used, c, hdr) {
	hdr = mprefix[dm[d]] == "SK" ? \
	    "ansattnr;navn;avdeling;stillingsprosent" : \
	    "id;name;department;position_pct"
	for (day = 1; day <= 42; day++)
		hdr = hdr ";" day
	print hdr > file
	n = 0
	for (k = 1; k <= np[d]; k++) {
		if (!here[d, k])
			continue
		n++
		longs = q >= dadopt[d] && (pct[d, k] == 100 ||
		    rnd(8) < q - dadopt[d])
		for (day = 1; day <= 42; day++)
			cell[day] = ""
		min = pct[d, k] * 35.5 * 6 * 60 / 100
		for (w = 0; w < 6; w++)
			if ((w + n) % 3 == 0) {
				c = longs ? "L" : (n % 2 ? "D" : "A")
				cell[7 * w + 6] = c
				cell[7 * w + 7] = c
				min -= 2 * (longs ? 750 : 450)
			}
		s = int(min / 450 + 0.5)
		step = s > 0 ? 30 / s : 0
		used = 0
		for (wd = 0; wd < 30 && used < s; wd++) {
			if (int(used * step) != wd)
				continue
			w = int(wd / 5)
			day = 7 * w + wd % 5 + 1
			cell[day] = (w + n) % 2 ? "A" : "D"
			if (n % 7 == 3 && wd % 5 == 2)
				cell[day] = "N"
			used++
		}
		printf "%s;%s;%s;%d", idn[d, k], nam[d, k], dname[d], \
		    pct[d, k] > file
		for (day = 1; day <= 42; day++)
			printf ";%s", cell[day] > file
		printf "\n" > file
	}
	close(file)
}
BEGIN {
	seed = 20230701
	nfirst = split("Kari Ingrid Anne Marit Liv Silje Hanne Ida Nora " \
	    "Emma Sofie Maja Thea Mari Ole Lars Jonas Erik Magnus Ahmed " \
	    "Fatima Agnieszka Tomasz Sigrid Ragnhild Åse Øystein Bjørg " \
	    "Torill Randi Gunn Solveig Halvor Eirik Amina Leila", first, " ")
	nlast = split("Hansen Johansen Olsen Larsen Andersen Pedersen " \
	    "Nilsen Kristiansen Jensen Karlsen Haugen Berg Moe Lien Dahl " \
	    "Bakken Solberg Eriksen Aune Gjelsvik Rønning Kowalski Ali " \
	    "Hovde Gråbakk Lykkja Fossum Stavne Kvål Eggen", last, " ")
	muni("Melhus", "Melhus", "ME")
	muni("Skaun", "Skaun", "SK")
	muni("Midtre Gauldal", "Midtre Gauldal", "MG")
	dept(1, "buen-helsehus", "Buen helsehus", 26, 2, 0)
	dept(1, "lundamo", "Lundamo omsorgssenter", 21, 1, 3)
	dept(1, "gimse", "Gimse hjemmetjeneste", 24, 3, -3)
	dept(2, "skaun-sykehjem", "Skaun sykehjem", 25, 1, 2)
	dept(2, "borsa", "Børsa omsorgsboliger", 19, 2, -2)
	dept(3, "storen-helsetun", "Støren helsetun", 27, 2, 1)
	dept(3, "soknedal", "Soknedal omsorgssenter", 20, 3, -4)
	dept(3, "budal", "Budal bo- og servicesenter", 18, 1, 4)
	for (d = 1; d <= nd; d++) {
		ft = int(0.15 * dsize[d] + 0.5)
		for (k = 1; k <= dsize[d]; k++)
			hire(d, k <= ft ? 100 : parttime())
	}
	for (m = 1; m <= nm; m++) {
		dir = out "/" mslug[m]
		system("mkdir -p \"" dir "\"")
		f = dir "/shifts.csv"
		print "code;name;start;end" > f
		print "D;Dag;07:30;15:00" > f
		print "A;Aften;14:30;22:00" > f
		print "N;Natt;22:00;07:30" > f
		print "L;Langvakt helg;07:30;20:00" > f
		print "F;Fri;;" > f
		close(f)
		f = dir "/rules.conf"
		print "# " mname[m] ": the heltid targets signed in 2020" > f
		print "# (generated by samples/pilots/generate.sh)" > f
		print "target_by_period = 2023=30 2024=40 2025=50" > f
		close(f)
	}
	for (q = 0; q < 8; q++) {
		y = 2023 + int((q + 2) / 4)
		period = sprintf("%d-Q%d", y, (q + 2) % 4 + 1)
		for (d = 1; d <= nd; d++) {
			quarter(d, q)
			dir = out "/" mslug[dm[d]] "/" period
			if (d == 1 || dm[d] != dm[d - 1])
				system("mkdir -p \"" dir "\"")
			roster(d, q, dir "/" dslug[d] ".csv")
		}
	}
}'
