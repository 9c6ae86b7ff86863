/*
 * Fuzzes the rows of a long roster (id;day;shift under a fixed header)
 * through load.c and the streamed report of report-stream.c, with and
 * without staff.csv.
 */
#include "fuzz.h"

#define HEADER	"id;day;shift;name;department;role;position_pct\n"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char	 buf[sizeof HEADER + FZ_MAX_INPUT];
	static int	 ready;

	if (size > FZ_MAX_INPUT)
		return 0;
	if (!ready) {
		fz_text("shifts.csv", FZ_SHIFTS);
		fz_text("demand.csv", FZ_DEMAND);
		ready = 1;
	}
	memcpy(buf, HEADER, sizeof HEADER - 1);
	memcpy(buf + sizeof HEADER - 1, data, size);
	fz_write("roster.csv", buf, sizeof HEADER - 1 + size);
	fz_remove("staff.csv");
	fz_pipeline(TN_NEED_SHIFTS | TN_NEED_ROSTER, NULL, 0);
	fz_stream(NULL, 0);
	fz_text("staff.csv", FZ_STAFF);
	fz_stream(NULL, 0);
	return 0;
}
