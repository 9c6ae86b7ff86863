/* Checking a roster against the rules and the staffing plan. */
#ifndef TURNUS_CHECK_H
#define TURNUS_CHECK_H

#include <stdio.h>

#include "turnus/turnus.h"

struct tn_case;
struct tn_findings;

/*
 * Checks every rule and the cover of the case's roster.  Returns the
 * findings (possibly none), or NULL with err set on internal failure.
 * Free with tn_findings_free().
 */
struct tn_findings	*tn_check(const struct tn_case *, struct tn_error *);
int			 tn_findings_count(const struct tn_findings *);
void			 tn_findings_free(struct tn_findings *);

/* Writes the findings in a format; returns -1 with err set on failure. */
int	tn_findings_write(const struct tn_findings *, const struct tn_case *,
	    enum tn_format, const struct tn_style *, FILE *,
	    struct tn_error *);

#endif
