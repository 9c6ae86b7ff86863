/* Parsers for numbers, times, dates and weekdays as Norwegians write them. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

const char *const weekday_en[7] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday"
};
/* English; translated where shown: _(weekday_abbr[d]). */
const char *const weekday_abbr[7] = {
	N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"),
	N_("Sun")
};

int
is_blank(const char *s)
{
	for (; *s; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	return 1;
}

char *
str_trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* Copies s without blanks (space, NBSP, NNBSP) into out; -1 if too long. */
static int
squeeze(const char *s, char *out, size_t sz)
{
	size_t	 n = 0;

	while (*s) {
		if (isspace((unsigned char)*s)) {
			s++;
		} else if ((unsigned char)s[0] == 0xC2 &&
		    (unsigned char)s[1] == 0xA0) {
			s += 2;
		} else if ((unsigned char)s[0] == 0xE2 &&
		    (unsigned char)s[1] == 0x80 &&
		    (unsigned char)s[2] == 0xAF) {
			s += 3;
		} else {
			if (n + 1 >= sz)
				return -1;
			out[n++] = *s++;
		}
	}
	out[n] = '\0';
	return 0;
}

int
parse_number(const char *s, double *out)
{
	char	 b[64], *p;
	int	 digits = 0, seps = 0;
	size_t	 n;

	if (squeeze(s, b, sizeof b) == -1)
		return -1;
	n = strlen(b);
	if (n > 0 && b[n - 1] == '%')
		b[--n] = '\0';
	p = b;
	if (*p == '-' || *p == '+')
		p++;
	for (; *p; p++) {
		if (isdigit((unsigned char)*p))
			digits++;
		else if (*p == ',' || *p == '.') {
			*p = '.';
			seps++;
		} else
			return -1;
	}
	if (digits == 0 || seps > 1)
		return -1;
	*out = strtod(b, NULL);
	return isfinite(*out) ? 0 : -1;
}

int
parse_int(const char *s, long *out)
{
	double	 v;

	if (parse_number(s, &v) == -1 || v != floor(v) || fabs(v) > 1e9)
		return -1;
	*out = (long)v;
	return 0;
}

int
parse_minutes(const char *s, int *out)
{
	double	 v;

	if (parse_number(s, &v) == -1 || fabs(v) > 1e6)
		return -1;
	*out = (int)lround(v * 60.0);
	return 0;
}

int
parse_time(const char *s, int allow24, int *out)
{
	char	 b[16];
	char	*sep;
	long	 h, m = 0;

	if (squeeze(s, b, sizeof b) == -1 || b[0] == '\0')
		return -1;
	for (char *p = b; *p; p++)
		if (!isdigit((unsigned char)*p) && *p != ':' && *p != '.')
			return -1;
	if ((sep = strpbrk(b, ":.")) != NULL) {
		if (sep == b || sep - b > 2 || strlen(sep + 1) != 2)
			return -1;
		*sep = '\0';
		m = strtol(sep + 1, NULL, 10);
	} else if (strlen(b) > 2)
		return -1;
	h = strtol(b, NULL, 10);
	if (m > 59 || h > 24 || (h == 24 && (m != 0 || !allow24)))
		return -1;
	*out = (int)(h * 60 + m);
	return 0;
}

static int
leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(long y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar. */
long
date_from_ymd(int y, int m, int d)
{
	long	 yy = y - (m <= 2);
	long	 era = (yy >= 0 ? yy : yy - 399) / 400;
	long	 yoe = yy - era * 400;
	long	 doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long	 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

void
date_to_ymd(long z, int *y, int *m, int *d)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

int
date_weekday(long z)
{
	return (int)(((z % 7) + 7 + 3) % 7);	/* 1970-01-01: Thursday */
}

static int
all_digits(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int
parse_date(const char *s, long *out)
{
	char	 b[32];
	size_t	 a, c, n;
	long	 y, m, d;

	if (squeeze(s, b, sizeof b) == -1)
		return -1;
	n = strlen(b);
	if (n == 10 && b[4] == '-' && b[7] == '-' && all_digits(b, 4) &&
	    all_digits(b + 5, 2) && all_digits(b + 8, 2)) {
		y = strtol(b, NULL, 10);
		m = strtol(b + 5, NULL, 10);
		d = strtol(b + 8, NULL, 10);
	} else {
		a = strcspn(b, ".");
		if (b[a] != '.')
			return -1;
		c = strcspn(b + a + 1, ".");
		if (b[a + 1 + c] != '.' || !all_digits(b, a) || a > 2 ||
		    !all_digits(b + a + 1, c) || c > 2 ||
		    strlen(b + a + c + 2) != 4 ||
		    !all_digits(b + a + c + 2, 4))
			return -1;
		d = strtol(b, NULL, 10);
		m = strtol(b + a + 1, NULL, 10);
		y = strtol(b + a + c + 2, NULL, 10);
	}
	if (y < 1970 || y > 2200 || m < 1 || m > 12 || d < 1 ||
	    d > month_days(y, (int)m))
		return -1;
	*out = date_from_ymd((int)y, (int)m, (int)d);
	return 0;
}

int
parse_weekday(const char *s, int *out)
{
	static const char *const names[7][6] = {
		{ "man", "mandag", "mon", "monday", NULL },
		{ "tir", "tirsdag", "tue", "tues", "tuesday", NULL },
		{ "ons", "onsdag", "wed", "wednesday", NULL },
		{ "tor", "torsdag", "thu", "thur", "thursday", NULL },
		{ "fre", "fredag", "fri", "friday", NULL },
		{ "lør", "lørdag", "lor", "sat", "saturday", NULL },
		{ "søn", "søndag", "son", "sun", "sunday", NULL },
	};
	char	 b[32];
	size_t	 n;

	header_norm(s, b, sizeof b);
	n = strlen(b);
	if (n > 0 && b[n - 1] == '.')
		b[n - 1] = '\0';
	for (int d = 0; d < 7; d++)
		for (int i = 0; names[d][i] != NULL; i++)
			if (strcmp(b, names[d][i]) == 0) {
				*out = d;
				return 0;
			}
	return -1;
}

int
parse_bool(const char *s, int *out)
{
	static const char *const yes[] = { "yes", "ja", "j", "y", "true", "1" };
	static const char *const no[] = { "no", "nei", "n", "false", "0" };
	char	 b[16];

	header_norm(s, b, sizeof b);
	for (size_t i = 0; i < nitems(yes); i++)
		if (strcmp(b, yes[i]) == 0)
			return *out = 1, 0;
	for (size_t i = 0; i < nitems(no); i++)
		if (strcmp(b, no[i]) == 0)
			return *out = 0, 0;
	return -1;
}

/*
 * Lowercases ASCII and the Norwegian capitals Æ Ø Å (and É), turns runs
 * of blanks and '-' into one '_', and drops '%', '(' and ')'.
 */
void
header_norm(const char *s, char *out, size_t sz)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t	 n = 0;
	int	 pend = 0;

	while (*p && isspace(*p))
		p++;
	for (; *p && n + 3 < sz; p++) {
		if (isspace(*p) || *p == '-' || *p == '_') {
			pend = n > 0;
			continue;
		}
		if (*p == '%' || *p == '(' || *p == ')')
			continue;
		if (pend) {
			out[n++] = '_';
			pend = 0;
		}
		if (p[0] == 0xC3 && (p[1] == 0x86 || p[1] == 0x98 ||
		    p[1] == 0x85 || p[1] == 0x89)) {
			out[n++] = (char)0xC3;
			out[n++] = (char)(p[1] + 0x20);
			p++;
		} else
			out[n++] = (char)tolower(*p);
	}
	out[n] = '\0';
}
