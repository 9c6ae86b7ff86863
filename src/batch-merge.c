/* Merging batch results: persons counted per municipality and period. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "turnus/batch.h"
#include "turnus/report.h"
#include "batch-int.h"
#include "i18n.h"
#include "model.h"
#include "report-int.h"
#include "util.h"

/* The target of a period: its own, its year's, else the case's. */
double
batch_target(const struct result *r, const char *period)
{
	char	 p[PERIOD_MAX];

	for (int i = 0; i < r->ntargets; i++)
		if (tn_period_parse(r->targets[i].period, p, sizeof p) == 0 &&
		    strcmp(p, period) == 0)
			return r->targets[i].pct;
	for (int i = 0; i < r->ntargets; i++)
		if (strlen(r->targets[i].period) == 4 &&
		    strncmp(r->targets[i].period, period, 4) == 0)
			return r->targets[i].pct;
	return r->target_pct;
}

static int
add_fail(struct tn_batch *b, const char *file, long line, long col,
    const char *msg, int job)
{
	struct tn_batch_failure *f;
	const char	*fs = NULL, *ms;

	if (grow(&b->fails, &b->capfails, b->nfails + 1, sizeof *b->fails) ==
	    -1 || (file != NULL && (fs = batch_str(b, file)) == NULL) ||
	    (ms = batch_str(b, msg)) == NULL)
		return -1;
	f = &b->fails[b->nfails++];
	f->file = fs;
	f->line = line;
	f->col = col;
	f->message = ms;
	f->job = job;
	return 0;
}

static int
str_cmp(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == NULL ? (b == NULL ? 0 : -1) : 1;
	return strcmp(a, b);
}

static int
res_cmp(const void *x, const void *y)
{
	const struct result *a = x, *b = y;

	if (a->job != b->job)
		return a->job < b->job ? -1 : 1;
	return strcmp(a->file, b->file);
}

/* Results of one batch, once each, under one key. */
static int
check_results(struct tn_batch *b, struct tn_error *err)
{
	if (b->nres > 1)
		qsort(b->res, (size_t)b->nres, sizeof *b->res, res_cmp);
	for (int i = 0; i < b->nres; i++) {
		const struct result *r = &b->res[i], *f = &b->res[0];

		if (r->count != f->count) {
			tn_error_set(err, TN_INPUT, r->source, 0, 0, _("result "
			    "of a batch of %d jobs, expected %d as in '%s'"),
			    r->count, f->count, f->source);
			return -1;
		}
		if (str_cmp(r->key_id, f->key_id) != 0) {
			tn_error_set(err, TN_INPUT, r->source, 0, 0, _("ids "
			    "%s, expected them %s as in '%s'"), r->key_id ?
			    _("pseudonymized with another key") :
			    _("not pseudonymized"), f->key_id ?
			    _("pseudonymized with one key") :
			    _("not pseudonymized"), f->source);
			return -1;
		}
		if (i > 0 && r->job == b->res[i - 1].job) {
			tn_error_set(err, TN_INPUT, r->source, 0, 0, _("job %d "
			    "given twice, expected each job once (also in "
			    "'%s')"), r->job, b->res[i - 1].source);
			return -1;
		}
	}
	return 0;
}

/* Failed snapshots, and jobs without a result. */
static int
collect_failures(struct tn_batch *b)
{
	char	 msg[256];
	int	 next = 1, count = b->nres ? b->res[0].count : 0;

	for (int i = 0; i <= b->nres; i++) {
		int job = i < b->nres ? b->res[i].job : count + 1;

		for (; next < job; next++) {
			if (b->signal)
				snprintf(msg, sizeof msg, _("no result for job "
				    "%d of %d: its worker process was killed "
				    "by signal %d"), next, count, b->signal);
			else
				snprintf(msg, sizeof msg, _("no result for job "
				    "%d of %d, expected one from each job (did "
				    "it run?)"), next, count);
			if (add_fail(b, NULL, 0, 0, msg, next) == -1)
				return -1;
		}
		next = job + 1;
		if (i < b->nres && b->res[i].failed &&
		    add_fail(b, b->res[i].efile ? b->res[i].efile :
		    b->res[i].file, b->res[i].eline, b->res[i].ecol,
		    b->res[i].emsg, job) == -1)
			return -1;
	}
	return 0;
}

/* ---------------------------------------------------------------- groups */

static int
group_of(struct tn_batch *b, struct hmap *ix, int ri)
{
	struct result	*r = &b->res[ri];
	struct group	*g;
	struct buf	 k = { 0 };
	int		 gi, cap = b->ngroups;

	buf_addf(&k, "%s\x1f%s", r->municipality ? r->municipality : "",
	    r->period);
	if (r->municipality == NULL)
		buf_adds(&k, "\x1f");
	if (k.oom)
		return -1;
	if ((gi = hmap_get(ix, k.s)) < 0) {
		if (grow(&b->groups, &cap, b->ngroups + 1, sizeof *b->groups) ==
		    -1 || hmap_put(ix, k.s, b->ngroups) == -1) {
			buf_release(&k);
			return -1;
		}
		g = &b->groups[gi = b->ngroups++];
		memset(g, 0, sizeof *g);
		g->municipality = r->municipality;
		g->period = r->period;
		g->first = ri;
	}
	buf_release(&k);
	return gi;
}

/* A department given by two snapshots of one municipality and period. */
static int
check_depts(struct tn_batch *b, struct hmap *seen, int ri)
{
	struct result	*r = &b->res[ri];
	struct buf	 k = { 0 }, msg = { 0 };
	int		 other, rc = 0;

	for (int d = 0; d < r->ndepts && !r->dropped; d++) {
		buf_release(&k);
		buf_addf(&k, "%d\x1f", r->group);
		buf_adds(&k, r->depts[d].name);
		if (k.oom)
			return -1;
		if ((other = hmap_get(seen, k.s)) < 0)
			continue;
		r->dropped = 1;
		buf_addf(&msg, _("department '%s' is also in '%s' for this "
		    "period, expected one snapshot per department and period"),
		    r->depts[d].name, b->res[other].file);
		rc = msg.oom || add_fail(b, r->file, 0, 0, msg.s, r->job);
	}
	for (int d = 0; d < r->ndepts && !r->dropped && rc == 0; d++) {
		buf_release(&k);
		buf_addf(&k, "%d\x1f", r->group);
		buf_adds(&k, r->depts[d].name);
		rc = k.oom || hmap_put(seen, k.s, ri) == -1 ? -1 : 0;
	}
	buf_release(&k);
	buf_release(&msg);
	return rc;
}

/* Each person once per group: their positions summed (KS). */
static int
group_persons(struct tn_batch *b, struct group *g, const struct result *r)
{
	for (int i = 0; i < r->npersons; i++) {
		const struct rperson *p = &r->persons[i];
		int k = hmap_get(&g->ids, p->id);

		if (k < 0) {
			int c1 = g->cap, c2 = g->cap, c3 = g->cap;

			k = g->npersons;
			if (grow(&g->total, &c1, k + 1, sizeof *g->total) ==
			    -1 || grow(&g->wanted, &c2, k + 1,
			    sizeof *g->wanted) == -1 || grow(&g->full_time, &c3,
			    k + 1, sizeof *g->full_time) == -1 ||
			    hmap_put(&g->ids, p->id, k) == -1)
				return -1;
			g->cap = c1;
			g->total[k] = 0;
			g->wanted[k] = NAN;
			g->npersons++;
		}
		g->total[k] += p->pos;
		if (!isnan(p->wanted) && (isnan(g->wanted[k]) ||
		    p->wanted > g->wanted[k]))
			g->wanted[k] = p->wanted;
	}
	(void)b;
	return 0;
}

static int
group_finish(struct tn_batch *b, struct group *g)
{
	const struct result *base = &b->res[g->first];

	for (int k = 0; k < g->npersons; k++)
		g->full_time[k] = g->total[k] >= base->threshold - 1e-9;
	if ((g->names = tn_report_new(&(struct tn_error){ 0 })) == NULL)
		return -1;
	for (int i = 0; i <= base->nbands; i++)
		if ((g->names->bandnames[i] = tn_strdup(base->bandnames[i])) ==
		    NULL)
			return -1;
	return 0;
}

/* -------------------------------------------------------------- measures */

static int
band_of(const struct result *base, double pct)
{
	int	 k = 0;

	while (k < base->nbands && pct >= base->edges[k] - 1e-9)
		k++;
	return k;
}

/* The measures ends as report.c's measures_end() does. */
static void
measures_end(struct tn_measures *m, double ftfte)
{
	int	 need;

	if (m->headcount > 0) {
		m->avg_position_pct /= m->headcount;
		m->avg_weekends_worked /= m->headcount;
		m->full_time_share = (double)m->full_time / m->headcount;
	}
	m->full_time_fte_share = m->fte > 0 ? ftfte / m->fte : 0;
	m->long_weekend_share = m->weekend_shifts > 0 ?
	    (double)m->long_weekend_shifts / m->weekend_shifts : 0;
	need = (int)ceil(m->target * m->headcount - 1e-9) - m->full_time;
	m->needed_for_target = need > 0 ? need : 0;
	m->meets_target = m->needed_for_target == 0;
	if (!m->has_roster) {
		m->weekend_shifts = m->long_weekend_shifts = 0;
		m->long_weekend_share = m->avg_weekends_worked = 0;
		m->over_weekend_limit = 0;
	}
}

/* A department's §5 measures, counted as report.c counts them. */
static void
measure_dept(struct tn_batch *b, struct brow *w)
{
	const struct result *r = &b->res[w->res];
	const struct group *g = &b->groups[w->group];
	const struct result *base = &b->res[g->first];
	struct tn_measures *m = &w->pub.m;
	double		 ftfte = 0;

	memset(m, 0, sizeof *m);
	m->department = r->depts[w->dept].name;
	m->target = batch_target(r, r->period) / 100.0;
	m->nbands = base->nbands + 1;
	m->involuntary_part_time = r->depts[w->dept].has_staff ? 0 : -1;
	m->has_roster = r->depts[w->dept].has_roster;
	for (int i = 0; i < r->npersons; i++) {
		const struct rperson *p = &r->persons[i];
		int k = hmap_get(&g->ids, p->id);

		if (p->dept != w->dept)
			continue;
		m->weekend_shifts += p->wshifts;
		m->long_weekend_shifts += p->lwshifts;
		m->headcount++;
		m->fte += p->pos / 100.0;
		m->avg_position_pct += g->total[k];
		if (g->full_time[k]) {
			m->full_time++;
			ftfte += p->pos / 100.0;
		}
		m->bands[band_of(base, g->total[k])]++;
		if (m->involuntary_part_time >= 0 && !isnan(g->wanted[k]) &&
		    g->wanted[k] > g->total[k] + 1e-9)
			m->involuntary_part_time++;
		m->avg_weekends_worked += (double)p->nweekends;
		m->over_weekend_limit += p->over;
	}
	measures_end(m, ftfte);
	w->pub.distance = m->target - m->full_time_share;
	w->pub.period = r->period;
	w->pub.municipality = r->municipality;
	w->pub.department = m->department;
}

static int
row_cmp(const void *x, const void *y)
{
	const struct tn_batch_row *a = &((const struct brow *)x)->pub;
	const struct tn_batch_row *b = &((const struct brow *)y)->pub;
	const struct brow *p = x, *q = y;
	int	 c;

	if ((c = str_cmp(a->municipality, b->municipality)) != 0 ||
	    (c = strcmp(a->department, b->department)) != 0)
		return c;
	if (p->start != q->start)
		return p->start < q->start ? -1 : 1;
	if (p->end != q->end)
		return p->end < q->end ? -1 : 1;
	return strcmp(a->period, b->period);
}

/* ------------------------------------------------------------- following */

static void
follow(struct tn_batch *b, struct brow *w, const struct brow *pw)
{
	const struct group *g = &b->groups[w->group];
	const struct group *pg = &b->groups[pw->group];
	const struct result *r = &b->res[w->res], *pr = &b->res[pw->res];
	struct tn_batch_row *x = &w->pub;
	const struct tn_measures *m = &w->pub.m, *pm = &pw->pub.m;

	x->prev_period = pw->pub.period;
	x->d_headcount = m->headcount - pm->headcount;
	x->d_full_time = m->full_time - pm->full_time;
	x->d_full_time_share = m->full_time_share - pm->full_time_share;
	x->d_avg_position_pct = m->avg_position_pct - pm->avg_position_pct;
	x->d_long_weekend_share = m->has_roster && pm->has_roster ?
	    m->long_weekend_share - pm->long_weekend_share : NAN;
	for (int i = 0; i < r->npersons; i++) {
		const struct rperson *p = &r->persons[i];
		int k = hmap_get(&g->ids, p->id), pk;

		if (p->dept != w->dept)
			continue;
		if ((pk = hmap_get(&pg->ids, p->id)) < 0)
			x->joined++;
		else if (g->full_time[k] && !pg->full_time[pk])
			x->to_full_time++;
		else if (!g->full_time[k] && pg->full_time[pk])
			x->from_full_time++;
	}
	for (int i = 0; i < pr->npersons; i++)
		if (pr->persons[i].dept == pw->dept &&
		    hmap_get(&g->ids, pr->persons[i].id) < 0)
			x->left++;
}

static int
make_rows(struct tn_batch *b)
{
	int	 n = 0;

	for (int i = 0; i < b->nres; i++)
		if (!b->res[i].failed && !b->res[i].dropped)
			n += b->res[i].ndepts;
	if ((b->rows = tn_calloc((size_t)n + 1, sizeof *b->rows)) == NULL)
		return -1;
	for (int i = 0; i < b->nres; i++)
		for (int d = 0; !b->res[i].failed && !b->res[i].dropped &&
		    d < b->res[i].ndepts; d++) {
			struct brow *w = &b->rows[b->nrows++];

			w->res = i;
			w->dept = d;
			w->group = b->res[i].group;
			period_key(b->res[i].period, &w->start, &w->end);
			measure_dept(b, w);
		}
	if (b->nrows > 1)
		qsort(b->rows, (size_t)b->nrows, sizeof *b->rows, row_cmp);
	for (int i = 1; i < b->nrows; i++) {
		const struct tn_batch_row *a = &b->rows[i - 1].pub;
		const struct tn_batch_row *c = &b->rows[i].pub;

		if (str_cmp(a->municipality, c->municipality) == 0 &&
		    strcmp(a->department, c->department) == 0)
			follow(b, &b->rows[i], &b->rows[i - 1]);
	}
	return 0;
}

static int
fail_cmp(const void *x, const void *y)
{
	const struct tn_batch_failure *a = x, *b = y;

	return a->job != b->job ? (a->job < b->job ? -1 : 1) : 0;
}

static int
merge(struct tn_batch *b)
{
	struct hmap	 gix = { 0 }, seen = { 0 };
	int		 rc = -1;

	for (int i = 0; i < b->nres; i++)
		if (!b->res[i].failed && ((b->res[i].group = group_of(b, &gix,
		    i)) < 0 || check_depts(b, &seen, i) == -1))
			goto out;
	for (int i = 0; i < b->nres; i++)
		if (!b->res[i].failed && !b->res[i].dropped &&
		    group_persons(b, &b->groups[b->res[i].group], &b->res[i]) ==
		    -1)
			goto out;
	for (int i = 0; i < b->ngroups; i++)
		if (group_finish(b, &b->groups[i]) == -1)
			goto out;
	rc = make_rows(b);
out:
	hmap_release(&gix);
	hmap_release(&seen);
	return rc;
}

int
tn_batch_finish(struct tn_batch *b, struct tn_error *err)
{
	tn_error_clear(err);
	if (b->finished)
		return 0;
	if (b->nres == 0 && b->nsnaps == 0) {
		tn_error_set(err, TN_INPUT, NULL, 0, 0, _("no results to "
		    "merge, expected the results that 'turnus batch --job' "
		    "writes"));
		return -1;
	}
	if (check_results(b, err) == -1)
		return -1;
	if (collect_failures(b) == -1 || merge(b) == -1)
		return tn_oom(err);
	if (b->nfails > 1)
		qsort(b->fails, (size_t)b->nfails, sizeof *b->fails, fail_cmp);
	b->finished = 1;
	return 0;
}

int
tn_batch_nrows(const struct tn_batch *b)
{
	return b->nrows;
}

const struct tn_batch_row *
tn_batch_row(const struct tn_batch *b, int i)
{
	return i >= 0 && i < b->nrows ? &b->rows[i].pub : NULL;
}

const char *
tn_batch_band_name(const struct tn_batch *b, int row, int band)
{
	const struct group *g;

	if (row < 0 || row >= b->nrows || band < 0 ||
	    band >= TN_REPORT_MAX_BANDS)
		return NULL;
	g = &b->groups[b->rows[row].group];
	return g->names->bandnames[band];
}

int
tn_batch_nfailed(const struct tn_batch *b)
{
	return b->nfails;
}

const struct tn_batch_failure *
tn_batch_failed(const struct tn_batch *b, int i)
{
	return i >= 0 && i < b->nfails ? &b->fails[i] : NULL;
}
