/*
 * Fault injection: the loader, check, report and the output file run
 * with the n-th allocation failing, for every n up to the allocations a
 * whole run makes.  Each run ends cleanly: out of memory (TN_INTERNAL),
 * or the input's own error, or the very output of a run without a
 * failure; never a crash, and (under ASan or valgrind) never a leak.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <limits.h>

#include "turnus/nrp.h"
#include "turnus/output.h"
#include "turnus/report.h"
#include "testcase.h"
#include "util.h"

#define LOTS	(LONG_MAX / 2)

#define SHIFTS	"code;name;start;end;hours;covers;cannot_follow\n" \
		"D;Dag;07:00;15:00;7,5;;\n" \
		"A;Aften;15:00;23:00;;;\n" \
		"N;Natt;23:00;07:30;;;D\n" \
		"L;Langvakt;08:00;20:30;12;D A;\n" \
		"F;Fri;;;;;\n"

#define STAFF	"id;name;department;role;position_pct;wanted_pct;" \
		    "max_shifts;weekend_every;max_hours\n" \
		"1;<script>alert(1)</script>;ward;spl;100;100;N=3;4;\n" \
		"2;\"=HYPERLINK(\"\"x\"\")\";ward;hjelp;75;100;;;300\n" \
		"3;Ola & 'Kari';ward;spl;50;;;;\n" \
		"3;Ola & 'Kari';other;spl;40;;;;\n"

#define WIDE	"id;name;department;position_pct;1;2;3;4;5;6;7;8;9;10;" \
		    "11;12;13;14\n" \
		"1;;ward;100;D;D;A;A;;L;L;N;N;;;F;D;D\n" \
		"2;;ward;75;A;;D;D;N;;;D;A;A;;;L;L\n" \
		"3;;ward;50;;N;N;;;;;L;;D;D;A;;\n" \
		"3;;other;40;D;;;;;;;;;;;;;\n"

#define LONG	"id;day;shift;department\n" \
		"1;01.01.2024;D;ward\n" \
		"1;02.01.2024;N;ward\n" \
		"2;06.01.2024;L;ward\n" \
		"2;07.01.2024;L;ward\n" \
		"3;03.01.2024;A;other\n" \
		"3;14.01.2024;D;ward\n"

#define DEMAND	"department;day;shift;role;min;max\n" \
		"ward;all;D;any;1;3\n" \
		"ward;weekend;A;spl;1;\n" \
		"ward;3;N;any;1;1\n" \
		"other;mon;D;;1;\n"

#define WISHES	"id;day;shift;kind;weight\n" \
		"1;1;D;on;2\n" \
		"2;sat;;off;locked\n"

#define RULES	"# the pilot's rules\n" \
		"weekend_every = 3\n" \
		"bands = 40 60 80 100\n" \
		"target_by_period = 2024=40 2025=50\n"

static const char *const sets[] = { "max_consecutive_nights=2",
    "preset=agreement" };

/* One whole run: what it wrote, or the error it ended with. */
struct run {
	char		*out;
	size_t		 len;
	int		 rc;
	struct tn_error	 err;
};

typedef int	(*run_fn)(struct tc *, FILE *, struct tn_error *);

static int
write_all(const struct tn_case *c, const struct tn_findings *f,
    const struct tn_report *r, FILE *fp, struct tn_error *err)
{
	struct tn_style	 st[2] = { { 0 }, { .csv_plain = 1, .explain = 1 } };

	for (int s = 0; s < 2; s++)
		for (int fmt = TN_FMT_TEXT; fmt <= TN_FMT_HTML; fmt++)
			if ((f != NULL && tn_findings_write(f, c, fmt, &st[s],
			    fp, err) == -1) || tn_report_write(r, fmt, &st[s],
			    fp, err) == -1)
				return -1;
	return 0;
}

/* turnus check and turnus report on a loaded case, to fp. */
static int
run_loaded(struct tc *t, FILE *fp, struct tn_error *err)
{
	struct tn_case_files	 files = { .dir = t->dir };
	struct tn_case		*c;
	struct tn_findings	*f = NULL;
	struct tn_report	*r = NULL;
	int			 rc = -1;

	if ((c = tn_case_load(&files, TN_NEED_SHIFTS | TN_NEED_ROSTER,
	    (char *const *)sets, 2, err)) == NULL)
		return -1;
	if ((f = tn_check(c, err)) != NULL &&
	    (r = tn_report_of_case(c, f, err)) != NULL)
		rc = write_all(c, f, r, fp, err);
	tn_report_free(r);
	tn_findings_free(f);
	tn_case_free(c);
	return rc;
}

/* turnus report as the CLI runs it: streamed, then HTML with findings. */
static int
run_streamed(struct tc *t, FILE *fp, struct tn_error *err)
{
	struct tn_case_files	 files = { .dir = t->dir };
	struct tn_report	*r;
	struct tn_case		*c = NULL;
	int			 rc = -1;

	if ((r = tn_report_new(err)) == NULL)
		return -1;
	if (tn_report_add_files(r, &files, NULL, 0, err) == 0 &&
	    tn_report_finish(r, err) == 0)
		rc = write_all(NULL, NULL, r, fp, err);
	tn_report_free(r);
	if (rc == -1 || (r = tn_report_new(err)) == NULL)
		return -1;
	rc = -1;
	if ((c = tn_case_load(&files, TN_NEED_SHIFTS | TN_NEED_PEOPLE, NULL,
	    0, err)) != NULL && tn_report_add_checked(r, c, err) == 0 &&
	    tn_report_finish(r, err) == 0)
		rc = tn_report_write(r, TN_FMT_HTML, &(struct tn_style){ 0 },
		    fp, err);
	tn_report_free(r);
	tn_case_free(c);
	return rc;
}

/* turnus check -o FILE: the findings through a temporary file. */
static int
run_output(struct tc *t, FILE *fp, struct tn_error *err)
{
	struct tn_case_files	 files = { .dir = t->dir };
	struct tn_case		*c;
	struct tn_findings	*f = NULL;
	struct tn_out		*o = NULL;
	const char		*in[8];
	char			 path[256];
	int			 rc = -1;

	(void)fp;
	snprintf(path, sizeof path, "%s/out.csv", t->root);
	if ((c = tn_case_load(&files, TN_NEED_SHIFTS | TN_NEED_ROSTER, NULL,
	    0, err)) == NULL)
		return -1;
	if ((f = tn_check(c, err)) != NULL &&
	    (o = tn_out_open(path, in, tn_case_inputs(c, in, 8), err)) !=
	    NULL) {
		if (tn_findings_write(f, c, TN_FMT_CSV, &(struct tn_style){ 0 },
		    tn_out_fp(o), err) == -1)
			tn_out_abort(o);
		else
			rc = tn_out_commit(o, err);
	}
	tn_findings_free(f);
	tn_case_free(c);
	return rc;
}

static const char *const nrp_files[] = { "staff.csv", "shifts.csv",
    "demand.csv", "wishes.csv", "rules.conf" };

/* turnus import-nrp: an instance into the folder nrp, then its files. */
static int
run_nrp(struct tc *t, FILE *fp, struct tn_error *err)
{
	char	 out[256], path[300];
	FILE	*in;
	int	 ch;

	snprintf(out, sizeof out, "%s/nrp", t->root);
	if (tn_nrp_import(tc_path(t, "instance.txt"), out, NULL, err) == -1)
		return -1;
	for (size_t i = 0; i < nitems(nrp_files); i++) {
		snprintf(path, sizeof path, "%s/%s", out, nrp_files[i]);
		assert_non_null(in = fopen(path, "r"));
		while ((ch = getc(in)) != EOF)
			putc(ch, fp);
		fclose(in);
	}
	return 0;
}

/* Files other than the case folder in the test's root: the output. */
static int
root_files(struct tc *t)
{
	DIR		*d;
	struct dirent	*e;
	char		 path[256];
	int		 n = 0;

	assert_non_null(d = opendir(t->root));
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.' && strcmp(e->d_name, "ward") != 0)
			n++;
	closedir(d);
	snprintf(path, sizeof path, "%s/nrp", t->root);
	if ((d = opendir(path)) == NULL)
		return n;
	n--;			/* an empty folder is no output */
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

static void
clean_root(struct tc *t)
{
	char	 path[256];

	snprintf(path, sizeof path, "%s/out.csv", t->root);
	unlink(path);
	for (size_t i = 0; i < nitems(nrp_files); i++) {
		snprintf(path, sizeof path, "%s/nrp/%s", t->root, nrp_files[i]);
		unlink(path);
	}
	snprintf(path, sizeof path, "%s/nrp", t->root);
	rmdir(path);
}

static void
run_once(struct tc *t, run_fn fn, struct run *r)
{
	FILE	*fp;

	memset(r, 0, sizeof *r);
	assert_non_null(fp = open_memstream(&r->out, &r->len));
	tn_error_clear(&r->err);
	r->rc = fn(t, fp, &r->err);
	assert_int_equal(fclose(fp), 0);
}

/*
 * Runs fn once to count its allocations, then with each of them
 * failing in turn.  base_ok: whether the case is good (else every run
 * must end with the same input error or out of memory).
 */
static void
fail_each(struct tc *t, run_fn fn, int base_ok)
{
	struct run	 base, r;
	long		 used;

	tn_alloc_fail_after(LOTS);
	run_once(t, fn, &base);
	used = LOTS - tn_alloc_fail_after(-1);
	if (base_ok && base.rc != 0)
		fail_msg("the run fails without a fault: %s:%ld:%ld: %s",
		    base.err.file, base.err.line, base.err.col, base.err.msg);
	if (!base_ok)
		assert_int_equal(base.err.level, TN_INPUT);
	assert_true(used > 10);
	clean_root(t);
	for (long n = 0; n <= used; n++) {
		tn_alloc_fail_after(n);
		run_once(t, fn, &r);
		tn_alloc_fail_after(-1);
		if (r.rc == -1 && r.err.level == TN_INTERNAL) {
			if (strcmp(r.err.msg, "out of memory") != 0)
				fail_msg("allocation %ld of %ld: %s", n, used,
				    r.err.msg);
			if (root_files(t) != 0)
				fail_msg("allocation %ld of %ld: a file was "
				    "left behind", n, used);
		} else if (r.rc == -1) {
			if (base_ok || strcmp(r.err.msg, base.err.msg) != 0)
				fail_msg("allocation %ld of %ld: level %d: "
				    "%s:%ld:%ld: %s", n, used, r.err.level,
				    r.err.file, r.err.line, r.err.col,
				    r.err.msg);
		} else if (!base_ok || r.len != base.len ||
		    memcmp(r.out, base.out, r.len) != 0)
			fail_msg("allocation %ld of %ld failed unseen: the run "
			    "went on and wrote something else", n, used);
		if (n == used && r.rc != base.rc)
			fail_msg("the run with no fault left differs");
		free(r.out);
		clean_root(t);
	}
	free(base.out);
}

static void
case_files(struct tc *t, const char *roster)
{
	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "staff.csv", STAFF), 0);
	assert_int_equal(tc_file(t, "roster.csv", roster), 0);
	assert_int_equal(tc_file(t, "demand.csv", DEMAND), 0);
	assert_int_equal(tc_file(t, "wishes.csv", WISHES), 0);
	assert_int_equal(tc_file(t, "rules.conf", RULES), 0);
}

static void
oom_check_report_wide(void **state)
{
	case_files(*state, WIDE);
	fail_each(*state, run_loaded, 1);
}

static void
oom_check_report_long(void **state)
{
	case_files(*state, LONG);
	fail_each(*state, run_loaded, 1);
}

static void
oom_report_streamed(void **state)
{
	case_files(*state, LONG);
	fail_each(*state, run_streamed, 1);
}

static void
oom_report_streamed_without_staff(void **state)
{
	struct tc	*t = *state;

	case_files(t, LONG);
	unlink(tc_path(t, "staff.csv"));
	unlink(tc_path(t, "wishes.csv"));
	fail_each(t, run_streamed, 1);
}

static void
oom_output_file(void **state)
{
	case_files(*state, WIDE);
	fail_each(*state, run_output, 1);
}

static void
oom_bad_input_late(void **state)
{
	struct tc	*t = *state;

	case_files(t, WIDE);
	assert_int_equal(tc_file(t, "wishes.csv", WISHES "9;1;D;on;1\n"), 0);
	fail_each(t, run_loaded, 0);
}

static void
oom_bad_roster_streamed(void **state)
{
	struct tc	*t = *state;

	case_files(t, LONG "1;03.01.2024;X;ward\n");
	fail_each(t, run_streamed, 0);
}

#define INSTANCE	"SECTION_HORIZON\n14\n\n" \
		"SECTION_SHIFTS\nD,480,\nL,720,D\n\n" \
		"SECTION_STAFF\nA,D=14|L=4,4320,3360,5,2,2,1\n" \
		"B,D=14|L=0,4320,3360,5,2,2,1\n\n" \
		"SECTION_DAYS_OFF\nA,0\nB,5,6\n\n" \
		"SECTION_SHIFT_ON_REQUESTS\nA,2,D,2\n\n" \
		"SECTION_SHIFT_OFF_REQUESTS\nB,3,L,3\n\n" \
		"SECTION_COVER\n0,D,1,100,1\n1,L,1,100,1\n"

static void
oom_nrp_import(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "instance.txt", INSTANCE), 0);
	fail_each(t, run_nrp, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(oom_check_report_wide,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(oom_check_report_long,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(oom_report_streamed,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(
		    oom_report_streamed_without_staff, tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(oom_output_file,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(oom_bad_input_late,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(oom_bad_roster_streamed,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(oom_nrp_import,
		    tc_setup, tc_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
