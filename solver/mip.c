/*
 * The planning model in GLPK (turnus-model(7)): written for teaching and
 * other solvers, and solved whole when it is small, warm-started from
 * the search's roster.  The only file that includes <glpk.h>.
 */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glpk.h>

#include "capacity.h"
#include "sv.h"
#include "util.h"

#define MIP_MAX_COLS	4000	/* solved whole up to this many x columns */

struct mip {
	struct sv	*sv;
	glp_prob	*P;
	int		*x;		/* [(row * ndays + d) * nshifts + s] */
	int		*full;		/* per emp, or 0 */
	int		*pos;		/* per row */
	int		 ia_n, ia_cap;
	int		*ia, *ja;
	double		*ar;
	double		 deadline;
	jmp_buf		 jb;
};

static int
xcol(const struct mip *m, int r, int d, int s)
{
	return m->x[((size_t)r * m->sv->ndays + d) * m->sv->nshifts + s];
}

static int
col_add(struct mip *m, const char *name, int kind, double lo, double hi,
    double obj)
{
	int	 j = glp_add_cols(m->P, 1);

	glp_set_col_name(m->P, j, name);
	glp_set_col_kind(m->P, j, kind);
	if (lo == hi)
		glp_set_col_bnds(m->P, j, GLP_FX, lo, hi);
	else
		glp_set_col_bnds(m->P, j, GLP_DB, lo, hi);
	glp_set_obj_coef(m->P, j, obj);
	return j;
}

/* A row over the collected (col, coef) pairs; type GLP_UP/LO/FX. */
static void
row_add(struct mip *m, const char *name, int type, double b, const int *cols,
    const double *coef, int n)
{
	int	 i;

	if (n == 0)
		return;
	i = glp_add_rows(m->P, 1);
	glp_set_row_name(m->P, i, name);
	glp_set_row_bnds(m->P, i, type, type == GLP_UP ? 0 : b,
	    type == GLP_UP ? b : 0);
	if (type == GLP_FX)
		glp_set_row_bnds(m->P, i, GLP_FX, b, b);
	glp_set_mat_row(m->P, i, n, cols - 1, coef - 1);
}

static void
name(char *b, size_t sz, const struct sv *sv, const char *what, int r,
    int d, int s)
{
	const char	*id = r >= 0 ? sv->c->persons[r].id : "";
	char		 clean[40];
	size_t		 k = 0;

	for (; *id && k + 1 < sizeof clean; id++)
		clean[k++] = (*id >= 'a' && *id <= 'z') || (*id >= 'A' &&
		    *id <= 'Z') || (*id >= '0' && *id <= '9') ? *id : '_';
	clean[k] = '\0';
	if (s >= 0)
		snprintf(b, sz, "%s_%s_d%d_%s", what, clean, d + 1,
		    sv->c->shifts[s].code);
	else if (d >= 0)
		snprintf(b, sz, "%s_%s_d%d", what, clean, d + 1);
	else
		snprintf(b, sz, "%s_%s", what, clean);
}

static int
allowed_x(const struct sv *sv, int r, int d, int s)
{
	const struct sv_row *row = &sv->rows[r];

	if (row->lock[d] != SV_NONE)
		return row->lock[d] == s;
	return row->allow[d * sv->nshifts + s];
}

static void
columns(struct mip *m)
{
	struct sv	*sv = m->sv;
	char		 b[128];

	for (int r = 0; r < sv->nrows; r++)
		for (int d = 0; d < sv->ndays; d++)
			for (int s = 0; s < sv->nshifts; s++) {
				size_t i = ((size_t)r * sv->ndays + d) *
				    sv->nshifts + s;

				if (sv->c->shifts[s].off || !allowed_x(sv, r, d,
				    s))
					continue;
				name(b, sizeof b, sv, "x", r, d, s);
				m->x[i] = col_add(m, b, GLP_BV, 0, 1, 0);
				if (sv->rows[r].lock[d] == s)
					glp_set_col_bnds(m->P, m->x[i], GLP_FX,
					    1, 1);
			}
}

/* One shift a day; rest and shift order between consecutive days. */
static void
daily_rows(struct mip *m, int *cols, double *coef)
{
	struct sv	*sv = m->sv;
	const struct tn_case *c = sv->c;
	char		 b[128];

	for (int r = 0; r < sv->nrows; r++) {
		const struct tn_rules *rr = &sv->emps[sv->rows[r].emp].r;

		for (int d = 0; d < sv->ndays; d++) {
			int n = 0, e = d + 1 == sv->ndays ? 0 : d + 1;

			for (int s = 0; s < sv->nshifts; s++)
				if (xcol(m, r, d, s) > 0) {
					cols[n] = xcol(m, r, d, s);
					coef[n++] = 1;
				}
			name(b, sizeof b, sv, "one", r, d, -1);
			row_add(m, b, GLP_UP, 1, cols, coef, n);
			if (d + 1 == sv->ndays && !c->rules.cyclic)
				continue;
			for (int s = 0; s < sv->nshifts; s++)
				for (int t = 0; t < sv->nshifts; t++) {
					const struct tn_shift *a = &c->shifts[s];
					const struct tn_shift *z = &c->shifts[t];
					int rest = MIN_PER_DAY + z->start -
					    a->start - a->len;

					if (xcol(m, r, d, s) <= 0 ||
					    xcol(m, r, e, t) <= 0)
						continue;
					if (rest >= rr->min_daily_rest &&
					    rest >= 11 * 60 && (a->cannot_follow
					    == NULL || !a->cannot_follow[t]))
						continue;
					cols[0] = xcol(m, r, d, s);
					cols[1] = xcol(m, r, e, t);
					coef[0] = coef[1] = 1;
					name(b, sizeof b, sv, "rest", r, d, s);
					snprintf(b + strlen(b), sizeof b -
					    strlen(b), "_%s", z->code);
					row_add(m, b, GLP_UP, 1, cols, coef, 2);
				}
		}
	}
}

/* Week hours, consecutive days, weekend frequency and whole weekends. */
static void
window_rows(struct mip *m, int *cols, double *coef)
{
	struct sv	*sv = m->sv;
	const struct tn_case *c = sv->c;
	int		 N = sv->ndays, W = N / 7, off = (7 - c->start_weekday) % 7;
	char		 b[128];

	for (int r = 0; r < sv->nrows; r++) {
		const struct tn_rules *rr = &sv->emps[sv->rows[r].emp].r;
		int D = rr->max_consecutive_days, E = rr->weekend_every;

		for (int k = 0; k < W; k++) {
			int n = 0;

			for (int j = 0; j < 7; j++)
				for (int s = 0; s < sv->nshifts; s++) {
					int x = xcol(m, r, (off + 7 * k + j) % N,
					    s);

					if (x > 0) {
						cols[n] = x;
						coef[n++] = c->shifts[s].paid;
					}
				}
			snprintf(b, sizeof b, "week%d", k + 1);
			name(b + strlen(b), sizeof b - strlen(b), sv, "", r, -1,
			    -1);
			row_add(m, b, GLP_UP, rr->max_week, cols, coef, n);
		}
		for (int d = 0; D < N && d < N; d++) {
			int n = 0;

			for (int j = 0; j <= D; j++)
				for (int s = 0; s < sv->nshifts; s++) {
					int x = xcol(m, r, (d + j) % N, s);

					if (x > 0) {
						cols[n] = x;
						coef[n++] = 1;
					}
				}
			name(b, sizeof b, sv, "run", r, d, -1);
			row_add(m, b, GLP_UP, D, cols, coef, n);
		}
		/* at most one worked Saturday in any E weekends; whole */
		for (int k = 0; k < W; k++) {
			int n = 0, sat = (off + 7 * k + 5) % N;

			for (int j = 0; j < (E < W ? E : W); j++)
				for (int s = 0; s < sv->nshifts; s++) {
					int x = xcol(m, r, (sat + 7 * j) % N, s);

					if (x > 0) {
						cols[n] = x;
						coef[n++] = 1;
					}
				}
			name(b, sizeof b, sv, "weekend", r, sat, -1);
			row_add(m, b, GLP_UP, W < E ? 0 : 1, cols, coef, n);
			n = 0;
			for (int s = 0; rr->whole_weekends &&
			    s < sv->nshifts; s++) {
				int x = xcol(m, r, sat, s), y = xcol(m, r,
				    (sat + 1) % N, s);

				if (x > 0) {
					cols[n] = x;
					coef[n++] = 1;
				}
				if (y > 0) {
					cols[n] = y;
					coef[n++] = -1;
				}
			}
			name(b, sizeof b, sv, "whole", r, sat, -1);
			row_add(m, b, GLP_FX, 0, cols, coef, n);
		}
	}
}

/* Hours within the position's range; full time; the objective's parts. */
static void
hours_rows(struct mip *m, int *cols, double *coef)
{
	struct sv	*sv = m->sv;
	char		 b[128];

	for (int r = 0; r < sv->nrows; r++) {
		const struct sv_row *row = &sv->rows[r];
		int n = 0, f = 0;

		for (int d = 0; d < sv->ndays; d++)
			for (int s = 0; s < sv->nshifts; s++)
				if (xcol(m, r, d, s) > 0) {
					cols[n] = xcol(m, r, d, s);
					coef[n++] = sv->c->shifts[s].paid;
				}
		name(b, sizeof b, sv, "hmin", r, -1, -1);
		row_add(m, b, GLP_LO, row->minpaid, cols, coef, n);
		name(b, sizeof b, sv, "hmax", r, -1, -1);
		row_add(m, b, GLP_UP, row->maxpaid, cols, coef, n);
		if (row->hi < sv->thr || sv->emps[row->emp].nrows > 1)
			continue;
		name(b, sizeof b, sv, "full", r, -1, -1);
		f = col_add(m, b, GLP_BV, 0, 1, -(W_FULL + W_FULL_WANT *
		    row->want100));
		m->full[row->emp] = f;
		cols[n] = f;
		coef[n++] = -row->fullpaid;
		name(b, sizeof b, sv, "hfull", r, -1, -1);
		row_add(m, b, GLP_LO, 0, cols, coef, n);
	}
}

static void
cover_rows(struct mip *m, int *cols, double *coef)
{
	struct sv	*sv = m->sv;
	const struct tn_case *c = sv->c;
	char		 b[128];

	for (int g = 0; g < sv->ngroups; g++) {
		const struct sv_group *gr = &sv->groups[g];

		for (int k = 0; k < gr->nq; k++) {
			const struct tn_demand *q = &c->demand[gr->q[k]];
			int n = 0, u;

			for (int r = 0; r < sv->nrows; r++) {
				if (sv->rows[r].dept != gr->dept ||
				    !sv_role_matches(sv, sv->rows[r].role,
				    q->role))
					continue;
				for (int s = 0; s < sv->nshifts; s++) {
					const struct tn_shift *sh =
					    &c->shifts[s];
					int x = xcol(m, r, gr->day, s);

					for (int j = 0; x > 0 &&
					    j < sh->ncovers; j++)
						if (sh->covers[j] == gr->dcode) {
							cols[n] = x;
							coef[n++] = 1;
						}
				}
			}
			snprintf(b, sizeof b, "short_d%d_%s_%s_%d", gr->day + 1,
			    c->dcodes[gr->dcode], q->role, k);
			u = col_add(m, b, GLP_IV, 0, q->min, q->under_weight >=
			    0 ? q->under_weight * W_FULL : W_UNCOVER *
			    gr->paid / 60.0);
			cols[n] = u;
			coef[n++] = 1;
			snprintf(b, sizeof b, "cover_d%d_%s_%s_%d", gr->day + 1,
			    c->dcodes[gr->dcode], q->role, k);
			row_add(m, b, GLP_LO, q->min, cols, coef, n);
			if (q->max != UNSET) {
				snprintf(b, sizeof b, "max_d%d_%s_%s_%d",
				    gr->day + 1, c->dcodes[gr->dcode], q->role,
				    k);
				row_add(m, b, GLP_UP, q->max + 0.0, cols, coef,
				    n - 1);
			}
		}
	}
}

static void
on_error(void *info)
{
	struct mip	*m = info;

	longjmp(m->jb, 1);
}

static int
on_term(void *info, const char *s)
{
	const struct sv *sv = info;

	if (sv->opts->log != NULL)
		sv->opts->log(s, sv->opts->arg);
	return 1;
}

static int
build(struct mip *m)
{
	struct sv	*sv = m->sv;
	size_t		 nx = (size_t)sv->nrows * sv->ndays * sv->nshifts + 1;
	int		*cols;
	double		*coef;
	size_t		 wide = (size_t)sv->nrows * sv->ndays * sv->nshifts + 8;

	m->x = tn_calloc(nx, sizeof *m->x);
	m->full = tn_calloc((size_t)sv->nemps + 1, sizeof *m->full);
	cols = tn_malloc(wide * sizeof *cols);
	coef = tn_malloc(wide * sizeof *coef);
	if (m->x == NULL || m->full == NULL || cols == NULL || coef == NULL) {
		free(cols);
		free(coef);
		return -1;
	}
	m->P = glp_create_prob();
	glp_set_prob_name(m->P, "turnus");
	glp_set_obj_name(m->P, "points");
	glp_set_obj_dir(m->P, GLP_MIN);
	columns(m);
	daily_rows(m, cols + 1, coef + 1);
	window_rows(m, cols + 1, coef + 1);
	hours_rows(m, cols + 1, coef + 1);
	cover_rows(m, cols + 1, coef + 1);
	free(cols);
	free(coef);
	return 0;
}

static void
mip_free(struct mip *m)
{
	if (m->P != NULL)
		glp_delete_prob(m->P);
	free(m->x);
	free(m->full);
}

int
sv_mip_write(struct sv *sv, const char *lp, const char *mps,
    struct tn_error *err)
{
	struct mip	 m = { .sv = sv };
	int		 rc = 0;

	glp_term_hook(on_term, sv);
	glp_error_hook(on_error, &m);
	if (setjmp(m.jb)) {
		glp_free_env();
		tn_error_set(err, TN_INTERNAL, NULL, 0, 0, "GLPK failed "
		    "while building the model");
		return -1;
	}
	if (build(&m) == -1) {
		mip_free(&m);
		return tn_oom(err);
	}
	setlocale(LC_NUMERIC, "C");
	if (lp != NULL && glp_write_lp(m.P, NULL, lp) != 0) {
		tn_error_set(err, TN_INTERNAL, lp, 0, 0, "cannot write the "
		    "model");
		rc = -1;
	}
	if (rc == 0 && mps != NULL && glp_write_mps(m.P, GLP_MPS_FILE, NULL,
	    mps) != 0) {
		tn_error_set(err, TN_INTERNAL, mps, 0, 0, "cannot write the "
		    "model");
		rc = -1;
	}
	mip_free(&m);
	glp_error_hook(NULL, NULL);
	glp_term_hook(NULL, NULL);
	return 0;
}

static void
callback(glp_tree *T, void *info)
{
	struct mip	*m = info;
	const struct sv	*sv = m->sv;

	if ((sv->opts->stop != NULL && *sv->opts->stop) ||
	    (m->deadline > 0 && sv_now() >= m->deadline))
		glp_ios_terminate(T);
}

/* Reads the MIP's roster into the state; 0 when it was read. */
static void
take(struct mip *m)
{
	struct sv	*sv = m->sv;

	for (int r = 0; r < sv->nrows; r++)
		for (int d = 0; d < sv->ndays; d++) {
			short v = sv->rows[r].lock[d] == SV_NONE ? NO_SHIFT :
			    sv->rows[r].lock[d];

			for (int s = 0; s < sv->nshifts; s++)
				if (xcol(m, r, d, s) > 0 && glp_mip_col_val(m->P,
				    xcol(m, r, d, s)) > 0.5)
					v = (short)s;
			sv->cell[r][d] = v;
		}
	sv_state_load(sv, sv->cell);
}

/*
 * Solves the whole model when it is small, and keeps its roster when
 * the rule code finds it clean and better than the search's.
 */
int
sv_mip_improve(struct sv *sv, struct sv_result *sr, double deadline,
    struct tn_error *err)
{
	struct mip	 m = { .sv = sv, .deadline = deadline };
	glp_iocp	 parm;
	double		 unc, over, rules, obj;
	int		 full;

	if ((size_t)sv->nrows * sv->ndays * sv->nwork > MIP_MAX_COLS ||
	    (deadline > 0 && sv_now() >= deadline))
		return 0;
	glp_term_hook(on_term, sv);
	glp_error_hook(on_error, &m);
	if (setjmp(m.jb)) {
		glp_free_env();
		glp_error_hook(NULL, NULL);
		glp_term_hook(NULL, NULL);
		return 0;
	}
	if (build(&m) == -1) {
		mip_free(&m);
		return tn_oom(err);
	}
	glp_init_iocp(&parm);
	parm.presolve = GLP_ON;
	parm.msg_lev = sv->opts->log != NULL ? GLP_MSG_ON : GLP_MSG_OFF;
	parm.mip_gap = sv->opts->gap;
	parm.cb_func = callback;
	parm.cb_info = &m;
	parm.clq_cuts = GLP_ON;
	parm.fp_heur = GLP_ON;
	if (deadline > 0)
		parm.tm_lim = (int)((deadline - sv_now()) * 1000);
	glp_intopt(m.P, &parm);
	if (glp_mip_status(m.P) == GLP_OPT || glp_mip_status(m.P) == GLP_FEAS) {
		take(&m);
		obj = sv_objective(sv, &unc, &over, &rules, &full);
		if (rules < 1e-9 && obj < sr->best_obj - 1e-9) {
			for (int r = 0; r < sv->nrows; r++)
				memcpy(sr->best[r], sv->cell[r],
				    (size_t)sv->ndays * sizeof **sr->best);
			sr->best_obj = obj;
			sr->uncovered = unc;
			sr->over = over;
			sr->full = full;
		}
		sr->mip_optimal = glp_mip_status(m.P) == GLP_OPT;
	}
	mip_free(&m);
	glp_error_hook(NULL, NULL);
	glp_term_hook(NULL, NULL);
	return 0;
}
