/*
 * Fuzzes --set: each line of the input is one key=value (rules.c
 * rules_set), then the case is checked and reported by those rules.
 */
#include "fuzz.h"

#define MAX_SETS	16

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int	 ready;
	char		*s, *sets[MAX_SETS], *save = NULL, *tok;
	int		 n = 0;

	if (size > 4096)
		return 0;
	if (!ready) {
		fz_text("shifts.csv", FZ_SHIFTS);
		fz_text("roster.csv", FZ_ROSTER);
		fz_text("staff.csv", FZ_STAFF);
		fz_text("demand.csv", FZ_DEMAND);
		ready = 1;
	}
	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	for (tok = strtok_r(s, "\n", &save); tok != NULL && n < MAX_SETS;
	    tok = strtok_r(NULL, "\n", &save))
		sets[n++] = tok;
	fz_pipeline(TN_NEED_SHIFTS | TN_NEED_ROSTER, sets, n);
	free(s);
	return 0;
}
