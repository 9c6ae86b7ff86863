/*
 * Fuzzes parse.c: numbers, times, dates, weekdays, booleans and header
 * names, with the properties they promise (ranges, date round trips).
 */
#include "fuzz.h"
#include "util.h"

static void
date_props(const char *s)
{
	char	 b[32];
	long	 d, e;
	int	 y, m, dd;

	if (parse_date(s, &d) == -1)
		return;
	date_to_ymd(d, &y, &m, &dd);
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || dd < 1 || dd > 31 ||
	    date_from_ymd(y, m, dd) != d || date_weekday(d) < 0 ||
	    date_weekday(d) > 6)
		abort();
	for (int iso = 0; iso < 2; iso++)
		if (parse_date(fmt_date(b, sizeof b, d, iso), &e) == -1 ||
		    e != d)
			abort();
}

static void
number_props(const char *s)
{
	double	 x;
	long	 l;
	int	 m;

	if (parse_number(s, &x) == 0 && x != x)
		abort();
	if (parse_int(s, &l) == 0 && (l > 1000000000L || l < -1000000000L))
		abort();
	if (parse_minutes(s, &m) == 0 && (m > 60000000 || m < -60000000))
		abort();
}

static void
time_props(const char *s)
{
	char	 b[16];
	int	 t, u;

	if (parse_time(s, 0, &t) == 0 && (t < 0 || t >= 1440 ||
	    parse_time(fmt_clock(b, sizeof b, t), 0, &u) == -1 || u != t))
		abort();
	if (parse_time(s, 1, &t) == 0 && (t < 0 || t > 1440))
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	 s[257], h[64];
	int	 v;

	if (size > 256)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	date_props(s);
	number_props(s);
	time_props(s);
	if (parse_weekday(s, &v) == 0 && (v < 0 || v > 6))
		abort();
	if (parse_bool(s, &v) == 0 && v != 0 && v != 1)
		abort();
	for (size_t sz = 1; sz <= sizeof h; sz *= 2) {
		header_norm(s, h, sz);
		if (strlen(h) >= sz)
			abort();
	}
	(void)is_blank(s);
	if (utf8_valid(s, strlen(s)))
		(void)utf8_width(s);
	return 0;
}
