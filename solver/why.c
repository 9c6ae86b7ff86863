/*
 * Why a plan leaves demand uncovered: the elastic re-solve names the rule
 * families in the way, the weekend and hours arithmetic the numbers, and
 * the best roster the shifts left short.
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "capacity.h"
#include "i18n.h"
#include "util.h"
#include "why.h"

#define EPS		1e-6
#define MAX_SHORT	8	/* shifts listed one by one */

static const char *const day_plural[7] = { N_("Mondays"), N_("Tuesdays"),
    N_("Wednesdays"), N_("Thursdays"), N_("Fridays"), N_("Saturdays"),
    N_("Sundays") };

int
why_add(struct tn_plan_result *res, const char *fmt, ...)
{
	char	 b[640], **v;
	va_list	 ap;

	va_start(ap, fmt);
	vsnprintf(b, sizeof b, fmt, ap);
	va_end(ap);
	if ((v = tn_realloc(res->explain, (size_t)(res->nexplain + 1) *
	    sizeof *v)) == NULL)
		return -1;
	res->explain = v;
	if ((v[res->nexplain] = tn_strdup(b)) == NULL)
		return -1;
	res->nexplain++;
	return 0;
}

/* A count: whole, or with one decimal (a comma in Norwegian text). */
static const char *
count(char *b, size_t sz, double x)
{
	if (fabs(x - round(x)) < 0.05)
		snprintf(b, sz, "%.0f", round(x));
	else
		fmt_num(b, sz, x, 1, i18n_nb());
	return b;
}

/*
 * Heads of hard demand of one department, day and code: soft demand
 * (under_weight) short is a price in the objective, not a need.
 */
static int
hard_heads(const struct sv *sv, int dept, int d, int x)
{
	int	 g = sv_group_of(sv, dept, d, x);

	return g >= 0 ? sv->groups[g].hard : 0;
}

/* Whether day d has hard demand of code x in some department. */
static int
hard_code(const struct sv *sv, int d, int x)
{
	for (int dept = 0; dept < sv->c->ndepts; dept++)
		if (hard_heads(sv, dept, d, x) > 0)
			return 1;
	return 0;
}

/* "D, A and N": the codes of day d with hard demand, in their order. */
static void
day_codes(const struct sv *sv, int d, char *b, size_t sz)
{
	const struct tn_case *c = sv->c;
	int	 n = 0, k = 0;

	for (int x = 0; x < c->ndcodes; x++)
		n += hard_code(sv, d, x);
	b[0] = '\0';
	for (int x = 0; x < c->ndcodes; x++) {
		if (!hard_code(sv, d, x))
			continue;
		k++;
		snprintf(b + strlen(b), sz - strlen(b), "%s%s", k == 1 ? "" :
		    k == n ? C_("list", " and ") : ", ", c->dcodes[x]);
	}
}

/* The long shifts a weekend day is planned with: "L" or "L and LN". */
static void
long_codes(const struct sv *sv, char *b, size_t sz)
{
	int	 n = 0;

	b[0] = '\0';
	for (int s = 0; s < sv->nshifts; s++)
		if (capacity_is_long(sv->c, s)) {
			snprintf(b + strlen(b), sz - strlen(b), "%s%s", n++ ?
			    ", " : "", sv->c->shifts[s].code);
		}
}

/*
 * Persons one department's day d needs for its hard demand, as
 * capacity_day_heads() counts them: a long shift takes the heads it
 * fills.
 */
static int
hard_day_heads(const struct sv *sv, int dept, int d, int with_long)
{
	const struct tn_case *c = sv->c;
	int	*h, heads = 0;

	if ((h = tn_calloc((size_t)c->ndcodes + 1, sizeof *h)) == NULL)
		return 0;
	for (int x = 0; x < c->ndcodes; x++)
		h[x] = hard_heads(sv, dept, d, x);
	if (with_long)
		capacity_long_heads(c, h, &heads, NULL);
	for (int x = 0; x < c->ndcodes; x++)
		heads += h[x];
	free(h);
	return heads;
}

/* Persons who may work some shift on day d. */
static int
may_work_day(const struct sv *sv, int d)
{
	int	 n = 0;

	for (int e = 0; e < sv->nemps; e++) {
		int ok = 0;

		for (int k = 0; k < sv->emps[e].nrows && !ok; k++) {
			const struct sv_row *r = &sv->rows[sv->emps[e].rows[k]];

			if (r->lock[d] != SV_NONE) {
				ok = r->lock[d] != NO_SHIFT;
				continue;
			}
			for (int s = 0; s < sv->nshifts && !ok; s++)
				ok = r->allow[d * sv->nshifts + s];
		}
		n += ok;
	}
	return n;
}

/*
 * Hard heads day d misses in the state (the larger of any role and
 * roles).
 */
static int
day_missing(const struct sv *sv, int d)
{
	int	 miss = 0;

	for (int g = 0; g < sv->ngroups; g++) {
		const struct sv_group *gr = &sv->groups[g];
		int worst = 0;

		if (gr->day != d)
			continue;
		for (int k = 0; k < gr->nq; k++) {
			const struct tn_demand *q = &sv->c->demand[gr->q[k]];
			int n = 0;

			if (q->under_weight >= 0)
				continue;
			for (int ri = 0; ri < sv->nroles; ri++)
				if (sv_role_matches(sv, ri, q->role))
					n += gr->nrole[ri];
			if (q->min - n > worst)
				worst = q->min - n;
		}
		miss += worst;
	}
	return miss;
}

/*
 * The weekend arithmetic for one weekday: the heads a day needs (with
 * the long shifts where the plan uses them), the persons who may work
 * it, and how many of them every E-th weekend lets be there.
 */
static int
weekend_day(const struct sv *sv, int wd, int with_long, int blamed,
    struct tn_plan_result *res)
{
	const struct tn_case *c = sv->c;
	int	 weeks = c->ndays / 7, E = c->rules.weekend_every;
	int	 need = 0, M = 0, miss = 0, day = -1;
	double	 most;
	char	 codes[160], lc[64], wl[96] = "", a[16], b[16], e[16];

	long_codes(sv, lc, sizeof lc);
	with_long = with_long && lc[0] != '\0';
	for (int d = 0; d < c->ndays; d++) {
		int n = 0, m;

		if (case_weekday(c, d) != wd || !capacity_weekend_day(c, d))
			continue;
		for (int dept = 0; dept < c->ndepts; dept++)
			n += hard_day_heads(sv, dept, d, with_long);
		if (n > need || day < 0) {
			need = n > need ? n : need;
			day = d;
		}
		m = may_work_day(sv, d);
		M = m > M ? m : M;
		m = day_missing(sv, d);
		miss = m > miss ? m : miss;
	}
	if (day < 0 || miss == 0)
		return 0;
	most = weeks > 0 ? (double)M * (weeks / E) / weeks : 0;
	if (need <= most + EPS && !blamed)
		return 0;
	day_codes(sv, day, codes, sizeof codes);
	if (with_long)
		snprintf(wl, sizeof wl, _(" (with long shifts %s)"), lc);
	fmt_ordinal(e, sizeof e, E);
	if (need > most + EPS)
		return why_add(res, P_("%s need %d person on %s%s; with every %s "
		    "weekend (weekend_every) and %d persons allowed to work "
		    "weekends, %sat most %s can be there: %s missing", "%s need "
		    "%d persons on %s%s; with every %s weekend (weekend_every) "
		    "and %d persons allowed to work weekends, %sat most %s can "
		    "be there: %s missing", need), _(day_plural[wd]), need,
		    codes, wl, e, M, fabs(most - round(most)) < 0.05 ? "" :
		    _("on average "), count(a, sizeof a, most), count(b,
		    sizeof b, need - most));
	return why_add(res, _("%s need %d persons on %s; every %s weekend "
	    "(weekend_every) lets %s of the %d persons allowed to work "
	    "weekends be there, but with the other rules and roles %s "
	    "are still missing"), _(day_plural[wd]), need, codes, e,
	    count(a, sizeof a, most), M, count(b, sizeof b, miss));
}

static int
explain_weekends(const struct sv *sv, const struct sv_elastic *el,
    int with_long, struct tn_plan_result *res)
{
	int	 blamed = el->solved && el->fam[SV_F_WEEKEND] +
		    el->fam[SV_F_WHOLE] > EPS;
	int	 n0 = res->nexplain;

	for (int wd = 5; wd < 7; wd++)
		if (weekend_day(sv, wd, with_long, blamed, res) == -1)
			return -1;
	if (el->solved && el->fam[SV_F_WHOLE] > EPS && res->nexplain == n0 &&
	    why_add(res, "%s", _("a worked weekend is Saturday and Sunday "
	    "(whole_weekends = yes): that keeps weekend days short")) == -1)
		return -1;
	return 0;
}

/* The hard demand's hours against what the positions can carry. */
static int
explain_hours(const struct sv *sv, const struct sv_elastic *el,
    struct tn_plan_result *res)
{
	double	 need = 0, most = 0;

	for (int g = 0; g < sv->ngroups; g++)
		need += (double)sv->groups[g].hard * sv->groups[g].paid / 60;
	for (int r = 0; r < sv->nrows; r++)
		most += sv->rows[r].maxpaid / 60.0;
	if (most + EPS < need)
		return why_add(res, _("the staffing plan needs %.0f h in the "
		    "rotation, but the staff's positions (up to what each "
		    "wants, at most 100 %%, within hours_tolerance) carry at "
		    "most %.0f h: %.0f h short"), need, most, need - most);
	if (el->solved && el->fam[SV_F_HOURS] > 0.5)
		return why_add(res, _("the positions' hours (today's up to what "
		    "each wants, within hours_tolerance) do not reach the "
		    "shifts left short: about %.0f h more would be needed"),
		    el->fam[SV_F_HOURS]);
	return 0;
}

/* The weekday where a family's slack is largest. */
static int
worst_day(const struct sv_elastic *el, int f)
{
	int	 w = 0;

	for (int d = 1; d < 7; d++)
		if (el->wday[f][d] > el->wday[f][w])
			w = d;
	return w;
}

static int
explain_rules(const struct sv *sv, const struct sv_elastic *el,
    struct tn_plan_result *res)
{
	const struct tn_rules *r = &sv->c->rules;
	char	 h[16];

	if (el->fam[SV_F_REST] > EPS && why_add(res, _("the rest between shifts "
	    "(min_daily_rest_hours = %s h, and cannot_follow) keeps persons "
	    "from the shifts left short, most on %s"), count(h, sizeof h,
	    r->min_daily_rest / 60.0),
	    _(day_plural[worst_day(el, SV_F_REST)])) == -1)
		return -1;
	if (el->fam[SV_F_RUN] > EPS && why_add(res, _("no more than %d working "
	    "days in a row (max_consecutive_days) keeps persons from the "
	    "shifts left short"), r->max_consecutive_days) == -1)
		return -1;
	if (el->fam[SV_F_WEEK] > EPS && why_add(res, _("no more than %s h in a "
	    "week (max_week_hours) keeps persons from the shifts left short"),
	    count(h, sizeof h, r->max_week / 60.0)) == -1)
		return -1;
	return 0;
}

/* Persons of a role (or any) who may work demand code x on day d. */
static int
may_fill(const struct sv *sv, const struct sv_group *gr, const char *role)
{
	int	 n = 0;

	for (int e = 0; e < sv->nemps; e++) {
		int ok = 0;

		for (int k = 0; k < sv->emps[e].nrows && !ok; k++) {
			int r = sv->emps[e].rows[k];
			const struct sv_row *w = &sv->rows[r];

			if (w->dept != gr->dept ||
			    !sv_role_matches(sv, w->role, role))
				continue;
			for (int s = 0; s < sv->nshifts && !ok; s++) {
				const struct tn_shift *sh = &sv->c->shifts[s];
				int fills = 0;

				for (int j = 0; j < sh->ncovers; j++)
					fills |= sh->covers[j] == gr->dcode;
				ok = fills && (w->lock[gr->day] == SV_NONE ?
				    w->allow[gr->day * sv->nshifts + s] :
				    w->lock[gr->day] == s);
			}
		}
		n += ok;
	}
	return n;
}

static int
heads_add(struct tn_plan_result *res, const char *day, const char *wd,
    const char *code, const struct tn_demand *q, int m)
{
	if (strcasecmp(q->role, "any") != 0)
		return why_add(res, _("%s %s %s needs %d %s, but only %d may work "
		    "it (roles, long_shifts, nights, locked days): more staff "
		    "would help"), day, wd, code, q->min, q->role, m);
	return why_add(res, P_("%s %s %s needs %d person, but only %d may work it "
	    "(roles, long_shifts, nights, locked days): more staff would "
	    "help", "%s %s %s needs %d persons, but only %d may work it "
	    "(roles, long_shifts, nights, locked days): more staff would "
	    "help", q->min), day, wd, code, q->min, m);
}

/*
 * Hard demand no rule can fill: too few persons (of the role) may work
 * it.
 */
static int
explain_heads(const struct sv *sv, struct tn_plan_result *res)
{
	const struct tn_case *c = sv->c;
	int	 n = 0;

	for (int g = 0; g < sv->ngroups && n < 4; g++) {
		const struct sv_group *gr = &sv->groups[g];

		for (int k = 0; k < gr->nq && n < 4; k++) {
			const struct tn_demand *q = &c->demand[gr->q[k]];
			int m = may_fill(sv, gr, q->role);
			char day[32];

			if (m >= q->min || q->under_weight >= 0)
				continue;
			if (c->first_date >= 0)
				fmt_date(day, sizeof day, c->first_date +
				    gr->day, 0);
			else
				snprintf(day, sizeof day, _("day %d"),
				    gr->day + 1);
			if (heads_add(res, day, _(weekday_abbr[case_weekday(c,
			    gr->day)]), c->dcodes[gr->dcode], q, m) == -1)
				return -1;
			n++;
		}
	}
	return 0;
}

/* The hard demand the best roster leaves short, shift by shift. */
static int
explain_groups(const struct sv *sv, struct tn_plan_result *res)
{
	const struct tn_case *c = sv->c;
	int	 n = 0, more = 0;

	for (int g = 0; g < sv->ngroups; g++) {
		const struct sv_group *gr = &sv->groups[g];
		char day[32];

		for (int k = 0; k < gr->nq; k++) {
			const struct tn_demand *q = &c->demand[gr->q[k]];
			int on = 0, any = strcasecmp(q->role, "any") == 0;

			if (q->under_weight >= 0)
				continue;
			for (int ri = 0; ri < sv->nroles; ri++)
				if (sv_role_matches(sv, ri, q->role))
					on += gr->nrole[ri];
			if (on >= q->min)
				continue;
			if (n++ >= MAX_SHORT) {
				more++;
				continue;
			}
			if (c->first_date >= 0)
				fmt_date(day, sizeof day, c->first_date +
				    gr->day, 0);
			else
				snprintf(day, sizeof day, _("day %d"),
				    gr->day + 1);
			if (why_add(res, _("%s %s %s%s%s: %d on duty, needs %d "
			    "(%d missing)"), day, _(weekday_abbr[case_weekday(c,
			    gr->day)]), c->dcodes[gr->dcode], any ? "" : " ",
			    any ? "" : q->role, on, q->min, q->min - on) == -1)
				return -1;
		}
	}
	if (more > 0 && why_add(res, P_("and %d more shift short of staff",
	    "and %d more shifts short of staff", more), more) == -1)
		return -1;
	return 0;
}

int
why_explain(struct sv *sv, int with_long, double deadline,
    struct tn_plan_result *res, struct tn_error *err)
{
	struct sv_elastic el = { 0 };
	double	 slack = 0;
	int	 rc = -1, n, proven;

	if ((el.gshort = tn_calloc((size_t)sv->ngroups + 1,
	    sizeof *el.gshort)) == NULL)
		return tn_oom(err);
	if (sv_mip_elastic(sv, &el, deadline, err) == -1)
		goto out;
	for (int f = 0; f < SV_NFAMILIES; f++)
		slack += el.fam[f];
	n = res->nexplain;
	if (explain_weekends(sv, &el, with_long, res) == -1 ||
	    explain_hours(sv, &el, res) == -1)
		goto oom;
	proven = res->nexplain > n;
	if ((el.solved && explain_rules(sv, &el, res) == -1) ||
	    explain_heads(sv, res) == -1)
		goto oom;
	if (el.solved && slack < EPS && why_add(res, "%s", _("with these rules a "
	    "roster that covers the staffing plan is not ruled out: the "
	    "search did not find one in time; a longer --time-limit may")) ==
	    -1)
		goto oom;
	if (!el.solved && !proven && why_add(res, "%s", _("the time ran out "
	    "before a roster that covers the staffing plan was found or "
	    "ruled out; a longer --time-limit may find one")) == -1)
		goto oom;
	if (explain_groups(sv, res) == -1)
		goto oom;
	rc = 0;
	goto out;
oom:
	tn_oom(err);
out:
	free(el.gshort);
	return rc;
}
