/*
 * Fuzzes csvread.c alone: encodings, delimiter sniffing, quotes and
 * positions.  Every field it hands out is UTF-8 within the limits, and
 * every position is a real line.
 */
#include "fuzz.h"
#include "csvread.h"
#include "util.h"

static const char *const spec[] = { "*id|ansattnr", "name|navn", "day" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tn_error	 err;
	struct csvread	*r;
	struct csvrow	*row;
	unsigned char	 known[CSVREAD_MAX_COLS];
	long		 lines = 1, last = 0;
	int		 rc, where[3], first = 1;

	if (size > FZ_MAX_INPUT)
		return 0;
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
			    !utf8_valid(row->f[j], n) ||
			    row->fline[j] < row->line || row->fline[j] > lines)
				abort();
		}
		if (first && csvread_columns(r, row, spec, 3, where, known,
		    &err) == -1)
			fz_error_ok(&err);
		first = 0;
	}
	if (rc == -1) {
		fz_error_ok(&err);
		if (err.line > lines + 1)
			abort();
	}
	csvread_close(r);
	return 0;
}
