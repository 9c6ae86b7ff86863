/* Tests of the HTA week norm and the Norwegian holidays, worked by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testcase.h"
#include "hta.h"
#include "holidays.h"
#include "util.h"

static const char shifts_8h[] =
    "code;start;end\n"
    "D;07:00;15:00\n"
    "A;15:00;23:00\n"
    "N;23:00;07:00\n";

/* A 3-week roster of one person, 100 %. */
static struct tn_case *
load_one(struct tc *t, const char *shifts, const char *cells,
    const char *pct, const char *const *sets, int nsets)
{
	char	 roster[512];

	snprintf(roster, sizeof roster, "id;position_pct;1;2;3;4;5;6;7;8;9;"
	    "10;11;12;13;14;15;16;17;18;19;20;21\n1;%s;%s\n", pct, cells);
	if (tc_file(t, "shifts.csv", shifts) == -1 ||
	    tc_file(t, "roster.csv", roster) == -1)
		return NULL;
	return tc_load(t, 0, sets, nsets);
}

static void
norm_day_work_is_37_5(void **state)
{
	struct tc	*t = *state;
	struct hta	 h;

	assert_non_null(load_one(t, "code;start;end\nD;08:00;15:30\n",
	    "D;D;D;D;D;;;D;D;D;D;D;;;D;D;D;D;D;;", "100", NULL, 0));
	hta_norm(t->c, 0, 100, &h);
	assert_int_equal(h.kind, HTA_DAY);
	assert_true(h.norm == 37.5 * 60);
	assert_int_equal(h.sundays, 3);
	assert_int_equal(h.sundays_worked, 0);
	assert_int_equal(h.hours, 15 * 450);
}

static void
norm_two_shift_every_third_sunday_is_35_5(void **state)
{
	struct tc	*t = *state;
	struct hta	 h;

	assert_non_null(load_one(t, "code;start;end\nD;07:30;15:00\n"
	    "A;14:30;22:00\n", "D;A;;;D;D;D;;D;A;;A;;;D;;A;D;A;;",
	    "80", NULL, 0));
	hta_norm(t->c, 0, 80, &h);
	assert_int_equal(h.kind, HTA_TURNUS);
	assert_true(h.norm == 35.5 * 60);
	assert_int_equal(h.sundays_worked, 1);
	assert_int_equal(h.has_night, 0);
}

/*
 * Three shifts of 8 h.  Night (21-06): A 120 min x 4, N 420 min x 3 =
 * 1740 min.  Sunday window Sat 18:00 - Sun 22:00 outside the night: only
 * the N of day 6 (Sat 23:00 - Sun 07:00), 06:00-07:00 = 60 min.  Credit
 * 1740 x 15/60 + 60 x 10/60 = 445 min over 3 weeks: 2250 - 445/3.
 */
static const char three_shift[] =
    "D;D;A;A;;N;N;;;D;D;A;;;A;N;;D;D;;";

static void
norm_three_shift_credits_nights_and_sundays(void **state)
{
	struct tc	*t = *state;
	struct hta	 h;

	assert_non_null(load_one(t, shifts_8h, three_shift, "100", NULL, 0));
	hta_norm(t->c, 0, 100, &h);
	assert_int_equal(h.kind, HTA_THREE_SHIFT);
	assert_int_equal(h.hours, 13 * 480);
	assert_int_equal(h.night, 1740);
	assert_int_equal(h.sunday, 60);
	assert_int_equal(h.sundays_worked, 1);
	assert_true(h.credit == 445.0);
	assert_true(h.norm > 2250.0 - 445.0 / 3 - 1e-9 &&
	    h.norm < 2250.0 - 445.0 / 3 + 1e-9);
}

static void
norm_three_shift_part_time_stops_at_33_6(void **state)
{
	struct tc	*t = *state;
	struct hta	 h;

	/* 2250 - 445 / (3 x 0.5) = 1953.3 min, below the 33.6 h floor */
	assert_non_null(load_one(t, shifts_8h, three_shift, "50", NULL, 0));
	hta_norm(t->c, 0, 50, &h);
	assert_int_equal(h.kind, HTA_THREE_SHIFT);
	assert_true(h.norm == 33.6 * 60);
}

static void
norm_fixed_by_rule(void **state)
{
	struct tc	*t = *state;
	const char	*set[] = { "week_norm=35,5" };
	struct hta	 h;

	assert_non_null(load_one(t, shifts_8h, three_shift, "100", set, 1));
	hta_norm(t->c, 0, 100, &h);
	assert_int_equal(h.kind, HTA_FIXED);
	assert_true(h.norm == 35.5 * 60);
}

static void
easter_matches_the_almanac(void **state)
{
	int	 y, m, d;

	(void)state;
	date_to_ymd(holiday_easter(2024), &y, &m, &d);
	assert_true(m == 3 && d == 31);
	date_to_ymd(holiday_easter(2025), &y, &m, &d);
	assert_true(m == 4 && d == 20);
	date_to_ymd(holiday_easter(2026), &y, &m, &d);
	assert_true(m == 4 && d == 5);
	date_to_ymd(holiday_easter(2027), &y, &m, &d);
	assert_true(m == 3 && d == 28);
	date_to_ymd(holiday_easter(2038), &y, &m, &d);
	assert_true(m == 4 && d == 25);
}

static void
holidays_named_with_their_windows(void **state)
{
	(void)state;
	/* 2025: Maundy Thursday 17 Apr, Ascension 29 May, Whit Monday 9 Jun */
	assert_non_null(holiday_name(date_from_ymd(2025, 4, 17)));
	assert_non_null(holiday_name(date_from_ymd(2025, 4, 18)));
	assert_non_null(holiday_name(date_from_ymd(2025, 5, 29)));
	assert_non_null(holiday_name(date_from_ymd(2025, 6, 9)));
	assert_non_null(holiday_name(date_from_ymd(2025, 5, 17)));
	assert_null(holiday_name(date_from_ymd(2025, 4, 19)));
	assert_null(holiday_name(date_from_ymd(2025, 12, 24)));
	/* windows open at 15:00 before Easter, Whit Sunday and Christmas */
	assert_int_equal(holiday_window_start(date_from_ymd(2025, 4, 20), 6),
	    15 * 60);
	assert_int_equal(holiday_window_start(date_from_ymd(2025, 6, 8), 6),
	    15 * 60);
	assert_int_equal(holiday_window_start(date_from_ymd(2025, 12, 25), 3),
	    15 * 60);
	assert_int_equal(holiday_window_start(date_from_ymd(2025, 4, 21), 0),
	    18 * 60);
	assert_int_equal(holiday_window_start(date_from_ymd(2025, 4, 22), 1),
	    -1);
	/* an ordinary Sunday: 18:00 the day before */
	assert_int_equal(holiday_window_start(date_from_ymd(2025, 3, 2), 6),
	    18 * 60);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(norm_day_work_is_37_5,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(
		    norm_two_shift_every_third_sunday_is_35_5, tc_setup,
		    tc_teardown),
		cmocka_unit_test_setup_teardown(
		    norm_three_shift_credits_nights_and_sundays, tc_setup,
		    tc_teardown),
		cmocka_unit_test_setup_teardown(
		    norm_three_shift_part_time_stops_at_33_6, tc_setup,
		    tc_teardown),
		cmocka_unit_test_setup_teardown(norm_fixed_by_rule, tc_setup,
		    tc_teardown),
		cmocka_unit_test(easter_matches_the_almanac),
		cmocka_unit_test(holidays_named_with_their_windows),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
