/*
 * Fuzzes roster.csv whole (header included, so mostly the wide form)
 * through load.c, check, report and the streamed report of report-stream.c.
 */
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
	fz_write("roster.csv", data, size);
	fz_pipeline(TN_NEED_SHIFTS | TN_NEED_ROSTER, NULL, 0);
	fz_stream(NULL, 0);
	return 0;
}
