/* turnus plan in the library: search, verify, explain, and the result. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "turnus/check.h"
#include "turnus/plan.h"
#include "capacity.h"
#include "findings.h"
#include "hta.h"
#include "sv.h"
#include "util.h"

const char *
tn_plan_status_name(int s)
{
	static const char *const names[] = { "optimal", "feasible",
	    "infeasible", "time_limit", "interrupted" };

	return s >= 0 && s < 5 ? names[s] : "?";
}

/* ------------------------------------------------------------ measures */

static double
person_pos(const struct tn_person *p)
{
	if (!isnan(p->pos_pct))
		return p->pos_pct;
	return isnan(p->staff_pct) ? 0 : p->staff_pct;
}

void
tn_plan_measures_get(const struct tn_case *c, struct tn_plan_measures *m)
{
	double	*sum = calloc((size_t)c->nids + 1, sizeof *sum);

	memset(m, 0, sizeof *m);
	m->headcount = c->nids;
	for (int i = 0; i < c->npersons; i++) {
		const struct tn_person *p = &c->persons[i];
		double pos = person_pos(p);

		m->fte += pos / 100;
		if (sum != NULL)
			sum[p->pid] += pos;
		for (int d = 0; d < c->ndays; d++) {
			int s = p->cell[d];

			if (s == NO_SHIFT || c->shifts[s].off ||
			    !capacity_weekend_day(c, d))
				continue;
			m->weekend_shifts++;
			m->long_weekend_shifts += c->shifts[s].len >=
			    c->rules.long_shift_min;
		}
	}
	for (int k = 0; sum != NULL && k < c->nids; k++)
		m->full_time += sum[k] >= c->rules.full_time_threshold_pct -
		    1e-9;
	if (m->headcount > 0) {
		m->share = (double)m->full_time / m->headcount;
		m->avg_position = 100 * m->fte / m->headcount;
	}
	free(sum);
}

/* ------------------------------------------------------- roster lines */

/* The role of most staff that no demand row names, else "any". */
static const char *
filler_role(const struct tn_case *c)
{
	const char	*best = "any";
	int		 bn = 0;

	for (int i = 0; i < c->npersons; i++) {
		const char *r = c->persons[i].role;
		int n = 0, named = 0;

		for (int k = 0; k < c->ndemand; k++)
			named |= strcmp(c->demand[k].role, r) == 0;
		if (named || strcasecmp(r, "any") == 0)
			continue;
		for (int j = 0; j < c->npersons; j++)
			n += strcmp(c->persons[j].role, r) == 0;
		if (n > bn) {
			bn = n;
			best = r;
		}
	}
	return best;
}

/* Heads of a role the weekends need: its largest weekend day, times E. */
static int
role_heads(const struct tn_case *c, int dept, const char *role, int per)
{
	int	 best = 0;

	for (int d = 0; d < c->ndays; d++) {
		int n = 0;

		if (!capacity_weekend_day(c, d))
			continue;
		for (int k = 0; k < c->ndemand; k++) {
			const struct tn_demand *q = &c->demand[k];

			if (q->dept == dept && q->day == d &&
			    strcmp(q->role, role) == 0)
				n += q->min;
		}
		best = n > best ? n : best;
	}
	return per > 0 ? (best * (c->ndays / 7) + per - 1) / per : best;
}

static void
persons_clear(struct tn_case *c)
{
	for (int i = 0; i < c->npersons; i++) {
		struct tn_person *p = &c->persons[i];

		free(p->id);
		free(p->name);
		free(p->role);
		free(p->max_shifts);
		free(p->own_rules);
		free(p->cell);
	}
	free(c->persons);
	c->persons = NULL;
	c->npersons = c->nids = 0;
	free(c->wishes);
	c->wishes = NULL;
	c->nwishes = 0;
}

static int
line_add(struct tn_case *c, int dept, const char *role)
{
	struct tn_person *p;
	char		  id[32], name[48];
	int		  n = c->npersons;

	if ((p = tn_realloc(c->persons, (size_t)(n + 1) * sizeof *p)) == NULL)
		return -1;
	c->persons = p;
	p = &c->persons[n];
	memset(p, 0, sizeof *p);
	snprintf(id, sizeof id, "L%02d", n + 1);
	snprintf(name, sizeof name, "Line %d", n + 1);
	p->id = tn_strdup(id);
	p->name = tn_strdup(name);
	p->role = tn_strdup(role);
	p->cell = tn_malloc((size_t)c->ndays * sizeof *p->cell);
	c->npersons++;
	if (p->id == NULL || p->name == NULL || p->role == NULL ||
	    p->cell == NULL)
		return -1;
	for (int d = 0; d < c->ndays; d++)
		p->cell[d] = NO_SHIFT;
	p->dept = dept;
	p->pid = c->nids++;
	p->pos_pct = c->rules.min_position_pct;
	p->staff_pct = p->roster_pct = NAN;
	p->wanted_pct = 100;
	p->long_shifts = 1;
	p->nights = TN_NIGHTS_YES;
	p->min_hours = p->max_hours = p->max_weekends = UNSET;
	p->rules = &c->rules;
	p->in_staff = 1;
	return 0;
}

/*
 * Replaces the staff by roster lines: per department as many as the
 * weekends need (capacity's arithmetic), each role of the staffing
 * plan with the lines its weekends need, the rest in the filler role.
 */
static int
design_lines(struct tn_case *c, int with_long, int extra,
    struct tn_error *err)
{
	char		 filler[128];
	int		 per = (c->ndays / 7) / c->rules.weekend_every;

	snprintf(filler, sizeof filler, "%s", filler_role(c));
	persons_clear(c);
	for (int dept = 0; dept < c->ndepts; dept++) {
		int heads = capacity_heads(c, dept, with_long) + extra;
		int first = c->npersons;

		for (int k = 0; k < c->ndemand; k++) {
			const struct tn_demand *q = &c->demand[k];
			int have = 0, need;

			if (q->dept != dept || strcasecmp(q->role, "any") == 0)
				continue;
			for (int i = first; i < c->npersons; i++)
				have += strcmp(c->persons[i].role,
				    q->role) == 0;
			need = role_heads(c, dept, q->role, per);
			for (; have < need; have++)
				if (line_add(c, dept, q->role) == -1)
					return tn_oom(err);
		}
		while (c->npersons - first < heads)
			if (line_add(c, dept, filler) == -1)
				return tn_oom(err);
	}
	c->has_staff = 1;
	c->has_roster = 0;
	return 0;
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

/* A position the hours match, below the range if it must be. */
static double
fallback_pos(const struct sv *sv, int row, long paid)
{
	double	 x = round(paid / sv->rows[row].K * 100) / 100;

	for (int i = 0; i < 2000; i++) {
		double y = x + ((i & 1) ? -1 : 1) * (i / 2) * 0.01;

		if (y >= 0 && y <= 100 && pos_ok(sv, row, y, paid))
			return y;
	}
	return x;
}

/*
 * The new position of a row: full time when the hours allow, else the
 * roundest position within the range that the hours match.
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
	return fallback_pos(sv, row, paid);
}

/* ---------------------------------------------------------- the roster */

/* Puts the state's cells and the new positions into the case. */
static void
case_store(struct sv *sv, struct tn_case *c, short **cells)
{
	for (int r = 0; r < sv->nrows; r++) {
		struct tn_person *p = &c->persons[sv->rows[r].person];
		long paid = 0;

		memcpy(p->cell, cells[r], (size_t)sv->ndays * sizeof *p->cell);
		for (int d = 0; d < sv->ndays; d++)
			if (p->cell[d] != NO_SHIFT)
				paid += c->shifts[p->cell[d]].paid;
		p->pos_pct = p->roster_pct = choose_pos(sv, r, paid);
	}
}

/* Drops worked cells of persons whose rules break, fewest first. */
static void
repair(struct sv *sv)
{
	for (int e = 0; e < sv->nemps; e++) {
		const struct sv_emp *em = &sv->emps[e];
		double pen = sv_emp_pen(sv, e);

		while (pen > 1e-9) {
			int br = -1, bd = -1;
			double best = pen;

			for (int k = 0; k < em->nrows; k++) {
				int r = em->rows[k];

				for (int d = 0; d < sv->ndays; d++) {
					short s = sv->cell[r][d];
					double x;

					if (s == NO_SHIFT ||
					    sv->rows[r].lock[d] != SV_NONE)
						continue;
					sv->cell[r][d] = NO_SHIFT;
					x = sv_emp_pen(sv, e);
					sv->cell[r][d] = s;
					if (br < 0 || x < best) {
						best = x;
						br = r;
						bd = d;
					}
				}
			}
			if (br < 0)
				break;
			sv->cell[br][bd] = NO_SHIFT;
			pen = best;
		}
	}
	sv_state_load(sv, sv->cell);
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
			tn_error_set(err, TN_INTERNAL, NULL, 0, 0, "the planned "
			    "roster fails check: %s: %s (a bug in turnus "
			    "plan; nothing written)", f->v[i].person >= 0 ?
			    c->persons[f->v[i].person].id : "-", f->v[i].msg);
		*bad_row = f->v[i].person;
		*bad_day = f->v[i].ndays > 0 ? f->v[i].days[0] : -1;
		return 1;
	}
	return 0;
}

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
	f = tn_check(c, err);
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
			if (sv->rows[r].person == row &&
			    sv->rows[r].lock[day] == SV_NONE)
				cells[r][day] = NO_SHIFT;
	}
	case_store(sv, c, cells);
	check_twice(c, err, &row, &day);
	return -1;
}

/* ------------------------------------------------------------- explain */

static int
explain_add(struct tn_plan_result *res, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
explain_add(struct tn_plan_result *res, const char *fmt, ...)
{
	char	 b[512], **v;
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(b, sizeof b, fmt, ap);
	va_end(ap);
	if ((v = tn_realloc(res->explain, (size_t)(res->nexplain + 1) *
	    sizeof *v)) == NULL)
		return -1;
	res->explain = v;
	if ((v[res->nexplain] = tn_strdup(b)) == NULL)
		return -1;
	res->nexplain++;
	return 0;
}

static const char *const day_plural[7] = { "Mondays", "Tuesdays",
    "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays" };

/* Persons who may work some shift on day d. */
static int
may_work_day(const struct sv *sv, int d)
{
	int	 n = 0;

	for (int e = 0; e < sv->nemps; e++) {
		int ok = 0;

		for (int k = 0; k < sv->emps[e].nrows && !ok; k++) {
			const struct sv_row *r = &sv->rows[sv->emps[e].rows[k]];

			for (int s = 0; s < sv->nshifts && !ok; s++)
				ok = r->allow[d * sv->nshifts + s] &&
				    r->lock[d] == SV_NONE;
		}
		n += ok;
	}
	return n;
}

/* The weekend arithmetic, in a ward manager's words. */
static void
explain_weekends(const struct sv *sv, struct tn_plan_result *res)
{
	const struct tn_case *c = sv->c;
	int	 said[7] = { 0 }, weeks = c->ndays / 7;
	int	 E = c->rules.weekend_every, per = weeks / E;

	for (int d = 0; d < c->ndays; d++) {
		int wd = case_weekday(c, d), need = 0, miss = 0, M;
		double most;
		char codes[128] = "";

		if (!capacity_weekend_day(c, d) || said[wd])
			continue;
		for (int g = 0; g < sv->ngroups; g++) {
			const struct sv_group *gr = &sv->groups[g];

			if (gr->day != d)
				continue;
			need += gr->cap;
			miss += gr->n < gr->cap;
			if (strlen(codes) + strlen(c->dcodes[gr->dcode]) + 6 <
			    sizeof codes)
				snprintf(codes + strlen(codes), sizeof codes -
				    strlen(codes), "%s%s", codes[0] ? ", " : "",
				    c->dcodes[gr->dcode]);
		}
		M = may_work_day(sv, d);
		most = weeks > 0 ? (double)M * per / weeks : 0;
		if (miss == 0 || need <= most)
			continue;
		said[wd] = 1;
		explain_add(res, "%s need %d persons on %s; with every %d%s "
		    "weekend and %d persons allowed to work weekends, on "
		    "average at most %.1f can be there (%.1f missing): more "
		    "persons, long weekend shifts or a shorter weekend_every "
		    "would help", day_plural[wd], need, codes, E, E == 2 ?
		    "nd" : E == 3 ? "rd" : "th", M, most, need - most);
	}
}

static void
explain_groups(const struct sv *sv, struct tn_plan_result *res)
{
	const struct tn_case *c = sv->c;
	int	 n = 0, more = 0;

	for (int g = 0; g < sv->ngroups; g++) {
		const struct sv_group *gr = &sv->groups[g];
		char day[32];

		for (int k = 0; k < gr->nq; k++) {
			const struct tn_demand *q = &c->demand[gr->q[k]];
			int on = 0, any = strcasecmp(q->role, "any") == 0;

			for (int ri = 0; ri < sv->nroles; ri++)
				if (sv_role_matches(sv, ri, q->role))
					on += gr->nrole[ri];
			if (on >= q->min)
				continue;
			if (n++ >= 8) {
				more++;
				continue;
			}
			if (c->first_date >= 0)
				fmt_date(day, sizeof day, c->first_date + gr->day,
				    0);
			else
				snprintf(day, sizeof day, "day %d", gr->day + 1);
			explain_add(res, "%s %s %s%s%s: %d on duty, needs %d "
			    "(%d missing)", day, weekday_abbr[case_weekday(c,
			    gr->day)], c->dcodes[gr->dcode], any ? "" : " ",
			    any ? "" : q->role, on, q->min, q->min - on);
		}
	}
	if (more > 0)
		explain_add(res, "and %d more shifts short of staff", more);
}

static void
explain_hours(const struct sv *sv, struct tn_plan_result *res)
{
	double	 need = 0, most = 0;

	for (int g = 0; g < sv->ngroups; g++)
		need += (double)sv->groups[g].cap * sv->groups[g].paid / 60;
	for (int r = 0; r < sv->nrows; r++)
		most += sv->rows[r].maxpaid / 60.0;
	if (most + 1e-9 < need)
		explain_add(res, "the staffing plan needs %.0f h in the "
		    "rotation, but the staff's positions (up to what each "
		    "wants) carry at most %.0f h", need, most);
}

/* ---------------------------------------------------------------- plan */

/* Long weekend shifts for designed lines: those that give the best share. */
static int
design_long(const struct tn_case *c, const struct tn_plan_opts *o,
    const struct tn_capacity *cap)
{
	const struct tn_capacity_row *on, *off;
	int	 E = c->rules.weekend_every;

	if (o->long_shifts != TN_LONG_AUTO)
		return o->long_shifts == TN_LONG_ON;
	on = tn_capacity_pick(cap, E, 1);
	off = tn_capacity_pick(cap, E, 0);
	if (on == NULL || off == NULL || !on->possible)
		return 0;
	return on->design_share >= off->design_share;
}

static int
full_bound(const struct tn_case *c, const struct tn_capacity *cap,
    int design, int with_long)
{
	const struct tn_capacity_row *r = tn_capacity_pick(cap,
	    c->rules.weekend_every, with_long);

	if (!design || r == NULL)
		return cap->nrows > 0 ? cap->row[0].kept_full : c->nids;
	return r->design_full < c->nids ? r->design_full : c->nids;
}

static void
result_fill(struct sv *sv, struct sv_result *sr, struct tn_plan_result *res)
{
	double	 dem = 0, bound;

	for (int g = 0; g < sv->ngroups; g++)
		dem += (double)sv->groups[g].cap * sv->groups[g].paid / 60;
	bound = -(W_FULL + W_FULL_WANT) * sv->full_bound - W_WANT * dem;
	res->objective = sr->best_obj;
	res->bound = bound < sr->best_obj ? bound : sr->best_obj;
	res->gap = fabs(res->objective) > 1e-9 ? (res->objective -
	    res->bound) / fabs(res->objective) : 0;
	res->uncovered = sr->uncovered;
	res->full_time = sr->full;
	res->full_time_bound = sv->full_bound;
	res->t_first = sr->t_first;
	res->t_best = sr->t_best;
	if (sr->uncovered > 1e-9)
		res->status = TN_PLAN_INFEASIBLE;
	else if (sr->full >= sv->full_bound && sr->over < 1e-9)
		res->status = TN_PLAN_OPTIMAL;
	else if (sr->stopped == 2)
		res->status = TN_PLAN_INTERRUPTED;
	else if (sr->stopped == 1)
		res->status = TN_PLAN_TIME_LIMIT;
	else
		res->status = TN_PLAN_FEASIBLE;
}

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
cells_free(const struct sv *sv, short **v)
{
	for (int r = 0; v != NULL && r < sv->nrows; r++)
		free(v[r]);
	free(v);
}

/* The search, then the MIP on neighbourhoods while time is left. */
static int
solve(struct sv *sv, struct sv_result *sr, double t0, struct tn_error *err)
{
	const struct tn_plan_opts *o = sv->opts;
	double	 deadline = o->time_limit > 0 ? t0 + o->time_limit : 0;
	double	 unc, over, rules;
	int	 full;

	sr->t_first = -1;
	if (sv_search(sv, deadline, sr) == -1)
		return tn_oom(err);
	if (sr->t_first < 0) {
		/* no roster kept every rule: repair the last state */
		repair(sv);
		sr->best_obj = sv_objective(sv, &unc, &over, &rules, &full);
		for (int r = 0; r < sv->nrows; r++)
			memcpy(sr->best[r], sv->cell[r], (size_t)sv->ndays *
			    sizeof **sr->best);
		sr->uncovered = unc;
		sr->over = over;
		sr->full = full;
		sr->t_first = sr->t_best = sv_now() - t0;
	}
	if (sr->stopped == 0 || sr->stopped == 1)
		return sv_mip_improve(sv, sr, deadline, err);
	return 0;
}

int
tn_plan(struct tn_case *c, const struct tn_plan_opts *o,
    struct tn_plan_result *res, struct tn_error *err)
{
	struct tn_capacity cap;
	struct sv	 sv = { 0 };
	struct sv_result sr = { 0 };
	double		 t0 = sv_now();
	int		 with_long = 0, rc = -1, design;

	memset(res, 0, sizeof *res);
	if (c->ndemand == 0) {
		tn_error_set(err, TN_INPUT, tn_case_name(c), 0, 0, "no demand "
		    "in the case, expected a demand.csv (the staffing plan)");
		return -1;
	}
	if (tn_capacity(c, &cap, err) == -1)
		return -1;
	tn_plan_measures_get(c, &res->before);
	design = o->design || c->npersons == 0;
	if (design) {
		with_long = design_long(c, o, &cap);
		if (design_lines(c, with_long, 0, err) == -1)
			return -1;
	}
	if (sv_build(&sv, c, o, err) == -1)
		return -1;
	sv.full_bound = full_bound(c, &cap, design, with_long);
	res->lines = c->nids;
	if ((o->write_lp != NULL || o->write_mps != NULL) &&
	    sv_mip_write(&sv, o->write_lp, o->write_mps, err) == -1)
		goto out;
	if ((sr.best = cells_alloc(&sv)) == NULL) {
		tn_oom(err);
		goto out;
	}
	if (solve(&sv, &sr, t0, err) == -1)
		goto out;
	sv_state_load(&sv, sr.best);
	if (verify(&sv, c, sr.best, err) == -1)
		goto out;
	sv_state_load(&sv, sr.best);
	sr.best_obj = sv_objective(&sv, &sr.uncovered, &sr.over,
	    &(double){ 0 }, &sr.full);
	result_fill(&sv, &sr, res);
	if (res->status == TN_PLAN_INFEASIBLE) {
		explain_weekends(&sv, res);
		explain_groups(&sv, res);
		explain_hours(&sv, res);
	}
	tn_plan_measures_get(c, &res->after);
	res->full_time = res->after.full_time;
	res->elapsed = sv_now() - t0;
	rc = 0;
out:
	cells_free(&sv, sr.best);
	sv_free(&sv);
	return rc;
}

void
tn_plan_result_release(struct tn_plan_result *res)
{
	for (int i = 0; i < res->nexplain; i++)
		free(res->explain[i]);
	free(res->explain);
	res->explain = NULL;
	res->nexplain = 0;
}
