/* The batch: finding roster snapshots and their periods under folders. */
#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "turnus/batch.h"
#include "batch-int.h"
#include "i18n.h"
#include "model.h"
#include "util.h"

#define SCAN_DEPTH	32

/* -------------------------------------------------------------- periods */

/* Parses a period at s; returns its length, 0 when there is none. */
static size_t
period_at(const char *s, char *out, size_t sz, long *start, long *end)
{
	int	 y, n = 0, m = 0, d = 0, ny, nm;
	size_t	 k = 4;
	char	 kind = 0;

	for (int i = 0; i < 4; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	y = atoi((char[5]){ s[0], s[1], s[2], s[3], 0 });
	if (y < 1900 || y > 2199)
		return 0;
	if (strchr("-_. ", s[k]) != NULL && s[k] != '\0' &&
	    strchr("QqKkTtHh", s[k + 1]) != NULL && s[k + 1] != '\0')
		k++;
	if (s[k] != '\0' && strchr("QqKkTtHh", s[k]) != NULL &&
	    isdigit((unsigned char)s[k + 1]) &&
	    !isdigit((unsigned char)s[k + 2])) {
		kind = (char)toupper((unsigned char)s[k]);
		kind = kind == 'K' ? 'Q' : kind;
		n = s[k + 1] - '0';
		if (n < 1 || n > (kind == 'Q' ? 4 : kind == 'T' ? 3 : 2))
			return 0;
		k += 2;
	} else if (strchr("-_.", s[k]) != NULL && s[k] != '\0' &&
	    isdigit((unsigned char)s[k + 1]) &&
	    isdigit((unsigned char)s[k + 2]) &&
	    !isdigit((unsigned char)s[k + 3])) {
		m = (s[k + 1] - '0') * 10 + s[k + 2] - '0';
		if (m < 1 || m > 12)
			return 0;
		kind = 'M';
		if (s[k + 3] == s[k] && isdigit((unsigned char)s[k + 4]) &&
		    isdigit((unsigned char)s[k + 5]) &&
		    !isdigit((unsigned char)s[k + 6])) {
			d = (s[k + 4] - '0') * 10 + s[k + 5] - '0';
			*start = date_from_ymd(y, m, d);
			date_to_ymd(*start, &ny, &nm, &n);
			if (d < 1 || n != d || nm != m)
				return 0;
			kind = 'D';
			k += 3;
		}
		k += 3;
	}
	switch (kind) {
	case 0:
		snprintf(out, sz, "%04d", y);
		*start = date_from_ymd(y, 1, 1);
		*end = date_from_ymd(y + 1, 1, 1) - 1;
		break;
	case 'M':
		snprintf(out, sz, "%04d-%02d", y, m);
		*start = date_from_ymd(y, m, 1);
		*end = date_from_ymd(y + m / 12, m % 12 + 1, 1) - 1;
		break;
	case 'D':
		snprintf(out, sz, "%04d-%02d-%02d", y, m, d);
		*end = *start;
		break;
	default:
		snprintf(out, sz, "%04d-%c%d", y, kind, n);
		nm = kind == 'Q' ? 3 : kind == 'T' ? 4 : 6;
		m = (n - 1) * nm + 1;
		*start = date_from_ymd(y, m, 1);
		m += nm;
		*end = date_from_ymd(y + (m > 12), m > 12 ? m - 12 : m, 1) - 1;
	}
	return k;
}

int
tn_period_parse(const char *s, char *out, size_t sz)
{
	char	 b[PERIOD_MAX];
	long	 a, z;
	size_t	 k = period_at(s, b, sizeof b, &a, &z);

	if (k == 0 || s[k] != '\0')
		return -1;
	if (out != NULL)
		snprintf(out, sz, "%s", b);
	return 0;
}

/* The first and last day of a canonical period; -1 if it is none. */
int
period_key(const char *s, long *start, long *end)
{
	char	 b[PERIOD_MAX];
	size_t	 k = period_at(s, b, sizeof b, start, end);

	return k == 0 || s[k] != '\0' ? -1 : 0;
}

/* Orders periods by their first day, then their last, then by name. */
int
period_cmp(const char *a, const char *b)
{
	long	 a0 = 0, a1 = 0, b0 = 0, b1 = 0;

	period_key(a, &a0, &a1);
	period_key(b, &b0, &b1);
	if (a0 != b0)
		return a0 < b0 ? -1 : 1;
	if (a1 != b1)
		return a1 < b1 ? -1 : 1;
	return strcmp(a, b);
}

/*
 * The last period inside a name (ward-2024Q1 gives 2024-Q1); its offset
 * and length in *at and *len when not NULL.
 */
int
period_find(const char *name, char *out, size_t sz, size_t *at, size_t *len)
{
	char	 b[PERIOD_MAX];
	long	 a, z;
	size_t	 k;
	int	 found = -1;

	for (size_t i = 0; name[i] != '\0'; i++) {
		if (i > 0 && isdigit((unsigned char)name[i - 1]))
			continue;
		if ((k = period_at(name + i, b, sizeof b, &a, &z)) == 0 ||
		    isalnum((unsigned char)name[i + k]))
			continue;
		if (out != NULL)
			snprintf(out, sz, "%s", b);
		if (at != NULL)
			*at = i;
		if (len != NULL)
			*len = k;
		found = 0;
	}
	return found;
}

/* ---------------------------------------------------------------- batch */

struct tn_batch *
tn_batch_new(const struct tn_batch_opts *o, struct tn_error *err)
{
	struct tn_batch	*b;

	tn_error_clear(err);
	if ((b = tn_calloc(1, sizeof *b)) == NULL) {
		tn_oom(err);
		return NULL;
	}
	if (o != NULL)
		b->opts = *o;
	return b;
}

void
tn_batch_free(struct tn_batch *b)
{
	if (b == NULL)
		return;
	for (int i = 0; i < b->nsnaps; i++) {
		free(b->snaps[i].file);
		free(b->snaps[i].period);
		free(b->snaps[i].municipality);
		free(b->snaps[i].shifts);
		free(b->snaps[i].rules);
	}
	free(b->snaps);
	for (int i = 0; i < b->ninputs; i++)
		free(b->inputs[i]);
	free(b->inputs);
	for (int i = 0; i < b->nres; i++)
		result_release(&b->res[i]);
	free(b->res);
	for (int i = 0; i < b->ngroups; i++) {
		hmap_release(&b->groups[i].ids);
		free(b->groups[i].total);
		free(b->groups[i].wanted);
		free(b->groups[i].full_time);
		tn_report_free(b->groups[i].names);
	}
	free(b->groups);
	free(b->rows);
	free(b->fails);
	for (int i = 0; i < b->nstrs; i++)
		free(b->strs[i]);
	free(b->strs);
	free(b);
}

/* A copy of s owned by the batch; NULL out of memory. */
const char *
batch_str(struct tn_batch *b, const char *s)
{
	char	*p;

	if (grow(&b->strs, &b->capstrs, b->nstrs + 1, sizeof *b->strs) == -1 ||
	    (p = tn_strdup(s)) == NULL)
		return NULL;
	b->strs[b->nstrs++] = p;
	return p;
}

/* ----------------------------------------------------------------- scan */

static char *
path_join(const char *dir, const char *name)
{
	size_t	 n = strlen(dir);
	char	*p;

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if ((p = tn_malloc(n + strlen(name) + 2)) != NULL)
		sprintf(p, "%.*s/%s", (int)n, dir, name);
	return p;
}

static int
is_file(const char *dir, const char *name)
{
	struct stat	 st;
	char		*p;
	int		 ok;

	if ((p = path_join(dir, name)) == NULL)
		return 0;
	ok = stat(p, &st) == 0 && S_ISREG(st.st_mode);
	free(p);
	return ok;
}

/* Splits a path into its components (in place); returns how many. */
static int
components(char *p, char **v, int max)
{
	int	 n = 0;

	for (char *t = strtok(p, "/"); t != NULL && n < max;
	    t = strtok(NULL, "/"))
		v[n++] = t;
	return n;
}

static int
usable_name(const char *s)
{
	return s != NULL && *s != '\0' && strcmp(s, ".") != 0 &&
	    strcmp(s, "..") != 0;
}

/* The period and municipality of a snapshot, from its path. */
static int
snap_place(struct tn_batch *b, struct snap *s)
{
	char	*p, *v[256], per[PERIOD_MAX], *dot;
	const char *muni = NULL;
	int	 n, last, found = 0;

	if ((p = tn_strdup(s->file)) == NULL)
		return -1;
	n = components(p, v, (int)nitems(v));
	last = s->is_dir ? n - 1 : n - 2;
	if (b->opts.period_from == TN_PERIOD_NAME && n > 0) {
		if (!s->is_dir && (dot = strrchr(v[n - 1], '.')) != NULL)
			*dot = '\0';
		found = period_find(v[n - 1], per, sizeof per, NULL, NULL) ==
		    0;
		muni = n > 1 ? v[n - 2] : NULL;
	} else
		for (int i = last; i >= 0 && !found; i--)
			if (tn_period_parse(v[i], per, sizeof per) == 0) {
				found = 1;
				muni = i > 0 ? v[i - 1] : NULL;
			}
	if (b->opts.municipality != NULL)
		muni = b->opts.municipality;
	if ((found && (s->period = tn_strdup(per)) == NULL) ||
	    (usable_name(muni) && (s->municipality = tn_strdup(muni)) ==
	    NULL)) {
		free(p);
		return -1;
	}
	free(p);
	return 0;
}

static int
add_snap(struct tn_batch *b, const char *file, int is_dir,
    const char *shifts, const char *rules, struct tn_error *err)
{
	struct snap	*s;

	if (grow(&b->snaps, &b->capsnaps, b->nsnaps + 1, sizeof *b->snaps) ==
	    -1)
		return tn_oom(err);
	s = &b->snaps[b->nsnaps];
	memset(s, 0, sizeof *s);
	s->is_dir = is_dir;
	if ((s->file = tn_strdup(file)) == NULL ||
	    (shifts != NULL && (s->shifts = tn_strdup(shifts)) == NULL) ||
	    (rules != NULL && (s->rules = tn_strdup(rules)) == NULL) ||
	    snap_place(b, s) == -1) {
		b->nsnaps++;
		return tn_oom(err);
	}
	b->nsnaps++;
	return 0;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in a folder, sorted, without hidden ones; -1 on error. */
static int
list_dir(const char *path, char ***out, struct tn_error *err)
{
	DIR		*d;
	struct dirent	*e;
	char		**v = NULL;
	int		 n = 0, cap = 0;

	if ((d = opendir(path)) == NULL) {
		tn_error_set(err, TN_INPUT, path, 0, 0, _("cannot read folder: "
		    "%s"), strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (grow(&v, &cap, n + 1, sizeof *v) == -1 ||
		    (v[n] = tn_strdup(e->d_name)) == NULL) {
			closedir(d);
			while (n > 0)
				free(v[--n]);
			free(v);
			return tn_oom(err);
		}
		n++;
	}
	closedir(d);
	if (n > 1)
		qsort(v, (size_t)n, sizeof *v, name_cmp);
	*out = v;
	return n;
}

/* A CSV that is a roster snapshot, not a case file of another kind. */
static int
roster_name(const char *name)
{
	static const char *const other[] = { "shifts.csv", "staff.csv",
	    "demand.csv", "wishes.csv" };
	size_t	 n = strlen(name);

	if (n < 5 || strcasecmp(name + n - 4, ".csv") != 0)
		return 0;
	for (size_t i = 0; i < nitems(other); i++)
		if (strcmp(name, other[i]) == 0)
			return 0;
	return 1;
}

static int	scan_dir(struct tn_batch *, const char *, int, const char *,
		    const char *, struct tn_error *);

static int
scan_entries(struct tn_batch *b, const char *path, char **v, int n,
    int depth, const char *shifts, const char *rules, struct tn_error *err)
{
	struct stat	 st;
	char		*full;
	int		 rc = 0;

	for (int i = 0; i < n && rc == 0; i++) {
		if ((full = path_join(path, v[i])) == NULL)
			return tn_oom(err);
		if (stat(full, &st) == 0 && S_ISDIR(st.st_mode))
			rc = scan_dir(b, full, depth + 1, shifts, rules, err);
		else if (S_ISREG(st.st_mode) && roster_name(v[i]))
			rc = add_snap(b, full, 0, shifts, rules, err);
		free(full);
	}
	return rc;
}

/* A folder: a case folder is one snapshot; any other is searched. */
static int
scan_dir(struct tn_batch *b, const char *path, int depth,
    const char *shifts, const char *rules, struct tn_error *err)
{
	char	**v = NULL, *sh = NULL, *ru = NULL;
	int	 n, rc;

	if (depth > SCAN_DEPTH) {
		tn_error_set(err, TN_INPUT, path, 0, 0, _("folders nested more "
		    "than %d deep, expected a few levels (is there a link "
		    "loop?)"), SCAN_DEPTH);
		return -1;
	}
	if ((n = list_dir(path, &v, err)) == -1)
		return -1;
	rc = 0;
	if (is_file(path, "shifts.csv") && (shifts = sh = path_join(path,
	    "shifts.csv")) == NULL)
		rc = tn_oom(err);
	if (is_file(path, "rules.conf") && (rules = ru = path_join(path,
	    "rules.conf")) == NULL)
		rc = tn_oom(err);
	if (rc == 0 && (is_file(path, "roster.csv") ||
	    is_file(path, "staff.csv")))
		rc = add_snap(b, path, 1, sh ? NULL : shifts, ru ? NULL :
		    rules, err);
	else if (rc == 0)
		rc = scan_entries(b, path, v, n, depth, shifts, rules, err);
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
	free(sh);
	free(ru);
	return rc;
}

/* A roster file named on its own: its folder's shifts and rules. */
static int
scan_file(struct tn_batch *b, const char *path, struct tn_error *err)
{
	char	*dir = tn_strdup(path), *slash, *sh = NULL, *ru = NULL;
	int	 rc = 0;

	if (dir == NULL)
		return tn_oom(err);
	if ((slash = strrchr(dir, '/')) != NULL)
		slash[slash == dir] = '\0';
	else
		strcpy(dir, ".");
	if ((is_file(dir, "shifts.csv") && (sh = path_join(dir,
	    "shifts.csv")) == NULL) || (is_file(dir, "rules.conf") &&
	    (ru = path_join(dir, "rules.conf")) == NULL))
		rc = tn_oom(err);
	if (rc == 0)
		rc = add_snap(b, path, 0, sh, ru, err);
	free(dir);
	free(sh);
	free(ru);
	return rc;
}

int
tn_batch_scan(struct tn_batch *b, const char *path, struct tn_error *err)
{
	struct stat	 st;
	int		 before = b->nsnaps, rc;

	tn_error_clear(err);
	if (stat(path, &st) == -1) {
		tn_error_set(err, TN_INPUT, path, 0, 0, _("cannot open: %s, "
		    "expected a folder of roster snapshots"), strerror(errno));
		return -1;
	}
	rc = S_ISDIR(st.st_mode) ? scan_dir(b, path, 0, NULL, NULL, err) :
	    scan_file(b, path, err);
	if (rc == -1)
		return -1;
	for (int i = 0; i < b->nsnaps; i++) {
		struct snap *s = &b->snaps[i];

		s->job.file = s->file;
		s->job.period = s->period;
		s->job.municipality = s->municipality;
		s->job.shifts = b->opts.shifts ? b->opts.shifts : s->shifts;
		s->job.rules = b->opts.rules ? b->opts.rules : s->rules;
		s->job.number = i + 1;
		s->job.count = b->nsnaps;
	}
	return b->nsnaps - before;
}

int
tn_batch_njobs(const struct tn_batch *b)
{
	return b->nsnaps;
}

const struct tn_batch_job *
tn_batch_job(const struct tn_batch *b, int i)
{
	return i >= 0 && i < b->nsnaps ? &b->snaps[i].job : NULL;
}

static int
add_input(struct tn_batch *b, const char *dir, const char *name)
{
	char	*p = name ? path_join(dir, name) : tn_strdup(dir);

	if (p == NULL || grow(&b->inputs, &b->capinputs, b->ninputs + 1,
	    sizeof *b->inputs) == -1) {
		free(p);
		return -1;
	}
	b->inputs[b->ninputs++] = p;
	return 0;
}

int
tn_batch_inputs(const struct tn_batch *cb, const char **paths, int max)
{
	static const char *const names[] = { "staff.csv", "shifts.csv",
	    "demand.csv", "roster.csv", "wishes.csv", "rules.conf" };
	struct tn_batch	*b = (struct tn_batch *)cb;	/* a cache */
	int		 n = 0;

	if (b->ninputs == 0)
		for (int i = 0; i < b->nsnaps; i++) {
			const struct tn_batch_job *j = &b->snaps[i].job;

			for (size_t k = 0; b->snaps[i].is_dir &&
			    k < nitems(names); k++)
				add_input(b, j->file, names[k]);
			if (!b->snaps[i].is_dir)
				add_input(b, j->file, NULL);
			if (j->shifts != NULL)
				add_input(b, j->shifts, NULL);
			if (j->rules != NULL)
				add_input(b, j->rules, NULL);
		}
	for (int i = 0; i < b->ninputs; i++, n++)
		if (n < max)
			paths[n] = b->inputs[i];
	return n;
}
