/* turnus plan in the library: the engine, verification, and the result. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "turnus/check.h"
#include "turnus/plan.h"
#include "turnus/report.h"
#include "capacity.h"
#include "engine.h"
#include "design.h"
#include "findings.h"
#include "hta.h"
#include "i18n.h"
#include "sv.h"
#include "util.h"
#include "why.h"

const char *
tn_plan_status_name(int s)
{
	static const char *const names[] = { "optimal", "feasible",
	    "infeasible", "time_limit", "interrupted" };

	return s >= 0 && s < 5 ? names[s] : "?";
}

/* ----------------------------------------------------------- positions */

/* Check's test of hours against a position, under one rule set. */
static int
hours_ok(const struct sv *sv, int row, const struct tn_rules *r,
    double pos, long paid)
{
	struct tn_case	*c = (struct tn_case *)sv->c;
	const struct sv_emp *em = &sv->emps[sv->rows[row].emp];
	struct tn_person *p0 = &c->persons[em->rows[0]];
	const struct tn_rules *keep = p0->rules;
	struct hta	 h;
	double		 pct = 0;
	long		 want;

	for (int k = 0; k < em->nrows; k++)
		pct += em->rows[k] == row ? pos :
		    c->persons[em->rows[k]].pos_pct;
	p0->rules = r;
	hta_norm_rows(c, em->rows, em->nrows, pct, &h);
	p0->rules = keep;
	want = lround(pos / 100.0 * h.norm * c->ndays / 7.0);
	return labs(paid - want) <= r->hours_tolerance;
}

static int
pos_ok(const struct sv *sv, int row, double pos, long paid)
{
	const struct tn_person *p = &sv->c->persons[sv->rows[row].person];

	return hours_ok(sv, row, p->rules, pos, paid) &&
	    hours_ok(sv, row, &sv->c->rules, pos, paid);
}

/*
 * The new position of a row: full time when the hours allow, else the
 * roundest position within the range that the hours match; where none
 * does, the nearest above it.  Never below the range: never below
 * today's position.
 */
static double
choose_pos(const struct sv *sv, int row, long paid)
{
	const struct sv_row *r = &sv->rows[row];
	static const double step[] = { 1, 0.5, 0.1, 0.01 };

	if (r->hi >= sv->thr && pos_ok(sv, row, sv->thr, paid))
		return sv->thr;
	for (size_t k = 0; k < nitems(step); k++) {
		double top = (paid + sv->tol) / r->K + 1;
		double bot = (paid - sv->tol) / r->K - 1;
		double hi = floor((top < r->hi ? top : r->hi) / step[k] + 1e-9) *
		    step[k];

		for (double x = hi; x >= r->lo - 1e-9 && x >= bot;
		    x -= step[k])
			if (pos_ok(sv, row, x, paid))
				return x;
	}
	for (int i = (int)ceil(r->lo * 100 - 1e-9); i <= 10000; i++)
		if (pos_ok(sv, row, i / 100.0, paid))
			return i / 100.0;
	return r->lo;
}

/* ---------------------------------------------------------- the roster */

/* Puts cells and the new positions into the case: the plan's roster. */
static void
case_store(struct sv *sv, struct tn_case *c, short **cells)
{
	for (int r = 0; r < sv->nrows; r++) {
		struct tn_person *p = &c->persons[sv->rows[r].person];

		memcpy(p->cell, cells[r], (size_t)sv->ndays * sizeof *p->cell);
	}
	for (int r = 0; r < sv->nrows; r++) {
		struct tn_person *p = &c->persons[sv->rows[r].person];
		long paid = 0;

		for (int d = 0; d < sv->ndays; d++)
			if (p->cell[d] != NO_SHIFT)
				paid += c->shifts[p->cell[d]].paid;
		p->pos_pct = p->roster_pct = choose_pos(sv, r, paid);
		if (!isnan(p->staff_pct))
			p->staff_pct = p->pos_pct;
		p->in_roster = 1;
	}
	c->has_roster = 1;
}

/* Whether day d of row r is free to change. */
static int
free_cell(const struct sv *sv, int r, int d)
{
	return sv->rows[r].lock[d] == SV_NONE;
}

/* Check's view without staff.csv: the case's rules, no own limits. */
struct saved {
	const struct tn_rules *rules;
	int	 long_shifts, nights, min_hours, max_hours, max_weekends;
	int	 min_cd, min_co;
	int	*max_shifts;
};

static int
rule_findings(const struct tn_case *c, const struct tn_findings *f,
    struct tn_error *err, int *bad_row, int *bad_day)
{
	for (int i = 0; i < f->n; i++) {
		if (f->v[i].rule == TN_R_COVER)
			continue;
		if (err != NULL)
			tn_error_set(err, TN_INTERNAL, NULL, 0, 0, _("the planned "
			    "roster fails check: %s: %s (a bug in turnus "
			    "plan; nothing written)"), f->v[i].person >= 0 ?
			    c->persons[f->v[i].person].id : "-", f->v[i].msg);
		*bad_row = f->v[i].person;
		*bad_day = f->v[i].ndays > 0 ? f->v[i].days[0] : -1;
		return 1;
	}
	return 0;
}

static void
strip_own(struct tn_case *c, struct saved *sv)
{
	for (int i = 0; i < c->npersons; i++) {
		struct tn_person *p = &c->persons[i];

		sv[i] = (struct saved){ p->rules, p->long_shifts, p->nights,
		    p->min_hours, p->max_hours, p->max_weekends,
		    p->min_consecutive_days, p->min_consecutive_days_off,
		    p->max_shifts };
		p->rules = &c->rules;
		p->long_shifts = 1;
		p->nights = TN_NIGHTS_YES;
		p->min_hours = p->max_hours = p->max_weekends = UNSET;
		p->min_consecutive_days = p->min_consecutive_days_off = 0;
		p->max_shifts = NULL;
	}
}

static void
restore_own(struct tn_case *c, const struct saved *sv)
{
	for (int i = 0; i < c->npersons; i++) {
		struct tn_person *p = &c->persons[i];

		p->rules = sv[i].rules;
		p->long_shifts = sv[i].long_shifts;
		p->nights = sv[i].nights;
		p->min_hours = sv[i].min_hours;
		p->max_hours = sv[i].max_hours;
		p->max_weekends = sv[i].max_weekends;
		p->min_consecutive_days = sv[i].min_cd;
		p->min_consecutive_days_off = sv[i].min_co;
		p->max_shifts = sv[i].max_shifts;
	}
}

/* check with the persons' own rules, then with the case's alone. */
static int
check_twice(struct tn_case *c, struct tn_error *err, int *bad_row,
    int *bad_day)
{
	struct tn_findings *f;
	struct saved	*sv;
	int		 bad;

	if ((f = tn_check(c, err)) == NULL)
		return -1;
	bad = rule_findings(c, f, err, bad_row, bad_day);
	tn_findings_free(f);
	if (bad)
		return 1;
	if ((sv = tn_calloc((size_t)c->npersons + 1, sizeof *sv)) == NULL)
		return tn_oom(err);
	strip_own(c, sv);
	f = tn_check(c, err);
	restore_own(c, sv);
	free(sv);
	if (f == NULL)
		return -1;
	bad = rule_findings(c, f, err, bad_row, bad_day);
	tn_findings_free(f);
	return bad;
}

/*
 * Verifies the roster with check's own code.  A finding the search did
 * not foresee (a rule newer than solver/eval.c) frees that day and
 * tries again; what still fails is a bug: -1 with err set.
 */
static int
verify(struct sv *sv, struct tn_case *c, short **cells, struct tn_error *err)
{
	int	 row, day, rc;

	for (int tries = 0; tries < 50; tries++) {
		case_store(sv, c, cells);
		if ((rc = check_twice(c, err, &row, &day)) <= 0)
			return rc;
		if (row < 0 || day < 0)
			break;
		for (int r = 0; r < sv->nrows; r++)
			if (sv->rows[r].person == row && free_cell(sv, r, day))
				cells[r][day] = NO_SHIFT;
	}
	case_store(sv, c, cells);
	check_twice(c, err, &row, &day);
	return -1;
}

/* -------------------------------------------------------------- engine */

/* The bound of the first two stages: every full-time line at capacity's. */
static double
bound12(const struct sv *sv)
{
	return sv->full_bound > 0 ? -(W_FULL + W_FULL_WANT) * sv->full_bound :
	    0;
}

/* Whether the best roster is within the gap of the bound already. */
static int
at_bound(struct sv *sv, const struct sv_result *sr)
{
	double	 b = bound12(sv), pts;
	int	 full;

	sv_state_load(sv, sr->best);
	for (int r = 0; r < sv->nrows; r++)
		sv_row_range(sv, r);
	pts = sv_points12(sv, &full);
	return pts - b <= sv->opts->gap * fabs(b) + 1e-6;
}

/*
 * The engine, behind this one call: the best roster it finds by the
 * deadline goes into sr->best (every rule kept, unless none was found).
 * A stronger engine replaces the body of this function.
 */
int
sv_engine(struct sv *sv, double deadline, struct sv_result *sr,
    struct tn_error *err)
{
	double	 unc, over, rules;
	int	 full;

	sr->t_first = -1;
	sr->lb12 = -HUGE_VAL;
	if (eg_wanted(sv))
		return eg_plan(sv, sr, sv->t0, deadline, err);
	if (sv_search(sv, deadline, sr) == -1)
		return tn_oom(err);
	if (sr->t_first < 0) {
		sv_repair(sv);
		sr->best_obj = sv_objective(sv, &unc, &over, &rules, &full);
		for (int r = 0; r < sv->nrows; r++)
			memcpy(sr->best[r], sv->cell[r], (size_t)sv->ndays *
			    sizeof **sr->best);
		sr->uncovered = unc;
		sr->hard = sv_hard_uncovered(sv);
		sr->over = over;
		sr->full = full;
		sr->rules = rules;
		sr->t_first = sr->t_best = sv_now() - sv->t0;
	}
	if (sv->soft > 0 && sr->uncovered > 1e-9)
		deadline = sv->soft;
	if (sr->stopped != 2 && !at_bound(sv, sr))
		return sv_mip_improve(sv, sr, deadline, err);
	return 0;
}

/* ---------------------------------------------------------------- plan */

static short **
cells_alloc(const struct sv *sv)
{
	short	**v = tn_calloc((size_t)sv->nrows + 1, sizeof *v);

	for (int r = 0; v != NULL && r < sv->nrows; r++)
		if ((v[r] = tn_malloc((size_t)sv->ndays * sizeof **v)) ==
		    NULL) {
			for (int k = 0; k < r; k++)
				free(v[k]);
			free(v);
			return NULL;
		}
	return v;
}

static void
cells_free(int nrows, short **v)
{
	for (int r = 0; v != NULL && r < nrows; r++)
		free(v[r]);
	free(v);
}

/* One planning run: the case as it stands, the state of its search. */
struct run {
	struct tn_case	*c;
	const struct tn_plan_opts *o;
	struct sv	 sv;
	struct sv_result sr;
	double		 t0, deadline;
	int		 design, with_long, heads;
	int		 built;
	double		 t_first;	/* the first roster of all attempts */
};

static void
run_release(struct run *u)
{
	if (!u->built)
		return;
	cells_free(u->sv.nrows, u->sr.best);
	u->sr.best = NULL;
	sv_free(&u->sv);
	u->built = 0;
}

/* The capacity bound for the lines (or staff) the case now holds. */
static int
run_bound(const struct run *u, const struct tn_capacity *cap)
{
	if (u->design)
		return capacity_design_full(u->c, u->c->nids, u->with_long);
	return cap->kept_full;
}

static int
run_build(struct run *u, const struct tn_capacity *cap, int warm,
    struct tn_error *err)
{
	if (sv_build(&u->sv, u->c, u->o, err) == -1)
		return -1;
	u->built = 1;
	u->sv.full_bound = run_bound(u, cap);
	u->sv.warm = warm;
	u->sv.design = u->design;
	u->sv.t0 = u->t0;
	memset(&u->sr, 0, sizeof u->sr);
	if ((u->sr.best = cells_alloc(&u->sv)) == NULL)
		return tn_oom(err);
	return 0;
}

/* Heads short per demand row in the state (for the role of a new line). */
static void
short_by_row(struct sv *sv, double *by)
{
	for (int k = 0; k < sv->c->ndemand; k++)
		by[k] = 0;
	for (int g = 0; g < sv->ngroups; g++) {
		const struct sv_group *gr = &sv->groups[g];

		for (int k = 0; k < gr->nq; k++) {
			const struct tn_demand *q = &sv->c->demand[gr->q[k]];
			int n = 0;

			for (int ri = 0; ri < sv->nroles; ri++)
				if (sv_role_matches(sv, ri, q->role))
					n += gr->nrole[ri];
			if (n < q->min)
				by[gr->q[k]] += (q->min - n) * gr->paid;
		}
	}
}

/*
 * Lines to add for what the best roster leaves short: the heads the
 * weekends miss, over the weekends one line works; at least one, in the
 * department and role most short.
 */
static int
add_lines(struct run *u, struct tn_error *err)
{
	struct sv	*sv = &u->sv;
	const struct tn_case *c = u->c;
	int		 per = (c->ndays / 7) / c->rules.weekend_every;
	int		 miss = 0, add, dept = 0;
	double		*by, *dsum;

	sv_state_load(sv, u->sr.best);
	by = tn_calloc((size_t)c->ndemand + 1, sizeof *by);
	dsum = tn_calloc((size_t)c->ndepts + 1, sizeof *dsum);
	if (by == NULL || dsum == NULL) {
		free(by);
		free(dsum);
		return tn_oom(err);
	}
	short_by_row(sv, by);
	for (int k = 0; k < c->ndemand; k++)
		dsum[c->demand[k].dept] += by[k];
	for (int d = 0; d < c->ndepts; d++)
		dept = dsum[d] > dsum[dept] ? d : dept;
	for (int g = 0; g < sv->ngroups; g++)
		if (capacity_weekend_day(c, sv->groups[g].day) &&
		    case_weekday(c, sv->groups[g].day) == 5 &&
		    sv->groups[g].n < sv->groups[g].cap)
			miss += sv->groups[g].cap - sv->groups[g].n;
	add = per > 0 ? (miss + per - 1) / per : 1;
	add = add < 1 ? 1 : add;
	for (int i = 0; i < add; i++) {
		const char *role = design_role_short(c, dept, by,
		    c->npersons > 0 ? c->persons[c->npersons - 1].role : "any");
		char keep[128];

		snprintf(keep, sizeof keep, "%s", role);
		if (design_line_add(u->c, dept, keep) == -1) {
			free(by);
			free(dsum);
			return tn_oom(err);
		}
	}
	free(by);
	free(dsum);
	return 0;
}

/* Drops the lines from n on (a design attempt that did not pay). */
static void
lines_truncate(struct tn_case *c, int n)
{
	for (int i = n; i < c->npersons; i++) {
		struct tn_person *p = &c->persons[i];

		free(p->id);
		free(p->name);
		free(p->role);
		free(p->cell);
	}
	c->npersons = c->nids = n;
}

/* Copies the best roster into the case's cells (a warm start). */
static void
best_to_case(struct run *u)
{
	for (int r = 0; r < u->sv.nrows; r++)
		memcpy(u->c->persons[u->sv.rows[r].person].cell, u->sr.best[r],
		    (size_t)u->c->ndays * sizeof *u->sr.best[r]);
}

static int
stopped(const struct run *u)
{
	return (u->o->stop != NULL && *u->o->stop) ||
	    (u->deadline > 0 && sv_now() >= u->deadline - 0.05);
}

/*
 * When a design attempt that still leaves demand uncovered gives way to
 * one with more lines: after half of what is left (or 60 s without a
 * limit); never, with less than 10 s left.
 */
static double
attempt_deadline(const struct run *u)
{
	double	 left = u->deadline - sv_now();

	if (u->deadline <= 0)
		return sv_now() + 60;
	return left < 4 ? 0 : sv_now() + left / 2;
}

/* The roster of an earlier design attempt, to go back to. */
struct prev {
	short		**cells;
	int		 n;		/* lines */
	struct sv_result sr;
};

/* Keeps the best roster of this attempt as the one to go back to. */
static int
prev_keep(struct run *u, struct prev *pv)
{
	cells_free(pv->n, pv->cells);
	pv->n = u->sv.nrows;
	if ((pv->cells = cells_alloc(&u->sv)) == NULL)
		return -1;
	for (int r = 0; r < pv->n; r++)
		memcpy(pv->cells[r], u->sr.best[r], (size_t)u->c->ndays *
		    sizeof **pv->cells);
	pv->sr = u->sr;
	pv->sr.best = NULL;
	return 0;
}

/* More lines did not help: back to the lines and roster kept. */
static int
prev_restore(struct run *u, const struct tn_capacity *cap,
    const struct prev *pv, struct tn_error *err)
{
	run_release(u);
	lines_truncate(u->c, pv->n);
	for (int i = 0; i < pv->n; i++)
		memcpy(u->c->persons[i].cell, pv->cells[i],
		    (size_t)u->c->ndays * sizeof **pv->cells);
	if (run_build(u, cap, 1, err) == -1)
		return -1;
	for (int r = 0; r < pv->n; r++)
		memcpy(u->sr.best[r], pv->cells[r], (size_t)u->c->ndays *
		    sizeof **pv->cells);
	u->sr.t_first = pv->sr.t_first;
	u->sr.t_best = pv->sr.t_best;
	u->sr.stopped = pv->sr.stopped;
	u->sr.lb12 = -HUGE_VAL;
	return 0;
}

/*
 * Designed lines: while the best roster leaves demand uncovered and time
 * is left, adds lines and plans again from the roster found; an attempt
 * that covers no more is undone.
 */
static int
design_run(struct run *u, const struct tn_capacity *cap,
    struct tn_error *err)
{
	struct prev	 pv = { 0 };
	int		 rc = -1;

	for (int attempt = 0;; attempt++) {
		if (run_build(u, cap, attempt > 0, err) == -1)
			goto out;
		u->sv.soft = attempt_deadline(u);
		if (sv_engine(&u->sv, u->deadline, &u->sr, err) == -1)
			goto out;
		if (u->t_first < 0)
			u->t_first = u->sr.t_first;
		if (pv.cells != NULL && u->sr.uncovered > pv.sr.uncovered -
		    1e-9) {
			if (prev_restore(u, cap, &pv, err) == -1)
				goto out;
			break;
		}
		if (u->sr.uncovered < 1e-9 || stopped(u))
			break;
		if (prev_keep(u, &pv) == -1) {
			tn_oom(err);
			goto out;
		}
		best_to_case(u);
		if (add_lines(u, err) == -1)
			goto out;
		/* add_lines read the state: the sv goes now */
		cells_free(u->sv.nrows, u->sr.best);
		u->sr.best = NULL;
		sv_free(&u->sv);
		u->built = 0;
	}
	rc = 0;
out:
	cells_free(pv.n, pv.cells);
	return rc;
}

/*
 * Hours of hard demand (no under_weight) the state leaves uncovered:
 * soft demand has its price in the objective and is no finding.
 */
double
sv_hard_uncovered(const struct sv *sv)
{
	double	 unc = 0;

	for (int g = 0; g < sv->ngroups; g++) {
		const struct sv_group *gr = &sv->groups[g];
		int short_heads = 0;

		for (int k = 0; k < gr->nq; k++) {
			const struct tn_demand *q = &sv->c->demand[gr->q[k]];
			int n = 0;

			if (q->under_weight >= 0)
				continue;
			for (int ri = 0; ri < sv->nroles; ri++)
				if (sv_role_matches(sv, ri, q->role))
					n += gr->nrole[ri];
			if (n < q->min && q->min - n > short_heads)
				short_heads = q->min - n;
		}
		unc += short_heads * gr->paid / 60.0;
	}
	return unc;
}

/* Objective, bound, gap and status of the best roster (in the state). */
static void
result_fill(struct run *u, struct tn_plan_result *res)
{
	struct sv	*sv = &u->sv;
	double		 bound = bound12(sv), big;
	int		 full, exact = u->c->rules.week_norm > 0;

	for (int i = 0; exact && i < u->c->npersons; i++)
		exact = u->c->persons[i].own_rules == NULL;
	for (int e = 0; exact && e < sv->nemps; e++)
		exact = sv->emps[e].nrows == 1;
	res->objective = sv_points12(sv, &full);
	if (exact && u->sr.lb12 > bound)
		bound = u->sr.lb12;
	res->bound = bound;
	big = fabs(res->objective) > fabs(bound) ? fabs(res->objective) :
	    fabs(bound);
	res->gap = (res->objective - bound) / (big > 1 ? big : 1);
	res->uncovered = sv_hard_uncovered(sv);
	res->soft_short = u->sr.uncovered - res->uncovered;
	if (res->soft_short < 1e-9)
		res->soft_short = 0;
	res->full_time_bound = sv->full_bound;
	res->lines = u->c->nids;
	res->design_heads = u->heads;
	res->t_first = u->t_first >= 0 ? u->t_first : u->sr.t_first;
	res->t_best = u->sr.t_best;
	if (res->uncovered > 1e-9 && u->sr.stopped != 2)
		res->status = TN_PLAN_INFEASIBLE;
	else if (res->uncovered < 1e-9 && res->gap <= u->o->gap + 1e-9)
		res->status = TN_PLAN_OPTIMAL;
	else if (u->sr.stopped == 2)
		res->status = TN_PLAN_INTERRUPTED;
	else if (u->sr.stopped == 1)
		res->status = TN_PLAN_TIME_LIMIT;
	else
		res->status = TN_PLAN_FEASIBLE;
}

/* Seconds the explanation of an uncovered plan may take. */
static double
why_budget(const struct tn_plan_opts *o)
{
	double	 t = o->time_limit > 0 ? o->time_limit / 10 : 10;

	return t < 1 ? 1 : t > 10 ? 10 : t;
}

/*
 * The search could not keep every rule with this staff and staffing plan
 * (a person's hours, a weekend rule): the rules contradict the case.  Its
 * best roster is written with the rules it breaks named, as for demand
 * left uncovered (exit 1), instead of failing as a bug.
 */
static int
rules_broken(struct run *u, struct tn_plan_result *res, struct tn_error *err)
{
	struct tn_findings *f;
	int		 n = 0;

	case_store(&u->sv, u->c, u->sr.best);
	if ((f = tn_check(u->c, err)) == NULL)
		return -1;
	for (int i = 0; i < f->n; i++)
		if (f->v[i].rule != TN_R_COVER)
			n++;
	if (n > 0 && why_add(res, P_("with this staff and staffing plan the "
	    "rules cannot all be kept; the best roster found breaks %d:",
	    "with this staff and staffing plan the rules cannot all be kept; "
	    "the best roster found breaks %d:", n), n) == -1)
		goto oom;
	for (int i = 0, k = 0; i < f->n && k < 8; i++) {
		const struct tn_finding *v = &f->v[i];

		if (v->rule == TN_R_COVER)
			continue;
		if (why_add(res, "%s: %s", v->person >= 0 ?
		    u->c->persons[v->person].id : "-", v->msg) == -1)
			goto oom;
		k++;
	}
	tn_findings_free(f);
	return n;
oom:
	tn_findings_free(f);
	return tn_oom(err);
}

static int
plan_finish(struct run *u, struct tn_plan_result *res, struct tn_error *err)
{
	int	 broken = 0;

	sv_state_load(&u->sv, u->sr.best);
	if (u->sr.rules > 1e-9) {
		if ((broken = rules_broken(u, res, err)) == -1)
			return -1;
	}
	if (broken == 0 && verify(&u->sv, u->c, u->sr.best, err) == -1)
		return -1;
	sv_state_load(&u->sv, u->sr.best);
	for (int r = 0; r < u->sv.nrows; r++)
		sv_row_range(&u->sv, r);
	u->sr.best_obj = sv_objective(&u->sv, &u->sr.uncovered, &u->sr.over,
	    &(double){ 0 }, &u->sr.full);
	result_fill(u, res);
	if (eg_wanted(&u->sv))
		eg_result(&u->sv, &u->sr, res);
	if (broken > 0)
		res->status = TN_PLAN_INFEASIBLE;
	else if (res->status == TN_PLAN_INFEASIBLE && why_explain(&u->sv,
	    u->with_long, sv_now() + why_budget(u->o), res, err) == -1)
		return -1;
	if ((res->after = tn_report_of_case(u->c, NULL, err)) == NULL)
		return -1;
	res->full_time = tn_report_total(res->after)->full_time;
	return 0;
}

int
tn_plan(struct tn_case *c, const struct tn_plan_opts *o,
    struct tn_plan_result *res, struct tn_error *err)
{
	struct tn_capacity cap;
	struct run	 u = { .c = c, .o = o, .t0 = sv_now(), .t_first = -1 };
	int		 rc = -1;

	memset(res, 0, sizeof *res);
	u.deadline = o->time_limit > 0 ? u.t0 + o->time_limit : 0;
	if (c->ndemand == 0) {
		tn_error_set(err, TN_INPUT, tn_case_name(c), 0, 0, _("no demand "
		    "in the case, expected a demand.csv (the staffing plan)"));
		return -1;
	}
	if (tn_capacity(c, &cap, err) == -1 ||
	    (res->before = tn_report_of_case(c, NULL, err)) == NULL)
		return -1;
	u.design = o->design || c->npersons == 0;
	u.with_long = o->long_shifts != TN_LONG_OFF;
	if (u.design) {
		u.with_long = design_long(c, o->long_shifts, &cap);
		if (design_lines(c, u.with_long, err) == -1)
			goto out;
		u.heads = c->nids;
	}
	if (o->write_lp != NULL || o->write_mps != NULL) {
		if (run_build(&u, &cap, 0, err) == -1 ||
		    (eg_wanted(&u.sv) ? eg_write_lp(&u.sv, o->write_lp,
		    o->write_mps, err) : sv_mip_write(&u.sv, o->write_lp,
		    o->write_mps, err)) == -1)
			goto out;
		run_release(&u);
	}
	if (u.design) {
		if (design_run(&u, &cap, err) == -1)
			goto out;
	} else if (run_build(&u, &cap, 0, err) == -1 ||
	    sv_engine(&u.sv, u.deadline, &u.sr, err) == -1)
		goto out;
	if (plan_finish(&u, res, err) == -1)
		goto out;
	res->elapsed = sv_now() - u.t0;
	rc = 0;
out:
	run_release(&u);
	return rc;
}

void
tn_plan_result_release(struct tn_plan_result *res)
{
	for (int i = 0; i < res->nexplain; i++)
		free(res->explain[i]);
	free(res->explain);
	tn_report_free(res->before);
	tn_report_free(res->after);
	memset(res, 0, sizeof *res);
}
