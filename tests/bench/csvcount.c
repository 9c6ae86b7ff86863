/* The bare libcsv baseline: counts the fields and rows of a CSV file. */
#include <stdio.h>
#include <stdlib.h>

#include <csv.h>

static void cb_field(void *s, size_t n, void *c) { (void)s; (void)n; ((long *)c)[0]++; }
static void cb_row(int ch, void *c) { (void)ch; ((long *)c)[1]++; }

int
main(int argc, char **argv)
{
	static char	 buf[1 << 16];
	struct csv_parser p;
	long		 n[2] = { 0, 0 };
	size_t		 k;
	FILE		*fp = argc > 1 ? fopen(argv[1], "rb") : stdin;

	if (fp == NULL || csv_init(&p, CSV_STRICT) != 0)
		return 2;
	csv_set_delim(&p, ';');
	while ((k = fread(buf, 1, sizeof buf, fp)) > 0)
		if (csv_parse(&p, buf, k, cb_field, cb_row, n) != k)
			return 2;
	csv_fini(&p, cb_field, cb_row, n);
	csv_free(&p);
	printf("%ld fields, %ld rows\n", n[0], n[1]);
	return 0;
}
