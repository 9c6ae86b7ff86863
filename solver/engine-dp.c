/*
 * Pricing: the least-cost lines of one person, by dynamic programming
 * over the days (a resource-constrained shortest path).  A label is a
 * line so far: its last shift and run, paid minutes, weekends and
 * shifts of each limited code; labels that another beats on every
 * count are dropped.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "util.h"

#define MAXB	32		/* limited codes per person */
#define MAXV	(1 << 21)	/* completion bounds kept, at most */
#define WORK	4e6		/* label extensions a pricing may take */

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
	int		*most;		/* [(d * K + key) * mostW + w]: most
					   minutes after day d */
	size_t		 capmost;
	int		 usemost;	/* most holds this pricing's */
	int		 mostW;		/* weekend counts in most: 1 or maxwk+1 */
	double		*V;		/* [d * NK + node]: least cost of days
					   after d, limits of codes and
					   weekends aside; NULL: none */
	size_t		 capV, NK;
	double		 thr;		/* lines of this cost or more: none */
	int		*tab;		/* [key * (S + 1) + s + 1]: next key */
	int		 captab, K;
	/* a node is ((key * X + x) * M + m), x = c * W + w: the count c
	   of the tightest limited code bs (C values) and the weekends w
	   (W values) are part of the state, so the bounds keep them */
	int		 bs, C, W, X, maxlen;
	unsigned char	*needx;		/* per person: the bounds need x */
	int		 usex;
	int		 beam;		/* one label a node: not exact */
	int		 beamw;		/* labels of a day in the beam */
	int		 wide;		/* times the usual beam */
	int		 inexact;	/* the last pricing used the beam */
	/* the person being priced */
	int		 B, bix[MAXB + 1], bmax[MAXB + 1];
	int		 bof[128];	/* shift -> limited index or -1 */
	int		 RO, RW, Lcap, M, track_wk;
	const struct eg_person *p;
	const unsigned char *allow;
};

static int	make_table(struct eg_dp *);

struct eg_dp *
eg_dp_new(const struct eg *eg)
{
	struct eg_dp	*dp;

	if (eg->S > 127 || (dp = tn_calloc(1, sizeof *dp)) == NULL)
		return NULL;
	dp->eg = eg;
	dp->day0 = tn_calloc((size_t)eg->D + 2, sizeof *dp->day0);
	dp->needx = tn_calloc((size_t)eg->P + 1, 1);
	dp->rem = tn_calloc((size_t)eg->D + 2, sizeof *dp->rem);
	dp->wide = 1;
	if (dp->day0 == NULL || dp->rem == NULL || dp->needx == NULL) {
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
	free(dp->most);
	free(dp->V);
	free(dp->tab);
	free(dp->needx);
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
	dp->maxlen = 0;
	for (int s = 0; s < eg->S; s++)
		dp->maxlen = eg->len[s] > dp->maxlen ? eg->len[s] : dp->maxlen;
	dp->track_wk = p->maxwk >= 0 && p->maxwk < eg->nweekends;
	dp->bs = -1;
	for (int b = 0; b < dp->B; b++)
		if (dp->bs < 0 || dp->bmax[b] < dp->bmax[dp->bs])
			dp->bs = b;
	dp->C = dp->bs >= 0 && dp->usex ? dp->bmax[dp->bs] + 1 : 1;
	dp->W = dp->track_wk && dp->usex ? p->maxwk + 1 : 1;
	nk = ((size_t)dp->RO + (size_t)eg->S * dp->RW) * dp->M;
	if (nk * dp->C * dp->W * eg->D > MAXV)
		dp->W = 1;
	if (nk * dp->C * dp->W * eg->D > MAXV)
		dp->C = 1;
	dp->X = dp->C * dp->W;
	nk *= dp->X;
	dp->NK = nk;
	if (make_table(dp) == -1)
		return -1;
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

	if (dp->beam)
		return 1;
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

/* The count and weekends part of the state after shift s on day d. */
static int
x_step(const struct eg_dp *dp, int d, int ls, int s, int x)
{
	const struct eg	*eg = dp->eg;
	int	 c = x / dp->W, w = x % dp->W;

	if (s < 0)
		return x;
	if (dp->C > 1 && dp->bof[s] == dp->bs && ++c >= dp->C)
		return -1;
	if (dp->W > 1 && eg->wkday[d] != 0 && (eg->wkday[d] == 1 || d == 0 ||
	    ls < 0) && ++w >= dp->W)
		return -1;
	return c * dp->W + w;
}

static int
extend(struct eg_dp *dp, int d, int from, int s, const double *rc)
{
	const struct eg	*eg = dp->eg;
	const struct eg_person *p = dp->p;
	int	 ls = from < 0 ? EG_OFF : dp->lab[from].s;
	int	 m = 0, wk = 0, r, x, b, node;
	double	 cost;

	if (from >= 0) {
		int kx = dp->lab[from].node / dp->M;

		m = dp->lab[from].node % dp->M;
		wk = dp->lab[from].wk;
		x = kx % dp->X;
		r = dp->tab[kx / dp->X * (eg->S + 1) + s + 1];
	} else {
		x = 0;
		r = run_key(dp, s, s < 0 ? off_run(dp, 0, EG_OFF, 0) :
		    work_run(dp, 0, EG_OFF, 0));
	}
	if (r >= 0 && (x = x_step(dp, d, ls, s, x)) < 0)
		return 0;
	if (s >= 0) {
		m += eg->len[s];
		if (m > p->mmax)
			return 0;
		if (dp->track_wk && eg->wkday[d] != 0 && (eg->wkday[d] == 1 ||
		    d == 0 || ls < 0) && ++wk > p->maxwk)
			return 0;
	}
	if (r < 0 || m + dp->rem[d + 1] < p->mmin || (dp->usemost &&
	    m + dp->most[((size_t)d * dp->K + r) * dp->mostW +
	    (dp->mostW > 1 ? wk : 0)] < p->mmin))
		return 0;
	b = s >= 0 ? dp->bof[s] : -1;
	if (b >= 0 && from >= 0 &&
	    dp->cnt[(size_t)from * dp->B + b] >= dp->bmax[b])
		return 0;
	if (b >= 0 && from < 0 && dp->bmax[b] < 1)
		return 0;
	node = (r * dp->X + x) * dp->M + m;
	cost = (from >= 0 ? dp->lab[from].cost : 0) + rc[d * (eg->S + 1) + s +
	    1];
	if (dp->V != NULL && cost + dp->V[(size_t)d * dp->NK + node] >=
	    dp->thr)
		return 0;
	if ((x = new_label(dp)) < 0)
		return -1;
	dp->lab[x] = (struct lab){ cost, from, -1, node, (signed char)s,
	    (unsigned char)wk, 0 };
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

/* The run key after key and shift s (EG_OFF) on a day after the first. */
static int
key_step(const struct eg_dp *dp, int key, int s)
{
	const struct eg	*eg = dp->eg;
	int	 ls, lr, r;

	if (key < dp->RO) {
		ls = EG_OFF;
		lr = key;
	} else {
		ls = (key - dp->RO) / dp->RW;
		lr = (key - dp->RO) % dp->RW;
	}
	if (ls >= 0 && s >= 0 && eg->follow[ls * eg->S + s])
		return -1;
	r = s < 0 ? off_run(dp, 1, ls, lr) : work_run(dp, 1, ls, lr);
	return r < 0 ? -1 : run_key(dp, s, r);
}

static int
make_table(struct eg_dp *dp)
{
	int	 S1 = dp->eg->S + 1;

	dp->K = dp->RO + dp->eg->S * dp->RW;
	if (dp->K * S1 > dp->captab) {
		free(dp->tab);
		dp->captab = 0;
		if ((dp->tab = tn_malloc((size_t)dp->K * S1 *
		    sizeof *dp->tab)) == NULL)
			return -1;
		dp->captab = dp->K * S1;
	}
	for (int k = 0; k < dp->K; k++)
		for (int s = -1; s < dp->eg->S; s++)
			dp->tab[k * S1 + s + 1] = key_step(dp, k, s);
	return 0;
}

/* The state after shift s (EG_OFF) on day d, from node; -1: none. */
static int
next_node(const struct eg_dp *dp, int d, int node, int s)
{
	int	 kx = node / dp->M, m = node % dp->M, key = kx / dp->X;
	int	 x = kx % dp->X, nk, r, ls;

	if (d == 0) {
		r = s < 0 ? off_run(dp, 0, EG_OFF, 0) : work_run(dp, 0,
		    EG_OFF, 0);
		nk = run_key(dp, s, r);
		ls = EG_OFF;
		x = 0;
	} else if ((nk = dp->tab[key * (dp->eg->S + 1) + s + 1]) < 0)
		return -1;
	else
		ls = key < dp->RO ? EG_OFF : (key - dp->RO) / dp->RW;
	if (s >= 0 && (m += dp->eg->len[s]) > dp->p->mmax)
		return -1;
	if ((x = x_step(dp, d, ls, s, x)) < 0)
		return -1;
	return (nk * dp->X + x) * dp->M + m;
}

/*
 * The completion bounds, backwards from the last day: per state after
 * day d, the least cost of the days after it that ends within the
 * hours (the limits of codes and weekends aside).  Returns 0 with V,
 * 1 when the problem is too large to keep them, -1 out of memory.
 */
static int
backward(struct eg_dp *dp, const signed char *fix, const double *rc)
{
	const struct eg	*eg = dp->eg;
	size_t		 NK = dp->NK, need = (size_t)eg->D * NK;
	int		 S1 = eg->S + 1, M = dp->M;

	if (need > MAXV)
		return 1;
	if (need > dp->capV) {
		free(dp->V);
		dp->capV = 0;
		if ((dp->V = tn_malloc(need * sizeof *dp->V)) == NULL)
			return -1;
		dp->capV = need;
	}
	for (size_t k = 0; k < NK; k++)
		dp->V[(size_t)(eg->D - 1) * NK + k] = (int)(k % M) >=
		    dp->p->mmin ? 0 : EG_INF;
	for (int d = eg->D - 1; d > 0; d--) {
		double *to = dp->V + (size_t)d * NK, *at = to - NK;
		/* minutes after day d - 1: at most d shifts, and enough
		   left to reach the fewest */
		int hi = d * dp->maxlen < M - 1 ? d * dp->maxlen : M - 1;
		int lo = dp->p->mmin - dp->rem[d] > 0 ? dp->p->mmin -
		    dp->rem[d] : 0;

		for (size_t k = 0; k < NK; k++)
			at[k] = EG_INF;
		for (int key = 0; key < dp->K; key++)
			for (int s = -1; s < eg->S; s++) {
				int nk = dp->tab[key * S1 + s + 1];
				int L = s >= 0 ? eg->len[s] : 0;
				int ls = key < dp->RO ? EG_OFF :
				    (key - dp->RO) / dp->RW;
				double c = rc[d * S1 + s + 1];

				if (nk < 0 || (fix[d] != EG_FREE && fix[d] != s) ||
				    (fix[d] == EG_FREE && s >= 0 &&
				    !dp->allow[d * eg->S + s]))
					continue;
				for (int x = 0; x < dp->X; x++) {
					int y = x_step(dp, d, ls, s, x);
					double *dst;
					const double *src;

					if (y < 0)
						continue;
					dst = at + ((size_t)key * dp->X + x) * M;
					src = to + ((size_t)nk * dp->X + y) * M +
					    L;
					for (int m = lo; m <= hi && m + L < M;
					    m++)
						if (c + src[m] < dst[m])
							dst[m] = c + src[m];
				}
			}
	}
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

/* More paid minutes first, then the cheaper. */
static int
lab_minutes_cmp(const void *a, const void *b, void *arg)
{
	const struct eg_dp *dp = arg;
	int	 x = *(const int *)a, y = *(const int *)b;
	int	 mx = dp->lab[x].node % dp->M, my = dp->lab[y].node % dp->M;

	if (mx != my)
		return my - mx;
	return end_cmp(a, b, dp->lab);
}

/*
 * The beam: of day d's labels the cheapest three quarters of beamw live
 * on, and the quarter with the most paid minutes of the rest: a beam by
 * cost alone kept only lines too short for the fewest hours of a long
 * period (Instance22: 232 shifts of 364 days, no line found).
 */
static int
cut(struct eg_dp *dp, int d)
{
	int	 a = dp->day0[d], n = dp->nlab - a, live = 0, W = dp->beamw;
	int	*ix, W1 = W - W / 4;

	if (n <= W)
		return 0;
	if ((ix = tn_malloc((size_t)n * sizeof *ix)) == NULL)
		return -1;
	for (int x = a; x < dp->nlab; x++)
		if (!dp->lab[x].dead)
			ix[live++] = x;
	if (live > W) {
		qsort_r(ix, (size_t)live, sizeof *ix, end_cmp, dp->lab);
		qsort_r(ix + W1, (size_t)(live - W1), sizeof *ix,
		    lab_minutes_cmp, dp);
		for (int k = W; k < live; k++)
			dp->lab[ix[k]].dead = 1;
	}
	free(ix);
	return 0;
}

/*
 * Without completion bounds, the most minutes each run key and count of
 * weekends can still add after each day (runs, days off and weekends
 * kept, codes and hours aside): a label that cannot reach the fewest
 * minutes goes at once, before a beam would keep it (Instance22: 232
 * shifts of 364 days, 5 in a row, 26 weekends of 52).
 */
static int
most_after(struct eg_dp *dp, const signed char *fix)
{
	const struct eg	*eg = dp->eg;
	int		 S1 = eg->S + 1, Wn;
	size_t		 need, row;

	Wn = dp->track_wk ? dp->p->maxwk + 1 : 1;
	if ((size_t)eg->D * dp->K * Wn > MAXV)
		Wn = 1;			/* weekends aside: still a bound */
	dp->mostW = Wn;
	row = (size_t)dp->K * Wn;
	need = (size_t)eg->D * row;
	if (need > dp->capmost) {
		int *v = tn_realloc(dp->most, need * sizeof *v);

		if (v == NULL)
			return -1;
		dp->most = v;
		dp->capmost = need;
	}
	memset(dp->most + (size_t)(eg->D - 1) * row, 0, row * sizeof(int));
	for (int d = eg->D - 1; d > 0; d--) {
		int *at = dp->most + (size_t)(d - 1) * row;
		const int *to = dp->most + (size_t)d * row;

		for (size_t i = 0; i < row; i++)
			at[i] = -(1 << 29);
		for (int key = 0; key < dp->K; key++)
			for (int s = -1; s < eg->S; s++) {
				int nk = dp->tab[key * S1 + s + 1];
				int L = s >= 0 ? eg->len[s] : 0;
				int up = Wn > 1 && s >= 0 && eg->wkday[d] != 0 &&
				    (eg->wkday[d] == 1 || key < dp->RO);

				if (nk < 0 || (fix[d] != EG_FREE &&
				    fix[d] != s) || (fix[d] == EG_FREE &&
				    s >= 0 && !dp->allow[d * eg->S + s]))
					continue;
				for (int w = 0; w + up < Wn; w++) {
					int v = L + to[(size_t)nk * Wn + w + up];

					if (v > at[(size_t)key * Wn + w])
						at[(size_t)key * Wn + w] = v;
				}
			}
	}
	return 0;
}

/* The forward labels below dp->thr; the lines into out.  */
static int
forward(struct eg_dp *dp, const signed char *fix, const double *rc,
    signed char **out, double *val, int max)
{
	const struct eg	*eg = dp->eg;
	int		*ends, nend = 0, n = 0;

	dp->nlab = 0;
	dp->beam = 0;
	dp->usemost = 0;
	if (dp->V == NULL && most_after(dp, fix) == -1)
		return -1;
	dp->usemost = dp->V == NULL;
	dp->beamw = (int)(dp->wide * WORK / ((double)eg->D * (eg->S + 1)));
	dp->beamw = dp->beamw < 200 ? 200 : dp->beamw > 3000 * dp->wide ?
	    3000 * dp->wide : dp->beamw;
	for (int d = 0; d < eg->D; d++) {
		if (day_step(dp, d, fix, rc) == -1)
			return -1;
		if (!dp->beam && dp->nlab - dp->day0[d] > 6 * dp->beamw)
			dp->beam = dp->inexact = 1;
		if (dp->beam && cut(dp, d) == -1)
			return -1;
	}
	dp->day0[eg->D] = dp->nlab;
	if ((ends = tn_malloc(((size_t)dp->nlab - dp->day0[eg->D - 1] + 1) *
	    sizeof *ends)) == NULL)
		return -1;
	for (int x = dp->day0[eg->D - 1]; x < dp->nlab; x++)
		if (!dp->lab[x].dead && dp->lab[x].node % dp->M >= dp->p->mmin &&
		    dp->lab[x].cost < dp->thr)
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

/* Whether a line keeps the limits of codes and weekends. */
static int
limits_ok(const struct eg_dp *dp, const signed char *x)
{
	const struct eg	*eg = dp->eg;
	int		 cnt[MAXB + 1] = { 0 }, wk = 0;

	for (int d = 0; d < eg->D; d++) {
		if (x[d] < 0)
			continue;
		if (dp->bof[x[d]] >= 0 && ++cnt[dp->bof[x[d]]] >
		    dp->bmax[dp->bof[x[d]]])
			return 0;
		wk += eg->wkday[d] == 1 || (eg->wkday[d] == 2 &&
		    (d == 0 || x[d - 1] < 0));
	}
	return !dp->track_wk || wk <= dp->p->maxwk;
}

/*
 * The line the completion bounds lead to, from the first day on: the
 * best line when it keeps the limits the bounds leave aside.  Its cost
 * goes into *v0 (EG_INF when no line keeps the rules).
 */
static void
relaxed(struct eg_dp *dp, const signed char *fix, const double *rc,
    signed char *x, double *v0)
{
	const struct eg	*eg = dp->eg;
	int		 node = (dp->RO - 1) * dp->X * dp->M, S1 = eg->S + 1;

	*v0 = 0;
	for (int d = 0; d < eg->D; d++) {
		double best = EG_INF;
		int bn = -1;

		for (int s = -1; s < eg->S; s++) {
			int n;

			if ((fix[d] != EG_FREE && fix[d] != s) ||
			    (fix[d] == EG_FREE && s >= 0 &&
			    !dp->allow[d * eg->S + s]) ||
			    (n = next_node(dp, d, node, s)) < 0)
				continue;
			if (rc[d * S1 + s + 1] + dp->V[(size_t)d * dp->NK + n] <
			    best) {
				best = rc[d * S1 + s + 1] +
				    dp->V[(size_t)d * dp->NK + n];
				bn = n;
				x[d] = (signed char)s;
			}
		}
		if (bn < 0 || best >= EG_INF) {
			*v0 = EG_INF;
			return;
		}
		if (d == 0)
			*v0 = best;
		node = bn;
	}
}

/*
 * With completion bounds the search is A*-like: labels whose cost and
 * bound reach the threshold go.  The relaxed line is the answer when it
 * keeps every limit; else thresholds rise from its cost until lines
 * turn up (each pass cheap, the last one the caller's).
 */
int
eg_dp_price(struct eg_dp *dp, int pi, const double *rc,
    const signed char *fix, const unsigned char *allow, double thr,
    signed char **out, double *val, int max)
{
	const struct eg	*eg = dp->eg;
	double		 v0, step;
	int		 rcb, n;

	if (fix == NULL)
		fix = eg->p[pi].fix;
	dp->allow = allow != NULL ? allow : eg->p[pi].allow;
	dp->usex = dp->needx[pi];
	dp->inexact = 0;
	if (setup(dp, pi, fix) == -1 || (rcb = backward(dp, fix, rc)) == -1)
		return -1;
	if (rcb == 1) {
		double *V = dp->V;

		dp->V = NULL;
		dp->thr = thr;
		n = forward(dp, fix, rc, out, val, max);
		dp->V = V;
		return n;
	}
	relaxed(dp, fix, rc, out[0], &v0);
	if (v0 < thr && v0 < EG_INF && !limits_ok(dp, out[0]) &&
	    !dp->usex && (dp->B > 0 || dp->track_wk)) {
		/* the limits bind for this person: keep them in the state */
		dp->needx[pi] = 1;
		dp->usex = 1;
		if (setup(dp, pi, fix) == -1 || backward(dp, fix, rc) == -1)
			return -1;
		relaxed(dp, fix, rc, out[0], &v0);
	}
	if (v0 >= thr || v0 >= EG_INF)
		return 0;
	if (limits_ok(dp, out[0])) {
		val[0] = v0;
		return 1;
	}
	step = fabs(v0) * 1e-3 > 1 ? fabs(v0) * 1e-3 : 1;
	for (;;) {
		dp->thr = v0 + step < thr ? v0 + step : thr;
		if ((n = forward(dp, fix, rc, out, val, max)) != 0 ||
		    dp->thr >= thr)
			return n;
		step *= 8;
	}
}

/* Whether the last pricing was exact (no beam cut its labels). */
int
eg_dp_exact(const struct eg_dp *dp)
{
	return !dp->inexact;
}

/* Widens the beam by a factor (1: the usual one). */
void
eg_dp_widen(struct eg_dp *dp, int by)
{
	dp->wide = by > 0 ? by : 1;
}
