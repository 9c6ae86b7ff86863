/* Unit tests of src/rules.c: defaults, rules.conf, --set and their errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "testcase.h"

/* The smallest case: one shift, one person, one week. */
static void
write_case(struct tc *t)
{
	assert_int_equal(tc_file(t, "shifts.csv",
	    "code;start;end\nD;07:00;15:00\n"), 0);
	assert_int_equal(tc_file(t, "roster.csv",
	    "id;1;2;3;4;5;6;7\n1;D;;;;;;\n"), 0);
}

static const struct tn_rules *
load(struct tc *t, const char *conf, const char *const *sets, int nsets)
{
	write_case(t);
	if (conf != NULL)
		assert_int_equal(tc_file(t, "rules.conf", conf), 0);
	if (tc_load(t, 0, sets, nsets) == NULL)
		return NULL;
	return &t->c->rules;
}

static void
load_rule_defaults(void **state)
{
	const struct tn_rules *r = load(*state, NULL, NULL, 0);

	assert_non_null(r);
	assert_true(r->full_time_hours_per_week == 35.5);
	assert_true(r->full_time_threshold_pct == 100);
	assert_true(r->target_full_time_share_pct == 50);
	assert_int_equal(r->nbands, 3);
	assert_true(r->bands[0] == 50 && r->bands[1] == 75 &&
	    r->bands[2] == 100);
	assert_int_equal(r->ntargets, 0);
	assert_int_equal(r->rotation_weeks, 0);
	assert_int_equal(r->start_weekday, 0);
	assert_int_equal(r->min_daily_rest, 11 * 60);
	assert_int_equal(r->min_weekly_rest, 35 * 60);
	assert_int_equal(r->max_shift, 12 * 60 + 30);
	assert_int_equal(r->max_week, 54 * 60);
	assert_int_equal(r->max_avg_week, 48 * 60);
	assert_int_equal(r->avg_weeks, 8);
	assert_int_equal(r->weekend_every, 3);
	assert_int_equal(r->whole_weekends, 1);
	assert_int_equal(r->max_consecutive_days, 6);
	assert_int_equal(r->night_start, 21 * 60);
	assert_int_equal(r->night_end, 6 * 60);
	assert_int_equal(r->max_night_avg_per_day, 8 * 60);
	assert_int_equal(r->hours_tolerance, 2 * 60);
	assert_int_equal(r->long_shift_min, 10 * 60);
	assert_true(r->min_position_pct == 30);
	assert_int_equal(r->cyclic, 1);
	assert_int_equal(r->weekend_start, 5 * MIN_PER_DAY);
	assert_int_equal(r->weekend_end, 7 * MIN_PER_DAY);
}

/* rules.conf saved in Windows-1252 (Notepad, Excel): "lørdag" is read. */
static void
load_rules_conf_windows_1252(void **state)
{
	struct tc	*t = *state;
	const struct tn_rules *r;

	r = load(t, "# Sørbø\r\nstart_weekday = l\xF8rdag # l\xF8r\r\n",
	    NULL, 0);
	assert_non_null(r);
	assert_int_equal(r->start_weekday, 5);
	assert_null(load(t, "start_weekday = l\x81rdag\n", NULL, 0));
	assert_load_error(t, "rules.conf", 1, 18, "byte that is neither "
	    "UTF-8 nor Windows-1252, expected text; save the file again as "
	    "UTF-8");
}

static void
load_rules_conf_values(void **state)
{
	struct tc	*t = *state;
	const struct tn_rules *r = load(t,
	    "\xEF\xBB\xBF# Avdeling Sjøkanten\r\n"
	    "\r\n"
	    "Weekend_Every = 4   # full-timers on long shifts\r\n"
	    "min_daily_rest_hours=10,5\r\n"
	    "  night_start = 22.00\r\n"
	    "start_weekday = onsdag\r\n"
	    "whole_weekends = nei\r\n"
	    "bands = 40 60 100\r\n"
	    "target_by_period = 2024=40 2025=50\r\n"
	    "weekend_start = fre 18:00\r\n"
	    "full_time_hours_per_week = 33,6\r\n"
	    "cyclic = no\r\n", NULL, 0);

	assert_non_null(r);
	assert_int_equal(r->weekend_every, 4);
	assert_int_equal(r->min_daily_rest, 630);
	assert_int_equal(r->night_start, 22 * 60);
	assert_int_equal(r->start_weekday, 2);
	assert_int_equal(t->c->start_weekday, 2);
	assert_int_equal(r->whole_weekends, 0);
	assert_int_equal(r->nbands, 3);
	assert_true(r->bands[0] == 40 && r->bands[1] == 60 &&
	    r->bands[2] == 100);
	assert_int_equal(r->ntargets, 2);
	assert_string_equal(r->targets[0].period, "2024");
	assert_true(r->targets[0].pct == 40);
	assert_string_equal(r->targets[1].period, "2025");
	assert_true(r->targets[1].pct == 50);
	assert_int_equal(r->weekend_start, 4 * MIN_PER_DAY + 18 * 60);
	assert_true(r->full_time_hours_per_week == 33.6);
	assert_int_equal(r->cyclic, 0);
	/* untouched keys keep their defaults */
	assert_int_equal(r->max_consecutive_days, 6);
	assert_int_equal(r->min_weekly_rest, 35 * 60);
}

/* --set comes after rules.conf, and a later --set wins. */
static void
set_overrides_rules_conf(void **state)
{
	static const char *const sets[] = { "weekend_every=2",
	    "max_shift_hours=13", "MAX_SHIFT_HOURS = 12,75",
	    "night_end=07:00" };
	const struct tn_rules *r = load(*state, "weekend_every = 4\n"
	    "max_shift_hours = 10\nmax_week_hours = 50\n", sets, 4);

	assert_non_null(r);
	assert_int_equal(r->weekend_every, 2);
	assert_int_equal(r->max_shift, 765);
	assert_int_equal(r->max_week, 50 * 60);
	assert_int_equal(r->night_end, 7 * 60);
}

/* The night window decides which shifts are night shifts. */
static void
apply_night_window_to_shifts(void **state)
{
	static const char *const sets[] = { "night_start=22:00",
	    "night_end=05:00" };
	struct tc	*t = *state;

	write_case(t);
	assert_int_equal(tc_file(t, "shifts.csv", "code;start;end\n"
	    "D;07:00;15:00\nA;15:00;23:00\nN;21:00;07:30\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_int_equal(t->c->shifts[0].night, 0);
	assert_int_equal(t->c->shifts[1].night, 2 * 60);
	assert_int_equal(t->c->shifts[2].night, 9 * 60);
	assert_non_null(tc_load(t, 0, sets, 2));
	assert_int_equal(t->c->shifts[1].night, 60);
	assert_int_equal(t->c->shifts[2].night, 7 * 60);
}

static void
expect_conf_error(struct tc *t, const char *conf, long line, long col,
    const char *msg)
{
	assert_null(load(t, conf, NULL, 0));
	assert_load_error(t, "rules.conf", line, col, msg);
}

static void
refuse_unknown_rule_key(void **state)
{
	expect_conf_error(*state, "# rules\nweekend_every = 4\n"
	    "  weekend_evry = 4\n", 3, 3, "unknown rule 'weekend_evry'; the "
	    "rules are listed in turnus-rules(7)");
}

static void
refuse_bad_rule_value(void **state)
{
	expect_conf_error(*state, "weekend_every = four\n", 1, 17, "bad "
	    "value 'four' for weekend_every, expected a number from 1 to 52");
}

static void
refuse_rule_out_of_range(void **state)
{
	expect_conf_error(*state, "\nmin_daily_rest_hours = 25\n", 2, 24,
	    "bad value '25' for min_daily_rest_hours, expected hours from 0 "
	    "to 24, such as 11 or 12,5");
}

static void
refuse_bad_rule_bool(void **state)
{
	expect_conf_error(*state, "whole_weekends = kanskje\n", 1, 18, "bad "
	    "value 'kanskje' for whole_weekends, expected yes or no");
}

static void
refuse_rule_without_value(void **state)
{
	expect_conf_error(*state, "weekend_every =\n", 1, 16, "weekend_every "
	    "has no value, expected key = value");
}

static void
refuse_rule_without_equals(void **state)
{
	expect_conf_error(*state, "weekend_every 4\n", 1, 1, "'weekend_every "
	    "4' has no value, expected key = value");
}

static void
refuse_unknown_set_key(void **state)
{
	static const char *const sets[] = { "weekend_every=2",
	    "weekend_evry=4" };
	struct tc	*t = *state;

	assert_null(load(t, NULL, sets, 2));
	assert_int_equal(t->err.level, TN_INPUT);
	assert_string_equal(t->err.file, "--set");
	assert_int_equal(t->err.line, 0);
	assert_string_equal(t->err.msg, "unknown rule 'weekend_evry'; the "
	    "rules are listed in turnus-rules(7)");
}

static void
refuse_set_without_equals(void **state)
{
	static const char *const sets[] = { "weekend_every" };
	struct tc	*t = *state;

	assert_null(load(t, NULL, sets, 1));
	assert_int_equal(t->err.level, TN_INPUT);
	assert_string_equal(t->err.file, "--set");
	assert_string_equal(t->err.msg, "bad rule setting 'weekend_every', "
	    "expected key=value, such as weekend_every=4");
}

static void
refuse_bad_set_value(void **state)
{
	static const char *const sets[] = { "max_week_hours=lots" };
	struct tc	*t = *state;

	assert_null(load(t, NULL, sets, 1));
	assert_int_equal(t->err.level, TN_INPUT);
	assert_string_equal(t->err.msg, "bad value 'lots' for max_week_hours, "
	    "expected hours from 0 to 168, such as 11 or 12,5");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f)	cmocka_unit_test_setup_teardown(f, tc_setup, tc_teardown)
		T(load_rule_defaults),
		T(load_rules_conf_values),
		T(load_rules_conf_windows_1252),
		T(set_overrides_rules_conf),
		T(apply_night_window_to_shifts),
		T(refuse_unknown_rule_key),
		T(refuse_bad_rule_value),
		T(refuse_rule_out_of_range),
		T(refuse_bad_rule_bool),
		T(refuse_rule_without_value),
		T(refuse_rule_without_equals),
		T(refuse_unknown_set_key),
		T(refuse_set_without_equals),
		T(refuse_bad_set_value),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
