/*
 * The rules of one person, as penalty units: zero exactly when check.c
 * finds nothing for the person.  Mirrors check.c rule by rule.
 */
#include <limits.h>
#include <math.h>
#include <string.h>

#include "sv.h"

#define NIGHT_SHIFT_MIN	180
#define LAW_DAILY_REST	(11 * 60)
#define LAW_WEEKLY_REST	(35 * 60)

/* One person's merged timeline: sh[d] a worked shift or NO_SHIFT. */
struct tl {
	const struct sv		*sv;
	const struct tn_case	*c;
	const struct tn_rules	*r;
	const struct tn_person	*p;
	const short		*sh;
	const long		*pre;
	int			 n;	/* days */
	int			 cyc;
	int			 off;	/* first Monday */
	int			 nweeks;
};

static int
md(int d, int n)
{
	return ((d % n) + n) % n;
}

/* Worked shift of day d (wrapping when cyclic), or NO_SHIFT. */
static int
at(const struct tl *t, int d)
{
	if (!t->cyc && (d < 0 || d >= t->n))
		return NO_SHIFT;
	return t->sh[md(d, t->n)];
}

static long
t_start(const struct tl *t, int d, int s)
{
	return (long)d * MIN_PER_DAY + t->c->shifts[s].start;
}

static long
t_end(const struct tl *t, int d, int s)
{
	return t_start(t, d, s) + t->c->shifts[s].len;
}

static double
daily_rest(const struct tl *t)
{
	long	 prev = LONG_MAX, first = -1, last = -1;
	double	 pen = 0;
	int	 P = t->n * MIN_PER_DAY, ld = -1;

	for (int d = 0; d < t->n; d++)
		if (t->sh[d] != NO_SHIFT) {
			if (first < 0)
				first = d;
			last = d;
		}
	if (first < 0)
		return 0;
	if (t->cyc)
		prev = t_start(t, (int)first, t->sh[first]) + P -
		    t_end(t, (int)last, t->sh[last]);
	for (int d = 0; d < t->n; d++) {
		long rest, need = t->r->min_daily_rest;
		int nd;

		if (t->sh[d] == NO_SHIFT)
			continue;
		if (ld < 0)
			ld = d;
		for (nd = d + 1; nd < t->n && t->sh[nd] == NO_SHIFT; nd++)
			;
		if (nd == t->n) {
			if (!t->cyc)
				break;
			rest = t_start(t, (int)first, t->sh[first]) + P -
			    t_end(t, d, t->sh[d]);
		} else
			rest = t_start(t, nd, t->sh[nd]) - t_end(t, d,
			    t->sh[d]);
		if (need < LAW_DAILY_REST && prev >= need &&
		    prev < LAW_DAILY_REST && rest >= need)
			need = 2 * LAW_DAILY_REST - prev;
		if (rest < need)
			pen += 1 + (need - rest) / 60.0;
		prev = rest;
	}
	return pen;
}

static double
cannot_follow(const struct tl *t)
{
	double	 pen = 0;

	for (int d = 0; d < t->n; d++) {
		int a = t->sh[d], b;

		if (a == NO_SHIFT || t->c->shifts[a].cannot_follow == NULL ||
		    (d + 1 == t->n && !t->cyc))
			continue;
		b = t->sh[(d + 1) % t->n];
		if (b != NO_SHIFT && t->c->shifts[a].cannot_follow[b])
			pen += 1;
	}
	return pen;
}

static int
week_day0(const struct tl *t, int k)
{
	if (!t->cyc && t->off > 0)
		return t->off + 7 * (k - 1);
	return t->off + 7 * k;
}

static int
week_full(const struct tl *t, int k)
{
	int	 d = week_day0(t, k);

	return t->cyc || (d >= 0 && d + 7 <= t->n);
}

static long
paid_days(const struct tl *t, int a, int len)
{
	int	 n = t->n, z;

	if (!t->cyc) {
		z = a + len > n ? n : a + len;
		a = a < 0 ? 0 : a;
		return z > a ? t->pre[z] - t->pre[a] : 0;
	}
	a = md(a, n);
	if (a + len <= n)
		return t->pre[a + len] - t->pre[a];
	return t->pre[n] - t->pre[a] + t->pre[a + len - n];
}

/* The longest rest inside [t0, t1), counting only the part inside. */
static long
longest_rest(const struct tl *t, long t0, long t1)
{
	long	 cur = t0, best = 0;
	int	 d0 = (int)(t0 / MIN_PER_DAY) - 1, d1 = (int)(t1 / MIN_PER_DAY);

	if (t0 < 0 && t0 % MIN_PER_DAY)
		d0--;
	for (int d = d0; d <= d1; d++) {
		int s = at(t, d);
		long a, z;

		if (s == NO_SHIFT)
			continue;
		a = t_start(t, d, s);
		z = t_end(t, d, s);
		if (z <= t0 || a >= t1)
			continue;
		if (a > cur && a - cur > best)
			best = a - cur;
		if (z > cur)
			cur = z;
	}
	if (t1 > cur && t1 - cur > best)
		best = t1 - cur;
	return best;
}

static double
weeks(const struct tl *t)
{
	double	 pen = 0;
	long	 prev = LONG_MAX;
	int	 first = -1;

	for (int k = 0; k < t->nweeks; k++) {
		long t0 = (long)week_day0(t, k) * MIN_PER_DAY, rest, need;
		long paid = paid_days(t, week_day0(t, k), 7);

		if (paid > t->r->max_week)
			pen += 1 + (paid - t->r->max_week) / 60.0;
		if (!week_full(t, k)) {
			prev = LONG_MAX;
			continue;
		}
		if (first < 0 && t->cyc && t->nweeks > 1) {
			long tl = (long)week_day0(t, t->nweeks - 1) *
			    MIN_PER_DAY;

			prev = longest_rest(t, tl, tl + MIN_PER_WEEK);
		}
		first = k;
		rest = longest_rest(t, t0, t0 + MIN_PER_WEEK);
		need = t->r->min_weekly_rest;
		if (need < LAW_WEEKLY_REST && prev >= need &&
		    prev < LAW_WEEKLY_REST && rest >= need)
			need = 2 * LAW_WEEKLY_REST - prev;
		if (rest < need)
			pen += 1 + (need - rest) / 60.0;
		prev = rest;
	}
	return pen;
}

static double
average(const struct tl *t)
{
	int	 A = t->r->avg_weeks < t->nweeks ? t->r->avg_weeks : t->nweeks;
	int	 last = t->cyc ? (A == t->nweeks ? 0 : t->nweeks - 1) :
		    t->nweeks - A;
	long	 best = -1;

	if (A <= 0)
		return 0;
	for (int k = 0; k <= last; k++) {
		long sum = paid_days(t, week_day0(t, k), 7 * A);

		if (sum > best)
			best = sum;
	}
	if (best <= (long)t->r->max_avg_week * A)
		return 0;
	return 1 + (best - (long)t->r->max_avg_week * A) / 60.0;
}

static double
night_avg(const struct tl *t)
{
	int	 span = t->n < 28 ? t->n : 28;
	int	 last = t->cyc ? (span == t->n ? 0 : t->n - 1) : t->n - span;
	int	 night = 0;
	long	 best = -1;

	for (int d = 0; d < t->n && !night; d++)
		night = t->sh[d] != NO_SHIFT &&
		    t->c->shifts[t->sh[d]].night > NIGHT_SHIFT_MIN;
	if (!night || span <= 0)
		return 0;
	for (int d = 0; d <= last; d++) {
		long sum = paid_days(t, d, span);

		if (sum > best)
			best = sum;
	}
	if (best <= (long)t->r->max_night_avg_per_day * span)
		return 0;
	return 1 + (best - (long)t->r->max_night_avg_per_day * span) / 60.0;
}

static int
weekend_worked(const struct tl *t, int k)
{
	long	 base = (long)week_day0(t, k) * MIN_PER_DAY;
	long	 t0 = base + t->r->weekend_start, t1 = base + t->r->weekend_end;

	if (t1 <= t0)
		t1 += MIN_PER_WEEK;
	for (long d = t0 / MIN_PER_DAY - 1; d * MIN_PER_DAY < t1; d++) {
		int s = at(t, (int)d);
		long a;

		if (s == NO_SHIFT)
			continue;
		a = t_start(t, (int)d, s);
		if (a >= t0 && a < t1)
			return 1;
	}
	return 0;
}

static int
weekend_in_period(const struct tl *t, int k)
{
	int	 sat = week_day0(t, k) + 5;

	return t->cyc || (sat >= 0 && sat + 1 < t->n);
}

static int
worked_day(const struct tl *t, int d)
{
	return at(t, d) != NO_SHIFT;
}

static double
weekends(const struct tl *t)
{
	double	 pen = 0;
	int	 prev = -1, first = -1, count = 0;

	for (int k = 0; k < t->nweeks; k++) {
		int sat = week_day0(t, k) + 5;

		if (!weekend_in_period(t, k) || !weekend_worked(t, k))
			continue;
		count++;
		if (t->r->whole_weekends &&
		    worked_day(t, sat) != worked_day(t, sat + 1))
			pen += 1;
		if (prev >= 0 && k - prev < t->r->weekend_every)
			pen += 1;
		if (first < 0)
			first = k;
		prev = k;
	}
	if (t->cyc && prev >= 0 &&
	    first + t->nweeks - prev < t->r->weekend_every)
		pen += 1;
	if (t->p->max_weekends != UNSET && count > t->p->max_weekends)
		pen += count - t->p->max_weekends;
	return pen;
}

/* Runs of days where flag(d) == val; calls back as in check.c. */
static double
runs(const struct tl *t, const unsigned char *flag, int val,
    double (*fn)(const struct tl *, int, int))
{
	int	 n = t->n, start, d, len;
	double	 pen = 0;

	if (t->cyc) {
		for (start = 0; start < n && (flag[start] != 0) == val; start++)
			;
		if (start == n)
			return fn(t, n, 1);
		for (d = 0; d < n; d++) {
			int x = (start + d) % n;

			if ((flag[x] != 0) != val)
				continue;
			for (len = 0; len < n && (flag[(x + len) % n] != 0) ==
			    val; len++)
				;
			pen += fn(t, len, 0);
			d += len - 1;
		}
		return pen;
	}
	for (d = 0; d < n; d++) {
		if ((flag[d] != 0) != val)
			continue;
		for (len = 0; d + len < n && (flag[d + len] != 0) == val; len++)
			;
		pen += fn(t, len, d == 0 || d + len == n ? -1 : 0);
		d += len - 1;
	}
	return pen;
}

static double
too_long(const struct tl *t, int len, int whole)
{
	(void)whole;
	return len > t->r->max_consecutive_days ?
	    len - t->r->max_consecutive_days : 0;
}

static double
work_short(const struct tl *t, int len, int whole)
{
	int	 m = t->p->min_consecutive_days;

	return whole || len >= m ? 0 : m - len;
}

static double
off_short(const struct tl *t, int len, int whole)
{
	int	 m = t->p->min_consecutive_days_off;

	return whole || len >= m ? 0 : m - len;
}

static double
nights_long(const struct tl *t, int len, int whole)
{
	(void)whole;
	return len > t->r->max_consecutive_nights ?
	    len - t->r->max_consecutive_nights : 0;
}

static double
all_runs(const struct tl *t, unsigned char *flag)
{
	double	 pen;

	for (int d = 0; d < t->n; d++)
		flag[d] = t->sh[d] != NO_SHIFT;
	pen = runs(t, flag, 1, too_long);
	if (t->p->min_consecutive_days > 0)
		pen += runs(t, flag, 1, work_short);
	if (t->p->min_consecutive_days_off > 0)
		pen += runs(t, flag, 0, off_short);
	if (t->r->max_consecutive_nights != UNSET) {
		for (int d = 0; d < t->n; d++)
			flag[d] = t->sh[d] != NO_SHIFT &&
			    t->c->shifts[t->sh[d]].night > NIGHT_SHIFT_MIN;
		pen += runs(t, flag, 1, nights_long);
	}
	return pen;
}

static double
rules_pen(struct tl *t, const struct tn_rules *r, unsigned char *flag)
{
	t->r = r;
	return daily_rest(t) + cannot_follow(t) + weeks(t) + average(t) +
	    night_avg(t) + weekends(t) + all_runs(t, flag);
}

/* Merges the rows of emp e into sv->tmp; counts days with two shifts. */
static int
merge(struct sv *sv, int e, long *pre)
{
	const struct sv_emp *em = &sv->emps[e];
	short	*sh = sv->tmp;
	int	 clash = 0;

	for (int d = 0; d < sv->ndays; d++)
		sh[d] = NO_SHIFT;
	for (int k = 0; k < em->nrows; k++) {
		const short *cell = sv->cell[em->rows[k]];

		for (int d = 0; d < sv->ndays; d++) {
			int s = cell[d];

			if (s == NO_SHIFT || sv->c->shifts[s].off)
				continue;
			if (sh[d] != NO_SHIFT)
				clash++;
			else
				sh[d] = (short)s;
		}
	}
	pre[0] = 0;
	for (int d = 0; d < sv->ndays; d++)
		pre[d + 1] = pre[d] + (sh[d] == NO_SHIFT ? 0 :
		    sv->c->shifts[sh[d]].paid);
	return clash;
}

static double
codes_pen(const struct sv *sv, const struct sv_emp *em)
{
	double	 pen = 0;

	for (int k = 0; k < em->nrows; k++) {
		const struct tn_person *p = &sv->c->persons[em->rows[k]];
		const short *cell = sv->cell[em->rows[k]];

		if (p->max_shifts == NULL)
			continue;
		for (int s = 0; s < sv->nshifts; s++) {
			int n = 0;

			if (p->max_shifts[s] == UNSET)
				continue;
			for (int d = 0; d < sv->ndays; d++)
				n += cell[d] == s;
			if (n > p->max_shifts[s])
				pen += n - p->max_shifts[s];
		}
	}
	return pen;
}

double
sv_emp_pen(struct sv *sv, int e)
{
	const struct sv_emp *em = &sv->emps[e];
	const struct tn_case *c = sv->c;
	unsigned char	 flag[2 * 366 + 2];
	struct tl	 t = { .sv = sv, .c = c, .p = em->p, .sh = sv->tmp,
			    .pre = sv->pre, .n = sv->ndays,
			    .cyc = c->rules.cyclic };
	double		 pen;

	if (sv->ndays > 366)
		return 0;
	pen = 10 * merge(sv, e, sv->pre);
	t.off = (7 - c->start_weekday) % 7;
	t.nweeks = t.cyc ? t.n / 7 : (t.n - t.off + 6) / 7 + (t.off > 0);
	pen += rules_pen(&t, &em->r, flag);
	if (em->p->own_rules != NULL)
		pen += rules_pen(&t, &c->rules, flag);
	return pen + codes_pen(sv, em);
}

/* Hours outside the row's range, in hours (plus one when outside). */
double
sv_row_hours_pen(const struct sv *sv, int row, int paid)
{
	const struct sv_row *r = &sv->rows[row];

	(void)sv;
	if (paid < r->minpaid)
		return 1 + (r->minpaid - paid) / 60.0;
	if (paid > r->maxpaid)
		return 1 + (paid - r->maxpaid) / 60.0;
	return 0;
}

/* The largest position the row's paid minutes allow (percent). */
double
sv_row_pos(const struct sv *sv, int row, int paid)
{
	const struct sv_row *r = &sv->rows[row];
	double	 pos = (paid + sv->tol - r->margin) / r->K;

	if (pos > r->hi)
		pos = r->hi;
	if (pos < r->lo)
		pos = r->lo;
	return pos;
}

int
sv_emp_full(const struct sv *sv, int e)
{
	const struct sv_emp *em = &sv->emps[e];
	double	 sum = 0;

	for (int k = 0; k < em->nrows; k++) {
		int row = em->rows[k];

		sum += sv->paid[row] >= sv->rows[row].fullpaid &&
		    sv->rows[row].hi >= sv->thr ? sv->thr :
		    sv_row_pos(sv, row, sv->paid[row]);
	}
	return sum >= sv->thr - 1e-9;
}

/* Points of a group: heads missing, above the plan, above a max. */
double
sv_group_pen(const struct sv *sv, const struct sv_group *g)
{
	const struct tn_case *c = sv->c;
	double	 pen = 0;

	for (int k = 0; k < g->nq; k++) {
		const struct tn_demand *q = &c->demand[g->q[k]];
		int n = 0;

		if (strcmp(q->role, "any") == 0 ||
		    strcmp(q->role, "ANY") == 0)
			n = g->n;
		else
			for (int ri = 0; ri < sv->nroles; ri++)
				if (sv_role_matches(sv, ri, q->role))
					n += g->nrole[ri];
		if (n < q->min)
			pen += q->under_weight >= 0 ? q->under_weight *
			    W_FULL * (q->min - n) : W_UNCOVER * g->paid / 60.0 *
			    (q->min - n);
		if (q->max != UNSET && n > q->max)
			pen += q->over_weight >= 0 ? q->over_weight * W_FULL *
			    (n - q->max) : W_RULE * (n - q->max);
	}
	if (g->n > g->cap)
		pen += W_OVER * g->paid / 60.0 * (g->n - g->cap);
	return pen;
}
