/*
 * The line engine: the problem as lines and cover rows, built from the
 * planning problem; what a roster costs; and the run (construct, bound
 * by column generation, integer master, large-neighbourhood search).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glpk.h>

#include "engine.h"
#include "i18n.h"
#include "util.h"

/* A line of the engine's progress for -v (GLPK's log). */
void
eg_log(const struct eg *eg, const char *fmt, ...)
{
	const struct tn_plan_opts *o = eg->sv->opts;
	char	 b[512];
	va_list	 ap;

	if (o->log == NULL)
		return;
	snprintf(b, sizeof b, "engine %7.2f s: ", sv_now() - eg->sv->t0);
	va_start(ap, fmt);
	vsnprintf(b + strlen(b), sizeof b - strlen(b) - 1, fmt, ap);
	va_end(ap);
	strcat(b, "\n");
	o->log(b, o->arg);
}

static int
gcd(int a, int b)
{
	while (b != 0) {
		int t = a % b;

		a = b;
		b = t;
	}
	return a;
}

/* Whether the engine plans this case (turnus-model(7)). */
int
eg_wanted(const struct sv *sv)
{
	const struct tn_case *c = sv->c;

	if (c->rules.objective != TN_OBJ_WISHES || c->rules.cyclic ||
	    sv->ndays > 7 * 104)
		return 0;
	for (int e = 0; e < sv->nemps; e++)
		if (sv->emps[e].nrows != 1)
			return 0;
	return 1;
}

/* The strictest value of a rule over the case and the person. */
static const struct tn_rules *
own(const struct tn_case *c, int row)
{
	return c->persons[row].rules != NULL ? c->persons[row].rules :
	    &c->rules;
}

static int
build_shifts(struct eg *eg)
{
	const struct tn_case *c = eg->c;
	int	 rest = 0;

	if ((eg->code = tn_calloc((size_t)c->nshifts + 1, sizeof *eg->code))
	    == NULL || (eg->len = tn_calloc((size_t)c->nshifts + 1,
	    sizeof *eg->len)) == NULL)
		return -1;
	for (int k = 0; k < c->nshifts; k++)
		if (!c->shifts[k].off)
			eg->code[eg->S++] = k;
	eg->unit = 0;
	for (int s = 0; s < eg->S; s++)
		eg->unit = gcd(eg->unit, c->shifts[eg->code[s]].paid);
	if (eg->unit <= 0)
		eg->unit = 1;
	for (int s = 0; s < eg->S; s++)
		eg->len[s] = c->shifts[eg->code[s]].paid / eg->unit;
	for (int i = 0; i < c->npersons; i++) {
		const struct tn_rules *r = own(c, i);

		rest = r->min_daily_rest > rest ? r->min_daily_rest : rest;
	}
	rest = c->rules.min_daily_rest > rest ? c->rules.min_daily_rest : rest;
	if ((eg->follow = tn_calloc((size_t)eg->S * eg->S + 1, 1)) == NULL)
		return -1;
	for (int s = 0; s < eg->S; s++)
		for (int u = 0; u < eg->S; u++) {
			const struct tn_shift *a = &c->shifts[eg->code[s]];
			const struct tn_shift *b = &c->shifts[eg->code[u]];
			int gap = MIN_PER_DAY + b->start - (a->start + a->len);

			eg->follow[s * eg->S + u] = gap < rest ||
			    (a->cannot_follow != NULL &&
			    a->cannot_follow[eg->code[u]]);
		}
	return 0;
}

static void
build_weekends(struct eg *eg)
{
	const struct tn_case *c = eg->c;

	for (int d = 0; d < eg->D; d++) {
		int wd = case_weekday(c, d);

		if (wd == 5 && d + 1 < eg->D) {
			eg->wkday[d] = 1;
			eg->wkday[d + 1] = 2;
			eg->nweekends++;
		}
	}
}

/* Wish weights as the cost of each cell of the line. */
static void
person_costs(struct eg *eg, int pi)
{
	struct eg_person *p = &eg->p[pi];
	const struct sv	*sv = eg->sv;
	int		 S1 = eg->S + 1;

	for (int k = 0; k < sv->nwishes; k++) {
		const struct sv_wish *w = &sv->wishes[k];
		double *cd = p->cost + (size_t)w->day * S1;

		if (w->row != p->row)
			continue;
		for (int s = -1; s < eg->S; s++) {
			int on = w->shift == NO_SHIFT ? s >= 0 :
			    s >= 0 && eg->code[s] == w->shift;

			if ((w->kind == TN_WISH_ON) != on)
				cd[s + 1] += w->weight;
		}
		if (w->weight != floor(w->weight))
			eg->integral = 0;
	}
}

static int
work_index(const struct eg *eg, int code)
{
	for (int s = 0; s < eg->S; s++)
		if (eg->code[s] == code)
			return s;
	return EG_OFF;
}

static int
build_person(struct eg *eg, int pi)
{
	struct eg_person *p = &eg->p[pi];
	const struct sv_row *r = &eg->sv->rows[pi];
	const struct tn_person *tp = &eg->c->persons[r->person];
	const struct tn_rules *ru = own(eg->c, r->person);
	int		 D = eg->D, S = eg->S, lo, hi;

	p->row = pi;
	if ((p->maxs = tn_malloc(((size_t)S + 1) * sizeof *p->maxs)) == NULL ||
	    (p->fix = tn_malloc((size_t)D + 1)) == NULL ||
	    (p->allow = tn_calloc((size_t)D * S + 1, 1)) == NULL ||
	    (p->cost = tn_calloc((size_t)D * (S + 1) + 1, sizeof *p->cost)) ==
	    NULL)
		return -1;
	p->cmax = ru->max_consecutive_days < eg->c->rules.max_consecutive_days ?
	    ru->max_consecutive_days : eg->c->rules.max_consecutive_days;
	p->cmin = tp->min_consecutive_days;
	p->omin = tp->min_consecutive_days_off;
	p->maxwk = tp->max_weekends == UNSET ? -1 : tp->max_weekends;
	lo = tp->min_hours != UNSET ? tp->min_hours : r->minpaid;
	hi = tp->max_hours != UNSET ? tp->max_hours : r->maxpaid;
	p->mmin = lo <= 0 ? 0 : (lo + eg->unit - 1) / eg->unit;
	if (hi < 0 || hi > D * MIN_PER_DAY)
		hi = D * MIN_PER_DAY;
	p->mmax = hi / eg->unit;
	for (int s = 0; s < S; s++)
		p->maxs[s] = tp->max_shifts != NULL &&
		    tp->max_shifts[eg->code[s]] != UNSET ?
		    tp->max_shifts[eg->code[s]] : -1;
	for (int d = 0; d < D; d++) {
		short lk = r->lock[d];

		p->fix[d] = lk == SV_NONE ? EG_FREE : lk == NO_SHIFT ? EG_OFF :
		    (signed char)work_index(eg, lk);
		for (int s = 0; s < S; s++)
			p->allow[d * S + s] = r->allow[d * eg->sv->nshifts +
			    eg->code[s]];
	}
	person_costs(eg, pi);
	return 0;
}

static int
role_ok(const struct eg *eg, int pi, const struct tn_demand *q)
{
	const struct sv_row *r = &eg->sv->rows[pi];

	return r->dept == q->dept && sv_role_matches(eg->sv, r->role, q->role);
}

static int
shift_covers(const struct tn_case *c, int code, int dcode)
{
	const struct tn_shift *sh = &c->shifts[code];

	for (int k = 0; k < sh->ncovers; k++)
		if (sh->covers[k] == dcode)
			return 1;
	return 0;
}

/*
 * The demand rows of each day, as a range of *list from (*start)[d]:
 * without them every cell would scan every row (Instance24: 2e10).
 */
static int
rows_by_day(const struct eg *eg, int **start, int **list)
{
	const struct tn_case *c = eg->c;
	int	*at;

	*start = tn_calloc((size_t)eg->D + 2, sizeof **start);
	*list = tn_malloc(((size_t)c->ndemand + 1) * sizeof **list);
	at = tn_calloc((size_t)eg->D + 1, sizeof *at);
	if (*start == NULL || *list == NULL || at == NULL) {
		free(at);
		return -1;
	}
	for (int k = 0; k < c->ndemand; k++)
		if (c->demand[k].day >= 0 && c->demand[k].day < eg->D)
			(*start)[c->demand[k].day + 1]++;
	for (int d = 0; d < eg->D; d++)
		(*start)[d + 1] += (*start)[d];
	for (int k = 0; k < c->ndemand; k++) {
		int d = c->demand[k].day;

		if (d >= 0 && d < eg->D)
			(*list)[(*start)[d] + at[d]++] = k;
	}
	free(at);
	return 0;
}

/* The demand rows each cell (person, day, work shift) fills. */
static int
cell_rows(struct eg *eg, const int *start, const int *list)
{
	const struct tn_case *c = eg->c;
	size_t	 n = (size_t)eg->P * eg->D * eg->S, cap = 0, len = 0;

	for (int pi = 0; pi < eg->P; pi++)
		for (int d = 0; d < eg->D; d++)
			for (int s = 0; s < eg->S; s++) {
				size_t i = ((size_t)pi * eg->D + d) * eg->S + s;

				eg->covs[i] = (int)len;
				for (int j = start[d]; j < start[d + 1]; j++) {
					const struct tn_demand *q =
					    &c->demand[list[j]];

					if (!role_ok(eg, pi, q) ||
					    !shift_covers(c, eg->code[s],
					    q->dcode))
						continue;
					if (len + 1 > cap) {
						int *v;

						cap = cap ? 2 * cap : 1024;
						if ((v = tn_realloc(eg->covl, cap *
						    sizeof *v)) == NULL)
							return -1;
						eg->covl = v;
					}
					eg->covl[len++] = list[j];
				}
			}
	eg->covs[n] = (int)len;
	return 0;
}

static int
build_cover(struct eg *eg)
{
	const struct tn_case *c = eg->c;
	size_t	 n = (size_t)eg->P * eg->D * eg->S;
	int	*start = NULL, *list = NULL, rc;

	if ((eg->q = tn_calloc((size_t)c->ndemand + 1, sizeof *eg->q)) ==
	    NULL || (eg->covs = tn_calloc(n + 1, sizeof *eg->covs)) == NULL)
		return -1;
	eg->Q = c->ndemand;
	for (int k = 0; k < c->ndemand; k++) {
		const struct tn_demand *q = &c->demand[k];

		eg->q[k] = (struct eg_cover){ q->day, q->min,
		    q->max == UNSET ? -1 : q->max, q->under_weight < 0 ?
		    EG_HARD : q->under_weight, q->over_weight < 0 ? EG_HARD :
		    q->over_weight };
		if (q->under_weight != floor(q->under_weight) ||
		    q->over_weight != floor(q->over_weight))
			eg->integral = 0;
	}
	rc = rows_by_day(eg, &start, &list) == -1 ? -1 :
	    cell_rows(eg, start, list);
	free(start);
	free(list);
	return rc;
}

int
eg_build(struct eg *eg, struct sv *sv)
{
	memset(eg, 0, sizeof *eg);
	eg->sv = sv;
	eg->c = sv->c;
	eg->P = sv->nrows;
	eg->D = sv->ndays;
	eg->integral = 1;
	eg->seed = sv->opts->seed;
	if (build_shifts(eg) == -1 ||
	    (eg->wkday = tn_calloc((size_t)eg->D + 1, 1)) == NULL ||
	    (eg->p = tn_calloc((size_t)eg->P + 1, sizeof *eg->p)) == NULL)
		goto oom;
	build_weekends(eg);
	for (int pi = 0; pi < eg->P; pi++)
		if (build_person(eg, pi) == -1)
			goto oom;
	if (build_cover(eg) == -1)
		goto oom;
	return 0;
oom:
	eg_free(eg);
	return -1;
}

void
eg_free(struct eg *eg)
{
	for (int pi = 0; eg->p != NULL && pi < eg->P; pi++) {
		free(eg->p[pi].maxs);
		free(eg->p[pi].fix);
		free(eg->p[pi].allow);
		free(eg->p[pi].cost);
	}
	free(eg->p);
	free(eg->q);
	free(eg->covs);
	free(eg->covl);
	free(eg->code);
	free(eg->len);
	free(eg->follow);
	free(eg->wkday);
	memset(eg, 0, sizeof *eg);
}

/* --------------------------------------------------------- evaluation */

double
eg_line_cost(const struct eg *eg, int pi, const signed char *x)
{
	const double	*cost = eg->p[pi].cost;
	double		 sum = 0;

	for (int d = 0; d < eg->D; d++)
		sum += cost[d * (eg->S + 1) + x[d] + 1];
	return sum;
}

double
eg_cover_pen(const struct eg_cover *q, int n)
{
	double	 pen = 0;

	if (n < q->min)
		pen += q->under * (q->min - n);
	if (q->max >= 0 && n > q->max)
		pen += q->over * (n - q->max);
	return pen;
}

/* Heads on each demand row: n[q], Q entries. */
static void
heads(const struct eg *eg, signed char *const *x, int *n)
{
	memset(n, 0, (size_t)eg->Q * sizeof *n);
	for (int pi = 0; pi < eg->P; pi++)
		for (int d = 0; d < eg->D; d++) {
			size_t i;

			if (x[pi][d] < 0)
				continue;
			i = ((size_t)pi * eg->D + d) * eg->S + x[pi][d];
			for (int k = eg->covs[i]; k < eg->covs[i + 1]; k++)
				n[eg->covl[k]]++;
		}
}

double
eg_objective(const struct eg *eg, signed char *const *x)
{
	int	*n = tn_calloc((size_t)eg->Q + 1, sizeof *n);
	double	 sum = 0;

	if (n == NULL)
		return EG_INF;
	heads(eg, x, n);
	for (int k = 0; k < eg->Q; k++)
		sum += eg_cover_pen(&eg->q[k], n[k]);
	for (int pi = 0; pi < eg->P; pi++)
		sum += eg_line_cost(eg, pi, x[pi]);
	free(n);
	return sum;
}

/* The rules the pricing keeps, checked on a finished line. */
int
eg_line_ok(const struct eg *eg, int pi, const signed char *x)
{
	const struct eg_person *p = &eg->p[pi];
	int	 m = 0, wk = 0, run = 0, first = 1, cnt[128] = { 0 };

	for (int d = 0; d < eg->D; d++) {
		int s = x[d];

		if ((p->fix[d] != EG_FREE && p->fix[d] != s) ||
		    (s >= 0 && !p->allow[d * eg->S + s]))
			return 0;
		if (d > 0 && (s >= 0) != (x[d - 1] >= 0)) {
			if (!first && run < (x[d - 1] >= 0 ? p->cmin : p->omin))
				return 0;
			first = 0;
			run = 0;
		}
		run++;
		if (s < 0)
			continue;
		if ((d > 0 && x[d - 1] >= 0 &&
		    eg->follow[x[d - 1] * eg->S + s]) || run > p->cmax)
			return 0;
		m += eg->len[s];
		cnt[s]++;
		wk += eg->wkday[d] == 1 || (eg->wkday[d] == 2 &&
		    (d == 0 || x[d - 1] < 0));
	}
	for (int s = 0; s < eg->S; s++)
		if (p->maxs[s] >= 0 && cnt[s] > p->maxs[s])
			return 0;
	return m >= p->mmin && m <= p->mmax && (p->maxwk < 0 ||
	    wk <= p->maxwk);
}

int
eg_sol_alloc(const struct eg *eg, struct eg_sol *s)
{
	s->obj = EG_INF;
	if ((s->x = tn_calloc((size_t)eg->P + 1, sizeof *s->x)) == NULL)
		return -1;
	for (int pi = 0; pi < eg->P; pi++)
		if ((s->x[pi] = tn_malloc((size_t)eg->D + 1)) == NULL) {
			eg_sol_free(eg, s);
			return -1;
		}
	return 0;
}

void
eg_sol_free(const struct eg *eg, struct eg_sol *s)
{
	for (int pi = 0; s->x != NULL && pi < eg->P; pi++)
		free(s->x[pi]);
	free(s->x);
	s->x = NULL;
}

void
eg_sol_copy(const struct eg *eg, struct eg_sol *to, const struct eg_sol *from)
{
	for (int pi = 0; pi < eg->P; pi++)
		memcpy(to->x[pi], from->x[pi], (size_t)eg->D);
	to->obj = from->obj;
}

/* ---------------------------------------------------------------- run */

struct guard {
	jmp_buf	 jb;
};

static void
on_error(void *info)
{
	longjmp(((struct guard *)info)->jb, 1);
}

static int
on_term(void *info, const char *s)
{
	const struct sv *sv = info;

	if (sv->opts->log != NULL)
		sv->opts->log(s, sv->opts->arg);
	return 1;
}

/* The lines as the case's cells (a locked absence code kept). */
static void
store(const struct eg *eg, const struct eg_sol *best, short **cells)
{
	for (int p = 0; p < eg->P; p++)
		for (int d = 0; d < eg->D; d++) {
			short lk = eg->sv->rows[p].lock[d];

			cells[p][d] = best->x[p][d] >= 0 ?
			    (short)eg->code[best->x[p][d]] : lk >= 0 ? lk :
			    NO_SHIFT;
		}
}

static double
rounded(const struct eg *eg, double lb)
{
	return eg->integral && lb > -EG_INF ? ceil(lb - 1e-6) : lb;
}

/*
 * The progress line (plan on a terminal): the best roster's objective
 * and the bound.  Only the first process shows it.
 */
void
eg_show(const struct eg *eg, const struct eg_sol *best, double lb)
{
	const struct tn_plan_opts *o = eg->sv->opts;
	struct tn_plan_progress pr = { 0 };
	double	 b = lb > -EG_INF ? rounded(eg, lb) : NAN;

	if (o->progress == NULL || eg->stream != 0)
		return;
	pr.elapsed = sv_now() - eg->sv->t0;
	pr.have_roster = 1;
	pr.by_objective = 1;
	pr.objective = best->obj;
	pr.obj_bound = b;
	pr.gap = isnan(b) ? -1 : best->obj > 1e-9 ? (best->obj - b) /
	    best->obj : 0;
	if (pr.gap < 0 && !isnan(b))
		pr.gap = 0;
	o->progress(&pr, o->arg);
}

static int
proven(const struct eg *eg, const struct eg_sol *best, double lb)
{
	return best->obj <= rounded(eg, lb) + 1e-9;
}

/* First roster: each person's best line in turn, then descent. */
static int
first_roster(struct eg *eg, struct eg_dp *dp, struct eg_sol *best,
    struct tn_error *err)
{
	unsigned seed = eg->seed + 1;
	int	 rc;

	if ((rc = eg_construct(eg, dp, best)) == -2) {
		tn_error_set(err, TN_INTERNAL, NULL, 0, 0, _("no roster within "
		    "the time limit: the line engine needs more time for a "
		    "case of %d persons and %d days; give plan a longer "
		    "--time-limit"), eg->P, eg->D);
		return -1;
	}
	if (rc == -1 || eg_descent(eg, dp, best, &seed) == -1)
		return tn_oom(err);
	for (int p = 0; p < eg->P; p++)
		if (!eg_line_ok(eg, p, best->x[p])) {
			tn_error_set(err, TN_INPUT, NULL, 0, 0, _("no roster line "
			    "for '%s' keeps the rules, the hours and the locked "
			    "days of staff.csv and wishes.csv"),
			    eg->c->persons[eg->sv->rows[p].person].id);
			return -1;
		}
	return 0;
}

/* Keeps cand when it is better than best. */
static void
keep(struct eg *eg, struct eg_sol *best, struct eg_sol *cand,
    const char *how)
{
	cand->obj = eg_objective(eg, cand->x);
	eg_log(eg, "%s: %.2f", how, cand->obj);
	if (cand->obj < best->obj - 1e-9) {
		eg_sol_copy(eg, best, cand);
		eg->t_best = sv_now();
	}
}

/*
 * The bound by column generation, the integer master on its lines, then
 * branch and price while the time allows: the whole problem solved,
 * when it is small enough.
 */
static int
global(struct eg *eg, struct eg_dp *dp, struct eg_sol *best, double *lb,
    double t0, double deadline)
{
	struct eg_sol	 cand = { 0 };
	struct eg_cg	*cg;
	int		*all, rc = 0, found, quick;
	double		 lp = 0, span = deadline - t0, fixed, root, tlp, tpr;
	long		 rounds;

	if (sv_now() >= deadline)
		return 0;		/* the first roster took the time */
	if ((all = tn_malloc(((size_t)eg->P + 1) * sizeof *all)) == NULL)
		return -1;
	for (int p = 0; p < eg->P; p++)
		all[p] = p;
	cg = eg_cg_new(eg, all, eg->P, (const signed char *const *)best->x,
	    0, eg->D - 1);
	free(all);
	if (cg == NULL || eg_sol_alloc(eg, &cand) == -1) {
		eg_cg_free(cg);
		return -1;
	}
	fixed = best->obj - eg_cg_value(cg, best);
	rc = eg_cg_run(cg, dp, t0 + 0.3 * span, best->obj - fixed, &lp, lb);
	*lb += fixed;
	eg_cg_stats(cg, &rounds, &tlp, &tpr);
	eg_log(eg, "column generation %s: LP %.2f, bound %.2f, %d lines, "
	    "%ld rounds, %.2f s in GLPK, %.2f s pricing", rc == 1 ? "done" :
	    rc == 0 ? "at the roster" : rc == 2 ? "stopped" : "failed",
	    lp + fixed, *lb, eg_cg_size(cg), rounds, tlp, tpr);
	/* branch and price pays where the master is cheap to solve */
	quick = rc == 1 && sv_now() - t0 < 0.05 * span;
	rc = 0;
	if (!proven(eg, best, *lb)) {
		unsigned seed = eg->seed + 2;

		eg_sol_copy(eg, &cand, best);
		if ((rc = eg_cg_dive(cg, dp, t0 + 0.6 * span, &cand)) == 1 &&
		    (rc = eg_descent(eg, dp, &cand, &seed)) == 0)
			keep(eg, best, &cand, "dive");
		rc = rc < 0 ? -1 : 0;
	}
	if (rc == 0 && !proven(eg, best, *lb)) {
		double until = sv_now() + (quick ? 0.1 : 0.03) * span;

		eg_sol_copy(eg, &cand, best);
		if (eg_cg_mip(cg, until < deadline ? until : deadline, best,
		    &cand) < 0)
			rc = -1;
		else
			keep(eg, best, &cand, "integer master");
	}
	if (rc == 0 && quick && !proven(eg, best, *lb)) {
		eg_sol_copy(eg, &cand, best);
		rc = eg_cg_bp(cg, dp, t0 + 0.6 * span, 1000000,
		    best->obj - fixed, &cand, &found, &root);
		if (found)
			keep(eg, best, &cand, "branch and price");
		if (rc == 1)
			*lb = best->obj;
		rc = rc < 0 ? -1 : 0;
	}
	eg_sol_free(eg, &cand);
	eg_cg_free(cg);
	return rc;
}

/* The run itself, inside eg_plan's guard against GLPK's errors. */
static int
run(struct eg *eg, struct sv_result *sr, double t0, double deadline,
    struct tn_error *err)
{
	const struct tn_plan_opts *o = eg->sv->opts;
	struct eg_dp	*dp;
	struct eg_sol	 best = { 0 };
	double		 lb = -EG_INF;
	int		 rc = -1;

	if ((dp = eg_dp_new(eg)) == NULL || eg_sol_alloc(eg, &best) == -1) {
		tn_oom(err);
		goto out;
	}
	if (first_roster(eg, dp, &best, err) == -1)
		goto out;
	sr->t_first = sv_now() - t0;
	eg->t_best = sv_now();
	eg_log(eg, "first roster %.2f", best.obj);
	eg_show(eg, &best, lb);
	if (global(eg, dp, &best, &lb, t0, deadline) == -1) {
		tn_oom(err);
		goto out;
	}
	/* the second process starts here: bounding and diving alongside
	   it were slower on this busy 2-core machine (Instance12) */
	if (deadline - sv_now() > 2 && !proven(eg, &best, lb))
		eg_lns_fork(eg, dp, &best, deadline);
	if (eg_lns_join(eg, dp, &best, &lb, deadline, 1) == -1) {
		tn_oom(err);
		goto out;
	}
	eg_show(eg, &best, lb);
	store(eg, &best, sr->best);
	sr->best_obj = best.obj;
	sr->t_best = eg->t_best - t0;
	sr->stopped = o->stop != NULL && *o->stop ? 2 : proven(eg, &best,
	    lb) ? 0 : 1;
	sr->lb12 = rounded(eg, lb);
	sr->rules = 0;
	rc = 0;
out:
	eg_sol_free(eg, &best);
	eg_dp_free(dp);
	return rc;
}

/*
 * Plans with the line engine into sr->best by the deadline (0: none);
 * sr->lb12 gets a bound no roster beats.  Returns 0, or -1 with err set.
 */
int
eg_plan(struct sv *sv, struct sv_result *sr, double t0, double until,
    struct tn_error *err)
{
	struct guard	 g;
	struct eg	 eg;
	volatile int	 rc = -1;

	sr->lb12 = -HUGE_VAL;
	if (eg_build(&eg, sv) == -1)
		return tn_oom(err);
	eg.deadline = until > 0 ? until : t0 + 3600;
	glp_term_hook(on_term, sv);
	glp_error_hook(on_error, &g);
	if (setjmp(g.jb) == 0)
		rc = run(&eg, sr, t0, eg.deadline, err);
	else {
		glp_free_env();
		tn_error_set(err, TN_INTERNAL, NULL, 0, 0, _("GLPK failed in the "
		    "line engine"));
	}
	glp_error_hook(NULL, NULL);
	glp_term_hook(NULL, NULL);
	eg_free(&eg);
	return rc;
}

/* Whether no cost is negative, so that no roster costs less than 0. */
static int
nonnegative(const struct eg *eg)
{
	for (int p = 0; p < eg->P; p++)
		for (size_t i = 0; i < (size_t)eg->D * (eg->S + 1); i++)
			if (eg->p[p].cost[i] < 0)
				return 0;
	for (int q = 0; q < eg->Q; q++)
		if (eg->q[q].under < 0 || eg->q[q].over < 0)
			return 0;
	return 1;
}

/*
 * The result of the wishes objective, from the roster as verified (in
 * sv's cells): the objective is the weights' sum, the bound the
 * engine's.
 */
void
eg_result(struct sv *sv, const struct sv_result *sr,
    struct tn_plan_result *res)
{
	double		 bound = sr->lb12;
	struct eg	 eg;
	struct eg_sol	 s;
	int		*n, hard = 0;

	if (eg_build(&eg, sv) == -1)
		return;
	if (bound < 0 && nonnegative(&eg))
		bound = 0;
	if (bound < -1e9)
		bound = -1e9;
	if (eg_sol_alloc(&eg, &s) == 0 &&
	    (n = tn_calloc((size_t)eg.Q + 1, sizeof *n)) != NULL) {
		for (int p = 0; p < eg.P; p++)
			for (int d = 0; d < eg.D; d++) {
				short c = sv->cell[p][d];

				s.x[p][d] = c == NO_SHIFT ||
				    sv->c->shifts[c].off ? EG_OFF :
				    (signed char)work_index(&eg, c);
			}
		res->objective = eg_objective(&eg, s.x);
		res->bound = bound < res->objective ? bound : res->objective;
		res->gap = res->objective > 1e-9 ? (res->objective -
		    res->bound) / res->objective : 0;
		heads(&eg, s.x, n);
		for (int q = 0; q < eg.Q; q++)
			hard |= eg.q[q].under >= EG_HARD && n[q] < eg.q[q].min;
		if (hard)
			res->status = TN_PLAN_INFEASIBLE;
		else if (res->objective <= res->bound + 1e-9)
			res->status = TN_PLAN_OPTIMAL;
		else
			res->status = sr->stopped == 2 ? TN_PLAN_INTERRUPTED :
			    sr->stopped == 1 ? TN_PLAN_TIME_LIMIT :
			    TN_PLAN_FEASIBLE;
		free(n);
	}
	eg_sol_free(&eg, &s);
	eg_free(&eg);
}
