/* The case loader: a folder of CSV files and rules.conf into struct tn_case. */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "turnus/case.h"
#include "columns.h"
#include "csvread.h"
#include "i18n.h"
#include "model.h"
#include "util.h"

enum { P_STAFF, P_SHIFTS, P_DEMAND, P_ROSTER, P_WISHES, P_RULES };

static const char *const base_names[] = {
	"staff.csv", "shifts.csv", "demand.csv", "roster.csv", "wishes.csv",
	"rules.conf"
};

/* State while loading: lookups that the finished case does not keep. */
struct loader {
	struct tn_case	*c;
	struct tn_error	*err;
	long		 max_rows;	/* --max-rows */
	struct hmap	 shift_ix;	/* folded code -> shift */
	struct hmap	 dcode_ix;	/* folded demand code -> dcode */
	struct hmap	 dept_ix;
	struct hmap	 row_ix;	/* "id\x1fdept" -> person */
	struct hmap	 id_ix;		/* id -> pid */
	struct hmap	 demand_ix;	/* dept, day, code, role -> demand */
	int		*id_rows;	/* pid -> rows with that id */
	int		 capp;
	int		 capd;
	int		 capdemand;
	int		 ids_cap;
	int		 cap_shifts, cap_cov, cap_cf;
	int		 nuser_shifts;	/* codes from shifts.csv */
	int		 day_numbers;	/* roster days given as numbers */
	int		 dated;		/* roster days given as dates */
};

static int
fold(const char *s, char *out, size_t sz)
{
	size_t	 n = strlen(s);

	if (n + 1 > sz)
		return -1;
	for (size_t i = 0; i <= n; i++)
		out[i] = (char)toupper((unsigned char)s[i]);
	return 0;
}

static int
bad(struct loader *L, const char *file, const struct csvrow *row, int j,
    const char *fmt, const char *what, const char *expect)
{
	char	 shown[80];
	size_t	 k = sizeof shown - 4;

	snprintf(shown, sizeof shown, "%s", what);
	if (strlen(what) >= sizeof shown) {
		while (k > 0 && ((unsigned char)shown[k] & 0xC0) == 0x80)
			k--;		/* cut between characters */
		memcpy(shown + k, "...", 4);
	}
	tn_error_set(L->err, TN_INPUT, file, row->fline[j], j + 1, fmt,
	    shown, expect);
	return -1;
}

/* Refuses a row that stops before one of the columns the file uses. */
static int
short_row(struct loader *L, const char *file, const struct csvrow *row,
    const int *w, int n)
{
	for (int i = 0; i < n; i++)
		if (w[i] >= row->n) {
			tn_error_set(L->err, TN_INPUT, file,
			    row->fline[row->n - 1], row->n, _("row has %d "
			    "fields, expected as many as the header"), row->n);
			return -1;
		}
	return 0;
}

int
case_find_shift(const struct tn_case *c, const char *code)
{
	for (int i = 0; i < c->nshifts; i++)
		if (strcasecmp(c->shifts[i].code, code) == 0)
			return i;
	return -1;
}

int
case_find_dept(const struct tn_case *c, const char *name)
{
	for (int i = 0; i < c->ndepts; i++)
		if (strcmp(c->depts[i], name) == 0)
			return i;
	return -1;
}

static int
lookup_shift(struct loader *L, const char *code)
{
	char	 k[256];

	if (fold(code, k, sizeof k) == -1)
		return -1;
	return hmap_get(&L->shift_ix, k);
}

/* The codes of shifts.csv, for "expected one of ..." messages. */
static const char *
shift_list(struct loader *L)
{
	static char	 b[256];
	size_t		 n = 0;
	int		 ns = L->nuser_shifts ? L->nuser_shifts :
			    L->c->nshifts;

	b[0] = '\0';
	for (int i = 0; i < ns && n + 8 < sizeof b; i++) {
		n += (size_t)snprintf(b + n, sizeof b - n, "%s%s",
		    i ? " " : "", L->c->shifts[i].code);
		if (n >= sizeof b - 8 && i + 1 < ns) {
			snprintf(b + sizeof b - 8, 8, " ...");
			break;
		}
	}
	return b;
}

static int
intern_dept(struct loader *L, const char *name)
{
	struct tn_case	*c = L->c;
	int		 i;

	if ((i = hmap_get(&L->dept_ix, name)) >= 0)
		return i;
	if (grow(&c->depts, &L->capd, c->ndepts + 1, sizeof *c->depts) == -1 ||
	    (c->depts[c->ndepts] = tn_strdup(name)) == NULL ||
	    hmap_put(&L->dept_ix, name, c->ndepts++) == -1)
		return tn_oom(L->err);
	return c->ndepts - 1;
}

static int
intern_dcode(struct loader *L, const char *code)
{
	struct tn_case	*c = L->c;
	char		 k[256];
	int		 i, cap = c->ndcodes;

	if (fold(code, k, sizeof k) == -1)
		return -1;
	if ((i = hmap_get(&L->dcode_ix, k)) >= 0)
		return i;
	if (grow(&c->dcodes, &cap, c->ndcodes + 1, sizeof *c->dcodes) == -1 ||
	    (c->dcodes[c->ndcodes] = tn_strdup(code)) == NULL ||
	    hmap_put(&L->dcode_ix, k, c->ndcodes++) == -1)
		return tn_oom(L->err);
	return c->ndcodes - 1;
}

/* Opens a case file with the row limit set. */
static struct csvread *
open_csv(struct loader *L, const char *file)
{
	struct csvread	*r;

	if ((r = csvread_open(file, L->err)) != NULL)
		csvread_set_max_rows(r, L->max_rows);
	return r;
}

/* ---------------------------------------------------------------- paths */

static int
exists(const char *path)
{
	struct stat	 st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *
join(const char *dir, const char *base)
{
	size_t	 n = strlen(dir) + strlen(base) + 2;
	char	*p;

	if ((p = tn_malloc(n)) != NULL)
		snprintf(p, n, "%s/%s", dir, base);
	return p;
}

static char *
base_of(const char *path, int parent)
{
	char	 b[PATH_MAX];
	char	*s, *e;

	snprintf(b, sizeof b, "%s", path);
	for (e = b + strlen(b); e > b + 1 && e[-1] == '/'; )
		*--e = '\0';
	if (parent) {
		if ((s = strrchr(b, '/')) == NULL)
			return tn_strdup(".");
		*s = '\0';
		if (b[0] == '\0')
			return tn_strdup("/");
	}
	s = strrchr(b, '/');
	s = s ? s + 1 : b;
	if (strcmp(s, ".") == 0 || strcmp(s, "..") == 0 || *s == '\0') {
		if (realpath(parent ? b : path, b) != NULL &&
		    (s = strrchr(b, '/')) != NULL && s[1] != '\0')
			return tn_strdup(s + 1);
		return tn_strdup("case");
	}
	return tn_strdup(s);
}

static int
resolve_paths(struct loader *L, const struct tn_case_files *f)
{
	struct tn_case	*c = L->c;
	const char	*named[6] = { f->staff, f->shifts, f->demand,
			    f->roster, f->wishes, f->rules };
	struct stat	 st;

	if (f->dir != NULL && (stat(f->dir, &st) == -1 ||
	    !S_ISDIR(st.st_mode))) {
		tn_error_set(L->err, TN_INPUT, f->dir, 0, 0, _("%s, expected a "
		    "case folder holding shifts.csv and roster.csv or "
		    "staff.csv"), stat(f->dir, &st) == -1 ? (errno == ENOENT ?
		    _("no such folder") : strerror(errno)) : _("not a folder"));
		return -1;
	}
	for (int i = 0; i < 6; i++) {
		if (named[i] != NULL) {
			if (!exists(named[i])) {
				tn_error_set(L->err, TN_INPUT, named[i], 0, 0,
				    _("cannot open: %s"), stat(named[i], &st) ?
				    strerror(errno) : _("not a regular file"));
				return -1;
			}
			c->path[i] = tn_strdup(named[i]);
		} else if (f->dir != NULL) {
			if ((c->path[i] = join(f->dir, base_names[i])) ==
			    NULL)
				return tn_oom(L->err);
			if (!exists(c->path[i])) {
				free(c->path[i]);
				c->path[i] = NULL;
			}
			continue;
		} else
			continue;
		if (c->path[i] == NULL)
			return tn_oom(L->err);
	}
	if (f->dir != NULL)
		c->name = base_of(f->dir, 0);
	else if (c->path[P_ROSTER] || c->path[P_STAFF] || c->path[P_SHIFTS])
		c->name = base_of(c->path[P_ROSTER] ? c->path[P_ROSTER] :
		    c->path[P_STAFF] ? c->path[P_STAFF] : c->path[P_SHIFTS],
		    1);
	else
		c->name = tn_strdup("case");
	c->dir = tn_strdup(f->dir ? f->dir : ".");
	if (c->name == NULL || c->dir == NULL)
		return tn_oom(L->err);
	return 0;
}

static int
require(struct loader *L, int need, const struct tn_case_files *f)
{
	const char	*where = f->dir ? f->dir : "case";
	const char	*miss = NULL;

	if ((need & TN_NEED_SHIFTS) && L->c->path[P_SHIFTS] == NULL)
		miss = N_("shifts.csv (the shift codes with their times)");
	else if ((need & TN_NEED_ROSTER) && L->c->path[P_ROSTER] == NULL)
		miss = N_("roster.csv (the roster to check)");
	else if ((need & TN_NEED_STAFF) && L->c->path[P_STAFF] == NULL)
		miss = N_("staff.csv (the employees)");
	else if ((need & TN_NEED_DEMAND) && L->c->path[P_DEMAND] == NULL)
		miss = N_("demand.csv (the staffing plan)");
	else if ((need & TN_NEED_PEOPLE) && L->c->path[P_STAFF] == NULL &&
	    L->c->path[P_ROSTER] == NULL)
		miss = N_("staff.csv or roster.csv (the employees)");
	if (miss == NULL)
		return 0;
	tn_error_set(L->err, TN_INPUT, where, 0, 0, _("no %s, expected it "
	    "in the case folder or named with --%.*s; 'turnus init DIR' "
	    "writes an example"), _(miss), (int)strcspn(miss, "."), miss);
	return -1;
}

/* --------------------------------------------------------------- shifts */

static const char *const shift_cols[] = {
	"*code|kode|vaktkode|shift|vakt",
	"name|navn|description|beskrivelse",
	"start|fra|from|starttid|start_time",
	"end|slutt|til|to|sluttid|end_time",
	"hours|timer|paid_hours|arbeidstid|arbeidstimer",
	"covers|dekker",
	"cannot_follow|kan_ikke_følge",
};
enum { SC_CODE, SC_NAME, SC_START, SC_END, SC_HOURS, SC_COVERS, SC_CF,
    SC_N };

static int
night_minutes(const struct tn_rules *r, int start, int len)
{
	int	 total = 0, ws, we;

	if (len <= 0)
		return 0;
	/* night windows starting on the day before, the day, and after */
	for (int d = -1; d <= 1; d++) {
		ws = d * MIN_PER_DAY + r->night_start;
		we = d * MIN_PER_DAY + r->night_end;
		if (we <= ws)
			we += MIN_PER_DAY;
		int a = start > ws ? start : ws;
		int b = start + len < we ? start + len : we;
		if (b > a)
			total += b - a;
	}
	return total;
}

static int
shift_row(struct loader *L, const char *file, struct csvrow *row,
    const int *w, char ***coverv, char ***cfv)
{
	struct tn_case	*c = L->c;
	struct tn_shift	*s;
	const char	*v;
	char		 k[256];
	double		 h;
	int		 has_s, has_e;

	v = str_trim(row->f[w[SC_CODE]]);
	if (*v == '\0' || strcmp(v, "-") == 0 || strlen(v) > 32 ||
	    strpbrk(v, " \t") != NULL)
		return bad(L, file, row, w[SC_CODE], _("bad shift code '%s', "
		    "expected %s"), v, _("a short code without blanks, such as "
		    "D or N2"));
	if (fold(v, k, sizeof k) == 0 && hmap_get(&L->shift_ix, k) >= 0)
		return bad(L, file, row, w[SC_CODE], _("shift code '%s' "
		    "defined twice, %s"), v, _("expected each code once "
		    "(codes ignore case)"));
	if (grow(&c->shifts, &L->cap_shifts, c->nshifts + 1,
	    sizeof *c->shifts) == -1 ||
	    grow(coverv, &L->cap_cov, c->nshifts + 1, sizeof **coverv) == -1 ||
	    grow(cfv, &L->cap_cf, c->nshifts + 1, sizeof **cfv) == -1)
		return tn_oom(L->err);
	s = &c->shifts[c->nshifts];
	memset(s, 0, sizeof *s);
	(*coverv)[c->nshifts] = NULL;
	(*cfv)[c->nshifts] = NULL;
	s->line = row->line;
	s->start = s->end = -1;
	c->nshifts++;			/* freed with the case if half made */
	if ((s->code = tn_strdup(v)) == NULL ||
	    hmap_put(&L->shift_ix, k, c->nshifts - 1) == -1)
		return tn_oom(L->err);
	if (w[SC_NAME] >= 0 && (s->name = tn_strdup(str_trim(row->f[w[SC_NAME]])))
	    == NULL)
		return tn_oom(L->err);
	has_s = w[SC_START] >= 0 && *str_trim(row->f[w[SC_START]]) != '\0';
	has_e = w[SC_END] >= 0 && *str_trim(row->f[w[SC_END]]) != '\0';
	if (has_s != has_e)
		return bad(L, file, row, has_s ? w[SC_START] : w[SC_END],
		    _("shift '%s' has only one of start and end, %s"), s->code,
		    _("expected both times (or neither, for a day-off code)"));
	if (has_s && parse_time(row->f[w[SC_START]], 0, &s->start) == -1)
		return bad(L, file, row, w[SC_START], _("bad start time '%s', "
		    "expected %s"), row->f[w[SC_START]], _("HH:MM or HH.MM, "
		    "such as 07:30"));
	if (has_e && parse_time(row->f[w[SC_END]], 1, &s->end) == -1)
		return bad(L, file, row, w[SC_END], _("bad end time '%s', "
		    "expected %s"), row->f[w[SC_END]], _("HH:MM or HH.MM, "
		    "such as 15:00"));
	if (has_s) {
		s->len = s->end - s->start;
		if (s->len <= 0)
			s->len += MIN_PER_DAY;
		s->end %= MIN_PER_DAY;
	}
	s->paid = s->len;
	if (w[SC_HOURS] >= 0 && *str_trim(row->f[w[SC_HOURS]]) != '\0') {
		if (parse_number(row->f[w[SC_HOURS]], &h) == -1 || h < 0 ||
		    h > 24)
			return bad(L, file, row, w[SC_HOURS], _("bad hours "
			    "'%s', expected %s"), row->f[w[SC_HOURS]], _("paid "
			    "hours from 0 to 24, such as 7,5"));
		s->paid = (int)lround(h * 60.0);
	}
	s->off = !has_s || s->paid == 0;
	if (s->off)
		s->len = 0;
	s->night = s->off ? 0 : night_minutes(&c->rules, s->start, s->len);
	if (w[SC_COVERS] >= 0 && !is_blank(row->f[w[SC_COVERS]]) &&
	    ((*coverv)[c->nshifts - 1] = tn_strdup(row->f[w[SC_COVERS]])) ==
	    NULL)
		return tn_oom(L->err);
	if (w[SC_CF] >= 0 && !is_blank(row->f[w[SC_CF]]) &&
	    ((*cfv)[c->nshifts - 1] = tn_strdup(row->f[w[SC_CF]])) == NULL)
		return tn_oom(L->err);
	return 0;
}

/* Resolves covers and cannot_follow once every code is known. */
static int
shift_links(struct loader *L, const char *file, char **coverv, char **cfv,
    const int *w)
{
	struct tn_case	*c = L->c;
	long		 fl;
	char		*tok, *save;
	int		 j, d;

	for (int i = 0; i < c->nshifts; i++) {
		struct tn_shift *s = &c->shifts[i];

		fl = s->line;
		if (s->off)
			continue;
		if (coverv[i] == NULL) {
			if ((d = intern_dcode(L, s->code)) < 0 ||
			    (s->covers = tn_malloc(sizeof *s->covers)) == NULL)
				return tn_oom(L->err);
			s->covers[s->ncovers++] = d;
		}
		for (tok = coverv[i] ? strtok_r(coverv[i], " ,\t", &save) :
		    NULL; tok != NULL;
		    tok = strtok_r(NULL, " ,\t", &save)) {
			if (strlen(tok) > 32) {
				tn_error_set(L->err, TN_INPUT, file, fl,
				    w[SC_COVERS] + 1, _("code '%.32s...' in "
				    "covers is too long, expected a short code "
				    "without blanks, such as D or N2"), tok);
				return -1;
			}
			if ((d = intern_dcode(L, tok)) < 0 ||
			    grow(&s->covers, &(int){ s->ncovers }, s->ncovers
			    + 1, sizeof *s->covers) == -1)
				return tn_oom(L->err);
			s->covers[s->ncovers++] = d;
		}
		for (int k = 0; k < s->ncovers; k++)
			if (strcasecmp(c->dcodes[s->covers[k]], s->code) == 0)
				s->fills_own = 1;
		if (cfv[i] == NULL)
			continue;
		if ((s->cannot_follow = tn_calloc((size_t)c->nshifts, 1)) ==
		    NULL)
			return tn_oom(L->err);
		for (tok = strtok_r(cfv[i], " ,\t", &save); tok != NULL;
		    tok = strtok_r(NULL, " ,\t", &save)) {
			if ((j = lookup_shift(L, tok)) < 0) {
				tn_error_set(L->err, TN_INPUT, file, fl,
				    w[SC_CF] + 1, _("unknown shift code '%s' "
				    "in cannot_follow, expected one of %s"),
				    tok, shift_list(L));
				return -1;
			}
			s->cannot_follow[j] = 1;
		}
	}
	return 0;
}

/*
 * The free codes every Norwegian roster knows, added when shifts.csv
 * does not define them: F1 the weekly day off (AML § 10-8 (2)), F2 the
 * extra day off of a 5-day week, F3 holiday compensation (§ 10-10), F4
 * holiday pay as days off, F5 the replacement day when F1 falls on a
 * holiday, FE vacation.
 */
static int
shift_builtins(struct loader *L)
{
	static const char *const builtin[][2] = {
		{ "F1", "weekly day off (ukefridag)" },
		{ "F2", "extra day off (fridag)" },
		{ "F3", "holiday compensation (helgedagsfri)" },
		{ "F4", "holiday pay as time off (feriefridag)" },
		{ "F5", "replacement day off (erstatningsfridag)" },
		{ "FE", "vacation (ferie)" },
	};
	struct tn_case	*c = L->c;
	struct tn_shift	*s;

	for (size_t i = 0; i < nitems(builtin); i++) {
		if (lookup_shift(L, builtin[i][0]) >= 0)
			continue;
		if (grow(&c->shifts, &L->cap_shifts, c->nshifts + 1,
		    sizeof *c->shifts) == -1)
			return tn_oom(L->err);
		s = &c->shifts[c->nshifts];
		memset(s, 0, sizeof *s);
		s->start = s->end = -1;
		s->off = 1;
		c->nshifts++;		/* freed with the case if half made */
		if ((s->code = tn_strdup(builtin[i][0])) == NULL ||
		    (s->name = tn_strdup(builtin[i][1])) == NULL ||
		    hmap_put(&L->shift_ix, builtin[i][0], c->nshifts - 1) ==
		    -1)
			return tn_oom(L->err);
	}
	return 0;
}

static int
load_shifts(struct loader *L)
{
	const char	*file = L->c->path[P_SHIFTS];
	struct csvread	*r;
	struct csvrow	*row;
	char		**coverv = NULL, **cfv = NULL;
	int		 w[SC_N], rc;

	if ((r = open_csv(L, file)) == NULL)
		return -1;
	if ((rc = csvread_next(r, &row, L->err)) <= 0)
		goto header;
	if ((rc = csvread_columns(r, row, shift_cols, SC_N, w, NULL,
	    L->err)) == -1)
		goto out;
	while ((rc = csvread_next(r, &row, L->err)) == 1) {
		if ((rc = short_row(L, file, row, w, SC_N)) == -1 ||
		    (rc = shift_row(L, file, row, w, &coverv, &cfv)) == -1)
			goto out;
	}
	if (rc == 0 && L->c->nshifts == 0) {
		tn_error_set(L->err, TN_INPUT, file, 2, 1, _("no shift codes, "
		    "expected a row per code under the header"));
		rc = -1;
	}
	if (rc == 0)
		rc = shift_links(L, file, coverv, cfv, w);
	L->nuser_shifts = L->c->nshifts;
	if (rc == 0)
		rc = shift_builtins(L);
	goto out;
header:
	if (rc == 0)
		tn_error_set(L->err, TN_INPUT, file, 1, 1, _("empty file, "
		    "expected a header line such as code;name;start;end"));
	rc = -1;
out:
	for (int i = 0; i < (L->nuser_shifts ? L->nuser_shifts :
	    L->c->nshifts); i++) {
		if (coverv != NULL)
			free(coverv[i]);
		if (cfv != NULL)
			free(cfv[i]);
	}
	free(coverv);
	free(cfv);
	csvread_close(r);
	return rc < 0 ? -1 : 0;
}

/* ---------------------------------------------------------------- staff */

static const char *const staff_cols[] = {
	"*id|ansattnr|ansattnummer|ansatt_nr|ansatt|employee_id|employee|nr",
	"name|navn",
	"department|avdeling|avd|dept|ward|post",
	"role|rolle|kompetanse|yrke|yrkesgruppe",
	("position_pct|stillingsprosent|stillingsandel|position|stilling|"
	    "stilling_pct|pct"),
	("wanted_pct|ønsket|ønsket_pct|ønsket_stilling|"
	    "ønsket_stillingsprosent|wanted"),
	"long_shifts|langvakter|langvakt",
	"nights|netter|natt|nattevakt",
	"min_hours|min_timer",
	"max_hours|maks_timer|max_timer",
	"max_shifts|maks_vakter",
	"max_weekends|maks_helger",
	"min_consecutive_days",
	"min_consecutive_days_off",
};
enum { ST_ID, ST_NAME, ST_DEPT, ST_ROLE, ST_POS, ST_WANT, ST_LONG,
    ST_NIGHT, ST_MINH, ST_MAXH, ST_MAXS, ST_MAXW, ST_MINC, ST_MINO, ST_N };

static int
add_id(struct loader *L, const char *id)
{
	int	 pid;

	if ((pid = hmap_get(&L->id_ix, id)) >= 0)
		return pid;
	if (hmap_put(&L->id_ix, id, L->c->nids) == -1)
		return tn_oom(L->err);
	return L->c->nids++;
}

static char *
row_key(const char *id, const char *dept)
{
	size_t	 n = strlen(id) + strlen(dept) + 2;
	char	*k;

	if ((k = tn_malloc(n)) != NULL)
		snprintf(k, n, "%s\x1f%s", id, dept);
	return k;
}

/* Adds a person row (id, dept); returns its index or -1. */
static int
add_person(struct loader *L, const char *id, int dept, const char *file,
    long line)
{
	struct tn_case	 *c = L->c;
	struct tn_person *p;
	char		 *k;
	int		  pid;

	if ((pid = add_id(L, id)) < 0 ||
	    grow(&c->persons, &L->capp, c->npersons + 1,
	    sizeof *c->persons) == -1 ||
	    (k = row_key(id, c->depts[dept])) == NULL)
		return tn_oom(L->err);
	if (hmap_put(&L->row_ix, k, c->npersons) == -1) {
		free(k);
		return tn_oom(L->err);
	}
	free(k);
	p = &c->persons[c->npersons];
	memset(p, 0, sizeof *p);
	p->pid = pid;
	p->dept = dept;
	p->pos_pct = p->staff_pct = p->roster_pct = p->wanted_pct = NAN;
	p->long_shifts = 1;
	p->nights = TN_NIGHTS_YES;
	p->min_hours = p->max_hours = p->max_weekends = UNSET;
	p->rules = &c->rules;
	p->file = file;
	p->line = line;
	if ((p->id = tn_strdup(id)) == NULL)
		return tn_oom(L->err);
	return c->npersons++;
}

static int
find_person(struct loader *L, const char *id, int dept)
{
	char	*k;
	int	 i;

	if ((k = row_key(id, L->c->depts[dept])) == NULL)
		return tn_oom(L->err), -2;
	i = hmap_get(&L->row_ix, k);
	free(k);
	return i;
}

static int
cell_pct(struct loader *L, const char *file, struct csvrow *row, int j,
    double *out)
{
	if (parse_number(row->f[j], out) == -1)
		return bad(L, file, row, j, _("bad position '%s', expected %s"),
		    row->f[j], _("a percentage from 0 to 100, such as 75 or "
		    "75,5"));
	if (*out < 0 || *out > 100)
		return bad(L, file, row, j, _("position '%s' out of range, "
		    "expected %s"), row->f[j], _("a percentage from 0 to 100"));
	return 0;
}

static int
cell_limit(struct loader *L, const char *file, struct csvrow *row, int j,
    int hours, int *out)
{
	long	 v;
	int	 m;

	if (hours) {
		if (parse_minutes(row->f[j], &m) == -1 || m < 0)
			return bad(L, file, row, j, _("bad hours '%s', "
			    "expected %s"), row->f[j], _("hours per rotation, "
			    "such as 213"));
		*out = m;
		return 0;
	}
	if (parse_int(row->f[j], &v) == -1 || v < 0 || v > 10000)
		return bad(L, file, row, j, _("bad number '%s', expected %s"),
		    row->f[j], _("a whole number, 0 or more"));
	*out = (int)v;
	return 0;
}

/* "N=4 L=6": the most shifts of each code per rotation. */
static int
cell_max_shifts(struct loader *L, const char *file, struct csvrow *row,
    int j, struct tn_person *p)
{
	char	 b[1024], *tok, *save = NULL, *eq;
	long	 v;
	int	 s;

	snprintf(b, sizeof b, "%s", row->f[j]);
	if ((p->max_shifts = tn_malloc((size_t)L->c->nshifts *
	    sizeof *p->max_shifts)) == NULL)
		return tn_oom(L->err);
	for (int i = 0; i < L->c->nshifts; i++)
		p->max_shifts[i] = UNSET;
	for (tok = strtok_r(b, " ,\t", &save); tok != NULL;
	    tok = strtok_r(NULL, " ,\t", &save)) {
		if ((eq = strchr(tok, '=')) == NULL)
			return bad(L, file, row, j, _("bad max_shifts '%s', "
			    "expected %s"), tok, _("CODE=N pairs, such as N=4 "
			    "L=6"));
		*eq = '\0';
		if ((s = lookup_shift(L, tok)) < 0)
			return bad(L, file, row, j, _("unknown shift code '%s' "
			    "in max_shifts, expected one of %s"), tok,
			    shift_list(L));
		if (parse_int(eq + 1, &v) == -1 || v < 0)
			return bad(L, file, row, j, _("bad max_shifts count "
			    "'%s', expected %s"), eq + 1, _("a whole number"));
		p->max_shifts[s] = (int)v;
	}
	return 0;
}

static int
cell_nights(const char *v, int *out)
{
	char	 b[16];
	int	 y;

	header_norm(v, b, sizeof b);
	if (strcmp(b, "only") == 0 || strcmp(b, "bare") == 0 ||
	    strcmp(b, "kun") == 0)
		return *out = TN_NIGHTS_ONLY, 0;
	if (parse_bool(v, &y) == -1)
		return -1;
	*out = y ? TN_NIGHTS_YES : TN_NIGHTS_NO;
	return 0;
}

/* Per-person rule overrides: any rule key as a column. */
static int
staff_overrides(struct loader *L, const char *file, struct csvrow *hdr,
    struct csvrow *row, const unsigned char *known, struct tn_person *p)
{
	for (int j = 0; j < row->n && j < hdr->n; j++) {
		if (known[j] || !rules_is_key(hdr->f[j]) || is_blank(row->f[j]))
			continue;
		if (p->own_rules == NULL) {
			if ((p->own_rules = tn_malloc(sizeof *p->own_rules)) ==
			    NULL)
				return tn_oom(L->err);
			*p->own_rules = L->c->rules;
			p->rules = p->own_rules;
		}
		if (rules_set_key(p->own_rules, hdr->f[j], str_trim(row->f[j]),
		    file, row->fline[j], j + 1, L->err) == -1)
			return -1;
	}
	return 0;
}

static int
staff_fields(struct loader *L, const char *file, struct csvrow *row,
    const int *w, struct tn_person *p)
{
#define HAS(k)	(w[k] >= 0 && !is_blank(row->f[w[k]]))
	if (HAS(ST_NAME) && (p->name = tn_strdup(str_trim(row->f[w[ST_NAME]])))
	    == NULL)
		return tn_oom(L->err);
	if ((p->role = tn_strdup(HAS(ST_ROLE) ? str_trim(row->f[w[ST_ROLE]]) :
	    "any")) == NULL)
		return tn_oom(L->err);
	if (HAS(ST_POS) && cell_pct(L, file, row, w[ST_POS], &p->staff_pct))
		return -1;
	if (!HAS(ST_POS))
		return bad(L, file, row, w[ST_POS] >= 0 ? w[ST_POS] : 0,
		    _("no position for '%s', expected %s"), p->id,
		    _("a position_pct (stillingsprosent) from 0 to 100"));
	p->pos_pct = p->staff_pct;
	if (HAS(ST_WANT) && cell_pct(L, file, row, w[ST_WANT], &p->wanted_pct))
		return -1;
	if (HAS(ST_LONG) && parse_bool(row->f[w[ST_LONG]], &p->long_shifts))
		return bad(L, file, row, w[ST_LONG], _("bad long_shifts '%s', "
		    "expected %s"), row->f[w[ST_LONG]], _("yes or no"));
	if (HAS(ST_NIGHT) && cell_nights(row->f[w[ST_NIGHT]], &p->nights))
		return bad(L, file, row, w[ST_NIGHT], _("bad nights '%s', "
		    "expected %s"), row->f[w[ST_NIGHT]], _("yes, no or only"));
	if ((HAS(ST_MINH) && cell_limit(L, file, row, w[ST_MINH], 1,
	    &p->min_hours)) || (HAS(ST_MAXH) && cell_limit(L, file, row,
	    w[ST_MAXH], 1, &p->max_hours)) || (HAS(ST_MAXW) &&
	    cell_limit(L, file, row, w[ST_MAXW], 0, &p->max_weekends)) ||
	    (HAS(ST_MINC) && cell_limit(L, file, row, w[ST_MINC], 0,
	    &p->min_consecutive_days)) || (HAS(ST_MINO) && cell_limit(L,
	    file, row, w[ST_MINO], 0, &p->min_consecutive_days_off)) ||
	    (HAS(ST_MAXS) && cell_max_shifts(L, file, row, w[ST_MAXS], p)))
		return -1;
#undef HAS
	return 0;
}

static int
row_dept(struct loader *L, struct csvrow *row, int j)
{
	const char	*v = j >= 0 ? str_trim(row->f[j]) : "";

	return intern_dept(L, *v ? v : L->c->name);
}

static int
staff_row(struct loader *L, const char *file, struct csvrow *hdr,
    struct csvrow *row, const int *w, const unsigned char *known)
{
	const char	*id;
	int		 dept, i;

	(void)hdr;
	id = str_trim(row->f[w[ST_ID]]);
	if (*id == '\0')
		return bad(L, file, row, w[ST_ID], _("empty id%s, expected %s"),
		    "", _("an employee number (ansattnr) on every row"));
	if ((dept = row_dept(L, row, w[ST_DEPT])) < 0)
		return -1;
	if ((i = find_person(L, id, dept)) >= 0)
		return bad(L, file, row, w[ST_ID], _("duplicate person '%s' in "
		    "the same department, expected %s"), id, _("one row per "
		    "person and department"));
	if (i == -2 || (i = add_person(L, id, dept, file, row->line)) < 0)
		return -1;
	L->c->persons[i].in_staff = 1;
	if (staff_fields(L, file, row, w, &L->c->persons[i]) == -1)
		return -1;
	return staff_overrides(L, file, hdr, row, known, &L->c->persons[i]);
}

/* Checks a record's width against the header's. */
static int
ragged(struct loader *L, const char *file, const struct csvrow *hdr,
    const struct csvrow *row)
{
	if (row->n < hdr->n) {
		tn_error_set(L->err, TN_INPUT, file, row->fline[row->n - 1],
		    row->n, _("row has %d fields, expected %d as in the header "
		    "(is a delimiter missing?)"), row->n, hdr->n);
		return -1;
	}
	for (int j = hdr->n; j < row->n; j++)
		if (!is_blank(row->f[j])) {
			tn_error_set(L->err, TN_INPUT, file, row->fline[j],
			    j + 1, _("row has %d fields, expected %d as in the "
			    "header (is a value quoted wrongly?)"), row->n,
			    hdr->n);
			return -1;
		}
	return 0;
}

static int
load_staff(struct loader *L)
{
	const char	*file = L->c->path[P_STAFF];
	struct csvread	*r;
	struct csvrow	*row, hdr = { 0 };
	unsigned char	*known = NULL;
	int		 w[ST_N], rc;

	if ((r = open_csv(L, file)) == NULL)
		return -1;
	if ((rc = csvread_next(r, &row, L->err)) == 0)
		tn_error_set(L->err, TN_INPUT, file, 1, 1, _("empty file, "
		    "expected a header line such as id;name;position_pct"));
	if (rc <= 0)
		goto fail;
	if ((known = tn_malloc((size_t)row->n)) == NULL ||
	    (hdr.f = tn_calloc((size_t)row->n, sizeof *hdr.f)) == NULL) {
		tn_oom(L->err);
		goto fail;
	}
	hdr.n = row->n;
	hdr.line = row->line;
	for (int j = 0; j < row->n; j++)
		if ((hdr.f[j] = tn_strdup(row->f[j])) == NULL) {
			tn_oom(L->err);
			goto fail;
		}
	if (csvread_columns(r, row, staff_cols, ST_N, w, known, L->err) == -1)
		goto fail;
	if (w[ST_POS] < 0) {
		tn_error_set(L->err, TN_INPUT, file, hdr.line, 1, _("no column "
		    "'position_pct' in the header, expected one named "
		    "'position_pct' or 'stillingsprosent'"));
		goto fail;
	}
	while ((rc = csvread_next(r, &row, L->err)) == 1)
		if (ragged(L, file, &hdr, row) == -1 ||
		    staff_row(L, file, &hdr, row, w, known) == -1)
			goto fail;
	if (rc == -1)
		goto fail;
	L->c->has_staff = 1;
	rc = 0;
	goto out;
fail:
	rc = -1;
out:
	for (int j = 0; j < hdr.n; j++)
		free(hdr.f[j]);
	free(hdr.f);
	free(known);
	csvread_close(r);
	return rc;
}

/* --------------------------------------------------------------- roster */

const char *const roster_cols[RO_N] = {
	"*id|ansattnr|ansattnummer|ansatt_nr|ansatt|employee_id|employee|nr",
	"name|navn",
	"department|avdeling|avd|dept|ward|post",
	"role|rolle|kompetanse|yrke|yrkesgruppe",
	("position_pct|stillingsprosent|stillingsandel|position|stilling|"
	    "stilling_pct|pct"),
	"day|dag|dato|date",
	"shift|vakt|kode|code|vaktkode",
};

/* A roster cell before the rotation's length is known. */
struct entry {
	int	 person;
	int	 shift;
	long	 day;		/* day number (0-based) or date */
	long	 line;
	int	 col;
};

struct roster {
	const char	*file;
	struct entry	*e;
	int		 ne, cap;
	long		*hday;		/* wide: day of each header field */
	int		 nhday;
	long		 lo, hi;	/* smallest and largest day seen */
	int		 any;
	long		 lo_line, hi_line;
	int		 hi_col;
};

/* The day v of a header or long-form day field j of row. */
static int
day_text(struct loader *L, struct roster *R, struct csvrow *row, int j,
    const char *v, long *out)
{
	long		 n;

	if (parse_date(v, out) == 0) {
		if (L->day_numbers)
			goto mixed;
		L->dated = 1;
		return 0;
	}
	if (parse_int(v, &n) == 0 && n >= 1 && n <= 3660) {
		if (L->dated)
			goto mixed;
		L->day_numbers = 1;
		*out = n - 1;
		return 0;
	}
	return bad(L, R->file, row, j, _("bad day '%s', expected %s"), v,
	    _("a rotation day number (1, 2, ...) or a date (dd.mm.yyyy or "
	    "yyyy-mm-dd)"));
mixed:
	return bad(L, R->file, row, j, _("day '%s' mixes numbers and dates, "
	    "expected %s"), v, _("either rotation day numbers or dates "
	    "throughout the roster"));
}

/* A day header or long-form day: a rotation day number or a date. */
static int
day_value(struct loader *L, struct roster *R, struct csvrow *row, int j,
    long *out)
{
	return day_text(L, R, row, j, row->f[j], out);
}

static void
seen_day(struct roster *R, long d, long line, int col)
{
	if (!R->any || d < R->lo) {
		R->lo = d;
		R->lo_line = line;
	}
	if (!R->any || d > R->hi) {
		R->hi = d;
		R->hi_line = line;
		R->hi_col = col;
	}
	R->any = 1;
}

/*
 * The staff row of an id: -2 when it has several (one per department),
 * -3 out of memory.  A table made on first use, not a scan per row.
 */
static int
staff_row_of(struct loader *L, int pid)
{
	struct tn_case	*c = L->c;

	if (L->id_rows == NULL) {
		if ((L->id_rows = tn_malloc(((size_t)c->nids + 1) *
		    sizeof *L->id_rows)) == NULL)
			return -3;
		for (int k = 0; k < c->nids; k++)
			L->id_rows[k] = -1;
		for (int k = 0; k < c->npersons; k++)
			L->id_rows[c->persons[k].pid] =
			    L->id_rows[c->persons[k].pid] == -1 ? k : -2;
	}
	return L->id_rows[pid];
}

/* A roster row in a department that staff.csv does not give its id. */
static int
other_dept(struct loader *L, struct roster *R, struct csvrow *row, int j,
    const char *id, int pid)
{
	struct tn_case	*c = L->c;
	char		 ex[256];
	int		 i;

	if ((i = staff_row_of(L, pid)) == -3)
		return tn_oom(L->err);
	if (i == -2)
		snprintf(ex, sizeof ex, "%s", _("one of its departments in "
		    "staff.csv"));
	else
		snprintf(ex, sizeof ex, _("'%s' as in staff.csv"),
		    c->depts[c->persons[i].dept]);
	tn_error_set(L->err, TN_INPUT, R->file, row->fline[j], j + 1,
	    _("employee '%s' is in '%s' in the roster, expected %s"),
	    id, row->f[j], ex);
	return -1;
}

/* The person row a roster row belongs to, adding it without staff.csv. */
static int
roster_person(struct loader *L, struct roster *R, struct csvrow *row,
    const int *w)
{
	struct tn_case	*c = L->c;
	const char	*id = str_trim(row->f[w[RO_ID]]);
	int		 dept, i = -1, pid;

	if (*id == '\0')
		return bad(L, R->file, row, w[RO_ID], _("empty id%s, "
		    "expected %s"), "", _("an employee number (ansattnr) on "
		    "every row"));
	if (c->has_staff && (w[RO_DEPT] < 0 || is_blank(row->f[w[RO_DEPT]]))) {
		if ((pid = hmap_get(&L->id_ix, id)) < 0)
			goto unknown;
		if ((i = staff_row_of(L, pid)) == -3)
			return tn_oom(L->err);
		if (i == -2)
			return bad(L, R->file, row, w[RO_ID], _("'%s' is in "
			    "several departments in staff.csv, expected %s"),
			    id, _("a department column in the roster"));
		return i;
	}
	if ((dept = row_dept(L, row, w[RO_DEPT])) < 0 ||
	    (i = find_person(L, id, dept)) == -2)
		return -1;
	if (i >= 0 || !c->has_staff)
		return i >= 0 ? i : add_person(L, id, dept, R->file, row->line);
	if ((pid = hmap_get(&L->id_ix, id)) >= 0)
		return other_dept(L, R, row, w[RO_DEPT], id, pid);
unknown:
	return bad(L, R->file, row, w[RO_ID], _("employee '%s' is not in "
	    "staff.csv, expected %s"), id, _("every roster id in staff.csv "
	    "(with the same department)"));
}

/* Fills name, role and the roster's position from a roster row. */
static int
roster_fields(struct loader *L, struct roster *R, struct csvrow *row,
    const int *w, struct tn_person *p)
{
	if (p->name == NULL && w[RO_NAME] >= 0 && !is_blank(row->f[w[RO_NAME]])
	    && (p->name = tn_strdup(str_trim(row->f[w[RO_NAME]]))) == NULL)
		return tn_oom(L->err);
	if (w[RO_ROLE] >= 0 && !is_blank(row->f[w[RO_ROLE]]) &&
	    (p->role == NULL || strcmp(p->role, "any") == 0)) {
		free(p->role);
		if ((p->role = tn_strdup(str_trim(row->f[w[RO_ROLE]]))) == NULL)
			return tn_oom(L->err);
	}
	if (p->role == NULL && (p->role = tn_strdup("any")) == NULL)
		return tn_oom(L->err);
	if (w[RO_POS] >= 0 && !is_blank(row->f[w[RO_POS]])) {
		if (cell_pct(L, R->file, row, w[RO_POS], &p->roster_pct) == -1)
			return -1;
		p->pos_pct = p->roster_pct;
	}
	p->in_roster = 1;
	return 0;
}

static int
add_entry(struct loader *L, struct roster *R, struct csvrow *row, int j,
    int person, long day)
{
	const char	*v = str_trim(row->f[j]);
	struct entry	*e;
	int		 s;

	if (*v == '\0' || strcmp(v, "-") == 0)
		return 0;
	if ((s = lookup_shift(L, v)) < 0)
		return bad(L, R->file, row, j, _("unknown shift code '%s', "
		    "expected one of %s"), v, shift_list(L));
	if (grow(&R->e, &R->cap, R->ne + 1, sizeof *R->e) == -1)
		return tn_oom(L->err);
	e = &R->e[R->ne++];
	e->person = person;
	e->shift = s;
	e->day = day;
	e->line = row->fline[j];
	e->col = j + 1;
	return 0;
}

/* Digits and two or more of . - /: a date, so a bad one is an error. */
static int
date_like(const char *s)
{
	int	 digits = 0, seps = 0;

	for (; *s != '\0'; s++)
		if (isdigit((unsigned char)*s))
			digits++;
		else if (*s == '.' || *s == '-' || *s == '/')
			seps++;
		else if (!isspace((unsigned char)*s))
			return 0;
	return digits > 0 && seps >= 2;
}

/*
 * A header that names its weekday ("man 1", "Tir 02.01.2024", "søn"):
 * copies the day part, "" for a weekday alone, into day and returns 0
 * with wd set; -1 when the header is not one.
 */
static int
weekday_head(const char *s, char *day, size_t sz, int *wd)
{
	char	 b[64], *a, *z;

	snprintf(b, sizeof b, "%s", s);
	a = str_trim(b);
	*day = '\0';
	if (parse_weekday(a, wd) == 0)
		return 0;
	if ((z = strpbrk(a, " \t")) == NULL)
		return -1;
	*z++ = '\0';
	z = str_trim(z);
	if (parse_weekday(a, wd) == 0 && strpbrk(z, " \t") == NULL)
		snprintf(day, sz, "%s", z);
	else if (parse_weekday(z, wd) == 0)
		snprintf(day, sz, "%s", a);
	else
		return -1;
	return 0;
}

/*
 * The day of a weekday header: its number or date, which must fall on
 * that weekday; a weekday alone is the next day of a run of them, side
 * by side, whose first sets the rotation's first weekday.  nwd counts
 * the run; 0 for an extra column ("Fri" after the days: days off).
 */
static int
weekday_day(struct loader *L, struct roster *R, struct csvrow *h, int j,
    int *nwd, long *out)
{
	struct tn_case	*c = L->c;
	char		 day[64];
	int		 wd, k;

	if (weekday_head(h->f[j], day, sizeof day, &wd) == -1)
		return 0;
	if (*day != '\0') {
		if (day_text(L, R, h, j, day, out) == -1)
			return -1;
		k = L->dated ? date_weekday(*out) :
		    (int)((c->start_weekday + *out) % 7);
	} else {
		if (L->dated)
			return bad(L, R->file, h, j, _("day '%s' mixes "
			    "weekdays and dates, expected %s"), h->f[j],
			    _("either rotation day numbers or dates "
			    "throughout the roster"));
		if (*nwd == 0 ? R->any : R->hday[j - 1] != *nwd - 1)
			return 0;
		L->day_numbers = 1;
		if (*nwd == 0)
			c->start_weekday = wd;
		*out = (*nwd)++;
		k = (c->start_weekday + (int)*out) % 7;
	}
	if (k != wd)
		return bad(L, R->file, h, j, _("day '%s' is on the wrong "
		    "weekday, expected %s"), h->f[j], *day != '\0' ?
		    _("the weekday of its day (rotation day 1 is start_weekday)")
		    : _("the weekdays in order, one column a day"));
	return 1;
}

static int
wide_header(struct loader *L, struct roster *R, struct csvrow *h,
    const unsigned char *known)
{
	int	 nwd = 0, r;

	if ((R->hday = tn_malloc((size_t)h->n * sizeof *R->hday)) == NULL)
		return tn_oom(L->err);
	R->nhday = h->n;
	for (int j = 0; j < h->n; j++) {
		R->hday[j] = -1;
		if (known[j] || is_blank(h->f[j]))
			continue;
		if (parse_date(h->f[j], &R->hday[j]) == -1) {
			long n;

			if (parse_int(h->f[j], &n) == -1 &&
			    !date_like(h->f[j])) {
				if ((r = weekday_day(L, R, h, j, &nwd,
				    &R->hday[j])) == -1)
					return -1;
				if (r == 0) {
					R->hday[j] = -1;
					continue;	/* an extra column */
				}
			} else if (day_value(L, R, h, j, &R->hday[j]) == -1)
				return -1;
		} else if (day_value(L, R, h, j, &R->hday[j]) == -1)
			return -1;
		for (int k = 0; k < j; k++)
			if (R->hday[k] == R->hday[j])
				return bad(L, R->file, h, j, _("day '%s' "
				    "appears twice in the header, expected %s"),
				    h->f[j], _("each day once"));
		seen_day(R, R->hday[j], h->line, j + 1);
	}
	if (!R->any) {
		tn_error_set(L->err, TN_INPUT, R->file, h->line, 1, _("no day "
		    "columns in the header, expected columns headed 1, 2, ... "
		    "or by dates, or a long roster with id;day;shift"));
		return -1;
	}
	return 0;
}

static int
wide_row(struct loader *L, struct roster *R, struct csvrow *row,
    const int *w)
{
	struct tn_person *p;
	int		  i;

	if ((i = roster_person(L, R, row, w)) < 0)
		return -1;
	p = &L->c->persons[i];
	if (p->in_roster)
		return bad(L, R->file, row, w[RO_ID], _("duplicate person '%s' "
		    "in the roster, expected %s"), p->id, _("one row per "
		    "person and department"));
	if (roster_fields(L, R, row, w, p) == -1)
		return -1;
	for (int j = 0; j < row->n && j < R->nhday; j++)
		if (R->hday[j] >= 0 &&
		    add_entry(L, R, row, j, i, R->hday[j]) == -1)
			return -1;
	return 0;
}

static int
long_row(struct loader *L, struct roster *R, struct csvrow *row,
    const int *w)
{
	long	 day;
	int	 i;

	if ((i = roster_person(L, R, row, w)) < 0 ||
	    roster_fields(L, R, row, w, &L->c->persons[i]) == -1)
		return -1;
	if (is_blank(row->f[w[RO_DAY]]))
		return bad(L, R->file, row, w[RO_DAY], _("empty day%s, "
		    "expected %s"), "", _("a rotation day number or a date"));
	if (day_value(L, R, row, w[RO_DAY], &day) == -1)
		return -1;
	seen_day(R, day, row->line, w[RO_DAY] + 1);
	return add_entry(L, R, row, w[RO_SHIFT], i, day);
}

/* Fixes the rotation's length and weekday from the days seen. */
static int
roster_days(struct loader *L, struct roster *R)
{
	struct tn_case	*c = L->c;
	int		 rw = c->rules.rotation_weeks;
	long		 n = R->hi - (L->dated ? R->lo : 0) + 1;

	if (L->dated) {
		if (c->rules.start_date >= 0 && c->rules.start_date != R->lo) {
			char a[16], b[16];

			tn_error_set(L->err, TN_INPUT, R->file, R->lo_line, 1,
			    _("the roster starts on %s, but start_date is %s; "
			    "expected one start (remove start_date)"),
			    fmt_date(a, sizeof a, R->lo, 0),
			    fmt_date(b, sizeof b, c->rules.start_date, 0));
			return -1;
		}
		c->first_date = R->lo;
		c->start_weekday = date_weekday(R->lo);
	}
	if (rw > 0 && n > 7L * rw) {
		tn_error_set(L->err, TN_INPUT, R->file, R->hi_line, R->hi_col,
		    P_("day %ld is past the rotation's %d week, expected at "
		    "most %d days (rotation_weeks = %d)", "day %ld is past the "
		    "rotation's %d weeks, expected at most %d days "
		    "(rotation_weeks = %d)", rw), n, rw, 7 * rw, rw);
		return -1;
	}
	if (rw > 0)
		n = 7L * rw;
	if (n > 3660) {
		tn_error_set(L->err, TN_INPUT, R->file, R->hi_line, R->hi_col,
		    _("the roster spans %ld days, expected at most 3660 (ten "
		    "years); is a date mistyped?"), n);
		return -1;
	}
	if (!L->dated && c->rules.start_date >= 0) {
		c->first_date = c->rules.start_date;
		c->start_weekday = date_weekday(c->first_date);
	}
	if (c->rules.cyclic && n % 7 != 0) {
		tn_error_set(L->err, TN_INPUT, R->file, R->hi_line, R->hi_col,
		    _("the roster has %ld days, expected whole weeks for a "
		    "cyclic rotation; add the missing days, set "
		    "rotation_weeks, or set cyclic = no"), n);
		return -1;
	}
	c->ndays = (int)n;
	return 0;
}

/*
 * night_cell = end: some tools write a shift that crosses midnight on
 * the day it ends.  Moves each such shift to the day it starts.
 */
static int
roster_night_end(struct loader *L, struct roster *R)
{
	struct tn_case	*c = L->c;
	int		 n = c->ndays;

	for (int i = 0; i < c->npersons; i++) {
		short	*cell = c->persons[i].cell;
		short	 first = cell[0];

		for (int d = 0; d < n; d++) {
			int	 s = d == n - 1 && c->rules.cyclic ? first :
				    d + 1 < n ? cell[d + 1] : NO_SHIFT;
			int	 moved = s != NO_SHIFT && !c->shifts[s].off &&
				    c->shifts[s].start + c->shifts[s].len >
				    MIN_PER_DAY;
			int	 here = cell[d] != NO_SHIFT &&
				    !c->shifts[cell[d]].off &&
				    c->shifts[cell[d]].start +
				    c->shifts[cell[d]].len <= MIN_PER_DAY;

			if (moved && here) {
				tn_error_set(L->err, TN_INPUT, R->file,
				    c->persons[i].line, 1, _("'%s' has %s on "
				    "day %d and %s written on day %d, the day "
				    "it ends (night_cell = end): they would "
				    "overlap; expected one shift per day"),
				    c->persons[i].id, c->shifts[cell[d]].code,
				    d + 1, c->shifts[s].code, (d + 1) % n + 1);
				return -1;
			}
			if (d == 0 && !c->rules.cyclic && cell[0] != NO_SHIFT &&
			    !c->shifts[cell[0]].off && c->shifts[cell[0]].start
			    + c->shifts[cell[0]].len > MIN_PER_DAY) {
				tn_error_set(L->err, TN_INPUT, R->file,
				    c->persons[i].line, 1, _("'%s' has %s on "
				    "day 1, written on the day it ends: it "
				    "starts before the period; expected the "
				    "first day's night in the period"),
				    c->persons[i].id,
				    c->shifts[cell[0]].code);
				return -1;
			}
			if (moved || (cell[d] != NO_SHIFT &&
			    !c->shifts[cell[d]].off &&
			    c->shifts[cell[d]].start +
			    c->shifts[cell[d]].len > MIN_PER_DAY))
				cell[d] = moved ? (short)s : NO_SHIFT;
		}
	}
	return 0;
}

static int
roster_cells(struct loader *L, struct roster *R)
{
	struct tn_case	*c = L->c;
	long		 base = L->dated ? R->lo : 0;

	for (int i = 0; i < c->npersons; i++) {
		if ((c->persons[i].cell = tn_malloc((size_t)c->ndays *
		    sizeof *c->persons[i].cell)) == NULL)
			return tn_oom(L->err);
		for (int d = 0; d < c->ndays; d++)
			c->persons[i].cell[d] = NO_SHIFT;
	}
	for (int k = 0; k < R->ne; k++) {
		struct entry *e = &R->e[k];
		short *cell = &c->persons[e->person].cell[e->day - base];

		if (*cell != NO_SHIFT) {
			tn_error_set(L->err, TN_INPUT, R->file, e->line, e->col,
			    _("day %ld of '%s' given twice, expected one shift "
			    "per person and day"), e->day - base + 1,
			    c->persons[e->person].id);
			return -1;
		}
		*cell = (short)e->shift;
	}
	return c->rules.night_cell_end ? roster_night_end(L, R) : 0;
}

static int
load_roster(struct loader *L)
{
	struct roster	 R = { .file = L->c->path[P_ROSTER] };
	struct csvread	*r;
	struct csvrow	*row, hdr = { 0 };
	unsigned char	*known = NULL;
	int		 w[RO_N], rc = -1, islong, nrows;

	if ((r = open_csv(L, R.file)) == NULL)
		return -1;
	if ((rc = csvread_next(r, &row, L->err)) == 0)
		tn_error_set(L->err, TN_INPUT, R.file, 1, 1, _("empty file, "
		    "expected a header line such as id;name;1;2;3"));
	if (rc <= 0)
		goto fail;
	if ((known = tn_malloc((size_t)row->n)) == NULL) {
		tn_oom(L->err);
		goto fail;
	}
	if (csvread_columns(r, row, roster_cols, RO_N, w, known, L->err) == -1)
		goto fail;
	islong = w[RO_DAY] >= 0 && w[RO_SHIFT] >= 0;
	if (!islong && wide_header(L, &R, row, known) == -1)
		goto fail;
	hdr.n = row->n;
	for (nrows = 0; (rc = csvread_next(r, &row, L->err)) == 1; nrows++)
		if (ragged(L, R.file, &hdr, row) == -1 || (islong ?
		    long_row(L, &R, row, w) : wide_row(L, &R, row, w)) == -1)
			goto fail;
	if (rc == -1)
		goto fail;
	if (nrows == 0 || L->c->npersons == 0 || !R.any) {
		tn_error_set(L->err, TN_INPUT, R.file, 2, 1, _("no employees, "
		    "expected a row per employee under the header"));
		goto fail;
	}
	L->c->has_roster = 1;
	rc = roster_days(L, &R) == -1 || roster_cells(L, &R) == -1 ? -1 : 0;
	goto out;
fail:
	rc = -1;
out:
	free(R.e);
	free(R.hday);
	free(known);
	csvread_close(r);
	return rc;
}

/* --------------------------------------------------------------- demand */

static const char *const demand_cols[] = {
	"department|avdeling|avd|dept|ward|post",
	"*day|dag|dato|date|ukedag|weekday",
	"*shift|vakt|kode|code|vaktkode",
	"role|rolle|kompetanse|yrke|yrkesgruppe",
	"*min|antall|minimum|count|heads",
	"max|maks|maksimum|maximum",
	"under_weight|undervekt",
	"over_weight|overvekt",
};
enum { DE_DEPT, DE_DAY, DE_SHIFT, DE_ROLE, DE_MIN, DE_MAX, DE_UW, DE_OW,
    DE_N };

/*
 * The rotation days a demand row's day names: a weekday (each one), a
 * group (all, weekdays, weekend), a day number or a date.  Fills mask;
 * returns the row's specificity (1 a group, 2 a weekday, 3 one day: a
 * more specific row wins over a less specific one) or -1.
 */
static int
demand_days(struct loader *L, const char *file, struct csvrow *row, int j,
    unsigned char *mask)
{
	struct tn_case	*c = L->c;
	const char	*v = row->f[j];
	char		 b[32];
	int		 wd, lo = -1, hi = -1;
	long		 n;

	header_norm(v, b, sizeof b);
	if (strcmp(b, "all") == 0 || strcmp(b, "alle") == 0)
		lo = 0, hi = 6;
	else if (strcmp(b, "weekdays") == 0 || strcmp(b, "hverdager") == 0)
		lo = 0, hi = 4;
	else if (strcmp(b, "weekend") == 0 || strcmp(b, "helg") == 0)
		lo = 5, hi = 6;
	else if (parse_weekday(v, &wd) == 0)
		lo = hi = wd;
	if (lo >= 0) {
		for (int d = 0; d < c->ndays; d++) {
			wd = case_weekday(c, d);
			mask[d] = wd >= lo && wd <= hi;
		}
		return lo == hi ? 2 : 1;
	}
	memset(mask, 0, (size_t)c->ndays);
	if (parse_date(v, &n) == 0) {
		if (c->first_date < 0)
			return bad(L, file, row, j, _("date '%s' in a case "
			    "without dates, expected %s"), v, _("a weekday or "
			    "a rotation day number (the roster has no dates)"));
		n -= c->first_date;
	} else if (parse_int(v, &n) == 0 && n >= 1)
		n -= 1;
	else
		return bad(L, file, row, j, _("bad day '%s', expected %s"), v,
		    _("a weekday (man, tir, ... or mon, tue, ...), all, "
		    "weekdays, weekend, a day number or a date"));
	if (n < 0 || n >= c->ndays)
		return bad(L, file, row, j, _("day '%s' is outside the "
		    "rotation, expected %s"), v, _("a day within the roster's "
		    "days"));
	mask[n] = 1;
	return 3;
}

static int
demand_dept(struct loader *L, const char *file, struct csvrow *row,
    const int *w)
{
	struct tn_case	*c = L->c;
	const char	*v = w[DE_DEPT] >= 0 ? str_trim(row->f[w[DE_DEPT]]) : "";
	int		 d;

	if (*v == '\0') {
		if (c->ndepts > 1)
			return bad(L, file, row, w[DE_DEPT] >= 0 ? w[DE_DEPT] :
			    0, _("no department%s, expected %s"), "", _("one "
			    "on every demand row: the case has several"));
		return intern_dept(L, c->ndepts ? c->depts[0] : c->name);
	}
	if ((d = hmap_get(&L->dept_ix, v)) >= 0)
		return d;
	if (c->npersons > 0)
		return bad(L, file, row, w[DE_DEPT], _("unknown department "
		    "'%s', expected %s"), v, _("a department of the staff or "
		    "roster"));
	return intern_dept(L, v);
}

static int
demand_count(struct loader *L, const char *file, struct csvrow *row, int j,
    int *out)
{
	long	 v;

	if (parse_int(row->f[j], &v) == -1 || v < 0 || v > 10000)
		return bad(L, file, row, j, _("bad head count '%s', "
		    "expected %s"), row->f[j], _("a whole number of persons, 0 "
		    "or more"));
	*out = (int)v;
	return 0;
}

static int
demand_weight(struct loader *L, const char *file, struct csvrow *row,
    int j, double *out)
{
	if (j < 0 || is_blank(row->f[j]))
		return 0;
	if (parse_number(row->f[j], out) == -1 || *out < 0)
		return bad(L, file, row, j, _("bad weight '%s', expected %s"),
		    row->f[j], _("a cost per head, 0 or more"));
	return 0;
}

/* Adds the row's demand for each day in mask, refusing a repeat. */
static int
demand_add(struct loader *L, const char *file, struct csvrow *row,
    const int *w, const struct tn_demand *t, const unsigned char *mask,
    int spec, unsigned char *specs)
{
	struct tn_case	*c = L->c;
	struct buf	 key = { 0 };
	int		 k;

	for (int d = 0; d < c->ndays; d++) {
		if (!mask[d])
			continue;
		key.len = 0;		/* a map, not a scan: rows x days */
		buf_addf(&key, "%d %d %d ", t->dept, d, t->dcode);
		buf_adds(&key, t->role);
		if (key.oom) {
			buf_release(&key);
			return tn_oom(L->err);
		}
		if ((k = hmap_get(&L->demand_ix, key.s)) < 0)
			k = c->ndemand;
		if (k < c->ndemand && specs[k] == spec) {
			buf_release(&key);
			return bad(L, file, row, w[DE_DAY], _("demand for day "
			    "'%s' given twice, expected %s"), row->f[w[DE_DAY]],
			    _("one row per department, day, shift and role"));
		}
		if (k < c->ndemand && specs[k] > spec)
			continue;	/* a single day beats a weekday */
		if (k == c->ndemand) {
			if (grow(&c->demand, &L->capdemand, c->ndemand + 1,
			    sizeof *c->demand) == -1 ||
			    hmap_put(&L->demand_ix, key.s, k) == -1) {
				buf_release(&key);
				return tn_oom(L->err);
			}
			c->ndemand++;
		} else
			free(c->demand[k].role);
		c->demand[k] = *t;
		c->demand[k].day = d;
		if ((c->demand[k].role = tn_strdup(t->role)) == NULL) {
			buf_release(&key);
			return tn_oom(L->err);
		}
		specs[k] = (unsigned char)spec;
	}
	buf_release(&key);
	return 0;
}

static int
demand_row(struct loader *L, const char *file, struct csvrow *row,
    const int *w, unsigned char *mask, unsigned char **specs, int *capspec)
{
	struct tn_demand t = { .max = UNSET, .under_weight = -1,
			    .over_weight = -1, .line = row->line };
	char		 k[256];
	int		 spec;

	if ((t.dept = demand_dept(L, file, row, w)) < 0)
		return -1;
	if ((spec = demand_days(L, file, row, w[DE_DAY], mask)) < 0)
		return -1;
	if (fold(str_trim(row->f[w[DE_SHIFT]]), k, sizeof k) == -1 ||
	    (t.dcode = hmap_get(&L->dcode_ix, k)) < 0)
		return bad(L, file, row, w[DE_SHIFT], _("demand code '%s' is "
		    "covered by no shift, expected %s"), row->f[w[DE_SHIFT]],
		    _("a shift code of shifts.csv or a code in its covers"));
	t.role = (w[DE_ROLE] >= 0 && !is_blank(row->f[w[DE_ROLE]])) ?
	    str_trim(row->f[w[DE_ROLE]]) : (char *)"any";
	if (strcasecmp(t.role, "alle") == 0 || strcasecmp(t.role, "all") == 0)
		t.role = (char *)"any";		/* anyone, in either language */
	if (demand_count(L, file, row, w[DE_MIN], &t.min) == -1 ||
	    (w[DE_MAX] >= 0 && !is_blank(row->f[w[DE_MAX]]) &&
	    demand_count(L, file, row, w[DE_MAX], &t.max) == -1) ||
	    demand_weight(L, file, row, w[DE_UW], &t.under_weight) == -1 ||
	    demand_weight(L, file, row, w[DE_OW], &t.over_weight) == -1)
		return -1;
	if (t.max != UNSET && t.max < t.min)
		return bad(L, file, row, w[DE_MAX], _("max '%s' is below min, "
		    "expected %s"), row->f[w[DE_MAX]], _("max at least min"));
	if (grow(specs, capspec, L->c->ndemand + L->c->ndays,
	    sizeof **specs) == -1)
		return tn_oom(L->err);
	return demand_add(L, file, row, w, &t, mask, spec, *specs);
}

static int
load_demand(struct loader *L)
{
	const char	*file = L->c->path[P_DEMAND];
	struct csvread	*r;
	struct csvrow	*row;
	unsigned char	*mask = NULL, *specs = NULL;
	int		 w[DE_N], rc, capspec = 0;

	if ((r = open_csv(L, file)) == NULL)
		return -1;
	if ((rc = csvread_next(r, &row, L->err)) == 0)
		tn_error_set(L->err, TN_INPUT, file, 1, 1, _("empty file, "
		    "expected a header line such as day;shift;min"));
	if (rc <= 0 || csvread_columns(r, row, demand_cols, DE_N, w, NULL,
	    L->err) == -1 || (mask = tn_malloc((size_t)L->c->ndays)) == NULL)
		goto fail;
	while ((rc = csvread_next(r, &row, L->err)) == 1) {
		if (short_row(L, file, row, w, DE_N) == -1 ||
		    demand_row(L, file, row, w, mask, &specs, &capspec) == -1)
			goto fail;
	}
	if (rc == -1)
		goto fail;
	L->c->has_demand = 1;
	rc = 0;
	goto out;
fail:
	if (mask == NULL && L->err->level == 0)
		tn_oom(L->err);
	rc = -1;
out:
	free(mask);
	free(specs);
	csvread_close(r);
	return rc;
}

/* --------------------------------------------------------------- wishes */

static const char *const wish_cols[] = {
	"*id|ansattnr|ansattnummer|ansatt_nr|ansatt|employee_id|employee|nr",
	"*day|dag|dato|date",
	"shift|vakt|kode|code|vaktkode",
	"kind|type|ønske|wish",
	"weight|vekt",
};
enum { WI_ID, WI_DAY, WI_SHIFT, WI_KIND, WI_WEIGHT, WI_N };

static int
wish_kind(const char *v, int *out)
{
	char	 b[16];

	header_norm(v, b, sizeof b);
	if (!strcmp(b, "on") || !strcmp(b, "på") || !strcmp(b, "want") ||
	    !strcmp(b, "ønsker") || !strcmp(b, "ja") || !strcmp(b, "yes"))
		return *out = TN_WISH_ON, 0;
	if (!strcmp(b, "off") || !strcmp(b, "av") || !strcmp(b, "fri") ||
	    !strcmp(b, "free") || !strcmp(b, "nei") || !strcmp(b, "no"))
		return *out = TN_WISH_OFF, 0;
	return -1;
}

static int
wish_add(struct loader *L, const struct tn_wish *t, const unsigned char *m,
    int *cap)
{
	struct tn_case	*c = L->c;

	for (int d = 0; d < c->ndays; d++) {
		if (!m[d])
			continue;
		if (grow(&c->wishes, cap, c->nwishes + 1, sizeof *c->wishes) ==
		    -1)
			return tn_oom(L->err);
		c->wishes[c->nwishes] = *t;
		c->wishes[c->nwishes++].day = d;
	}
	return 0;
}

static int
wish_row(struct loader *L, const char *file, struct csvrow *row,
    const int *w, unsigned char *mask, int *cap)
{
	struct tn_wish	 t = { .shift = NO_SHIFT, .weight = 1,
			    .line = row->line };
	const char	*v;
	char		 b[16];

	v = str_trim(row->f[w[WI_ID]]);
	if ((t.pid = hmap_get(&L->id_ix, v)) < 0)
		return bad(L, file, row, w[WI_ID], _("unknown employee '%s', "
		    "expected %s"), v, _("an id of staff.csv or the roster"));
	for (t.person = 0; L->c->persons[t.person].pid != t.pid; t.person++)
		;
	if (demand_days(L, file, row, w[WI_DAY], mask) < 0)
		return -1;
	v = w[WI_SHIFT] >= 0 ? str_trim(row->f[w[WI_SHIFT]]) : "";
	if (*v != '\0' && (t.shift = lookup_shift(L, v)) < 0)
		return bad(L, file, row, w[WI_SHIFT], _("unknown shift code "
		    "'%s', expected one of %s"), v, shift_list(L));
	t.kind = t.shift == NO_SHIFT ? TN_WISH_OFF : TN_WISH_ON;
	if (w[WI_KIND] >= 0 && !is_blank(row->f[w[WI_KIND]]) &&
	    wish_kind(row->f[w[WI_KIND]], &t.kind) == -1)
		return bad(L, file, row, w[WI_KIND], _("bad kind '%s', "
		    "expected %s"), row->f[w[WI_KIND]], _("on or off"));
	if (w[WI_WEIGHT] >= 0 && !is_blank(row->f[w[WI_WEIGHT]])) {
		header_norm(row->f[w[WI_WEIGHT]], b, sizeof b);
		if (!strcmp(b, "locked") || !strcmp(b, "låst"))
			t.locked = 1;
		else if (parse_number(row->f[w[WI_WEIGHT]], &t.weight) == -1 ||
		    t.weight < 0)
			return bad(L, file, row, w[WI_WEIGHT], _("bad weight "
			    "'%s', expected %s"), row->f[w[WI_WEIGHT]],
			    _("a number, 0 or more, or locked"));
	}
	return wish_add(L, &t, mask, cap);
}

static int
load_wishes(struct loader *L)
{
	const char	*file = L->c->path[P_WISHES];
	struct csvread	*r;
	struct csvrow	*row;
	unsigned char	*mask = NULL;
	int		 w[WI_N], rc, cap = 0;

	if ((r = open_csv(L, file)) == NULL)
		return -1;
	if ((rc = csvread_next(r, &row, L->err)) == 0)
		tn_error_set(L->err, TN_INPUT, file, 1, 1, _("empty file, "
		    "expected a header line such as id;day;shift;kind;weight"));
	if (rc <= 0 || csvread_columns(r, row, wish_cols, WI_N, w, NULL,
	    L->err) == -1)
		goto fail;
	if ((mask = tn_malloc((size_t)L->c->ndays)) == NULL) {
		tn_oom(L->err);
		goto fail;
	}
	while ((rc = csvread_next(r, &row, L->err)) == 1) {
		if (short_row(L, file, row, w, WI_N) == -1 ||
		    wish_row(L, file, row, w, mask, &cap) == -1)
			goto fail;
	}
	if (rc == -1)
		goto fail;
	rc = 0;
	goto out;
fail:
	rc = -1;
out:
	free(mask);
	csvread_close(r);
	return rc;
}

/* ------------------------------------------------------------ the case */

/* A person's wish counts once: the largest wanted_pct of their rows. */
static void
persons_finish(struct tn_case *c)
{
	for (int i = 0; i < c->npersons; i++) {
		struct tn_person *p = &c->persons[i];
		double w = NAN;

		for (int k = 0; k < c->npersons; k++)
			if (c->persons[k].pid == p->pid &&
			    !isnan(c->persons[k].wanted_pct) &&
			    (isnan(w) || c->persons[k].wanted_pct > w))
				w = c->persons[k].wanted_pct;
		p->wanted_pct = w;
		if (isnan(p->pos_pct))
			p->pos_pct = p->staff_pct;
	}
}

static int
no_roster_days(struct loader *L)
{
	struct tn_case	*c = L->c;
	int		 rw = c->rules.rotation_weeks ? c->rules.rotation_weeks : 6;

	if (c->rules.start_date >= 0) {
		c->first_date = c->rules.start_date;
		c->start_weekday = date_weekday(c->first_date);
	}
	c->ndays = 7 * rw;
	for (int i = 0; i < c->npersons; i++) {
		if ((c->persons[i].cell = tn_malloc((size_t)c->ndays *
		    sizeof *c->persons[i].cell)) == NULL)
			return tn_oom(L->err);
		for (int d = 0; d < c->ndays; d++)
			c->persons[i].cell[d] = NO_SHIFT;
	}
	return 0;
}

static int
load_rules(struct loader *L, char *const *sets, int nsets)
{
	rules_default(&L->c->rules);
	if (L->c->path[P_RULES] != NULL &&
	    rules_load(&L->c->rules, L->c->path[P_RULES], L->err) == -1)
		return -1;
	for (int i = 0; i < nsets; i++)
		if (rules_set(&L->c->rules, sets[i], "--set", i, L->err) == -1)
			return -1;
	L->c->start_weekday = L->c->rules.start_weekday;
	return 0;
}

static int
load_all(struct loader *L, const struct tn_case_files *f, int need,
    char *const *sets, int nsets)
{
	struct tn_case	*c = L->c;

	if (resolve_paths(L, f) == -1 || require(L, need, f) == -1 ||
	    load_rules(L, sets, nsets) == -1)
		return -1;
	if (c->path[P_SHIFTS] != NULL && load_shifts(L) == -1)
		return -1;
	if (c->path[P_STAFF] != NULL && load_staff(L) == -1)
		return -1;
	if (c->path[P_ROSTER] != NULL) {
		if (load_roster(L) == -1)
			return -1;
	} else if (no_roster_days(L) == -1)
		return -1;
	if (c->path[P_DEMAND] != NULL && load_demand(L) == -1)
		return -1;
	if (c->path[P_WISHES] != NULL && load_wishes(L) == -1)
		return -1;
	persons_finish(c);
	c->weeks = (c->ndays + 6) / 7;
	return 0;
}

struct tn_case *
tn_case_load(const struct tn_case_files *f, int need, char *const *sets,
    int nsets, struct tn_error *err)
{
	struct loader	 L = { .err = err, .max_rows = f->max_rows > 0 ?
			    f->max_rows : TN_MAX_ROWS };
	int		 rc;

	tn_error_clear(err);
	if ((L.c = tn_calloc(1, sizeof *L.c)) == NULL) {
		tn_oom(err);
		return NULL;
	}
	L.c->first_date = -1;
	rc = load_all(&L, f, need, sets, nsets);
	hmap_release(&L.shift_ix);
	hmap_release(&L.dcode_ix);
	hmap_release(&L.dept_ix);
	hmap_release(&L.row_ix);
	hmap_release(&L.id_ix);
	hmap_release(&L.demand_ix);
	free(L.id_rows);
	if (rc == -1) {
		if (err->level == 0)
			tn_oom(err);
		tn_case_free(L.c);
		return NULL;
	}
	for (int i = 0; i < 6; i++)
		if (L.c->path[i] != NULL)
			L.c->npaths = i + 1;
	return L.c;
}

void
tn_case_free(struct tn_case *c)
{
	if (c == NULL)
		return;
	for (int i = 0; i < c->nshifts; i++) {
		free(c->shifts[i].code);
		free(c->shifts[i].name);
		free(c->shifts[i].covers);
		free(c->shifts[i].cannot_follow);
	}
	free(c->shifts);
	for (int i = 0; i < c->ndcodes; i++)
		free(c->dcodes[i]);
	free(c->dcodes);
	for (int i = 0; i < c->ndepts; i++)
		free(c->depts[i]);
	free(c->depts);
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
	for (int i = 0; i < c->ndemand; i++)
		free(c->demand[i].role);
	free(c->demand);
	free(c->wishes);
	for (int i = 0; i < 6; i++)
		free(c->path[i]);
	free(c->name);
	free(c->dir);
	free(c);
}

const char *
tn_case_name(const struct tn_case *c)
{
	return c->name;
}

int
tn_case_inputs(const struct tn_case *c, const char **paths, int max)
{
	int	 n = 0;

	for (int i = 0; i < 6; i++)
		if (c->path[i] != NULL) {
			if (n < max)
				paths[n] = c->path[i];
			n++;
		}
	return n;
}
