/*
 * Fuzzes csvread.c alone: encodings, delimiter sniffing, quotes and
 * positions.  Every field it hands out is UTF-8 within the limits, and
 * every position is a real line.
 */
#include "fuzzcsv.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > FZ_MAX_INPUT)
		return 0;
	fz_csv(data, size);
	return 0;
}
