/* What existing Norwegian roster checkers miss, done right (issue 5). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <time.h>

#include "testcase.h"

static const char shifts[] =
    "code;start;end\n"
    "D;07:30;15:00\n"
    "A;14:30;22:00\n"
    "N;21:45;07:45\n"
    "L;08:00;20:30\n";

/* One person, a 1-week rotation unless cells say more (7 per week). */
static struct tn_findings *
check_cells(struct tc *t, const char *cells, int days,
    const char *const *sets, int nsets)
{
	char	 roster[2048];
	size_t	 n;

	n = (size_t)snprintf(roster, sizeof roster, "id");
	for (int d = 1; d <= days; d++)
		n += (size_t)snprintf(roster + n, sizeof roster - n, ";%d", d);
	snprintf(roster + n, sizeof roster - n, "\n1;%s\n", cells);
	if (tc_file(t, "shifts.csv", shifts) == -1 ||
	    tc_file(t, "roster.csv", roster) == -1)
		return NULL;
	return tc_check(t, sets, nsets);
}

/* D ends 15:00, N starts 21:45 the same day: 6.75 h, not 30.75 h. */
static void
rest_before_night_from_its_real_start(void **state)
{
	struct tc	*t = *state;

	/* D(1) ends 15:00, N(2) starts 21:45 on day 2: 30.75 h */
	assert_non_null(check_cells(t, "D;N;;;;;;", 7, NULL, 0));
	assert_string_equal(tc_counts(t), "");
	/* N(1) runs to 07:45 on day 2, past D(2)'s start */
	assert_non_null(check_cells(t, "N;D;;;;;;", 7, NULL, 0));
	assert_string_equal(tc_counts(t), "min_daily_rest_hours=1");
	assert_string_equal(tc_msg(t, TN_R_DAILY_REST, 0), "N (day 1, ends "
	    "07:45) overlaps D (day 2, starts 07:30)");
	/* L(1) ends 20:30, N(1)... one cell a day; L(1) then N(2) is 25.25
	 * h, and A(1) 22:00 then D(2) 07:30 is the classic 9.5 h */
	assert_non_null(check_cells(t, "L;N;;;;;;", 7, NULL, 0));
	assert_string_equal(tc_counts(t), "");
	assert_non_null(check_cells(t, "A;D;;;;;;", 7, NULL, 0));
	assert_string_equal(tc_counts(t), "min_daily_rest_hours=1");
}

static void
rest_after_night_from_its_real_end(void **state)
{
	struct tc	*t = *state;

	/* A(1) ends 22:00, N(2) starts 21:45: 23.75 h */
	assert_non_null(check_cells(t, "A;N;;;;;;", 7, NULL, 0));
	assert_string_equal(tc_counts(t), "");
	/* N(1) ends 07:45 on day 2, L(2) starts 08:00: 0.25 h */
	assert_non_null(check_cells(t, "N;L;;;;;;", 7, NULL, 0));
	assert_string_equal(tc_msg(t, TN_R_DAILY_REST, 0), "rest 0.25 h "
	    "between N (day 1, ends 07:45) and L (day 2, starts 08:00), "
	    "needs 11.00 h");
}

/* The 48 h average on a 6-week rotation, over the whole cycle. */
static void
average_on_short_rotation_is_cyclic(void **state)
{
	struct tc	*t = *state;
	char		 cells[512] = "";
	size_t		 n = 0;

	/* 6 weeks: weeks 1-3 four L (50 h), weeks 4-6 four L too: 50 h a
	 * week averages 50 > 48 over the 6 weeks (avg_weeks 8 capped) */
	for (int w = 0; w < 6; w++)
		n += (size_t)snprintf(cells + n, sizeof cells - n,
		    "%sL;L;;L;L;;", w ? ";" : "");
	assert_non_null(check_cells(t, cells, 42, NULL, 0));
	assert_string_equal(tc_counts(t), "max_avg_week_hours=1");
	assert_string_equal(tc_msg(t, TN_R_AVG_WEEK, 0), "averages 50.00 h "
	    "a week over 6 weeks (day 1 to day 42), at most 48.00 h");
}

/* A day off on Monday after a Sunday night: the rest is inside week 2. */
static void
monday_rest_day_checked_against_week_before(void **state)
{
	struct tc	*t = *state;

	/* week 1: N on Sunday (day 7) ends Monday 07:45; Monday off; then
	 * D Tue-Sun: week 2's rests are Mon 07:45 - Tue 07:30 = 23.75 h,
	 * 16.5 h between the D shifts, and Sun 15:00 - 24:00 = 9 h */
	assert_non_null(check_cells(t, ";;;;;;N;;D;D;D;D;D;D", 14, NULL, 0));
	assert_string_equal(tc_msg(t, TN_R_WEEKLY_REST, 0), "longest rest in "
	    "week 2 (day 8 to day 14) is 23.75 h, needs 35.00 h");
}

/* A rule set to 0 is 0, not the default. */
static void
zero_in_a_rule_is_honoured(void **state)
{
	struct tc	*t = *state;
	const char	*zero[] = { "hours_tolerance=0" };
	char		 roster[256];

	/* 100 % of 35.5 h a week is 2130 min; 4 x 450 + 331 is 2131 */
	assert_int_equal(tc_file(t, "shifts.csv", "code;start;end;hours\n"
	    "D;07:30;15:00;7,5\nK;08:00;13:31;\n"), 0);
	snprintf(roster, sizeof roster, "id;position_pct;1;2;3;4;5;6;7\n"
	    "1;100;D;D;D;D;K;;\n");
	assert_int_equal(tc_file(t, "roster.csv", roster), 0);
	assert_non_null(tc_check(t, (const char *const[]){ "week_norm=35.5" },
	    1));
	assert_string_equal(tc_counts(t), "");
	assert_non_null(tc_check(t, (const char *const[]){ "week_norm=35.5",
	    zero[0] }, 2));
	assert_string_equal(tc_counts(t), "hours_tolerance=1");
}

/* night_cell = end reads a night written on the day it ends. */
static void
night_on_end_day_gives_same_findings(void **state)
{
	struct tc	*t = *state;
	const char	*two[] = { "max_consecutive_nights=2" };
	const char	*end[] = { "max_consecutive_nights=2",
			    "night_cell=end" };
	char		 usual[1024];

	assert_non_null(check_cells(t, "N;N;N;;;;", 7, two, 1));
	assert_string_equal(tc_counts(t), "max_consecutive_nights=1");
	snprintf(usual, sizeof usual, "%s", tc_msg(t, TN_R_CONSEC_NIGHTS, 0));
	assert_string_equal(usual, "3 night shifts in a row (day 1 to day "
	    "3), at most 2");
	assert_non_null(check_cells(t, ";N;N;N;;;", 7, end, 2));
	assert_string_equal(tc_counts(t), "max_consecutive_nights=1");
	assert_string_equal(tc_msg(t, TN_R_CONSEC_NIGHTS, 0), usual);
	/* across the wrap: a night written on day 1 started on day 7 */
	assert_non_null(check_cells(t, "N;;;;;;", 7, end + 1, 1));
	assert_int_equal(t->c->persons[0].cell[0], NO_SHIFT);
	assert_int_equal(t->c->persons[0].cell[6], 2);
}

/* An agreement's 9 h rest must be made up by the next rest: 22 - r. */
static void
compensating_rest_after_short_rest(void **state)
{
	struct tc	*t = *state;
	const char	*nine[] = { "min_daily_rest_hours=9" };

	/* A(1) 22:00 -> D(2) 07:30 is 9.5 h, then D(2) 15:00 -> D(3) 07:30
	 * is 16.5 h >= 22 - 9.5 = 12.5 h: made up */
	assert_non_null(check_cells(t, "A;D;D;;;;", 7, nine, 1));
	assert_string_equal(tc_counts(t), "");
	/* under the floor always fails, whatever comes next */
	assert_non_null(check_cells(t, "A;D;;;;;", 7,
	    (const char *const[]){ "min_daily_rest_hours=10" }, 1));
	assert_string_equal(tc_msg(t, TN_R_DAILY_REST, 0), "rest 9.50 h "
	    "between A (day 1, ends 22:00) and D (day 2, starts 07:30), "
	    "needs 10.00 h");
}

static void
compensating_rest_fails_when_not_made_up(void **state)
{
	struct tc	*t = *state;
	const char	*nine[] = { "min_daily_rest_hours=9" };

	/* A(1) 22:00 -> L(2) 07:00 is 9 h (at the floor), so the next rest
	 * needs 22 - 9 = 13 h; L(2) 19:30 -> D(3) 07:30 is only 12 h */
	assert_int_equal(tc_file(t, "shifts.csv", "code;start;end\n"
	    "A;14:30;22:00\nL;07:00;19:30\nD;07:30;15:00\n"), 0);
	assert_int_equal(tc_file(t, "roster.csv", "id;1;2;3;4;5;6;7\n"
	    "1;A;L;D;;;;\n"), 0);
	assert_non_null(tc_check(t, nine, 1));
	assert_string_equal(tc_counts(t), "min_daily_rest_hours=1");
	assert_string_equal(tc_msg(t, TN_R_DAILY_REST, 0), "rest 12.00 h "
	    "between L (day 2, ends 19:30) and D (day 3, starts 07:30) after "
	    "a short rest of 9.00 h, needs 13.00 h to make up for it");
	assert_string_equal(tc_finding(t, TN_R_DAILY_REST, 0)->law,
	    "AML § 10-8 (1) and (3)");
	/* with the law's 11 h both rests are simply too short */
	assert_non_null(tc_check(t, NULL, 0));
	assert_string_equal(tc_counts(t), "min_daily_rest_hours=1");
}

/* Results do not depend on the time zone: no local time is used. */
static void
results_do_not_depend_on_time_zone(void **state)
{
	struct tc	*t = *state;
	char		 a[1024], b[1024];

	setenv("TZ", "UTC", 1);
	tzset();
	assert_int_equal(tc_file(t, "shifts.csv", shifts), 0);
	assert_int_equal(tc_file(t, "roster.csv", "id;06.01.2025;07.01.2025;"
	    "08.01.2025;09.01.2025;10.01.2025;11.01.2025;12.01.2025\n"
	    "1;A;D;;;;D;D\n"), 0);
	assert_non_null(tc_check(t, NULL, 0));
	snprintf(a, sizeof a, "%s|%s", tc_counts(t),
	    tc_msg(t, TN_R_DAILY_REST, 0));
	setenv("TZ", "America/New_York", 1);
	tzset();
	assert_non_null(tc_check(t, NULL, 0));
	snprintf(b, sizeof b, "%s|%s", tc_counts(t),
	    tc_msg(t, TN_R_DAILY_REST, 0));
	assert_string_equal(a, b);
	assert_string_equal(tc_msg(t, TN_R_DAILY_REST, 0), "rest 9.50 h "
	    "between A (06.01.2025, ends 22:00) and D (07.01.2025, starts "
	    "07:30), needs 11.00 h");
	unsetenv("TZ");
	tzset();
}

static void
presets_cite_their_paragraph(void **state)
{
	struct tc	*t = *state;
	const char	*law[] = { "preset=law" };

	assert_non_null(check_cells(t, "L;;;;;;", 7, law, 1));
	assert_string_equal(tc_counts(t), "max_shift_hours=1");
	assert_string_equal(tc_finding(t, TN_R_SHIFT_LEN, 0)->law,
	    "AML § 10-4 (1)");
	assert_string_equal(tc_msg(t, TN_R_SHIFT_LEN, 0), "L on day 1 lasts "
	    "12.50 h, at most 9.00 h");
	assert_non_null(check_cells(t, "L;;;;;;", 7,
	    (const char *const[]){ "preset=individual" }, 1));
	assert_string_equal(tc_finding(t, TN_R_SHIFT_LEN, 0)->law,
	    "AML § 10-5 (1)");
	assert_non_null(check_cells(t, "L;;;;;;", 7, NULL, 0));
	assert_string_equal(tc_counts(t), "");
	/* 40 h a week under the law: four L are 50 h (no averaging) */
	assert_non_null(check_cells(t, "L;L;L;L;;;", 7, law, 1));
	assert_string_equal(tc_counts(t), "max_shift_hours=4 max_week_hours=1 "
	    "max_avg_week_hours=1");
	assert_string_equal(tc_finding(t, TN_R_WEEK_HOURS, 0)->law,
	    "AML § 10-4 (1)");
}

static void
nights_in_a_row_limited(void **state)
{
	struct tc	*t = *state;
	const char	*three[] = { "max_consecutive_nights=3" };

	assert_non_null(check_cells(t, "N;N;N;;;;", 7, three, 1));
	assert_string_equal(tc_counts(t), "");
	assert_non_null(check_cells(t, "N;N;N;N;;;", 7, three, 1));
	assert_string_equal(tc_counts(t), "max_consecutive_nights=1");
	assert_string_equal(tc_msg(t, TN_R_CONSEC_NIGHTS, 0), "4 night shifts "
	    "in a row (day 1 to day 4), at most 3");
	/* across the wrap: days 6, 7, 1, 2 */
	assert_non_null(check_cells(t, "N;N;;;;N;N", 7, three, 1));
	assert_string_equal(tc_days(t, TN_R_CONSEC_NIGHTS, 0), "6 7 1 2");
}

int
main(void)
{
#define T(f)	cmocka_unit_test_setup_teardown(f, tc_setup, tc_teardown)
	const struct CMUnitTest tests[] = {
		T(rest_before_night_from_its_real_start),
		T(rest_after_night_from_its_real_end),
		T(average_on_short_rotation_is_cyclic),
		T(monday_rest_day_checked_against_week_before),
		T(zero_in_a_rule_is_honoured),
		T(night_on_end_day_gives_same_findings),
		T(compensating_rest_after_short_rest),
		T(compensating_rest_fails_when_not_made_up),
		T(results_do_not_depend_on_time_zone),
		T(presets_cite_their_paragraph),
		T(nights_in_a_row_limited),
	};
#undef T

	return cmocka_run_group_tests(tests, NULL, NULL);
}
