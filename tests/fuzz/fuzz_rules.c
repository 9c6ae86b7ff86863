/* Fuzzes rules.conf through rules.c, then checks and reports a case by it. */
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
		fz_text("staff.csv", FZ_STAFF);
		fz_text("demand.csv", FZ_DEMAND);
		ready = 1;
	}
	fz_write("rules.conf", data, size);
	fz_pipeline(TN_NEED_SHIFTS | TN_NEED_ROSTER, NULL, 0);
	return 0;
}
