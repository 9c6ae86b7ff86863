/* Why a plan leaves demand uncovered, in a ward manager's words. */
#ifndef TURNUS_WHY_H
#define TURNUS_WHY_H

#include "sv.h"

/*
 * Explains the best roster (in the state) that leaves demand uncovered:
 * the elastic re-solve (sv_mip_elastic) by the deadline says which rule
 * families stand in the way; the weekend and hours arithmetic gives the
 * numbers; then the shifts left short.  Appends to res->explain.
 * with_long: the weekends are planned with long shifts.  -1 with err set
 * when out of memory.
 */
int	 why_explain(struct sv *, int, double, struct tn_plan_result *,
	    struct tn_error *);

/* Appends one line to res->explain; -1 when out of memory. */
int	 why_add(struct tn_plan_result *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
