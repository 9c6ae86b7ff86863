/*
 * The line engine (issue 6): whole roster lines priced by dynamic
 * programming, a master LP over them in GLPK (column generation) for the
 * bound, and large-neighbourhood search that re-optimises a few persons
 * or days at a time with the same machinery.
 */
#ifndef TURNUS_ENGINE_H
#define TURNUS_ENGINE_H

#include "sv.h"

#define EG_OFF		(-1)	/* a day off in a line */
#define EG_FREE		(-2)	/* a cell the neighbourhood may change */
#define EG_INF		1e30
#define EG_HARD		1e6	/* per head of hard cover missing */

/* One person's line rules: what the pricing keeps. */
struct eg_person {
	int		 row;		/* sv row = case person */
	int		 cmax;		/* most working days in a row */
	int		 cmin;		/* fewest, runs at the edges aside */
	int		 omin;		/* fewest days off in a row, likewise */
	int		 mmin, mmax;	/* paid minutes, in units of eg->unit */
	int		 maxwk;		/* weekends worked, or -1 */
	int		*maxs;		/* per work shift: most, or -1 */
	signed char	*fix;		/* per day: EG_FREE, EG_OFF or a shift */
	unsigned char	*allow;		/* [d * S + s] */
	double		*cost;		/* [d * (S + 1) + s + 1]: wishes */
	double		 cost0;		/* wish weight of a line of days off */
	int		 exact;		/* the pricing models every rule */
};

/* A demand row: heads on a day of the shifts that cover its code. */
struct eg_cover {
	int		 day;
	int		 min, max;	/* max < 0: no cap */
	double		 under, over;	/* per head; EG_HARD when hard */
};

struct eg_share;

struct eg {
	struct sv	*sv;
	const struct tn_case *c;
	int		 P, D, S;	/* persons, days, work shifts */
	int		*code;		/* work shift -> case shift */
	int		*len;		/* paid minutes, in units */
	int		 unit;		/* gcd of the paid minutes */
	unsigned char	*follow;	/* [s * S + u]: u may not follow s */
	signed char	*wkday;		/* per day: 1 Saturday, 2 Sunday, 0 */
	int		 nweekends;
	struct eg_person *p;
	struct eg_cover	*q;
	int		 Q;
	/* cover[(p * D + d) * S + s]: the demand rows the cell fills,
	   as a range of covl */
	int		*covs;		/* start, size P * D * S + 1 */
	int		*covl;
	int		 integral;	/* every cost is a whole number */
	double		 deadline;
	unsigned	 seed;
	unsigned	 stream;	/* the second process's seeds */
	double		 t_best;	/* when the best roster was found */
	struct eg_share	*share;		/* the two processes' best rosters */
	int		 slot;		/* this process's in share */
	int		 child;		/* the second process, or 0 */
};

/* A roster: lines[p][d] = EG_OFF or a work shift. */
struct eg_sol {
	signed char	**x;
	double		 obj;
};

/* engine.c */
void	 eg_log(const struct eg *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 eg_build(struct eg *, struct sv *);
void	 eg_free(struct eg *);
int	 eg_wanted(const struct sv *);
double	 eg_line_cost(const struct eg *, int, const signed char *);
int	 eg_line_ok(const struct eg *, int, const signed char *);
double	 eg_cover_pen(const struct eg_cover *, int);
double	 eg_objective(const struct eg *, signed char *const *);
int	 eg_sol_alloc(const struct eg *, struct eg_sol *);
void	 eg_sol_free(const struct eg *, struct eg_sol *);
void	 eg_sol_copy(const struct eg *, struct eg_sol *,
	    const struct eg_sol *);
int	 eg_plan(struct sv *, struct sv_result *, double, double,
	    struct tn_error *);
void	 eg_result(struct sv *, const struct sv_result *,
	    struct tn_plan_result *);

/* engine-dp.c: the best lines of a person under cell costs. */
struct eg_dp;
struct eg_dp *eg_dp_new(const struct eg *);
void	 eg_dp_free(struct eg_dp *);
/*
 * Prices person p: cell cost rc[d * (S + 1) + s + 1] (s = EG_OFF for a
 * day off), cells fixed by fix[d] (EG_FREE where free; NULL: the
 * person's own), shifts allowed by allow[d * S + s] (NULL: the
 * person's own).  Writes up to max lines of least cost below thr into
 * out[k] (D cells each) and their costs into val[k]; returns how many,
 * 0 when no line keeps the rules at a cost below thr, -1 out of memory.
 */
int	 eg_dp_price(struct eg_dp *, int, const double *, const signed char *,
	    const unsigned char *, double, signed char **, double *, int);
int	 eg_dp_exact(const struct eg_dp *);
void	 eg_dp_widen(struct eg_dp *, int);

/* colgen.c: the master problem over lines, in GLPK. */
struct eg_cg;
struct eg_cg *eg_cg_new(const struct eg *, const int *, int,
	    const signed char *const *, int, int);
void	 eg_cg_free(struct eg_cg *);
int	 eg_cg_add(struct eg_cg *, int, const signed char *);
double	 eg_cg_value(const struct eg_cg *, const struct eg_sol *);
int	 eg_cg_size(const struct eg_cg *);
void	 eg_cg_stats(const struct eg_cg *, long *, double *, double *);
int	 eg_cg_solve(struct eg_cg *, double, double *);
int	 eg_cg_mip(struct eg_cg *, double, const struct eg_sol *,
	    struct eg_sol *);
int	 eg_cg_run(struct eg_cg *, struct eg_dp *, double, double, double *,
	    double *);
int	 eg_cg_rounds(struct eg_cg *, struct eg_dp *, double, double, long,
	    double *, double *);
int	 eg_cg_bp(struct eg_cg *, struct eg_dp *, double, long, double,
	    struct eg_sol *, int *, double *);
int	 eg_cg_dive(struct eg_cg *, struct eg_dp *, double, struct eg_sol *);

/* lns.c: improving a roster; each returns -1 out of memory. */
int	 eg_descent(struct eg *, struct eg_dp *, struct eg_sol *,
	    unsigned *);
int	 eg_construct(struct eg *, struct eg_dp *, struct eg_sol *);
					/* -2: out of time */
void	 eg_show(const struct eg *, const struct eg_sol *, double);
int	 eg_lns(struct eg *, struct eg_dp *, struct eg_sol *, double *,
	    double);
int	 eg_lns_fork(struct eg *, struct eg_dp *, struct eg_sol *, double);
int	 eg_lns_join(struct eg *, struct eg_dp *, struct eg_sol *, double *,
	    double, int);

/* engine-lp.c: the compact model, for glpsol and CBC. */
int	 eg_write_lp(struct sv *, const char *, const char *,
	    struct tn_error *);

#endif
