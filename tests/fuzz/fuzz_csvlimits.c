/*
 * Fuzzes csvread.c built here with tiny limits (a field of 64 bytes, a
 * row of 16 fields, a line of 512 bytes), so that short inputs reach
 * every limit and the paths that give up on the fast split.
 */
#define CSVREAD_MAX_FIELD	64
#define CSVREAD_MAX_COLS	16
#define MAX_LINE		512
#define FZ_NO_SELFTEST
#include "../../src/csvread.c"

#include "fuzzcsv.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 8192)
		return 0;
	fz_csv(data, size);
	return 0;
}
