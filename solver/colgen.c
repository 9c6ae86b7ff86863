/*
 * The master problem over roster lines in GLPK: a line per free person
 * (convexity rows) and the demand rows with their slack, the rest of the
 * roster held fixed.  Column generation prices each person's line by
 * dynamic programming on the row duals; its Lagrangian bound holds at
 * every iteration.  The same master, with binary columns, gives rosters.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glpk.h>

#include "engine.h"
#include "util.h"

#define NBEST	8		/* columns per person per pricing, most */
#define RC_EPS	1e-6
#define ART	1e8		/* an artificial line: no line at all */

struct col {
	int	 pl;		/* local person */
	double	 cost;
	size_t	 off;		/* its line in lines */
	int	 j;		/* GLPK column */
};

struct eg_cg {
	const struct eg	*eg;
	glp_prob	*lp;
	int		 np;
	int		*pers;		/* local -> person */
	signed char	**fix;		/* per local person */
	unsigned char	**allow;	/* per local person: [d * S + s] */
	int		*art;		/* per local person: GLPK column */
	int		*loc;		/* person -> local, or -1 */
	int		*row1, *row2;	/* per demand row: GLPK rows or 0 */
	int		*nfix;		/* heads of the persons held fixed */
	double		*pi;		/* per demand row: dual */
	double		*mu;		/* per local person: dual */
	double		*rd, *cd, *sd;	/* per GLPK row: dual, centre, smooth */
	double		*pis;		/* per demand row: smoothed dual */
	int		 caprow;
	struct col	*cols;
	int		 ncols, capcols;
	signed char	*lines;
	size_t		 nlines, caplines;
	int		*hash;		/* open addressing: col index + 1 */
	int		 caphash;
	double		*rc;		/* pricing: D * (S + 1) */
	signed char	*outbuf;
	signed char	*out[NBEST];
	double		 val[NBEST];
	int		 solved;	/* the LP holds an optimal basis */
	long		 rounds;
	long		 inexact;	/* pricings the beam cut */
	double		 tlp, tprice;	/* seconds in GLPK, in pricing */
	double		 obj;
};

static unsigned
line_hash(int pl, const signed char *x, int D)
{
	unsigned h = 2166136261u ^ (unsigned)pl;

	for (int d = 0; d < D; d++)
		h = (h ^ (unsigned char)x[d]) * 16777619u;
	return h;
}

static int
find_col(const struct eg_cg *cg, int pl, const signed char *x)
{
	int	 D = cg->eg->D;
	unsigned h = line_hash(pl, x, D) & (unsigned)(cg->caphash - 1);

	for (; cg->hash[h] != 0; h = (h + 1) & (unsigned)(cg->caphash - 1)) {
		const struct col *c = &cg->cols[cg->hash[h] - 1];

		if (c->pl == pl && memcmp(cg->lines + c->off, x, (size_t)D) == 0)
			return cg->hash[h] - 1;
	}
	return -1;
}

static int
rehash(struct eg_cg *cg)
{
	int	 cap = 1024, *h;

	while (cap < 4 * cg->ncols + 4)
		cap *= 2;
	if ((h = tn_calloc((size_t)cap, sizeof *h)) == NULL)
		return -1;
	free(cg->hash);
	cg->hash = h;
	cg->caphash = cap;
	for (int k = 0; k < cg->ncols; k++) {
		const struct col *c = &cg->cols[k];
		unsigned i = line_hash(c->pl, cg->lines + c->off, cg->eg->D) &
		    (unsigned)(cap - 1);

		while (h[i] != 0)
			i = (i + 1) & (unsigned)(cap - 1);
		h[i] = k + 1;
	}
	return 0;
}

/* Adds the line of free person pl (a local index) unless it is there. */
int
eg_cg_add(struct eg_cg *cg, int pl, const signed char *x)
{
	const struct eg	*eg = cg->eg;
	int		 p = cg->pers[pl], D = eg->D, j, n = 0, k;
	int		*ind;
	double		*v;
	struct col	*c;

	if (find_col(cg, pl, x) >= 0)
		return 0;
	k = 0;
	if (grow(&cg->cols, &cg->capcols, cg->ncols + 1, sizeof *cg->cols) ==
	    -1)
		return -1;
	if (cg->nlines + D > cg->caplines) {
		signed char *l = tn_realloc(cg->lines, 2 * (cg->nlines + D));

		if (l == NULL)
			return -1;
		cg->lines = l;
		cg->caplines = 2 * (cg->nlines + D);
	}
	if ((ind = tn_malloc(((size_t)D * 2 + 2) * sizeof *ind)) == NULL ||
	    (v = tn_malloc(((size_t)D * 2 + 2) * sizeof *v)) == NULL) {
		free(ind);
		return -1;
	}
	ind[++n] = pl + 1;
	v[n] = 1;
	for (int d = 0; d < D; d++) {
		size_t i;

		if (x[d] < 0)
			continue;
		i = ((size_t)p * D + d) * eg->S + x[d];
		for (k = eg->covs[i]; k < eg->covs[i + 1]; k++) {
			int q = eg->covl[k];

			if (cg->row1[q]) {
				ind[++n] = cg->row1[q];
				v[n] = 1;
			}
			if (cg->row2[q]) {
				ind[++n] = cg->row2[q];
				v[n] = 1;
			}
		}
	}
	j = glp_add_cols(cg->lp, 1);
	glp_set_col_bnds(cg->lp, j, GLP_LO, 0, 0);	/* <= 1 by its row */
	glp_set_mat_col(cg->lp, j, n, ind, v);
	free(ind);
	free(v);
	c = &cg->cols[cg->ncols];
	c->pl = pl;
	c->cost = eg_line_cost(eg, p, x);
	c->off = cg->nlines;
	c->j = j;
	glp_set_obj_coef(cg->lp, j, c->cost);
	memcpy(cg->lines + cg->nlines, x, (size_t)D);
	cg->nlines += D;
	cg->ncols++;
	if (2 * cg->ncols >= cg->caphash)
		return rehash(cg) == -1 ? -1 : 1;
	{
		unsigned h = line_hash(pl, x, D) & (unsigned)(cg->caphash - 1);

		while (cg->hash[h] != 0)
			h = (h + 1) & (unsigned)(cg->caphash - 1);
		cg->hash[h] = cg->ncols;
	}
	return 1;
}

static void
slack(struct eg_cg *cg, int row, double cost, double sign)
{
	int	 ind[2] = { 0, row }, j = glp_add_cols(cg->lp, 1);
	double	 v[2] = { 0, sign };

	glp_set_col_bnds(cg->lp, j, GLP_LO, 0, 0);
	glp_set_obj_coef(cg->lp, j, cost);
	glp_set_mat_col(cg->lp, j, 1, ind, v);
}

/* The demand rows a free cell can change; the rest are constant. */
static void
cover_rows(struct eg_cg *cg)
{
	const struct eg	*eg = cg->eg;
	unsigned char	*live = tn_calloc((size_t)eg->Q + 1, 1);

	if (live == NULL)
		return;
	for (int pl = 0; pl < cg->np; pl++) {
		int p = cg->pers[pl];

		for (int d = 0; d < eg->D; d++)
			for (int s = 0; s < eg->S; s++) {
				size_t i = ((size_t)p * eg->D + d) * eg->S + s;

				if (cg->fix[pl][d] != EG_FREE &&
				    cg->fix[pl][d] != s)
					continue;
				for (int k = eg->covs[i]; k < eg->covs[i + 1];
				    k++)
					live[eg->covl[k]] = 1;
			}
	}
	for (int q = 0; q < eg->Q; q++) {
		const struct eg_cover *c = &eg->q[q];
		int rhs;

		if (!live[q])
			continue;
		rhs = c->min - cg->nfix[q];
		if (c->max == c->min) {
			cg->row1[q] = glp_add_rows(cg->lp, 1);
			glp_set_row_bnds(cg->lp, cg->row1[q], GLP_FX, rhs, rhs);
			slack(cg, cg->row1[q], c->under, 1);
			slack(cg, cg->row1[q], c->over, -1);
			continue;
		}
		if (rhs > 0) {
			cg->row1[q] = glp_add_rows(cg->lp, 1);
			glp_set_row_bnds(cg->lp, cg->row1[q], GLP_LO, rhs, 0);
			slack(cg, cg->row1[q], c->under, 1);
		}
		if (c->max >= 0) {
			rhs = c->max - cg->nfix[q];
			cg->row2[q] = glp_add_rows(cg->lp, 1);
			glp_set_row_bnds(cg->lp, cg->row2[q], GLP_UP, 0, rhs);
			slack(cg, cg->row2[q], c->over, -1);
		}
	}
	free(live);
}

static void
count_fixed(struct eg_cg *cg, const signed char *const *base)
{
	const struct eg	*eg = cg->eg;

	for (int p = 0; p < eg->P; p++) {
		if (cg->loc[p] >= 0)
			continue;
		for (int d = 0; d < eg->D; d++) {
			size_t i;

			if (base[p][d] < 0)
				continue;
			i = ((size_t)p * eg->D + d) * eg->S + base[p][d];
			for (int k = eg->covs[i]; k < eg->covs[i + 1]; k++)
				cg->nfix[eg->covl[k]]++;
		}
	}
}

/*
 * A master for the persons pers[0..np-1], free on days lo..hi where
 * their locks leave them free; everybody else, and every other day,
 * keeps base.  The base lines of the free persons are its first
 * columns.
 */
struct eg_cg *
eg_cg_new(const struct eg *eg, const int *pers, int np,
    const signed char *const *base, int lo, int hi)
{
	struct eg_cg	*cg;
	size_t		 S1 = (size_t)eg->S + 1;

	if ((cg = tn_calloc(1, sizeof *cg)) == NULL)
		return NULL;
	cg->eg = eg;
	cg->np = np;
	if ((cg->pers = tn_malloc(((size_t)np + 1) * sizeof *cg->pers)) ==
	    NULL || (cg->fix = tn_calloc((size_t)np + 1, sizeof *cg->fix)) ==
	    NULL || (cg->loc = tn_malloc(((size_t)eg->P + 1) *
	    sizeof *cg->loc)) == NULL || (cg->row1 = tn_calloc((size_t)eg->Q +
	    1, sizeof(int))) == NULL || (cg->row2 = tn_calloc((size_t)eg->Q +
	    1, sizeof(int))) == NULL || (cg->nfix = tn_calloc((size_t)eg->Q +
	    1, sizeof(int))) == NULL || (cg->pi = tn_calloc((size_t)eg->Q + 1,
	    sizeof(double))) == NULL || (cg->pis = tn_calloc((size_t)eg->Q + 1,
	    sizeof(double))) == NULL || (cg->mu = tn_calloc((size_t)np + 1,
	    sizeof(double))) == NULL || (cg->rc = tn_malloc((size_t)eg->D *
	    S1 * sizeof(double))) == NULL || (cg->outbuf =
	    tn_malloc((size_t)eg->D * NBEST)) == NULL || rehash(cg) == -1 ||
	    (cg->allow = tn_calloc((size_t)np + 1, sizeof *cg->allow)) ==
	    NULL || (cg->art = tn_calloc((size_t)np + 1, sizeof *cg->art)) ==
	    NULL)
		goto fail;
	for (int k = 0; k < NBEST; k++)
		cg->out[k] = cg->outbuf + (size_t)k * eg->D;
	for (int p = 0; p < eg->P; p++)
		cg->loc[p] = -1;
	for (int k = 0; k < np; k++) {
		cg->pers[k] = pers[k];
		cg->loc[pers[k]] = k;
		if ((cg->fix[k] = tn_malloc((size_t)eg->D + 1)) == NULL ||
		    (cg->allow[k] = tn_malloc((size_t)eg->D * eg->S + 1)) ==
		    NULL)
			goto fail;
		memcpy(cg->allow[k], eg->p[pers[k]].allow, (size_t)eg->D *
		    eg->S);
		memcpy(cg->fix[k], eg->p[pers[k]].fix, (size_t)eg->D);
		for (int d = 0; d < eg->D; d++)
			if ((d < lo || d > hi) && cg->fix[k][d] == EG_FREE)
				cg->fix[k][d] = base[pers[k]][d];
	}
	count_fixed(cg, base);
	cg->lp = glp_create_prob();
	glp_set_obj_dir(cg->lp, GLP_MIN);
	glp_add_rows(cg->lp, np);
	for (int k = 0; k < np; k++)
		glp_set_row_bnds(cg->lp, k + 1, GLP_FX, 1, 1);
	cover_rows(cg);
	for (int k = 0; k < np; k++) {
		int ind[2] = { 0, k + 1 };
		double v[2] = { 0, 1 };

		cg->art[k] = glp_add_cols(cg->lp, 1);
		glp_set_col_bnds(cg->lp, cg->art[k], GLP_LO, 0, 0);
		glp_set_obj_coef(cg->lp, cg->art[k], ART);
		glp_set_mat_col(cg->lp, cg->art[k], 1, ind, v);
		if (eg_cg_add(cg, k, base[pers[k]]) == -1)
			goto fail;
	}
	return cg;
fail:
	eg_cg_free(cg);
	return NULL;
}

void
eg_cg_free(struct eg_cg *cg)
{
	if (cg == NULL)
		return;
	if (cg->lp != NULL)
		glp_delete_prob(cg->lp);
	for (int k = 0; cg->fix != NULL && k < cg->np; k++)
		free(cg->fix[k]);
	for (int k = 0; cg->allow != NULL && k < cg->np; k++)
		free(cg->allow[k]);
	free(cg->fix);
	free(cg->allow);
	free(cg->art);
	free(cg->pers);
	free(cg->loc);
	free(cg->row1);
	free(cg->row2);
	free(cg->nfix);
	free(cg->pi);
	free(cg->mu);
	free(cg->rd);
	free(cg->cd);
	free(cg->sd);
	free(cg->pis);
	free(cg->cols);
	free(cg->lines);
	free(cg->hash);
	free(cg->rc);
	free(cg->outbuf);
	free(cg);
}

/* Solves the LP; 0 with the objective in *obj, -1 when GLPK fails. */
int
eg_cg_solve(struct eg_cg *cg, double deadline, double *obj)
{
	glp_smcp	 parm;
	int		 rc, m;

	glp_init_smcp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	/* primal, also after new bounds: on the dive's degenerate masters
	   (Instance12) the dual simplex took seconds where it takes tenths */
	parm.meth = GLP_PRIMAL;
	if (deadline > 0) {
		double left = deadline - sv_now();

		parm.tm_lim = left > 0.01 ? (int)(left * 1000) : 10;
	}
	rc = glp_simplex(cg->lp, &parm);
	if (rc != 0 && rc != GLP_ETMLIM && rc != GLP_EITLIM) {
		glp_adv_basis(cg->lp, 0);
		rc = glp_simplex(cg->lp, &parm);
	}
	cg->solved = rc == 0 && glp_get_status(cg->lp) == GLP_OPT;
	if (!cg->solved)
		return -1;
	*obj = cg->obj = glp_get_obj_val(cg->lp);
	m = glp_get_num_rows(cg->lp);
	if (m + 1 > cg->caprow) {
		free(cg->rd);
		free(cg->cd);
		free(cg->sd);
		cg->rd = tn_calloc((size_t)m + 1, sizeof *cg->rd);
		cg->cd = tn_calloc((size_t)m + 1, sizeof *cg->cd);
		cg->sd = tn_calloc((size_t)m + 1, sizeof *cg->sd);
		cg->caprow = m + 1;
		if (cg->rd == NULL || cg->cd == NULL || cg->sd == NULL) {
			cg->caprow = 0;
			return -1;
		}
	}
	for (int i = 1; i <= m; i++)
		cg->rd[i] = glp_get_row_dual(cg->lp, i);
	for (int q = 0; q < cg->eg->Q; q++)
		cg->pi[q] = (cg->row1[q] ? glp_get_row_dual(cg->lp, cg->row1[q]) :
		    0) + (cg->row2[q] ? glp_get_row_dual(cg->lp, cg->row2[q]) :
		    0);
	for (int k = 0; k < cg->np; k++)
		cg->mu[k] = glp_get_row_dual(cg->lp, k + 1);
	return 0;
}

/* Cell costs less the duals of the rows each cell fills. */
static void
reduced(struct eg_cg *cg, int k, const double *pi)
{
	const struct eg	*eg = cg->eg;
	int		 p = cg->pers[k], S1 = eg->S + 1;

	memcpy(cg->rc, eg->p[p].cost, (size_t)eg->D * S1 * sizeof *cg->rc);
	for (int d = 0; d < eg->D; d++)
		for (int s = 0; s < eg->S; s++) {
			size_t i = ((size_t)p * eg->D + d) * eg->S + s;
			double *r = &cg->rc[d * S1 + s + 1];

			for (int j = eg->covs[i]; j < eg->covs[i + 1]; j++)
				*r -= pi[eg->covl[j]];
		}
}

/* The reduced cost of local person k's line x at the LP's duals. */
static double
line_rc(const struct eg_cg *cg, int k, const signed char *x)
{
	const struct eg	*eg = cg->eg;
	int		 p = cg->pers[k];
	double		 v = eg_line_cost(eg, p, x) - cg->mu[k];

	for (int d = 0; d < eg->D; d++) {
		size_t i;

		if (x[d] < 0)
			continue;
		i = ((size_t)p * eg->D + d) * eg->S + x[d];
		for (int j = eg->covs[i]; j < eg->covs[i + 1]; j++)
			v -= cg->pi[eg->covl[j]];
	}
	return v;
}

/* The reduced cost of line x at the duals pi, mu, if below 0, else 0. */
static double
line_rc_at(const struct eg_cg *cg, int k, const signed char *x,
    const double *pi, double mu)
{
	const struct eg	*eg = cg->eg;
	int		 p = cg->pers[k];
	double		 v = eg_line_cost(eg, p, x) - mu;

	for (int d = 0; d < eg->D; d++) {
		size_t i;

		if (x[d] < 0)
			continue;
		i = ((size_t)p * eg->D + d) * eg->S + x[d];
		for (int j = eg->covs[i]; j < eg->covs[i + 1]; j++)
			v -= pi[eg->covl[j]];
	}
	return v < 0 ? v : 0;
}

/*
 * Duals a * centre + (1 - a) * LP into sd and pis; returns their
 * Lagrangian constant: the rows' duals times their right-hand sides.
 */
static double
smooth(struct eg_cg *cg, double a)
{
	int	 m = glp_get_num_rows(cg->lp);
	double	 L = 0;

	for (int i = 1; i <= m; i++) {
		int t = glp_get_row_type(cg->lp, i);

		cg->sd[i] = a * cg->cd[i] + (1 - a) * cg->rd[i];
		L += cg->sd[i] * (t == GLP_UP ? glp_get_row_ub(cg->lp, i) :
		    glp_get_row_lb(cg->lp, i));
	}
	for (int q = 0; q < cg->eg->Q; q++)
		cg->pis[q] = (cg->row1[q] ? cg->sd[cg->row1[q]] : 0) +
		    (cg->row2[q] ? cg->sd[cg->row2[q]] : 0);
	return L;
}

/*
 * One round of pricing at the duals smoothed by a: lines that price out
 * at the LP's duals go in.  *L gets the Lagrangian bound at the
 * smoothed duals.  Returns the lines added, -1 on failure, -2 at the
 * deadline.
 */
static int
price_round(struct eg_cg *cg, struct eg_dp *dp, double a, double deadline,
    double *L)
{
	const struct eg	*eg = cg->eg;
	int		 added = 0;

	*L = smooth(cg, a);
	for (int k = 0; k < cg->np; k++) {
		double mus = cg->sd[k + 1];
		int n;

		if (memchr(cg->fix[k], EG_FREE, (size_t)eg->D) == NULL &&
		    find_col(cg, k, cg->fix[k]) >= 0) {
			/* a fixed line, a column already: its rc is >= 0 */
			*L += line_rc_at(cg, k, cg->fix[k], cg->pis, mus);
			continue;
		}

		reduced(cg, k, cg->pis);
		n = eg_dp_price(dp, cg->pers[k], cg->rc, cg->fix[k],
		    cg->allow[k], mus, cg->out, cg->val, cg->np < 8 ? NBEST :
		    2);
		if (n < 0)
			return -1;
		if (!eg_dp_exact(dp)) {
			*L = -EG_INF;		/* no bound from this round */
			cg->inexact++;
		}
		if (n > 0)
			*L += cg->val[0] - mus;
		for (int j = 0; j < n; j++)
			if (line_rc(cg, k, cg->out[j]) < -RC_EPS) {
				int r = eg_cg_add(cg, k, cg->out[j]);

				if (r == -1)
					return -1;
				added += r;
			}
		if ((deadline > 0 && sv_now() >= deadline) ||
		    (eg->sv->opts->stop != NULL && *eg->sv->opts->stop))
			return -2;
	}
	return added;
}

/*
 * Column generation until no line prices out, the bound reaches ub, or
 * the deadline, with the duals smoothed towards those of the best bound
 * so far (Wentges), which cuts the rounds a degenerate master takes.
 * *lp is the master's value, *lb the best Lagrangian bound seen
 * (-EG_INF when none).  Returns 1 when the LP is optimal, 0 when the
 * bound reached ub, 2 at the deadline, -1 on failure.
 */
int
eg_cg_run(struct eg_cg *cg, struct eg_dp *dp, double deadline, double ub,
    double *lp, double *lb)
{
	return eg_cg_rounds(cg, dp, deadline, ub, -1, lp, lb);
}

/* The same, after at most max rounds (-1: no limit): 3 when cut. */
int
eg_cg_rounds(struct eg_cg *cg, struct eg_dp *dp, double deadline, double ub,
    long max, double *lp, double *lb)
{
	const struct eg	*eg = cg->eg;
	int		 centred = 0;
	double		 alpha = 0.5, t;

	*lb = -EG_INF;
	for (;;) {
		double a, L;
		int added;

		t = sv_now();
		if (eg_cg_solve(cg, deadline, lp) == -1)
			return deadline > 0 && sv_now() >= deadline ? 2 : -1;
		cg->tlp += sv_now() - t;
		cg->rounds++;
		for (a = centred ? alpha : 0;; a = 0) {
			t = sv_now();
			added = price_round(cg, dp, a, deadline, &L);
			cg->tprice += sv_now() - t;
			if (added < 0)
				return added == -2 ? 2 : -1;
			if (L > *lb) {
				*lb = L;
				memcpy(cg->cd, cg->sd, (size_t)cg->caprow *
				    sizeof *cg->cd);
				centred = 1;
			}
			if (added > 0 || a == 0)
				break;
		}
		if (added == 0)
			return 1;
		if (*lb >= ub - (eg->integral ? 1 - 1e-6 : 1e-6))
			return 0;
		if (max >= 0 && --max <= 0) {
			if (eg_cg_solve(cg, deadline, lp) == -1)
				return -1;
			return 3;
		}
	}
}

/* ----------------------------------------------------------- integers */

struct heur {
	struct eg_cg	*cg;
	const double	*x;
	int		 done;
	double		 deadline;
	volatile sig_atomic_t *stop;
};

static void
mip_cb(glp_tree *T, void *info)
{
	struct heur	*h = info;

	if ((h->deadline > 0 && sv_now() >= h->deadline) ||
	    (h->stop != NULL && *h->stop))
		glp_ios_terminate(T);
	if (glp_ios_reason(T) == GLP_IHEUR && !h->done && h->x != NULL) {
		h->done = 1;
		glp_ios_heur_sol(T, h->x);
	}
}

/* The incumbent as a vector of the master's columns, slacks included. */
static double *
start_vector(struct eg_cg *cg, const struct eg_sol *inc)
{
	int	 n = glp_get_num_cols(cg->lp), m = glp_get_num_rows(cg->lp);
	double	*x = tn_calloc((size_t)n + 1, sizeof *x);
	double	*act = tn_calloc((size_t)m + 1, sizeof *act);
	int	*ind = tn_malloc(((size_t)m + 1) * sizeof *ind);
	double	*val = tn_malloc(((size_t)m + 1) * sizeof *val);

	if (x == NULL || act == NULL || ind == NULL || val == NULL)
		goto fail;
	for (int k = 0; k < cg->np; k++) {
		int c = find_col(cg, k, inc->x[cg->pers[k]]), len;

		if (c < 0)
			goto fail;
		x[cg->cols[c].j] = 1;
		len = glp_get_mat_col(cg->lp, cg->cols[c].j, ind, val);
		for (int t = 1; t <= len; t++)
			act[ind[t]] += val[t];
	}
	for (int j = 1; j <= n; j++) {
		int len;

		if (glp_get_col_kind(cg->lp, j) != GLP_CV)
			continue;
		len = glp_get_mat_col(cg->lp, j, ind, val);
		if (len != 1)
			continue;
		/* a slack: under (+1) fills the row up, over (-1) down */
		{
			int i = ind[1], t = glp_get_row_type(cg->lp, i);
			double lo = glp_get_row_lb(cg->lp, i);
			double hi = glp_get_row_ub(cg->lp, i);

			if (val[1] > 0 && (t == GLP_FX || t == GLP_LO) &&
			    act[i] < lo)
				x[j] = lo - act[i];
			if (val[1] < 0 && (t == GLP_FX || t == GLP_UP) &&
			    act[i] > hi)
				x[j] = act[i] - hi;
		}
	}
	free(act);
	free(ind);
	free(val);
	return x;
fail:
	free(x);
	free(act);
	free(ind);
	free(val);
	return NULL;
}

/*
 * The master with binary columns, from the LP's basis, until the
 * deadline; the incumbent (its lines must be columns) starts it.  The
 * chosen lines of the free persons go into out.  Returns 1 when the
 * master was solved to optimality, 0 otherwise, -1 on failure.
 */
int
eg_cg_mip(struct eg_cg *cg, double deadline, const struct eg_sol *inc,
    struct eg_sol *out)
{
	glp_iocp	 parm;
	struct heur	 h = { .cg = cg, .deadline = deadline,
			    .stop = cg->eg->sv->opts->stop };
	double		*x = NULL, lp;
	int		 rc, st, opt = 0;

	if (!cg->solved && eg_cg_solve(cg, deadline, &lp) == -1)
		return 0;		/* no LP in the time: no roster */
	/* the incumbent may hold lines a descent found after the pricing */
	for (int k = 0; inc != NULL && k < cg->np; k++)
		if (eg_cg_add(cg, k, inc->x[cg->pers[k]]) == -1)
			return -1;
	for (int k = 0; k < cg->ncols; k++)
		glp_set_col_kind(cg->lp, cg->cols[k].j, GLP_BV);
	if (inc != NULL && (x = start_vector(cg, inc)) == NULL)
		return -1;
	h.x = x;
	glp_init_iocp(&parm);
	parm.msg_lev = GLP_MSG_OFF;
	parm.presolve = GLP_OFF;
	parm.cb_func = mip_cb;
	parm.cb_info = &h;
	parm.clq_cuts = GLP_ON;
	if (deadline > 0) {
		double left = deadline - sv_now();

		parm.tm_lim = left > 0.01 ? (int)(left * 1000) : 10;
	}
	rc = glp_intopt(cg->lp, &parm);
	st = glp_mip_status(cg->lp);
	if ((rc == 0 || rc == GLP_ETMLIM || rc == GLP_ESTOP) &&
	    (st == GLP_OPT || st == GLP_FEAS)) {
		opt = rc == 0 && st == GLP_OPT;
		for (int k = 0; k < cg->ncols; k++)
			if (glp_mip_col_val(cg->lp, cg->cols[k].j) > 0.5)
				memcpy(out->x[cg->pers[cg->cols[k].pl]],
				    cg->lines + cg->cols[k].off,
				    (size_t)cg->eg->D);
	} else
		opt = -2;
	for (int k = 0; k < cg->ncols; k++) {
		glp_set_col_kind(cg->lp, cg->cols[k].j, GLP_CV);
		glp_set_col_bnds(cg->lp, cg->cols[k].j, GLP_LO, 0, 0);
	}
	free(x);
	return opt == -2 ? 0 : opt;
}

/* The master's objective at the lines of inc: its free persons' lines
   and the demand rows they can change. */
double
eg_cg_value(const struct eg_cg *cg, const struct eg_sol *inc)
{
	const struct eg	*eg = cg->eg;
	int		*n = tn_calloc((size_t)eg->Q + 1, sizeof *n);
	double		 sum = 0;

	if (n == NULL)
		return EG_INF;
	memcpy(n, cg->nfix, (size_t)eg->Q * sizeof *n);
	for (int k = 0; k < cg->np; k++) {
		int p = cg->pers[k];
		const signed char *x = inc->x[p];

		sum += eg_line_cost(eg, p, x);
		for (int d = 0; d < eg->D; d++) {
			size_t i;

			if (x[d] < 0)
				continue;
			i = ((size_t)p * eg->D + d) * eg->S + x[d];
			for (int j = eg->covs[i]; j < eg->covs[i + 1]; j++)
				n[eg->covl[j]]++;
		}
	}
	for (int q = 0; q < eg->Q; q++)
		if (cg->row1[q] || cg->row2[q])
			sum += eg_cover_pen(&eg->q[q], n[q]);
	free(n);
	return sum;
}

int
eg_cg_size(const struct eg_cg *cg)
{
	return cg->ncols;
}

/* What column generation took, for -v. */
void
eg_cg_stats(const struct eg_cg *cg, long *rounds, double *tlp,
    double *tprice)
{
	*rounds = cg->rounds;
	*tlp = cg->tlp;
	*tprice = cg->tprice;
}

/* ----------------------------------------------------- branch and price */

struct bp {
	struct eg_cg	*cg;
	struct eg_dp	*dp;
	double		 deadline;
	double		 ub;		/* the best integer master value */
	struct eg_sol	*out;		/* its lines */
	int		 found;
	int		 stopped;
	long		 nodes, maxnodes;
	double		 root;		/* the root's bound */
	double		*v;		/* [(k * D + d) * S + s]: cell values */
};

/* Whether column c keeps the node's fixed and banned cells. */
static int
col_ok(const struct eg_cg *cg, const struct col *c)
{
	const signed char *x = cg->lines + c->off;
	const signed char *fx = cg->fix[c->pl];
	const unsigned char *al = cg->allow[c->pl];
	int	 S = cg->eg->S;

	for (int d = 0; d < cg->eg->D; d++) {
		if (fx[d] != EG_FREE && fx[d] != x[d])
			return 0;
		if (fx[d] == EG_FREE && x[d] >= 0 && !al[d * S + x[d]])
			return 0;
	}
	return 1;
}

static void
node_bounds(struct eg_cg *cg)
{
	for (int k = 0; k < cg->ncols; k++) {
		int j = cg->cols[k].j;

		if (col_ok(cg, &cg->cols[k]))
			glp_set_col_bnds(cg->lp, j, GLP_LO, 0, 0);
		else
			glp_set_col_bnds(cg->lp, j, GLP_FX, 0, 0);
	}
	cg->solved = 0;
}

/*
 * Deletes the lines the fixings rule out that are not in the basis (the
 * basis stays valid): GLPK's pricing scans every column, so a dive that
 * keeps them slows down as it goes.
 */
static int
purge(struct eg_cg *cg)
{
	int	 n = glp_get_num_cols(cg->lp), nd = 0, w = 0;
	int	*del = tn_malloc(((size_t)n + 2) * sizeof *del);
	int	*shift = tn_calloc((size_t)n + 2, sizeof *shift);

	if (del == NULL || shift == NULL) {
		free(del);
		free(shift);
		return -1;
	}
	for (int k = 0; k < cg->ncols; k++) {
		int j = cg->cols[k].j;

		if (!col_ok(cg, &cg->cols[k]) &&
		    glp_get_col_stat(cg->lp, j) != GLP_BS) {
			del[++nd] = j;
			shift[j] = -1;
		}
	}
	if (nd == 0)
		goto out;
	glp_del_cols(cg->lp, nd, del);
	for (int j = 1, gone = 0; j <= n; j++) {
		if (shift[j] < 0)
			gone++;
		else
			shift[j] = gone;
	}
	for (int k = 0; k < cg->ncols; k++) {
		struct col *c = &cg->cols[k];

		if (shift[c->j] < 0)
			continue;
		c->j -= shift[c->j];
		cg->cols[w++] = *c;
	}
	cg->ncols = w;
	for (int k = 0; k < cg->np; k++)
		cg->art[k] -= shift[cg->art[k]];
	if (rehash(cg) == -1)
		nd = -1;
out:
	free(del);
	free(shift);
	return nd < 0 ? -1 : 0;
}

/* The LP's value of each cell; the most fractional one in *bk. */
static int
fractional(struct bp *b, int *bk, int *bd, int *bs, double *bv)
{
	struct eg_cg	*cg = b->cg;
	const struct eg	*eg = cg->eg;
	size_t		 n = (size_t)cg->np * eg->D * eg->S;
	double		 best = 2;

	memset(b->v, 0, n * sizeof *b->v);
	for (int k = 0; k < cg->np; k++)
		if (glp_get_col_prim(cg->lp, cg->art[k]) > 1e-6)
			return -1;		/* no line keeps the node */
	for (int c = 0; c < cg->ncols; c++) {
		double lam = glp_get_col_prim(cg->lp, cg->cols[c].j);
		const signed char *x = cg->lines + cg->cols[c].off;

		if (lam < 1e-9)
			continue;
		for (int d = 0; d < eg->D; d++)
			if (x[d] >= 0)
				b->v[((size_t)cg->cols[c].pl * eg->D + d) *
				    eg->S + x[d]] += lam;
	}
	*bk = -1;
	for (int k = 0; k < cg->np; k++)
		for (int d = 0; d < eg->D; d++)
			for (int s = 0; s < eg->S; s++) {
				double v = b->v[((size_t)k * eg->D + d) * eg->S +
				    s], f = fabs(v - 0.5);

				if (v < 1e-6 || v > 1 - 1e-6 || f >= best)
					continue;
				best = f;
				*bk = k;
				*bd = d;
				*bs = s;
				*bv = v;
			}
	return *bk >= 0;
}

/* The node's LP is integral: its lines are a roster of value lp. */
static void
take_integral(struct bp *b, double lp)
{
	struct eg_cg	*cg = b->cg;
	const struct eg	*eg = cg->eg;

	for (int c = 0; c < cg->ncols; c++)
		if (glp_get_col_prim(cg->lp, cg->cols[c].j) > 0.5)
			memcpy(b->out->x[cg->pers[cg->cols[c].pl]],
			    cg->lines + cg->cols[c].off, (size_t)eg->D);
	b->ub = lp;
	b->found = 1;
	eg_log(eg, "branch and price: a roster of %.2f after %ld nodes", lp,
	    b->nodes);
}

static int
bp_node(struct bp *b, int depth)
{
	struct eg_cg	*cg = b->cg;
	const struct eg	*eg = cg->eg;
	double		 lp, lb, v;
	int		 rc, k, d, s, f, first;
	signed char	 keep;

	if (b->nodes >= b->maxnodes || sv_now() >= b->deadline) {
		b->stopped = 1;
		return 0;
	}
	b->nodes++;
	node_bounds(cg);
	rc = eg_cg_run(cg, b->dp, b->deadline, b->ub, &lp, &lb);
	if (depth == 0)
		b->root = rc == 1 ? lp : lb;
	if (rc == 2 || rc < 0) {
		b->stopped = 1;
		return rc < 0 ? -1 : 0;
	}
	if (rc == 0 || lp >= b->ub - (eg->integral ? 1 - 1e-6 : 1e-6))
		return 0;
	if ((f = fractional(b, &k, &d, &s, &v)) < 0)
		return 0;
	if (f == 0) {
		take_integral(b, lp);
		return 0;
	}
	first = v >= 0.5;
	for (int child = 0; child < 2; child++) {
		int fixit = child == 0 ? first : !first;

		if (fixit) {
			keep = cg->fix[k][d];
			cg->fix[k][d] = (signed char)s;
		} else
			cg->allow[k][d * eg->S + s] = 0;
		rc = bp_node(b, depth + 1);
		if (fixit)
			cg->fix[k][d] = keep;
		else
			cg->allow[k][d * eg->S + s] = 1;
		if (rc < 0 || b->stopped)
			return rc;
	}
	return 0;
}

/*
 * Branch and price on the cells (a person works shift s on day d, or
 * does not), depth first, the LP's side first, until the tree is done,
 * the deadline or maxnodes.  inc (with value ub, the master's value at
 * it) is the incumbent; a better roster goes into out.  *root gets the
 * root's bound.  Returns 1 when the tree was done (out or inc is
 * optimal), 0 when stopped, -1 on failure.
 */
int
eg_cg_bp(struct eg_cg *cg, struct eg_dp *dp, double deadline, long maxnodes,
    double ub, struct eg_sol *out, int *found, double *root)
{
	struct bp	 b = { .cg = cg, .dp = dp, .deadline = deadline,
			    .ub = ub, .out = out, .maxnodes = maxnodes,
			    .root = -EG_INF };
	int		 rc;

	if ((b.v = tn_malloc(((size_t)cg->np * cg->eg->D * cg->eg->S + 1) *
	    sizeof *b.v)) == NULL)
		return -1;
	rc = bp_node(&b, 0);
	free(b.v);
	node_bounds(cg);
	*found = b.found;
	*root = b.root;
	eg_log(cg->eg, "branch and price: %ld nodes, %s", b.nodes, rc < 0 ?
	    "failed" : b.stopped ? "stopped" : "done");
	if (rc < 0)
		return -1;
	return b.stopped || cg->inexact > 0 ? 0 : 1;
}

/* ------------------------------------------------------------- diving */

/*
 * Fixes lines, most chosen first, and prices again until every free
 * person has one: a roster near the LP's value, fast.  The lines fixed
 * go into out, and where the deadline or a dead end stops the dive,
 * the lines the last LP chose most (out's other lines stay: out is
 * still a roster).  Returns 1 when it changed out, 0 when not, -1 on
 * failure.  The master's fixings are undone at the end.
 */
int
eg_cg_dive(struct eg_cg *cg, struct eg_dp *dp, double deadline,
    struct eg_sol *out)
{
	const struct eg	*eg = cg->eg;
	signed char	**keep, *pick;
	unsigned char	*done;
	double		*best, lp, lb;
	int		*bc, left = cg->np, rc = 0;

	keep = tn_calloc((size_t)cg->np + 1, sizeof *keep);
	done = tn_calloc((size_t)cg->np + 1, 1);
	best = tn_malloc(((size_t)cg->np + 1) * sizeof *best);
	bc = tn_malloc(((size_t)cg->np + 1) * sizeof *bc);
	pick = tn_malloc((size_t)cg->np * eg->D + 1);
	if (keep == NULL || done == NULL || best == NULL || bc == NULL ||
	    pick == NULL)
		goto fail;
	for (int k = 0; k < cg->np; k++) {
		if ((keep[k] = tn_malloc((size_t)eg->D + 1)) == NULL)
			goto fail;
		memcpy(keep[k], cg->fix[k], (size_t)eg->D);
	}
	memset(pick, EG_FREE, (size_t)cg->np * eg->D);
	while (left > 0) {
		int r, nfix = 0, top = -1;

		node_bounds(cg);
		if (purge(cg) == -1)
			goto fail;
		r = eg_cg_rounds(cg, dp, deadline, EG_INF, 6, &lp, &lb);
		if (r < 0 || r == 2)
			break;
		for (int k = 0; k < cg->np; k++)
			if (glp_get_col_prim(cg->lp, cg->art[k]) > 1e-6) {
				eg_log(eg, "dive: no line for a person with %d "
				    "left", left);
				goto out;	/* a fixed line left no room */
			}
		for (int k = 0; k < cg->np; k++)
			best[k] = -1;
		for (int c = 0; c < cg->ncols; c++) {
			double lam = glp_get_col_prim(cg->lp, cg->cols[c].j);
			int k = cg->cols[c].pl;

			if (!done[k] && lam > best[k]) {
				best[k] = lam;
				bc[k] = c;
			}
		}
		for (int k = 0; k < cg->np; k++)
			if (!done[k] && best[k] >= 0)
				memcpy(pick + (size_t)k * eg->D, cg->lines +
				    cg->cols[bc[k]].off, (size_t)eg->D);
		/* the lines chosen most: those at 1, and a fifth of the rest */
		for (int n = 0; n < (left + 4) / 5; n++) {
			top = -1;
			for (int k = 0; k < cg->np; k++)
				if (!done[k] && best[k] >= 0 && best[k] < 0.99 &&
				    best[k] <= 1 && (top < 0 ||
				    best[k] > best[top]))
					top = k;
			if (top >= 0)
				best[top] += 2;		/* marked */
		}
		for (int k = 0; k < cg->np; k++) {
			if (done[k] || best[k] < 0.99)
				continue;
			memcpy(cg->fix[k], cg->lines + cg->cols[bc[k]].off,
			    (size_t)eg->D);
			done[k] = 1;
			left--;
			nfix++;
		}
		eg_log(eg, "dive: LP %.2f (%s), %d fixed, %d left; %ld rounds "
		    "%.2f s GLPK %.2f s pricing", lp, r == 1 ? "done" :
		    "cut", nfix, left, cg->rounds, cg->tlp, cg->tprice);
		if (nfix == 0)
			break;
	}
out:
	/* the lines fixed so far, then the others' most chosen lines of
	   the last LP (when the time cut the dive); the rest keep out's */
	for (int k = 0; k < cg->np; k++)
		if (done[k]) {
			memcpy(out->x[cg->pers[k]], cg->fix[k], (size_t)eg->D);
			rc = 1;
		} else if (pick[(size_t)k * eg->D] != EG_FREE) {
			memcpy(out->x[cg->pers[k]], pick + (size_t)k * eg->D,
			    (size_t)eg->D);
			rc = 1;
		}
	for (int k = 0; k < cg->np; k++)
		memcpy(cg->fix[k], keep[k], (size_t)eg->D);
	node_bounds(cg);
	goto done_free;
fail:
	rc = -1;
done_free:
	if (keep != NULL)
		for (int k = 0; k < cg->np; k++)
			free(keep[k]);
	free(keep);
	free(done);
	free(best);
	free(bc);
	free(pick);
	return rc;
}
