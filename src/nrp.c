/* The Curtois & Qu nurse rostering benchmark format, read into a case. */
#include <sys/stat.h>

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "turnus/nrp.h"
#include "turnus/output.h"
#include "i18n.h"
#include "model.h"
#include "util.h"

#define NRP_MAX_DAYS	(7 * 104)	/* rotation_weeks allows 104 */

enum { S_HORIZON, S_SHIFTS, S_STAFF, S_DAYS_OFF, S_ON, S_OFF, S_COVER,
    S_N };

static const char *const section_names[S_N] = {
	"SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF",
	"SECTION_DAYS_OFF", "SECTION_SHIFT_ON_REQUESTS",
	"SECTION_SHIFT_OFF_REQUESTS", "SECTION_COVER"
};

struct nrp_shift {
	char	*id;
	int	 len;		/* minutes */
	char	*succ;		/* forbidden successors, '|' separated */
	long	 line;
};

struct nrp_staff {
	char	*id;
	char	*maxs;		/* "E=28|L=0" */
	long	 v[6];		/* max/min minutes, cmax, cmin, omin, weekends */
	long	 line;
};

/* A day off, a request or a cover line: who or what, day, and numbers. */
struct nrp_item {
	int	 who;		/* staff index, or -1 for cover */
	int	 day;
	int	 shift;		/* -1: the whole day */
	long	 a, b, c;	/* weight; or requirement and weights */
};

struct nrp {
	const char	*file;
	int		 days;
	struct nrp_shift *sh;
	int		 nsh, capsh;
	struct nrp_staff *st;
	int		 nst, capst;
	struct nrp_item	*it[S_N];
	int		 nit[S_N], capit[S_N];
	struct tn_error	*err;
};

/* ------------------------------------------------------------- reading */

/* The fields of one line, split at commas, trimmed, in place. */
struct fields {
	char	*f[64];
	int	 n;
	long	 line;
};

static int
bad(struct nrp *N, const struct fields *fl, int col, const char *fmt,
    const char *what, const char *want)
{
	char	 b[256];

	snprintf(b, sizeof b, fmt, what);
	tn_error_set(N->err, TN_INPUT, N->file, fl->line, col + 1,
	    _("%s, expected %s"), b, want);
	return -1;
}

static void
split(char *s, struct fields *fl)
{
	char	*p = s;

	fl->n = 0;
	for (;;) {
		char *comma = strchr(p, ',');

		if (comma != NULL)
			*comma = '\0';
		if (fl->n < (int)nitems(fl->f))
			fl->f[fl->n++] = str_trim(p);
		if (comma == NULL)
			break;
		p = comma + 1;
	}
}

static int
num(struct nrp *N, const struct fields *fl, int col, long lo, long hi,
    long *out)
{
	if (col >= fl->n || parse_int(fl->f[col], out) == -1 || *out < lo ||
	    *out > hi)
		return bad(N, fl, col, _("bad number '%s'"), col < fl->n ?
		    fl->f[col] : "", _("a whole number in range"));
	return 0;
}

/* An id turnus can carry through CSV and messages unchanged. */
static int
good_id(const char *s)
{
	if (*s == '\0' || strlen(s) > 64)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-' &&
		    *s != '.')
			return 0;
	return 1;
}

static int
find_shift(const struct nrp *N, const char *id)
{
	for (int i = 0; i < N->nsh; i++)
		if (strcmp(N->sh[i].id, id) == 0)
			return i;
	return -1;
}

static int
find_staff(const struct nrp *N, const char *id)
{
	for (int i = 0; i < N->nst; i++)
		if (strcmp(N->st[i].id, id) == 0)
			return i;
	return -1;
}

static int
read_shift(struct nrp *N, const struct fields *fl)
{
	struct nrp_shift *s;
	long		  len;

	if (fl->n < 2 || fl->n > 3)
		return bad(N, fl, 0, "%s", _("a shift line with the wrong "
		    "number of fields"), "ShiftID, LengthInMinutes, "
		    "ForbiddenSuccessors");
	if (!good_id(fl->f[0]))
		return bad(N, fl, 0, _("bad shift id '%s'"), fl->f[0],
		    _("letters and digits"));
	for (int i = 0; i < N->nsh; i++)
		if (strcasecmp(N->sh[i].id, fl->f[0]) == 0)
			return bad(N, fl, 0, _("shift id '%s' given twice "
			    "(turnus codes ignore case)"), fl->f[0],
			    _("distinct ids"));
	if (num(N, fl, 1, 1, 24 * 60, &len) == -1)
		return -1;
	if (grow(&N->sh, &N->capsh, N->nsh + 1, sizeof *N->sh) == -1)
		return tn_oom(N->err);
	s = &N->sh[N->nsh];
	s->len = (int)len;
	s->line = fl->line;
	s->id = tn_strdup(fl->f[0]);
	s->succ = tn_strdup(fl->n > 2 ? fl->f[2] : "");
	N->nsh++;
	if (s->id == NULL || s->succ == NULL)
		return tn_oom(N->err);
	return 0;
}

/* "E=28|L=0": known shifts, whole numbers. */
static int
check_maxs(struct nrp *N, const struct fields *fl, const char *v)
{
	char	 b[1024], *tok, *save = NULL, *eq;
	long	 n;

	snprintf(b, sizeof b, "%s", v);
	for (tok = strtok_r(b, "|", &save); tok != NULL;
	    tok = strtok_r(NULL, "|", &save)) {
		if ((eq = strchr(tok, '=')) == NULL)
			return bad(N, fl, 1, _("bad MaxShifts '%s'"), tok,
			    _("ShiftID=max pairs separated by |"));
		*eq = '\0';
		if (find_shift(N, str_trim(tok)) < 0)
			return bad(N, fl, 1, _("unknown shift '%s' in "
			    "MaxShifts"), tok, _("a shift of SECTION_SHIFTS"));
		if (parse_int(eq + 1, &n) == -1 || n < 0)
			return bad(N, fl, 1, _("bad MaxShifts count '%s'"),
			    eq + 1, _("a whole number"));
	}
	return 0;
}

static int
read_staff(struct nrp *N, const struct fields *fl)
{
	struct nrp_staff *s;
	long		  v[6];

	if (fl->n != 8)
		return bad(N, fl, 0, "%s", _("a staff line with the wrong "
		    "number of fields"), "ID, MaxShifts, MaxTotalMinutes, "
		    "MinTotalMinutes, MaxConsecutiveShifts, "
		    "MinConsecutiveShifts, MinConsecutiveDaysOff, MaxWeekends");
	if (!good_id(fl->f[0]) || find_staff(N, fl->f[0]) >= 0)
		return bad(N, fl, 0, _("bad or repeated employee id '%s'"),
		    fl->f[0], _("a new id of letters and digits"));
	if (check_maxs(N, fl, fl->f[1]) == -1)
		return -1;
	for (int k = 0; k < 6; k++)
		if (num(N, fl, k + 2, 0, 10000000, &v[k]) == -1)
			return -1;
	if (v[1] > v[0])
		return bad(N, fl, 3, _("MinTotalMinutes '%s' above the "
		    "maximum"), fl->f[3], _("at most MaxTotalMinutes"));
	if (grow(&N->st, &N->capst, N->nst + 1, sizeof *N->st) == -1)
		return tn_oom(N->err);
	s = &N->st[N->nst];
	memcpy(s->v, v, sizeof v);
	s->line = fl->line;
	s->id = tn_strdup(fl->f[0]);
	s->maxs = tn_strdup(fl->f[1]);
	N->nst++;
	if (s->id == NULL || s->maxs == NULL)
		return tn_oom(N->err);
	return 0;
}

static int
item_add(struct nrp *N, int sec, struct nrp_item it)
{
	if (grow(&N->it[sec], &N->capit[sec], N->nit[sec] + 1,
	    sizeof *N->it[sec]) == -1)
		return tn_oom(N->err);
	N->it[sec][N->nit[sec]++] = it;
	return 0;
}

static int
read_who(struct nrp *N, const struct fields *fl, int *who)
{
	if ((*who = find_staff(N, fl->f[0])) < 0)
		return bad(N, fl, 0, _("unknown employee '%s'"), fl->f[0],
		    _("an id of SECTION_STAFF"));
	return 0;
}

static int
read_day(struct nrp *N, const struct fields *fl, int col, int *day)
{
	long	 d;

	if (num(N, fl, col, 0, N->days - 1, &d) == -1)
		return -1;
	*day = (int)d;
	return 0;
}

static int
read_shift_ref(struct nrp *N, const struct fields *fl, int col, int *s)
{
	if (col >= fl->n || (*s = find_shift(N, fl->f[col])) < 0)
		return bad(N, fl, col, _("unknown shift '%s'"), col < fl->n ?
		    fl->f[col] : "", _("a shift of SECTION_SHIFTS"));
	return 0;
}

static int
read_days_off(struct nrp *N, const struct fields *fl)
{
	struct nrp_item	 it = { .shift = -1 };

	if (read_who(N, fl, &it.who) == -1)
		return -1;
	for (int k = 1; k < fl->n; k++) {
		if (fl->f[k][0] == '\0' && k == fl->n - 1)
			break;		/* a trailing comma */
		if (read_day(N, fl, k, &it.day) == -1 ||
		    item_add(N, S_DAYS_OFF, it) == -1)
			return -1;
	}
	return 0;
}

static int
read_request(struct nrp *N, const struct fields *fl, int sec)
{
	struct nrp_item	 it = { 0 };

	if (fl->n != 4)
		return bad(N, fl, 0, "%s", _("a request with the wrong number "
		    "of fields"), "EmployeeID, Day, ShiftID, Weight");
	if (read_who(N, fl, &it.who) == -1 || read_day(N, fl, 1, &it.day) ==
	    -1 || read_shift_ref(N, fl, 2, &it.shift) == -1 ||
	    num(N, fl, 3, 0, 1000000, &it.a) == -1)
		return -1;
	return item_add(N, sec, it);
}

static int
read_cover(struct nrp *N, const struct fields *fl)
{
	struct nrp_item	 it = { .who = -1 };

	if (fl->n != 5)
		return bad(N, fl, 0, "%s", _("a cover line with the wrong "
		    "number of fields"), "Day, ShiftID, Requirement, "
		    "WeightUnder, WeightOver");
	if (read_day(N, fl, 0, &it.day) == -1 ||
	    read_shift_ref(N, fl, 1, &it.shift) == -1 ||
	    num(N, fl, 2, 0, 100000, &it.a) == -1 ||
	    num(N, fl, 3, 0, 1000000, &it.b) == -1 ||
	    num(N, fl, 4, 0, 1000000, &it.c) == -1)
		return -1;
	for (int k = 0; k < N->nit[S_COVER]; k++)
		if (N->it[S_COVER][k].day == it.day &&
		    N->it[S_COVER][k].shift == it.shift)
			return bad(N, fl, 0, _("cover for day %s given twice"),
			    fl->f[0], _("one line per day and shift"));
	return item_add(N, S_COVER, it);
}

static int
read_line(struct nrp *N, int sec, struct fields *fl)
{
	long	 h;

	switch (sec) {
	case S_HORIZON:
		if (N->days > 0)
			return bad(N, fl, 0, "%s", _("a second horizon"),
			    _("one number of days"));
		if (num(N, fl, 0, 7, NRP_MAX_DAYS, &h) == -1)
			return -1;
		if (h % 7 != 0)
			return bad(N, fl, 0, _("horizon of %s days"), fl->f[0],
			    _("whole weeks from a Monday"));
		N->days = (int)h;
		return 0;
	case S_SHIFTS:
		return read_shift(N, fl);
	case S_STAFF:
		return read_staff(N, fl);
	case S_DAYS_OFF:
		return read_days_off(N, fl);
	case S_ON:
	case S_OFF:
		return read_request(N, fl, sec);
	default:
		return read_cover(N, fl);
	}
}

/* Forbidden successors name known shifts (they may come before them). */
static int
check_succ(struct nrp *N)
{
	for (int i = 0; i < N->nsh; i++) {
		char b[1024], *tok, *save = NULL;

		snprintf(b, sizeof b, "%s", N->sh[i].succ);
		for (tok = strtok_r(b, "|", &save); tok != NULL;
		    tok = strtok_r(NULL, "|", &save))
			if (find_shift(N, str_trim(tok)) < 0) {
				tn_error_set(N->err, TN_INPUT, N->file,
				    N->sh[i].line, 3, _("unknown forbidden "
				    "successor '%s', expected a shift of "
				    "SECTION_SHIFTS"), str_trim(tok));
				return -1;
			}
	}
	return 0;
}

static int
section_of(const char *s)
{
	for (int k = 0; k < S_N; k++)
		if (strcmp(s, section_names[k]) == 0)
			return k;
	return -1;
}

static int
read_text(struct nrp *N, char *text)
{
	struct fields	 fl;
	char		*line, *next;
	int		 sec = -1, k, last = -1;

	fl.line = 0;
	for (line = text; line != NULL; line = next) {
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		line[strcspn(line, "\r")] = '\0';
		fl.line++;
		if (is_blank(line)) {
			sec = -1;
			continue;
		}
		if (line[0] == '#')
			continue;
		if ((k = section_of(str_trim(line))) >= 0) {
			if (k <= last) {
				fl.n = 0;
				return bad(N, &fl, 0, _("section %s out of "
				    "order"), section_names[k], _("the order "
				    "of turnus-import-nrp(1)"));
			}
			sec = last = k;
			continue;
		}
		split(line, &fl);
		if (sec < 0)
			return bad(N, &fl, 0, _("'%s' outside a section"),
			    fl.f[0], _("a SECTION_ line first"));
		if (sec > S_HORIZON && N->days == 0)
			return bad(N, &fl, 0, "%s", _("no horizon before the "
			    "data"), _("SECTION_HORIZON first"));
		if (read_line(N, sec, &fl) == -1)
			return -1;
	}
	if (N->days == 0 || N->nsh == 0 || N->nst == 0) {
		tn_error_set(N->err, TN_INPUT, N->file, 0, 0, _("no %s, "
		    "expected an instance of the benchmark"), N->days == 0 ?
		    _("horizon") : N->nsh == 0 ? _("shifts") : _("staff"));
		return -1;
	}
	return check_succ(N);
}

static char *
slurp(const char *path, struct tn_error *err)
{
	FILE	*fp;
	char	*s = NULL, *t;
	size_t	 n = 0, cap = 0, r;

	if ((fp = fopen(path, "rb")) == NULL) {
		tn_error_set(err, TN_INPUT, path, 0, 0, _("cannot open: %s"),
		    strerror(errno));
		return NULL;
	}
	do {
		if (n + 65536 + 1 > cap) {
			cap = (n + 65536 + 1) * 2;
			if ((t = tn_realloc(s, cap)) == NULL) {
				free(s);
				fclose(fp);
				tn_oom(err);
				return NULL;
			}
			s = t;
		}
		r = fread(s + n, 1, cap - n - 1, fp);
		n += r;
	} while (r > 0);
	if (ferror(fp)) {
		tn_error_set(err, TN_INPUT, path, 0, 0, _("read error: %s"),
		    strerror(errno));
		free(s);
		fclose(fp);
		return NULL;
	}
	fclose(fp);
	s[n] = '\0';
	if (memchr(s, '\0', n) != NULL) {
		tn_error_set(err, TN_INPUT, path, 0, 0, _("a NUL byte, "
		    "expected the benchmark's text format"));
		free(s);
		return NULL;
	}
	return s;
}

static void
nrp_release(struct nrp *N)
{
	for (int i = 0; i < N->nsh; i++) {
		free(N->sh[i].id);
		free(N->sh[i].succ);
	}
	free(N->sh);
	for (int i = 0; i < N->nst; i++) {
		free(N->st[i].id);
		free(N->st[i].maxs);
	}
	free(N->st);
	for (int k = 0; k < S_N; k++)
		free(N->it[k]);
}

/* ------------------------------------------------------------- writing */

/* Hours from minutes, exact: "126" or "125.75". */
static void
put_hours(FILE *fp, long minutes)
{
	if (minutes % 60 == 0)
		fprintf(fp, "%ld", minutes / 60);
	else
		fprintf(fp, "%.6f", minutes / 60.0);
}

static void
write_rules(const struct nrp *N, FILE *fp)
{
	const char *base = strrchr(N->file, '/');

	fprintf(fp, "# %s, a Curtois & Qu benchmark instance, imported by "
	    "turnus import-nrp.\n# A fixed period of %d days from a Monday. "
	    "The benchmark's own rules are\n# per person in staff.csv; the "
	    "rules of the law that it does not have\n# are switched off, so "
	    "that plan's objective is the benchmark's.\n",
	    base != NULL ? base + 1 : N->file, N->days);
	fprintf(fp, "cyclic = no\nrotation_weeks = %d\nstart_weekday = mon\n"
	    "objective = wishes\n", N->days / 7);
	fputs("min_daily_rest_hours = 0\nmin_weekly_rest_hours = 0\n"
	    "max_shift_hours = 24\nmax_week_hours = 168\n"
	    "max_avg_week_hours = 168\nmax_night_avg_hours_per_day = 24\n"
	    "weekend_every = 1\nwhole_weekends = no\n"
	    "max_consecutive_days = 366\nmax_consecutive_nights = none\n"
	    "hours_tolerance = 1000\nmin_position_pct = 0\n", fp);
}

/* Every shift starts at 06:00: none reaches the night, none overlaps. */
static void
write_shifts(const struct nrp *N, FILE *fp)
{
	fputs("code;start;end;hours;cannot_follow\n", fp);
	for (int i = 0; i < N->nsh; i++) {
		const struct nrp_shift *s = &N->sh[i];
		int end = (6 * 60 + s->len) % (24 * 60);
		char b[1024], *tok, *save = NULL;
		int first = 1;

		fprintf(fp, "%s;06:00;%02d:%02d;", s->id, end / 60, end % 60);
		put_hours(fp, s->len);
		putc(';', fp);
		snprintf(b, sizeof b, "%s", s->succ);
		for (tok = strtok_r(b, "|", &save); tok != NULL;
		    tok = strtok_r(NULL, "|", &save), first = 0)
			fprintf(fp, "%s%s", first ? "" : " ", str_trim(tok));
		putc('\n', fp);
	}
}

/* The instance's name: its file's, without folder and extension. */
static void
instance_name(const struct nrp *N, char *b, size_t sz)
{
	const char *base = strrchr(N->file, '/');

	snprintf(b, sz, "%s", base != NULL ? base + 1 : N->file);
	if (strchr(b, '.') != NULL)
		*strrchr(b, '.') = '\0';
	for (char *p = b; *p; p++)
		if (*p == ';' || *p == '"' || (unsigned char)*p < ' ')
			*p = '_';
	if (*b == '\0')
		snprintf(b, sz, "nrp");
}

static void
write_staff(const struct nrp *N, FILE *fp)
{
	double	 full = 35.5 * 60 * N->days / 7.0;
	char	 dept[256];

	instance_name(N, dept, sizeof dept);
	fputs("id;name;department;position_pct;min_hours;max_hours;"
	    "max_shifts;max_consecutive_days;min_consecutive_days;"
	    "min_consecutive_days_off;max_weekends\n", fp);
	for (int i = 0; i < N->nst; i++) {
		const struct nrp_staff *s = &N->st[i];
		long pct = (long)(100 * s->v[0] / full + 0.5);
		char b[1024], *tok, *save = NULL;
		int first = 1;

		fprintf(fp, "%s;%s;%s;%ld;", s->id, s->id, dept,
		    pct > 100 ? 100 : pct);
		put_hours(fp, s->v[1]);
		putc(';', fp);
		put_hours(fp, s->v[0]);
		putc(';', fp);
		snprintf(b, sizeof b, "%s", s->maxs);
		for (tok = strtok_r(b, "|", &save); tok != NULL;
		    tok = strtok_r(NULL, "|", &save), first = 0) {
			char *eq = strchr(tok, '=');

			*eq = '\0';
			fprintf(fp, "%s%s=%ld", first ? "" : " ", str_trim(tok),
			    strtol(eq + 1, NULL, 10));
		}
		fprintf(fp, ";%ld;%ld;%ld;%ld\n", s->v[2], s->v[3], s->v[4],
		    s->v[5]);
	}
}

static void
write_demand(const struct nrp *N, FILE *fp)
{
	fputs("day;shift;min;max;under_weight;over_weight\n", fp);
	for (int k = 0; k < N->nit[S_COVER]; k++) {
		const struct nrp_item *it = &N->it[S_COVER][k];

		fprintf(fp, "%d;%s;%ld;%ld;%ld;%ld\n", it->day + 1,
		    N->sh[it->shift].id, it->a, it->a, it->b, it->c);
	}
}

static void
write_wishes(const struct nrp *N, FILE *fp)
{
	static const int secs[] = { S_DAYS_OFF, S_ON, S_OFF };

	fputs("id;day;shift;kind;weight\n", fp);
	for (size_t j = 0; j < nitems(secs); j++)
		for (int k = 0; k < N->nit[secs[j]]; k++) {
			const struct nrp_item *it = &N->it[secs[j]][k];

			fprintf(fp, "%s;%d;%s;%s;", N->st[it->who].id,
			    it->day + 1, it->shift < 0 ? "" :
			    N->sh[it->shift].id, secs[j] == S_ON ? "on" :
			    "off");
			if (secs[j] == S_DAYS_OFF)
				fputs("locked\n", fp);
			else
				fprintf(fp, "%ld\n", it->a);
		}
}

static const struct {
	const char	*name;
	void		(*write)(const struct nrp *, FILE *);
} outputs[] = {
	{ "rules.conf", write_rules },
	{ "shifts.csv", write_shifts },
	{ "staff.csv", write_staff },
	{ "demand.csv", write_demand },
	{ "wishes.csv", write_wishes },
};

static int
write_case(const struct nrp *N, const char *dir, struct tn_error *err)
{
	char		 path[4096];
	struct tn_out	*out;
	size_t		 i;
	int		 made;

	if (!(made = mkdir(dir, 0777) == 0) && errno != EEXIST) {
		tn_error_set(err, TN_INTERNAL, dir, 0, 0,
		    _("cannot create: %s"), strerror(errno));
		return -1;
	}
	for (i = 0; i < nitems(outputs); i++) {
		snprintf(path, sizeof path, "%s/%s", dir, outputs[i].name);
		if (access(path, F_OK) == 0) {
			tn_error_set(err, TN_INPUT, path, 0, 0, _("already "
			    "exists, expected a new or empty folder; "
			    "import-nrp never writes over a file"));
			goto fail;
		}
	}
	for (i = 0; i < nitems(outputs); i++) {
		snprintf(path, sizeof path, "%s/%s", dir, outputs[i].name);
		if ((out = tn_out_open(path, NULL, 0, err)) == NULL)
			goto undo;
		outputs[i].write(N, tn_out_fp(out));
		if (tn_out_commit(out, err) == -1)
			goto undo;
	}
	return 0;
undo:				/* half a case is no case: take it back */
	while (i-- > 0) {
		snprintf(path, sizeof path, "%s/%s", dir, outputs[i].name);
		unlink(path);
	}
fail:
	if (made)
		rmdir(dir);
	return -1;
}

int
tn_nrp_import(const char *file, const char *dir, struct tn_nrp_info *info,
    struct tn_error *err)
{
	struct nrp	 N = { .file = file, .err = err };
	char		*text;
	int		 rc = -1;

	if ((text = slurp(file, err)) == NULL)
		return -1;
	if (read_text(&N, text) == 0 && write_case(&N, dir, err) == 0) {
		rc = 0;
		if (info != NULL)
			*info = (struct tn_nrp_info){ N.days, N.nst, N.nsh,
			    N.nit[S_ON] + N.nit[S_OFF], N.nit[S_DAYS_OFF] };
	}
	free(text);
	nrp_release(&N);
	return rc;
}
