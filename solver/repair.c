/* Repairs a roster that breaks rules: shifts dropped, hours brought in. */
#include <string.h>

#include "sv.h"

/* Whether day d of row r is free to change. */
static int
free_cell(const struct sv *sv, int r, int d)
{
	return sv->rows[r].lock[d] == SV_NONE;
}

/* Drops worked cells of persons whose rules break, fewest first. */
static void
repair_rules(struct sv *sv, int e)
{
	const struct sv_emp *em = &sv->emps[e];
	double	 pen = sv_emp_pen(sv, e);

	while (pen > 1e-9) {
		int br = -1, bd = -1;
		double best = pen;

		for (int k = 0; k < em->nrows; k++)
			for (int d = 0, r = em->rows[k]; d < sv->ndays; d++) {
				short s = sv->cell[r][d];
				double x;

				if (s == NO_SHIFT || !free_cell(sv, r, d))
					continue;
				sv->cell[r][d] = NO_SHIFT;
				x = sv_emp_pen(sv, e);
				sv->cell[r][d] = s;
				if (br < 0 || x < best) {
					best = x;
					br = r;
					bd = d;
				}
			}
		if (br < 0)
			break;
		sv->cell[br][bd] = NO_SHIFT;
		pen = best;
	}
}

/* Paid minutes of row r in the state. */
static long
row_paid(const struct sv *sv, int r)
{
	long	 paid = 0;

	for (int d = 0; d < sv->ndays; d++)
		if (sv->cell[r][d] != NO_SHIFT)
			paid += sv->c->shifts[sv->cell[r][d]].paid;
	return paid;
}

/* Minutes paid outside row r's range. */
static long
hours_off(const struct sv *sv, int r, long paid)
{
	const struct sv_row *w = &sv->rows[r];

	return paid < w->minpaid ? w->minpaid - paid : paid > w->maxpaid ?
	    paid - w->maxpaid : 0;
}

/*
 * Brings a row's hours into its position's range, one cell at a time:
 * each step the change (a shift added, dropped or swapped for another)
 * that comes nearest, among those that break no rule.
 */
static void
repair_hours(struct sv *sv, int r)
{
	const struct tn_shift *sh = sv->c->shifts;
	int	 e = sv->rows[r].emp;

	sv_row_range(sv, r);
	for (int it = 0; it < 4 * sv->ndays; it++) {
		long paid = row_paid(sv, r), off = hours_off(sv, r, paid);
		long best = off;
		int bd = -1;
		short bv = NO_SHIFT;

		for (int d = 0; off > 0 && d < sv->ndays; d++)
			for (int i = -1; free_cell(sv, r, d) && i < sv->nwork;
			    i++) {
				short v = i < 0 ? NO_SHIFT : (short)sv->work[i];
				short old = sv->cell[r][d];
				long np = paid - (old == NO_SHIFT ? 0 :
				    sh[old].paid) + (v == NO_SHIFT ? 0 :
				    sh[v].paid);

				if (v == old || (v != NO_SHIFT &&
				    !sv->rows[r].allow[d * sv->nshifts + v]) ||
				    hours_off(sv, r, np) >= best)
					continue;
				sv->cell[r][d] = v;
				if (sv_emp_pen(sv, e) < 1e-9) {
					best = hours_off(sv, r, np);
					bd = d;
					bv = v;
				}
				sv->cell[r][d] = old;
			}
		if (bd < 0)
			break;
		sv->cell[r][bd] = bv;
	}
}

/*
 * When the search found no roster that keeps every rule: drops the
 * shifts that break them, then brings each person's hours into the
 * position's range where some shift fits.
 */
void
sv_repair(struct sv *sv)
{
	for (int e = 0; e < sv->nemps; e++)
		repair_rules(sv, e);
	for (int r = 0; r < sv->nrows; r++)
		repair_hours(sv, r);
	sv_state_load(sv, sv->cell);
}

