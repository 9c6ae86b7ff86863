/* Designed roster lines for plan --design (solver/design.c). */
#ifndef TURNUS_DESIGN_H
#define TURNUS_DESIGN_H

#include "turnus/plan.h"
#include "model.h"

/*
 * Replaces the staff by roster lines: per department as many as the
 * weekends need (capacity's arithmetic, with long shifts or not), each
 * role of the staffing plan with the lines its weekends need, the rest
 * in the role of most staff that no demand row names.  Each line starts
 * at min_position_pct and wants 100 %.  Returns -1 with err set.
 */
int	 design_lines(struct tn_case *, int, struct tn_error *);

/* Adds one line of a role to a department; -1 out of memory. */
int	 design_line_add(struct tn_case *, int, const char *);

/*
 * The role of the demand row (of the department) with the most heads
 * short in short_by (per demand row), or fallback when none is.
 */
const char *design_role_short(const struct tn_case *, int, const double *,
	    const char *);

/* Whether designed lines plan long weekend shifts (opts' long_shifts). */
int	 design_long(const struct tn_case *, int, const struct tn_capacity *);

#endif
