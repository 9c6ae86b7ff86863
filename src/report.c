/* The §5 measures: persons counted once, per department and in total. */
#include <sys/mman.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "turnus/case.h"
#include "turnus/check.h"
#include "turnus/report.h"
#include "i18n.h"
#include "model.h"
#include "report-int.h"
#include "util.h"

/* -------------------------------------------------------------- keysets */

static uint64_t *
ks_words(struct keyset *s)
{
	return s->n <= 1 ? &s->one : s->w;
}

/* Grows s so that key fits, keeping the bits. */
static int
ks_fit(struct keyset *s, long key)
{
	long	 lo = s->base, hi = s->base + 64L * s->n, nlo, nhi;
	uint64_t *w, *old = ks_words(s);
	int	 n;

	if (s->n == 0) {
		s->base = floordiv(key, 64) * 64;
		s->n = 1;
		s->one = 0;
		return 0;
	}
	if (key >= lo && key < hi)
		return 0;
	nlo = key < lo ? floordiv(key, 64) * 64 : lo;
	nhi = key >= hi ? (floordiv(key, 64) + 1) * 64 : hi;
	n = (int)((nhi - nlo) / 64);
	if (n < 2 * s->n) {
		/* grow by doubling, on the side that needed it */
		if (key < lo)
			nlo = nhi - 64L * 2 * s->n;
		else
			nhi = nlo + 64L * 2 * s->n;
		n = 2 * s->n;
	}
	if ((w = tn_calloc((size_t)n, sizeof *w)) == NULL)
		return -1;
	memcpy(w + (lo - nlo) / 64, old, (size_t)s->n * sizeof *w);
	if (s->n > 1)
		free(s->w);
	s->w = w;
	s->n = n;
	s->base = nlo;
	return 0;
}

int
keyset_set(struct keyset *s, long key)
{
	uint64_t	*w, bit;
	long		 i;
	int		 was;

	if (ks_fit(s, key) == -1)
		return -1;
	w = ks_words(s);
	i = key - s->base;
	bit = (uint64_t)1 << (i & 63);
	was = (w[i >> 6] & bit) != 0;
	w[i >> 6] |= bit;
	return was;
}

int
keyset_reserve(struct keyset *s, long lo, long hi)
{
	if (s->n != 0 || hi < lo || hi - lo >= 64L * KEYSET_RESERVE_MAX)
		return 0;
	return ks_fit(s, lo) == -1 || ks_fit(s, hi) == -1 ? -1 : 0;
}

int
keyset_count(const struct keyset *s)
{
	const uint64_t	*w = s->n <= 1 ? &s->one : s->w;
	int		 n = 0;

	for (int i = 0; i < s->n; i++)
		n += __builtin_popcountll(w[i]);
	return n;
}

void
keyset_release(struct keyset *s)
{
	if (s->n > 1)
		free(s->w);
	memset(s, 0, sizeof *s);
}

/* Calls fn for each key in s. */
static void
ks_each(const struct keyset *s, void (*fn)(long, void *), void *arg)
{
	const uint64_t	*w = s->n <= 1 ? &s->one : s->w;

	for (int i = 0; i < s->n; i++)
		for (uint64_t x = w[i]; x != 0; x &= x - 1)
			fn(s->base + 64L * i + __builtin_ctzll(x), arg);
}

/* Whether two sets share a key. */
int
keyset_meets(const struct keyset *a, const struct keyset *b)
{
	const uint64_t	*wa = a->n <= 1 ? &a->one : a->w;
	const uint64_t	*wb = b->n <= 1 ? &b->one : b->w;
	long		 lo, hi;

	if (a->n == 0 || b->n == 0)
		return 0;
	lo = a->base > b->base ? a->base : b->base;
	hi = a->base + 64L * a->n < b->base + 64L * b->n ?
	    a->base + 64L * a->n : b->base + 64L * b->n;
	for (long k = lo; k < hi; k += 64)
		if (wa[(k - a->base) / 64] & wb[(k - b->base) / 64])
			return 1;
	return 0;
}

static void
add_key(long k, void *arg)
{
	struct keyset	*to = arg;

	if (keyset_set(to, k) == -1)
		to->oom = 1;
}

/* Adds the keys of from to to; -1 out of memory. */
int
keyset_union(struct keyset *to, const struct keyset *from)
{
	ks_each(from, add_key, to);
	return to->oom ? -1 : 0;
}

/* -------------------------------------------------------------- lookups */

#define PREFAULT	(256L << 10)	/* bytes mapped at once, ahead */

/*
 * Maps the pages of [p, p + n) in one call (Linux 5.14): a large report
 * touches tens of thousands of fresh pages, and a page fault each costs
 * 3-4 times as much on a virtual machine.  Advice only: errors are moot.
 */
static void
prefault(void *p, size_t n)
{
#ifdef MADV_POPULATE_WRITE
	uintptr_t	 a = ((uintptr_t)p + 4095) & ~(uintptr_t)4095;
	uintptr_t	 e = ((uintptr_t)p + n) & ~(uintptr_t)4095;

	if (e > a)
		(void)madvise((void *)a, e - a, MADV_POPULATE_WRITE);
#else
	(void)p;
	(void)n;
#endif
}

/* Maps ahead when element n of an array (c of size sz) ends a block. */
static void
prefault_next(void *v, int n, int c, size_t sz)
{
	size_t	 at = ((size_t)n + 1) * sz, end = (size_t)c * sz;

	if (at / PREFAULT == (size_t)n * sz / PREFAULT || at >= end)
		return;
	prefault((char *)v + at, end - at < PREFAULT ? end - at : PREFAULT);
}

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t	 h = 1469598103934665603ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

static uint64_t
hash_pair(int a, int b)
{
	uint64_t	 h = (uint64_t)(unsigned)a * 0x9E3779B97F4A7C15ULL;

	return (h ^ (uint64_t)(unsigned)b) * 0xC2B2AE3D27D4EB4FULL;
}

/*
 * An open-addressing table of indices: an entry holds the key's hash in
 * its top half and the index + 1 below (0 is empty), so that a probe
 * reads the person or row only when the hashes agree.
 */
#define IX_TAG		0xFFFFFFFF00000000ULL
#define IX_AT(e)	((int)((e) & 0xFFFFFFFFU) - 1)

/* Makes room in a table for one more of count entries. */
static int
ix_rehash(uint64_t **tab, size_t *cap, int count,
    uint64_t (*h)(void *, int), void *arg)
{
	size_t		 ncap = *cap ? *cap * 2 : 1024, j;
	uint64_t	*t, k;

	if ((size_t)count * 2 < *cap)
		return 0;
	if ((t = tn_calloc(ncap, sizeof *t)) == NULL)
		return -1;
	if (ncap * sizeof *t >= PREFAULT)
		prefault(t, ncap * sizeof *t);
	for (int i = 0; i < count; i++) {
		k = h(arg, i);
		for (j = k & (ncap - 1); t[j] != 0; j = (j + 1) & (ncap - 1))
			;
		t[j] = (k & IX_TAG) | (uint64_t)(i + 1);
	}
	free(*tab);
	*tab = t;
	*cap = ncap;
	return 0;
}

struct ixkey {
	const char	*id;
	size_t		 n;
	int		 pid, dept;
};

static int
person_is(const struct tn_report *r, int i, const struct ixkey *k)
{
	const char	*id = r->persons[i].id;

	return strncmp(id, k->id, k->n) == 0 && id[k->n] == '\0';
}

static int
row_is(const struct tn_report *r, int i, const struct ixkey *k)
{
	return r->rows[i].pid == k->pid && r->rows[i].dept == k->dept;
}

/*
 * The index whose key is k (hash h), or -1 with *slot the free entry
 * where it would go.
 */
static int
ix_find(const struct tn_report *r, const uint64_t *t, size_t cap,
    uint64_t h, int (*is)(const struct tn_report *, int,
    const struct ixkey *), const struct ixkey *k, size_t *slot)
{
	size_t	 j;

	*slot = 0;
	if (cap == 0)
		return -1;
	for (j = h & (cap - 1); t[j] != 0; j = (j + 1) & (cap - 1))
		if ((t[j] & IX_TAG) == (h & IX_TAG) && is(r, IX_AT(t[j]), k))
			return IX_AT(t[j]);
	*slot = j;
	return -1;
}

static uint64_t
person_hash(void *arg, int i)
{
	struct tn_report *r = arg;

	return hash_bytes(r->persons[i].id, strlen(r->persons[i].id));
}

static uint64_t
row_hash(void *arg, int i)
{
	struct tn_report *r = arg;

	return hash_pair(r->rows[i].pid, r->rows[i].dept);
}

/* The distinct person with this id, added when new; -1 out of memory. */
int
report_person(struct tn_report *r, const char *id, size_t n)
{
	struct ixkey	 k = { .id = id, .n = n };
	uint64_t	 h = hash_bytes(id, n);
	size_t		 j;
	struct person	*p;
	int		 i;

	if (ix_rehash(&r->pix, &r->pixcap, r->npersons, person_hash, r) == -1)
		return -1;
	if ((i = ix_find(r, r->pix, r->pixcap, h, person_is, &k, &j)) >= 0)
		return i;
	if (grow(&r->persons, &r->cappersons, r->npersons + 1,
	    sizeof *r->persons) == -1)
		return -1;
	prefault_next(r->persons, r->npersons, r->cappersons,
	    sizeof *r->persons);
	p = &r->persons[r->npersons];
	memset(p, 0, sizeof *p);
	p->wanted = NAN;
	if ((p->id = tn_strndup(id, n)) == NULL)
		return -1;
	r->pix[j] = (h & IX_TAG) | (uint64_t)++r->npersons;
	return r->npersons - 1;
}

/* The person with this id, or -1: looks, never adds. */
int
report_find_person(const struct tn_report *r, const char *id, size_t n)
{
	struct ixkey	 k = { .id = id, .n = n };
	size_t		 j;

	return ix_find(r, r->pix, r->pixcap, hash_bytes(id, n), person_is, &k,
	    &j);
}

/* The row of a person in a department, or -1: looks, never adds. */
int
report_find_row(const struct tn_report *r, int pid, int dept)
{
	struct ixkey	 k = { .pid = pid, .dept = dept };
	size_t		 j;

	if (pid < 0 || dept < 0)
		return -1;
	return ix_find(r, r->rix, r->rixcap, hash_pair(pid, dept), row_is, &k,
	    &j);
}

int
report_find_dept(const struct tn_report *r, const char *name)
{
	for (int i = 0; i < r->ndepts_; i++)
		if (strcmp(r->depts[i].name, name) == 0)
			return i;
	return -1;
}

/* The department of this name (the first case's), added when new. */
int
report_dept(struct tn_report *r, const char *name, int src)
{
	int	 i;

	if ((i = report_find_dept(r, name)) >= 0)
		return i;
	if (grow(&r->depts, &r->capdepts, r->ndepts_ + 1, sizeof *r->depts) ==
	    -1 || (r->depts[r->ndepts_].name = tn_strdup(name)) == NULL)
		return -1;
	r->depts[r->ndepts_].src = src;
	return r->ndepts_++;
}

/* The row of a person in a department, added when new. */
int
report_row(struct tn_report *r, int pid, int dept, int src)
{
	struct ixkey	 k = { .pid = pid, .dept = dept };
	uint64_t	 h = hash_pair(pid, dept);
	struct row	*w;
	size_t		 j;
	int		 i;

	if (ix_rehash(&r->rix, &r->rixcap, r->nrows, row_hash, r) == -1)
		return -1;
	if ((i = ix_find(r, r->rix, r->rixcap, h, row_is, &k, &j)) >= 0)
		return i;
	if (grow(&r->rows, &r->caprows, r->nrows + 1, sizeof *r->rows) == -1)
		return -1;
	prefault_next(r->rows, r->nrows, r->caprows, sizeof *r->rows);
	w = &r->rows[r->nrows];
	memset(w, 0, sizeof *w);
	w->pid = pid;
	w->dept = dept;
	w->src = src;
	w->id = r->persons[pid].id;
	w->contracted = NAN;
	w->max_weekends = UNSET;
	r->rix[j] = (h & IX_TAG) | (uint64_t)++r->nrows;
	return r->nrows - 1;
}

int
report_add_src(struct tn_report *r, struct tn_error *err)
{
	if (r->finished) {
		tn_error_set(err, TN_INTERNAL, NULL, 0, 0, _("report already "
		    "finished, expected cases added before"));
		return -1;
	}
	if (grow(&r->srcs, &r->capsrcs, r->nsrcs + 1, sizeof *r->srcs) == -1)
		return tn_oom(err);
	memset(&r->srcs[r->nsrcs], 0, sizeof r->srcs[r->nsrcs]);
	return r->nsrcs++;
}

/*
 * What shift s adds on the day whose Monday-aligned number is md (md % 7
 * is the weekday, 0 Monday), under the rules ru.  A shift is weekend work
 * when it starts inside the weekend window; the week key names that
 * weekend.  Only the weekday matters unless the roster is dated.
 */
void
report_cell(const struct tn_rules *ru, const struct tn_case *c, long md,
    int s, int dated, struct cell *e)
{
	const struct tn_shift	*sh = &c->shifts[s];
	long			 x, k, len;
	int			 win[3];

	memset(e, 0, sizeof *e);
	e->paid = sh->paid;
	if ((e->off = sh->off) != 0)
		return;
	/* the HTA week: md - 3 is the date of a dated roster (load.c) */
	for (int i = 0; i < 3; i++)
		win[i] = hta_window(dated ? md - 3 + i : -1,
		    (int)(((md + i) % 7 + 7) % 7));
	e->sundays = hta_shift(ru, sh, win, (int)((md % 7 + 7) % 7), &e->hta);
	len = ru->weekend_end - ru->weekend_start;
	if (len <= 0)
		len += MIN_PER_WEEK;
	x = md * MIN_PER_DAY + sh->start - ru->weekend_start;
	k = floordiv(x, MIN_PER_WEEK);
	if (x - k * MIN_PER_WEEK >= len)
		return;
	e->weekend = 1;
	e->lweekend = sh->len >= c->rules.long_shift_min;
	e->week = k - floordiv(md, 7);
}

/* One roster cell: shift s on day md (report_cell()). */
void
report_shift(struct tn_report *r, struct row *w, const struct tn_case *c,
    long md, int s, int dated)
{
	struct cell	 e;

	(void)r;
	report_cell(w->rules, c, md, s, dated, &e);
	report_add_cell(w, &e, md);
}

/* ------------------------------------------------------------ the cases */

struct tn_report *
tn_report_new(struct tn_error *err)
{
	struct tn_report	*r;

	tn_error_clear(err);
	if ((r = tn_calloc(1, sizeof *r)) == NULL)
		tn_oom(err);
	return r;
}

static int
add_person_row(struct tn_report *r, int si, const struct tn_person *p)
{
	const struct tn_case	*c = r->srcs[si].c;
	struct person		*pp;
	struct row		*w;
	int			 pid, dept, i;
	double			 k;

	if ((pid = report_person(r, p->id, strlen(p->id))) < 0 ||
	    (dept = report_dept(r, c->depts[p->dept], si)) < 0 ||
	    (i = report_row(r, pid, dept, si)) < 0)
		return -1;
	w = &r->rows[i];
	pp = &r->persons[pid];
	k = !isnan(p->staff_pct) ? p->staff_pct : p->roster_pct;
	if (!isnan(k))
		w->contracted = isnan(w->contracted) ? k : w->contracted + k;
	if (!isnan(p->wanted_pct) && (isnan(pp->wanted) ||
	    p->wanted_pct > pp->wanted))
		pp->wanted = p->wanted_pct;
	if (w->name == NULL && p->name != NULL) {
		/* owned: a planner may replace the case's persons */
		if (grow(&r->names, &r->capnames, r->nnames + 1,
		    sizeof *r->names) == -1 ||
		    (r->names[r->nnames] = tn_strdup(p->name)) == NULL)
			return -1;
		w->name = r->names[r->nnames++];
	}
	w->rules = p->rules;
	w->in_roster |= p->in_roster;
	w->in_staff |= p->in_staff;
	w->max_weekends = p->max_weekends;
	for (int d = 0; p->in_roster && d < c->ndays; d++)
		if (p->cell[d] != NO_SHIFT)
			report_shift(r, w, c, r->srcs[si].md0 + d, p->cell[d],
			    c->first_date >= 0);
	return w->oom ? -1 : 0;
}

int
tn_report_add_case(struct tn_report *r, const struct tn_case *c,
    const struct tn_findings *f, struct tn_error *err)
{
	struct src	*s;
	int		 si;

	if ((si = report_add_src(r, err)) < 0)
		return -1;
	s = &r->srcs[si];
	s->c = c;
	s->f = f;
	s->has_staff = c->has_staff;
	s->has_roster = c->has_roster;
	s->ndays = c->ndays;
	s->md0 = c->first_date >= 0 ? c->first_date + 3 : c->start_weekday;
	for (int i = 0; i < c->npersons; i++)
		if (add_person_row(r, si, &c->persons[i]) == -1)
			return tn_oom(err);
	return 0;
}

int
tn_report_add_checked(struct tn_report *r, const struct tn_case *c,
    struct tn_error *err)
{
	struct tn_findings	*f = NULL;

	if (c->has_roster && (f = tn_check(c, err)) == NULL)
		return -1;
	if (tn_report_add_case(r, c, f, err) == -1) {
		tn_findings_free(f);
		return -1;
	}
	r->srcs[r->nsrcs - 1].ownf = f;
	return 0;
}

int
tn_report_add_files(struct tn_report *r, const struct tn_case_files *files,
    char *const *sets, int nsets, struct tn_error *err)
{
	return report_stream(r, files, sets, nsets, err);
}

/* ----------------------------------------------------------- measuring */

struct fold {
	const struct src	*s;
	int			 cyclic;
	int			 nweeks;
	long			 kref;
	struct keyset		*out;
	long			 salt;
	int			 n;
	int			 oom;
};

/* A week key as the rotation's weekend index; -1 outside the period. */
static void
fold_one(long k, void *arg)
{
	struct fold	*f = arg;
	long		 idx = k - f->kref, sat;

	if (f->cyclic) {
		idx = ((idx % f->nweeks) + f->nweeks) % f->nweeks;
	} else {
		sat = 7 * k - f->s->md0 + 5;
		if (sat < 0 || sat + 1 >= f->s->ndays)
			return;
	}
	switch (keyset_set(f->out, f->salt + idx)) {
	case 0:
		f->n++;
		break;
	case -1:
		f->oom = 1;
		break;
	}
}

/* The days among the n from Monday-aligned day md0 on weekday wd. */
static long
weekdays(long md0, long n, int wd)
{
	return floordiv(md0 + n - 1 - wd, 7) - floordiv(md0 - 1 - wd, 7);
}

/* Weekends in the rotation of a source (whole Saturday and Sunday). */
static int
src_weekends(const struct src *s)
{
	if (s->c->rules.cyclic)
		return s->ndays / 7;
	return s->ndays > 1 ? (int)weekdays(s->md0, s->ndays - 1, 5) : 0;
}

/* Counts the distinct weekends of row w into set (salted by source). */
static int
row_fold(const struct tn_report *r, const struct row *w, struct keyset *set)
{
	const struct src *s = &r->srcs[w->src];
	long		 mm = ((s->md0 % 7) + 7) % 7;
	struct fold	 f = { .s = s, .cyclic = s->c->rules.cyclic,
			    .nweeks = s->ndays / 7 > 0 ? s->ndays / 7 : 1,
			    .kref = floordiv(s->md0, 7) + (mm > 0),
			    .out = set, .salt = (long)w->src << 24 };

	ks_each(&w->weekends, fold_one, &f);
	return f.oom ? -1 : f.n;
}

static int
weekend_limit(const struct tn_report *r, const struct row *w)
{
	int	 lim = src_weekends(&r->srcs[w->src]) /
		    (w->rules->weekend_every > 0 ? w->rules->weekend_every : 1);

	if (w->max_weekends != UNSET && w->max_weekends < lim)
		lim = w->max_weekends;
	return lim;
}

static double
rostered_pct(const struct tn_report *r, const struct row *w)
{
	double	 full = w->norm * r->srcs[w->src].ndays / 7.0;

	return full > 0 ? 100.0 * (double)w->paid / full : 0;
}

static int
add_diff(struct tn_report *r, const struct row *w)
{
	const struct src *s = &r->srcs[w->src];
	double		 per = w->norm * s->ndays / 7.0;
	long		 want = lround(w->contracted / 100.0 * per);
	struct tn_position_diff *d;
	int		 cap = r->ndiffs;

	if (!s->has_roster || !w->in_roster || isnan(w->contracted) ||
	    labs(w->paid - want) <= w->rules->hours_tolerance)
		return 0;
	if (grow(&r->diffs, &cap, r->ndiffs + 1, sizeof *r->diffs) == -1)
		return -1;
	d = &r->diffs[r->ndiffs++];
	d->id = w->id;
	d->name = w->name;
	d->department = r->depts[w->dept].name;
	d->contracted_pct = w->contracted;
	d->rostered_pct = rostered_pct(r, w);
	d->contracted_hours = want / 60.0;
	d->rostered_hours = w->paid / 60.0;
	d->week_hours = w->norm / 60.0;
	return 0;
}

static int
band_of(const struct tn_rules *ru, double pct)
{
	int	 b = 0;

	while (b < ru->nbands && pct >= ru->bands[b] - 1e-9)
		b++;
	return b;
}

static char *
edge_str(char *b, size_t sz, double v)
{
	snprintf(b, sz, "%g", v);
	return b;
}

static int
band_names(struct tn_report *r, const struct tn_rules *ru)
{
	char	 a[32], z[32], name[80];
	int	 n = ru->nbands;

	for (int i = 0; i <= n; i++) {
		if (i == 0)
			snprintf(name, sizeof name, "under_%s",
			    edge_str(a, sizeof a, ru->bands[0]));
		else if (i == n && fabs(ru->bands[n - 1] -
		    ru->full_time_threshold_pct) < 1e-9)
			snprintf(name, sizeof name, "full_time");
		else if (i == n)
			snprintf(name, sizeof name, "%s_plus",
			    edge_str(a, sizeof a, ru->bands[n - 1]));
		else if (ru->bands[i] == floor(ru->bands[i]))
			snprintf(name, sizeof name, "%s_%s", edge_str(a,
			    sizeof a, ru->bands[i - 1]), edge_str(z, sizeof z,
			    ru->bands[i] - 1));
		else
			snprintf(name, sizeof name, "%s_under_%s", edge_str(a,
			    sizeof a, ru->bands[i - 1]), edge_str(z, sizeof z,
			    ru->bands[i]));
		if ((r->bandnames[i] = tn_strdup(name)) == NULL)
			return -1;
	}
	return 0;
}

struct sunfold {
	struct keyset	*set;
	long		 md0;
	long		 n;
};

/* A Sunday past the rotation's end is the same Sunday in the next turn. */
static void
sun_fold(long k, void *arg)
{
	struct sunfold	*f = arg;

	if (keyset_set(f->set, f->md0 + (((k - f->md0) % f->n) + f->n) % f->n)
	    == -1)
		f->set->oom = 1;
}

/* Rows by person, then source, then their order: one roster a group. */
static int
norm_cmp(const void *a, const void *b, void *arg)
{
	const struct row *rows = arg;
	int		 i = *(const int *)a, j = *(const int *)b;

	if (rows[i].pid != rows[j].pid)
		return rows[i].pid < rows[j].pid ? -1 : 1;
	if (rows[i].src != rows[j].src)
		return rows[i].src < rows[j].src ? -1 : 1;
	return i - j;
}

/* The HTA week of the rows ord[a..b), one person in one case. */
static int
norm_group(struct tn_report *r, const int *ord, int a, int b)
{
	const struct row *w = &r->rows[ord[a]];
	const struct src *s = &r->srcs[w->src];
	struct keyset	 sun = { 0 };
	struct sunfold	 f = { &sun, s->md0, s->ndays };
	struct hta	 h;
	double		 pct = 0;
	int		 oom;

	memset(&h, 0, sizeof h);
	for (int k = a; k < b; k++) {
		const struct row *v = &r->rows[ord[k]];

		report_hta_add(&h, &v->hta);
		pct += v->contracted;
		if (s->ndays > 0)
			ks_each(&v->sundays, sun_fold, &f);
	}
	h.weeks = s->ndays / 7.0;
	h.sundays_worked = keyset_count(&sun);
	h.sundays = (int)weekdays(s->md0, s->ndays, 6);
	oom = sun.oom;
	keyset_release(&sun);
	if (oom)
		return -1;
	hta_decide(w->rules, pct, &h);
	for (int k = a; k < b; k++) {
		r->rows[ord[k]].norm = h.norm;
		r->rows[ord[k]].hta = h;
	}
	return 0;
}

/*
 * Each person's HTA week, as check works it out: the rows of one id in
 * one case are one roster.  Sets every row's norm.
 */
static int
finish_norms(struct tn_report *r)
{
	int	*ord;
	int	 rc = 0;

	if ((ord = tn_malloc(((size_t)r->nrows + 1) * sizeof *ord)) == NULL)
		return -1;
	for (int i = 0; i < r->nrows; i++)
		ord[i] = i;
	qsort_r(ord, (size_t)r->nrows, sizeof *ord, norm_cmp, r->rows);
	for (int a = 0, b; a < r->nrows && rc == 0; a = b) {
		for (b = a + 1; b < r->nrows &&
		    r->rows[ord[b]].pid == r->rows[ord[a]].pid &&
		    r->rows[ord[b]].src == r->rows[ord[a]].src; b++)
			;
		rc = norm_group(r, ord, a, b);
	}
	free(ord);
	return rc;
}

/* Positions, persons' totals, full time and bands. */
static int
finish_persons(struct tn_report *r, const struct tn_rules *base)
{
	if (finish_norms(r) == -1)
		return -1;
	for (int i = 0; i < r->nrows; i++) {
		struct row *w = &r->rows[i];

		w->rpct = w->in_roster ? rostered_pct(r, w) : NAN;
		if (!isnan(w->contracted))
			w->pos = w->contracted;
		else
			w->pos = w->in_roster ? w->rpct : 0;
		r->persons[w->pid].total += w->pos;
		if (r->srcs[w->src].has_staff)
			r->persons[w->pid].has_wanted_src = 1;
		if (add_diff(r, w) == -1)
			return -1;
	}
	for (int i = 0; i < r->npersons; i++) {
		struct person *p = &r->persons[i];

		p->full_time = p->total >= base->full_time_threshold_pct - 1e-9;
		p->band = band_of(base, p->total);
	}
	return 0;
}

static void
measures_init(struct tn_measures *m, const char *name, const struct src *s,
    const struct tn_rules *ru, int nbands)
{
	memset(m, 0, sizeof *m);
	m->department = name;
	m->target = ru->target_full_time_share_pct / 100.0;
	m->nbands = nbands;
	m->involuntary_part_time = s->has_staff ? 0 : -1;
	m->has_roster = s->has_roster;
}

/* Adds one person (with position pos held here) to m. */
static void
measures_add(struct tn_measures *m, const struct person *p, double pos,
    double *ftfte, long nwk, int over)
{
	m->headcount++;
	m->fte += pos / 100.0;
	m->avg_position_pct += p->total;
	if (p->full_time) {
		m->full_time++;
		*ftfte += pos / 100.0;
	}
	m->bands[p->band]++;
	if (m->involuntary_part_time >= 0 && !isnan(p->wanted) &&
	    p->wanted > p->total + 1e-9)
		m->involuntary_part_time++;
	m->avg_weekends_worked += (double)nwk;
	m->over_weekend_limit += over;
}

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

static int
finish_depts(struct tn_report *r, int nb, double *ftfte)
{
	struct keyset	 tmp = { 0 };

	for (int i = 0; i < r->ndepts_; i++) {
		const struct src *s = &r->srcs[r->depts[i].src];

		measures_init(&r->m[i], r->depts[i].name, s, &s->c->rules, nb);
	}
	for (int i = 0; i < r->nrows; i++) {
		struct row *w = &r->rows[i];
		struct tn_measures *m = &r->m[w->dept];
		int n;

		n = row_fold(r, w, &tmp);
		keyset_release(&tmp);
		if (n < 0)
			return -1;
		w->nweekends = n;
		w->over_limit = n > weekend_limit(r, w);
		m->weekend_shifts += w->wshifts;
		m->long_weekend_shifts += w->lwshifts;
		if (!r->srcs[w->src].has_staff)
			m->involuntary_part_time = -1;
		measures_add(m, &r->persons[w->pid], w->pos, &ftfte[w->dept],
		    n, w->over_limit);
	}
	for (int i = 0; i < r->ndepts_; i++)
		measures_end(&r->m[i], ftfte[i]);
	return 0;
}

static int
pid_cmp(const void *a, const void *b, void *arg)
{
	const struct row *rows = arg;
	int x = *(const int *)a, y = *(const int *)b;

	if (rows[x].pid != rows[y].pid)
		return rows[x].pid < rows[y].pid ? -1 : 1;
	return x - y;
}

/* The total: each person once, their rows' weekends united. */
static int
finish_total(struct tn_report *r, int nb)
{
	struct tn_measures *t = &r->m[r->ndepts_];
	struct keyset	 set = { 0 };
	int		*ord, has_staff = 0, has_roster = 0;
	double		 ftfte = 0;

	for (int i = 0; i < r->nsrcs; i++) {
		has_staff |= r->srcs[i].has_staff;
		has_roster |= r->srcs[i].has_roster;
	}
	measures_init(t, NULL, &r->srcs[0], &r->srcs[0].c->rules, nb);
	t->involuntary_part_time = has_staff ? 0 : -1;
	t->has_roster = has_roster;
	if ((ord = tn_malloc((size_t)r->nrows * sizeof *ord)) == NULL)
		return -1;
	for (int i = 0; i < r->nrows; i++)
		ord[i] = i;
	qsort_r(ord, (size_t)r->nrows, sizeof *ord, pid_cmp, r->rows);
	for (int a = 0, b; a < r->nrows; a = b) {
		const struct row *w = &r->rows[ord[a]];
		struct person *p = &r->persons[w->pid];
		double pos = 0;
		int n = 0;

		for (b = a; b < r->nrows && r->rows[ord[b]].pid == w->pid; b++) {
			pos += r->rows[ord[b]].pos;
			t->weekend_shifts += r->rows[ord[b]].wshifts;
			t->long_weekend_shifts += r->rows[ord[b]].lwshifts;
			n += b - a == 0 ? r->rows[ord[b]].nweekends : 0;
		}
		if (b - a > 1) {
			n = 0;
			for (int k = a; k < b && n >= 0; k++) {
				int m = row_fold(r, &r->rows[ord[k]], &set);

				n = m < 0 ? -1 : n + m;
			}
			keyset_release(&set);
			if (n < 0) {
				free(ord);
				return -1;
			}
		}
		if (!p->has_wanted_src)
			p->wanted = NAN;
		measures_add(t, p, pos, &ftfte, n, n > weekend_limit(r, w));
	}
	free(ord);
	measures_end(t, ftfte);
	return 0;
}

int
tn_report_finish(struct tn_report *r, struct tn_error *err)
{
	const struct tn_rules *base;
	double		*ftfte = NULL;

	if (r->finished)
		return 0;
	if (r->nsrcs == 0) {
		tn_error_set(err, TN_INTERNAL, NULL, 0, 0, _("report has no "
		    "case, expected one added before finishing"));
		return -1;
	}
	base = &r->srcs[0].c->rules;
	if ((r->title = tn_strdup(r->srcs[0].c->name)) == NULL ||
	    band_names(r, base) == -1 ||
	    (r->m = tn_calloc((size_t)r->ndepts_ + 1, sizeof *r->m)) == NULL ||
	    (ftfte = tn_calloc((size_t)r->ndepts_ + 1, sizeof *ftfte)) ==
	    NULL || finish_persons(r, base) == -1 ||
	    finish_depts(r, base->nbands + 1, ftfte) == -1 ||
	    finish_total(r, base->nbands + 1) == -1) {
		free(ftfte);
		return tn_oom(err);
	}
	free(ftfte);
	r->finished = 1;
	return 0;
}

struct tn_report *
tn_report_of_case(const struct tn_case *c, const struct tn_findings *f,
    struct tn_error *err)
{
	struct tn_report	*r;

	if ((r = tn_report_new(err)) == NULL)
		return NULL;
	if (tn_report_add_case(r, c, f, err) == -1 ||
	    tn_report_finish(r, err) == -1) {
		tn_report_free(r);
		return NULL;
	}
	return r;
}

void
tn_report_free(struct tn_report *r)
{
	if (r == NULL)
		return;
	for (int i = 0; i < r->nrows; i++) {
		keyset_release(&r->rows[i].weekends);
		keyset_release(&r->rows[i].days);
		keyset_release(&r->rows[i].sundays);
	}
	free(r->rows);
	for (int i = 0; i < r->npersons; i++)
		free(r->persons[i].id);
	free(r->persons);
	for (int i = 0; i < r->ndepts_; i++)
		free(r->depts[i].name);
	free(r->depts);
	for (int i = 0; i < r->nsrcs; i++) {
		tn_findings_free(r->srcs[i].ownf);
		tn_case_free(r->srcs[i].owned);
		free(r->srcs[i].roster);
	}
	free(r->srcs);
	for (int i = 0; i < r->nnames; i++)
		free(r->names[i]);
	free(r->names);
	free(r->title);
	free(r->pix);
	free(r->rix);
	free(r->m);
	for (int i = 0; i < TN_REPORT_MAX_BANDS; i++)
		free(r->bandnames[i]);
	free(r->diffs);
	free(r);
}

/* ------------------------------------------------------------ accessors */

int
tn_report_npersons(const struct tn_report *r)
{
	return r->finished ? r->nrows : 0;
}

void
tn_report_person(const struct tn_report *r, int i, struct tn_person_line *p)
{
	const struct row *w = &r->rows[i];

	p->id = w->id;
	p->name = w->name;
	p->department = r->depts[w->dept].name;
	p->contracted_pct = w->contracted;
	p->rostered_pct = w->rpct;
	p->rostered_hours = w->paid / 60.0;
	p->week_hours = w->norm / 60.0;
	p->week_kind = hta_kind_name(w->hta.kind);
}

int
tn_report_ndepts(const struct tn_report *r)
{
	return r->ndepts_;
}

const struct tn_measures *
tn_report_dept(const struct tn_report *r, int i)
{
	return i >= 0 && i < r->ndepts_ ? &r->m[i] : NULL;
}

const struct tn_measures *
tn_report_total(const struct tn_report *r)
{
	return &r->m[r->ndepts_];
}

const char *
tn_report_band_name(const struct tn_report *r, int i)
{
	return i >= 0 && i < TN_REPORT_MAX_BANDS ? r->bandnames[i] : NULL;
}

int
tn_report_ndiffs(const struct tn_report *r)
{
	return r->ndiffs;
}

const struct tn_position_diff *
tn_report_diff(const struct tn_report *r, int i)
{
	return i >= 0 && i < r->ndiffs ? &r->diffs[i] : NULL;
}

const char *
tn_report_name(const struct tn_report *r)
{
	return r->title != NULL ? r->title : r->nsrcs > 0 ?
	    r->srcs[0].c->name : "report";
}

int
tn_report_inputs(const struct tn_report *r, const char **paths, int max)
{
	int	 n = 0, k;

	for (int i = 0; i < r->nsrcs; i++) {
		k = tn_case_inputs(r->srcs[i].c, n < max ? paths + n : paths,
		    n < max ? max - n : 0);
		n += k;
		if (r->srcs[i].roster != NULL) {
			if (n < max)
				paths[n] = r->srcs[i].roster;
			n++;
		}
	}
	return n;
}
