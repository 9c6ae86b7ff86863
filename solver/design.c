/* Designed roster lines (plan --design): how many, of which roles. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "capacity.h"
#include "design.h"
#include "i18n.h"
#include "util.h"

/* The role of most staff that no demand row names, else "any". */
static const char *
filler_role(const struct tn_case *c)
{
	const char	*best = "any";
	int		 bn = 0;

	for (int i = 0; i < c->npersons; i++) {
		const char *r = c->persons[i].role;
		int n = 0, named = 0;

		for (int k = 0; k < c->ndemand; k++)
			named |= strcmp(c->demand[k].role, r) == 0;
		if (named || strcasecmp(r, "any") == 0)
			continue;
		for (int j = 0; j < c->npersons; j++)
			n += strcmp(c->persons[j].role, r) == 0;
		if (n > bn) {
			bn = n;
			best = r;
		}
	}
	return best;
}

/*
 * Lines of a role the weekends need: the heads of its own demand rows on
 * each weekend (long shifts filling several of its rows where they are
 * used), summed, over the weekends one line works.
 */
static int
role_lines(const struct tn_case *c, int dept, const char *role,
    int with_long)
{
	int	 per = (c->ndays / 7) / c->rules.weekend_every, sum = 0;

	for (int d = 0; d < c->ndays; d++) {
		int h, h2 = 0;

		if (!capacity_weekend_day(c, d) ||
		    (d > 0 && capacity_weekend_day(c, d - 1)))
			continue;
		h = capacity_day_heads(c, dept, d, role, with_long);
		if (d + 1 < c->ndays && capacity_weekend_day(c, d + 1))
			h2 = capacity_day_heads(c, dept, d + 1, role, with_long);
		sum += h > h2 ? h : h2;
	}
	return per > 0 ? (sum + per - 1) / per : sum;
}

static void
persons_clear(struct tn_case *c)
{
	for (int i = 0; i < c->npersons; i++) {
		struct tn_person *p = &c->persons[i];

		free(p->id);
		free(p->name);
		free(p->role);
		free(p->max_shifts);
		free(p->own_rules);
		free(p->cell);
	}
	free(c->persons);
	c->persons = NULL;
	c->npersons = c->nids = 0;
	free(c->wishes);
	c->wishes = NULL;
	c->nwishes = 0;
}

int
design_line_add(struct tn_case *c, int dept, const char *role)
{
	struct tn_person *p;
	char		  id[32], name[48];
	int		  n = c->npersons;

	if ((p = tn_realloc(c->persons, (size_t)(n + 1) * sizeof *p)) == NULL)
		return -1;
	c->persons = p;
	p = &c->persons[n];
	memset(p, 0, sizeof *p);
	snprintf(id, sizeof id, "L%02d", n + 1);
	snprintf(name, sizeof name, _("Line %d"), n + 1);
	p->id = tn_strdup(id);
	p->name = tn_strdup(name);
	p->role = tn_strdup(role);
	p->cell = tn_malloc((size_t)c->ndays * sizeof *p->cell);
	c->npersons++;
	if (p->id == NULL || p->name == NULL || p->role == NULL ||
	    p->cell == NULL)
		return -1;
	for (int d = 0; d < c->ndays; d++)
		p->cell[d] = NO_SHIFT;
	p->dept = dept;
	p->pid = c->nids++;
	p->pos_pct = c->rules.min_position_pct;
	p->staff_pct = p->roster_pct = NAN;
	p->wanted_pct = 100;
	p->long_shifts = 1;
	p->nights = TN_NIGHTS_YES;
	p->min_hours = p->max_hours = p->max_weekends = UNSET;
	p->rules = &c->rules;
	p->in_staff = 1;
	return 0;
}

int
design_lines(struct tn_case *c, int with_long, struct tn_error *err)
{
	char		 filler[128];

	snprintf(filler, sizeof filler, "%s", filler_role(c));
	persons_clear(c);
	for (int dept = 0; dept < c->ndepts; dept++) {
		int heads = capacity_heads(c, dept, with_long);
		int first = c->npersons;

		for (int k = 0; k < c->ndemand; k++) {
			const struct tn_demand *q = &c->demand[k];
			int have = 0, need;

			if (q->dept != dept || strcasecmp(q->role, "any") == 0)
				continue;
			for (int i = first; i < c->npersons; i++)
				have += strcmp(c->persons[i].role,
				    q->role) == 0;
			need = role_lines(c, dept, q->role, with_long);
			for (; have < need; have++)
				if (design_line_add(c, dept, q->role) == -1)
					return tn_oom(err);
		}
		while (c->npersons - first < heads)
			if (design_line_add(c, dept, filler) == -1)
				return tn_oom(err);
	}
	c->has_staff = 1;
	c->has_roster = 0;
	return 0;
}

/* The role of a line to add to a department: the role most short. */
const char *
design_role_short(const struct tn_case *c, int dept, const double *short_by,
    const char *fallback)
{
	const char	*best = fallback;
	double		 most = 0;

	for (int k = 0; k < c->ndemand; k++) {
		const struct tn_demand *q = &c->demand[k];

		if (q->dept != dept || strcasecmp(q->role, "any") == 0 ||
		    short_by[k] <= most)
			continue;
		most = short_by[k];
		best = q->role;
	}
	return best;
}

int
design_long(const struct tn_case *c, int long_shifts,
    const struct tn_capacity *cap)
{
	const struct tn_capacity_row *on, *off;
	int	 E = c->rules.weekend_every;

	if (long_shifts != TN_LONG_AUTO)
		return long_shifts == TN_LONG_ON;
	on = tn_capacity_pick(cap, E, 1);
	off = tn_capacity_pick(cap, E, 0);
	if (on == NULL || off == NULL || !on->possible)
		return 0;
	return on->design_share >= off->design_share;
}
