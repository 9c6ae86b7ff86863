/* The planning problem inside solver/: rows, groups, the search state. */
#ifndef TURNUS_SV_H
#define TURNUS_SV_H

#include "turnus/plan.h"
#include "model.h"

#define SV_NONE		(-2)	/* a cell not locked */
#define SV_MARGIN	10	/* minutes kept inside hours_tolerance where
				   the week depends on the position (HTA
				   three-shift work) */

/* Points of the objective (turnus-model(7)). */
#define W_RULE		50000.0	/* per unit of a broken rule, in search */
#define W_HOURS		8000.0	/* per hour outside the position's range */
#define W_UNCOVER	1000.0	/* per hour of demand not covered */
#define W_OVER		1000.0	/* per hour above the staffing plan */
#define W_FULL		100.0	/* per full-time person */
#define W_FULL_WANT	10.0	/* more, when the person wants 100 % */
#define W_TARGET	20.0	/* per hour towards a planned full time */
#define W_WANT		0.1	/* per hour towards the wanted position */
#define W_WISH		0.5	/* per unit of wish weight not met */
#define W_CHANGE	0.02	/* per cell changed from today's roster */

/* One person row of the case (a person in one department). */
struct sv_row {
	int		 person;	/* case row */
	int		 emp;		/* distinct person */
	int		 dept;
	int		 role;		/* index into sv roles */
	double		 lo, hi;	/* position range, percent */
	int		 minpaid;	/* paid minutes allowed */
	int		 maxpaid;
	int		 fullpaid;	/* paid minutes that make 100 % */
	double		 K;		/* paid minutes per percent, now */
	int		 margin;	/* minutes kept inside the tolerance */
	int		 target;	/* planned full-time */
	int		 want100;
	short		*lock;		/* per day: a locked code, NO_SHIFT
					   for a locked day off, or SV_NONE */
	unsigned char	*allow;		/* [day * nshifts + s] */
	short		*was;		/* today's roster, or NULL */
};

/* One distinct person (all rows with one id). */
struct sv_emp {
	int		 nrows;
	int		*rows;
	struct tn_rules	 r;		/* the stricter of case and own */
	const struct tn_person *p;	/* first row: its limits */
	int		 night_ok;	/* may work nights */
};

/* Heads for one department, day and demand code. */
struct sv_group {
	int		 dept, day, dcode;
	int		 cap;		/* heads above it are over-cover */
	int		 hard;		/* heads of hard demand (no
					   under_weight): cap less the soft */
	int		 paid;		/* minutes one head stands for */
	int		*q;		/* demand rows */
	int		 nq;
	int		 n;		/* heads on duty (search state) */
	int		*nrole;		/* heads per role */
};

struct sv_wish {
	int		 row, day, shift, kind;
	double		 weight;
};

struct sv {
	const struct tn_case *c;
	const struct tn_plan_opts *opts;
	int		 ndays, nshifts;
	double		 K;		/* paid minutes per percent */
	int		 tol;
	double		 thr;		/* full-time threshold, percent */
	struct sv_row	*rows;
	int		 nrows;
	struct sv_emp	*emps;
	int		 nemps;
	char		**roles;
	int		 nroles;
	struct sv_group	*groups;
	int		 ngroups;
	int		*gix;		/* [(dept*ndays+day)*ndcodes+dcode] */
	struct sv_wish	*wishes;
	int		 nwishes;
	int		 nwork;		/* shifts that are work */
	int		*work;
	/* search state */
	short		**cell;		/* [row][day]: the case's own cells */
	int		*paid;		/* per row */
	double		*epen;		/* per emp: broken rules */
	short		*tmp;		/* ndays scratch */
	long		*pre;		/* ndays + 1 scratch */
	int		 full_bound;
	int		 ntargets;
	int		 warm;		/* start from the case's own cells */
	double		 t0;		/* when the plan began (sv_now) */
	int		 design;	/* designed lines: no today's roster */
	double		 soft;		/* stop here if demand is still
					   uncovered (sv_now), or 0 */
};

/* Rule families of the elastic model, for the explanations. */
enum sv_family {
	SV_F_REST,		/* min_daily_rest_hours, cannot_follow */
	SV_F_WEEK,		/* max_week_hours */
	SV_F_RUN,		/* max_consecutive_days */
	SV_F_WEEKEND,		/* weekend_every */
	SV_F_WHOLE,		/* whole_weekends */
	SV_F_HOURS,		/* positions: today's, wanted, 100 % */
	SV_F_HEADS,		/* no rule: too few persons may work */
	SV_NFAMILIES
};

/* What the elastic re-solve (LP) needs of each family to cover all. */
struct sv_elastic {
	int		 solved;	/* 0: too large, or GLPK failed */
	double		 fam[SV_NFAMILIES];	/* units: see mip.c */
	double		 wday[SV_NFAMILIES][7];	/* by weekday */
	double		*gshort;	/* per group: heads no rule gives */
};

/* prob.c */
int	 sv_build(struct sv *, const struct tn_case *,
	    const struct tn_plan_opts *, struct tn_error *);
void	 sv_free(struct sv *);
int	 sv_group_of(const struct sv *, int, int, int);
int	 sv_role_matches(const struct sv *, int, const char *);
void	 sv_row_range(struct sv *, int);

/* eval.c */
double	 sv_emp_pen(struct sv *, int);
double	 sv_row_hours_pen(const struct sv *, int, int);
double	 sv_group_pen(const struct sv *, const struct sv_group *);
int	 sv_emp_full(const struct sv *, int);
double	 sv_row_pos(const struct sv *, int, int);

/* search.c: the best roster found goes into best[row][day]. */
struct sv_result {
	short		**best;
	double		 best_obj;
	double		 uncovered;	/* hours */
	double		 hard;		/* of those, of hard demand */
	double		 over;
	double		 rules;		/* broken rule units left */
	int		 full;
	double		 t_first;
	double		 t_best;
	int		 stopped;	/* 1 time limit, 2 interrupted */
	double		 lb12;		/* no roster has fewer sv_points12()
					   (the whole model solved), or
					   -HUGE_VAL */
};

double	 sv_now(void);
int	 sv_search(struct sv *, double, struct sv_result *);
double	 sv_objective(struct sv *, double *, double *, double *, int *);
void	 sv_state_load(struct sv *, short **);
void	 sv_report(struct sv *, struct sv_result *, double);
double	 sv_hard_uncovered(const struct sv *);
double	 sv_points12(struct sv *, int *);

/*
 * repair.c: drops the shifts that break rules, then brings each row's
 * hours into its range a cell at a time; the state is reloaded.
 */
void	 sv_repair(struct sv *);

/* mip.c */
int	 sv_mip_write(struct sv *, const char *, const char *,
	    struct tn_error *);
int	 sv_mip_improve(struct sv *, struct sv_result *, double,
	    struct tn_error *);
int	 sv_mip_elastic(struct sv *, struct sv_elastic *, double,
	    struct tn_error *);

/* plan.c: the engine, one call: the best roster by the deadline. */
int	 sv_engine(struct sv *, double, struct sv_result *,
	    struct tn_error *);

#endif
