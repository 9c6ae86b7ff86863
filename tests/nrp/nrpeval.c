/*
 * nrpeval: the Curtois & Qu benchmark objective of a roster, recomputed
 * from the original instance file alone, written from the benchmark's
 * README and sharing no code with turnus (an independent check).
 *
 * usage: nrpeval INSTANCE.txt ROSTER.csv
 * The roster is turnus's wide CSV: a header with "id" and one column per
 * day numbered 1..H (other columns ignored), a row per employee, a cell
 * holding a shift id or nothing.  Prints "objective N" and exits 0, or
 * names the first hard constraint broken and exits 1; 2 on bad input.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXS	64
#define MAXE	256
#define MAXD	800
#define MAXF	1024

static int	H, NS, NE;
static char	sid[MAXS][32];
static int	slen[MAXS];
static char	forbid[MAXS][MAXS];		/* [t][u]: u may not follow t */
static char	eid[MAXE][32];
static int	maxsh[MAXE][MAXS];		/* -1: no limit */
static int	maxmin[MAXE], minmin[MAXE], cmax[MAXE], cmin[MAXE];
static int	omin[MAXE], maxwk[MAXE];
static char	dayoff[MAXE][MAXD];
static int	ro[MAXE][MAXD];			/* shift index or -1 */
static char	seen[MAXE];

struct req { int e, d, t, w; };
static struct req *onr, *offr;
static int	non, noff;
static int	creq[MAXD][MAXS], cwu[MAXD][MAXS], cwo[MAXD][MAXS];

static void
die(const char *what, const char *s)
{
	fprintf(stderr, "nrpeval: %s%s%s\n", what, s ? ": " : "", s ? s : "");
	exit(2);
}

static int
shift_ix(const char *s)
{
	for (int i = 0; i < NS; i++)
		if (strcmp(sid[i], s) == 0)
			return i;
	return -1;
}

static int
emp_ix(const char *s)
{
	for (int i = 0; i < NE; i++)
		if (strcmp(eid[i], s) == 0)
			return i;
	return -1;
}

static char *
trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t' || *s == '"')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' ||
	    e[-1] == '\n' || e[-1] == '"'))
		*--e = '\0';
	return s;
}

/* Splits s at sep into f; returns the count. */
static int
fields(char *s, int sep, char **f, int max)
{
	int	 n = 0;

	for (;;) {
		char *p = strchr(s, sep);

		if (p != NULL)
			*p = '\0';
		if (n < max)
			f[n++] = trim(s);
		if (p == NULL)
			return n;
		s = p + 1;
	}
}

static void
read_instance(const char *path)
{
	static char	 line[1 << 16];
	char		*f[MAXF];
	FILE		*fp = fopen(path, "r");
	int		 sec = -1, n;

	if (fp == NULL)
		die("cannot open", path);
	while (fgets(line, sizeof line, fp) != NULL) {
		char *s = trim(line);

		if (*s == '\0') {
			sec = -1;
			continue;
		}
		if (*s == '#')
			continue;
		if (strncmp(s, "SECTION_", 8) == 0) {
			static const char *names[] = { "SECTION_HORIZON",
			    "SECTION_SHIFTS", "SECTION_STAFF",
			    "SECTION_DAYS_OFF", "SECTION_SHIFT_ON_REQUESTS",
			    "SECTION_SHIFT_OFF_REQUESTS", "SECTION_COVER" };
			for (sec = 0; sec < 7 && strcmp(s, names[sec]); sec++)
				;
			if (sec == 7)
				die("unknown section", s);
			continue;
		}
		n = fields(s, ',', f, MAXF);
		switch (sec) {
		case 0:
			H = atoi(f[0]);
			if (H <= 0 || H > MAXD)
				die("bad horizon", f[0]);
			break;
		case 1:
			if (NS == MAXS)
				die("too many shifts", NULL);
			snprintf(sid[NS], sizeof sid[NS], "%s", f[0]);
			slen[NS++] = atoi(f[1]);
			break;
		case 2:
			if (NE == MAXE || n != 8)
				die("bad staff line", f[0]);
			snprintf(eid[NE], sizeof eid[NE], "%s", f[0]);
			maxmin[NE] = atoi(f[2]);
			minmin[NE] = atoi(f[3]);
			cmax[NE] = atoi(f[4]);
			cmin[NE] = atoi(f[5]);
			omin[NE] = atoi(f[6]);
			maxwk[NE] = atoi(f[7]);
			for (int t = 0; t < MAXS; t++)
				maxsh[NE][t] = -1;
			{
				char *g[MAXS], *kv[2];
				int m = fields(f[1], '|', g, MAXS);

				for (int k = 0; k < m; k++) {
					if (fields(g[k], '=', kv, 2) != 2 ||
					    shift_ix(kv[0]) < 0)
						die("bad MaxShifts", g[k]);
					maxsh[NE][shift_ix(kv[0])] = atoi(kv[1]);
				}
			}
			NE++;
			break;
		case 3: {
			int e = emp_ix(f[0]);

			if (e < 0)
				die("unknown employee", f[0]);
			for (int k = 1; k < n; k++)
				if (*f[k] != '\0')
					dayoff[e][atoi(f[k])] = 1;
			break;
		}
		case 4:
		case 5: {
			struct req r = { emp_ix(f[0]), atoi(f[1]),
			    shift_ix(f[2]), atoi(f[3]) };
			struct req **v = sec == 4 ? &onr : &offr;
			int *nv = sec == 4 ? &non : &noff;

			if (n != 4 || r.e < 0 || r.t < 0)
				die("bad request", f[0]);
			*v = realloc(*v, (size_t)(*nv + 1) * sizeof **v);
			if (*v == NULL)
				die("out of memory", NULL);
			(*v)[(*nv)++] = r;
			break;
		}
		case 6: {
			int d = atoi(f[0]), t = shift_ix(f[1]);

			if (n != 5 || t < 0)
				die("bad cover line", f[0]);
			creq[d][t] = atoi(f[2]);
			cwu[d][t] = atoi(f[3]);
			cwo[d][t] = atoi(f[4]);
			break;
		}
		default:
			die("data outside a section", s);
		}
	}
	fclose(fp);
	/* the successor lists, now that every shift is known */
	if ((fp = fopen(path, "r")) == NULL)
		die("cannot open", path);
	sec = 0;
	while (fgets(line, sizeof line, fp) != NULL) {
		char *s = trim(line), *g[MAXS];

		if (strcmp(s, "SECTION_SHIFTS") == 0) {
			sec = 1;
			continue;
		}
		if (*s == '\0')
			sec = 0;
		if (!sec || *s == '#')
			continue;
		n = fields(s, ',', f, MAXF);
		if (n > 2 && *f[2] != '\0') {
			int m = fields(f[2], '|', g, MAXS), t = shift_ix(f[0]);

			for (int k = 0; k < m; k++) {
				int u = shift_ix(g[k]);

				if (t < 0 || u < 0)
					die("unknown successor", g[k]);
				forbid[t][u] = 1;
			}
		}
	}
	fclose(fp);
}

static void
read_roster(const char *path)
{
	static char	 line[1 << 16];
	char		*f[MAXF];
	int		 col[MAXF], idc = -1, n, sep;
	FILE		*fp = fopen(path, "r");

	if (fp == NULL || fgets(line, sizeof line, fp) == NULL)
		die("cannot read", path);
	if (strncmp(line, "\xEF\xBB\xBF", 3) == 0)
		memmove(line, line + 3, strlen(line + 3) + 1);
	sep = strchr(line, ';') ? ';' : strchr(line, '\t') ? '\t' : ',';
	n = fields(line, sep, f, MAXF);
	for (int j = 0; j < n; j++) {
		char *end;
		long d = strtol(f[j], &end, 10);

		col[j] = (*f[j] != '\0' && *end == '\0' && d >= 1 && d <= H) ?
		    (int)d - 1 : -1;
		if (strcmp(f[j], "id") == 0)
			idc = j;
	}
	if (idc < 0)
		die("no id column", path);
	for (int e = 0; e < NE; e++)
		for (int d = 0; d < H; d++)
			ro[e][d] = -1;
	while (fgets(line, sizeof line, fp) != NULL) {
		int m = fields(line, sep, f, MAXF), e;

		if (m <= idc || *f[idc] == '\0')
			continue;
		if ((e = emp_ix(f[idc])) < 0)
			die("unknown employee in the roster", f[idc]);
		seen[e] = 1;
		for (int j = 0; j < m && j < n; j++) {
			if (col[j] < 0 || *f[j] == '\0' || strcmp(f[j], "-") == 0)
				continue;
			if ((ro[e][col[j]] = shift_ix(f[j])) < 0)
				die("unknown shift in the roster", f[j]);
		}
	}
	fclose(fp);
}

static int
infeasible(int e, const char *fmt, int a, int b)
{
	printf("infeasible: employee %s: ", eid[e]);
	printf(fmt, a, b);
	putchar('\n');
	return 1;
}

static int
w(int e, int d)
{
	return d >= 0 && d < H && ro[e][d] >= 0;
}

/* Hard constraints 2-9 of the README for one employee. */
static int
hard(int e)
{
	int	 mins = 0, wk = 0, cnt[MAXS] = { 0 };

	for (int d = 0; d < H; d++) {
		if (!w(e, d))
			continue;
		if (dayoff[e][d])
			return infeasible(e, "works on day off %d%.0d", d, 0);
		cnt[ro[e][d]]++;
		mins += slen[ro[e][d]];
		if (d + 1 < H && w(e, d + 1) && forbid[ro[e][d]][ro[e][d + 1]])
			return infeasible(e, "forbidden succession on days "
			    "%d and %d", d, d + 1);
	}
	for (int t = 0; t < NS; t++)
		if (maxsh[e][t] >= 0 && cnt[t] > maxsh[e][t])
			return infeasible(e, "%d shifts of type %d", cnt[t], t);
	if (mins < minmin[e] || mins > maxmin[e])
		return infeasible(e, "%d minutes (min %d)", mins, minmin[e]);
	for (int d = 0; d + cmax[e] < H; d++) {
		int s = 0;

		for (int j = d; j <= d + cmax[e]; j++)
			s += w(e, j);
		if (s > cmax[e])
			return infeasible(e, "more than %d days in a row from "
			    "day %d", cmax[e], d);
	}
	/* blocks not touching day 0 or day H-1: off, work x s, off */
	for (int s = 1; s < cmin[e]; s++)
		for (int d = 0; d + s + 1 <= H - 1; d++) {
			int all = 1;

			for (int j = d + 1; j <= d + s; j++)
				all &= w(e, j);
			if (!w(e, d) && all && !w(e, d + s + 1))
				return infeasible(e, "work block of %d days "
				    "after day %d", s, d);
		}
	for (int s = 1; s < omin[e]; s++)
		for (int d = 0; d + s + 1 <= H - 1; d++) {
			int none = 1;

			for (int j = d + 1; j <= d + s; j++)
				none &= !w(e, j);
			if (w(e, d) && none && w(e, d + s + 1))
				return infeasible(e, "%d days off after day %d",
				    s, d);
		}
	for (int k = 0; k < H / 7; k++)
		wk += w(e, 7 * k + 5) || w(e, 7 * k + 6);
	if (wk > maxwk[e])
		return infeasible(e, "%d weekends (max %d)", wk, maxwk[e]);
	return 0;
}

int
main(int argc, char **argv)
{
	long	 obj = 0;

	if (argc != 3)
		die("usage: nrpeval INSTANCE.txt ROSTER.csv", NULL);
	read_instance(argv[1]);
	read_roster(argv[2]);
	for (int e = 0; e < NE; e++) {
		if (!seen[e])
			return printf("infeasible: employee %s missing\n",
			    eid[e]), 1;
		if (hard(e))
			return 1;
	}
	for (int i = 0; i < non; i++)
		obj += ro[onr[i].e][onr[i].d] != onr[i].t ? onr[i].w : 0;
	for (int i = 0; i < noff; i++)
		obj += ro[offr[i].e][offr[i].d] == offr[i].t ? offr[i].w : 0;
	for (int d = 0; d < H; d++)
		for (int t = 0; t < NS; t++) {
			int n = 0;

			for (int e = 0; e < NE; e++)
				n += ro[e][d] == t;
			obj += n < creq[d][t] ? (long)cwu[d][t] * (creq[d][t] - n)
			    : (long)cwo[d][t] * (n - creq[d][t]);
		}
	printf("objective %ld\n", obj);
	return 0;
}
