/*
 * The planning model in GLPK (turnus-model(7)): written for teaching and
 * other solvers, solved whole when it is small (warm-started from the
 * search's roster), and solved as an elastic LP to explain a staffing
 * plan that cannot be covered.  Only solver/ includes <glpk.h>.
 */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glpk.h>

#include "capacity.h"
#include "i18n.h"
#include "sv.h"
#include "util.h"

#define MIP_MAX_COLS	4000	/* solved whole up to this many x columns */
#define LP_MAX_COLS	40000	/* the elastic LP up to this many */

/* Points per unit of slack in the elastic model (see sv_mip_elastic). */
static const double fam_weight[SV_NFAMILIES] = {
	1,			/* a rest or shift order broken */
	0.125,			/* an hour above max_week_hours */
	1,			/* a day above max_consecutive_days */
	1,			/* a weekend above weekend_every */
	1,			/* a half weekend */
	0.125,			/* an hour outside the position */
	20			/* a head no rule can give */
};

struct mip {
	struct sv	*sv;
	glp_prob	*P;
	int		 elastic;	/* rules get slack, cover is hard */
	int		*x;		/* [(row * ndays + d) * nshifts + s] */
	int		*full;		/* per row, or 0 */
	int		**shortc;	/* per group: per demand row, or 0 */
	int		**abovec;	/* per group: per demand row, or 0 */
	int		*overc;		/* per group */
	int		*slk_fam;	/* per column: family, or -1 */
	int		*slk_day;	/* per column: a day, or -1 */
	int		 slk_n;
	int		 slk_cap;
	const struct sv_result *warm;	/* the roster to start from */
	double		 enough;	/* stop at an incumbent this good */
	int		 warm_done;
	double		 deadline;
	int		 oom;
	jmp_buf		 jb;
};

static int
xcol(const struct mip *m, int r, int d, int s)
{
	return m->x[((size_t)r * m->sv->ndays + d) * m->sv->nshifts + s];
}

/* Notes the family and day of a new slack column (or -1, -1). */
static void
col_note(struct mip *m, int j, int fam, int day)
{
	if (j >= m->slk_cap) {
		int n = m->slk_cap ? 2 * m->slk_cap : 1024;
		int *a, *b;

		while (n <= j)
			n *= 2;
		a = tn_realloc(m->slk_fam, (size_t)n * sizeof *a);
		if (a != NULL)
			m->slk_fam = a;
		b = a == NULL ? NULL : tn_realloc(m->slk_day,
		    (size_t)n * sizeof *b);
		if (b == NULL) {
			m->oom = 1;
			return;
		}
		m->slk_day = b;
		for (int i = m->slk_cap; i < n; i++)
			m->slk_fam[i] = m->slk_day[i] = -1;
		m->slk_cap = n;
	}
	m->slk_fam[j] = fam;
	m->slk_day[j] = day;
	if (j + 1 > m->slk_n)
		m->slk_n = j + 1;
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
	else if (hi == HUGE_VAL)
		glp_set_col_bnds(m->P, j, GLP_LO, lo, 0);
	else
		glp_set_col_bnds(m->P, j, GLP_DB, lo, hi);
	glp_set_obj_coef(m->P, j, obj);
	col_note(m, j, -1, -1);
	return j;
}

/*
 * A row over the (col, coef) pairs, cols[-1] and coef[-1] free for GLPK;
 * type GLP_UP, GLP_LO or GLP_FX.  In the elastic model a row of a rule
 * family (fam >= 0) gets slack columns of that family; unit is the row's
 * measure of one unit of slack (60 for a row in minutes: hours).
 */
static void
row_add(struct mip *m, const char *name, int type, double b, int *cols,
    double *coef, int n, int fam, int day, double unit)
{
	char	 sn[160];
	int	 i;

	if (n == 0)
		return;
	i = glp_add_rows(m->P, 1);
	glp_set_row_name(m->P, i, name);
	if (type == GLP_UP)
		glp_set_row_bnds(m->P, i, GLP_UP, 0, b);
	else if (type == GLP_LO)
		glp_set_row_bnds(m->P, i, GLP_LO, b, 0);
	else
		glp_set_row_bnds(m->P, i, GLP_FX, b, b);
	if (m->elastic && fam >= 0)
		for (int k = 0; k < (type == GLP_FX ? 2 : 1); k++) {
			double sign = type == GLP_UP || k == 1 ? -1 : 1;

			snprintf(sn, sizeof sn, "slack%s_%s", k ? "m" : "",
			    name);
			cols[n] = col_add(m, sn, GLP_CV, 0, HUGE_VAL,
			    fam_weight[fam]);
			col_note(m, cols[n], fam, day);
			coef[n++] = sign * unit;
		}
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

/* Whether shift t may follow shift s the next day for row r. */
static int
follows(const struct sv *sv, int r, int s, int t)
{
	const struct tn_rules *rr = &sv->emps[sv->rows[r].emp].r;
	const struct tn_shift *a = &sv->c->shifts[s], *z = &sv->c->shifts[t];
	int	 rest = MIN_PER_DAY + z->start - a->start - a->len;

	return rest >= rr->min_daily_rest && rest >= 11 * 60 &&
	    (a->cannot_follow == NULL || !a->cannot_follow[t]);
}

/* One shift a day; rest and shift order between consecutive days. */
static void
daily_rows(struct mip *m, int *cols, double *coef)
{
	struct sv	*sv = m->sv;
	char		 b[128];

	for (int r = 0; r < sv->nrows; r++)
		for (int d = 0; d < sv->ndays; d++) {
			int n = 0, e = d + 1 == sv->ndays ? 0 : d + 1;

			for (int s = 0; s < sv->nshifts; s++)
				if (xcol(m, r, d, s) > 0) {
					cols[n] = xcol(m, r, d, s);
					coef[n++] = 1;
				}
			name(b, sizeof b, sv, "one", r, d, -1);
			row_add(m, b, GLP_UP, 1, cols, coef, n, -1, d, 1);
			if (d + 1 == sv->ndays && !sv->c->rules.cyclic)
				continue;
			for (int s = 0; s < sv->nshifts; s++)
				for (int t = 0; t < sv->nshifts; t++) {
					if (xcol(m, r, d, s) <= 0 ||
					    xcol(m, r, e, t) <= 0 ||
					    follows(sv, r, s, t))
						continue;
					cols[0] = xcol(m, r, d, s);
					cols[1] = xcol(m, r, e, t);
					coef[0] = coef[1] = 1;
					name(b, sizeof b, sv, "rest", r, d, s);
					snprintf(b + strlen(b), sizeof b -
					    strlen(b), "_%s",
					    sv->c->shifts[t].code);
					row_add(m, b, GLP_UP, 1, cols, coef, 2,
					    SV_F_REST, d, 1);
				}
		}
}

/* Collects the x columns of row r on the days a, a + step, ... */
static int
gather(const struct mip *m, int r, int a, int n, int step, int paid,
    int *cols, double *coef)
{
	const struct sv	*sv = m->sv;
	int		 k = 0, N = sv->ndays;

	for (int j = 0; j < n; j++)
		for (int s = 0; s < sv->nshifts; s++) {
			int x = xcol(m, r, ((a + j * step) % N + N) % N, s);

			if (x > 0) {
				cols[k] = x;
				coef[k++] = paid ? sv->c->shifts[s].paid : 1;
			}
		}
	return k;
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
		int D = rr->max_consecutive_days, E = rr->weekend_every, n;

		for (int k = 0; k < W; k++) {
			snprintf(b, sizeof b, "week%d", k + 1);
			name(b + strlen(b), sizeof b - strlen(b), sv, "", r, -1,
			    -1);
			n = gather(m, r, off + 7 * k, 7, 1, 1, cols, coef);
			row_add(m, b, GLP_UP, rr->max_week, cols, coef, n,
			    SV_F_WEEK, off + 7 * k, 60);
		}
		for (int d = 0; D < N && d < N; d++) {
			name(b, sizeof b, sv, "run", r, d, -1);
			n = gather(m, r, d, D + 1, 1, 0, cols, coef);
			row_add(m, b, GLP_UP, D, cols, coef, n, SV_F_RUN, d, 1);
		}
		/* at most one worked Saturday in any E weekends; whole */
		for (int k = 0; k < W; k++) {
			int sat = (off + 7 * k + 5) % N;

			name(b, sizeof b, sv, "weekend", r, sat, -1);
			n = gather(m, r, sat, E < W ? E : W, 7, 0, cols, coef);
			row_add(m, b, GLP_UP, W < E ? 0 : 1, cols, coef, n,
			    SV_F_WEEKEND, sat, 1);
			if (!rr->whole_weekends)
				continue;
			n = 0;
			for (int s = 0; s < sv->nshifts; s++) {
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
			row_add(m, b, GLP_FX, 0, cols, coef, n, SV_F_WHOLE, sat,
			    1);
		}
	}
}

/* Hours within the position's range; full time and its points. */
static void
hours_rows(struct mip *m, int *cols, double *coef)
{
	struct sv	*sv = m->sv;
	char		 b[128];

	for (int r = 0; r < sv->nrows; r++) {
		const struct sv_row *row = &sv->rows[r];
		int n, f;

		n = gather(m, r, 0, sv->ndays, 1, 1, cols, coef);
		name(b, sizeof b, sv, "hmin", r, -1, -1);
		row_add(m, b, GLP_LO, row->minpaid, cols, coef, n, SV_F_HOURS,
		    -1, 60);
		n = gather(m, r, 0, sv->ndays, 1, 1, cols, coef);
		name(b, sizeof b, sv, "hmax", r, -1, -1);
		row_add(m, b, GLP_UP, row->maxpaid, cols, coef, n, SV_F_HOURS,
		    -1, 60);
		if (m->elastic || row->hi < sv->thr ||
		    sv->emps[row->emp].nrows > 1)
			continue;
		name(b, sizeof b, sv, "full", r, -1, -1);
		f = col_add(m, b, GLP_BV, 0, 1, -(W_FULL + W_FULL_WANT *
		    row->want100));
		m->full[r] = f;
		n = gather(m, r, 0, sv->ndays, 1, 1, cols, coef);
		cols[n] = f;
		coef[n++] = -row->fullpaid;
		name(b, sizeof b, sv, "hfull", r, -1, -1);
		row_add(m, b, GLP_LO, 0, cols, coef, n, -1, -1, 1);
	}
}

/* The x columns of the department's rows of a role that fill a group. */
static int
group_cols(const struct mip *m, const struct sv_group *gr, const char *role,
    int *cols, double *coef)
{
	const struct sv	*sv = m->sv;
	int		 n = 0;

	for (int r = 0; r < sv->nrows; r++) {
		if (sv->rows[r].dept != gr->dept ||
		    !sv_role_matches(sv, sv->rows[r].role, role))
			continue;
		for (int s = 0; s < sv->nshifts; s++) {
			const struct tn_shift *sh = &sv->c->shifts[s];
			int x = xcol(m, r, gr->day, s);

			for (int j = 0; x > 0 && j < sh->ncovers; j++)
				if (sh->covers[j] == gr->dcode) {
					cols[n] = x;
					coef[n++] = 1;
				}
		}
	}
	return n;
}

/* Heads above a group's plan (all roles): over-cover, priced. */
static void
over_row(struct mip *m, const struct sv_group *gr, int *cols, double *coef)
{
	const struct tn_case *c = m->sv->c;
	char	 b[160];
	int	 n = group_cols(m, gr, "any", cols, coef), o;

	snprintf(b, sizeof b, "over_d%d_%s", gr->day + 1, c->dcodes[gr->dcode]);
	o = col_add(m, b, m->elastic ? GLP_CV : GLP_IV, 0, HUGE_VAL,
	    m->elastic ? 0 : W_OVER * gr->paid / 60.0);
	m->overc[gr - m->sv->groups] = o;
	cols[n] = o;
	coef[n++] = -1;
	snprintf(b, sizeof b, "plan_d%d_%s", gr->day + 1, c->dcodes[gr->dcode]);
	row_add(m, b, GLP_UP, gr->cap, cols, coef, n, -1, -1, 1);
}

/* A demand row's max: hard, or soft at over_weight a head. */
static void
max_row(struct mip *m, const struct sv_group *gr, int k, int *cols,
    double *coef)
{
	const struct tn_demand *q = &m->sv->c->demand[gr->q[k]];
	char	 b[160];
	int	 n = group_cols(m, gr, q->role, cols, coef);

	if (q->over_weight >= 0) {
		snprintf(b, sizeof b, "above_d%d_%s_%s_%d", gr->day + 1,
		    m->sv->c->dcodes[gr->dcode], q->role, k);
		cols[n] = col_add(m, b, m->elastic ? GLP_CV : GLP_IV, 0,
		    HUGE_VAL, m->elastic ? 0 : q->over_weight * W_FULL);
		m->abovec[gr - m->sv->groups][k] = cols[n];
		coef[n++] = -1;
	}
	snprintf(b, sizeof b, "max_d%d_%s_%s_%d", gr->day + 1,
	    m->sv->c->dcodes[gr->dcode], q->role, k);
	row_add(m, b, GLP_UP, q->max + 0.0, cols, coef, n, -1, -1, 1);
}

static void
cover_rows(struct mip *m, int *cols, double *coef)
{
	struct sv	*sv = m->sv;
	const struct tn_case *c = sv->c;
	char		 b[160];

	for (int g = 0; g < sv->ngroups; g++) {
		const struct sv_group *gr = &sv->groups[g];

		for (int k = 0; k < gr->nq; k++) {
			const struct tn_demand *q = &c->demand[gr->q[k]];
			int n = group_cols(m, gr, q->role, cols, coef), u;
			double w = q->under_weight >= 0 ? q->under_weight *
			    W_FULL : W_UNCOVER * gr->paid / 60.0;

			snprintf(b, sizeof b, "short_d%d_%s_%s_%d", gr->day + 1,
			    c->dcodes[gr->dcode], q->role, k);
			if (m->elastic)
				w = q->under_weight >= 0 ? 0 :
				    fam_weight[SV_F_HEADS];
			u = col_add(m, b, m->elastic ? GLP_CV : GLP_IV, 0,
			    q->min, w);
			m->shortc[g][k] = u;
			cols[n] = u;
			coef[n++] = 1;
			snprintf(b, sizeof b, "cover_d%d_%s_%s_%d", gr->day + 1,
			    c->dcodes[gr->dcode], q->role, k);
			row_add(m, b, GLP_LO, q->min, cols, coef, n, -1, -1, 1);
			if (q->max != UNSET)
				max_row(m, gr, k, cols, coef);
		}
		over_row(m, gr, cols, coef);
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

static void
mip_free(struct mip *m)
{
	if (m->P != NULL)
		glp_delete_prob(m->P);
	m->P = NULL;
	for (int g = 0; m->shortc != NULL && g < m->sv->ngroups; g++)
		free(m->shortc[g]);
	for (int g = 0; m->abovec != NULL && g < m->sv->ngroups; g++)
		free(m->abovec[g]);
	free(m->shortc);
	free(m->abovec);
	free(m->overc);
	m->abovec = NULL;
	m->overc = NULL;
	free(m->x);
	free(m->full);
	free(m->slk_fam);
	free(m->slk_day);
	m->shortc = NULL;
	m->x = m->full = m->slk_fam = m->slk_day = NULL;
}

static int
build(struct mip *m)
{
	struct sv	*sv = m->sv;
	size_t		 wide = (size_t)sv->nrows * sv->ndays * sv->nshifts + 8;
	int		*cols;
	double		*coef;

	m->x = tn_calloc(wide, sizeof *m->x);
	m->full = tn_calloc((size_t)sv->nrows + 1, sizeof *m->full);
	m->shortc = tn_calloc((size_t)sv->ngroups + 1, sizeof *m->shortc);
	m->abovec = tn_calloc((size_t)sv->ngroups + 1, sizeof *m->abovec);
	m->overc = tn_calloc((size_t)sv->ngroups + 1, sizeof *m->overc);
	cols = tn_malloc(wide * sizeof *cols);
	coef = tn_malloc(wide * sizeof *coef);
	for (int g = 0; m->shortc != NULL && m->abovec != NULL &&
	    g < sv->ngroups; g++)
		if ((m->shortc[g] = tn_calloc((size_t)sv->groups[g].nq + 1,
		    sizeof **m->shortc)) == NULL ||
		    (m->abovec[g] = tn_calloc((size_t)sv->groups[g].nq + 1,
		    sizeof **m->abovec)) == NULL)
			m->oom = 1;
	if (m->x == NULL || m->full == NULL || m->shortc == NULL ||
	    m->abovec == NULL || m->overc == NULL || cols == NULL ||
	    coef == NULL || m->oom) {
		free(cols);
		free(coef);
		return -1;
	}
	m->P = glp_create_prob();
	glp_set_prob_name(m->P, m->elastic ? "turnus_elastic" : "turnus");
	glp_set_obj_name(m->P, m->elastic ? "slack" : "points");
	glp_set_obj_dir(m->P, GLP_MIN);
	columns(m);
	daily_rows(m, cols + 1, coef + 1);
	window_rows(m, cols + 1, coef + 1);
	hours_rows(m, cols + 1, coef + 1);
	cover_rows(m, cols + 1, coef + 1);
	free(cols);
	free(coef);
	return m->oom ? -1 : 0;
}

/* GLPK's hooks on; returns with them off again in hooks_off(). */
static void
hooks_on(struct mip *m)
{
	glp_term_hook(on_term, m->sv);
	glp_error_hook(on_error, m);
}

static void
hooks_off(void)
{
	glp_error_hook(NULL, NULL);
	glp_term_hook(NULL, NULL);
}

/* After a GLPK error: its environment is gone, and the problem with it. */
static void
after_error(struct mip *m)
{
	glp_free_env();
	m->P = NULL;
	mip_free(m);
}

static int
write_files(struct mip *m, const char *lp, const char *mps,
    struct tn_error *err)
{
	if (lp != NULL && glp_write_lp(m->P, NULL, lp) != 0) {
		tn_error_set(err, TN_INTERNAL, lp, 0, 0, _("cannot write the "
		    "model"));
		return -1;
	}
	if (mps != NULL && glp_write_mps(m->P, GLP_MPS_FILE, NULL, mps) != 0) {
		tn_error_set(err, TN_INTERNAL, mps, 0, 0, _("cannot write the "
		    "model"));
		return -1;
	}
	return 0;
}

int
sv_mip_write(struct sv *sv, const char *lp, const char *mps,
    struct tn_error *err)
{
	static struct mip m;
	int		 rc;

	memset(&m, 0, sizeof m);
	m.sv = sv;
	hooks_on(&m);
	if (setjmp(m.jb)) {
		after_error(&m);
		hooks_off();
		tn_error_set(err, TN_INTERNAL, NULL, 0, 0, _("GLPK failed "
		    "while building the model"));
		return -1;
	}
	if (build(&m) == -1) {
		mip_free(&m);
		hooks_off();
		return tn_oom(err);
	}
	setlocale(LC_NUMERIC, "C");
	rc = write_files(&m, lp, mps, err);
	mip_free(&m);
	hooks_off();
	return rc;
}

/* ---------------------------------------------------------- solving */

/* Heads of a demand row's role on duty in the state. */
static int
row_heads(const struct sv *sv, const struct sv_group *gr, int k)
{
	const struct tn_demand *q = &sv->c->demand[gr->q[k]];
	int	 n = 0;

	for (int ri = 0; ri < sv->nroles; ri++)
		if (sv_role_matches(sv, ri, q->role))
			n += gr->nrole[ri];
	return n;
}

/* Whether v satisfies every row and bound of the problem. */
static int
solution_ok(glp_prob *P, const double *v, int *ind, double *val)
{
	for (int i = 1; i <= glp_get_num_rows(P); i++) {
		int n = glp_get_mat_row(P, i, ind, val), t = glp_get_row_type(P,
		    i);
		double a = 0;

		for (int k = 1; k <= n; k++)
			a += val[k] * v[ind[k]];
		if ((t == GLP_LO || t == GLP_DB || t == GLP_FX) &&
		    a < glp_get_row_lb(P, i) - 1e-6)
			return 0;
		if ((t == GLP_UP || t == GLP_DB || t == GLP_FX) &&
		    a > glp_get_row_ub(P, i) + 1e-6)
			return 0;
	}
	for (int j = 1; j <= glp_get_num_cols(P); j++) {
		int t = glp_get_col_type(P, j);

		if (((t == GLP_LO || t == GLP_DB || t == GLP_FX) &&
		    v[j] < glp_get_col_lb(P, j) - 1e-9) ||
		    ((t == GLP_UP || t == GLP_DB || t == GLP_FX) &&
		    v[j] > glp_get_col_ub(P, j) + 1e-9))
			return 0;
	}
	return 1;
}

/*
 * The search's best roster as exact integers for glp_ios_heur_sol: the
 * state holds it.  GLPK does not check it, so this does.
 */
static void
warm_start(struct mip *m, glp_tree *T)
{
	struct sv	*sv = m->sv;
	int		 nc = glp_get_num_cols(m->P);
	double		*v = tn_calloc((size_t)nc + 1, sizeof *v);
	double		*val = tn_malloc(((size_t)nc + 1) * sizeof *val);
	int		*ind = tn_malloc(((size_t)nc + 1) * sizeof *ind);

	m->warm_done = 1;
	if (v == NULL || val == NULL || ind == NULL)
		goto out;
	for (int r = 0; r < sv->nrows; r++) {
		for (int d = 0; d < sv->ndays; d++) {
			int s = sv->cell[r][d];

			if (s != NO_SHIFT && xcol(m, r, d, s) > 0)
				v[xcol(m, r, d, s)] = 1;
		}
		if (m->full[r] > 0)
			v[m->full[r]] = sv->paid[r] >= sv->rows[r].fullpaid;
	}
	for (int g = 0; g < sv->ngroups; g++) {
		const struct sv_group *gr = &sv->groups[g];

		for (int k = 0; k < gr->nq; k++) {
			const struct tn_demand *q = &sv->c->demand[gr->q[k]];
			int n = row_heads(sv, gr, k);

			v[m->shortc[g][k]] = n < q->min ? q->min - n : 0;
			if (m->abovec[g][k] > 0)
				v[m->abovec[g][k]] = n > q->max ? n - q->max :
				    0;
		}
		v[m->overc[g]] = gr->n > gr->cap ? gr->n - gr->cap : 0;
	}
	if (solution_ok(m->P, v, ind, val))
		glp_ios_heur_sol(T, v);
out:
	free(v);
	free(val);
	free(ind);
}

static void
callback(glp_tree *T, void *info)
{
	struct mip	*m = info;
	const struct sv	*sv = m->sv;

	if (glp_ios_reason(T) == GLP_IHEUR && m->warm != NULL &&
	    !m->warm_done)
		warm_start(m, T);
	if ((sv->opts->stop != NULL && *sv->opts->stop) ||
	    (m->deadline > 0 && sv_now() >= m->deadline) ||
	    (glp_ios_reason(T) == GLP_IBINGO &&
	    glp_mip_obj_val(glp_ios_get_prob(T)) <= m->enough + 1e-6))
		glp_ios_terminate(T);
}

/* Reads the MIP's roster into the state. */
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

/* Keeps the state as the best when the rule code finds it clean and better. */
static void
keep_if_better(struct sv *sv, struct sv_result *sr)
{
	double	 unc, over, rules, obj;
	int	 full;

	obj = sv_objective(sv, &unc, &over, &rules, &full);
	if (rules > 1e-9 || obj >= sr->best_obj - 1e-9)
		return;
	for (int r = 0; r < sv->nrows; r++)
		memcpy(sr->best[r], sv->cell[r], (size_t)sv->ndays *
		    sizeof **sr->best);
	sr->best_obj = obj;
	sr->uncovered = unc;
	sr->over = over;
	sr->full = full;
}

static void
mip_solve(struct mip *m, struct sv_result *sr)
{
	glp_iocp	 parm;
	int		 st;

	glp_init_iocp(&parm);
	parm.presolve = GLP_ON;
	parm.msg_lev = m->sv->opts->log != NULL ? GLP_MSG_ON : GLP_MSG_OFF;
	parm.mip_gap = m->sv->opts->gap;
	parm.cb_func = callback;
	parm.cb_info = m;
	parm.clq_cuts = GLP_ON;
	parm.fp_heur = GLP_ON;
	if (m->deadline > 0 && (parm.tm_lim = (int)((m->deadline - sv_now()) *
	    1000)) < 10)
		return;
	glp_intopt(m->P, &parm);
	st = glp_mip_status(m->P);
	if (st != GLP_OPT && st != GLP_FEAS)
		return;
	if (st == GLP_OPT && parm.mip_gap == 0 && !(m->sv->opts->stop !=
	    NULL && *m->sv->opts->stop) && (m->deadline <= 0 ||
	    sv_now() < m->deadline))
		sr->lb12 = glp_mip_obj_val(m->P);
	take(m);
	keep_if_better(m->sv, sr);
}

/*
 * Solves the whole model when it is small, from the search's best
 * roster, and keeps its roster when the rule code finds it clean and
 * better.  The model leaves out the rules that are not linear here, so
 * its roster may break one: then the search's stays.
 */
int
sv_mip_improve(struct sv *sv, struct sv_result *sr, double deadline,
    struct tn_error *err)
{
	static struct mip m;

	if ((size_t)sv->nrows * sv->ndays * sv->nwork > MIP_MAX_COLS ||
	    (deadline > 0 && sv_now() >= deadline))
		return 0;
	memset(&m, 0, sizeof m);
	m.sv = sv;
	m.deadline = deadline;
	m.warm = sr->t_first >= 0 ? sr : NULL;
	m.enough = sv->full_bound > 0 ? -(W_FULL + W_FULL_WANT) *
	    sv->full_bound : 0;
	sv_state_load(sv, sr->best);
	for (int r = 0; r < sv->nrows; r++)
		sv_row_range(sv, r);
	hooks_on(&m);
	if (setjmp(m.jb)) {
		after_error(&m);
		hooks_off();
		return 0;
	}
	if (build(&m) == -1) {
		mip_free(&m);
		hooks_off();
		return tn_oom(err);
	}
	mip_solve(&m, sr);
	mip_free(&m);
	hooks_off();
	sv_state_load(sv, sr->best);
	return 0;
}

/* ---------------------------------------------------------- elastic */

static void
elastic_read(struct mip *m, struct sv_elastic *el)
{
	struct sv	*sv = m->sv;

	for (int j = 1; j < m->slk_n && j <= glp_get_num_cols(m->P); j++) {
		int f = m->slk_fam[j], d = m->slk_day[j];
		double v = glp_get_col_prim(m->P, j);

		if (f < 0 || v < 1e-6)
			continue;
		el->fam[f] += v;
		if (d >= 0)
			el->wday[f][case_weekday(sv->c, d)] += v;
	}
	for (int g = 0; g < sv->ngroups; g++) {
		double most = 0;

		for (int k = 0; k < sv->groups[g].nq; k++) {
			double v = glp_get_col_prim(m->P, m->shortc[g][k]);

			most = v > most ? v : most;
		}
		if (el->gshort != NULL)
			el->gshort[g] = most;
		el->fam[SV_F_HEADS] += most;
		el->wday[SV_F_HEADS][case_weekday(sv->c, sv->groups[g].day)] +=
		    most;
	}
}

/*
 * The elastic re-solve: the LP relaxation of the model with the cover
 * hard and a slack column on every rule row, each family at its own
 * price (fam_weight).  The slack it needs says which rules stand between
 * the staff and the staffing plan.  el->gshort (ngroups, or NULL) gets
 * the heads no rule can give.  Returns 0, el->solved set when solved.
 */
int
sv_mip_elastic(struct sv *sv, struct sv_elastic *el, double deadline,
    struct tn_error *err)
{
	static struct mip m;
	glp_smcp	 parm;

	memset(el->fam, 0, sizeof el->fam);
	memset(el->wday, 0, sizeof el->wday);
	el->solved = 0;
	if ((size_t)sv->nrows * sv->ndays * sv->nwork > LP_MAX_COLS)
		return 0;
	memset(&m, 0, sizeof m);
	m.sv = sv;
	m.elastic = 1;
	hooks_on(&m);
	if (setjmp(m.jb)) {
		after_error(&m);
		hooks_off();
		return 0;
	}
	if (build(&m) == -1) {
		mip_free(&m);
		hooks_off();
		return tn_oom(err);
	}
	glp_init_smcp(&parm);
	parm.presolve = GLP_ON;
	parm.msg_lev = sv->opts->log != NULL ? GLP_MSG_ON : GLP_MSG_OFF;
	if (deadline > 0)
		parm.tm_lim = (int)((deadline - sv_now()) * 1000);
	if (parm.tm_lim >= 10 && glp_simplex(m.P, &parm) == 0 &&
	    glp_get_status(m.P) == GLP_OPT) {
		elastic_read(&m, el);
		el->solved = 1;
	}
	mip_free(&m);
	hooks_off();
	return 0;
}
