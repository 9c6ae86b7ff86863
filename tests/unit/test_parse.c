/* Unit tests of src/parse.c: numbers, times, dates and weekdays. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "util.h"

static double
num(const char *s)
{
	double	 v = -12345;

	assert_int_equal(parse_number(s, &v), 0);
	return v;
}

static void
parse_numbers_with_comma_or_point(void **state)
{
	double	 v;

	(void)state;
	assert_true(num("75,5") == 75.5);
	assert_true(num("75.5") == 75.5);
	assert_true(num(" 100 ") == 100);
	assert_true(num("1 234,5") == 1234.5);
	assert_true(num("1\xC2\xA0" "234") == 1234);	/* no-break space */
	assert_true(num("50%") == 50);
	assert_true(num("-3") == -3);
	assert_true(num(",5") == 0.5);
	assert_int_equal(parse_number("", &v), -1);
	assert_int_equal(parse_number("7,5,0", &v), -1);
	assert_int_equal(parse_number("1.234,5", &v), -1);
	assert_int_equal(parse_number("7a", &v), -1);
	assert_int_equal(parse_number("1e5", &v), -1);
	assert_int_equal(parse_number("-", &v), -1);
}

static void
parse_ints_refuse_fractions(void **state)
{
	long	 n;

	(void)state;
	assert_int_equal(parse_int("42", &n), 0);
	assert_int_equal(n, 42);
	assert_int_equal(parse_int("4,0", &n), 0);
	assert_int_equal(n, 4);
	assert_int_equal(parse_int("4,5", &n), -1);
	assert_int_equal(parse_int("x", &n), -1);
}

static void
parse_minutes_from_hours(void **state)
{
	int	 m;

	(void)state;
	assert_int_equal(parse_minutes("7,5", &m), 0);
	assert_int_equal(m, 450);
	assert_int_equal(parse_minutes("12.5", &m), 0);
	assert_int_equal(m, 750);
	assert_int_equal(parse_minutes("0,25", &m), 0);
	assert_int_equal(m, 15);
}

static int
tm(const char *s, int allow24)
{
	int	 m = -1;

	return parse_time(s, allow24, &m) == 0 ? m : -1;
}

static void
parse_times_colon_and_dot(void **state)
{
	(void)state;
	assert_int_equal(tm("07:30", 0), 450);
	assert_int_equal(tm("07.30", 0), 450);
	assert_int_equal(tm("7:30", 0), 450);
	assert_int_equal(tm("7.30", 0), 450);
	assert_int_equal(tm(" 23:59 ", 0), 1439);
	assert_int_equal(tm("00:00", 0), 0);
	assert_int_equal(tm("7", 0), 420);
	assert_int_equal(tm("24:00", 1), 1440);
}

static void
parse_times_refuse_bad(void **state)
{
	(void)state;
	assert_int_equal(tm("24:00", 0), -1);
	assert_int_equal(tm("24:30", 1), -1);
	assert_int_equal(tm("99:99", 1), -1);
	assert_int_equal(tm("12:60", 0), -1);
	assert_int_equal(tm("7:5", 0), -1);
	assert_int_equal(tm("0730", 0), -1);
	assert_int_equal(tm("07:30:00", 0), -1);
	assert_int_equal(tm(":30", 0), -1);
	assert_int_equal(tm("-1:00", 0), -1);
	assert_int_equal(tm("7am", 0), -1);
	assert_int_equal(tm("", 0), -1);
}

static long
date(const char *s)
{
	long	 d = -1;

	return parse_date(s, &d) == 0 ? d : -1;
}

static void
parse_dates_dotted_and_iso(void **state)
{
	(void)state;
	assert_int_equal(date("01.01.1970"), 0);
	assert_int_equal(date("1970-01-02"), 1);
	assert_int_equal(date("01.01.2024"), date_from_ymd(2024, 1, 1));
	assert_int_equal(date("1.1.2024"), date("2024-01-01"));
	assert_int_equal(date("29.02.2024"), date("2024-02-29"));
	assert_int_equal(date("31.12.2024") - date("01.01.2024"), 365);
	/* 1 January 2024 was a Monday, 3 January a Wednesday */
	assert_int_equal(date_weekday(date("01.01.2024")), 0);
	assert_int_equal(date_weekday(date("2024-01-03")), 2);
	assert_int_equal(date_weekday(date("07.01.2024")), 6);
	assert_int_equal(date_weekday(date("01.01.1970")), 3);
}

static void
parse_dates_refuse_bad(void **state)
{
	(void)state;
	assert_int_equal(date("31.02.2024"), -1);
	assert_int_equal(date("29.02.2023"), -1);
	assert_int_equal(date("2024-02-30"), -1);
	assert_int_equal(date("00.01.2024"), -1);
	assert_int_equal(date("01.13.2024"), -1);
	assert_int_equal(date("01.01.24"), -1);
	assert_int_equal(date("12/31/2024"), -1);
	assert_int_equal(date("2024-1-1"), -1);
	assert_int_equal(date("7"), -1);
	assert_int_equal(date(""), -1);
}

static void
round_trip_dates(void **state)
{
	int	 y, m, d;

	(void)state;
	for (long z = date("01.01.1999"); z < date("01.01.2031"); z += 13) {
		date_to_ymd(z, &y, &m, &d);
		assert_int_equal(date_from_ymd(y, m, d), z);
	}
	date_to_ymd(date("29.02.2024"), &y, &m, &d);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
}

static int
wd(const char *s)
{
	int	 d = -1;

	return parse_weekday(s, &d) == 0 ? d : -1;
}

static void
parse_weekdays_norwegian_and_english(void **state)
{
	static const char *const names[7][6] = {
		{ "man", "Mandag", "mon", "MONDAY", "Man.", "mandag" },
		{ "tir", "tirsdag", "Tue", "tuesday", "TIR", "tues" },
		{ "ons", "Onsdag", "wed", "Wednesday", "ons.", "ONSDAG" },
		{ "tor", "torsdag", "thu", "Thursday", "Tor", "thur" },
		{ "fre", "Fredag", "fri", "FRIDAY", "fre.", "friday" },
		{ "lør", "Lørdag", "sat", "Saturday", "LØR", "LØRDAG" },
		{ "søn", "Søndag", "sun", "sunday", "SØN", "søndag" },
	};

	(void)state;
	for (int d = 0; d < 7; d++)
		for (int i = 0; i < 6; i++)
			assert_int_equal(wd(names[d][i]), d);
	assert_int_equal(wd("mo"), -1);
	assert_int_equal(wd("monday2"), -1);
	assert_int_equal(wd(""), -1);
	assert_int_equal(wd("1"), -1);
}

static void
parse_bools(void **state)
{
	int	 b;

	(void)state;
	assert_int_equal(parse_bool("Ja", &b), 0);
	assert_int_equal(b, 1);
	assert_int_equal(parse_bool("yes", &b), 0);
	assert_int_equal(b, 1);
	assert_int_equal(parse_bool("NEI", &b), 0);
	assert_int_equal(b, 0);
	assert_int_equal(parse_bool("no", &b), 0);
	assert_int_equal(b, 0);
	assert_int_equal(parse_bool("kanskje", &b), -1);
}

static void
normalise_headers(void **state)
{
	char	 b[64];

	(void)state;
	header_norm("Stillingsprosent (%)", b, sizeof b);
	assert_string_equal(b, "stillingsprosent");
	header_norm("  ØNSKET  ", b, sizeof b);
	assert_string_equal(b, "ønsket");
	header_norm("Kan ikke følge", b, sizeof b);
	assert_string_equal(b, "kan_ikke_følge");
	header_norm("Position-PCT", b, sizeof b);
	assert_string_equal(b, "position_pct");
	header_norm("weekend__every", b, sizeof b);
	assert_string_equal(b, "weekend_every");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_numbers_with_comma_or_point),
		cmocka_unit_test(parse_ints_refuse_fractions),
		cmocka_unit_test(parse_minutes_from_hours),
		cmocka_unit_test(parse_times_colon_and_dot),
		cmocka_unit_test(parse_times_refuse_bad),
		cmocka_unit_test(parse_dates_dotted_and_iso),
		cmocka_unit_test(parse_dates_refuse_bad),
		cmocka_unit_test(round_trip_dates),
		cmocka_unit_test(parse_weekdays_norwegian_and_english),
		cmocka_unit_test(parse_bools),
		cmocka_unit_test(normalise_headers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
