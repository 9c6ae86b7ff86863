/* The staffing plan as heads per day and code: shared by capacity and plan. */
#ifndef TURNUS_CAPACITY_H
#define TURNUS_CAPACITY_H

struct tn_case;

/* The HTA weeks of hta.c (HTA § 4.2), in hours. */
#define HTA_DAY_WEEK	37.5
#define HTA_TURNUS_WEEK	35.5
#define HTA_FLOOR_WEEK	33.6

/* The least minutes per percent of a position (see capacity_norm()). */
struct capacity_norm {
	double	 kfull;		/* a full-time line, before credit */
	double	 kpart;		/* any line, at the least */
	double	 per;		/* most minutes one full-time line saves */
	double	 credit;	/* most minutes all full-time lines save */
};

/*
 * Heads that n demand rows (indices q) of one department, day and code
 * ask for: the larger of the "any" rows and the sum of the role rows
 * (a role counts in both).
 */
int	 capacity_need(const struct tn_case *, const int *, int);

/* Paid minutes one head of a demand code stands for on day d (-1 any). */
int	 capacity_code_paid(const struct tn_case *, int, int);

/* Whether shift s may be planned on day d (see turnus-model(7)). */
int	 capacity_shift_day_ok(const struct tn_case *, int, int);

/*
 * Long shifts take the heads they fill from h (heads per demand code of
 * a day): adds the persons on them to *heads and their paid minutes to
 * *minutes (unless NULL).
 */
void	 capacity_long_heads(const struct tn_case *, int *, int *, double *);

/* Whether a shift is a long shift that fills several demand codes. */
int	 capacity_is_long(const struct tn_case *, int);

/* Whether rotation day d is a weekend day (Saturday or Sunday). */
int	 capacity_weekend_day(const struct tn_case *, int);

/* Persons a department's weekends need at the case's weekend_every. */
int	 capacity_heads(const struct tn_case *, int, int);

/* Heads one day needs: every role (NULL) or one role's own rows. */
int	 capacity_day_heads(const struct tn_case *, int, int, const char *,
	    int);

/* The least hours of a position under the case's week norm. */
void	 capacity_norm(const struct tn_case *, struct capacity_norm *);

/* Most full-time lines among heads designed lines (a bound). */
int	 capacity_design_full(const struct tn_case *, int, int);

/* Most full-time persons with today's staff and positions (a bound). */
int	 capacity_kept_full(const struct tn_case *);

/* The most paid minutes the staffing plan can carry, long shifts or not. */
double	 capacity_max_minutes(const struct tn_case *);

#endif
