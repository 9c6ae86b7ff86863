/*
 * Writes a deterministic roster for make bench, long (id;department;day;
 * shift) or wide, to stdout or as a case folder with shifts.csv beside it.
 *
 * usage: genroster [-f long|wide] [-k random|ward] [-d depts] [-o dir]
 *	    [persons [weeks]]
 *
 * -k random (the default) draws each cell, as the csvread benchmark
 * does; -k ward lays out the rule-abiding weekend-group lines of
 * samples/ward-a (every 4th weekend here, so that 52 weeks wrap cleanly)
 * with a position that matches the hours, so that check has a roster a
 * ward could have.  Without -o the roster goes to stdout.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { OFF = -1, D, A, N, L, DH, AH, NCODES };

static const struct code {
	const char	*code, *name, *start, *end, *covers;
	int		 paid;		/* minutes */
	int		 night20;	/* minutes in 20:00-06:00 */
} codes[NCODES] = {
	{ "D", "Dag", "07:30", "15:00", "", 450, 0 },
	{ "A", "Aften", "14:30", "22:00", "", 450, 120 },
	{ "N", "Natt", "21:45", "07:45", "", 600, 495 },
	{ "L", "Langvakt", "08:00", "20:30", "D A", 750, 30 },
	{ "DH", "Dag helg", "07:30", "15:30", "D", 480, 0 },
	{ "AH", "Aften helg", "14:00", "22:00", "A", 480, 120 },
};

/*
 * The lines of samples/ward-a (samples/tools/lines.txt), one week a
 * string, Monday first; d is DH, a is AH.  A fourth week, the second
 * again, stretches them to every 4th weekend.
 */
static const char *const lines[][3] = {
	{ "DDA..dd", ".DDAA..", "DAAAA.." },
	{ "AA...aa", "..DDA..", "AA.DD.." },
	{ "..D..dd", "...AA..", "A.A...." },
	{ "A....aa", ".A.....", "...DD.." },
	{ ".....dd", "..A....", ".D....." },
	{ ".....dd", "D......", "...A..." },
	{ ".....aa", ".......", "....D.." },
	{ "....NNN", "..NN...", "NN....." },
	{ "....NNN", "..NN...", "NN....." },
};
static const char *const weekday_lines[] = {
	"DDDD...", "D.D.D..", ".D.DD.."
};
static const char *const roles[] = {
	"sykepleier", "sykepleier", "helsefagarbeider", "helsefagarbeider",
	"helsefagarbeider", "assistent", "assistent", "sykepleier",
	"helsefagarbeider"
};

#define GROUPS		4
#define GROUP_SIZE	9
#define DEPT_SIZE	(GROUPS * GROUP_SIZE + 3)

struct opts {
	int	 wide;
	int	 ward;
	int	 depts;
	long	 persons;
	int	 weeks;
	char	*dir;
};

static unsigned long long seed = 20240101;

static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

/* The cells the csvread benchmark has always drawn; returns the dept. */
static int
person_random(const struct opts *o, long p, signed char *cell)
{
	static const int pick[] = { D, A, N, D, A, L };
	int	 pct = 40 + 5 * (int)rnd(13);	/* 40 .. 100 % */
	int	 every = 3 + (int)rnd(2);	/* weekend rhythm */
	int	 dept = (int)rnd((unsigned)o->depts);

	for (int d = 0; d < 7 * o->weeks; d++) {
		int wd = d % 7, w = d / 7;

		cell[d] = OFF;
		if (wd >= 5) {
			if ((w + (int)(p % every)) % every == 0)
				cell[d] = pct >= 90 ? L : pick[rnd(3)];
		} else if ((int)rnd(100) < pct * 19 / 20)
			cell[d] = pick[rnd(5)];
	}
	return dept;
}

static int
letter(char ch)
{
	switch (ch) {
	case 'D': return D;
	case 'A': return A;
	case 'N': return N;
	case 'd': return DH;
	case 'a': return AH;
	default: return OFF;
	}
}

/* A ward line: departments in blocks, each of four weekend groups. */
static int
person_ward(const struct opts *o, long p, signed char *cell, int *slot)
{
	long	 per = (o->persons + o->depts - 1) / o->depts;
	int	 dept = (int)(p / per), k = (int)(p % per) % DEPT_SIZE;
	int	 g = k / GROUP_SIZE, m = k % GROUP_SIZE;

	*slot = k;
	for (int w = 0; w < o->weeks; w++)
		for (int wd = 0; wd < 7; wd++) {
			const char *s;
			int rel = ((w - g) % GROUPS + GROUPS) % GROUPS;

			if (g >= GROUPS)
				s = weekday_lines[k - GROUPS * GROUP_SIZE];
			else
				s = lines[m][rel == 3 ? 1 : rel];
			cell[7 * w + wd] = (signed char)letter(s[wd]);
		}
	return dept;
}

/*
 * The position that matches the hours at the person's HTA week: 35.5 h
 * for every 3rd Sunday or regular night hours, 37.5 h for day work.
 */
static double
position(const struct opts *o, const signed char *cell)
{
	long	 paid = 0, night20 = 0;
	int	 sundays = 0;
	double	 norm;

	for (int d = 0; d < 7 * o->weeks; d++) {
		if (cell[d] == OFF)
			continue;
		paid += codes[cell[d]].paid;
		night20 += codes[cell[d]].night20;
		sundays += d % 7 == 6;
	}
	norm = 3 * sundays >= o->weeks || night20 >= 83.4 * o->weeks ?
	    35.5 : 37.5;
	return paid / 60.0 / (norm * o->weeks) * 100.0;
}

static void
header(FILE *fp, const struct opts *o)
{
	if (!o->wide) {
		fprintf(fp, "id;department;%sday;shift\n",
		    o->ward ? "position_pct;" : "");
		return;
	}
	fprintf(fp, "id;name;department;role%s", o->ward ?
	    ";position_pct" : "");
	for (int d = 1; d <= 7 * o->weeks; d++)
		fprintf(fp, ";%d", d);
	fputc('\n', fp);
}

/* Writes one person; returns the rows written. */
static long
person_write(FILE *fp, const struct opts *o, long p, int dept, int slot,
    const signed char *cell)
{
	char	 pos[32] = "";
	long	 rows = 0;

	if (o->ward)
		snprintf(pos, sizeof pos, "%.1f;", position(o, cell));
	if (o->wide) {
		fprintf(fp, "P%07ld;Ansatt %ld;ward-%02d;%s;%s", p, p + 1, dept,
		    o->ward && slot < GROUPS * GROUP_SIZE ?
		    roles[slot % GROUP_SIZE] : "helsefagarbeider", pos);
		for (int d = 0; d < 7 * o->weeks; d++)
			fprintf(fp, "%s%s", d ? ";" : "",
			    cell[d] == OFF ? "" : codes[cell[d]].code);
		fputc('\n', fp);
		return 1;
	}
	for (int d = 0; d < 7 * o->weeks; d++) {
		if (cell[d] == OFF)
			continue;
		fprintf(fp, "P%07ld;ward-%02d;%s%d;%s\n", p, dept, pos, d + 1,
		    codes[cell[d]].code);
		rows++;
	}
	return rows;
}

static int
shifts_write(const char *dir)
{
	char	 path[4096];
	FILE	*fp;

	snprintf(path, sizeof path, "%s/shifts.csv", dir);
	if ((fp = fopen(path, "w")) == NULL)
		return -1;
	fputs("code;name;start;end;hours;covers\n", fp);
	for (int i = 0; i < NCODES; i++)
		fprintf(fp, "%s;%s;%s;%s;%g;%s\n", codes[i].code,
		    codes[i].name, codes[i].start, codes[i].end,
		    codes[i].paid / 60.0, codes[i].covers);
	fputs("F;Fri;;;;\n", fp);
	return fclose(fp);
}

static void
usage(void)
{
	fputs("usage: genroster [-f long|wide] [-k random|ward] [-d depts] "
	    "[-o dir]\n\t    [persons [weeks]]\n", stderr);
	exit(2);
}

static void
opts_parse(struct opts *o, int argc, char **argv)
{
	int	 ch;

	*o = (struct opts){ .depts = 60, .persons = 100000, .weeks = 52 };
	while ((ch = getopt(argc, argv, "d:f:k:o:")) != -1)
		switch (ch) {
		case 'd': o->depts = atoi(optarg); break;
		case 'f': o->wide = strcmp(optarg, "wide") == 0; break;
		case 'k': o->ward = strcmp(optarg, "ward") == 0; break;
		case 'o': o->dir = optarg; break;
		default: usage();
		}
	if (optind < argc)
		o->persons = atol(argv[optind++]);
	if (optind < argc)
		o->weeks = atoi(argv[optind++]);
	if (optind < argc || o->depts < 1 || o->persons < 1 ||
	    o->weeks < 1 || o->weeks > 520)
		usage();
}

int
main(int argc, char **argv)
{
	struct opts	 o;
	signed char	*cell;
	char		 path[4096];
	FILE		*fp = stdout;
	long		 rows = 0;

	opts_parse(&o, argc, argv);
	if ((cell = malloc(7 * (size_t)o.weeks)) == NULL)
		return 1;
	if (o.dir != NULL) {
		snprintf(path, sizeof path, "%s/roster.csv", o.dir);
		if (shifts_write(o.dir) == -1 ||
		    (fp = fopen(path, "w")) == NULL) {
			perror(o.dir);
			return 1;
		}
	}
	header(fp, &o);
	for (long p = 0; p < o.persons; p++) {
		int slot = 0, dept = o.ward ? person_ward(&o, p, cell, &slot) :
		    person_random(&o, p, cell);

		rows += person_write(fp, &o, p, dept, slot, cell);
	}
	free(cell);
	if (fflush(fp) == EOF || ferror(fp) || (fp != stdout && fclose(fp)))
		return 1;
	fprintf(stderr, "genroster: %ld rows\n", rows);
	return 0;
}
