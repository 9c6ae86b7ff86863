/* A long roster (id;day;shift) read as a stream into the report's sums. */
#include <sys/stat.h>

#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "turnus/case.h"
#include "turnus/report.h"
#include "columns.h"
#include "csvread.h"
#include "i18n.h"
#include "model.h"
#include "report-int.h"
#include "util.h"

long	report_split_min = 64L << 20;

/* State while streaming one roster. */
struct stream {
	struct tn_report	*r;
	struct tn_case		*c;
	struct tn_error		*err;
	const char		*file;
	int			 si;
	int			 w[RO_N];
	int			 nhdr;
	int			*staff_row;	/* pid -> row, -1 none, -2 many */
	int			 nstaff;
	/* caches of the last row's lookups */
	char			 last_id[256];
	char			 last_dept[256];
	size_t			 last_idn, last_deptn;
	int			 last_row;
	int			 dcache[64];	/* hash of a name -> dept + 1 */
	uint64_t		*pk;		/* codes of up to 8 bytes, folded */
	signed char		 one[256];	/* a one-byte code's shift + 1 */
	struct cell		*cells;		/* shift x weekday, undated */

	/* days seen */
	int			 dated, numbers, any;
	long			 lo, hi, hi_line;
	int			 hi_col;
};

static int
exists(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* The path of a case file, or NULL when absent; *oom says why NULL. */
static char *
in_dir(const char *dir, const char *named, const char *base, int *oom)
{
	char	 p[PATH_MAX];
	char	*s;

	if (named != NULL)
		s = tn_strdup(named);
	else if (dir == NULL)
		return NULL;
	else {
		snprintf(p, sizeof p, "%s/%s", dir, base);
		if (!exists(p))
			return NULL;
		s = tn_strdup(p);
	}
	if (s == NULL)
		*oom = 1;
	return s;
}

/* isspace() in the C locale, without a call. */
static inline int
blank(char c)
{
	return c == ' ' || (unsigned char)(c - '\t') < 5;
}

/* Field j trimmed, with its length; csvread trimmed spaces and tabs. */
static inline char *
field(struct csvrow *row, int j, size_t *np)
{
	char	*v = row->f[j];
	size_t	 n = row->flen[j];

	*np = n;
	if (n == 0 || (!blank(v[0]) && !blank(v[n - 1])))
		return v;
	while (n > 0 && blank(*v)) {
		v++;
		n--;
	}
	while (n > 0 && blank(v[n - 1]))
		v[--n] = '\0';
	*np = n;
	return v;
}

/* Trims blanks. */
static char *
trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '\0')
		return s;
	e = s + strlen(s);
	while (isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static int
bad(struct stream *S, const struct csvrow *row, int j, const char *fmt,
    const char *what, const char *expect)
{
	char	 shown[80];

	snprintf(shown, sizeof shown, "%s", what);
	if (strlen(what) >= sizeof shown)
		memcpy(shown + sizeof shown - 4, "...", 4);
	tn_error_set(S->err, TN_INPUT, S->file, row->fline[j], j + 1, fmt,
	    shown, expect);
	return -1;
}

static const char *
shift_list(const struct tn_case *c, char *b, size_t sz)
{
	size_t	 n = 0;

	b[0] = '\0';
	for (int i = 0; i < c->nshifts && n + 8 < sz; i++) {
		n += (size_t)snprintf(b + n, sz - n, "%s%s", i ? " " : "",
		    c->shifts[i].code);
		if (n >= sz - 8 && i + 1 < c->nshifts) {
			snprintf(b + sz - 8, 8, " ...");
			break;
		}
	}
	return b;
}

/* Whether the roster is long-form: it has both day and shift columns. */
static int
roster_is_long(const char *path, struct stream *S, struct csvread **rp,
    struct tn_error *err)
{
	struct csvrow	*row;
	int		 rc;

	if ((*rp = csvread_open(path, err)) == NULL)
		return -1;
	if ((rc = csvread_next(*rp, &row, err)) <= 0) {
		csvread_close(*rp);
		*rp = NULL;
		return rc == 0 ? 0 : -1;	/* the loader says "empty" */
	}
	S->nhdr = row->n;
	if (csvread_columns(*rp, row, roster_cols, RO_N, S->w, NULL, err) ==
	    -1) {
		csvread_close(*rp);
		*rp = NULL;
		return -1;
	}
	if (S->w[RO_DAY] >= 0 && S->w[RO_SHIFT] >= 0)
		return 1;
	csvread_close(*rp);
	*rp = NULL;
	return 0;
}

/* Loads the case whole and adds it (a wide roster, or none). */
static int
add_loaded(struct tn_report *r, const struct tn_case_files *f,
    char *const *sets, int nsets, struct tn_error *err)
{
	struct tn_case	*c;
	int		 si;

	if ((c = tn_case_load(f, TN_NEED_SHIFTS | TN_NEED_PEOPLE, sets,
	    nsets, err)) == NULL)
		return -1;
	if (tn_report_add_case(r, c, NULL, err) == -1) {
		tn_case_free(c);
		return -1;
	}
	si = r->nsrcs - 1;
	r->srcs[si].owned = c;
	return 0;
}

/* The base name of a folder, or of the folder a file is in (as load.c). */
static char *
base_of(const char *path, int parent)
{
	char	 b[PATH_MAX], rp[PATH_MAX];
	char	*s, *e;

	snprintf(b, sizeof b, "%s", path);
	for (e = b + strlen(b); e > b + 1 && e[-1] == '/'; )
		*--e = '\0';
	if (parent) {
		if ((s = strrchr(b, '/')) == NULL)
			snprintf(b, sizeof b, ".");
		else if (s == b)
			b[1] = '\0';
		else
			*s = '\0';
	}
	s = strrchr(b, '/');
	s = s ? s + 1 : b;
	if (strcmp(s, ".") == 0 || strcmp(s, "..") == 0 || *s == '\0') {
		if (realpath(b, rp) != NULL && (s = strrchr(rp, '/')) != NULL &&
		    s[1] != '\0')
			return tn_strdup(s + 1);
		return tn_strdup("case");
	}
	return tn_strdup(s);
}

/* The case without its roster: staff, shifts and rules. */
static struct tn_case *
load_rest(const struct tn_case_files *f, const char *roster,
    char *const *sets, int nsets, struct tn_error *err)
{
	struct tn_case_files g = { .max_rows = f->max_rows };
	struct tn_case	*c = NULL;
	char		*name;
	int		 oom = 0;

	g.staff = in_dir(f->dir, f->staff, "staff.csv", &oom);
	g.shifts = in_dir(f->dir, f->shifts, "shifts.csv", &oom);
	g.rules = in_dir(f->dir, f->rules, "rules.conf", &oom);
	if (oom)
		tn_oom(err);
	else if (g.shifts == NULL)
		tn_error_set(err, TN_INPUT, f->dir ? f->dir : "case", 0, 0,
		    _("no shifts.csv (the shift codes with their times), "
		    "expected it in the case folder or named with --shifts; "
		    "'turnus init DIR' writes an example"));
	else if ((c = tn_case_load(&g, TN_NEED_SHIFTS, sets, nsets, err)) !=
	    NULL) {
		if ((name = base_of(f->dir ? f->dir : roster, f->dir == NULL))
		    == NULL) {
			tn_case_free(c);
			c = NULL;
			tn_oom(err);
		} else {
			free(c->name);
			c->name = name;
		}
	}
	free((char *)g.staff);
	free((char *)g.shifts);
	free((char *)g.rules);
	return c;
}

/* Staff rows first: their positions, and which row a bare id means. */
static int
add_staff(struct stream *S)
{
	struct tn_report *r = S->r;
	const struct tn_case *c = S->c;
	int		 before = r->nrows, pid;

	for (int i = 0; i < c->npersons; i++) {
		const struct tn_person *p = &c->persons[i];
		struct row	*w;
		int		 k;

		if ((pid = report_person(r, p->id, strlen(p->id))) < 0 ||
		    (k = report_dept(r, c->depts[p->dept], S->si)) < 0 ||
		    (k = report_row(r, pid, k, S->si)) < 0)
			return -1;
		w = &r->rows[k];
		w->contracted = p->staff_pct;
		w->name = p->name;
		w->rules = p->rules;
		w->in_staff = 1;
		w->max_weekends = p->max_weekends;
		if (!isnan(p->wanted_pct) && (isnan(r->persons[pid].wanted) ||
		    p->wanted_pct > r->persons[pid].wanted))
			r->persons[pid].wanted = p->wanted_pct;
		if (grow(&S->staff_row, &S->nstaff, r->npersons,
		    sizeof *S->staff_row) == -1)
			return -1;
	}
	for (int i = 0; i < S->nstaff; i++)
		S->staff_row[i] = -1;
	for (int k = before; k < r->nrows; k++) {
		int *sr = &S->staff_row[r->rows[k].pid];

		*sr = *sr == -1 ? k : -2;
	}
	return 0;
}

/*
 * Whether n bytes at a and b agree: the last row's id and department
 * are short, and memcmp() costs more in its call than in the compare.
 * Loads overlap rather than read past either end.
 */
static inline int
same(const char *a, const char *b, size_t n)
{
	uint64_t	 x, y, u, v;
	uint32_t	 p, q, t, z;

	if (n >= 8 && n <= 16) {
		memcpy(&x, a, 8);
		memcpy(&y, b, 8);
		memcpy(&u, a + n - 8, 8);
		memcpy(&v, b + n - 8, 8);
		return ((x ^ y) | (u ^ v)) == 0;
	}
	if (n >= 4 && n < 8) {
		memcpy(&p, a, 4);
		memcpy(&q, b, 4);
		memcpy(&t, a + n - 4, 4);
		memcpy(&z, b + n - 4, 4);
		return ((p ^ q) | (t ^ z)) == 0;
	}
	return memcmp(a, b, n) == 0;
}

/*
 * report_dept() through a small cache: each new person would otherwise
 * compare its department with all of them.  An entry is checked by its
 * name, so one left from another report is only a miss.
 */
static int
stream_dept(struct stream *S, const char *name)
{
	struct tn_report *r = S->r;
	unsigned	 h = 0;
	int		*e, d;

	for (const char *p = name; *p != '\0'; p++)
		h = h * 31 + (unsigned char)*p;
	e = &S->dcache[h % 64];
	d = *e - 1;
	if (d >= 0 && d < r->ndepts_ && strcmp(r->depts[d].name, name) == 0)
		return d;
	if ((d = report_dept(r, name, S->si)) >= 0)
		*e = d + 1;
	return d;
}

/*
 * Sizes a new row's day sets for the days seen so far: most persons
 * span the roster, and the sets would grow to it by doubling.
 */
static int
reserve(struct stream *S, struct row *w)
{
	long	 off = S->dated ? 3 : S->c->start_weekday;

	if (!S->any)
		return 0;
	return keyset_reserve(&w->days, S->lo, S->hi) == -1 ||
	    keyset_reserve(&w->sundays, S->lo + off, S->hi + off + 1) == -1 ?
	    -1 : 0;
}

/* The report row of a roster row: found in staff.csv, or added. */
static int
find_row(struct stream *S, struct csvrow *row, const char *id, size_t n)
{
	struct tn_report *r = S->r;
	const char	*dv = "";
	size_t		 dn = 0;
	int		 pid, dept, k, j = S->w[RO_DEPT];

	if (j >= 0)
		dv = field(row, j, &dn);
	if (S->last_row >= 0 && n == S->last_idn && dn == S->last_deptn &&
	    same(id, S->last_id, n) && same(dv, S->last_dept, dn))
		return S->last_row;
	if ((pid = report_person(r, id, n)) < 0)
		return tn_oom(S->err);
	if (S->c->has_staff && *dv == '\0') {
		k = pid < S->nstaff ? S->staff_row[pid] : -1;
		if (k == -2)
			return bad(S, row, S->w[RO_ID], _("'%s' is in several "
			    "departments in staff.csv, expected %s"), id,
			    _("a department column in the roster"));
	} else {
		if ((dept = stream_dept(S, *dv ? dv : S->c->name)) < 0 ||
		    (k = report_row(r, pid, dept, S->si)) < 0)
			return tn_oom(S->err);
		if (S->c->has_staff && !r->rows[k].in_staff)
			k = -1;
	}
	if (k == -1)
		return bad(S, row, S->w[RO_ID], _("employee '%s' is not in "
		    "staff.csv, expected %s"), id, _("every roster id in "
		    "staff.csv (with the same department)"));
	if (r->rows[k].rules == NULL)
		r->rows[k].rules = &S->c->rules;
	r->rows[k].in_roster = 1;
	if (reserve(S, &r->rows[k]) == -1)
		return tn_oom(S->err);
	if (n < sizeof S->last_id && dn < sizeof S->last_dept) {
		memcpy(S->last_id, id, n);
		memcpy(S->last_dept, dv, dn);
		S->last_idn = n;
		S->last_deptn = dn;
		S->last_row = k;
	}
	return k;
}

/* Name and the roster's position (when staff.csv gives none). */
static int
row_fields(struct stream *S, struct csvrow *row, struct row *w)
{
	struct tn_report *r = S->r;
	int		 j;
	double		 v;

	j = S->w[RO_NAME];
	if (w->name == NULL && j >= 0 && !is_blank(row->f[j])) {
		if (grow(&r->names, &r->capnames, r->nnames + 1,
		    sizeof *r->names) == -1 ||
		    (r->names[r->nnames] = tn_strdup(trim(row->f[j]))) == NULL)
			return tn_oom(S->err);
		w->name = r->names[r->nnames++];
	}
	j = S->w[RO_POS];
	if (j < 0 || is_blank(row->f[j]))
		return 0;
	if (parse_number(row->f[j], &v) == -1)
		return bad(S, row, j, _("bad position '%s', expected %s"),
		    row->f[j], _("a percentage from 0 to 100, such as 75 or "
		    "75,5"));
	if (v < 0 || v > 100)
		return bad(S, row, j, _("position '%s' out of range, "
		    "expected %s"), row->f[j], _("a percentage from 0 to 100"));
	if (!w->in_staff)
		w->contracted = v;
	return 0;
}

/* A day: a rotation day number (0-based out) or a date. */
static int
day_value(struct stream *S, struct csvrow *row, long *out)
{
	int		 j = S->w[RO_DAY];
	const char	*v = row->f[j];
	long		 n = 0;
	size_t		 k;

	for (k = 0; k < 5 && v[k] >= '0' && v[k] <= '9'; k++)
		n = n * 10 + (v[k] - '0');
	if (v[k] == '\0' && k > 0 && k < 5) {
		if (n < 1 || n > 3660)
			goto badday;
	} else if (parse_date(v, out) == 0) {
		if (S->numbers)
			goto mixed;
		S->dated = 1;
		return 0;
	} else if (is_blank(v))
		return bad(S, row, j, _("empty day%s, expected %s"), "",
		    _("a rotation day number or a date"));
	else if (parse_int(v, &n) == -1 || n < 1 || n > 3660)
		goto badday;
	if (S->dated)
		goto mixed;
	S->numbers = 1;
	*out = n - 1;
	return 0;
badday:
	return bad(S, row, j, _("bad day '%s', expected %s"), v, _("a rotation "
	    "day number (1, 2, ...) or a date (dd.mm.yyyy or yyyy-mm-dd)"));
mixed:
	return bad(S, row, j, _("day '%s' mixes numbers and dates, "
	    "expected %s"), v, _("either rotation day numbers or dates "
	    "throughout the roster"));
}

/* A code of up to 8 bytes, upper-cased, as one word; 0 if longer. */
static uint64_t
pack(const char *v)
{
	uint64_t	 k = 0;
	int		 i;

	for (i = 0; v[i] != '\0'; i++) {
		if (i == 8)
			return 0;
		k |= (uint64_t)(unsigned char)(v[i] >= 'a' && v[i] <= 'z' ?
		    v[i] - 'a' + 'A' : v[i]) << (8 * i);
	}
	return k;
}

static int
shift_index(struct stream *S, struct csvrow *row, const char *v)
{
	char		 list[256];
	uint64_t	 k;
	int		 s;

	if (v[0] != '\0' && v[1] == '\0' && S->one[(unsigned char)v[0]] > 0)
		return S->one[(unsigned char)v[0]] - 1;
	k = pack(v);
	for (s = 0; k != 0 && s < S->c->nshifts; s++)
		if (S->pk[s] == k)
			return s;
	if ((s = case_find_shift(S->c, v)) < 0)
		return bad(S, row, S->w[RO_SHIFT], _("unknown shift code '%s', "
		    "expected one of %s"), v, shift_list(S->c, list,
		    sizeof list));
	return s;
}

static int
ragged(struct stream *S, const struct csvrow *row)
{
	if (row->n < S->nhdr) {
		tn_error_set(S->err, TN_INPUT, S->file, row->fline[row->n - 1],
		    row->n, _("row has %d fields, expected %d as in the header "
		    "(is a delimiter missing?)"), row->n, S->nhdr);
		return -1;
	}
	for (int j = S->nhdr; j < row->n; j++)
		if (!is_blank(row->f[j])) {
			tn_error_set(S->err, TN_INPUT, S->file, row->fline[j],
			    j + 1, _("row has %d fields, expected %d as in the "
			    "header (is a value quoted wrongly?)"), row->n,
			    S->nhdr);
			return -1;
		}
	return 0;
}

static int
stream_row(struct stream *S, struct csvrow *row)
{
	struct row	*w;
	const char	*id, *v;
	size_t		 n;
	long		 day, md;
	int		 k, s;

	if (row->n != S->nhdr && ragged(S, row) == -1)
		return -1;
	id = field(row, S->w[RO_ID], &n);
	if (*id == '\0')
		return bad(S, row, S->w[RO_ID], _("empty id%s, expected %s"),
		    "", _("an employee number (ansattnr) on every row"));
	if ((k = find_row(S, row, id, n)) < 0)
		return -1;
	w = &S->r->rows[k];
	if ((S->w[RO_NAME] >= 0 || S->w[RO_POS] >= 0) &&
	    row_fields(S, row, w) == -1)
		return -1;
	if (day_value(S, row, &day) == -1)
		return -1;
	if (!S->any || day < S->lo)
		S->lo = day;
	if (!S->any || day > S->hi) {
		S->hi = day;
		S->hi_line = row->line;
		S->hi_col = S->w[RO_DAY] + 1;
	}
	S->any = 1;
	v = field(row, S->w[RO_SHIFT], &n);
	if (*v == '\0' || (v[0] == '-' && v[1] == '\0'))
		return 0;
	if (v[1] == '\0' && S->one[(unsigned char)v[0]] > 0)
		s = S->one[(unsigned char)v[0]] - 1;	/* no call, as a rule */
	else if ((s = shift_index(S, row, v)) < 0)
		return -1;
	switch (keyset_add(&w->days, day)) {
	case -1:
		return tn_oom(S->err);
	case 1:
		if (S->dated)
			return bad(S, row, S->w[RO_DAY], _("day '%s' of '%s' "
			    "given twice, expected one shift per person and "
			    "day"), row->f[S->w[RO_DAY]], id);
		tn_error_set(S->err, TN_INPUT, S->file,
		    row->fline[S->w[RO_SHIFT]], S->w[RO_SHIFT] + 1, _("day %ld "
		    "of '%s' given twice, expected one shift per person and "
		    "day"), day + 1, id);
		return -1;
	}
	md = S->dated ? day + 3 : day + S->c->start_weekday;
	if (!S->dated && w->rules == &S->c->rules)
		report_add_cell(w, &S->cells[7 * s + md % 7], md);
	else
		report_shift(S->r, w, S->c, md, s, S->dated);
	return w->oom ? tn_oom(S->err) : 0;
}

/* The rotation's length from the days seen, as load.c fixes it. */
static int
stream_days(struct stream *S, struct src *src)
{
	const struct tn_rules *ru = &S->c->rules;
	int		 rw = ru->rotation_weeks;
	long		 n = S->hi - (S->dated ? S->lo : 0) + 1;

	if (rw > 0 && n > 7L * rw) {
		tn_error_set(S->err, TN_INPUT, S->file, S->hi_line, S->hi_col,
		    P_("day %ld is past the rotation's %d week, expected at "
		    "most %d days (rotation_weeks = %d)", "day %ld is past the "
		    "rotation's %d weeks, expected at most %d days "
		    "(rotation_weeks = %d)", rw), n, rw, 7 * rw, rw);
		return -1;
	}
	if (rw > 0)
		n = 7L * rw;
	if (ru->cyclic && n % 7 != 0) {
		tn_error_set(S->err, TN_INPUT, S->file, S->hi_line, S->hi_col,
		    _("the roster has %ld days, expected whole weeks for a "
		    "cyclic rotation; add the missing days, set "
		    "rotation_weeks, or set cyclic = no"), n);
		return -1;
	}
	src->ndays = (int)n;
	src->md0 = S->dated ? S->lo + 3 : S->c->start_weekday;
	return 0;
}

/* Reads the rows of rd (after its header) into S->r. */
static int
stream_rows(struct stream *S, struct csvread *rd, long *rows)
{
	struct csvrow	*row;
	int		 rc;

	if ((S->pk = tn_calloc((size_t)S->c->nshifts, sizeof *S->pk)) == NULL ||
	    (S->cells = tn_calloc((size_t)S->c->nshifts * 7,
	    sizeof *S->cells)) == NULL)
		return tn_oom(S->err);
	for (int i = 0; i < S->c->nshifts; i++) {
		S->pk[i] = pack(S->c->shifts[i].code);
		for (int d = 0; d < 7; d++)
			report_cell(&S->c->rules, S->c, d, i, 0,
			    &S->cells[7 * i + d]);
	}
	/* one-byte codes, either case: the first shift that pack() finds */
	memset(S->one, 0, sizeof S->one);
	for (int i = S->c->nshifts - 1; i >= 0; i--) {
		uint64_t k = S->pk[i];

		if (k == 0 || k > 0xFF || i >= SCHAR_MAX)
			continue;
		S->one[k] = (signed char)(i + 1);
		if (k >= 'A' && k <= 'Z')
			S->one[k - 'A' + 'a'] = (signed char)(i + 1);
	}
	while ((rc = csvread_next(rd, &row, S->err)) == 1) {
		if (stream_row(S, row) == -1)
			return -1;
		++*rows;
	}
	return rc;
}

static int
stream_end(struct stream *S, long rows)
{
	if (rows == 0 || !S->any) {
		tn_error_set(S->err, TN_INPUT, S->file, 2, 1, _("no employees, "
		    "expected a row per employee under the header"));
		return -1;
	}
	return stream_days(S, &S->r->srcs[S->si]);
}

static int
stream_all(struct stream *S, struct csvread *rd)
{
	long	 rows = 0;

	if (add_staff(S) == -1)
		return tn_oom(S->err);
	if (stream_rows(S, rd, &rows) == -1)
		return -1;
	return stream_end(S, rows);
}

/* ------------------------------------------------------- in two parts */

/* One part of the file, read into a report of its own. */
struct part {
	struct stream	 S;
	struct tn_error	 err;
	struct csvread	*rd;
	long		 rows;
	int		 rc;
};

static void *
part_run(void *arg)
{
	struct part	*P = arg;

	P->rc = add_staff(&P->S) == -1 ? tn_oom(P->S.err) :
	    stream_rows(&P->S, P->rd, &P->rows);
	return NULL;
}

/* The byte after the first newline at or after off; -1 if none. */
static long
line_after(FILE *fp, long off)
{
	char	 b[65536];
	size_t	 n;
	char	*nl;

	if (fseek(fp, off, SEEK_SET) == -1 ||
	    (n = fread(b, 1, sizeof b, fp)) == 0 ||
	    (nl = memchr(b, '\n', n)) == NULL)
		return -1;
	if (off == 0 && memchr(b, '"', (size_t)(nl - b)) != NULL)
		return -1;		/* a quoted header: one part */
	return off + (nl - b) + 1;
}

static int
part_open(struct part *P, const struct stream *S, const char *path,
    long start, long end, const struct csvread *hdr)
{
	struct csvrow	*row;

	P->S = *S;
	P->S.err = &P->err;
	P->S.staff_row = NULL;
	P->S.nstaff = 0;
	P->S.pk = NULL;
	P->S.cells = NULL;
	P->S.si = 0;
	if ((P->S.r = tn_report_new(&P->err)) == NULL ||
	    report_add_src(P->S.r, &P->err) < 0)
		return -1;
	P->S.r->srcs[0] = S->r->srcs[S->si];
	P->S.r->srcs[0].owned = NULL;
	P->S.r->srcs[0].roster = NULL;
	P->S.r->srcs[0].ownf = NULL;
	if ((P->rd = csvread_open(path, &P->err)) != NULL)
		csvread_set_max_rows(P->rd, csvread_max_rows(hdr));
	if (P->rd == NULL || csvread_range(P->rd, start, end,
	    csvread_delim(hdr), csvread_encoding_seen(hdr), &P->err) == -1)
		return -1;
	return start > 0 ? 0 : csvread_next(P->rd, &row, &P->err) == 1 ? 0 :
	    -1;
}

static void
part_close(struct part *P)
{
	tn_report_free(P->S.r);
	csvread_close(P->rd);
	free(P->S.staff_row);
	free(P->S.pk);
	free(P->S.cells);
}

/* Whether the parts read as one file would: else read it in one part. */
static int
parts_agree(struct part *A, struct part *B)
{
	const struct tn_report *a = A->S.r, *b = B->S.r;
	int	 ea = csvread_encoding_seen(A->rd);
	int	 eb = csvread_encoding_seen(B->rd);
	int	*dmap, rc = 1;

	if (A->rc != 0 || B->rc != 0 || !csvread_idle(A->rd) ||
	    (A->S.dated && B->S.numbers) || (A->S.numbers && B->S.dated) ||
	    (ea != 0 && eb != 0 && ea != eb))
		return 0;
	/* B's departments in A, once (without memory, row by row) */
	if ((dmap = tn_malloc(((size_t)b->ndepts_ + 1) * sizeof *dmap)) !=
	    NULL)
		for (int i = 0; i < b->ndepts_; i++)
			dmap[i] = report_find_dept(a, b->depts[i].name);
	/* a day given twice across the parts: the one-part read says where */
	for (int i = 0; i < b->nrows && rc == 1; i++) {
		const struct row *w = &b->rows[i];
		int d = dmap != NULL ? dmap[w->dept] :
		    report_find_dept(a, b->depts[w->dept].name);
		int k = d < 0 ? -1 : report_find_row(a,
		    report_find_person(a, w->id, strlen(w->id)), d);

		if (k >= 0 && keyset_meets(&a->rows[k].days, &w->days))
			rc = 0;
	}
	free(dmap);
	return rc;
}

/* Adds from's keys to to, emptying from: its words move when to has none. */
static int
keyset_take(struct keyset *to, struct keyset *from)
{
	if (to->n != 0)
		return keyset_union(to, from);
	*to = *from;
	memset(from, 0, sizeof *from);
	return 0;
}

/* Adds a part's rows to the report, in the part's order. */
static int
part_merge(struct stream *S, struct part *P)
{
	struct tn_report *r = S->r, *q = P->S.r;
	int		*dmap;
	int		 rc = -1;

	if ((dmap = tn_malloc(((size_t)q->ndepts_ + 1) * sizeof *dmap)) ==
	    NULL)
		return -1;
	for (int i = 0; i < q->ndepts_; i++)
		dmap[i] = -1;
	for (int i = 0; i < q->nrows; i++) {
		struct row	*w = &q->rows[i], *m;
		int		 pid, *d = &dmap[w->dept], k;

		if ((pid = report_person(r, w->id, strlen(w->id))) < 0 ||
		    (*d < 0 && (*d = report_dept(r, q->depts[w->dept].name,
		    S->si)) < 0) || (k = report_row(r, pid, *d, S->si)) < 0)
			goto out;
		m = &r->rows[k];
		if (m->name == NULL)
			m->name = w->name;
		if (!isnan(w->contracted) && !m->in_staff)
			m->contracted = w->contracted;
		if (m->rules == NULL)
			m->rules = w->rules;
		m->in_roster |= w->in_roster;
		m->paid += w->paid;
		m->wshifts += w->wshifts;
		m->lwshifts += w->lwshifts;
		report_hta_add(&m->hta, &w->hta);
		if (keyset_take(&m->weekends, &w->weekends) == -1 ||
		    keyset_take(&m->sundays, &w->sundays) == -1)
			goto out;
	}
	if (q->nnames > 0 && grow(&r->names, &r->capnames, r->nnames +
	    q->nnames, sizeof *r->names) == -1)
		goto out;
	if (q->nnames > 0)
		memcpy(r->names + r->nnames, q->names, (size_t)q->nnames *
		    sizeof *q->names);
	r->nnames += q->nnames;
	q->nnames = 0;
	rc = 0;
out:
	free(dmap);
	return rc;
}

#define SWAP(a, b)	do {						\
	char	 t_[sizeof (a)];						\
									\
	memcpy(t_, &(a), sizeof t_);					\
	memcpy(&(a), &(b), sizeof t_);					\
	memcpy(&(b), t_, sizeof t_);					\
} while (0)

/* Moves the persons, departments and rows of a part into S's empty report. */
static void
part_adopt(struct stream *S, struct part *P)
{
	struct tn_report *r = S->r, *q = P->S.r;

	SWAP(r->persons, q->persons);
	SWAP(r->npersons, q->npersons);
	SWAP(r->cappersons, q->cappersons);
	SWAP(r->depts, q->depts);
	SWAP(r->ndepts_, q->ndepts_);
	SWAP(r->capdepts, q->capdepts);
	SWAP(r->rows, q->rows);
	SWAP(r->nrows, q->nrows);
	SWAP(r->caprows, q->caprows);
	SWAP(r->pix, q->pix);
	SWAP(r->pixcap, q->pixcap);
	SWAP(r->rix, q->rix);
	SWAP(r->rixcap, q->rixcap);
	SWAP(r->names, q->names);
	SWAP(r->nnames, q->nnames);
	SWAP(r->capnames, q->capnames);
	for (int i = 0; i < r->nrows; i++)
		r->rows[i].src = S->si;
	for (int i = 0; i < r->ndepts_; i++)
		r->depts[i].src = S->si;
}

/* The days seen by both parts; 1 when B's last day needs its line. */
static int
parts_days(struct stream *S, const struct part *A, const struct part *B)
{
	const struct stream *a = &A->S, *b = &B->S;

	S->dated = a->dated | b->dated;
	S->numbers = a->numbers | b->numbers;
	S->any = a->any | b->any;
	S->lo = !b->any || (a->any && a->lo <= b->lo) ? a->lo : b->lo;
	if (!b->any || (a->any && a->hi >= b->hi)) {
		S->hi = a->hi;
		S->hi_line = a->hi_line;
		S->hi_col = a->hi_col;
		return 0;
	}
	S->hi = b->hi;
	S->hi_col = b->hi_col;
	return 1;
}

/*
 * Reads the file in two parts at once, split at a line.  Returns 0 when
 * done, -1 on error (err set), 1 when the file must be read in one part
 * (a quote across the split, or an error whose line only that says).
 */
static int
stream_parallel(struct stream *S, const struct csvread *hdr)
{
	struct part	 A = { .rc = -1 }, B = { .rc = -1 };
	struct stat	 st;
	struct stream	 T;
	pthread_t	 tid;
	FILE		*fp;
	long		 mid = -1;
	int		 rc = 1, started = 0;

	if (stat(S->file, &st) == -1 || st.st_size < report_split_min ||
	    sysconf(_SC_NPROCESSORS_ONLN) < 2 ||
	    (fp = fopen(S->file, "rb")) == NULL)
		return 1;
	if (line_after(fp, 0) > 0)
		mid = line_after(fp, (long)st.st_size / 2);
	fclose(fp);
	if (mid <= 0 || mid >= (long)st.st_size ||
	    part_open(&A, S, S->file, 0, mid, hdr) == -1 ||
	    part_open(&B, S, S->file, mid, (long)st.st_size, hdr) == -1)
		goto out;
	started = pthread_create(&tid, NULL, part_run, &B) == 0;
	if (!started)
		goto out;
	part_run(&A);
	pthread_join(tid, NULL);
	if (A.rc == -1 && A.err.level != TN_INTERNAL && !csvread_eof(A.rd)) {
		*S->err = A.err;	/* the first part's lines are exact */
		rc = -1;
		goto out;
	}
	if (!parts_agree(&A, &B) || (csvread_max_rows(hdr) > 0 &&
	    A.rows + B.rows > csvread_max_rows(hdr)))
		goto out;		/* the one-part read says where */
	T = *S;
	if (parts_days(&T, &A, &B) == 1 && stream_end(&T, A.rows + B.rows) ==
	    -1)
		goto out;		/* the one-part read gives the line */
	tn_error_clear(S->err);
	if (S->r->nrows == 0 && S->r->npersons == 0 && S->r->ndepts_ == 0 &&
	    S->r->nnames == 0) {
		/* the usual case, one roster: the first part becomes it */
		if (part_merge(&A.S, &B) == -1) {
			rc = tn_oom(S->err);
			goto out;
		}
		part_adopt(S, &A);
	} else if (add_staff(S) == -1 || part_merge(S, &A) == -1 ||
	    part_merge(S, &B) == -1) {
		rc = tn_oom(S->err);
		goto out;
	}
	parts_days(S, &A, &B);
	rc = stream_end(S, A.rows + B.rows);
out:
	part_close(&A);
	part_close(&B);
	return rc;
}

int
report_stream(struct tn_report *r, const struct tn_case_files *f,
    char *const *sets, int nsets, struct tn_error *err)
{
	struct stream	 S = { .r = r, .err = err, .last_row = -1 };
	struct csvread	*rd = NULL;
	char		*roster;
	int		 rc = -1, oom = 0;

	tn_error_clear(err);
	if ((roster = in_dir(f->dir, f->roster, "roster.csv", &oom)) == NULL)
		return oom ? tn_oom(err) : add_loaded(r, f, sets, nsets, err);
	S.file = roster;
	if ((rc = roster_is_long(roster, &S, &rd, err)) != 1) {
		free(roster);
		return rc == -1 ? -1 : add_loaded(r, f, sets, nsets, err);
	}
	csvread_set_max_rows(rd, f->max_rows > 0 ? f->max_rows : TN_MAX_ROWS);
	rc = -1;
	if ((S.c = load_rest(f, roster, sets, nsets, err)) == NULL)
		goto out;
	if ((S.si = report_add_src(r, err)) < 0) {
		tn_case_free(S.c);
		goto out;
	}
	r->srcs[S.si].c = S.c;
	r->srcs[S.si].owned = S.c;
	r->srcs[S.si].roster = roster;
	r->srcs[S.si].has_staff = S.c->has_staff;
	r->srcs[S.si].has_roster = 1;
	roster = NULL;
	S.file = r->srcs[S.si].roster;
	if ((rc = stream_parallel(&S, rd)) == 1)
		rc = stream_all(&S, rd);
out:
	free(S.staff_row);
	free(S.pk);
	free(S.cells);
	free(roster);
	csvread_close(rd);
	return rc;
}
