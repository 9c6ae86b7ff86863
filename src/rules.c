/* The rule values of DESIGN §4: defaults, rules.conf and --set. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "model.h"
#include "util.h"

enum rtype { R_DOUBLE, R_INT, R_HOURS, R_BOOL, R_WEEKDAY, R_TIME,
    R_WEEKTIME, R_BANDS, R_TARGETS, R_PRESET, R_LIMIT, R_DATE, R_CELL,
    R_NORM, R_OBJECTIVE };

static const char *const preset_names[] = {
	"law", "individual", "agreement", "consent"
};

static const struct rdef {
	const char	*key;
	enum rtype	 type;
	size_t		 off;
	double		 lo, hi;
	const char	*law;		/* legal basis, for findings */
} rdefs[] = {
#define F(x)	offsetof(struct tn_rules, x)
	{ "full_time_hours_per_week", R_DOUBLE, F(full_time_hours_per_week),
	    1, 80, "HTA § 4.2" },
	{ "full_time_threshold_pct", R_DOUBLE, F(full_time_threshold_pct),
	    1, 200, "KS" },
	{ "target_full_time_share_pct", R_DOUBLE,
	    F(target_full_time_share_pct), 0, 100, NULL },
	{ "target_by_period", R_TARGETS, F(ntargets), 0, 100, NULL },
	{ "bands", R_BANDS, F(nbands), 0, 200, NULL },
	{ "rotation_weeks", R_INT, F(rotation_weeks), 1, 104, NULL },
	{ "start_weekday", R_WEEKDAY, F(start_weekday), 0, 6, NULL },
	{ "min_daily_rest_hours", R_HOURS, F(min_daily_rest), 0, 24,
	    "AML § 10-8 (1)" },
	{ "min_weekly_rest_hours", R_HOURS, F(min_weekly_rest), 0, 168,
	    "AML § 10-8 (2)" },
	{ "max_shift_hours", R_HOURS, F(max_shift), 0, 24,
	    "AML § 10-5 (2)" },
	{ "max_week_hours", R_HOURS, F(max_week), 0, 168,
	    "AML § 10-5 (2)" },
	{ "max_avg_week_hours", R_HOURS, F(max_avg_week), 0, 168,
	    "AML § 10-5 (2)" },
	{ "avg_weeks", R_INT, F(avg_weeks), 1, 52, "AML § 10-5 (2)" },
	{ "weekend_every", R_INT, F(weekend_every), 1, 52,
	    "HTA, local agreement" },
	{ "whole_weekends", R_BOOL, F(whole_weekends), 0, 1,
	    "local agreement" },
	{ "max_consecutive_days", R_INT, F(max_consecutive_days), 0, 366,
	    "AML § 10-8 (2)" },
	{ "night_start", R_TIME, F(night_start), 0, 1440,
	    "AML § 10-11 (1)" },
	{ "night_end", R_TIME, F(night_end), 0, 1440, "AML § 10-11 (1)" },
	{ "max_night_avg_hours_per_day", R_HOURS, F(max_night_avg_per_day),
	    0, 24, "AML § 10-11 (6)" },
	{ "hours_tolerance", R_HOURS, F(hours_tolerance), 0, 1000,
	    "HTA § 4 (position)" },
	{ "long_shift_min_hours", R_HOURS, F(long_shift_min), 0, 24, NULL },
	{ "min_position_pct", R_DOUBLE, F(min_position_pct), 0, 100, NULL },
	{ "cyclic", R_BOOL, F(cyclic), 0, 1, NULL },
	{ "weekend_start", R_WEEKTIME, F(weekend_start), 0, MIN_PER_WEEK,
	    NULL },
	{ "weekend_end", R_WEEKTIME, F(weekend_end), 0, MIN_PER_WEEK, NULL },
	{ "preset", R_PRESET, F(preset), 0, 3, NULL },
	{ "max_consecutive_nights", R_LIMIT, F(max_consecutive_nights), 0,
	    366, "AML § 10-11" },
	{ "start_date", R_DATE, F(start_date), 0, 0, NULL },
	{ "night_cell", R_CELL, F(night_cell_end), 0, 1, NULL },
	{ "week_norm", R_NORM, F(week_norm), 20, 60, "HTA § 4.2" },
	{ "objective", R_OBJECTIVE, F(objective), 0, 1, NULL },
#undef F
};

void
rules_default(struct tn_rules *r)
{
	memset(r, 0, sizeof *r);
	r->full_time_hours_per_week = 35.5;
	r->full_time_threshold_pct = 100;
	r->target_full_time_share_pct = 50;
	r->nbands = 3;
	r->bands[0] = 50;
	r->bands[1] = 75;
	r->bands[2] = 100;
	r->rotation_weeks = 0;
	r->start_weekday = 0;
	r->min_daily_rest = 11 * 60;
	r->min_weekly_rest = 35 * 60;
	r->max_shift = 750;
	r->max_week = 54 * 60;
	r->max_avg_week = 48 * 60;
	r->avg_weeks = 8;
	r->weekend_every = 3;
	r->whole_weekends = 1;
	r->max_consecutive_days = 6;
	r->night_start = 21 * 60;
	r->night_end = 6 * 60;
	r->max_night_avg_per_day = 8 * 60;
	r->hours_tolerance = 2 * 60;
	r->long_shift_min = 10 * 60;
	r->min_position_pct = 30;
	r->cyclic = 1;
	r->weekend_start = 5 * MIN_PER_DAY;
	r->weekend_end = 7 * MIN_PER_DAY;
	r->preset = TN_PRESET_AGREEMENT;
	r->max_consecutive_nights = UNSET;
	r->start_date = -1;
}

/* The limits each arrangement sets (hours, average weeks). */
static void
preset_apply(struct tn_rules *r, int p)
{
	static const struct {
		double	 shift, week, avg;
		int	 weeks;
	} v[] = {
		{ 9, 40, 40, 8 },
		{ 10, 50, 48, 8 },
		{ 12.5, 54, 48, 8 },
		{ 13, 54, 48, 26 },
	};

	r->preset = p;
	r->max_shift = (int)lround(v[p].shift * 60);
	r->max_week = (int)lround(v[p].week * 60);
	r->max_avg_week = (int)lround(v[p].avg * 60);
	r->avg_weeks = v[p].weeks;
}

const char *
rules_preset_name(int p)
{
	return p >= 0 && p < 4 ? preset_names[p] : "?";
}

/*
 * The paragraph a finding of key comes from under the rules' working-
 * time arrangement; NULL for rules that are no law (cover, wishes).
 */
const char *
rules_cite(const struct tn_rules *r, const char *key)
{
	static const char *const hours[] = {
		"AML § 10-4 (1)", "AML § 10-5 (1)", "AML § 10-5 (2)",
		"AML § 10-5 (3)"
	};

	if (strcmp(key, "max_shift_hours") == 0 ||
	    strcmp(key, "max_avg_week_hours") == 0)
		return hours[r->preset];
	if (strcmp(key, "max_week_hours") == 0)
		return r->preset == TN_PRESET_CONSENT ? hours[2] :
		    hours[r->preset];
	if (strcmp(key, "min_daily_rest_hours") == 0)
		return r->min_daily_rest < 11 * 60 ?
		    N_("AML § 10-8 (1) and (3)") : "AML § 10-8 (1)";
	if (strcmp(key, "min_weekly_rest_hours") == 0)
		return r->min_weekly_rest < 35 * 60 ?
		    N_("AML § 10-8 (2) and (3)") : "AML § 10-8 (2)";
	if (strcmp(key, "max_consecutive_days") == 0)
		return "AML § 10-8 (2)";
	if (strcmp(key, "max_night_avg_hours_per_day") == 0)
		return "AML § 10-11 (6)";
	if (strcmp(key, "max_consecutive_nights") == 0)
		return "AML § 10-11 (1)";
	if (strcmp(key, "weekend_every") == 0 ||
	    strcmp(key, "whole_weekends") == 0 ||
	    strcmp(key, "max_weekends") == 0)
		return "AML § 10-8 (4), HTA";
	if (strcmp(key, "hours_tolerance") == 0 ||
	    strcmp(key, "min_hours") == 0 || strcmp(key, "max_hours") == 0)
		return "HTA § 4.2";
	return NULL;
}

static const struct rdef *
rdef_find(const char *key)
{
	char	 k[64];

	header_norm(key, k, sizeof k);
	for (size_t i = 0; i < nitems(rdefs); i++)
		if (strcmp(k, rdefs[i].key) == 0)
			return &rdefs[i];
	return NULL;
}

int
rules_is_key(const char *key)
{
	return rdef_find(key) != NULL;
}

const char *
rules_law(const char *key)
{
	const struct rdef *d = rdef_find(key);

	return d != NULL ? d->law : NULL;
}

/* "sat 00:00", "fri 18.00", or a weekday alone (00:00). */
static int
parse_weektime(const char *v, int *out)
{
	char	 day[32];
	size_t	 n = strcspn(v, " \t");
	int	 wd, t = 0;

	if (n == 0 || n >= sizeof day)
		return -1;
	memcpy(day, v, n);
	day[n] = '\0';
	if (parse_weekday(day, &wd) == -1)
		return -1;
	v += n;
	if (!is_blank(v) && parse_time(v, 1, &t) == -1)
		return -1;
	*out = wd * MIN_PER_DAY + t;
	return 0;
}

static int
parse_bands(struct tn_rules *r, const char *v)
{
	char	 b[256], *tok, *save = NULL;
	int	 n = 0;

	snprintf(b, sizeof b, "%s", v);
	for (tok = strtok_r(b, " \t;", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t;", &save)) {
		if (n == TN_MAX_BANDS || parse_number(tok, &r->bands[n]) == -1 ||
		    r->bands[n] <= 0 || r->bands[n] > 200 ||
		    (n > 0 && r->bands[n] <= r->bands[n - 1]))
			return -1;
		n++;
	}
	if (n == 0)
		return -1;
	r->nbands = n;
	return 0;
}

static int
parse_targets(struct tn_rules *r, const char *v)
{
	char	 b[1024], *tok, *eq, *save = NULL;
	int	 n = 0;

	snprintf(b, sizeof b, "%s", v);
	for (tok = strtok_r(b, " \t;", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t;", &save)) {
		if (n == TN_MAX_TARGETS || (eq = strchr(tok, '=')) == NULL ||
		    eq == tok || (size_t)(eq - tok) >= sizeof r->targets[0].period)
			return -1;
		*eq = '\0';
		snprintf(r->targets[n].period, sizeof r->targets[n].period,
		    "%s", tok);
		if (parse_number(eq + 1, &r->targets[n].pct) == -1 ||
		    r->targets[n].pct < 0 || r->targets[n].pct > 100)
			return -1;
		n++;
	}
	r->ntargets = n;
	return 0;
}

static const char *
expected(const struct rdef *d)
{
	switch (d->type) {
	case R_DOUBLE:
	case R_INT:
		return _("a number");
	case R_HOURS:
		return _("hours");
	case R_BOOL:
		return _("yes or no");
	case R_WEEKDAY:
		return _("a weekday, such as mon or man");
	case R_TIME:
		return _("a time, such as 21:00");
	case R_WEEKTIME:
		return _("a weekday and a time, such as sat 00:00");
	case R_BANDS:
		return _("rising percentages, such as 50 75 100");
	case R_TARGETS:
		return _("period=percent pairs, such as 2024=40 2025=50");
	case R_PRESET:
		return _("law, individual, agreement or consent");
	case R_LIMIT:
		return _("a whole number, or none");
	case R_DATE:
		return _("a date, such as 06.01.2025 or 2025-01-06");
	case R_CELL:
		return _("start or end");
	case R_NORM:
		return _("auto, or hours of a full-time week from 20 to 60");
	case R_OBJECTIVE:
		return _("full_time or wishes");
	}
	return _("a value");
}

static int
set_value(struct tn_rules *r, const struct rdef *d, const char *v)
{
	char	*p = (char *)r + d->off;
	double	 x;
	long	 l;
	int	 i;

	switch (d->type) {
	case R_DOUBLE:
		if (parse_number(v, &x) == -1 || x < d->lo || x > d->hi)
			return -1;
		*(double *)(void *)p = x;
		return 0;
	case R_INT:
		if (parse_int(v, &l) == -1 || l < d->lo || l > d->hi)
			return -1;
		*(int *)(void *)p = (int)l;
		return 0;
	case R_HOURS:
		if (parse_number(v, &x) == -1 || x < d->lo || x > d->hi)
			return -1;
		*(int *)(void *)p = (int)lround(x * 60.0);
		return 0;
	case R_BOOL:
		return parse_bool(v, (int *)(void *)p);
	case R_WEEKDAY:
		return parse_weekday(v, (int *)(void *)p);
	case R_TIME:
		if (parse_time(v, 1, &i) == -1)
			return -1;
		*(int *)(void *)p = i % MIN_PER_DAY;
		return 0;
	case R_WEEKTIME:
		return parse_weektime(v, (int *)(void *)p);
	case R_BANDS:
		return parse_bands(r, v);
	case R_TARGETS:
		return parse_targets(r, v);
	case R_PRESET:
		for (i = 0; i < 4; i++)
			if (strcasecmp(v, preset_names[i]) == 0) {
				preset_apply(r, i);
				return 0;
			}
		return -1;
	case R_LIMIT:
		if (strcasecmp(v, "none") == 0 || strcasecmp(v, "ingen") == 0) {
			*(int *)(void *)p = UNSET;
			return 0;
		}
		if (parse_int(v, &l) == -1 || l < d->lo || l > d->hi)
			return -1;
		*(int *)(void *)p = (int)l;
		return 0;
	case R_DATE:
		return parse_date(v, (long *)(void *)p);
	case R_NORM:
		if (strcasecmp(v, "auto") == 0) {
			*(double *)(void *)p = 0;
			return 0;
		}
		if (parse_number(v, &x) == -1 || x < d->lo || x > d->hi)
			return -1;
		*(double *)(void *)p = x;
		return 0;
	case R_CELL:
		if (strcasecmp(v, "start") == 0 || strcasecmp(v, "end") == 0) {
			*(int *)(void *)p = strcasecmp(v, "end") == 0;
			return 0;
		}
		return -1;
	case R_OBJECTIVE:
		if (strcasecmp(v, "full_time") == 0 ||
		    strcasecmp(v, "wishes") == 0) {
			*(int *)(void *)p = strcasecmp(v, "wishes") == 0 ?
			    TN_OBJ_WISHES : TN_OBJ_FULL_TIME;
			return 0;
		}
		return -1;
	}
	return -1;
}

int
rules_set_key(struct tn_rules *r, const char *key, const char *value,
    const char *file, long line, long col, struct tn_error *err)
{
	const struct rdef *d;

	if ((d = rdef_find(key)) == NULL) {
		tn_error_set(err, TN_INPUT, file, line, col,
		    _("unknown rule '%s'; the rules are listed in "
		    "turnus-rules(7)"), key);
		return -1;
	}
	if (set_value(r, d, value) == -1) {
		if (d->type == R_DOUBLE || d->type == R_INT ||
		    d->type == R_HOURS)
			tn_error_set(err, TN_INPUT, file, line, col,
			    d->type == R_HOURS ? _("bad value '%s' for %s, "
			    "expected %s from %g to %g, such as 11 or 12,5") :
			    _("bad value '%s' for %s, expected %s from %g to "
			    "%g"), value, d->key, expected(d), d->lo, d->hi);
		else
			tn_error_set(err, TN_INPUT, file, line, col,
			    _("bad value '%s' for %s, expected %s"), value,
			    d->key, expected(d));
		return -1;
	}
	return 0;
}

/* Applies one "key=value" from the command line. */
int
rules_set(struct tn_rules *r, const char *kv, const char *what, long n,
    struct tn_error *err)
{
	char	 key[128];
	const char *eq = strchr(kv, '=');
	size_t	 len;

	if (eq == NULL || eq == kv || (len = (size_t)(eq - kv)) >= sizeof key) {
		tn_error_set(err, TN_INPUT, what, 0, 0,
		    _("bad rule setting '%s', expected key=value, such as "
		    "weekend_every=4"), kv);
		return -1;
	}
	memcpy(key, kv, len);
	key[len] = '\0';
	(void)n;
	return rules_set_key(r, key, eq + 1, what, 0, 0, err);
}

static int
rules_line(struct tn_rules *r, char *s, const char *path, long ln,
    struct tn_error *err)
{
	char	*hash, *eq, *key, *val;

	if ((hash = strchr(s, '#')) != NULL)
		*hash = '\0';
	if (is_blank(s))
		return 0;
	if ((eq = strchr(s, '=')) == NULL) {
		key = str_trim(s);
		tn_error_set(err, TN_INPUT, path, ln, key - s + 1,
		    _("'%s' has no value, expected key = value"), key);
		return -1;
	}
	*eq = '\0';
	key = str_trim(s);
	val = str_trim(eq + 1);
	if (*val == '\0') {
		tn_error_set(err, TN_INPUT, path, ln, eq - s + 2,
		    _("%s has no value, expected key = value"), key);
		return -1;
	}
	if (rdef_find(key) == NULL) {
		tn_error_set(err, TN_INPUT, path, ln, key - s + 1,
		    _("unknown rule '%s'; the rules are listed in "
		    "turnus-rules(7)"), key);
		return -1;
	}
	return rules_set_key(r, key, val, path, ln, val - s + 1, err);
}

/* Reads a line into b (NUL bytes too); 1, 0 at the end, -1 too long. */
static int
conf_line(FILE *fp, char *b, size_t sz, size_t *len)
{
	size_t	 n = 0;
	int	 ch;

	while ((ch = getc(fp)) != EOF) {
		if (n + 1 >= sz)
			return -1;
		b[n++] = (char)ch;
		if (ch == '\n')
			break;
	}
	b[n] = '\0';
	*len = n;
	return n > 0;
}

/* A line saved by Notepad or Excel in Windows-1252 is read as UTF-8. */
static int
conf_text(struct tn_rules *r, char *line, const char *path, long ln,
    struct tn_error *err)
{
	struct buf	 b = { 0 };
	size_t		 bad;
	int		 rc;

	if (utf8_valid(line, strlen(line)))
		return rules_line(r, line, path, ln, err);
	if (buf_add_1252(&b, line, strlen(line), &bad) == -1) {
		tn_error_set(err, TN_INPUT, path, ln, (long)bad + 1,
		    _("byte that is neither UTF-8 nor Windows-1252, expected "
		    "text; save the file again as UTF-8"));
		rc = -1;
	} else if (b.s == NULL || b.oom)
		rc = tn_oom(err);
	else
		rc = rules_line(r, b.s, path, ln, err);
	buf_release(&b);
	return rc;
}

int
rules_load(struct tn_rules *r, const char *path, struct tn_error *err)
{
	FILE	*fp;
	char	 line[4096], *nul;
	size_t	 n;
	long	 ln = 0;
	int	 rc = 0, k;

	if ((fp = fopen(path, "r")) == NULL) {
		tn_error_set(err, TN_INPUT, path, 0, 0, _("cannot open: %s"),
		    strerror(errno));
		return -1;
	}
	while (rc == 0 && (k = conf_line(fp, line, sizeof line, &n)) != 0) {
		ln++;
		if (k == -1) {
			tn_error_set(err, TN_INPUT, path, ln, 1, _("line "
			    "longer than %zu bytes, expected key = value"),
			    sizeof line - 1);
			rc = -1;
			break;
		}
		if ((nul = memchr(line, '\0', n)) != NULL) {
			tn_error_set(err, TN_INPUT, path, ln, nul - line + 1,
			    _("binary data (a NUL byte), expected a text file "
			    "of key = value lines"));
			rc = -1;
			break;
		}
		if (ln == 1 && strncmp(line, "\xEF\xBB\xBF", 3) == 0)
			memmove(line, line + 3, strlen(line + 3) + 1);
		rc = conf_text(r, line, path, ln, err);
	}
	if (rc == 0 && ferror(fp)) {
		tn_error_set(err, TN_INPUT, path, ln, 0, _("read error: %s"),
		    strerror(errno));
		rc = -1;
	}
	fclose(fp);
	return rc;
}
