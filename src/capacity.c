/* The arithmetic of the weekend problem: heads, hours and full-time bounds. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "turnus/plan.h"
#include "capacity.h"
#include "model.h"
#include "util.h"
#include "write.h"

int
capacity_need(const struct tn_case *c, int dept, int day, int dcode)
{
	int	 any = 0, roles = 0;

	for (int k = 0; k < c->ndemand; k++) {
		const struct tn_demand *q = &c->demand[k];

		if (q->dept != dept || q->day != day || q->dcode != dcode)
			continue;
		if (strcasecmp(q->role, "any") == 0)
			any = q->min > any ? q->min : any;
		else
			roles += q->min;
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
	for (int k = 0; k < sh->ncovers; k++)
		if (strcasecmp(c->dcodes[sh->covers[k]], sh->code) == 0)
			return 1;
	if (capacity_weekend_day(c, d))
		return 1;
	for (int i = 0; i < c->npersons; i++)
		for (int x = 0; c->has_roster && x < c->ndays; x++)
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
		for (int k = 0; k < c->ndcodes; k++)
			h[k] = capacity_need(c, dept, d, k);
		for (int s = 0; with_long && s < c->nshifts; s++) {
			const struct tn_shift *sh = &c->shifts[s];
			int n = 1 << 30;

			if (!capacity_is_long(c, s))
				continue;
			for (int k = 0; k < sh->ncovers; k++)
				n = h[sh->covers[k]] < n ? h[sh->covers[k]] : n;
			for (int k = 0; k < sh->ncovers; k++)
				h[sh->covers[k]] -= n;
			*heads += n;
			*minutes += (double)n * sh->paid;
		}
		for (int k = 0; k < c->ndcodes; k++) {
			*heads += h[k];
			*minutes += (double)h[k] * capacity_code_paid(c, k, d);
		}
	}
	free(h);
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
dbl_desc(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

/*
 * Most full-time persons with today's staff when every roster line gets
 * at least its position less the tolerance: those who may grow to full
 * time, from the largest position down, while the hours last.
 */
static int
today_full(const struct tn_case *c, double minutes, double K, double tol)
{
	double	*cand, budget = minutes, lo, hi;
	double	 thr = c->rules.full_time_threshold_pct;
	int	 n = 0, full = 0;

	if ((cand = tn_calloc((size_t)c->nids + 1, sizeof *cand)) == NULL)
		return 0;
	for (int pid = 0; pid < c->nids; pid++) {
		person_range(c, pid, &lo, &hi);
		budget -= lo * K - tol;
		if (lo >= thr)
			full++;
		else if (hi >= thr)
			cand[n++] = lo;
	}
	qsort(cand, (size_t)n, sizeof *cand, dbl_desc);
	for (int i = 0; i < n; i++) {
		double more = (thr - cand[i]) * K;

		if (more > budget + 1e-9)
			break;
		budget -= more;
		full++;
	}
	free(cand);
	return full;
}

/* Most full-time lines among heads lines of at least min_position_pct. */
static int
design_full(const struct tn_case *c, double minutes, int heads, double K,
    double tol)
{
	double	 thr = c->rules.full_time_threshold_pct;
	double	 minpos = c->rules.min_position_pct;
	double	 f;

	if (heads <= 0)
		return 0;
	if (thr <= minpos)
		return heads;
	f = (minutes + heads * tol - heads * minpos * K) / ((thr - minpos) *
	    K);
	if (f < 0)
		return 0;
	return f > heads ? heads : (int)floor(f + 1e-9);
}

static void
fill_row(const struct tn_case *c, struct tn_capacity_row *r, int every,
    int with_long, double maxminutes)
{
	double	 K = c->rules.full_time_hours_per_week * 60.0 * c->ndays /
		    700.0;
	double	 tol = c->rules.hours_tolerance, wsum, minutes;
	int	 per = (c->ndays / 7) / every;

	memset(r, 0, sizeof *r);
	r->weekend_every = every;
	r->long_shifts = with_long;
	r->possible = !with_long || case_has_long(c);
	rotation_need(c, -1, with_long && r->possible, &wsum, &minutes);
	r->weekend_persons = c->ndays >= 7 ? wsum / (c->ndays / 7) : 0;
	r->heads = per > 0 ? (int)ceil(wsum / per - 1e-9) : -1;
	r->demand_hours = minutes / 60.0;
	r->fte = K > 0 ? minutes / (100 * K) : 0;
	r->today_heads = c->nids;
	r->today_full = design_full(c, minutes, c->nids, K, tol);
	r->kept_full = today_full(c, maxminutes, K, tol);
	if (r->today_heads > 0)
		r->today_share = (double)r->today_full / r->today_heads;
	r->design_heads = r->heads;
	if (r->heads > 0) {
		r->design_full = design_full(c, minutes, r->heads, K, tol);
		r->design_share = (double)r->design_full / r->heads;
	}
}

int
tn_capacity(const struct tn_case *c, struct tn_capacity *cap,
    struct tn_error *err)
{
	static const int every[3] = { 2, 3, 4 };
	double	 w, off, on;

	memset(cap, 0, sizeof *cap);
	if (c->ndemand == 0) {
		tn_error_set(err, TN_INPUT, tn_case_name(c), 0, 0, "no demand "
		    "in the case, expected a demand.csv (the staffing plan)");
		return -1;
	}
	cap->weeks = c->ndays / 7;
	cap->full_time_hours = c->rules.full_time_hours_per_week * c->ndays /
	    7.0;
	cap->current_every = c->rules.weekend_every;
	rotation_need(c, -1, 0, &w, &off);
	rotation_need(c, -1, case_has_long(c), &w, &on);
	for (int i = 0; i < 3; i++)
		for (int l = 0; l < 2; l++)
			fill_row(c, &cap->row[cap->nrows++], every[i], l,
			    off > on ? off : on);
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

static void
text_write(const struct tn_capacity *cap, const struct tn_case *c,
    const struct tn_style *st, FILE *fp)
{
	char	 a[32], b[32], e[32], f[32];

	fprintf(fp, "%s: %d weeks, %d persons today; a full-time position is "
	    "%s h per rotation\n", c->name, cap->weeks, c->nids,
	    style_num(a, sizeof a, st, cap->full_time_hours, 1));
	fputs("\nweekend long    persons   heads  demand   today's staff    "
	    "designed lines\n", fp);
	fputs("every   shifts  /weekend  needed hours    full-time share  "
	    "lines full-time share\n", fp);
	for (int i = 0; i < cap->nrows; i++) {
		const struct tn_capacity_row *r = &cap->row[i];

		if (!r->possible) {
			fprintf(fp, "%-7d %-7s (no long shift in shifts.csv)\n",
			    r->weekend_every, "yes");
			continue;
		}
		fprintf(fp, "%-7d %-7s %-9s %-6s %-8s %-9d %5s %%  ",
		    r->weekend_every, r->long_shifts ? "yes" : "no",
		    style_num(a, sizeof a, st, r->weekend_persons, 1),
		    r->heads < 0 ? "-" : (snprintf(e, sizeof e, "%d",
		    r->heads), e), style_num(b, sizeof b, st,
		    r->demand_hours, 0), r->today_full, style_num(f,
		    sizeof f, st, 100 * r->today_share, 0));
		if (r->heads < 0)
			fputs("(weekends do not fit)\n", fp);
		else
			fprintf(fp, "%-5d %-9d %3s %%\n", r->design_heads,
			    r->design_full, style_num(b, sizeof b, st,
			    100 * r->design_share, 0));
	}
	fprintf(fp, "\nEvery %d%s weekend is today's rule.  Lines are at least "
	    "%s %%; \"today's staff\"\nkeeps today's headcount.  With "
	    "today's positions kept (never lower), at most\n%d of %d can be "
	    "full time.  No plan beats these numbers.\n", cap->current_every,
	    cap->current_every == 2 ? "nd" : cap->current_every == 3 ? "rd" :
	    "th", style_num(a, sizeof a, st, c->rules.min_position_pct, 0),
	    cap->nrows > 0 ? cap->row[0].kept_full : 0, c->nids);
	if (cap->weeks % 4 != 0)
		fprintf(fp, "A %d-week rotation fits %d weekend%s in every 4th "
		    "per person.\n", cap->weeks, cap->weeks / 4,
		    cap->weeks / 4 == 1 ? "" : "s");
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
	    "\"weekend_every\":%d,\"rows\":[", cap->weeks,
	    cap->full_time_hours, cap->current_every);
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
		tn_error_set(err, TN_INPUT, NULL, 0, 0, "capacity has no html "
		    "output, expected text, csv or json");
		return -1;
	}
}
