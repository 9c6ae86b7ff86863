/* The §5 measures on small cases worked out by hand, and the writers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>

#include "turnus/report.h"
#include "csvread.h"
#include "report-int.h"
#include "testcase.h"
#include "util.h"

#define SHIFTS	"code;name;start;end;hours\n" \
		"D;Dag;07:00;15:00;7,5\n" \
		"A;Aften;14:30;22:00;7,5\n" \
		"L;Langvakt;08:00;20:30;11,5\n" \
		"S;Kort dag;07:00;14:06;\n" \
		"F;Fri;;;\n"

#define EPS	0.0005

static struct tn_report *
report(struct tc *t, const char *const *sets, int nsets)
{
	struct tn_case_files	 files = { .dir = t->dir };
	struct tn_report	*r;

	assert_non_null(r = tn_report_new(&t->err));
	if (tn_report_add_files(r, &files, (char *const *)sets, nsets,
	    &t->err) == -1 || tn_report_finish(r, &t->err) == -1) {
		tn_report_free(r);
		fail_msg("%s:%ld:%ld: %s", t->err.file, t->err.line,
		    t->err.col, t->err.msg);
	}
	return r;
}

static const struct tn_measures *
dept(const struct tn_report *r, const char *name)
{
	for (int i = 0; i < tn_report_ndepts(r); i++)
		if (strcmp(tn_report_dept(r, i)->department, name) == 0)
			return tn_report_dept(r, i);
	fail_msg("no department '%s'", name);
	return NULL;
}

#define assert_near(a, b)	assert_true(fabs((a) - (b)) < EPS)

/* What a writer wrote, as a string to free. */
static char *
written(const struct tn_report *r, enum tn_format fmt, int plain)
{
	struct tn_style	 st = { .csv_plain = plain };
	struct tn_error	 err;
	char		*s = NULL;
	size_t		 n = 0;
	FILE		*fp = open_memstream(&s, &n);

	assert_non_null(fp);
	assert_int_equal(tn_report_write(r, fmt, &st, fp, &err), 0);
	fclose(fp);
	return s;
}

/* 60 % in A and 40 % in B is one full-time person, in both and once. */
static void
measure_person_split_over_departments(void **state)
{
	struct tc	*t = *state;
	struct tn_report *r;
	const struct tn_measures *m;

	tc_file(t, "shifts.csv", SHIFTS);
	tc_file(t, "staff.csv", "id;name;department;position_pct\n"
	    "1;Åse;A;60\n1;Åse;B;40\n2;Bo;A;100\n3;Cy;B;50\n");
	r = report(t, NULL, 0);
	m = dept(r, "A");
	assert_int_equal(m->headcount, 2);
	assert_int_equal(m->full_time, 2);
	assert_near(m->fte, 1.6);
	assert_near(m->avg_position_pct, 100);
	assert_near(m->full_time_share, 1);
	assert_near(m->full_time_fte_share, 1);
	m = dept(r, "B");
	assert_int_equal(m->headcount, 2);
	assert_int_equal(m->full_time, 1);
	assert_near(m->fte, 0.9);
	assert_near(m->avg_position_pct, 75);
	assert_near(m->full_time_share, 0.5);
	assert_near(m->full_time_fte_share, 0.4 / 0.9);
	assert_int_equal(m->needed_for_target, 0);
	assert_true(m->meets_target);
	m = tn_report_total(r);
	assert_int_equal(m->headcount, 3);
	assert_int_equal(m->full_time, 2);
	assert_near(m->fte, 2.5);
	assert_near(m->avg_position_pct, 250.0 / 3);
	assert_near(m->full_time_share, 2.0 / 3);
	assert_near(m->full_time_fte_share, 0.8);
	assert_int_equal(m->involuntary_part_time, 0);
	assert_false(m->has_roster);
	tn_report_free(r);
}

/* Positions on the band edges, with decimal commas. */
static void
measure_band_edges(void **state)
{
	struct tc	*t = *state;
	struct tn_report *r;
	const struct tn_measures *m;

	tc_file(t, "shifts.csv", SHIFTS);
	tc_file(t, "staff.csv", "id;position_pct;wanted_pct\n"
	    "1;49,9;\n2;50;\n3;74,9;100\n4;75;75\n5;99,9;\n6;100;\n");
	r = report(t, NULL, 0);
	m = tn_report_total(r);
	assert_int_equal(m->nbands, 4);
	assert_string_equal(tn_report_band_name(r, 0), "under_50");
	assert_string_equal(tn_report_band_name(r, 1), "50_74");
	assert_string_equal(tn_report_band_name(r, 2), "75_99");
	assert_string_equal(tn_report_band_name(r, 3), "full_time");
	assert_int_equal(m->bands[0], 1);
	assert_int_equal(m->bands[1], 2);
	assert_int_equal(m->bands[2], 2);
	assert_int_equal(m->bands[3], 1);
	assert_int_equal(m->full_time, 1);
	assert_near(m->fte, 4.497);
	assert_near(m->avg_position_pct, 449.7 / 6);
	assert_int_equal(m->involuntary_part_time, 1);
	assert_int_equal(m->needed_for_target, 2);
	tn_report_free(r);
}

/* ⌈target × headcount⌉ with odd headcounts, and other targets. */
static void
measure_needed_rounds_up(void **state)
{
	struct tc	*t = *state;
	static const char *const thirty[] = {
	    "target_full_time_share_pct=30" };
	struct tn_report *r;

	tc_file(t, "shifts.csv", SHIFTS);
	tc_file(t, "staff.csv", "id;department;position_pct\n"
	    "1;five;100\n2;five;80\n3;five;80\n4;five;50\n5;five;40\n"
	    "6;seven;100\n7;seven;100\n8;seven;100\n9;seven;100\n"
	    "10;seven;60\n11;seven;60\n12;seven;60\n");
	r = report(t, NULL, 0);
	assert_int_equal(dept(r, "five")->needed_for_target, 2);
	assert_false(dept(r, "five")->meets_target);
	assert_int_equal(dept(r, "seven")->needed_for_target, 0);
	assert_true(dept(r, "seven")->meets_target);
	assert_int_equal(tn_report_total(r)->needed_for_target, 1);
	tn_report_free(r);
	r = report(t, thirty, 1);
	assert_near(dept(r, "five")->target, 0.3);
	assert_int_equal(dept(r, "five")->needed_for_target, 1);
	assert_int_equal(tn_report_total(r)->needed_for_target, 0);
	tn_report_free(r);
}

/* A department of one part-time person: nobody full-time. */
static void
measure_one_person_department(void **state)
{
	struct tc	*t = *state;
	struct tn_report *r;
	const struct tn_measures *m;

	tc_file(t, "shifts.csv", SHIFTS);
	tc_file(t, "staff.csv", "id;department;position_pct\n1;solo;80\n");
	r = report(t, NULL, 0);
	m = dept(r, "solo");
	assert_int_equal(m->headcount, 1);
	assert_int_equal(m->full_time, 0);
	assert_near(m->full_time_share, 0);
	assert_near(m->full_time_fte_share, 0);
	assert_near(m->avg_position_pct, 80);
	assert_int_equal(m->needed_for_target, 1);
	assert_int_equal(m->bands[2], 1);
	tn_report_free(r);
}

/*
 * Contracted against rostered: a 50 % position rostered 6 D shifts (45 h)
 * on weekdays only, which is day work with a 37.5 h week (HTA § 4.2.2):
 * 50 % over 2 weeks is 37.5 h, and 45 h is 60 % of 75 h.
 */
static void
measure_contracted_against_rostered(void **state)
{
	struct tc	*t = *state;
	struct tn_report *r;
	const struct tn_position_diff *d;

	tc_file(t, "shifts.csv", SHIFTS);
	tc_file(t, "staff.csv", "id;name;position_pct\n1;Åse;50\n2;Bo;50\n");
	tc_file(t, "roster.csv", "id;1;2;3;4;5;6;7;8;9;10;11;12;13;14\n"
	    "1;D;D;D;;;;;D;D;D;;;;\n2;D;D;;;;;;;D;D;;;;S\n");
	r = report(t, NULL, 0);
	assert_int_equal(tn_report_ndiffs(r), 1);
	d = tn_report_diff(r, 0);
	assert_string_equal(d->id, "1");
	assert_near(d->contracted_pct, 50);
	assert_near(d->rostered_pct, 100 * 45 / 75.0);
	assert_near(d->contracted_hours, 37.5);
	assert_near(d->rostered_hours, 45);
	assert_near(d->week_hours, 37.5);
	{
		struct tn_person_line p;

		assert_int_equal(tn_report_npersons(r), 2);
		tn_report_person(r, 0, &p);
		assert_string_equal(p.week_kind, "day work");
		assert_near(p.rostered_pct, 60);
		assert_near(p.contracted_pct, 50);
	}
	assert_near(tn_report_total(r)->fte, 1.0);
	tn_report_free(r);
	tc_free(t);
	*state = t = tc_new();
	tc_file(t, "shifts.csv", SHIFTS);
	tc_file(t, "roster.csv", "id;1;2;3;4;5;6;7;8;9;10;11;12;13;14\n"
	    "1;S;S;S;S;S;;;S;S;S;S;S;;\n2;S;S;S;;;;;S;S;S;;;;\n");
	/* with a 35.5 h week, 10 S of 7.1 h are exactly 100 % */
	r = report(t, (const char *const[]){ "week_norm=35.5" }, 1);
	assert_int_equal(tn_report_total(r)->full_time, 1);
	assert_near(tn_report_total(r)->avg_position_pct, 80);
	assert_int_equal(tn_report_total(r)->involuntary_part_time, -1);
	assert_int_equal(tn_report_ndiffs(r), 0);
	tn_report_free(r);
	/* by HTA weekdays only are day work: 71 h of 75 h is 94.7 % */
	r = report(t, NULL, 0);
	assert_int_equal(tn_report_total(r)->full_time, 0);
	assert_near(tn_report_total(r)->avg_position_pct,
	    (100 * 71 / 75.0 + 100 * 42.6 / 75.0) / 2);
	tn_report_free(r);
}

/*
 * The names a report gives out are its own: the planner replaces the
 * case's persons (--design) while the report of today's roster lives on.
 */
static void
names_outlive_the_case(void **state)
{
	struct tc	*t = *state;
	struct tn_report *r;
	const struct tn_position_diff *d;
	struct tn_person_line p;

	tc_file(t, "shifts.csv", SHIFTS);
	tc_file(t, "staff.csv", "id;name;position_pct\n1;Åse Ødegård;50\n");
	tc_file(t, "roster.csv", "id;1;2;3;4;5;6;7;8;9;10;11;12;13;14\n"
	    "1;D;D;D;;;;;D;D;D;;;;\n");
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_non_null(r = tn_report_of_case(t->c, NULL, &t->err));
	tn_case_free(t->c);
	t->c = NULL;
	assert_int_equal(tn_report_ndiffs(r), 1);
	d = tn_report_diff(r, 0);
	assert_string_equal(d->name, "Åse Ødegård");
	assert_string_equal(d->id, "1");
	tn_report_person(r, 0, &p);
	assert_string_equal(p.name, "Åse Ødegård");
	assert_string_equal(p.department, tn_report_dept(r, 0)->department);
	assert_string_equal(tn_report_name(r), strrchr(t->dir, '/') + 1);
	tn_report_free(r);
}

/* Weekends: who works them, on long shifts, and over the limit. */
static void
measure_weekends(void **state)
{
	struct tc	*t = *state;
	struct tn_report *r;
	const struct tn_measures *m;

	tc_file(t, "shifts.csv", SHIFTS);
	tc_file(t, "roster.csv", "id;1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;"
	    "18;19;20;21\n"
	    "1;D;D;;;;L;L;;;;;;;;;;;;;;\n"
	    "2;;;;;;;;;;;;;D;D;;;;;;D;A\n"
	    "3;D;D;D;D;D;;;;;;;;;;;;;;;;\n");
	r = report(t, NULL, 0);
	m = tn_report_total(r);
	assert_true(m->has_roster);
	assert_int_equal(m->weekend_shifts, 6);
	assert_int_equal(m->long_weekend_shifts, 2);
	assert_near(m->long_weekend_share, 2.0 / 6);
	assert_near(m->avg_weekends_worked, 1.0);
	assert_int_equal(m->over_weekend_limit, 1);
	tn_report_free(r);
}

/* The same roster wide, long, and long read in two parts agree. */
static void
measure_long_wide_and_parts_agree(void **state)
{
	struct tc	*t = *state;
	struct tn_report *r;
	struct buf	 lng = { 0 };
	char		*a, *b, *c;
	static const char *const code[] = { "D", "A", "L", "", "D", "F", "S" };

	tc_file(t, "shifts.csv", SHIFTS);
	tc_file(t, "staff.csv", "id;name;department;position_pct;wanted_pct\n"
	    "1;Åse;A;60;100\n1;Åse;B;40;\n2;Bo;A;100;\n3;Cy;B;75;\n");
	tc_file(t, "roster.csv", "id;department;1;2;3;4;5;6;7;8;9;10;11;12;13;"
	    "14\n1;A;D;D;;;;L;L;;;D;D;;;\n1;B;;;A;D;;;;;;;;;;\n"
	    "2;A;D;D;D;D;D;;;D;D;D;D;D;;\n3;B;;A;D;;;;;A;;;;;L;L\n");
	r = report(t, NULL, 0);
	a = written(r, TN_FMT_JSON, 0);
	tn_report_free(r);
	buf_adds(&lng, "id;department;day;shift\n");
	for (int d = 0; d < 14; d++) {
		buf_addf(&lng, "1;A;%d;%s\n", d + 1, code[d % 7]);
		buf_addf(&lng, "2;A;%d;D\n", d + 1);
	}
	buf_adds(&lng, "3;B;\"14\";\"L\"\n1;B;3;A\n");
	tc_file(t, "roster.csv", lng.s);
	r = report(t, NULL, 0);
	b = written(r, TN_FMT_JSON, 0);
	tn_report_free(r);
	report_split_min = 0;
	r = report(t, NULL, 0);
	c = written(r, TN_FMT_JSON, 0);
	tn_report_free(r);
	report_split_min = 64L << 20;
	assert_string_equal(b, c);
	assert_non_null(strstr(a, "\"department\":\"A\",\"headcount\":2"));
	assert_non_null(strstr(b, "\"department\":\"A\",\"headcount\":2"));
	free(a);
	free(b);
	free(c);
	buf_release(&lng);
}

/* An error in the second part names its line as a one-part read does. */
static void
measure_parts_error_line(void **state)
{
	struct tc	*t = *state;
	struct tn_case_files files = { .dir = t->dir };
	struct tn_report *r;
	struct buf	 lng = { 0 };

	tc_file(t, "shifts.csv", SHIFTS);
	buf_adds(&lng, "id;day;shift\n");
	for (int i = 0; i < 200; i++)
		buf_addf(&lng, "%d;%d;D\n", i / 7, i % 7 + 1);
	buf_adds(&lng, "9;3;X\n");
	tc_file(t, "roster.csv", lng.s);
	report_split_min = 0;
	assert_non_null(r = tn_report_new(&t->err));
	assert_int_equal(tn_report_add_files(r, &files, NULL, 0, &t->err), -1);
	report_split_min = 64L << 20;
	assert_int_equal(t->err.line, 202);
	assert_int_equal(t->err.col, 3);
	assert_non_null(strstr(t->err.msg, "unknown shift code 'X'"));
	tn_report_free(r);
	buf_release(&lng);
}

/* The report of the case, and of a second roster when named, in text. */
static char *
report_text(struct tc *t, const char *second)
{
	struct tn_case_files	 files = { .dir = t->dir };
	struct tn_report	*r;
	char			 shifts[160];
	char			*s;

	assert_non_null(r = tn_report_new(&t->err));
	assert_int_equal(tn_report_add_files(r, &files, NULL, 0, &t->err), 0);
	if (second != NULL) {
		snprintf(shifts, sizeof shifts, "%s", tc_path(t, "shifts.csv"));
		files.dir = NULL;
		files.shifts = shifts;
		files.roster = tc_path(t, second);
		if (tn_report_add_files(r, &files, NULL, 0, &t->err) != 0)
			fail_msg("%s:%ld: %s", t->err.file, t->err.line,
			    t->err.msg);
	}
	assert_int_equal(tn_report_finish(r, &t->err), 0);
	s = written(r, TN_FMT_TEXT, 0);
	tn_report_free(r);
	return s;
}

/* The report in text, read in one part and then in two. */
static void
one_and_two_parts(struct tc *t, const char *second, char **one, char **two)
{
	*one = report_text(t, second);
	report_split_min = 0;
	*two = report_text(t, second);
	report_split_min = 64L << 20;
}

/*
 * Persons in both parts and persons only in the second: their hours,
 * weekends and HTA weeks (day work, 37.5 h) merge as one read counts.
 */
static void
measure_parts_merge_persons(void **state)
{
	struct tc	*t = *state;
	struct buf	 lng = { 0 };
	char		*one, *two;

	tc_file(t, "shifts.csv", SHIFTS);
	buf_adds(&lng, "id;department;day;shift;position_pct\n");
	for (int d = 1; d <= 5; d++)
		buf_addf(&lng, "1;A;%d;D;80\n", d);
	buf_adds(&lng, "1;A;6;L;80\n");
	for (int p = 2; p <= 30; p++)
		for (int d = 1; d <= 12; d++)
			if (d % 7 != 6 && d % 7 != 0)
				buf_addf(&lng, "%d;%s;%d;D;80\n", p,
				    p < 16 ? "A" : "B", d);
	for (int d = 8; d <= 12; d++)
		buf_addf(&lng, "1;A;%d;D;80\n", d);
	buf_adds(&lng, "1;A;13;L;80\n1;B;14;A;20\n");
	tc_file(t, "roster.csv", lng.s);
	one_and_two_parts(t, NULL, &one, &two);
	assert_string_equal(one, two);
	/* 30: day work in the second part only; 1: both, a Sunday in B */
	assert_non_null(strstr(two, "\n  30 (B): contracted 80.0 % (60.00 h), "
	    "rostered 100.0 % (75.00 h), at 37.50 h a\n    week\n"));
	assert_non_null(strstr(two, "\n  1 (A): contracted 80.0 % (56.80 h), "
	    "rostered 138.0 % (98.00 h), at 35.50 h a\n    week\n"));
	assert_non_null(strstr(two, "\nA               15   12.00"));
	assert_non_null(strstr(two, "\nB               16   12.20"));
	assert_non_null(strstr(two, "\nA                 2       2   100.0"));
	assert_non_null(strstr(two, "\nTotal             3       2    66.7"
	    "        0.07           1\n"));
	free(one);
	free(two);
	/* the same persons in a second roster merge into a report in use */
	for (char *c = lng.s; (c = strstr(c, "\n")) != NULL &&
	    (c = strchr(c, ';')) != NULL; )
		c[1] += 'C' - 'A';		/* department A, B: C, D */
	tc_file(t, "roster2.csv", lng.s);
	one_and_two_parts(t, "roster2.csv", &one, &two);
	assert_string_equal(one, two);
	assert_non_null(strstr(two, "\nC               15   12.00"));
	assert_non_null(strstr(two, "\n  30 (D): contracted 80.0 % (60.00 h), "
	    "rostered 100.0 % (75.00 h), at 37.50 h a\n    week\n"));
	assert_non_null(strstr(two, "\nTotal           30   48.40  161.3   30"));
	free(one);
	free(two);
	buf_release(&lng);
}

/* A quoted field with newlines across the middle: no false split. */
static void
measure_parts_quoted_newline(void **state)
{
	struct tc	*t = *state;
	struct tn_case_files files = { .dir = t->dir };
	struct tn_report *r;
	struct buf	 lng = { 0 };
	char		*one, *two;

	tc_file(t, "shifts.csv", SHIFTS);
	buf_adds(&lng, "id;name;day;shift\n");
	for (int i = 0; i < 14; i++)
		buf_addf(&lng, "%d;;%d;D\n", i / 7, i % 7 + 1);
	buf_adds(&lng, "7;\"Åse");
	for (int i = 0; i < 100; i++)
		buf_adds(&lng, "\nline\nx;y;1;D");
	buf_adds(&lng, "\";1;D\n");
	for (int i = 0; i < 14; i++)
		buf_addf(&lng, "%d;;%d;D\n", i / 7 + 8, i % 7 + 1);
	tc_file(t, "roster.csv", lng.s);
	one_and_two_parts(t, NULL, &one, &two);
	assert_string_equal(one, two);
	assert_non_null(strstr(two, "5 persons in 1 department"));
	free(one);
	free(two);
	/* an error after it counts the quoted field's 200 newlines */
	buf_adds(&lng, "9;;3;X\n");
	tc_file(t, "roster.csv", lng.s);
	report_split_min = 0;
	assert_non_null(r = tn_report_new(&t->err));
	assert_int_equal(tn_report_add_files(r, &files, NULL, 0, &t->err), -1);
	report_split_min = 64L << 20;
	assert_int_equal(t->err.line, 231);
	assert_int_equal(t->err.col, 4);
	assert_non_null(strstr(t->err.msg, "unknown shift code 'X'"));
	tn_report_free(r);
	buf_release(&lng);
}

/* CSV for Excel read back by the loader's reader gives the numbers. */
static void
write_csv_round_trip(void **state)
{
	struct tc	*t = *state;
	struct tn_report *r;
	struct csvread	*rd;
	struct csvrow	*row;
	char		*s;
	double		 v;
	int		 k = 0;

	tc_file(t, "shifts.csv", SHIFTS);
	tc_file(t, "staff.csv", "id;department;position_pct\n"
	    "1;=SUM(A1:A9);60\n1;B;40\n2;=SUM(A1:A9);100\n3;B;50\n");
	r = report(t, NULL, 0);
	s = written(r, TN_FMT_CSV, 0);
	assert_memory_equal(s, "\xEF\xBB\xBF", 3);
	assert_non_null(strstr(s, "\"'=SUM(A1:A9)\";"));
	tc_file(t, "out.csv", s);
	free(s);
	assert_non_null(rd = csvread_open(tc_path(t, "out.csv"), &t->err));
	assert_int_equal(csvread_next(rd, &row, &t->err), 1);
	assert_string_equal(row->f[0], "department");
	assert_string_equal(row->f[5], "full_time_share");
	while (csvread_next(rd, &row, &t->err) == 1) {
		const struct tn_measures *m = k < tn_report_ndepts(r) ?
		    tn_report_dept(r, k) : tn_report_total(r);

		assert_int_equal(parse_number(row->f[1], &v), 0);
		assert_int_equal((int)v, m->headcount);
		assert_int_equal(parse_number(row->f[2], &v), 0);
		assert_near(v, m->fte);
		assert_int_equal(parse_number(row->f[3], &v), 0);
		assert_near(v, m->avg_position_pct);
		assert_int_equal(parse_number(row->f[5], &v), 0);
		assert_near(v, m->full_time_share);
		assert_int_equal(parse_number(row->f[6], &v), 0);
		assert_near(v, m->full_time_fte_share);
		k++;
	}
	assert_int_equal(k, tn_report_ndepts(r) + 1);
	csvread_close(rd);
	tn_report_free(r);
}

/* JSON: the contract's keys in a stable order, numbers with '.'. */
static void
write_json_keys(void **state)
{
	struct tc	*t = *state;
	struct tn_report *r;
	char		*s;

	tc_file(t, "shifts.csv", SHIFTS);
	tc_file(t, "staff.csv", "id;department;position_pct\n1;A;74,5\n");
	r = report(t, NULL, 0);
	s = written(r, TN_FMT_JSON, 0);
	assert_string_equal(s, "{\"departments\":[\n{\"department\":\"A\","
	    "\"headcount\":1,\"fte\":0.745,\"avg_position_pct\":74.5,"
	    "\"full_time\":0,\"full_time_share\":0,\"full_time_fte_share\":0,"
	    "\"target\":0.5,\"meets_target\":false,\"needed_for_target\":1,"
	    "\"bands\":{\"under_50\":0,\"50_74\":1,\"75_99\":0,\"full_time\":0},"
	    "\"involuntary_part_time\":0,\"weekend_shifts\":null,"
	    "\"long_weekend_shifts\":null,\"long_weekend_share\":null,"
	    "\"avg_weekends_worked\":null,\"over_weekend_limit\":null}],\n"
	    "\"total\":{\"headcount\":1,\"fte\":0.745,\"avg_position_pct\":74.5,"
	    "\"full_time\":0,\"full_time_share\":0,\"full_time_fte_share\":0,"
	    "\"target\":0.5,\"meets_target\":false,\"needed_for_target\":1,"
	    "\"bands\":{\"under_50\":0,\"50_74\":1,\"75_99\":0,\"full_time\":0},"
	    "\"involuntary_part_time\":0,\"weekend_shifts\":null,"
	    "\"long_weekend_shifts\":null,\"long_weekend_share\":null,"
	    "\"avg_weekends_worked\":null,\"over_weekend_limit\":null},\n"
	    "\"position_differences\":[]}\n");
	free(s);
	tn_report_free(r);
}

/* Band names follow the edges of the bands rule. */
static void
measure_band_names_from_edges(void **state)
{
	struct tc	*t = *state;
	static const char *const b[] = { "bands=40 62.5 100 120" };
	struct tn_report *r;

	tc_file(t, "shifts.csv", SHIFTS);
	tc_file(t, "staff.csv", "id;position_pct\n1;40\n2;62,5\n3;100\n");
	r = report(t, b, 1);
	assert_string_equal(tn_report_band_name(r, 0), "under_40");
	assert_string_equal(tn_report_band_name(r, 1), "40_under_62.5");
	assert_string_equal(tn_report_band_name(r, 2), "62.5_99");
	assert_string_equal(tn_report_band_name(r, 3), "100_119");
	assert_string_equal(tn_report_band_name(r, 4), "120_plus");
	assert_int_equal(tn_report_total(r)->bands[3], 1);
	tn_report_free(r);
}

/* A reserved set holds the same keys as one grown key by key. */
static void
keyset_reserve_keeps_keys(void **state)
{
	struct keyset	 a = { 0 }, b = { 0 };

	(void)state;
	assert_int_equal(keyset_reserve(&a, -3, 400), 0);
	assert_int_equal(a.n, 8);				/* -64 to 447 */
	assert_int_equal(keyset_reserve(&a, 0, 900), 0);	/* not empty */
	assert_int_equal(a.n, 8);
	assert_int_equal(keyset_reserve(&b, 0, 64L * KEYSET_RESERVE_MAX), 0);
	assert_int_equal(b.n, 0);				/* too wide */
	for (long k = 400; k >= -3; k -= 7) {
		assert_int_equal(keyset_add(&a, k), 0);
		assert_int_equal(keyset_add(&b, k), 0);
	}
	assert_int_equal(keyset_add(&a, 1000), 0);		/* past it */
	assert_int_equal(keyset_add(&a, 400), 1);
	assert_int_equal(keyset_count(&a), keyset_count(&b) + 1);
	assert_true(keyset_meets(&a, &b));
	assert_int_equal(keyset_union(&b, &a), 0);
	assert_int_equal(keyset_count(&b), keyset_count(&a));
	keyset_release(&a);
	keyset_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keyset_reserve_keeps_keys),
		cmocka_unit_test_setup_teardown(
		    measure_person_split_over_departments, tc_setup,
		    tc_teardown),
		cmocka_unit_test_setup_teardown(names_outlive_the_case,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(measure_band_edges, tc_setup,
		    tc_teardown),
		cmocka_unit_test_setup_teardown(measure_needed_rounds_up,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(measure_one_person_department,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(
		    measure_contracted_against_rostered, tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(measure_weekends, tc_setup,
		    tc_teardown),
		cmocka_unit_test_setup_teardown(
		    measure_long_wide_and_parts_agree, tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(measure_parts_error_line,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(measure_parts_merge_persons,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(measure_parts_quoted_newline,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(write_csv_round_trip, tc_setup,
		    tc_teardown),
		cmocka_unit_test_setup_teardown(write_json_keys, tc_setup,
		    tc_teardown),
		cmocka_unit_test_setup_teardown(measure_band_names_from_edges,
		    tc_setup, tc_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
