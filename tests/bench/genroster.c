/* Writes a deterministic long roster (id;department;day;shift) for make bench. */
#include <stdio.h>
#include <stdlib.h>

static unsigned long long seed = 20240101;

static unsigned
rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed >> 33) % n);
}

int
main(int argc, char **argv)
{
	static const char *const codes[] = { "D", "A", "N", "D", "A", "L" };
	long	 persons = argc > 1 ? atol(argv[1]) : 100000, rows = 0;
	int	 weeks = argc > 2 ? atoi(argv[2]) : 52;

	fputs("id;department;day;shift\n", stdout);
	for (long p = 0; p < persons; p++) {
		int pct = 40 + 5 * (int)rnd(13);	/* 40 .. 100 % */
		int every = 3 + (int)rnd(2);		/* weekend rhythm */
		int dept = (int)rnd(60);

		for (int d = 0; d < 7 * weeks; d++) {
			int wd = d % 7, w = d / 7;
			const char *c;

			if (wd >= 5) {
				if ((w + (int)(p % every)) % every != 0)
					continue;
				c = pct >= 90 ? "L" : codes[rnd(3)];
			} else if ((int)rnd(100) >= pct * 19 / 20)
				continue;
			else
				c = codes[rnd(5)];
			printf("P%07ld;ward-%02d;%d;%s\n", p, dept, d + 1, c);
			rows++;
		}
	}
	fprintf(stderr, "genroster: %ld rows\n", rows);
	return 0;
}
