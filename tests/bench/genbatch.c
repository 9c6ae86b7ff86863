/*
 * Writes a deterministic tree of roster snapshots for the batch benchmark:
 * DIR/Kommune NN/2024-Qn/ward-NNN.csv, a ward of 20-30 persons each (wide,
 * as managers export them), and shifts.csv and rules.conf at the top.
 *
 * usage: genbatch -o dir [files [weeks]]		(1000 files of 6 weeks)
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MUNIS	10
#define QUARTERS 4

static unsigned long long seed = 20240401;

static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

static FILE *
create(const char *path)
{
	FILE	*fp = fopen(path, "w");

	if (fp == NULL) {
		perror(path);
		exit(2);
	}
	return fp;
}

static void
top(const char *dir)
{
	char	 p[4096];
	FILE	*fp;

	snprintf(p, sizeof p, "%s/shifts.csv", dir);
	fp = create(p);
	fputs("code;name;start;end\nD;Dag;07:30;15:00\nA;Aften;14:30;22:00\n"
	    "N;Natt;22:00;07:30\nL;Langvakt;07:30;20:00\nF;Fri;;\n", fp);
	fclose(fp);
	snprintf(p, sizeof p, "%s/rules.conf", dir);
	fp = create(p);
	fputs("target_by_period = 2023=30 2024=40 2025=50\n", fp);
	fclose(fp);
}

/* One person's line: weekends every 3rd week, weekdays to the position. */
static void
line(FILE *fp, int k, int pct, int weeks, int longs)
{
	int	 days = 7 * weeks, want = pct * 355 * weeks * 6 / 1000, s = 0;

	for (int d = 0; d < days; d++) {
		int wd = d % 7, w = d / 7;
		const char *c = "";

		if (wd >= 5 && (w + k) % 3 == 0)
			c = longs ? "L" : "D";
		else if (wd < 5 && s < want && rnd(10) < 8) {
			c = (w + k) % 2 ? "A" : "D";
			s += 75;
		}
		fprintf(fp, ";%s", c);
	}
	fputc('\n', fp);
}

static void
ward(const char *path, int muni, int q, int w, int weeks)
{
	FILE	*fp = create(path);
	int	 n = 20 + (int)rnd(11);

	fputs("id;name;department;position_pct", fp);
	for (int d = 1; d <= 7 * weeks; d++)
		fprintf(fp, ";%d", d);
	fputc('\n', fp);
	for (int k = 0; k < n; k++) {
		int pct = rnd(100) < 15 + 8 * (unsigned)q ? 100 :
		    40 + 5 * (int)rnd(11);

		fprintf(fp, "K%02d-%03d-%02d;Person %d;Ward %03d;%d", muni, w,
		    k, k, w, pct);
		line(fp, k, pct, weeks, q > 0 && pct == 100);
	}
	fclose(fp);
}

int
main(int argc, char **argv)
{
	char	 p[4096];
	const char *dir = NULL;
	int	 ch, files, weeks;

	while ((ch = getopt(argc, argv, "o:")) != -1)
		if (ch == 'o')
			dir = optarg;
		else
			goto usage;
	if (dir == NULL)
		goto usage;
	files = optind < argc ? atoi(argv[optind]) : 1000;
	weeks = optind + 1 < argc ? atoi(argv[optind + 1]) : 6;
	mkdir(dir, 0777);
	top(dir);
	for (int i = 0; i < files; i++) {
		int m = i % MUNIS, q = i / MUNIS % QUARTERS,
		    w = i / (MUNIS * QUARTERS);

		snprintf(p, sizeof p, "%s/Kommune %02d", dir, m + 1);
		mkdir(p, 0777);
		snprintf(p, sizeof p, "%s/Kommune %02d/2024-Q%d", dir, m + 1,
		    q + 1);
		mkdir(p, 0777);
		snprintf(p, sizeof p, "%s/Kommune %02d/2024-Q%d/ward-%03d.csv",
		    dir, m + 1, q + 1, w);
		ward(p, m + 1, q, w, weeks);
	}
	return 0;
usage:
	fputs("usage: genbatch -o dir [files [weeks]]\n", stderr);
	return 2;
}
