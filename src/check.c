/* The rule engine: every rule of DESIGN §4 and the cover, on the rotation. */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "turnus/check.h"
#include "findings.h"
#include "hta.h"
#include "i18n.h"
#include "model.h"
#include "util.h"

#define NIGHT_SHIFT_MIN	180	/* more than 3 h at night: AML § 10-11 (6) */

/* A worked shift on the person's timeline, in minutes from day 0. */
struct ev {
	int	 t0;
	int	 t1;
	int	 day;
	int	 shift;
	int	 row;
};

/* One distinct person: all rows with the same id, merged. */
struct who {
	const struct tn_case	*c;
	const struct tn_rules	*r;
	struct tn_findings	*f;
	int			 row;		/* first row: owns findings */
	struct ev		*ev;		/* sorted by start */
	int			 n;
	struct ev		*ext;		/* cyclic: copies at -P, 0, +P */
	int			 next;
	unsigned char		*work;		/* per day: a shift starts */
	long			*pre;		/* prefix sums of paid minutes */
	int			 cap;
	int			 nweeks;
	int			 off;		/* first Monday's day */
	int			*nextrow;	/* the next row of the same id */
};

static const struct {
	const char	*key;
	const char	*title;
} rules[TN_R_NRULES] = {
	{ "min_daily_rest_hours", N_("daily rest") },
	{ "min_weekly_rest_hours", N_("weekly rest") },
	{ "max_shift_hours", N_("shift length") },
	{ "max_week_hours", N_("hours in a week") },
	{ "max_avg_week_hours", N_("average week") },
	{ "weekend_every", N_("weekend frequency") },
	{ "whole_weekends", N_("whole weekends") },
	{ "max_consecutive_days", N_("days in a row") },
	{ "max_night_avg_hours_per_day", N_("night work") },
	{ "hours_tolerance", N_("hours and position") },
	{ "min_hours", N_("fewest hours") },
	{ "max_hours", N_("most hours") },
	{ "max_shifts", N_("shifts of a code") },
	{ "max_weekends", N_("weekends") },
	{ "min_consecutive_days", N_("short work run") },
	{ "min_consecutive_days_off", N_("short time off") },
	{ "long_shifts", N_("long shifts") },
	{ "nights", N_("nights") },
	{ "cannot_follow", N_("shift order") },
	{ "max_consecutive_nights", N_("nights in a row") },
	{ "cover", N_("cover") },
};

const char *
rule_key(int r)
{
	return r >= 0 && r < TN_R_NRULES ? rules[r].key : "?";
}

const char *
rule_title(int r)
{
	return r >= 0 && r < TN_R_NRULES ? _(rules[r].title) : "?";
}

void
findings_add(struct tn_findings *f, int rule, int person, int dept,
    const int *days, int ndays, const char *fmt, ...)
{
	struct tn_finding	*x;
	char			 msg[512];
	va_list			 ap;

	if (f->oom || grow(&f->v, &f->cap, f->n + 1, sizeof *f->v) == -1) {
		f->oom = 1;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	x = &f->v[f->n];
	x->rule = rule;
	x->person = person;
	x->dept = dept;
	x->ndays = ndays;
	x->days = ndays ? tn_malloc((size_t)ndays * sizeof *days) : NULL;
	x->msg = tn_strdup(msg);
	if ((ndays && x->days == NULL) || x->msg == NULL) {
		free(x->days);
		free(x->msg);
		f->oom = 1;
		return;
	}
	if (ndays)
		memcpy(x->days, days, (size_t)ndays * sizeof *days);
	f->n++;
}

/* "day 3", or the date for a dated roster. */
static const char *
dayname(const struct tn_case *c, int d, char *b, size_t sz)
{
	d = ((d % c->ndays) + c->ndays) % c->ndays;
	if (c->first_date >= 0)
		fmt_date(b, sz, c->first_date + d, 0);
	else
		snprintf(b, sz, _("day %d"), d + 1);
	return b;
}

/* Hours with a decimal comma in Norwegian text: "9,50". */
static const char *
hrs(int minutes, char *b, size_t sz)
{
	return fmt_hours(b, sz, minutes, i18n_nb());
}

static const char *
num(double v, int decimals, char *b, size_t sz)
{
	return fmt_num(b, sz, v, decimals, i18n_nb());
}

static const struct tn_shift *
shift_of(const struct who *w, const struct ev *e)
{
	return &w->c->shifts[e->shift];
}

/* Days first..last (inclusive, wrapping) into out; returns the count. */
static int
day_span(const struct tn_case *c, int first, int last, int *out, int max)
{
	int	 n = 0;

	for (int d = first; d <= last && n < max; d++)
		out[n++] = ((d % c->ndays) + c->ndays) % c->ndays;
	return n;
}

/* ------------------------------------------------------------ timeline */

static int
ev_cmp(const void *a, const void *b)
{
	const struct ev *x = a, *y = b;

	return x->t0 != y->t0 ? (x->t0 < y->t0 ? -1 : 1) : x->row - y->row;
}

/* The shifts of the person whose first row is first, from all rows. */
static int
who_build(struct who *w, int first)
{
	const struct tn_case *c = w->c;
	int	 P = c->ndays * MIN_PER_DAY;

	w->n = 0;
	w->row = -1;
	memset(w->work, 0, (size_t)c->ndays);
	for (int i = first; i >= 0; i = w->nextrow[i]) {
		const struct tn_person *p = &c->persons[i];

		if (w->row < 0)
			w->row = i;
		for (int d = 0; d < c->ndays; d++) {
			const struct tn_shift *s;

			if (p->cell[d] == NO_SHIFT)
				continue;
			s = &c->shifts[p->cell[d]];
			if (s->off)
				continue;
			if (grow(&w->ev, &w->cap, w->n + 1, sizeof *w->ev) ==
			    -1)
				return -1;
			w->ev[w->n++] = (struct ev){ d * MIN_PER_DAY + s->start,
			    d * MIN_PER_DAY + s->start + s->len, d, p->cell[d],
			    i };
			w->work[d] = 1;
		}
	}
	if (w->n > 0)		/* qsort(NULL, 0, ...) is undefined */
		qsort(w->ev, (size_t)w->n, sizeof *w->ev, ev_cmp);
	memset(w->pre, 0, ((size_t)c->ndays + 1) * sizeof *w->pre);
	for (int i = 0; i < w->n; i++)
		w->pre[w->ev[i].day + 1] += c->shifts[w->ev[i].shift].paid;
	for (int d = 0; d < c->ndays; d++)
		w->pre[d + 1] += w->pre[d];
	w->r = c->persons[w->row].rules;
	free(w->ext);
	if ((w->ext = tn_malloc((size_t)(3 * w->n + 1) * sizeof *w->ext)) ==
	    NULL)
		return -1;
	w->next = 0;
	for (int k = -1; k <= 1; k++) {
		if (k != 0 && !c->rules.cyclic)
			continue;
		for (int i = 0; i < w->n; i++) {
			w->ext[w->next] = w->ev[i];
			w->ext[w->next].t0 += k * P;
			w->ext[w->next++].t1 += k * P;
		}
	}
	return 0;
}

/* -------------------------------------------------------- daily rules */

#define LAW_DAILY_REST	(11 * 60)	/* AML § 10-8 (1) */
#define LAW_WEEKLY_REST	(35 * 60)	/* AML § 10-8 (2) */
#define AGREED_DAILY_REST (8 * 60)	/* the floors of § 10-8 (3): below */
#define AGREED_WEEKLY_REST (28 * 60)	/* them nothing is made up */

/*
 * A rest below the rule's floor always fails.  Where an agreement sets
 * the floor below the law's 11 h (to 8 h at the least), a rest r under
 * 11 h must be made up by the next rest: at least 22 h - r (AML § 10-8
 * (3)).  A floor under 8 h is no agreement the law allows: it is taken
 * as asked, with nothing to make up.
 */
static void
check_rest_pair(struct who *w, const struct ev *a, const struct ev *b,
    int rest, int prev_rest)
{
	char	 h[16], m[16], p[16], da[32], db[32], ea[8], sb[8];
	int	 days[2] = { a->day, b->day };
	int	 need = w->r->min_daily_rest;

	if (need >= AGREED_DAILY_REST && need < LAW_DAILY_REST &&
	    prev_rest >= need && prev_rest < LAW_DAILY_REST && rest >= need)
		need = 2 * LAW_DAILY_REST - prev_rest;
	if (rest >= need)
		return;
	dayname(w->c, a->day, da, sizeof da);
	dayname(w->c, b->day, db, sizeof db);
	fmt_clock(ea, sizeof ea, a->t1);
	fmt_clock(sb, sizeof sb, b->t0);
	if (rest < 0)
		findings_add(w->f, TN_R_DAILY_REST, w->row, -1, days, 2,
		    _("%s (%s, ends %s) overlaps %s (%s, starts %s)"),
		    shift_of(w, a)->code, da, ea, shift_of(w, b)->code, db, sb);
	else if (need != w->r->min_daily_rest)
		findings_add(w->f, TN_R_DAILY_REST, w->row, -1, days, 2,
		    _("rest %s h between %s (%s, ends %s) and %s (%s, starts "
		    "%s) after a short rest of %s h, needs %s h to make up "
		    "for it"), hrs(rest, h, sizeof h), shift_of(w, a)->code, da,
		    ea, shift_of(w, b)->code, db, sb, hrs(prev_rest, p,
		    sizeof p), hrs(need, m, sizeof m));
	else
		findings_add(w->f, TN_R_DAILY_REST, w->row, -1, days, 2,
		    _("rest %s h between %s (%s, ends %s) and %s (%s, starts "
		    "%s), needs %s h"), hrs(rest, h, sizeof h),
		    shift_of(w, a)->code, da, ea, shift_of(w, b)->code, db, sb,
		    hrs(need, m, sizeof m));
}

static void
check_daily_rest(struct who *w)
{
	int	 P = w->c->ndays * MIN_PER_DAY, cyc = w->c->rules.cyclic;
	int	 np = cyc ? w->n : w->n - 1, prev;

	if (w->n == 0)
		return;
	prev = cyc ? w->ev[0].t0 + P - w->ev[w->n - 1].t1 : INT_MAX;
	for (int i = 0; i < np; i++) {
		const struct ev *a = &w->ev[i], *b = &w->ev[(i + 1) % w->n];
		int rest = b->t0 + (i + 1 == w->n ? P : 0) - a->t1;

		check_rest_pair(w, a, b, rest, prev);
		prev = rest;
	}
}

static void
check_shift_rules(struct who *w)
{
	const struct tn_case *c = w->c;
	char	 h[16], m[16], d[32];

	for (int i = 0; i < w->n; i++) {
		const struct ev *e = &w->ev[i];
		const struct tn_shift *s = shift_of(w, e);
		const struct tn_person *p = &c->persons[e->row];

		dayname(c, e->day, d, sizeof d);
		if (s->len > w->r->max_shift)
			findings_add(w->f, TN_R_SHIFT_LEN, w->row, -1, &e->day,
			    1, _("%s on %s lasts %s h, at most %s h"), s->code,
			    d, hrs(s->len, h, sizeof h),
			    hrs(w->r->max_shift, m, sizeof m));
		if (!p->long_shifts && s->len >= w->r->long_shift_min)
			findings_add(w->f, TN_R_LONG_SHIFTS, w->row, -1,
			    &e->day, 1, _("long shift %s (%s h) on %s, but "
			    "long_shifts = no"), s->code,
			    hrs(s->len, h, sizeof h), d);
		if (p->nights == TN_NIGHTS_NO && s->night > NIGHT_SHIFT_MIN)
			findings_add(w->f, TN_R_NIGHTS, w->row, -1, &e->day, 1,
			    _("night shift %s on %s, but nights = no"), s->code,
			    d);
		if (p->nights == TN_NIGHTS_ONLY && s->night <= NIGHT_SHIFT_MIN)
			findings_add(w->f, TN_R_NIGHTS, w->row, -1, &e->day, 1,
			    _("%s on %s is not a night shift, but nights = "
			    "only"), s->code, d);
	}
}

static void
check_cannot_follow(struct who *w)
{
	const struct tn_case *c = w->c;
	char	 da[32], db[32];

	for (int i = 0; i < w->n; i++) {
		const struct ev *a = &w->ev[i];
		const struct tn_shift *s = shift_of(w, a);
		int next = a->day + 1;

		if (s->cannot_follow == NULL ||
		    (next == c->ndays && !c->rules.cyclic))
			continue;
		next %= c->ndays;
		for (int k = 0; k < w->n; k++) {
			const struct ev *b = &w->ev[k];
			int days[2] = { a->day, b->day };

			if (b->day != next || !s->cannot_follow[b->shift])
				continue;
			findings_add(w->f, TN_R_CANNOT_FOLLOW, w->row, -1, days,
			    2, _("%s on %s followed by %s on %s, but %s may "
			    "not follow %s"), s->code, dayname(c, a->day, da,
			    sizeof da), shift_of(w, b)->code, dayname(c,
			    b->day, db, sizeof db), shift_of(w, b)->code,
			    s->code);
		}
	}
}

/* --------------------------------------------------------------- weeks */

/* Week k runs from day off + 7k (a Monday); cyclic weeks wrap. */
static void
weeks_setup(struct who *w)
{
	const struct tn_case *c = w->c;

	w->off = (7 - c->start_weekday) % 7;
	if (c->rules.cyclic)
		w->nweeks = c->ndays / 7;
	else
		w->nweeks = (c->ndays - w->off + 6) / 7 + (w->off > 0);
}

/* First day of week k (may be negative before a non-cyclic start). */
static int
week_day0(const struct who *w, int k)
{
	if (!w->c->rules.cyclic && w->off > 0)
		return w->off + 7 * (k - 1);
	return w->off + 7 * k;
}

static int
week_full(const struct who *w, int k)
{
	int	 d = week_day0(w, k);

	return w->c->rules.cyclic || (d >= 0 && d + 7 <= w->c->ndays);
}

/* Paid minutes of shifts starting on days [a, a + len), len <= ndays. */
static long
paid_days(const struct who *w, int a, int len)
{
	int	 n = w->c->ndays, z;

	if (!w->c->rules.cyclic) {
		z = a + len > n ? n : a + len;
		a = a < 0 ? 0 : a;
		return z > a ? w->pre[z] - w->pre[a] : 0;
	}
	a = ((a % n) + n) % n;
	if (a + len <= n)
		return w->pre[a + len] - w->pre[a];
	return w->pre[n] - w->pre[a] + w->pre[a + len - n];
}

static const char *
weekname(const struct who *w, int k, char *b, size_t sz)
{
	char	 d0[32], d1[32];
	int	 a = week_day0(w, k), z = a + 6;

	if (!w->c->rules.cyclic) {
		a = a < 0 ? 0 : a;
		z = z >= w->c->ndays ? w->c->ndays - 1 : z;
	}
	snprintf(b, sz, _("week %d (%s to %s)"), k + 1, dayname(w->c, a, d0,
	    sizeof d0), dayname(w->c, z, d1, sizeof d1));
	return b;
}

static int
week_days(const struct who *w, int k, int *days)
{
	int	 a = week_day0(w, k), n = 0;

	for (int d = a; d < a + 7; d++)
		if (w->c->rules.cyclic || (d >= 0 && d < w->c->ndays))
			days[n++] = ((d % w->c->ndays) + w->c->ndays) %
			    w->c->ndays;
	return n;
}

/* The longest rest inside [t0, t1), counting only the part inside. */
static int
longest_rest(const struct who *w, long t0, long t1)
{
	long	 cur = t0, best = 0;

	for (int i = 0; i < w->next; i++) {
		const struct ev *e = &w->ext[i];

		if (e->t1 <= t0 || e->t0 >= t1)
			continue;
		if (e->t0 > cur && e->t0 - cur > best)
			best = e->t0 - cur;
		if (e->t1 > cur)
			cur = e->t1;
	}
	if (t1 > cur && t1 - cur > best)
		best = t1 - cur;
	return (int)best;
}

static void
weekly_rest(struct who *w, int k, int rest, int prev)
{
	char	 h[16], m[16], p[16], wn[96];
	int	 days[7], nd = week_days(w, k, days);
	int	 need = w->r->min_weekly_rest;

	if (need >= AGREED_WEEKLY_REST && need < LAW_WEEKLY_REST &&
	    prev >= need && prev < LAW_WEEKLY_REST && rest >= need)
		need = 2 * LAW_WEEKLY_REST - prev;
	if (rest >= need)
		return;
	if (need != w->r->min_weekly_rest)
		findings_add(w->f, TN_R_WEEKLY_REST, w->row, -1, days, nd,
		    _("longest rest in %s is %s h after a short weekly rest of "
		    "%s h, needs %s h to make up for it"), weekname(w, k, wn,
		    sizeof wn), hrs(rest, h, sizeof h), hrs(prev, p, sizeof p),
		    hrs(need, m, sizeof m));
	else
		findings_add(w->f, TN_R_WEEKLY_REST, w->row, -1, days, nd,
		    _("longest rest in %s is %s h, needs %s h"), weekname(w, k,
		    wn, sizeof wn), hrs(rest, h, sizeof h), hrs(need, m,
		    sizeof m));
}

static void
check_weeks(struct who *w)
{
	char	 h[16], m[16], wn[96];
	int	 days[7], nd, prev = INT_MAX, first = -1;

	for (int k = 0; k < w->nweeks; k++) {
		long t0 = (long)week_day0(w, k) * MIN_PER_DAY;
		int paid = (int)paid_days(w, week_day0(w, k), 7);

		nd = week_days(w, k, days);
		if (paid > w->r->max_week)
			findings_add(w->f, TN_R_WEEK_HOURS, w->row, -1, days,
			    nd, _("%s h in %s, at most %s h"), hrs(paid, h,
			    sizeof h), weekname(w, k, wn, sizeof wn),
			    hrs(w->r->max_week, m, sizeof m));
		if (!week_full(w, k)) {
			prev = INT_MAX;
			continue;
		}
		if (first < 0 && w->c->rules.cyclic && w->nweeks > 1) {
			long tl = (long)week_day0(w, w->nweeks - 1) *
			    MIN_PER_DAY;

			prev = longest_rest(w, tl, tl + MIN_PER_WEEK);
		}
		first = k;
		int rest = longest_rest(w, t0, t0 + MIN_PER_WEEK);

		weekly_rest(w, k, rest, prev);
		prev = rest;
	}
}

/*
 * Hours over a window of weeks; the worst window is reported once.
 * Cyclic windows wrap; a window never exceeds the rotation.
 */
static void
check_average(struct who *w)
{
	char	 h[16], m[16], d0[32], d1[32];
	int	 A = w->r->avg_weeks < w->nweeks ? w->r->avg_weeks : w->nweeks;
	int	 last = w->c->rules.cyclic ? (A == w->nweeks ? 0 :
		    w->nweeks - 1) : w->nweeks - A;
	int	 bk = 0, days[2], span[366], nd;
	long	 best = -1;

	if (A <= 0)
		return;
	for (int k = 0; k <= last; k++) {
		long sum = paid_days(w, week_day0(w, k), 7 * A);

		if (sum > best) {
			best = sum;
			bk = k;
		}
	}
	if (best <= (long)w->r->max_avg_week * A)
		return;
	days[0] = week_day0(w, bk);
	days[1] = days[0] + 7 * A - 1;
	nd = day_span(w->c, days[0] < 0 ? 0 : days[0],
	    w->c->rules.cyclic || days[1] < w->c->ndays ? days[1] :
	    w->c->ndays - 1, span, 366);
	findings_add(w->f, TN_R_AVG_WEEK, w->row, -1, span, nd,
	    P_("averages %s h a week over %d week (%s to %s), at most %s h",
	    "averages %s h a week over %d weeks (%s to %s), at most %s h", A),
	    num(best / 60.0 / A, 2, h, sizeof h), A,
	    dayname(w->c, days[0] < 0 ? 0 : days[0], d0, sizeof d0),
	    dayname(w->c, w->c->rules.cyclic || days[1] < w->c->ndays ?
	    days[1] : w->c->ndays - 1, d1, sizeof d1),
	    hrs(w->r->max_avg_week, m, sizeof m));
}

/* Night workers: hours per day averaged over 4 weeks (AML § 10-11 (6)). */
static void
check_night(struct who *w)
{
	char	 h[16], m[16], d0[32], d1[32];
	int	 span = w->c->ndays < 28 ? w->c->ndays : 28;
	int	 last = w->c->rules.cyclic ? (span == w->c->ndays ? 0 :
		    w->c->ndays - 1) : w->c->ndays - span;
	int	 night = 0, bd = 0, days[366], nd;
	long	 best = -1;

	for (int i = 0; i < w->n && !night; i++)
		night = shift_of(w, &w->ev[i])->night > NIGHT_SHIFT_MIN;
	if (!night || span <= 0)
		return;
	for (int d = 0; d <= last; d++) {
		long sum = paid_days(w, d, span);

		if (sum > best) {
			best = sum;
			bd = d;
		}
	}
	if (best <= (long)w->r->max_night_avg_per_day * span)
		return;
	nd = day_span(w->c, bd, bd + span - 1, days, 366);
	findings_add(w->f, TN_R_NIGHT_AVG, w->row, -1, days, nd,
	    P_("works nights and averages %s h a day over %d day (%s to "
	    "%s), at most %s h", "works nights and averages %s h a day over "
	    "%d days (%s to %s), at most %s h", span),
	    num(best / 60.0 / span, 2, h, sizeof h), span, dayname(w->c, bd,
	    d0, sizeof d0), dayname(w->c, bd + span - 1, d1, sizeof d1),
	    hrs(w->r->max_night_avg_per_day, m, sizeof m));
}

/* ------------------------------------------------------------ weekends */

/* Whether weekend k is worked: a shift starts in its window. */
static int
weekend_worked(const struct who *w, int k)
{
	long	 base = (long)week_day0(w, k) * MIN_PER_DAY;
	long	 t0 = base + w->r->weekend_start, t1 = base + w->r->weekend_end;

	if (t1 <= t0)
		t1 += MIN_PER_WEEK;
	for (int i = 0; i < w->next; i++)
		if (w->ext[i].t0 >= t0 && w->ext[i].t0 < t1)
			return 1;
	return 0;
}

static int
weekend_in_period(const struct who *w, int k)
{
	int	 sat = week_day0(w, k) + 5;

	return w->c->rules.cyclic || (sat >= 0 && sat + 1 < w->c->ndays);
}

static int
worked_day(const struct who *w, int d)
{
	int	 n = w->c->ndays;

	if (!w->c->rules.cyclic && (d < 0 || d >= n))
		return 0;
	return w->work[((d % n) + n) % n];
}

static void
weekend_pair(struct who *w, int a, int b, int dist)
{
	char	 da[32], db[32];
	int	 days[4], n, sa = week_day0(w, a) + 5, sb = week_day0(w, b) + 5;

	n = day_span(w->c, sa, sa + 1, days, 2);
	dayname(w->c, sa, da, sizeof da);
	if (a == b) {
		findings_add(w->f, TN_R_WEEKEND, w->row, -1, days, n,
		    P_("works weekend %d (%s) every %d week, at most one "
		    "weekend in every %d", "works weekend %d (%s) every %d "
		    "weeks, at most one weekend in every %d", dist), a + 1, da,
		    dist, w->r->weekend_every);
		return;
	}
	n += day_span(w->c, sb, sb + 1, days + n, 2);
	findings_add(w->f, TN_R_WEEKEND, w->row, -1, days, n,
	    P_("works weekends %d and %d (%s and %s), %d week apart; at most "
	    "one weekend in every %d", "works weekends %d and %d (%s and %s), "
	    "%d weeks apart; at most one weekend in every %d", dist), a + 1,
	    b + 1, da, dayname(w->c, sb, db, sizeof db), dist,
	    w->r->weekend_every);
}

static void
check_weekends(struct who *w)
{
	const struct tn_person *p = &w->c->persons[w->row];
	char	 d0[32], d1[32];
	int	 prev = -1, first = -1, count = 0, days[2];

	for (int k = 0; k < w->nweeks; k++) {
		int sat = week_day0(w, k) + 5;

		if (!weekend_in_period(w, k) || !weekend_worked(w, k))
			continue;
		count++;
		if (w->r->whole_weekends &&
		    worked_day(w, sat) != worked_day(w, sat + 1)) {
			day_span(w->c, sat, sat + 1, days, 2);
			findings_add(w->f, TN_R_WHOLE_WEEKEND, w->row, -1, days,
			    2, worked_day(w, sat) ? _("works Saturday but not "
			    "Sunday of weekend %d (%s and %s)") : _("works "
			    "Sunday but not Saturday of weekend %d (%s and "
			    "%s)"), k + 1, dayname(w->c, sat, d0, sizeof d0),
			    dayname(w->c, sat + 1, d1, sizeof d1));
		}
		if (prev >= 0 && k - prev < w->r->weekend_every)
			weekend_pair(w, prev, k, k - prev);
		if (first < 0)
			first = k;
		prev = k;
	}
	if (w->c->rules.cyclic && prev >= 0 &&
	    first + w->nweeks - prev < w->r->weekend_every)
		weekend_pair(w, prev, first, first + w->nweeks - prev);
	if (p->max_weekends != UNSET && count > p->max_weekends)
		findings_add(w->f, TN_R_MAX_WEEKENDS, w->row, -1, NULL, 0,
		    P_("works %d weekend in the rotation, at most %d",
		    "works %d weekends in the rotation, at most %d", count),
		    count, p->max_weekends);
}

/* ---------------------------------------------------------------- runs */

/*
 * Calls fn for each maximal run of days whose work flag equals val, as
 * (first day, length); a cyclic run may wrap.  A run covering the whole
 * rotation has length ndays and is reported with whole = 1.
 */
static void
runs(struct who *w, int val, void (*fn)(struct who *, int, int, int))
{
	int	 n = w->c->ndays, start = 0, d, len;

	if (w->c->rules.cyclic) {
		for (start = 0; start < n && (w->work[start] != 0) == val;
		    start++)
			;
		if (start == n) {
			fn(w, 0, n, 1);
			return;
		}
		for (d = 0; d < n; d++) {
			int x = (start + d) % n;

			if ((w->work[x] != 0) != val)
				continue;
			for (len = 0; len < n && (w->work[(x + len) % n] != 0)
			    == val; len++)
				;
			fn(w, x, len, 0);
			d += len - 1;
		}
		return;
	}
	for (d = 0; d < n; d++) {
		if ((w->work[d] != 0) != val)
			continue;
		for (len = 0; d + len < n && (w->work[d + len] != 0) == val;
		    len++)
			;
		/* a run cut by the period's edge may go on outside it */
		fn(w, d, len, d == 0 || d + len == n ? -1 : 0);
		d += len - 1;
	}
}

static void
run_too_long(struct who *w, int first, int len, int whole)
{
	char	 d0[32], d1[32];
	int	 days[366], n;

	if (len <= w->r->max_consecutive_days)
		return;
	n = day_span(w->c, first, first + len - 1, days, 366);
	if (whole == 1)
		findings_add(w->f, TN_R_CONSECUTIVE, w->row, -1, days, n,
		    P_("works every day of the rotation, at most %d day in a "
		    "row", "works every day of the rotation, at most %d days "
		    "in a row", w->r->max_consecutive_days),
		    w->r->max_consecutive_days);
	else
		findings_add(w->f, TN_R_CONSECUTIVE, w->row, -1, days, n,
		    P_("works %d day in a row (%s to %s), at most %d",
		    "works %d days in a row (%s to %s), at most %d", len), len,
		    dayname(w->c, first, d0, sizeof d0), dayname(w->c,
		    first + len - 1, d1, sizeof d1),
		    w->r->max_consecutive_days);
}

/* fmt: "%d ... in a row (%s to %s), at least %d". */
static void
run_too_short(struct who *w, int first, int len, int whole, int rule,
    int min, const char *fmt)
{
	char	 d0[32], d1[32];
	int	 days[366], n;

	if (whole || len >= min)
		return;
	n = day_span(w->c, first, first + len - 1, days, 366);
	findings_add(w->f, rule, w->row, -1, days, n, fmt, len,
	    dayname(w->c, first, d0, sizeof d0),
	    dayname(w->c, first + len - 1, d1, sizeof d1), min);
}

static void
work_too_short(struct who *w, int first, int len, int whole)
{
	run_too_short(w, first, len, whole, TN_R_MIN_CONSECUTIVE,
	    w->c->persons[w->row].min_consecutive_days,
	    P_("%d working day in a row (%s to %s), at least %d",
	    "%d working days in a row (%s to %s), at least %d", len));
}

static void
off_too_short(struct who *w, int first, int len, int whole)
{
	run_too_short(w, first, len, whole, TN_R_MIN_OFF,
	    w->c->persons[w->row].min_consecutive_days_off,
	    P_("%d day off in a row (%s to %s), at least %d",
	    "%d days off in a row (%s to %s), at least %d", len));
}

static void
nights_too_many(struct who *w, int first, int len, int whole)
{
	char	 d0[32], d1[32];
	int	 days[366], nd, lim = w->r->max_consecutive_nights;

	(void)whole;
	if (len <= lim)
		return;
	nd = day_span(w->c, first, first + len - 1, days, 366);
	findings_add(w->f, TN_R_CONSEC_NIGHTS, w->row, -1, days, nd,
	    P_("%d night shift in a row (%s to %s), at most %d",
	    "%d night shifts in a row (%s to %s), at most %d", len), len,
	    dayname(w->c, first, d0, sizeof d0), dayname(w->c,
	    first + len - 1, d1, sizeof d1), lim);
}

/* Runs of days that start a night shift (more than 3 h at night). */
static void
check_nights_in_row(struct who *w)
{
	unsigned char	*night = w->work + w->c->ndays + 1, *work = w->work;

	if (w->r->max_consecutive_nights == UNSET)
		return;
	memset(night, 0, (size_t)w->c->ndays);
	for (int i = 0; i < w->n; i++)
		if (shift_of(w, &w->ev[i])->night > NIGHT_SHIFT_MIN)
			night[w->ev[i].day] = 1;
	w->work = night;
	runs(w, 1, nights_too_many);
	w->work = work;
}

static void
check_runs(struct who *w)
{
	const struct tn_person *p = &w->c->persons[w->row];

	runs(w, 1, run_too_long);
	if (p->min_consecutive_days > 0)
		runs(w, 1, work_too_short);
	if (p->min_consecutive_days_off > 0)
		runs(w, 0, off_too_short);
}

/* ------------------------------------------------------ hours and codes */

/* Paid minutes a row is rostered, off codes with paid hours included. */
static long
row_paid(const struct tn_case *c, const struct tn_person *p)
{
	long	 sum = 0;

	for (int d = 0; d < c->ndays; d++)
		if (p->cell[d] != NO_SHIFT)
			sum += c->shifts[p->cell[d]].paid;
	return sum;
}

/* Rostered hours against the position, at the person's week (HTA). */
static void
check_row_hours(const struct tn_case *c, struct tn_findings *f, int i,
    const struct hta *h)
{
	const struct tn_person *p = &c->persons[i];
	const struct tn_rules *r = p->rules;
	char	 a[16], b[16], t[16], tol[16], pct[16], wk[16];
	long	 paid = row_paid(c, p);
	long	 want;

	if (p->min_hours != UNSET && paid < p->min_hours)
		findings_add(f, TN_R_MIN_HOURS, i, p->dept, NULL, 0,
		    _("rostered %s h, at least %s h (min_hours)"),
		    hrs((int)paid, a, sizeof a),
		    hrs(p->min_hours, b, sizeof b));
	if (p->max_hours != UNSET && paid > p->max_hours)
		findings_add(f, TN_R_MAX_HOURS, i, p->dept, NULL, 0,
		    _("rostered %s h, at most %s h (max_hours)"),
		    hrs((int)paid, a, sizeof a),
		    hrs(p->max_hours, b, sizeof b));
	if (p->min_hours != UNSET || p->max_hours != UNSET || isnan(p->pos_pct))
		return;
	want = lround(p->pos_pct / 100.0 * h->norm * c->ndays / 7.0);
	if (labs(paid - want) <= r->hours_tolerance)
		return;
	findings_add(f, TN_R_HOURS, i, p->dept, NULL, 0, P_("rostered %s h, "
	    "but a %s %% position is %s h over %s week of %s h (%s), within "
	    "%s h", "rostered %s h, but a %s %% position is %s h over %s "
	    "weeks of %s h (%s), within %s h", c->ndays == 7 ? 1 : 2),
	    hrs((int)paid, a, sizeof a), num(p->pos_pct, 1, pct, sizeof pct),
	    hrs((int)want, b, sizeof b), num(c->ndays / 7.0, c->ndays % 7 ?
	    1 : 0, t, sizeof t), num(h->norm / 60.0, 2, wk, sizeof wk),
	    _(hta_kind_name(h->kind)), hrs(r->hours_tolerance, tol,
	    sizeof tol));
}

/* Each person's HTA week, computed once: rows grouped by pid. */
static struct hta *
check_norms(const struct tn_case *c)
{
	struct hta	*h;
	int		*start, *rows;
	double		 pct;

	h = tn_calloc((size_t)c->nids + 1, sizeof *h);
	start = tn_calloc((size_t)c->nids + 2, sizeof *start);
	rows = tn_malloc(((size_t)c->npersons + 1) * sizeof *rows);
	if (h == NULL || start == NULL || rows == NULL) {
		free(h);
		h = NULL;
		goto out;
	}
	for (int i = 0; i < c->npersons; i++)
		start[c->persons[i].pid + 1]++;
	for (int k = 0; k < c->nids; k++)
		start[k + 1] += start[k];
	for (int i = 0; i < c->npersons; i++)
		rows[start[c->persons[i].pid]++] = i;
	for (int k = c->nids; k > 0; k--)
		start[k] = start[k - 1];
	start[0] = 0;
	for (int k = 0; k < c->nids; k++) {
		pct = 0;
		for (int j = start[k]; j < start[k + 1]; j++)
			pct += c->persons[rows[j]].pos_pct;
		hta_norm_rows(c, rows + start[k], start[k + 1] - start[k], pct,
		    &h[k]);
	}
out:
	free(start);
	free(rows);
	return h;
}

static void
check_row_codes(const struct tn_case *c, struct tn_findings *f, int i)
{
	const struct tn_person *p = &c->persons[i];
	int	 n;

	if (p->max_shifts == NULL)
		return;
	for (int s = 0; s < c->nshifts; s++) {
		if (p->max_shifts[s] == UNSET)
			continue;
		n = 0;
		for (int d = 0; d < c->ndays; d++)
			n += p->cell[d] == s;
		if (n > p->max_shifts[s])
			findings_add(f, TN_R_MAX_SHIFTS, i, p->dept, NULL, 0,
			    P_("%d %s shift in the rotation, at most %d",
			    "%d %s shifts in the rotation, at most %d", n), n,
			    c->shifts[s].code, p->max_shifts[s]);
	}
}

/* --------------------------------------------------------------- cover */

struct cover {
	struct hmap	 roles;		/* person role -> index */
	int		*n;		/* [dept][role + 1][day][dcode] */
	int		 nroles;
};

static int *
cover_at(const struct tn_case *c, struct cover *cv, int dept, int role,
    int day, int dcode)
{
	size_t	 i = (((size_t)dept * (cv->nroles + 1) + (role + 1)) *
		    c->ndays + day) * c->ndcodes + dcode;

	return &cv->n[i];
}

static int
cover_count(const struct tn_case *c, struct cover *cv)
{
	char	 key[160];

	for (int i = 0; i < c->npersons; i++) {
		header_norm(c->persons[i].role, key, sizeof key);
		if (hmap_get(&cv->roles, key) < 0 &&
		    hmap_put(&cv->roles, key, cv->nroles++) == -1)
			return -1;
	}
	if ((cv->n = tn_calloc((size_t)c->ndepts * (cv->nroles + 1) *
	    c->ndays * (c->ndcodes ? c->ndcodes : 1), sizeof *cv->n)) == NULL)
		return -1;
	for (int i = 0; i < c->npersons; i++) {
		const struct tn_person *p = &c->persons[i];
		int role;

		header_norm(p->role, key, sizeof key);
		role = hmap_get(&cv->roles, key);

		for (int d = 0; d < c->ndays; d++) {
			const struct tn_shift *s;

			if (p->cell[d] == NO_SHIFT)
				continue;
			s = &c->shifts[p->cell[d]];
			for (int k = 0; k < s->ncovers; k++) {
				(*cover_at(c, cv, p->dept, -1, d,
				    s->covers[k]))++;
				(*cover_at(c, cv, p->dept, role, d,
				    s->covers[k]))++;
			}
		}
	}
	return 0;
}

static void
check_cover(const struct tn_case *c, struct tn_findings *f)
{
	struct cover	 cv = { 0 };
	char		 d[32], role[160], rk[160];
	const char	*wd;

	if (c->ndemand == 0)
		return;
	if (cover_count(c, &cv) == -1) {
		f->oom = 1;
		goto out;
	}
	for (int k = 0; k < c->ndemand; k++) {
		const struct tn_demand *q = &c->demand[k];
		int any = strcasecmp(q->role, "any") == 0;
		int ri = any ? -1 : (header_norm(q->role, rk, sizeof rk),
		    hmap_get(&cv.roles, rk));
		int n = (!any && ri < 0) ? 0 :
		    *cover_at(c, &cv, q->dept, ri, q->day, q->dcode);

		role[0] = '\0';
		if (!any)
			snprintf(role, sizeof role, " (%s)", q->role);
		wd = _(weekday_abbr[case_weekday(c, q->day)]);
		dayname(c, q->day, d, sizeof d);
		if (n < q->min)
			findings_add(f, TN_R_COVER, -1, q->dept, &q->day, 1,
			    _("%s %s %s: %d on duty%s, needs %d"), d, wd,
			    c->dcodes[q->dcode], n, role, q->min);
		else if (q->max != UNSET && n > q->max)
			findings_add(f, TN_R_COVER, -1, q->dept, &q->day, 1,
			    _("%s %s %s: %d on duty%s, at most %d"), d, wd,
			    c->dcodes[q->dcode], n, role, q->max);
	}
out:
	free(cv.n);
	hmap_release(&cv.roles);
}

/* ---------------------------------------------------------------- main */

static void
check_person(struct who *w)
{
	check_daily_rest(w);
	check_shift_rules(w);
	check_cannot_follow(w);
	check_weeks(w);
	check_average(w);
	check_night(w);
	check_weekends(w);
	check_runs(w);
	check_nights_in_row(w);
}

/* Fills each finding's department and the paragraph it cites. */
static void
findings_finish(struct tn_findings *f)
{
	const struct tn_case *c = f->c;

	for (int i = 0; i < f->n; i++) {
		struct tn_finding *x = &f->v[i];
		const struct tn_rules *r = x->person >= 0 ?
		    c->persons[x->person].rules : &c->rules;

		if (x->dept < 0 && x->person >= 0)
			x->dept = c->persons[x->person].dept;
		x->law = rules_cite(r, rule_key(x->rule));
	}
}

static int
finding_cmp(const void *a, const void *b)
{
	const struct tn_finding *x = a, *y = b;
	int	 px = x->person < 0 ? 1 << 30 : x->person;
	int	 py = y->person < 0 ? 1 << 30 : y->person;
	int	 dx = x->ndays ? x->days[0] : -1, dy = y->ndays ? y->days[0] : -1;

	if (px != py)
		return px < py ? -1 : 1;
	if (x->person < 0 && x->dept != y->dept)
		return x->dept < y->dept ? -1 : 1;
	if (dx != dy)
		return dx < dy ? -1 : 1;
	if (x->rule != y->rule)
		return x->rule < y->rule ? -1 : 1;
	return strcmp(x->msg, y->msg);
}

struct tn_findings *
tn_check(const struct tn_case *c, struct tn_error *err)
{
	struct tn_findings	*f;
	struct who		 w = { .c = c };
	struct hta		*norms = NULL;
	int			*done = NULL;

	if ((f = tn_calloc(1, sizeof *f)) == NULL ||
	    (w.work = tn_malloc(2 * (size_t)c->ndays + 2)) == NULL ||
	    (w.pre = tn_malloc(((size_t)c->ndays + 1) * sizeof *w.pre)) ==
	    NULL ||
	    (done = tn_calloc((size_t)c->nids + 1, sizeof *done)) == NULL ||
	    (w.nextrow = tn_malloc(((size_t)c->npersons + 1) *
	    sizeof *w.nextrow)) == NULL ||
	    (norms = check_norms(c)) == NULL)
		goto oom;
	for (int i = c->npersons - 1; i >= 0; i--) {	/* rows by id */
		w.nextrow[i] = done[c->persons[i].pid] - 1;
		done[c->persons[i].pid] = i + 1;
	}
	memset(done, 0, ((size_t)c->nids + 1) * sizeof *done);
	f->c = c;
	w.f = f;
	weeks_setup(&w);
	for (int i = 0; i < c->npersons; i++) {
		check_row_hours(c, f, i, &norms[c->persons[i].pid]);
		check_row_codes(c, f, i);
		if (done[c->persons[i].pid]++)
			continue;
		if (who_build(&w, i) == -1)
			goto oom;
		check_person(&w);
	}
	check_cover(c, f);
	if (f->oom)
		goto oom;
	for (int k = 0; k < c->nids && c->first_date < 0; k++)
		if (norms[k].kind == HTA_THREE_SHIFT)
			f->note = _("the roster has no dates, so holidays "
			    "are not credited in the three-shift week (HTA § "
			    "4.2.4), only Sundays; give the roster dates or "
			    "set start_date in rules.conf");
	findings_finish(f);
	if (f->n > 0)
		qsort(f->v, (size_t)f->n, sizeof *f->v, finding_cmp);
	free(w.ev);
	free(w.ext);
	free(w.work);
	free(w.pre);
	free(w.nextrow);
	free(done);
	free(norms);
	return f;
oom:
	free(w.ev);
	free(w.ext);
	free(w.work);
	free(w.pre);
	free(w.nextrow);
	free(done);
	free(norms);
	tn_findings_free(f);
	tn_oom(err);
	return NULL;
}

int
tn_findings_count(const struct tn_findings *f)
{
	return f->n;
}

void
tn_findings_free(struct tn_findings *f)
{
	if (f == NULL)
		return;
	for (int i = 0; i < f->n; i++) {
		free(f->v[i].days);
		free(f->v[i].msg);
	}
	free(f->v);
	free(f);
}
