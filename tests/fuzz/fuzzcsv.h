/* The checks of the csvread fuzz targets: what a row may look like. */
#ifndef TURNUS_FUZZ_CSV_H
#define TURNUS_FUZZ_CSV_H

#include "fuzz.h"
#include "csvread.h"
#include "util.h"

static const char *const fz_spec[] = { "*id|ansattnr", "name|navn", "day" };

/* Reads data as a CSV file and checks what csvread hands out. */
static inline void
fz_csv(const uint8_t *data, size_t size)
{
	struct tn_error	 err;
	struct csvread	*r;
	struct csvrow	*row;
	unsigned char	 known[CSVREAD_MAX_COLS];
	long		 lines = 1, last = 0;
	int		 rc, where[3], first = 1;

	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	fz_write("input.csv", data, size);
	if ((r = csvread_open(fz_path("input.csv"), &err)) == NULL)
		abort();
	while ((rc = csvread_next(r, &row, &err)) == 1) {
		if (row->n < 1 || row->n > CSVREAD_MAX_COLS ||
		    row->line < 1 || row->line > lines || row->line < last)
			abort();
		last = row->line;
		for (int j = 0; j < row->n; j++) {
			size_t n = strlen(row->f[j]);

			if (n > (size_t)CSVREAD_MAX_FIELD ||
			    row->flen[j] != n || !utf8_valid(row->f[j], n) ||
			    row->fline[j] < row->line || row->fline[j] > lines)
				abort();
		}
		if (first && csvread_columns(r, row, fz_spec, 3, where, known,
		    &err) == -1)
			fz_error_ok(&err);
		first = 0;
	}
	if (rc == -1) {
		fz_error_ok(&err);
		/* the message says what is there */
		if (strstr(err.msg, "NUL byte") != NULL &&
		    memchr(data, '\0', size) == NULL)
			abort();
		if (err.line > lines + 1)
			abort();
	}
	csvread_close(r);
}

#endif
