/* The planned roster as a wide CSV: the layout turnus reads back. */
#include <math.h>
#include <stdio.h>

#include "turnus/plan.h"
#include "model.h"
#include "util.h"
#include "write.h"

/* With night_cell = end a night is written on the day it ends. */
static int
cell_at(const struct tn_case *c, const struct tn_person *p, int d)
{
	int	 n = c->ndays, s, prev;

	if (!c->rules.night_cell_end)
		return p->cell[d];
	s = p->cell[d];
	if (s != NO_SHIFT && !c->shifts[s].off &&
	    c->shifts[s].start + c->shifts[s].len > MIN_PER_DAY)
		s = NO_SHIFT;
	prev = d > 0 ? p->cell[d - 1] : c->rules.cyclic ? p->cell[n - 1] :
	    NO_SHIFT;
	if (prev != NO_SHIFT && !c->shifts[prev].off &&
	    c->shifts[prev].start + c->shifts[prev].len > MIN_PER_DAY)
		s = prev;
	return s;
}

int
tn_roster_write(const struct tn_case *c, const struct tn_style *st,
    FILE *fp, struct tn_error *err)
{
	char	 b[32];

	(void)err;
	csv_begin(fp, st);
	csv_cell(fp, st, "id", 1);
	csv_cell(fp, st, "name", 0);
	csv_cell(fp, st, "department", 0);
	csv_cell(fp, st, "role", 0);
	csv_cell(fp, st, "position_pct", 0);
	for (int d = 0; d < c->ndays; d++) {
		if (c->first_date >= 0)
			fmt_date(b, sizeof b, c->first_date + d,
			    st->csv_plain);
		else
			snprintf(b, sizeof b, "%d", d + 1);
		csv_cell(fp, st, b, 0);
	}
	csv_end(fp);
	for (int i = 0; i < c->npersons; i++) {
		const struct tn_person *p = &c->persons[i];
		double pos = isnan(p->pos_pct) ? 0 : p->pos_pct;

		csv_cell(fp, st, p->id, 1);
		csv_cell(fp, st, p->name != NULL ? p->name : "", 0);
		csv_cell(fp, st, c->depts[p->dept], 0);
		csv_cell(fp, st, p->role, 0);
		csv_num(fp, st, pos, fabs(pos - round(pos)) < 1e-9 ? 0 : 2, 0);
		for (int d = 0; d < c->ndays; d++) {
			int s = cell_at(c, p, d);

			csv_cell(fp, st, s == NO_SHIFT ? "" : c->shifts[s].code,
			    0);
		}
		csv_end(fp);
	}
	return 0;
}
