/* The arithmetic of the weekend problem: heads, hours and full-time bounds. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "turnus/plan.h"
#include "capacity.h"
#include "hta.h"
#include "i18n.h"
#include "model.h"
#include "util.h"
#include "write.h"

#define NIGHT_SHIFT_MIN	180	/* more than 3 h at night: a night shift */
#define CAP_NCOLS	10	/* columns of the text table */

int
capacity_need(const struct tn_case *c, const int *q, int n)
{
	int	 any = 0, roles = 0;

	for (int k = 0; k < n; k++) {
		const struct tn_demand *d = &c->demand[q[k]];

		if (role_is_any(d->role))
			any = d->min > any ? d->min : any;
		else
			roles += d->min;
	}
	return any > roles ? any : roles;
}

/*
 * A shift that fills only other codes (a weekend day shift DH that
 * fills D, a long shift L) is planned on weekend days, and on the
 * weekdays where today's roster already has it.
 */
int
capacity_shift_day_ok(const struct tn_case *c, int s, int d)
{
	const struct tn_shift *sh = &c->shifts[s];

	if (sh->off)
		return 0;
	if (sh->fills_own || capacity_weekend_day(c, d))
		return 1;
	if (!c->has_roster)
		return 0;
	for (int i = 0; i < c->npersons; i++)
		for (int x = 0; x < c->ndays; x++)
			if (c->persons[i].cell[x] == s &&
			    !capacity_weekend_day(c, x))
				return 1;
	return 0;
}

int
capacity_code_paid(const struct tn_case *c, int dcode, int d)
{
	int	 best = 0;

	for (int s = 0; s < c->nshifts; s++) {
		const struct tn_shift *sh = &c->shifts[s];

		if (sh->off || sh->len > c->rules.max_shift ||
		    (d >= 0 && !capacity_shift_day_ok(c, s, d)))
			continue;
		for (int k = 0; k < sh->ncovers; k++)
			if (sh->covers[k] == dcode &&
			    sh->paid / sh->ncovers > best)
				best = sh->paid / sh->ncovers;
	}
	return best;
}

int
capacity_is_long(const struct tn_case *c, int s)
{
	const struct tn_shift *sh = &c->shifts[s];

	return !sh->off && sh->len >= c->rules.long_shift_min &&
	    sh->len <= c->rules.max_shift && sh->ncovers >= 2;
}

int
capacity_weekend_day(const struct tn_case *c, int d)
{
	int	 t = case_weekday(c, d) * MIN_PER_DAY + MIN_PER_DAY / 2;
	int	 a = c->rules.weekend_start, z = c->rules.weekend_end;

	if (z <= a)
		return t >= a || t < z;
	return t >= a && t < z;
}

/*
 * Heads per demand code of one department and day into h: every role
 * (role NULL) or one role's own rows.
 */
static void
code_heads(const struct tn_case *c, int dept, int d, const char *role,
    int *h)
{
	for (int k = 0; k < c->ndcodes; k++)
		h[k] = 0;
	/* as capacity_need(): the roles' sum, or the most an "any" row asks */
	for (int pass = 0; pass < (role == NULL ? 2 : 1); pass++)
		for (int i = 0; i < c->ndemand; i++) {
			const struct tn_demand *q = &c->demand[i];
			int any;

			if (q->dept != dept || q->day != d)
				continue;
			any = role_is_any(q->role);
			if (role != NULL ? strcmp(q->role, role) == 0 :
			    pass == 0 && !any)
				h[q->dcode] += q->min;
			else if (pass == 1 && any && q->min > h[q->dcode])
				h[q->dcode] = q->min;
		}
}

void
capacity_long_heads(const struct tn_case *c, int *h, int *heads,
    double *minutes)
{
	for (int s = 0; s < c->nshifts; s++) {
		const struct tn_shift *sh = &c->shifts[s];
		int n = 1 << 30;

		if (!capacity_is_long(c, s))
			continue;
		for (int k = 0; k < sh->ncovers; k++)
			n = h[sh->covers[k]] < n ? h[sh->covers[k]] : n;
		for (int k = 0; k < sh->ncovers; k++)
			h[sh->covers[k]] -= n;
		*heads += n;
		if (minutes != NULL)
			*minutes += (double)n * sh->paid;
	}
}

/* Persons and paid minutes one day needs, with long shifts or without. */
static void
day_need(const struct tn_case *c, int only, int d, int with_long,
    int *heads, double *minutes)
{
	int	*h;

	*heads = 0;
	*minutes = 0;
	if ((h = tn_calloc((size_t)c->ndcodes + 1, sizeof *h)) == NULL)
		return;
	for (int dept = 0; dept < c->ndepts; dept++) {
		if (only >= 0 && dept != only)
			continue;
		code_heads(c, dept, d, NULL, h);
		if (with_long)
			capacity_long_heads(c, h, heads, minutes);
		for (int k = 0; k < c->ndcodes; k++) {
			*heads += h[k];
			*minutes += (double)h[k] * capacity_code_paid(c, k, d);
		}
	}
	free(h);
}

int
capacity_day_heads(const struct tn_case *c, int dept, int d,
    const char *role, int with_long)
{
	int	*h, heads = 0;
	double	 m = 0;

	if ((h = tn_calloc((size_t)c->ndcodes + 1, sizeof *h)) == NULL)
		return 0;
	code_heads(c, dept, d, role, h);
	if (with_long)
		capacity_long_heads(c, h, &heads, &m);
	for (int k = 0; k < c->ndcodes; k++)
		heads += h[k];
	free(h);
	return heads;
}

static int
case_has_long(const struct tn_case *c)
{
	for (int s = 0; s < c->nshifts; s++)
		if (capacity_is_long(c, s))
			return 1;
	return 0;
}

/*
 * Weekend persons summed over the rotation's weekends (each weekend
 * needs the larger of its days), and the rotation's paid minutes.
 */
static void
rotation_need(const struct tn_case *c, int only, int with_long,
    double *wsum, double *minutes)
{
	int	 h, h2;
	double	 m;

	*wsum = 0;
	*minutes = 0;
	for (int d = 0; d < c->ndays; d++) {
		day_need(c, only, d, with_long && capacity_weekend_day(c, d),
		    &h, &m);
		*minutes += m;
	}
	for (int d = 0; d < c->ndays; d++) {
		if (!capacity_weekend_day(c, d) ||
		    (d > 0 && capacity_weekend_day(c, d - 1)))
			continue;
		day_need(c, only, d, with_long, &h, &m);
		h2 = 0;
		if (d + 1 < c->ndays && capacity_weekend_day(c, d + 1))
			day_need(c, only, d + 1, with_long, &h2, &m);
		*wsum += h > h2 ? h : h2;
	}
}

int
capacity_heads(const struct tn_case *c, int dept, int with_long)
{
	double	 wsum, m;
	int	 per = (c->ndays / 7) / c->rules.weekend_every;

	rotation_need(c, dept, with_long && case_has_long(c), &wsum, &m);
	if (per <= 0)
		return 0;
	return (int)ceil(wsum / per - 1e-9);
}

double
capacity_max_minutes(const struct tn_case *c)
{
	double	 w, off, on;

	rotation_need(c, -1, 0, &w, &off);
	rotation_need(c, -1, case_has_long(c), &w, &on);
	return off > on ? off : on;
}

/* Persons rows summed by distinct person: lowest and highest position. */
static void
person_range(const struct tn_case *c, int pid, double *lo, double *hi)
{
	*lo = 0;
	*hi = 0;
	for (int i = 0; i < c->npersons; i++) {
		const struct tn_person *p = &c->persons[i];
		double l = isnan(p->pos_pct) ? 0 : p->pos_pct;
		double w;

		if (p->pid != pid)
			continue;
		if (!isnan(p->staff_pct) && p->staff_pct > l)
			l = p->staff_pct;
		w = isnan(p->wanted_pct) ? l : p->wanted_pct;
		*lo += l;
		*hi += w > l ? (w > 100 ? 100 : w) : l;
	}
}

static int
dbl_asc(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y ? 1 : 0;
}

/*
 * The HTA credit (minutes; HTA § 4.2.3: 15 min an hour of night, 10 min
 * an hour of Sunday or holiday outside the night) of shift s on day d,
 * as hta.c counts it; the rotation wraps.
 */
static double
shift_credit(const struct tn_case *c, int d, int s)
{
	struct hta	 h;
	int		 n = c->ndays, win[3];

	memset(&h, 0, sizeof h);
	for (int k = 0; k < 3; k++) {
		int x = (d + k) % n;

		win[k] = hta_window(c->first_date >= 0 ? c->first_date + x : -1,
		    case_weekday(c, x));
	}
	hta_shift(&c->rules, &c->shifts[s], win, case_weekday(c, d), &h);
	return h.night * 15.0 / 60 + h.sunday * 10.0 / 60;
}

/* What a bound counts of a shift: its paid minutes or its credit. */
enum { VAL_PAID, VAL_CREDIT };

static double
shift_value(const struct tn_case *c, int d, int s, int what)
{
	return what == VAL_PAID ? c->shifts[s].paid : shift_credit(c, d, s);
}

/* Shifts a bound counts on day d: long shifts only when with_long. */
static int
shift_counts(const struct tn_case *c, int d, int s, int with_long)
{
	const struct tn_shift *sh = &c->shifts[s];

	return !sh->off && sh->len <= c->rules.max_shift &&
	    capacity_shift_day_ok(c, s, d) &&
	    (with_long || !capacity_is_long(c, s));
}

/*
 * The most paid minutes or credit (what) day d's heads hold when no
 * head is above the plan and each person on duty costs lam: a shift's
 * value less lam, split over the codes it fills, is what one head of a
 * code can hold at the most (a head may stay empty).  need is
 * need_table()'s; best is room for c->ndcodes values.
 */
static double
day_value(const struct tn_case *c, int d, int what, int with_long,
    double lam, const int *need, double *best)
{
	const int	*n = need + (size_t)d * c->ndcodes;
	double		 sum = 0;

	for (int k = 0; k < c->ndcodes; k++)
		best[k] = 0;
	for (int s = 0; s < c->nshifts; s++) {
		const struct tn_shift *sh = &c->shifts[s];
		double v;

		if (!shift_counts(c, d, s, with_long))
			continue;
		v = (shift_value(c, d, s, what) - lam) / sh->ncovers;
		for (int j = 0; j < sh->ncovers; j++)
			if (v > best[sh->covers[j]])
				best[sh->covers[j]] = v;
	}
	for (int k = 0; k < c->ndcodes; k++)
		sum += n[k] * best[k];
	return sum;
}

/*
 * Whether every shift that starts on day d is weekend work (the whole
 * day inside weekend_start to weekend_end), so that weekend_every
 * limits the persons on duty that day.
 */
static int
slot_day(const struct tn_case *c, int d)
{
	int	 t0 = case_weekday(c, d) * MIN_PER_DAY, t1 = t0 + MIN_PER_DAY;
	int	 a = c->rules.weekend_start, z = c->rules.weekend_end;

	if (z > a)
		return t0 >= a && t1 <= z;
	return t0 >= a || t1 <= z;
}

/* Whether lam is worth trying on weekday wd: where two shifts tie. */
static void
lam_add(double *lam, int *n, int max, double x)
{
	if (x <= 0 || *n >= max)
		return;
	for (int i = 0; i < *n; i++)
		if (lam[i] == x)
			return;		/* the same days repeat each week */
	lam[(*n)++] = x;
}

/*
 * The prices at which day_value() on the weekend days of weekday wd
 * bends: a shift's value, or where two shifts filling a different
 * number of codes hold the same per code.
 */
static int
lam_candidates(const struct tn_case *c, int wd, int what, int with_long,
    double *lam, int max)
{
	int	 n = 0;

	lam[n++] = 0;
	for (int d = 0; d < c->ndays; d++) {
		if (case_weekday(c, d) != wd || !slot_day(c, d))
			continue;
		for (int s = 0; s < c->nshifts; s++) {
			double vs = shift_value(c, d, s, what);
			int ns = c->shifts[s].ncovers;

			if (!shift_counts(c, d, s, with_long))
				continue;
			lam_add(lam, &n, max, vs);
			for (int t = 0; t < c->nshifts; t++) {
				int nt = c->shifts[t].ncovers;

				if (nt != ns && shift_counts(c, d, t, with_long))
					lam_add(lam, &n, max, (vs * nt -
					    shift_value(c, d, t, what) * ns) /
					    (nt - ns));
			}
		}
	}
	return n;
}

/* Weekends one person works at the most in the rotation. */
static int
weekends_each(const struct tn_case *c, int every)
{
	int	 W = c->ndays / 7;

	if (every <= 1)
		return W;
	return c->rules.cyclic ? W / every : (W + every - 1) / every;
}

/*
 * capacity_need() of every day and code, summed over the departments,
 * in one pass over the demand (a case of a year and 32 codes took
 * minutes asking each in turn); NULL when out of memory.
 */
static int *
need_table(const struct tn_case *c)
{
	size_t	 n = (size_t)c->ndepts * c->ndays * c->ndcodes, dk;
	int	*any = tn_calloc(n + 1, sizeof *any);
	int	*roles = tn_calloc(n + 1, sizeof *roles);
	int	*need = tn_calloc((size_t)c->ndays * c->ndcodes + 1,
		    sizeof *need);

	if (any == NULL || roles == NULL || need == NULL) {
		free(need);
		need = NULL;
		goto out;
	}
	for (int k = 0; k < c->ndemand; k++) {
		const struct tn_demand *q = &c->demand[k];
		size_t i;

		if (q->dept < 0 || q->dept >= c->ndepts || q->day < 0 ||
		    q->day >= c->ndays || q->dcode < 0 ||
		    q->dcode >= c->ndcodes)
			continue;
		i = ((size_t)q->dept * c->ndays + q->day) * c->ndcodes +
		    q->dcode;
		if (role_is_any(q->role))
			any[i] = q->min > any[i] ? q->min : any[i];
		else
			roles[i] += q->min;
	}
	dk = (size_t)c->ndays * c->ndcodes;
	for (size_t i = 0; i < n; i++)
		need[i % dk] += any[i] > roles[i] ? any[i] : roles[i];
out:
	free(any);
	free(roles);
	return need;
}

/*
 * The most paid minutes or credit (what) the staffing plan holds when
 * no head is above it and persons work at most every `every` weekend.
 * Each weekday of the weekend (Saturdays, Sundays) has at most persons
 * times weekends_each() persons on duty over the rotation; priced at
 * lam each, any lam >= 0 gives a bound (Lagrange), and the least of
 * those tried is taken.  Without that limit long shifts would look as
 * good for the hours as the short shifts they replace.  Out of memory,
 * HUGE_VAL: no bound.
 */
static double
plan_value(const struct tn_case *c, int persons, int every, int what,
    int with_long)
{
	double	 sum = 0, lam[256];
	double	 slots = (double)persons * weekends_each(c, every);
	int	*need = need_table(c);
	double	*best = tn_calloc((size_t)c->ndcodes + 1, sizeof *best);

	if (need == NULL || best == NULL) {
		free(need);
		free(best);
		return HUGE_VAL;	/* out of memory: no bound */
	}
	for (int d = 0; d < c->ndays; d++)
		if (!slot_day(c, d))
			sum += day_value(c, d, what, with_long, 0, need, best);
	for (int wd = 0; wd < 7; wd++) {
		int n = lam_candidates(c, wd, what, with_long, lam,
		    (int)nitems(lam));
		double low = HUGE_VAL;

		for (int i = 0; i < n; i++) {
			double v = lam[i] * slots;

			for (int d = 0; d < c->ndays; d++)
				if (case_weekday(c, d) == wd &&
				    slot_day(c, d))
					v += day_value(c, d, what, with_long,
					    lam[i], need, best);
			low = v < low ? v : low;
		}
		if (n > 0 && low < HUGE_VAL && low > 0)
			sum += low;
	}
	free(need);
	free(best);
	return sum;
}

/* Whether a line could be three-shift work (HTA § 4.2.4): D, A and N. */
static int
case_three_shift(const struct tn_case *c)
{
	int	 day = 0, eve = 0, night = 0;

	for (int s = 0; s < c->nshifts; s++) {
		const struct tn_shift *sh = &c->shifts[s];

		if (sh->off || sh->len > c->rules.max_shift)
			continue;
		if (sh->night > NIGHT_SHIFT_MIN)
			night = 1;
		else if (sh->start < 12 * 60)
			day = 1;
		else
			eve = 1;
	}
	return day && eve && night;
}

/*
 * The smallest hours a position can need.  A number in week_norm fixes
 * them.  With the HTA week (week_norm = auto) a full-time line needs at
 * least 35.5 h a week less its credit: a three-shift line's week is
 * 37.5 h less its credit per week, at least 33.6 h; the credit below
 * 2 h a week is used up before the week drops under 35.5 h, so all
 * full-time lines together save at most 1.9 / 3.9 of the credit the
 * staffing plan holds, and each at most 1.9 h a week.  Part-time lines
 * need at least their position at 33.6 h.
 */
void
capacity_norm(const struct tn_case *c, struct capacity_norm *nm)
{
	double	 w = c->ndays / 7.0, thr = c->rules.full_time_threshold_pct;

	memset(nm, 0, sizeof *nm);
	if (c->rules.week_norm > 0) {
		nm->kfull = nm->kpart = c->rules.week_norm * 60 * w / 100;
		return;
	}
	nm->kfull = nm->kpart = HTA_TURNUS_WEEK * 60 * w / 100;
	if (!case_three_shift(c))
		return;
	nm->kpart = HTA_FLOOR_WEEK * 60 * w / 100;
	nm->per = (HTA_TURNUS_WEEK - HTA_FLOOR_WEEK) * 60 * w * thr / 100;
	nm->credit = (HTA_TURNUS_WEEK - HTA_FLOOR_WEEK) /
	    (HTA_DAY_WEEK - HTA_FLOOR_WEEK) * plan_value(c, 1 << 20,
	    c->rules.weekend_every, VAL_CREDIT, 1);
}

/* Minutes F full-time lines need at the least. */
static double
full_need(const struct tn_case *c, const struct capacity_norm *nm, int F)
{
	double	 thr = c->rules.full_time_threshold_pct;
	double	 save = F * nm->per < nm->credit ? F * nm->per : nm->credit;

	return F * (thr * nm->kfull - c->rules.hours_tolerance) - save;
}

/* The greatest common divisor of the work shifts' paid minutes. */
static int
paid_gcd(const struct tn_case *c)
{
	int	 g = 0;

	for (int s = 0; s < c->nshifts; s++) {
		int a = c->shifts[s].paid, b = g;

		if (c->shifts[s].off || a <= 0)
			continue;
		while (b != 0) {
			int t = a % b;

			a = b;
			b = t;
		}
		g = a;
	}
	return g;
}

/*
 * Minutes a line of pos percent needs at the least: a line's hours are
 * a sum of shifts, so a multiple of their common divisor.
 */
static double
part_need(const struct tn_case *c, const struct capacity_norm *nm,
    double pos)
{
	double	 m = pos * nm->kpart - c->rules.hours_tolerance;
	int	 g = paid_gcd(c);

	if (m <= 0)
		return 0;
	return g > 0 ? ceil(m / g - 1e-9) * g : m;
}

/*
 * Most full-time persons with today's staff when every person keeps at
 * least today's position: those who may grow to full time, the cheapest
 * first, while the hours last.
 */
static int
today_full(const struct tn_case *c, double minutes,
    const struct capacity_norm *nm)
{
	double	*cost, budget = minutes, lo, hi, sum = 0;
	double	 thr = c->rules.full_time_threshold_pct;
	int	 n = 0, full = 0, best;

	if ((cost = tn_calloc((size_t)c->nids + 1, sizeof *cost)) == NULL)
		return 0;
	for (int pid = 0; pid < c->nids; pid++) {
		person_range(c, pid, &lo, &hi);
		if (lo >= thr - 1e-9) {
			full++;
			budget -= thr * nm->kfull - c->rules.hours_tolerance;
		} else {
			budget -= part_need(c, nm, lo);
			if (hi >= thr - 1e-9)
				cost[n++] = thr * nm->kfull -
				    c->rules.hours_tolerance -
				    part_need(c, nm, lo);
		}
	}
	qsort(cost, (size_t)n, sizeof *cost, dbl_asc);
	best = 0;
	for (int F = 1; F <= n; F++) {
		double save;

		sum += cost[F - 1];
		save = (full + F) * nm->per < nm->credit ? (full + F) * nm->per :
		    nm->credit;
		if (sum - save <= budget + 1e-6)
			best = F;
	}
	free(cost);
	return full + best;
}

/* Most full-time lines among heads lines of at least min_position_pct. */
static int
design_full(const struct tn_case *c, double minutes, int heads,
    const struct capacity_norm *nm)
{
	double	 minpos = c->rules.min_position_pct;
	int	 best = 0;

	for (int F = 0; F <= heads; F++)
		if (full_need(c, nm, F) + (heads - F) * part_need(c, nm,
		    minpos) <= minutes + 1e-6)
			best = F;
	return best;
}

/*
 * The norm and the most paid minutes of a rotation that persons work at
 * every `every` weekend at the most: the credit is what those persons
 * can earn, the minutes what they can hold.
 */
static double
norm_for(const struct tn_case *c, int persons, int every, int with_long,
    struct capacity_norm *nm)
{
	capacity_norm(c, nm);
	if (nm->credit > 0)
		nm->credit = (HTA_TURNUS_WEEK - HTA_FLOOR_WEEK) /
		    (HTA_DAY_WEEK - HTA_FLOOR_WEEK) * plan_value(c, persons,
		    every, VAL_CREDIT, with_long);
	return plan_value(c, persons, every, VAL_PAID, with_long);
}

int
capacity_design_full(const struct tn_case *c, int heads, int with_long)
{
	struct capacity_norm nm;
	double	 minutes;

	minutes = norm_for(c, heads, c->rules.weekend_every,
	    with_long && case_has_long(c), &nm);
	return design_full(c, minutes, heads, &nm);
}

int
capacity_kept_full(const struct tn_case *c)
{
	struct capacity_norm nm;
	double	 minutes;

	minutes = norm_for(c, c->nids, c->rules.weekend_every, 1, &nm);
	return today_full(c, minutes, &nm);
}

static void
fill_row(const struct tn_case *c, struct tn_capacity_row *r, int every,
    int with_long)
{
	struct capacity_norm nm;
	double	 wsum, minutes, most;
	int	 per = (c->ndays / 7) / every;

	memset(r, 0, sizeof *r);
	r->weekend_every = every;
	r->long_shifts = with_long;
	r->possible = !with_long || case_has_long(c);
	with_long = with_long && r->possible;
	rotation_need(c, -1, with_long, &wsum, &minutes);
	r->weekend_persons = c->ndays >= 7 ? wsum / (c->ndays / 7) : 0;
	r->heads = per > 0 ? (int)ceil(wsum / per - 1e-9) : -1;
	r->demand_hours = minutes / 60.0;
	most = norm_for(c, c->nids, every, 1, &nm);
	r->fte = nm.kfull > 0 ? minutes / (100 * nm.kfull) : 0;
	r->today_heads = c->nids;
	r->kept_full = today_full(c, most, &nm);
	/* the row's weekends: every head on its shifts, long or short */
	norm_for(c, c->nids, every, with_long, &nm);
	r->today_full = design_full(c, minutes, c->nids, &nm);
	if (r->today_heads > 0)
		r->today_share = (double)r->today_full / r->today_heads;
	r->design_heads = r->heads;
	if (r->heads > 0) {
		norm_for(c, r->heads, every, with_long, &nm);
		r->design_full = design_full(c, minutes, r->heads, &nm);
		r->design_share = (double)r->design_full / r->heads;
		nm.kpart = nm.kfull;
		nm.per = nm.credit = 0;
		r->design_plain = design_full(c, minutes, r->heads, &nm);
	}
}

int
tn_capacity(const struct tn_case *c, struct tn_capacity *cap,
    struct tn_error *err)
{
	static const int every[3] = { 2, 3, 4 };
	struct capacity_norm nm;

	memset(cap, 0, sizeof *cap);
	if (c->ndemand == 0) {
		tn_error_set(err, TN_INPUT, tn_case_name(c), 0, 0, _("no demand "
		    "in the case, expected a demand.csv (the staffing plan)"));
		return -1;
	}
	cap->weeks = c->ndays / 7;
	capacity_norm(c, &nm);
	cap->full_time_hours = nm.kfull * 100 / 60;
	cap->floor_hours = nm.kpart * 100 / 60;
	cap->current_every = c->rules.weekend_every;
	cap->kept_full = capacity_kept_full(c);
	for (int i = 0; i < 3; i++)
		for (int l = 0; l < 2; l++)
			fill_row(c, &cap->row[cap->nrows++], every[i], l);
	return 0;
}

const struct tn_capacity_row *
tn_capacity_pick(const struct tn_capacity *cap, int every, int with_long)
{
	for (int i = 0; i < cap->nrows; i++)
		if (cap->row[i].weekend_every == every &&
		    cap->row[i].long_shifts == with_long)
			return &cap->row[i];
	return NULL;
}

/* ------------------------------------------------------------- writers */

/* The bounds without the three-shift credit, at today's weekend rule. */
static void
plain_note(const struct tn_capacity *cap, const struct tn_style *st,
    FILE *fp)
{
	const struct tn_capacity_row *off = tn_capacity_pick(cap,
	    cap->current_every, 0);
	const struct tn_capacity_row *on = tn_capacity_pick(cap,
	    cap->current_every, 1);
	char	 a[32], b[64] = "", o[16], m[512];

	if (off == NULL || off->heads <= 0 || cap->floor_hours >=
	    cap->full_time_hours - 1e-9)
		return;
	if (on != NULL && on->possible && on->heads > 0)
		snprintf(b, sizeof b, _(" (%d with long shifts)"),
		    on->design_plain);
	snprintf(m, sizeof m, P_("Three-shift lines (D, A and N, every %s "
	    "Sunday) earn a shorter HTA week: the bounds above count it.  "
	    "With a %s h week for every line, designed lines carry at most "
	    "%d full-time%s at today's weekend rule.", "Three-shift lines (D, "
	    "A and N, every %s Sunday) earn a shorter HTA week: the bounds "
	    "above count it.  With a %s h week for every line, designed "
	    "lines carry at most %d full-time%s at today's weekend rule.",
	    off->design_plain), fmt_ordinal(o, sizeof o, 3), style_num(a,
	    sizeof a, st, cap->full_time_hours / cap->weeks, 1),
	    off->design_plain, b);
	text_wrap(fp, m, 0, 0, 80);
}

/*
 * The table's columns: a heading in two lines (a first line that spans
 * span columns), the least width, and whether the cells are left-aligned.
 */
static const struct cap_col {
	const char	*top, *bottom;
	int		 span, left;
} cap_cols[CAP_NCOLS] = {
	{ N_("weekend"), N_("every"), 1, 1 },
	{ N_("long"), N_("shifts"), 1, 1 },
	{ N_("persons"), N_("/weekend"), 1, 0 },
	{ N_("heads"), N_("needed"), 1, 0 },
	{ N_("demand"), N_("hours"), 1, 0 },
	{ N_("today's staff"), NC_("capacity", "full-time"), 2, 0 },
	{ NULL, NC_("capacity", "share"), 0, 0 },
	{ N_("designed lines"), NC_("capacity", "lines"), 3, 0 },
	{ NULL, NC_("capacity", "full-time"), 0, 0 },
	{ NULL, NC_("capacity", "share"), 0, 0 },
};

/* A row's cells; ncells is 2 or 7 when a note ends the row early. */
static int
cap_cells(const struct tn_capacity_row *r, const struct tn_style *st,
    char cell[CAP_NCOLS][32])
{
	snprintf(cell[0], 32, "%d", r->weekend_every);
	snprintf(cell[1], 32, "%s", r->long_shifts ? C_("capacity", "yes") :
	    C_("capacity", "no"));
	if (!r->possible)
		return 2;
	style_num(cell[2], 32, st, r->weekend_persons, 1);
	snprintf(cell[3], 32, "%d", r->heads);
	if (r->heads < 0)
		snprintf(cell[3], 32, "-");
	style_num(cell[4], 32, st, r->demand_hours, 0);
	snprintf(cell[5], 32, "%d", r->today_full);
	style_num(cell[6], 32, st, 100 * r->today_share, 0);
	strcat(cell[6], " %");
	if (r->heads < 0)
		return 7;
	snprintf(cell[7], 32, "%d", r->design_heads);
	snprintf(cell[8], 32, "%d", r->design_full);
	style_num(cell[9], 32, st, 100 * r->design_share, 0);
	strcat(cell[9], " %");
	return CAP_NCOLS;
}

/* Each column as wide as its words and cells; a span's last one widens. */
static void
cap_widths(const struct tn_capacity *cap, const struct tn_style *st,
    int w[CAP_NCOLS])
{
	char	 cell[CAP_NCOLS][32];

	for (int i = 0; i < CAP_NCOLS; i++) {
		w[i] = text_wider(0, _(cap_cols[i].bottom));
		if (cap_cols[i].span == 1)
			w[i] = text_wider(w[i], _(cap_cols[i].top));
	}
	for (int k = 0; k < cap->nrows; k++) {
		int n = cap_cells(&cap->row[k], st, cell);

		for (int i = 0; i < n; i++)
			w[i] = text_wider(w[i], cell[i]);
	}
	for (int i = 0; i < CAP_NCOLS; i++) {
		int span = cap_cols[i].span, have = -1;

		for (int j = i; j < i + span; j++)
			have += w[j] + 1;
		if (span > 1 && have < text_wider(0, _(cap_cols[i].top)))
			w[i + span - 1] += text_wider(0, _(cap_cols[i].top)) -
			    have;
	}
}

/* Two spaces before a span of columns, one between the others. */
static void
cap_line(FILE *fp, const char *const *cell, const int *w, int n)
{
	for (int i = 0; i < n; i++) {
		if (i > 0)
			fputs(cap_cols[i].span > 1 ? "  " : " ", fp);
		if (cap_cols[i].left || cell[i][0] == '(')
			text_pad(fp, cell[i], i == n - 1 ? 0 : w[i]);
		else
			text_rpad(fp, cell[i], w[i]);
	}
	putc('\n', fp);
}

/* The first heading line: a span's words over all its columns. */
static void
cap_top(FILE *fp, const int *w)
{
	int	 last = 0;

	for (int i = 0; i < CAP_NCOLS; i++)
		if (cap_cols[i].span > 0)
			last = i;
	for (int i = 0; i < CAP_NCOLS; i++) {
		int span = cap_cols[i].span, width = -1;

		if (span == 0)
			continue;
		for (int j = i; j < i + span; j++)
			width += w[j] + 1;
		if (i > 0)
			fputs(span > 1 ? "  " : " ", fp);
		if (i == last)
			fputs(_(cap_cols[i].top), fp);
		else if (cap_cols[i].left || span > 1)
			text_pad(fp, _(cap_cols[i].top), width);
		else
			text_rpad(fp, _(cap_cols[i].top), width);
	}
	putc('\n', fp);
}

/*
 * Why the rows with long shifts are empty: none in shifts.csv, or those
 * there are longer than the rules' longest shift (as under preset law).
 */
static const char *
no_long_note(const struct tn_case *c)
{
	for (int s = 0; s < c->nshifts; s++) {
		const struct tn_shift *sh = &c->shifts[s];

		if (!sh->off && sh->ncovers >= 2 &&
		    sh->len >= c->rules.long_shift_min &&
		    sh->len > c->rules.max_shift)
			return _("(long shifts over max_shift_hours)");
	}
	return _("(no long shift in shifts.csv)");
}

static void
cap_table(const struct tn_capacity *cap, const struct tn_case *c,
    const struct tn_style *st, FILE *fp)
{
	char		 cell[CAP_NCOLS][32];
	const char	*v[CAP_NCOLS];
	int		 w[CAP_NCOLS], n;

	cap_widths(cap, st, w);
	cap_top(fp, w);
	for (int i = 0; i < CAP_NCOLS; i++)
		v[i] = _(cap_cols[i].bottom);
	cap_line(fp, v, w, CAP_NCOLS);
	for (int k = 0; k < cap->nrows; k++) {
		n = cap_cells(&cap->row[k], st, cell);
		for (int i = 0; i < n; i++)
			v[i] = cell[i];
		if (n < CAP_NCOLS)
			v[n] = n == 2 ? no_long_note(c) :
			    _("(weekends do not fit)");
		cap_line(fp, v, w, n < CAP_NCOLS ? n + 1 : n);
	}
}

static void
text_write(const struct tn_capacity *cap, const struct tn_case *c,
    const struct tn_style *st, FILE *fp)
{
	char	 a[32], wk[48], pp[48], o[16], m[600];
	int	 kept = cap->kept_full;

	snprintf(wk, sizeof wk, P_("%d week", "%d weeks", cap->weeks),
	    cap->weeks);
	snprintf(pp, sizeof pp, P_("%d person today", "%d persons today",
	    c->nids), c->nids);
	snprintf(m, sizeof m, _("%s: %s, %s; a full-time position is %s h per "
	    "rotation"), c->name, wk, pp, style_num(a, sizeof a, st,
	    cap->full_time_hours, 1));
	text_wrap(fp, m, 0, 0, 80);
	if (cap->floor_hours < cap->full_time_hours - 1e-9) {
		snprintf(m, sizeof m, _("(the HTA week: down to %s h for "
		    "three-shift work, by its night and Sunday credit)"),
		    style_num(a, sizeof a, st, cap->floor_hours, 1));
		text_wrap(fp, m, 0, 0, 80);
	}
	putc('\n', fp);
	cap_table(cap, c, st, fp);
	snprintf(m, sizeof m, P_("Every %s weekend is today's rule.  Lines are "
	    "at least %s %%; \"today's staff\" keeps today's headcount.  With "
	    "today's positions kept (never lower), at most %d of %d can be "
	    "full time.  No plan beats these numbers.", "Every %s weekend is "
	    "today's rule.  Lines are at least %s %%; \"today's staff\" keeps "
	    "today's headcount.  With today's positions kept (never lower), "
	    "at most %d of %d can be full time.  No plan beats these numbers.",
	    kept), fmt_ordinal(o, sizeof o, cap->current_every), style_num(a,
	    sizeof a, st, c->rules.min_position_pct, 0), kept, c->nids);
	putc('\n', fp);
	text_wrap(fp, m, 0, 0, 80);
	plain_note(cap, st, fp);
	if (cap->weeks % 4 != 0) {
		snprintf(m, sizeof m, P_("A %d-week rotation fits %d weekend in "
		    "every %s per person.", "A %d-week rotation fits %d "
		    "weekends in every %s per person.", cap->weeks / 4),
		    cap->weeks, cap->weeks / 4, fmt_ordinal(o, sizeof o, 4));
		text_wrap(fp, m, 0, 0, 80);
	}
}

static void
csv_write(const struct tn_capacity *cap, const struct tn_style *st,
    FILE *fp)
{
	static const char *const head[] = { "weekend_every", "long_shifts",
	    "weekend_persons", "heads", "demand_hours", "fte", "today_heads",
	    "today_full_time", "today_share_pct", "kept_full_time",
	    "design_heads",
	    "design_full_time", "design_share_pct" };

	csv_begin(fp, st);
	for (size_t i = 0; i < nitems(head); i++)
		csv_cell(fp, st, head[i], i == 0);
	csv_end(fp);
	for (int i = 0; i < cap->nrows; i++) {
		const struct tn_capacity_row *r = &cap->row[i];

		if (!r->possible)
			continue;
		csv_int(fp, st, r->weekend_every, 1);
		csv_cell(fp, st, r->long_shifts ? "yes" : "no", 0);
		csv_num(fp, st, r->weekend_persons, 2, 0);
		csv_int(fp, st, r->heads, 0);
		csv_num(fp, st, r->demand_hours, 2, 0);
		csv_num(fp, st, r->fte, 2, 0);
		csv_int(fp, st, r->today_heads, 0);
		csv_int(fp, st, r->today_full, 0);
		csv_num(fp, st, 100 * r->today_share, 1, 0);
		csv_int(fp, st, r->kept_full, 0);
		csv_int(fp, st, r->design_heads, 0);
		csv_int(fp, st, r->design_full, 0);
		csv_num(fp, st, 100 * r->design_share, 1, 0);
		csv_end(fp);
	}
}

static void
json_write(const struct tn_capacity *cap, const struct tn_case *c, FILE *fp)
{
	fputs("{\"case\":", fp);
	json_str(fp, c->name);
	fprintf(fp, ",\"weeks\":%d,\"full_time_hours\":%.2f,"
	    "\"floor_hours\":%.2f,\"weekend_every\":%d,\"rows\":[",
	    cap->weeks, cap->full_time_hours, cap->floor_hours,
	    cap->current_every);
	for (int i = 0, n = 0; i < cap->nrows; i++) {
		const struct tn_capacity_row *r = &cap->row[i];

		if (!r->possible)
			continue;
		fprintf(fp, "%s{\"weekend_every\":%d,\"long_shifts\":%s,"
		    "\"weekend_persons\":%.2f,\"heads\":%d,"
		    "\"demand_hours\":%.2f,\"fte\":%.2f,\"today_heads\":%d,"
		    "\"today_full_time\":%d,\"today_share\":%.4f,"
		    "\"kept_full_time\":%d,"
		    "\"design_heads\":%d,\"design_full_time\":%d,"
		    "\"design_share\":%.4f}", n++ ? "," : "",
		    r->weekend_every, r->long_shifts ? "true" : "false",
		    r->weekend_persons, r->heads, r->demand_hours, r->fte,
		    r->today_heads, r->today_full, r->today_share,
		    r->kept_full, r->design_heads, r->design_full, r->design_share);
	}
	fputs("]}\n", fp);
}

int
tn_capacity_write(const struct tn_capacity *cap, const struct tn_case *c,
    enum tn_format fmt, const struct tn_style *st, FILE *fp,
    struct tn_error *err)
{
	switch (fmt) {
	case TN_FMT_TEXT:
		text_write(cap, c, st, fp);
		return 0;
	case TN_FMT_CSV:
		csv_write(cap, st, fp);
		return 0;
	case TN_FMT_JSON:
		json_write(cap, c, fp);
		return 0;
	default:
		tn_error_set(err, TN_INPUT, NULL, 0, 0, _("capacity has no html "
		    "output, expected text, csv or json"));
		return -1;
	}
}
