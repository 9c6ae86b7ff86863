/*
 * Fuzzes the benchmark importer (nrp.c, turnus import-nrp): an instance
 * in the Curtois & Qu text format is read and written as a case, which
 * must then load, report and give its capacity like any other.
 */
#include "fuzz.h"
#include "turnus/nrp.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tn_error	 err;
	char		 in[256], out[256];

	if (size > FZ_MAX_INPUT)
		return 0;
	fz_write("input.txt", data, size);
	snprintf(in, sizeof in, "%s/input.txt", fz_dir());
	snprintf(out, sizeof out, "%s/case", fz_dir());
	fz_clean("case");
	if (tn_nrp_import(in, out, NULL, &err) == -1) {
		fz_error_ok(&err);
		return 0;
	}
	fz_pipeline_in(out, TN_NEED_SHIFTS | TN_NEED_PEOPLE, NULL, 0);
	return 0;
}
