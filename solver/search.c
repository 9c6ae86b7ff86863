/*
 * The search: a greedy start, then simulated annealing over cell,
 * swap and weekend moves, keeping the best roster that breaks no rule.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "capacity.h"
#include "sv.h"
#include "util.h"

#define MAXCHG	64	/* cells one move changes: a 6-week line
			   turned a week (rotate_week) */

struct chg {
	int	 row, day;
	short	 val, old;
};

/* Cached points, so a move is priced by what it touches. */
struct st {
	struct sv	*sv;
	double		*rh;		/* per row: hours outside, hours */
	double		*rt;		/* per row: target points (< 0) */
	double		*rs;		/* per row: soft points */
	double		*ep;		/* per emp: rule units */
	double		*ef;		/* per emp: full-time points (< 0) */
	double		 E;		/* the search's energy */
	double		 rules;		/* sum of ep and rh */
	double		 tgt;		/* sum of rt */
	unsigned	 rng;
	int		*gl;		/* touched groups */
	double		*gold;
	int		*wgroup;	/* per row: weekend group, or NULL */
	struct keep	*keep;		/* what try_chg() priced, for undo() */
};

/* A row's or an emp's cached points before a change (undo puts back). */
struct keep {
	int		 row, emp;	/* -1 where unused */
	struct sv_row	 r;		/* the row's hours range */
	double		 rh, rt, rs, ep, ef;
};

double
sv_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static unsigned
rnd(struct st *st)
{
	st->rng ^= st->rng << 13;
	st->rng ^= st->rng >> 17;
	st->rng ^= st->rng << 5;
	return st->rng;
}

static int
rn(struct st *st, int n)
{
	return n > 0 ? (int)(rnd(st) % (unsigned)n) : 0;
}

static double
unif(struct st *st)
{
	return (rnd(st) & 0xffffff) / (double)0x1000000;
}

/* ------------------------------------------------------------- pricing */

static int
is_long_weekend(const struct sv *sv, int d, int s)
{
	return s >= 0 && capacity_is_long(sv->c, s) &&
	    capacity_weekend_day(sv->c, d);
}

static double
row_soft(const struct sv *sv, int row)
{
	const struct sv_row *r = &sv->rows[row];
	const short	*cell = sv->cell[row];
	int		 paid = sv->paid[row];
	double		 pts = 0;

	if (!r->target)
		pts -= W_WANT * (paid < r->maxpaid ? paid : r->maxpaid) / 60.0;
	for (int k = 0; k < sv->nwishes; k++) {
		const struct sv_wish *w = &sv->wishes[k];
		int s = cell[w->day], on;

		if (w->row != row)
			continue;
		on = w->shift == NO_SHIFT ? s != NO_SHIFT : s == w->shift;
		if ((w->kind == TN_WISH_ON) != on)
			pts += W_WISH * w->weight;
	}
	if (r->was != NULL)
		for (int d = 0; d < sv->ndays; d++)
			pts += W_CHANGE * (cell[d] != r->was[d]);
	if (sv->opts->long_shifts == TN_LONG_ON)
		for (int d = 0; d < sv->ndays; d++)
			pts -= 5 * is_long_weekend(sv, d, cell[d]);
	return pts;
}

/*
 * Points of a planned full-time row's hours: W_TARGET an hour, more the
 * fuller the row, so that hours move from the emptier planned rows to
 * the fuller ones instead of standing still between two that both fall
 * short of full time.
 */
static double
target_pts(int paid, int full)
{
	double	 x = (paid < full ? paid : full) / 60.0, X = full / 60.0;

	return X > 0 ? -W_TARGET * (x + x * x / (2 * X)) : 0;
}

static void
price_row(struct st *st, int row)
{
	struct sv	*sv = st->sv;
	const struct sv_row *r = &sv->rows[row];
	int		 paid = sv->paid[row];

	sv_row_range(sv, row);
	st->rh[row] = sv_row_hours_pen(sv, row, paid);
	st->rt[row] = r->target ? target_pts(paid, r->fullpaid) : 0;
	st->rs[row] = row_soft(sv, row);
}

static void
price_emp(struct st *st, int e)
{
	struct sv	*sv = st->sv;
	int		 full = sv_emp_full(sv, e);

	st->ep[e] = sv_emp_pen(sv, e);
	st->ef[e] = full ? -(W_FULL + W_FULL_WANT *
	    sv->rows[sv->emps[e].rows[0]].want100) : 0;
}

static double
emp_pts(const struct st *st, int e)
{
	return W_RULE * st->ep[e] + st->ef[e];
}

static double
row_pts(const struct st *st, int row)
{
	return W_HOURS * st->rh[row] + st->rt[row] + st->rs[row];
}

/* Adds (sign 1) or removes (-1) a cell's cover. */
static void
cover(struct sv *sv, int row, int d, int s, int sign)
{
	const struct tn_shift *sh;
	const struct sv_row *r = &sv->rows[row];

	if (s == NO_SHIFT)
		return;
	sh = &sv->c->shifts[s];
	sv->paid[row] += sign * sh->paid;
	for (int k = 0; k < sh->ncovers; k++) {
		int g = sv_group_of(sv, r->dept, d, sh->covers[k]);

		if (g < 0)
			continue;
		sv->groups[g].n += sign;
		sv->groups[g].nrole[r->role] += sign;
	}
}

static int
touched_groups(struct st *st, const struct chg *ch, int n)
{
	struct sv	*sv = st->sv;
	int		 ng = 0;

	for (int i = 0; i < n; i++) {
		short v[2] = { ch[i].val, ch[i].old };

		for (int j = 0; j < 2; j++) {
			const struct tn_shift *sh;

			if (v[j] == NO_SHIFT)
				continue;
			sh = &sv->c->shifts[v[j]];
			for (int k = 0; k < sh->ncovers; k++) {
				int g = sv_group_of(sv, sv->rows[ch[i].row].dept,
				    ch[i].day, sh->covers[k]), x;

				if (g < 0)
					continue;
				for (x = 0; x < ng && st->gl[x] != g; x++)
					;
				if (x == ng)
					st->gl[ng++] = g;
			}
		}
	}
	return ng;
}

static void
apply(struct sv *sv, struct chg *ch, int n, int undo)
{
	for (int i = undo ? n - 1 : 0; undo ? i >= 0 : i < n;
	    i += undo ? -1 : 1) {
		short from = undo ? ch[i].val : ch[i].old;
		short to = undo ? ch[i].old : ch[i].val;

		cover(sv, ch[i].row, ch[i].day, from, -1);
		cover(sv, ch[i].row, ch[i].day, to, 1);
		sv->cell[ch[i].row][ch[i].day] = to;
	}
}

/* Collects the distinct rows and emps of a change. */
static void
touched(const struct sv *sv, const struct chg *ch, int n, int *rows,
    int *nr, int *emps, int *ne)
{
	*nr = *ne = 0;
	for (int i = 0; i < n; i++) {
		int r = ch[i].row, e = sv->rows[r].emp, x;

		for (x = 0; x < *nr && rows[x] != r; x++)
			;
		if (x == *nr)
			rows[(*nr)++] = r;
		for (x = 0; x < *ne && emps[x] != e; x++)
			;
		if (x == *ne)
			emps[(*ne)++] = e;
	}
}

/*
 * Applies a change and returns its energy delta; with keep == 0 or a
 * rejection by the caller, undo() puts everything back.
 */
static double
try_chg(struct st *st, struct chg *ch, int n)
{
	struct sv	*sv = st->sv;
	int		 rows[MAXCHG], emps[MAXCHG], nr, ne, ng;
	double		 before = 0, after = 0;

	for (int i = 0; i < n; i++)
		ch[i].old = sv->cell[ch[i].row][ch[i].day];
	touched(sv, ch, n, rows, &nr, emps, &ne);
	ng = touched_groups(st, ch, n);
	for (int i = 0; i < ng; i++)
		before += st->gold[i] = sv_group_pen(sv, &sv->groups[st->gl[i]]);
	for (int i = 0; i < MAXCHG; i++) {
		struct keep *k = &st->keep[i];

		k->row = i < nr ? rows[i] : -1;
		k->emp = i < ne ? emps[i] : -1;
		if (k->row >= 0) {
			k->r = sv->rows[k->row];
			k->rh = st->rh[k->row];
			k->rt = st->rt[k->row];
			k->rs = st->rs[k->row];
			before += row_pts(st, k->row);
		}
		if (k->emp >= 0) {
			k->ep = st->ep[k->emp];
			k->ef = st->ef[k->emp];
			before += emp_pts(st, k->emp);
		}
		if (k->row < 0 && k->emp < 0)
			break;
	}
	apply(sv, ch, n, 0);
	for (int i = 0; i < ng; i++)
		after += sv_group_pen(sv, &sv->groups[st->gl[i]]);
	for (int i = 0; i < nr; i++) {
		st->rules -= st->rh[rows[i]];
		st->tgt -= st->rt[rows[i]];
		price_row(st, rows[i]);
		st->rules += st->rh[rows[i]];
		st->tgt += st->rt[rows[i]];
		after += row_pts(st, rows[i]);
	}
	for (int i = 0; i < ne; i++) {
		st->rules -= st->ep[emps[i]];
		price_emp(st, emps[i]);
		st->rules += st->ep[emps[i]];
		after += emp_pts(st, emps[i]);
	}
	st->E += after - before;
	return after - before;
}

/* Takes back the change try_chg() just made, and the prices it kept. */
static void
undo(struct st *st, struct chg *ch, int n, double delta)
{
	struct sv	*sv = st->sv;

	apply(sv, ch, n, 1);
	for (int i = 0; i < MAXCHG; i++) {
		const struct keep *k = &st->keep[i];

		if (k->row < 0 && k->emp < 0)
			break;
		if (k->row >= 0) {
			st->rules += k->rh - st->rh[k->row];
			st->tgt += k->rt - st->rt[k->row];
			sv->rows[k->row] = k->r;
			st->rh[k->row] = k->rh;
			st->rt[k->row] = k->rt;
			st->rs[k->row] = k->rs;
		}
		if (k->emp >= 0) {
			st->rules += k->ep - st->ep[k->emp];
			st->ep[k->emp] = k->ep;
			st->ef[k->emp] = k->ef;
		}
	}
	st->E -= delta;
}

/* ---------------------------------------------------------------- state */

/* Prices everything again, the HTA weeks first (they lag behind). */
static void
reprice(struct st *st)
{
	struct sv	*sv = st->sv;

	for (int r = 0; r < sv->nrows; r++)
		sv_row_range(sv, r);
	st->E = st->rules = st->tgt = 0;
	for (int g = 0; g < sv->ngroups; g++)
		st->E += sv_group_pen(sv, &sv->groups[g]);
	for (int r = 0; r < sv->nrows; r++) {
		price_row(st, r);
		st->E += row_pts(st, r);
		st->rules += st->rh[r];
		st->tgt += st->rt[r];
	}
	for (int e = 0; e < sv->nemps; e++) {
		price_emp(st, e);
		st->E += emp_pts(st, e);
		st->rules += st->ep[e];
	}
}

void
sv_state_load(struct sv *sv, short **cells)
{
	for (int g = 0; g < sv->ngroups; g++) {
		sv->groups[g].n = 0;
		memset(sv->groups[g].nrole, 0, (size_t)(sv->nroles + 1) *
		    sizeof *sv->groups[g].nrole);
	}
	for (int r = 0; r < sv->nrows; r++) {
		sv->paid[r] = 0;
		for (int d = 0; d < sv->ndays; d++) {
			short s = cells != NULL ? cells[r][d] :
			    sv->rows[r].lock[d] == SV_NONE ? NO_SHIFT :
			    sv->rows[r].lock[d];

			sv->cell[r][d] = s;
			cover(sv, r, d, s, 1);
		}
	}
}

/*
 * The objective of the current state without the search's helpers:
 * uncovered and over-cover hours, full-time persons, soft points.
 */
double
sv_objective(struct sv *sv, double *unc, double *over, double *rules,
    int *full)
{
	double	 obj = 0;

	*unc = *over = *rules = 0;
	*full = 0;
	for (int g = 0; g < sv->ngroups; g++) {
		struct sv_group *gr = &sv->groups[g];
		int short_heads = 0;

		for (int k = 0; k < gr->nq; k++) {
			const struct tn_demand *q = &sv->c->demand[gr->q[k]];
			int n = 0;

			for (int ri = 0; ri < sv->nroles; ri++)
				if (sv_role_matches(sv, ri, q->role))
					n += gr->nrole[ri];
			if (n < q->min && q->min - n > short_heads)
				short_heads = q->min - n;
			if (q->max != UNSET && n > q->max &&
			    q->over_weight < 0)
				*rules += n - q->max;
		}
		*unc += short_heads * gr->paid / 60.0;
		if (gr->n > gr->cap)
			*over += (gr->n - gr->cap) * gr->paid / 60.0;
		obj += sv_group_pen(sv, gr);
	}
	for (int r = 0; r < sv->nrows; r++) {
		*rules += sv_row_hours_pen(sv, r, sv->paid[r]);
		obj += row_soft(sv, r);
	}
	for (int e = 0; e < sv->nemps; e++) {
		*rules += sv_emp_pen(sv, e);
		if (sv_emp_full(sv, e)) {
			(*full)++;
			obj -= W_FULL + W_FULL_WANT *
			    sv->rows[sv->emps[e].rows[0]].want100;
		}
	}
	return obj;
}

/* ---------------------------------------------------------------- moves */

static int
allowed(const struct sv *sv, int row, int d, int s)
{
	const struct sv_row *r = &sv->rows[row];

	if (r->lock[d] != SV_NONE)
		return s == r->lock[d];
	return s == NO_SHIFT || r->allow[d * sv->nshifts + s];
}

static short
random_val(struct st *st, int row, int d)
{
	struct sv	*sv = st->sv;
	int		 s;

	for (int tries = 0; tries < 8; tries++) {
		s = rn(st, sv->nwork + 1);
		s = s == sv->nwork ? NO_SHIFT : sv->work[s];
		if (allowed(sv, row, d, s))
			return (short)s;
	}
	return NO_SHIFT;
}

static int
free_day(const struct sv *sv, int row, int d)
{
	return sv->rows[row].lock[d] == SV_NONE;
}

/* Two rows of the same department, or -1. */
static int
partner(struct st *st, int row)
{
	struct sv	*sv = st->sv;

	for (int tries = 0; tries < 8; tries++) {
		int o = rn(st, sv->nrows);

		if (o != row && sv->rows[o].dept == sv->rows[row].dept)
			return o;
	}
	return -1;
}

static int
weekend_sat(const struct sv *sv, int k)
{
	int	 off = (7 - sv->c->start_weekday) % 7;

	return (off + 7 * k + 5) % sv->ndays;
}

/*
 * Swaps every weekend day between two rows: their weekend duty (group,
 * shifts, roles) changes hands, their weekdays stay.
 */
static int
weekend_duty(struct st *st, int r, struct chg *ch)
{
	struct sv	*sv = st->sv;
	int		 o = partner(st, r), n = 0;

	if (o < 0)
		return 0;
	for (int k = 0; k < sv->ndays / 7 && n + 4 <= MAXCHG; k++)
		for (int j = 0; j < 2; j++) {
			int dd = (weekend_sat(sv, k) + j) % sv->ndays;

			if (sv->cell[r][dd] == sv->cell[o][dd])
				continue;
			if (!allowed(sv, r, dd, sv->cell[o][dd]) ||
			    !allowed(sv, o, dd, sv->cell[r][dd]))
				return 0;
			ch[n++] = (struct chg){ r, dd, sv->cell[o][dd], 0 };
			ch[n++] = (struct chg){ o, dd, sv->cell[r][dd], 0 };
		}
	return n;
}

/*
 * Turns row r's line a week on or back, in a cyclic rotation: its hours
 * and its weekends' spacing stay, its weekends go to the other weeks.
 * Taking a person to other weekends a weekend at a time breaks
 * weekend_every or the hours on the way, which the search never
 * accepts.
 */
static int
rotate_week(struct st *st, int r, struct chg *ch)
{
	struct sv	*sv = st->sv;
	int		 n = 0, by = rn(st, 2) ? 7 : sv->ndays - 7;

	if (!sv->c->rules.cyclic || sv->ndays < 14 || sv->ndays % 7 != 0)
		return 0;
	for (int d = 0; d < sv->ndays; d++) {
		short v = sv->cell[r][(d + by) % sv->ndays];

		if (v == sv->cell[r][d])
			continue;
		if (n == MAXCHG || !allowed(sv, r, d, v))
			return 0;
		ch[n++] = (struct chg){ r, d, v, 0 };
	}
	return n;
}

/* Proposes a move into ch; returns its length (0: none). */
static int
propose(struct st *st, struct chg *ch)
{
	struct sv	*sv = st->sv;
	int		 m = rn(st, 100), r = rn(st, sv->nrows);
	int		 d = rn(st, sv->ndays), o, k, sat;

	if (m < 40) {
		if (!free_day(sv, r, d))
			return 0;
		ch[0] = (struct chg){ r, d, random_val(st, r, d), 0 };
		return ch[0].val != sv->cell[r][d];
	}
	if (m < 65) {
		if ((o = partner(st, r)) < 0 || sv->cell[r][d] ==
		    sv->cell[o][d] || !allowed(sv, r, d, sv->cell[o][d]) ||
		    !allowed(sv, o, d, sv->cell[r][d]))
			return 0;
		ch[0] = (struct chg){ r, d, sv->cell[o][d], 0 };
		ch[1] = (struct chg){ o, d, sv->cell[r][d], 0 };
		return 2;
	}
	k = rn(st, sv->ndays / 7);
	sat = weekend_sat(sv, k);
	if (m < 80) {
		int sun = (sat + 1) % sv->ndays;
		short a = random_val(st, r, sat);

		if (!free_day(sv, r, sat) || !free_day(sv, r, sun))
			return 0;
		ch[0] = (struct chg){ r, sat, a, 0 };
		ch[1] = (struct chg){ r, sun, a == NO_SHIFT ? NO_SHIFT :
		    allowed(sv, r, sun, a) ? a : random_val(st, r, sun), 0 };
		return 2;
	}
	if (m >= 84 && m < 87)
		return weekend_duty(st, r, ch);
	if (m < 90) {
		int n = 0, days[8], nd = 0, k2 = rn(st, sv->ndays / 7);
		int sat2 = weekend_sat(sv, k2), span = 2 + rn(st, 3);

		if ((o = partner(st, r)) < 0)
			return 0;
		if (m < 84) {
			days[nd++] = sat;
			days[nd++] = (sat + 1) % sv->ndays;
			if (k2 != k) {
				days[nd++] = sat2;
				days[nd++] = (sat2 + 1) % sv->ndays;
			}
		} else
			for (int j = 0; j < span; j++)
				days[nd++] = (d + j) % sv->ndays;
		for (int j = 0; j < nd; j++) {
			int dd = days[j];

			if (sv->cell[r][dd] == sv->cell[o][dd])
				continue;
			if (!allowed(sv, r, dd, sv->cell[o][dd]) ||
			    !allowed(sv, o, dd, sv->cell[r][dd]))
				return 0;
			ch[n++] = (struct chg){ r, dd, sv->cell[o][dd], 0 };
			ch[n++] = (struct chg){ o, dd, sv->cell[r][dd], 0 };
		}
		return n;
	}
	if (m == 99)
		return rotate_week(st, r, ch);
	o = (d / 7) * 7 + rn(st, 7);
	if (o == d || o >= sv->ndays || sv->cell[r][d] == sv->cell[r][o] ||
	    !allowed(sv, r, d, sv->cell[r][o]) ||
	    !allowed(sv, r, o, sv->cell[r][d]))
		return 0;
	ch[0] = (struct chg){ r, d, sv->cell[r][o], 0 };
	ch[1] = (struct chg){ r, o, sv->cell[r][d], 0 };
	return 2;
}

/* ---------------------------------------------------------------- greedy */

/* The rotation week (Monday to Sunday) of day d. */
static int
week_of(const struct sv *sv, int d)
{
	int	 off = (7 - sv->c->start_weekday) % 7;

	return ((d - off) % sv->ndays + sv->ndays) % sv->ndays / 7;
}

/* Whether row r may take weekend work on day d (its weekend group). */
static int
in_group(const struct st *st, int r, int d)
{
	int	 E = st->sv->c->rules.weekend_every;

	if (st->wgroup == NULL || !capacity_weekend_day(st->sv->c, d))
		return 1;
	return st->wgroup[r] >= 0 && week_of(st->sv, d) % E == st->wgroup[r];
}

/* The cheapest cell that fills group gr; 0 when none helps. */
static int
fill_one(struct st *st, struct sv_group *gr)
{
	struct sv	*sv = st->sv;
	struct chg	 ch;
	double		 best = 0, dl;
	int		 br = -1, bs = NO_SHIFT;

	for (int r = 0; r < sv->nrows; r++) {
		if (sv->rows[r].dept != gr->dept ||
		    sv->cell[r][gr->day] != NO_SHIFT ||
		    !free_day(sv, r, gr->day) || !in_group(st, r, gr->day))
			continue;
		for (int i = 0; i < sv->nwork; i++) {
			int s = sv->work[i], covers = 0;
			const struct tn_shift *sh = &sv->c->shifts[s];

			for (int k = 0; k < sh->ncovers; k++)
				covers |= sh->covers[k] == gr->dcode;
			if (!covers || !allowed(sv, r, gr->day, s))
				continue;
			ch = (struct chg){ r, gr->day, (short)s, 0 };
			dl = try_chg(st, &ch, 1);
			undo(st, &ch, 1, dl);
			if (dl < best) {
				best = dl;
				br = r;
				bs = s;
			}
		}
	}
	if (br < 0)
		return 0;
	ch = (struct chg){ br, gr->day, (short)bs, 0 };
	try_chg(st, &ch, 1);
	return 1;
}

/* The second day of a weekend: the same shift as the first, where it pays. */
static void
same_as_saturday(struct st *st, int d)
{
	struct sv	*sv = st->sv;
	struct chg	 ch;
	int		 p = (d + sv->ndays - 1) % sv->ndays;

	if (!capacity_weekend_day(sv->c, p) || !sv->c->rules.whole_weekends)
		return;
	for (int r = 0; r < sv->nrows; r++) {
		short s = sv->cell[r][p];
		double dl;

		if (s == NO_SHIFT || sv->cell[r][d] != NO_SHIFT ||
		    !free_day(sv, r, d) || !allowed(sv, r, d, s))
			continue;
		ch = (struct chg){ r, d, s, 0 };
		if ((dl = try_chg(st, &ch, 1)) >= 0)
			undo(st, &ch, 1, dl);
	}
}

/*
 * One greedy pass: fills each group up to its hard heads (soft 0) or to
 * all its heads with the cheapest single cell, weekends first, day by
 * day, each weekend from its group's lines when the lines are in
 * weekend groups; then the weekdays.
 */
static void
greedy_pass(struct st *st, int soft)
{
	struct sv	*sv = st->sv;

	for (int d = 0; d < sv->ndays; d++) {
		if (!capacity_weekend_day(sv->c, d))
			continue;
		same_as_saturday(st, d);
		for (int g = 0; g < sv->ngroups; g++) {
			struct sv_group *gr = &sv->groups[g];

			while (gr->day == d && gr->n < (soft ? gr->cap :
			    gr->hard) && fill_one(st, gr))
				;
		}
	}
	for (int g = 0; g < sv->ngroups; g++) {
		struct sv_group *gr = &sv->groups[g];

		while (!capacity_weekend_day(sv->c, gr->day) &&
		    gr->n < (soft ? gr->cap : gr->hard) && fill_one(st, gr))
			;
	}
}

/*
 * The start: hard demand over the whole rotation before soft.  A soft
 * head is worth no more than its under_weight, but taken first it
 * spends the persons one weekend may have (weekend_every) on soft
 * demand, leaves the hard demand of the next weekend to nobody, and no
 * move of the search takes a person to the other weekends without
 * breaking a rule on the way.
 */
static void
greedy(struct st *st)
{
	struct sv	*sv = st->sv;
	int		 soft_too = 0;

	for (int g = 0; g < sv->ngroups; g++)
		soft_too |= sv->groups[g].cap > sv->groups[g].hard;
	greedy_pass(st, 0);
	if (soft_too)
		greedy_pass(st, 1);
}

/*
 * Designed lines in weekend groups: with W weeks a multiple of E
 * (weekend_every), line i works the weekends k with k mod E = its
 * group; the lines of the roles the staffing plan names are dealt out
 * first, round the groups, so each weekend gets its share of each role.
 */
static int *
weekend_groups(const struct sv *sv)
{
	const struct tn_case *c = sv->c;
	int	 E = c->rules.weekend_every, W = sv->ndays / 7, *g, n = 0;

	if (E <= 1 || W % E != 0 || (g = tn_malloc(((size_t)sv->nrows + 1) *
	    sizeof *g)) == NULL)
		return NULL;
	for (int dept = 0; dept < c->ndepts; dept++)
		for (int pass = 0; pass < 2; pass++)
			for (int ri = 0; ri < sv->nroles; ri++) {
				int named = 0;

				for (int k = 0; k < c->ndemand; k++)
					named |= c->demand[k].dept == dept &&
					    strcmp(c->demand[k].role,
					    sv->roles[ri]) == 0;
				if (named != (pass == 0))
					continue;
				for (int r = 0; r < sv->nrows; r++)
					if (sv->rows[r].dept == dept &&
					    sv->rows[r].role == ri)
						g[r] = n++ % E;
			}
	return g;
}

/* ---------------------------------------------------------------- anneal */

static void
copy_cells(const struct sv *sv, short **to, short *const *from)
{
	for (int r = 0; r < sv->nrows; r++)
		memcpy(to[r], from[r], (size_t)sv->ndays * sizeof **to);
}

static int
stop_now(const struct sv *sv, double deadline, struct sv_result *res)
{
	if (sv->opts->stop != NULL && *sv->opts->stop) {
		res->stopped = 2;
		return 1;
	}
	if (deadline > 0 && sv_now() >= deadline) {
		res->stopped = 1;
		return 1;
	}
	if (sv->soft > 0 && sv_now() >= sv->soft && (res->t_first < 0 ||
	    res->uncovered > 1e-9)) {
		res->stopped = 1;
		return 1;
	}
	return 0;
}

void
sv_report(struct sv *sv, struct sv_result *res, double t0)
{
	struct tn_plan_progress pr = { 0 };

	if (sv->opts->progress == NULL)
		return;
	pr.elapsed = sv_now() - t0;
	pr.have_roster = res->t_first >= 0;
	pr.full_time = res->full;
	pr.bound = sv->full_bound;
	pr.uncovered = res->hard;	/* soft demand short is no finding */
	pr.gap = !pr.have_roster ? -1 : sv->full_bound <= 0 ? 0 :
	    (double)(sv->full_bound - res->full) / sv->full_bound;
	sv->opts->progress(&pr, sv->opts->arg);
}

/* Keeps the state as the best when it breaks no rule and is better. */
static void
keep_best(struct st *st, struct sv_result *res, double t0)
{
	struct sv	*sv = st->sv;
	double		 unc, over, rules, obj;
	int		 full;

	obj = sv_objective(sv, &unc, &over, &rules, &full);
	if (rules > 1e-9)
		return;
	if (res->t_first >= 0 && obj >= res->best_obj - 1e-9)
		return;
	copy_cells(sv, res->best, sv->cell);
	res->best_obj = obj;
	res->uncovered = unc;
	res->hard = unc > 1e-9 ? sv_hard_uncovered(sv) : 0;
	res->over = over;
	res->rules = 0;
	res->full = full;
	res->t_best = sv_now() - t0;
	if (res->t_first < 0)
		res->t_first = res->t_best;
}

/*
 * Points of the first two stages of the objective in the state: heads
 * missing and heads above the staffing plan (by their weights), and
 * full-time persons.  full gets the count.
 */
double
sv_points12(struct sv *sv, int *full)
{
	double	 pts = 0;

	*full = 0;
	for (int g = 0; g < sv->ngroups; g++) {
		const struct sv_group *gr = &sv->groups[g];

		for (int k = 0; k < gr->nq; k++) {
			const struct tn_demand *q = &sv->c->demand[gr->q[k]];
			int n = 0;

			for (int ri = 0; ri < sv->nroles; ri++)
				if (sv_role_matches(sv, ri, q->role))
					n += gr->nrole[ri];
			if (n < q->min)
				pts += (q->min - n) * (q->under_weight >= 0 ?
				    q->under_weight * W_FULL : W_UNCOVER *
				    gr->paid / 60.0);
			if (q->max != UNSET && n > q->max &&
			    q->over_weight >= 0)
				pts += (n - q->max) * q->over_weight * W_FULL;
		}
		if (gr->n > gr->cap)
			pts += (gr->n - gr->cap) * W_OVER * gr->paid / 60.0;
	}
	for (int e = 0; e < sv->nemps; e++)
		if (sv_emp_full(sv, e)) {
			(*full)++;
			pts -= W_FULL + W_FULL_WANT *
			    sv->rows[sv->emps[e].rows[0]].want100;
		}
	return pts;
}

/* Whether the best is within the gap of the capacity bound: stop soon. */
static int
proven(const struct sv *sv, const struct sv_result *res)
{
	double	 bound = -(W_FULL + W_FULL_WANT) * sv->full_bound;

	if (res->t_first < 0 || res->uncovered > 1e-9)
		return 0;
	if (res->full >= sv->full_bound)
		return 1;
	return -(W_FULL + W_FULL_WANT) * res->full - bound <=
	    sv->opts->gap * fabs(bound) + 1e-9;
}

/* The demand's minutes less every row's least and the planned rows' rise. */
static double
target_budget(const struct sv *sv)
{
	double	 budget = 0;

	for (int g = 0; g < sv->ngroups; g++)
		budget += (double)sv->groups[g].cap * sv->groups[g].paid;
	for (int r = 0; r < sv->nrows; r++)
		budget -= sv->rows[r].target ? sv->rows[r].fullpaid :
		    sv->rows[r].minpaid;
	return budget;
}

/* Whether row x may be planned full time within the budget. */
static int
target_ok(const struct sv *sv, const struct sv_row *x, double budget)
{
	return !x->target && x->hi >= sv->thr && sv->emps[x->emp].nrows == 1 &&
	    x->fullpaid - x->minpaid <= budget;
}

/*
 * When every planned full-time row is full (the HTA week of three-shift
 * rows shrinks as they earn credit, and frees hours): plans one more,
 * the fullest of the others, while the hours allow.  Returns 1 if so.
 */
static int
more_targets(struct sv *sv)
{
	double	 budget = target_budget(sv);
	int	 best = -1;

	for (int r = 0; r < sv->nrows; r++)
		if (sv->rows[r].target && sv->paid[r] < sv->rows[r].fullpaid)
			return 0;
	for (int r = 0; r < sv->nrows; r++)
		if (target_ok(sv, &sv->rows[r], budget) && (best < 0 ||
		    sv->paid[r] > sv->paid[best]))
			best = r;
	if (best < 0)
		return 0;
	sv->rows[best].target = 1;
	sv->ntargets++;
	return 1;
}

/* Marks the planned full-time rows: from the largest position down. */
static void
pick_targets(struct sv *sv)
{
	double	 budget;
	int	 more = 1;

	for (int r = 0; r < sv->nrows; r++)
		sv->rows[r].target = 0;
	budget = target_budget(sv);
	sv->ntargets = 0;
	while (more) {
		int best = -1;

		more = 0;
		for (int r = 0; r < sv->nrows; r++) {
			const struct sv_row *x = &sv->rows[r];

			if (!target_ok(sv, x, budget))
				continue;
			if (best < 0 || x->lo > sv->rows[best].lo)
				best = r;
		}
		if (best >= 0) {
			budget -= sv->rows[best].fullpaid -
			    sv->rows[best].minpaid;
			sv->rows[best].target = 1;
			sv->ntargets++;
			more = 1;
		}
	}
}

static void
anneal(struct st *st, struct sv_result *res, double t0, double deadline)
{
	struct sv	*sv = st->sv;
	struct chg	 ch[MAXCHG];
	double		 T0 = 30, T1 = 0.3, start = sv_now(), T = T0;
	double		 span = deadline > 0 ? deadline - start : 60;
	double		 last_rep = start, done_at = -1, lastE = st->E;
	long		 it = 0;

	for (;;) {
		int n;
		double dl;

		if ((it & 255) == 0) {
			double now = sv_now(), f = (now - start) / span;

			if (stop_now(sv, deadline, res))
				break;
			if (proven(sv, res)) {
				if (done_at < 0)
					done_at = now;
				else if (now - done_at > 1.0 + span * 0.02)
					break;
			}
			T = T0 * pow(T1 / T0, f > 1 ? 1 : f);
			if (now - last_rep > 0.5) {
				last_rep = now;
				reprice(st);
				if (more_targets(sv))
					reprice(st);
				sv_report(sv, res, t0);
			}
		}
		it++;
		if ((n = propose(st, ch)) == 0)
			continue;
		dl = try_chg(st, ch, n);
		if (dl <= 0 || unif(st) < exp(-dl / T)) {
			if (st->rules < 1e-9 && st->E < lastE - 1e-9) {
				keep_best(st, res, t0);
				lastE = st->E;
			} else if (st->E > lastE)
				lastE = st->E > lastE + 1000 ? st->E - 1000 :
				    lastE;
			continue;
		}
		undo(st, ch, n, dl);
	}
}

/*
 * Today's roster (or with sv->warm the case's cells, a roster planned
 * before) where it fits the plan's domains, else empty.
 */
static void
start_state(struct sv *sv)
{
	short	*keep = NULL;

	if (sv->warm && (keep = tn_malloc((size_t)sv->nrows * sv->ndays *
	    sizeof *keep)) != NULL)
		for (int r = 0; r < sv->nrows; r++)
			memcpy(keep + (size_t)r * sv->ndays, sv->cell[r],
			    (size_t)sv->ndays * sizeof *keep);
	sv_state_load(sv, NULL);
	for (int r = 0; r < sv->nrows; r++) {
		const short *was = keep != NULL ? keep + (size_t)r *
		    sv->ndays : sv->rows[r].was;

		for (int d = 0; was != NULL && d < sv->ndays; d++)
			if (sv->rows[r].lock[d] == SV_NONE && was[d] != NO_SHIFT &&
			    allowed(sv, r, d, was[d]))
				sv->cell[r][d] = was[d];
	}
	free(keep);
	sv_state_load(sv, sv->cell);
}

int
sv_search(struct sv *sv, double deadline, struct sv_result *res)
{
	struct st	 st = { .sv = sv, .rng = sv->opts->seed ?
			    sv->opts->seed : 2463534242u };
	double		 t0 = sv->t0 > 0 ? sv->t0 : sv_now();
	size_t		 nr = (size_t)sv->nrows + 1, ne = (size_t)sv->nemps + 1;
	int		 rc = -1;

	st.rh = tn_calloc(nr, sizeof *st.rh);
	st.rt = tn_calloc(nr, sizeof *st.rt);
	st.rs = tn_calloc(nr, sizeof *st.rs);
	st.ep = tn_calloc(ne, sizeof *st.ep);
	st.ef = tn_calloc(ne, sizeof *st.ef);
	st.gl = tn_calloc(4 * MAXCHG * ((size_t)sv->c->ndcodes + 1),
	    sizeof *st.gl);
	st.gold = tn_calloc(4 * MAXCHG * ((size_t)sv->c->ndcodes + 1),
	    sizeof *st.gold);
	st.keep = tn_calloc(MAXCHG, sizeof *st.keep);
	if (st.rh == NULL || st.rt == NULL || st.rs == NULL || st.ep == NULL ||
	    st.ef == NULL || st.gl == NULL || st.gold == NULL ||
	    st.keep == NULL)
		goto out;
	pick_targets(sv);
	start_state(sv);
	reprice(&st);
	keep_best(&st, res, t0);
	if (sv->design && !sv->warm)
		st.wgroup = weekend_groups(sv);
	greedy(&st);
	free(st.wgroup);
	st.wgroup = NULL;
	keep_best(&st, res, t0);
	if (res->t_first < 0) {
		/* today's roster breaks rules: a clean one at once */
		sv_repair(sv);
		reprice(&st);
		keep_best(&st, res, t0);
	}
	keep_best(&st, res, t0);
	anneal(&st, res, t0, deadline);
	rc = 0;
out:
	free(st.rh);
	free(st.rt);
	free(st.rs);
	free(st.ep);
	free(st.ef);
	free(st.gl);
	free(st.gold);
	free(st.keep);
	return rc;
}
