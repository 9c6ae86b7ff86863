/* Fuzzes demand.csv through load.c (days, codes, counts) and the cover. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int	 ready;

	if (size > FZ_MAX_INPUT)
		return 0;
	if (!ready) {
		fz_text("shifts.csv", FZ_SHIFTS);
		fz_text("roster.csv", FZ_ROSTER);
		ready = 1;
	}
	fz_write("demand.csv", data, size);
	fz_pipeline(TN_NEED_SHIFTS | TN_NEED_ROSTER | TN_NEED_DEMAND, NULL, 0);
	return 0;
}
