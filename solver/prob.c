/* The planning problem built from a case: who may work what, and when. */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "capacity.h"
#include "hta.h"
#include "sv.h"
#include "util.h"

#define NIGHT_SHIFT_MIN	180

int
sv_group_of(const struct sv *sv, int dept, int day, int dcode)
{
	return sv->gix[((size_t)dept * sv->ndays + day) * sv->c->ndcodes +
	    dcode];
}

static int
role_index(struct sv *sv, const char *role)
{
	char	**v;

	for (int i = 0; i < sv->nroles; i++)
		if (strcmp(sv->roles[i], role) == 0)
			return i;
	if ((v = tn_realloc(sv->roles, (size_t)(sv->nroles + 1) *
	    sizeof *v)) == NULL)
		return -1;
	sv->roles = v;
	if ((v[sv->nroles] = tn_strdup(role)) == NULL)
		return -1;
	return sv->nroles++;
}

/* Whether a person of role index ri counts for a demand row's role. */
int
sv_role_matches(const struct sv *sv, int ri, const char *role)
{
	return role_is_any(role) || strcmp(sv->roles[ri], role) == 0;
}

/*
 * Heads the hard rows of a group ask for: a soft row (under_weight) is
 * priced when short, so it is no need.  -1 when out of memory.
 */
static int
hard_need(const struct sv *sv, const struct sv_group *g)
{
	int	*h, n = 0, need;

	if ((h = tn_calloc((size_t)g->nq + 1, sizeof *h)) == NULL)
		return -1;
	for (int k = 0; k < g->nq; k++)
		if (sv->c->demand[g->q[k]].under_weight < 0)
			h[n++] = g->q[k];
	need = capacity_need(sv->c, h, n);
	free(h);
	return need;
}

static int
build_groups(struct sv *sv)
{
	const struct tn_case *c = sv->c;
	size_t	 n = (size_t)c->ndepts * sv->ndays * (c->ndcodes + 1);

	if ((sv->gix = tn_malloc(n * sizeof *sv->gix)) == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		sv->gix[i] = -1;
	for (int k = 0; k < c->ndemand; k++) {
		const struct tn_demand *q = &c->demand[k];
		size_t i = ((size_t)q->dept * sv->ndays + q->day) * c->ndcodes +
		    q->dcode;
		struct sv_group *g;

		if (sv->gix[i] < 0) {
			if (grow(&sv->groups, &(int){ sv->ngroups },
			    sv->ngroups + 1, sizeof *sv->groups) == -1)
				return -1;
			g = &sv->groups[sv->ngroups];
			memset(g, 0, sizeof *g);
			g->dept = q->dept;
			g->day = q->day;
			g->dcode = q->dcode;
			g->paid = capacity_code_paid(c, q->dcode, q->day);
			sv->gix[i] = sv->ngroups++;
		}
		g = &sv->groups[sv->gix[i]];
		if (grow(&g->q, &(int){ g->nq }, g->nq + 1, sizeof *g->q) == -1)
			return -1;
		g->q[g->nq++] = k;
	}
	for (int i = 0; i < sv->ngroups; i++) {
		struct sv_group *g = &sv->groups[i];

		g->cap = capacity_need(c, g->q, g->nq);
		if ((g->hard = hard_need(sv, g)) == -1 ||
		    (g->nrole = tn_calloc((size_t)sv->nroles + 1,
		    sizeof *g->nrole)) == NULL)
			return -1;
	}
	return 0;
}

/* Whether shift s on day d fills some demand of the department. */
static int
useful(const struct sv *sv, int dept, int d, int s)
{
	const struct tn_shift *sh = &sv->c->shifts[s];

	for (int k = 0; k < sh->ncovers; k++)
		if (sv_group_of(sv, dept, d, sh->covers[k]) >= 0)
			return 1;
	return 0;
}

static int
may_work(const struct sv *sv, const struct tn_person *p,
    const struct tn_rules *r, int s)
{
	const struct tn_shift *sh = &sv->c->shifts[s];
	int	 lng = sh->len >= r->long_shift_min ||
		    sh->len >= sv->c->rules.long_shift_min;

	if (sh->off || sh->len > r->max_shift ||
	    sh->len > sv->c->rules.max_shift)
		return 0;
	if (lng && (!p->long_shifts || sv->opts->long_shifts == TN_LONG_OFF))
		return 0;
	if (p->nights == TN_NIGHTS_NO && sh->night > NIGHT_SHIFT_MIN)
		return 0;
	if (p->nights == TN_NIGHTS_ONLY && sh->night <= NIGHT_SHIFT_MIN)
		return 0;
	return 1;
}

static double
known_lo(const struct sv *sv, const struct tn_person *p)
{
	double	 lo = NAN;
	long	 paid = 0;

	if (!isnan(p->staff_pct))
		lo = p->staff_pct;
	if (!isnan(p->pos_pct) && (isnan(lo) || p->pos_pct > lo))
		lo = p->pos_pct;
	if (!isnan(lo))
		return lo;
	for (int d = 0; d < sv->ndays; d++)
		if (p->cell[d] != NO_SHIFT)
			paid += sv->c->shifts[p->cell[d]].paid;
	return floor(paid / sv->K);
}

/*
 * The smallest paid minutes of at most ndays shifts the row may work that
 * reach at least lo, or -1.
 */
static long
reachable_from(const struct sv *sv, const struct sv_row *r, long lo)
{
	const struct tn_case *c = sv->c;
	long	 top = 0, found = -1;
	int	*paid, np = 0;
	short	*n = NULL;

	if (lo <= 0)
		return 0;
	if ((paid = tn_calloc((size_t)c->nshifts + 1, sizeof *paid)) == NULL)
		return -1;
	for (int s = 0; s < c->nshifts; s++) {
		int ok = 0;

		for (int d = 0; d < sv->ndays && !ok; d++)
			ok = r->allow[d * sv->nshifts + s] || r->lock[d] == s;
		if (ok && !c->shifts[s].off && c->shifts[s].paid > 0) {
			paid[np++] = c->shifts[s].paid;
			top = c->shifts[s].paid > top ? c->shifts[s].paid : top;
		}
	}
	top = top * sv->ndays + 1;
	if (lo < top && (n = tn_malloc((size_t)top * sizeof *n)) != NULL) {
		n[0] = 0;
		for (long m = 1; m < top && found < 0; m++) {
			n[m] = SHRT_MAX;
			for (int k = 0; k < np; k++)
				if (paid[k] <= m && n[m - paid[k]] < n[m] - 1)
					n[m] = (short)(n[m - paid[k]] + 1);
			if (m >= lo && n[m] <= sv->ndays)
				found = m;
		}
	}
	free(n);
	free(paid);
	return found;
}

/*
 * Where no hours the row's shifts can add up to match a position of its
 * range (8 h shifts against a 50 % position), the range grows upwards to
 * the nearest position they match: a position never goes down.
 */
static void
row_achievable(struct sv *sv, int row)
{
	struct sv_row	*r = &sv->rows[row];
	long		 m = reachable_from(sv, r, r->minpaid);
	double		 hi;

	if (m < 0 || m <= r->maxpaid)
		return;
	hi = ceil((m - sv->tol + r->margin) / r->K * 100 - 1e-9) / 100;
	if (hi > 100 && r->lo <= 100)
		return;
	r->hi = hi;
	sv_row_range(sv, row);
}

/* Position range and paid minutes of each row; wanted_pct is per person. */
static void
row_hours(struct sv *sv)
{
	for (int e = 0; e < sv->nemps; e++) {
		struct sv_emp *em = &sv->emps[e];
		double	 sumlo = 0, want;

		for (int k = 0; k < em->nrows; k++) {
			struct sv_row *r = &sv->rows[em->rows[k]];

			r->lo = known_lo(sv, &sv->c->persons[r->person]);
			sumlo += r->lo;
		}
		want = em->p->wanted_pct;
		if (isnan(want) || want < sumlo)
			want = sumlo;
		if (want > sv->thr && sumlo < sv->thr)
			want = sv->thr;
		for (int k = 0; k < em->nrows; k++) {
			struct sv_row *r = &sv->rows[em->rows[k]];
			r->hi = r->lo + (k == 0 ? want - sumlo : 0);
			if (r->hi > 100 && r->lo <= 100)
				r->hi = 100;
			r->want100 = want >= sv->thr;
			sv_row_range(sv, em->rows[k]);
		}
	}
}

static int
row_cells(struct sv *sv, struct sv_row *r)
{
	const struct tn_case *c = sv->c;
	const struct tn_person *p = &c->persons[r->person];
	const struct tn_rules *rr = &sv->emps[r->emp].r;
	int	 ns = c->nshifts;

	if ((r->lock = tn_malloc((size_t)sv->ndays * sizeof *r->lock)) ==
	    NULL || (r->allow = tn_calloc((size_t)sv->ndays * ns, 1)) == NULL)
		return -1;
	for (int d = 0; d < sv->ndays; d++) {
		r->lock[d] = SV_NONE;
		for (int s = 0; s < ns; s++)
			r->allow[d * ns + s] = may_work(sv, p, rr, s) &&
			    capacity_shift_day_ok(c, s, d) &&
			    may_work(sv, p, p->rules, s) &&
			    useful(sv, r->dept, d, s);
	}
	if (c->has_roster && p->in_roster) {
		if ((r->was = tn_malloc((size_t)sv->ndays * sizeof *r->was)) ==
		    NULL)
			return -1;
		memcpy(r->was, p->cell, (size_t)sv->ndays * sizeof *r->was);
	}
	return 0;
}

static int
add_wish(struct sv *sv, const struct tn_wish *w, int row)
{
	struct sv_row	*r = &sv->rows[row];
	int		 ns = sv->nshifts;

	if (w->locked) {
		if (w->kind == TN_WISH_ON && w->shift != NO_SHIFT)
			r->lock[w->day] = (short)w->shift;
		else if (w->shift == NO_SHIFT && w->kind == TN_WISH_OFF)
			r->lock[w->day] = NO_SHIFT;
		else if (w->shift != NO_SHIFT)
			r->allow[w->day * ns + w->shift] = 0;
		return 0;
	}
	if (grow(&sv->wishes, &(int){ sv->nwishes }, sv->nwishes + 1,
	    sizeof *sv->wishes) == -1)
		return -1;
	sv->wishes[sv->nwishes++] = (struct sv_wish){ row, w->day, w->shift,
	    w->kind, w->weight };
	return 0;
}

static int
build_emps(struct sv *sv)
{
	const struct tn_case *c = sv->c;

	if ((sv->emps = tn_calloc((size_t)c->nids + 1, sizeof *sv->emps)) ==
	    NULL)
		return -1;
	sv->nemps = c->nids;
	for (int i = 0; i < c->npersons; i++) {
		const struct tn_person *p = &c->persons[i];
		struct sv_emp *e = &sv->emps[p->pid];

		if (e->nrows == 0) {
			e->p = p;
			e->r = *p->rules;
		}
		if ((e->rows = tn_realloc(e->rows, (size_t)(e->nrows + 1) *
		    sizeof *e->rows)) == NULL)
			return -1;
		e->rows[e->nrows++] = i;
	}
	return 0;
}

/* Paid minutes of a position under the person's current HTA week. */
void
sv_row_range(struct sv *sv, int row)
{
	struct sv_row	*r = &sv->rows[row];
	const struct sv_emp *em = &sv->emps[r->emp];
	const struct tn_person *p = &sv->c->persons[r->person];
	struct hta	 h;
	double		 K;

	hta_norm_rows(sv->c, em->rows, em->nrows, NAN, &h);
	K = h.norm * sv->ndays / 700.0;
	r->K = K;
	r->margin = h.kind == HTA_THREE_SHIFT ? SV_MARGIN : 0;
	r->minpaid = (int)lround(r->lo * K) - sv->tol + r->margin;
	r->maxpaid = (int)lround(r->hi * K) + sv->tol - r->margin;
	r->fullpaid = (int)lround(sv->thr * K) - sv->tol + r->margin;
	if (r->minpaid < 0)
		r->minpaid = 0;
	if (p->min_hours != UNSET && p->min_hours > r->minpaid)
		r->minpaid = p->min_hours;
	if (p->max_hours != UNSET && p->max_hours < r->maxpaid)
		r->maxpaid = p->max_hours;
}

int
sv_build(struct sv *sv, const struct tn_case *c,
    const struct tn_plan_opts *opts, struct tn_error *err)
{
	memset(sv, 0, sizeof *sv);
	sv->c = c;
	sv->opts = opts;
	sv->ndays = c->ndays;
	sv->nshifts = c->nshifts;
	sv->K = c->rules.full_time_hours_per_week * 60.0 * c->ndays / 700.0;
	sv->tol = c->rules.hours_tolerance;
	sv->thr = c->rules.full_time_threshold_pct;
	sv->nrows = c->npersons;
	if ((sv->rows = tn_calloc((size_t)c->npersons + 1, sizeof *sv->rows))
	    == NULL || build_emps(sv) == -1)
		goto oom;
	for (int i = 0; i < c->npersons; i++) {
		sv->rows[i].person = i;
		sv->rows[i].emp = c->persons[i].pid;
		sv->rows[i].dept = c->persons[i].dept;
		if ((sv->rows[i].role = role_index(sv, c->persons[i].role)) < 0)
			goto oom;
	}
	for (int k = 0; k < c->ndemand; k++)
		if (strcasecmp(c->demand[k].role, "any") != 0 &&
		    role_index(sv, c->demand[k].role) < 0)
			goto oom;
	if (build_groups(sv) == -1)
		goto oom;
	if ((sv->cell = tn_calloc((size_t)sv->nrows + 1, sizeof *sv->cell)) ==
	    NULL)
		goto oom;
	for (int i = 0; i < sv->nrows; i++)
		sv->cell[i] = c->persons[i].cell;	/* hta.c reads them */
	row_hours(sv);
	for (int i = 0; i < sv->nrows; i++)
		if (row_cells(sv, &sv->rows[i]) == -1)
			goto oom;
	for (int k = 0; k < c->nwishes; k++)
		if (add_wish(sv, &c->wishes[k], c->wishes[k].person) == -1)
			goto oom;
	for (int i = 0; i < sv->nrows; i++)
		if (c->persons[sv->rows[i].person].min_hours == UNSET &&
		    c->persons[sv->rows[i].person].max_hours == UNSET &&
		    sv->emps[sv->rows[i].emp].nrows == 1)
			row_achievable(sv, i);
	if ((sv->work = tn_calloc((size_t)c->nshifts + 1, sizeof *sv->work)) ==
	    NULL)
		goto oom;
	for (int s = 0; s < c->nshifts; s++)
		if (!c->shifts[s].off)
			sv->work[sv->nwork++] = s;
	if ((sv->paid = tn_calloc((size_t)sv->nrows + 1,
	    sizeof *sv->paid)) == NULL || (sv->epen = tn_calloc(
	    (size_t)sv->nemps + 1, sizeof *sv->epen)) == NULL ||
	    (sv->tmp = tn_malloc(2 * ((size_t)sv->ndays + 1) *
	    sizeof *sv->tmp)) == NULL || (sv->pre = tn_malloc(
	    ((size_t)sv->ndays + 1) * sizeof *sv->pre)) == NULL)
		goto oom;
	return 0;
oom:
	sv_free(sv);
	return tn_oom(err);
}

void
sv_free(struct sv *sv)
{
	for (int i = 0; i < sv->nrows; i++) {
		free(sv->rows[i].lock);
		free(sv->rows[i].allow);
		free(sv->rows[i].was);
	}
	free(sv->rows);
	for (int e = 0; e < sv->nemps; e++)
		free(sv->emps[e].rows);
	free(sv->emps);
	for (int i = 0; i < sv->nroles; i++)
		free(sv->roles[i]);
	free(sv->roles);
	for (int g = 0; g < sv->ngroups; g++) {
		free(sv->groups[g].q);
		free(sv->groups[g].nrole);
	}
	free(sv->groups);
	free(sv->gix);
	free(sv->wishes);
	free(sv->work);
	free(sv->cell);
	free(sv->paid);
	free(sv->epen);
	free(sv->tmp);
	free(sv->pre);
	memset(sv, 0, sizeof *sv);
}
