/*
 * The compact model of the line engine's problem, for teaching and for
 * other solvers (glpsol, CBC): a binary per person, day and shift, the
 * rules as rows, the demand rows with their slack.  For an imported
 * benchmark it is the benchmark's own MIP, and its objective is the
 * benchmark's (a column fixed at 1 carries the constant).
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glpk.h>

#include "engine.h"
#include "i18n.h"
#include "util.h"

struct lpm {
	struct eg	*eg;
	glp_prob	*P;
	int		*x;		/* [(p * D + d) * S + s], 0 none */
	int		*ind;
	double		*val;
	int		 n;
};

static int
X(const struct lpm *m, int p, int d, int s)
{
	return m->x[((size_t)p * m->eg->D + d) * m->eg->S + s];
}

static const char *
pid(const struct lpm *m, int p)
{
	return m->eg->c->persons[m->eg->sv->rows[p].person].id;
}

static const char *
code(const struct lpm *m, int s)
{
	return m->eg->c->shifts[m->eg->code[s]].code;
}

static int
col(struct lpm *m, const char *name, int kind, double lo, double hi,
    double obj)
{
	int	 j = glp_add_cols(m->P, 1);

	glp_set_col_name(m->P, j, name);
	glp_set_col_kind(m->P, j, kind);
	glp_set_col_bnds(m->P, j, lo == hi ? GLP_FX : hi >= 1e30 ? GLP_LO :
	    GLP_DB, lo, hi);
	glp_set_obj_coef(m->P, j, obj);
	return j;
}

static void
term(struct lpm *m, int j, double v)
{
	if (j > 0) {
		m->ind[++m->n] = j;
		m->val[m->n] = v;
	}
}

/* The day's shifts of p, as terms with coefficient v (w[p][d]). */
static void
day_terms(struct lpm *m, int p, int d, double v)
{
	for (int s = 0; s < m->eg->S; s++)
		term(m, X(m, p, d, s), v);
}

static void
row(struct lpm *m, const char *name, int type, double lo, double hi)
{
	int	 i;

	if (m->n == 0)
		return;
	i = glp_add_rows(m->P, 1);
	glp_set_row_name(m->P, i, name);
	glp_set_row_bnds(m->P, i, type, lo, hi);
	glp_set_mat_row(m->P, i, m->n, m->ind, m->val);
	m->n = 0;
}

static double
columns(struct lpm *m)
{
	struct eg	*eg = m->eg;
	char		 b[256];
	double		 c0 = 0;
	int		 S1 = eg->S + 1;

	for (int p = 0; p < eg->P; p++)
		for (int d = 0; d < eg->D; d++) {
			const double *cd = eg->p[p].cost + (size_t)d * S1;
			int fx = eg->p[p].fix[d];

			c0 += cd[0];
			for (int s = 0; s < eg->S; s++) {
				if ((fx != EG_FREE && fx != s) ||
				    (fx == EG_FREE &&
				    !eg->p[p].allow[d * eg->S + s]))
					continue;
				snprintf(b, sizeof b, "x_%s_%d_%s", pid(m, p),
				    d + 1, code(m, s));
				m->x[((size_t)p * eg->D + d) * eg->S + s] =
				    col(m, b, GLP_BV, fx == s, 1, cd[s + 1] -
				    cd[0]);
			}
		}
	return c0;
}

static void
person_rows(struct lpm *m, int p)
{
	struct eg	*eg = m->eg;
	const struct eg_person *e = &eg->p[p];
	const char	*id = pid(m, p);
	char		 b[256];

	for (int d = 0; d < eg->D; d++) {
		day_terms(m, p, d, 1);
		snprintf(b, sizeof b, "one_%s_%d", id, d + 1);
		row(m, b, GLP_UP, 0, 1);
		for (int s = 0; s < eg->S && d + 1 < eg->D; s++)
			for (int u = 0; u < eg->S; u++) {
				if (!eg->follow[s * eg->S + u] ||
				    !X(m, p, d, s) || !X(m, p, d + 1, u))
					continue;
				term(m, X(m, p, d, s), 1);
				term(m, X(m, p, d + 1, u), 1);
				snprintf(b, sizeof b, "order_%s_%d_%s_%s", id,
				    d + 1, code(m, s), code(m, u));
				row(m, b, GLP_UP, 0, 1);
			}
	}
	for (int s = 0; s < eg->S; s++) {
		if (e->maxs[s] < 0)
			continue;
		for (int d = 0; d < eg->D; d++)
			term(m, X(m, p, d, s), 1);
		snprintf(b, sizeof b, "most_%s_%s", id, code(m, s));
		row(m, b, GLP_UP, 0, e->maxs[s]);
	}
	for (int d = 0; d < eg->D; d++)
		for (int s = 0; s < eg->S; s++)
			term(m, X(m, p, d, s), (double)eg->len[s] * eg->unit);
	snprintf(b, sizeof b, "minutes_%s", id);
	if (e->mmin > 0)
		row(m, b, GLP_DB, (double)e->mmin * eg->unit,
		    (double)e->mmax * eg->unit);
	else
		row(m, b, GLP_UP, 0, (double)e->mmax * eg->unit);
}

/* Runs: the README's windows and forbidden patterns. */
static void
run_rows(struct lpm *m, int p)
{
	struct eg	*eg = m->eg;
	const struct eg_person *e = &eg->p[p];
	const char	*id = pid(m, p);
	char		 b[256];
	int		 D = eg->D;

	for (int d = 0; e->cmax < D && d + e->cmax < D; d++) {
		for (int j = d; j <= d + e->cmax; j++)
			day_terms(m, p, j, 1);
		snprintf(b, sizeof b, "maxrun_%s_%d", id, d + 1);
		row(m, b, GLP_UP, 0, e->cmax);
	}
	for (int s = 1; s < e->cmin; s++)
		for (int d = 0; d + s + 1 <= D - 1; d++) {
			day_terms(m, p, d, -1);
			for (int j = d + 1; j <= d + s; j++)
				day_terms(m, p, j, 1);
			day_terms(m, p, d + s + 1, -1);
			snprintf(b, sizeof b, "minrun_%s_%d_%d", id, d + 1, s);
			row(m, b, GLP_UP, 0, s - 1);
		}
	for (int s = 1; s < e->omin; s++)
		for (int d = 0; d + s + 1 <= D - 1; d++) {
			day_terms(m, p, d, 1);
			for (int j = d + 1; j <= d + s; j++)
				day_terms(m, p, j, -1);
			day_terms(m, p, d + s + 1, 1);
			snprintf(b, sizeof b, "minoff_%s_%d_%d", id, d + 1, s);
			row(m, b, GLP_UP, 0, 1);
		}
}

static void
weekend_rows(struct lpm *m, int p)
{
	struct eg	*eg = m->eg;
	const char	*id = pid(m, p);
	char		 b[256];
	int		*y, k = 0;

	if (eg->p[p].maxwk < 0 || (y = tn_calloc((size_t)eg->nweekends + 1,
	    sizeof *y)) == NULL)
		return;
	for (int d = 0; d < eg->D; d++) {
		if (eg->wkday[d] != 1)
			continue;
		snprintf(b, sizeof b, "y_%s_%d", id, k + 1);
		y[k] = col(m, b, GLP_BV, 0, 1, 0);
		for (int j = d; j <= d + 1; j++) {
			term(m, y[k], 1);
			day_terms(m, p, j, -1);
			snprintf(b, sizeof b, "weekend_%s_%d_%d", id, k + 1,
			    j - d + 1);
			row(m, b, GLP_LO, 0, 0);
		}
		k++;
	}
	for (int i = 0; i < k; i++)
		term(m, y[i], 1);
	snprintf(b, sizeof b, "weekends_%s", id);
	row(m, b, GLP_UP, 0, eg->p[p].maxwk);
	free(y);
}

static void
cover_rows(struct lpm *m)
{
	struct eg	*eg = m->eg;
	char		 b[256];

	for (int q = 0; q < eg->Q; q++) {
		const struct eg_cover *c = &eg->q[q];
		int under = 0, over = 0, nx;

		snprintf(b, sizeof b, "under_%d", q + 1);
		if (c->under < EG_HARD)
			under = col(m, b, GLP_CV, 0, 1e30, c->under);
		snprintf(b, sizeof b, "over_%d", q + 1);
		if (c->max >= 0 && c->over < EG_HARD)
			over = col(m, b, GLP_CV, 0, 1e30, c->over);
		for (int p = 0; p < eg->P; p++)
			for (int s = 0; s < eg->S; s++) {
				size_t i = ((size_t)p * eg->D + c->day) *
				    eg->S + s;

				for (int k = eg->covs[i]; k < eg->covs[i + 1];
				    k++)
					if (eg->covl[k] == q)
						term(m, X(m, p, c->day, s), 1);
			}
		nx = m->n;
		snprintf(b, sizeof b, "cover_%d_%s", c->day + 1,
		    eg->c->dcodes[eg->c->demand[q].dcode]);
		if (c->max == c->min) {
			term(m, under, 1);
			term(m, over, -1);
			row(m, b, GLP_FX, c->min, c->min);
			continue;
		}
		term(m, under, 1);
		if (c->min > 0)
			row(m, b, GLP_LO, c->min, 0);
		m->n = 0;
		if (c->max < 0)
			continue;
		for (int p = 0; p < eg->P && nx > 0; p++)
			for (int s = 0; s < eg->S; s++) {
				size_t i = ((size_t)p * eg->D + c->day) *
				    eg->S + s;

				for (int k = eg->covs[i]; k < eg->covs[i + 1];
				    k++)
					if (eg->covl[k] == q)
						term(m, X(m, p, c->day, s), 1);
			}
		term(m, over, -1);
		snprintf(b, sizeof b, "cap_%d_%s", c->day + 1,
		    eg->c->dcodes[eg->c->demand[q].dcode]);
		row(m, b, GLP_UP, 0, c->max);
	}
}

static int
build(struct lpm *m)
{
	struct eg	*eg = m->eg;
	size_t		 n = (size_t)eg->P * eg->D * eg->S + 1;
	size_t		 w = n + (size_t)eg->D * eg->S * 4 + 16;

	if ((m->x = tn_calloc(n, sizeof *m->x)) == NULL ||
	    (m->ind = tn_malloc(w * sizeof *m->ind)) == NULL ||
	    (m->val = tn_malloc(w * sizeof *m->val)) == NULL)
		return -1;
	m->P = glp_create_prob();
	glp_set_prob_name(m->P, "turnus_lines");
	glp_set_obj_name(m->P, "weights");
	glp_set_obj_dir(m->P, GLP_MIN);
	col(m, "constant", GLP_CV, 1, 1, columns(m));
	for (int p = 0; p < eg->P; p++) {
		person_rows(m, p);
		run_rows(m, p);
		weekend_rows(m, p);
	}
	cover_rows(m);
	return 0;
}

int
eg_write_lp(struct sv *sv, const char *lp, const char *mps,
    struct tn_error *err)
{
	struct eg	 eg;
	struct lpm	 m = { .eg = &eg };
	int		 rc = 0;

	if (eg_build(&eg, sv) == -1)
		return tn_oom(err);
	glp_term_out(GLP_OFF);
	if (build(&m) == -1) {
		rc = tn_oom(err);
		goto out;
	}
	setlocale(LC_NUMERIC, "C");
	if (lp != NULL && glp_write_lp(m.P, NULL, lp) != 0) {
		tn_error_set(err, TN_INTERNAL, lp, 0, 0, _("cannot write the "
		    "model"));
		rc = -1;
	}
	if (rc == 0 && mps != NULL && glp_write_mps(m.P, GLP_MPS_FILE, NULL,
	    mps) != 0) {
		tn_error_set(err, TN_INTERNAL, mps, 0, 0, _("cannot write the "
		    "model"));
		rc = -1;
	}
out:
	if (m.P != NULL)
		glp_delete_prob(m.P);
	glp_term_out(GLP_ON);
	free(m.x);
	free(m.ind);
	free(m.val);
	eg_free(&eg);
	return rc;
}
