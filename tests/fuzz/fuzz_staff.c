/* Fuzzes staff.csv through load.c (staff, overrides), check and report. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int	 ready;

	if (size > FZ_MAX_INPUT)
		return 0;
	if (!ready) {
		fz_text("shifts.csv", FZ_SHIFTS);
		fz_text("demand.csv", FZ_DEMAND);
		ready = 1;
	}
	fz_write("staff.csv", data, size);
	fz_remove("roster.csv");
	fz_pipeline(TN_NEED_SHIFTS | TN_NEED_PEOPLE, NULL, 0);
	fz_text("roster.csv", FZ_ROSTER);
	fz_pipeline(TN_NEED_SHIFTS | TN_NEED_ROSTER, NULL, 0);
	return 0;
}
