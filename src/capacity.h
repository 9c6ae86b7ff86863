/* The staffing plan as heads per day and code: shared by capacity and plan. */
#ifndef TURNUS_CAPACITY_H
#define TURNUS_CAPACITY_H

struct tn_case;

/*
 * Heads a department needs on a day for a demand code: the larger of
 * the "any" row and the sum of the role rows (a role counts in both).
 */
int	 capacity_need(const struct tn_case *, int, int, int);

/* Paid minutes one head of a demand code stands for on day d (-1 any). */
int	 capacity_code_paid(const struct tn_case *, int, int);

/* Whether shift s may be planned on day d (see turnus-model(7)). */
int	 capacity_shift_day_ok(const struct tn_case *, int, int);

/* Whether a shift is a long shift that fills several demand codes. */
int	 capacity_is_long(const struct tn_case *, int);

/* Whether rotation day d is a weekend day (Saturday or Sunday). */
int	 capacity_weekend_day(const struct tn_case *, int);

/* Persons a department's weekends need at the case's weekend_every. */
int	 capacity_heads(const struct tn_case *, int, int);

/* The most paid minutes the staffing plan can carry, long shifts or not. */
double	 capacity_max_minutes(const struct tn_case *);

#endif
