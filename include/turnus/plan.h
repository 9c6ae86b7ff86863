/* Planning a roster (turnus plan) and its arithmetic bound (capacity). */
#ifndef TURNUS_PLAN_H
#define TURNUS_PLAN_H

#include <signal.h>
#include <stdio.h>

#include "turnus/turnus.h"

struct tn_case;
struct tn_report;

enum tn_plan_status {
	TN_PLAN_OPTIMAL,	/* proven best within the gap */
	TN_PLAN_FEASIBLE,	/* a roster, optimality not proven */
	TN_PLAN_INFEASIBLE,	/* demand left uncovered: best roster kept */
	TN_PLAN_TIME_LIMIT,	/* stopped by the time limit */
	TN_PLAN_INTERRUPTED	/* stopped by the caller (Ctrl-C) */
};

enum tn_long_shifts {
	TN_LONG_AUTO,		/* the planner decides where they pay off */
	TN_LONG_ON,		/* weekends are planned with long shifts */
	TN_LONG_OFF		/* no long shifts at all */
};

/* What the planner has reached so far, for a progress line. */
struct tn_plan_progress {
	double	 elapsed;	/* seconds */
	int	 have_roster;	/* a roster that passes every rule */
	int	 full_time;	/* best full-time count so far */
	int	 bound;		/* full-time count no roster can beat */
	double	 uncovered;	/* hours of hard demand left uncovered */
	double	 gap;		/* relative, of the objective; < 0 unknown */
	/* the line engine (fixed contracts, wishes): its objective instead */
	int	 by_objective;	/* objective and bound below, not the above */
	double	 objective;	/* of the best roster so far */
	double	 obj_bound;	/* no roster has less; NAN unknown */
};

struct tn_plan_opts {
	double	 time_limit;	/* seconds; <= 0: no limit */
	double	 gap;		/* stop at this relative gap */
	int	 long_shifts;	/* enum tn_long_shifts */
	int	 design;	/* design roster lines, ignore today's staff */
	unsigned seed;
	const char *write_lp;	/* write the model here (CPLEX LP), or NULL */
	const char *write_mps;	/* write the model here (free MPS), or NULL */
	/* Called now and then from the search; may be NULL. */
	void	(*progress)(const struct tn_plan_progress *, void *);
	/* Receives GLPK's terminal output, line by line; may be NULL. */
	void	(*log)(const char *, void *);
	void	*arg;
	/* The search stops soon after *stop becomes non-zero (SIGINT). */
	volatile sig_atomic_t *stop;
};

struct tn_plan_result {
	int	 status;	/* enum tn_plan_status */
	double	 objective;	/* stages 1 and 2; see turnus-model(7) */
	double	 bound;		/* no roster has a smaller objective */
	double	 gap;		/* (objective - bound) / |bound| */
	double	 uncovered;	/* hours of hard demand not covered */
	double	 soft_short;	/* hours of soft demand (under_weight) short,
				   a cost in the objective, no finding */
	int	 full_time;	/* persons full-time in the new roster */
	int	 full_time_bound;	/* the capacity bound for these lines */
	int	 lines;		/* persons or designed lines planned */
	int	 design_heads;	/* designed: lines the weekends need */
	double	 t_first;	/* seconds to the first roster */
	double	 t_best;	/* seconds to the best roster */
	double	 elapsed;
	struct tn_report *before;	/* the §5 measures of the case given */
	struct tn_report *after;	/* and of the planned roster */
	char	**explain;	/* why demand is left uncovered, in words */
	int	 nexplain;
};

/*
 * Plans a new roster for the case and puts it in the case: every
 * person's cells and position (or, with opts->design, new roster lines
 * in place of the staff).  The roster passes tn_check on the case, with
 * the persons' own rules and without them; the library verifies that
 * before it returns.  Returns 0 (see res->status), or -1 with err set
 * (TN_INPUT for a case that cannot be planned, TN_INTERNAL otherwise).
 * res->before and res->after point into the case: release res with
 * tn_plan_result_release() before the case is freed.
 */
int	 tn_plan(struct tn_case *, const struct tn_plan_opts *,
	    struct tn_plan_result *, struct tn_error *);
void	 tn_plan_result_release(struct tn_plan_result *);
const char *tn_plan_status_name(int);

/*
 * Writes the case's roster as a wide CSV: id, name, department, role,
 * position_pct, then one column per rotation day.
 */
int	 tn_roster_write(const struct tn_case *, const struct tn_style *,
	    FILE *, struct tn_error *);

/* ------------------------------------------------------------ capacity */

/* One row of the capacity table: a weekend frequency, long shifts or not. */
struct tn_capacity_row {
	int	 weekend_every;
	int	 long_shifts;	/* 0 ordinary weekend shifts, 1 long */
	int	 possible;	/* 0: the case has no long shift */
	double	 weekend_persons;	/* persons on duty per weekend */
	int	 heads;		/* persons the weekends need */
	double	 demand_hours;	/* paid hours the staffing plan needs */
	double	 fte;		/* demand_hours as full-time positions */
	int	 today_full;	/* most full-time lines, today's headcount */
	int	 kept_full;	/* most full-time, today's positions kept */
	int	 today_heads;
	double	 today_share;
	int	 design_full;	/* most full-time lines, designed heads */
	int	 design_heads;
	double	 design_share;
	int	 design_plain;	/* design_full with every line at the
				   full week, no three-shift credit */
};

struct tn_capacity {
	int	 weeks;
	double	 full_time_hours;	/* of a 100 % position, per rotation */
	double	 floor_hours;	/* the least a 100 % position can need
				   (three-shift work under the HTA week) */
	int	 current_every;		/* the case's weekend_every */
	int	 kept_full;	/* most full-time, today's positions kept,
				   at the case's weekend_every */
	int	 nrows;
	struct tn_capacity_row row[6];
};

/*
 * The arithmetic of the weekend problem (DESIGN §6 capacity): fills cap.
 * Returns -1 with err set when the case has no demand.
 */
int	 tn_capacity(const struct tn_case *, struct tn_capacity *,
	    struct tn_error *);

/* The row for the case's own rules (weekend_every, long shifts). */
const struct tn_capacity_row *tn_capacity_pick(const struct tn_capacity *,
	    int, int);

int	 tn_capacity_write(const struct tn_capacity *, const struct tn_case *,
	    enum tn_format, const struct tn_style *, FILE *,
	    struct tn_error *);

#endif
