/*
 * Pricing: the least-cost lines of one person, by dynamic programming
 * over the days (a resource-constrained shortest path).  A label is a
 * line so far: its last shift and run, paid minutes, weekends and
 * shifts of each limited code; labels that another beats on every
 * count are dropped.
 */
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "util.h"

#define MAXB	32		/* limited codes per person */

struct lab {
	double		 cost;
	int		 prev;		/* label of the day before, or -1 */
	int		 next;		/* in its node's list */
	int		 node;
	signed char	 s;		/* this day's shift */
	unsigned char	 wk;
	unsigned char	 dead;
};

struct eg_dp {
	const struct eg	*eg;
	struct lab	*lab;
	int		 nlab, caplab;
	unsigned char	*cnt;		/* [label * B] */
	int		 capcnt;
	int		*head;		/* per node of the day being built */
	int		 caphead;
	int		*touched;
	int		 ntouched, captouched;
	int		*day0;		/* first label of each day, D + 1 */
	int		*rem;		/* most minutes after day d */
	/* the person being priced */
	int		 B, bix[MAXB + 1], bmax[MAXB + 1];
	int		 bof[128];	/* shift -> limited index or -1 */
	int		 RO, RW, Lcap, M, track_wk;
	const struct eg_person *p;
	const unsigned char *allow;
};

struct eg_dp *
eg_dp_new(const struct eg *eg)
{
	struct eg_dp	*dp;

	if (eg->S > 127 || (dp = tn_calloc(1, sizeof *dp)) == NULL)
		return NULL;
	dp->eg = eg;
	dp->day0 = tn_calloc((size_t)eg->D + 2, sizeof *dp->day0);
	dp->rem = tn_calloc((size_t)eg->D + 2, sizeof *dp->rem);
	if (dp->day0 == NULL || dp->rem == NULL) {
		eg_dp_free(dp);
		return NULL;
	}
	return dp;
}

void
eg_dp_free(struct eg_dp *dp)
{
	if (dp == NULL)
		return;
	free(dp->lab);
	free(dp->cnt);
	free(dp->head);
	free(dp->touched);
	free(dp->day0);
	free(dp->rem);
	free(dp);
}

/* The person's limited codes and the state sizes. */
static int
setup(struct eg_dp *dp, int pi, const signed char *fix)
{
	const struct eg		*eg = dp->eg;
	const struct eg_person	*p = &eg->p[pi];
	size_t			 nk;

	dp->p = p;
	dp->B = 0;
	for (int s = 0; s < eg->S; s++) {
		int n = 0;

		dp->bof[s] = -1;
		for (int d = 0; d < eg->D; d++)
			n += fix[d] == s || (fix[d] == EG_FREE &&
			    dp->allow[d * eg->S + s]);
		if (p->maxs[s] < 0 || p->maxs[s] >= n || dp->B == MAXB)
			continue;
		dp->bof[s] = dp->B;
		dp->bix[dp->B] = s;
		dp->bmax[dp->B++] = p->maxs[s];
	}
	dp->RO = p->omin > 1 ? p->omin : 1;
	dp->Lcap = p->cmax < eg->D ? p->cmax : (p->cmin > 1 ? p->cmin : 1);
	if (dp->Lcap < 1)
		dp->Lcap = 1;
	dp->RW = dp->Lcap + (p->cmin > 1 ? p->cmin - 1 : 0);
	dp->M = p->mmax + 1;
	dp->track_wk = p->maxwk >= 0 && p->maxwk < eg->nweekends;
	nk = ((size_t)dp->RO + (size_t)eg->S * dp->RW) * dp->M;
	if (nk > (size_t)dp->caphead) {
		free(dp->head);
		if ((dp->head = tn_malloc(nk * sizeof *dp->head)) == NULL) {
			dp->caphead = 0;
			return -1;
		}
		dp->caphead = (int)nk;
		for (size_t i = 0; i < nk; i++)
			dp->head[i] = -1;
	}
	dp->rem[eg->D] = 0;
	for (int d = eg->D - 1; d >= 0; d--) {
		int best = 0;

		for (int s = 0; s < eg->S; s++)
			if ((fix[d] == s || (fix[d] == EG_FREE &&
			    dp->allow[d * eg->S + s])) && eg->len[s] > best)
				best = eg->len[s];
		dp->rem[d] = dp->rem[d + 1] + best;
	}
	return 0;
}

/* State of a run: index into the node key, before the minutes. */
static int
run_key(const struct eg_dp *dp, int s, int r)
{
	return s < 0 ? r : dp->RO + s * dp->RW + r;
}

static int
new_label(struct eg_dp *dp)
{
	if (grow(&dp->lab, &dp->caplab, dp->nlab + 1, sizeof *dp->lab) ==
	    -1)
		return -1;
	if (dp->B > 0 && (size_t)(dp->nlab + 1) * dp->B >
	    (size_t)dp->capcnt) {
		int cap = dp->capcnt;

		if (grow(&dp->cnt, &cap, (dp->nlab + 1) * dp->B * 2, 1) == -1)
			return -1;
		dp->capcnt = cap;
	}
	return dp->nlab++;
}

/* Whether label a is at least as good as b on every count but cost. */
static int
counts_le(const struct eg_dp *dp, int a, int b)
{
	const unsigned char *ca = dp->cnt + (size_t)a * dp->B;
	const unsigned char *cb = dp->cnt + (size_t)b * dp->B;

	if (dp->lab[a].wk > dp->lab[b].wk)
		return 0;
	for (int k = 0; k < dp->B; k++)
		if (ca[k] > cb[k])
			return 0;
	return 1;
}

/*
 * Puts the candidate (the last label, just filled) into its node,
 * unless a label there beats it; drops the labels it beats.
 */
static void
insert(struct eg_dp *dp, int x)
{
	struct lab	*L = dp->lab;
	int		 node = L[x].node, *pp = &dp->head[node];

	if (*pp == -1) {
		dp->touched[dp->ntouched++] = node;
		L[x].next = -1;
		*pp = x;
		return;
	}
	for (int y = *pp; y != -1; y = L[y].next)
		if (L[y].cost <= L[x].cost + 1e-9 && counts_le(dp, y, x)) {
			dp->nlab--;		/* x was the last label */
			return;
		}
	while (*pp != -1) {
		int y = *pp;

		if (L[x].cost <= L[y].cost + 1e-9 && counts_le(dp, x, y)) {
			L[y].dead = 1;
			*pp = L[y].next;
		} else
			pp = &L[y].next;
	}
	L[x].next = dp->head[node];
	dp->head[node] = x;
}

/* Run state after working shift s on a day, from state (ls, lr). */
static int
work_run(const struct eg_dp *dp, int d, int ls, int lr)
{
	const struct eg_person *p = dp->p;
	int	 L, ex;

	if (p->cmax < 1)
		return -1;
	if (d == 0)
		return p->cmin > 1 ? dp->Lcap : 0;	/* exempt, length 1 */
	if (ls < 0) {
		if (lr + 1 < dp->RO)
			return -1;		/* too few days off */
		return 0;
	}
	ex = lr >= dp->Lcap;
	L = ex ? lr - dp->Lcap + 1 : lr + 1;
	if (L + 1 > dp->Lcap && p->cmax < dp->eg->D)
		return -1;			/* too many in a row */
	if (ex)
		return L + 1 >= p->cmin ? (L + 1 > dp->Lcap ? dp->Lcap - 1 :
		    L) : dp->Lcap + L;
	return L + 1 > dp->Lcap ? dp->Lcap - 1 : L;
}

/* Run state after a day off, or -1. */
static int
off_run(const struct eg_dp *dp, int d, int ls, int lr)
{
	const struct eg_person *p = dp->p;

	if (d == 0)
		return dp->RO - 1;		/* exempt at the edge */
	if (ls < 0)
		return lr + 1 < dp->RO ? lr + 1 : dp->RO - 1;
	if (lr >= dp->Lcap || lr + 1 >= p->cmin)
		return 0;
	return -1;				/* too few working days */
}

static int
extend(struct eg_dp *dp, int d, int from, int s, const double *rc)
{
	const struct eg	*eg = dp->eg;
	const struct eg_person *p = dp->p;
	int	 ls = from < 0 ? EG_OFF : dp->lab[from].s;
	int	 lr = 0, m = 0, wk = 0, r, x, b;

	if (from >= 0) {
		int key = dp->lab[from].node / dp->M;

		m = dp->lab[from].node % dp->M;
		lr = ls < 0 ? key : key - run_key(dp, ls, 0);
		wk = dp->lab[from].wk;
		if (ls >= 0 && s >= 0 && eg->follow[ls * eg->S + s])
			return 0;
	}
	if (s < 0)
		r = off_run(dp, d, ls, lr);
	else {
		r = work_run(dp, d, ls, lr);
		m += eg->len[s];
		if (m > p->mmax)
			return 0;
		if (dp->track_wk && eg->wkday[d] != 0 && (eg->wkday[d] == 1 ||
		    d == 0 || ls < 0) && ++wk > p->maxwk)
			return 0;
	}
	if (r < 0 || m + dp->rem[d + 1] < p->mmin)
		return 0;
	b = s >= 0 ? dp->bof[s] : -1;
	if (b >= 0 && from >= 0 &&
	    dp->cnt[(size_t)from * dp->B + b] >= dp->bmax[b])
		return 0;
	if (b >= 0 && from < 0 && dp->bmax[b] < 1)
		return 0;
	if ((x = new_label(dp)) < 0)
		return -1;
	dp->lab[x] = (struct lab){ (from >= 0 ? dp->lab[from].cost : 0) +
	    rc[d * (eg->S + 1) + s + 1], from, -1, run_key(dp, s, r) * dp->M +
	    m, (signed char)s, (unsigned char)wk, 0 };
	if (dp->B > 0) {
		unsigned char *c = dp->cnt + (size_t)x * dp->B;

		if (from >= 0)
			memcpy(c, dp->cnt + (size_t)from * dp->B, dp->B);
		else
			memset(c, 0, dp->B);
		if (b >= 0)
			c[b]++;
	}
	insert(dp, x);
	return 0;
}

static int
day_step(struct eg_dp *dp, int d, const signed char *fix, const double *rc)
{
	const struct eg	*eg = dp->eg;
	int	 a = d > 0 ? dp->day0[d - 1] : -1, z = d > 0 ? dp->nlab : 0;

	dp->day0[d] = dp->nlab;
	dp->ntouched = 0;
	if (grow(&dp->touched, &dp->captouched, dp->caphead, sizeof(int)) ==
	    -1)
		return -1;
	for (int from = a; from < (a < 0 ? 0 : z); from++) {
		if (from >= 0 && dp->lab[from].dead)
			continue;
		if (fix[d] != EG_FREE) {
			if (extend(dp, d, from, fix[d], rc) == -1)
				return -1;
			continue;
		}
		if (extend(dp, d, from, EG_OFF, rc) == -1)
			return -1;
		for (int s = 0; s < eg->S; s++)
			if (dp->allow[d * eg->S + s] &&
			    extend(dp, d, from, s, rc) == -1)
				return -1;
	}
	for (int k = 0; k < dp->ntouched; k++)
		dp->head[dp->touched[k]] = -1;
	return 0;
}

static int
end_cmp(const void *a, const void *b, void *arg)
{
	const struct lab *L = arg;
	int	 x = *(const int *)a, y = *(const int *)b;

	if (L[x].cost != L[y].cost)
		return L[x].cost < L[y].cost ? -1 : 1;
	return x - y;
}

int
eg_dp_price(struct eg_dp *dp, int pi, const double *rc,
    const signed char *fix, const unsigned char *allow, signed char **out,
    double *val, int max)
{
	const struct eg	*eg = dp->eg;
	int		*ends = NULL, nend = 0, n = 0;

	if (fix == NULL)
		fix = eg->p[pi].fix;
	dp->allow = allow != NULL ? allow : eg->p[pi].allow;
	dp->nlab = 0;
	if (setup(dp, pi, fix) == -1)
		return -1;
	for (int d = 0; d < eg->D; d++)
		if (day_step(dp, d, fix, rc) == -1)
			return -1;
	dp->day0[eg->D] = dp->nlab;
	if ((ends = tn_malloc(((size_t)dp->nlab - dp->day0[eg->D - 1] + 1) *
	    sizeof *ends)) == NULL)
		return -1;
	for (int x = dp->day0[eg->D - 1]; x < dp->nlab; x++)
		if (!dp->lab[x].dead && dp->lab[x].node % dp->M >= dp->p->mmin)
			ends[nend++] = x;
	if (nend > 1)
		qsort_r(ends, (size_t)nend, sizeof *ends, end_cmp, dp->lab);
	for (int k = 0; k < nend && n < max; k++) {
		int x = ends[k], dup = 0;

		for (int d = eg->D - 1; d >= 0; d--, x = dp->lab[x].prev)
			out[n][d] = dp->lab[x].s;
		for (int j = 0; j < n && !dup; j++)
			dup = memcmp(out[j], out[n], (size_t)eg->D) == 0;
		if (dup)
			continue;
		val[n++] = dp->lab[ends[k]].cost;
	}
	free(ends);
	return n;
}
