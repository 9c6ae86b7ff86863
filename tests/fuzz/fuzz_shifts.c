/* Fuzzes shifts.csv through load.c (codes, times, covers), check and report. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int	 ready;

	if (size > FZ_MAX_INPUT)
		return 0;
	if (!ready) {
		fz_text("roster.csv", FZ_ROSTER);
		fz_text("demand.csv", FZ_DEMAND);
		ready = 1;
	}
	fz_write("shifts.csv", data, size);
	fz_pipeline(TN_NEED_SHIFTS | TN_NEED_ROSTER, NULL, 0);
	return 0;
}
