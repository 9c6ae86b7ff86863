/* Unit tests of src/batch*.c and src/sha256.c: periods, pseudonyms, merge. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sys/stat.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "turnus/batch.h"
#include "turnus/case.h"
#include "turnus/report.h"
#include "sha256.h"
#include "util.h"

#define PILOTS	"samples/pilots"

static void
hex(const unsigned char *d, size_t n, char *out)
{
	for (size_t i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
}

static void
sha256_matches_fips_examples(void **state)
{
	struct sha256	 s;
	unsigned char	 d[SHA256_LEN];
	char		 h[2 * SHA256_LEN + 1];
	char		 million[1000];

	(void)state;
	sha256_init(&s);
	sha256_add(&s, "abc", 3);
	sha256_end(&s, d);
	hex(d, sizeof d, h);
	assert_string_equal(h, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad");
	sha256_init(&s);
	sha256_end(&s, d);
	hex(d, sizeof d, h);
	assert_string_equal(h, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855");
	sha256_init(&s);
	sha256_add(&s, "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
	    56);
	sha256_end(&s, d);
	hex(d, sizeof d, h);
	assert_string_equal(h, "248d6a61d20638b8e5c026930c3e6039"
	    "a33ce45964ff2167f6ecedd419db06c1");
	memset(million, 'a', sizeof million);
	sha256_init(&s);
	for (int i = 0; i < 1000; i++)
		sha256_add(&s, million, sizeof million);
	sha256_end(&s, d);
	hex(d, sizeof d, h);
	assert_string_equal(h, "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0");
}

/* RFC 4231 test cases 1, 2 and 6 (a key longer than a block). */
static void
hmac_matches_rfc4231(void **state)
{
	unsigned char	 key[131], d[SHA256_LEN];
	char		 h[2 * SHA256_LEN + 1];

	(void)state;
	memset(key, 0x0b, 20);
	hmac_sha256(key, 20, "Hi There", 8, d);
	hex(d, sizeof d, h);
	assert_string_equal(h, "b0344c61d8db38535ca8afceaf0bf12b"
	    "881dc200c9833da726e9376c2e32cff7");
	hmac_sha256("Jefe", 4, "what do ya want for nothing?", 28, d);
	hex(d, sizeof d, h);
	assert_string_equal(h, "5bdcc146bf60754e6a042426089575c7"
	    "5a003f089d2739839dec58b964ec3843");
	memset(key, 0xaa, sizeof key);
	hmac_sha256(key, sizeof key, "Test Using Larger Than Block-Size Key "
	    "- Hash Key First", 54, d);
	hex(d, sizeof d, h);
	assert_string_equal(h, "60e431591ee0b67f0d8a26aacbf5b77f"
	    "8e0bc6213728c5140546040f0ee37f54");
}

static void
period_parse_accepts_the_usual_names(void **state)
{
	static const char *const ok[][2] = {
		{ "2024-Q1", "2024-Q1" }, { "2024Q1", "2024-Q1" },
		{ "2024q4", "2024-Q4" }, { "2024_Q2", "2024-Q2" },
		{ "2024-K3", "2024-Q3" }, { "2024-03", "2024-03" },
		{ "2024", "2024" }, { "2024-T2", "2024-T2" },
		{ "2025-H1", "2025-H1" }, { "2024-02-29", "2024-02-29" },
	};
	static const char *const bad[] = { "2024-Q5", "2024-13", "20241",
	    "1899", "2024-02-30", "Q1-2024", "2024-Q1x", "ward", "" };
	char	 p[32];

	(void)state;
	for (size_t i = 0; i < nitems(ok); i++) {
		assert_int_equal(tn_period_parse(ok[i][0], p, sizeof p), 0);
		assert_string_equal(p, ok[i][1]);
	}
	for (size_t i = 0; i < nitems(bad); i++)
		assert_int_equal(tn_period_parse(bad[i], p, sizeof p), -1);
}

static void
pseudonym_is_keyed_and_local(void **state)
{
	static const unsigned char k1[] = "0123456789abcdef";
	static const unsigned char k2[] = "0123456789abcdeF";
	char	 a[32], b[32], c[32], d[32];

	(void)state;
	tn_batch_pseudonym(k1, 16, "Melhus", "ME1042", a);
	tn_batch_pseudonym(k1, 16, "Melhus", "ME1042", b);
	tn_batch_pseudonym(k2, 16, "Melhus", "ME1042", c);
	tn_batch_pseudonym(k1, 16, "Skaun", "ME1042", d);
	assert_int_equal(strlen(a), 17);
	assert_int_equal(a[0], 'P');
	assert_string_equal(a, b);
	assert_string_not_equal(a, c);
	assert_string_not_equal(a, d);
	assert_null(strstr(a, "1042"));
}

/* ------------------------------------------------------------ fixtures */

static char *
run_json(struct tn_batch *b)
{
	struct tn_error	 err;
	char		*s = NULL;
	size_t		 n = 0;
	FILE		*fp = open_memstream(&s, &n);

	assert_non_null(fp);
	assert_int_equal(tn_batch_finish(b, &err), 0);
	assert_int_equal(tn_batch_write(b, TN_FMT_JSON, &(struct tn_style){
	    0 }, fp, &err), 0);
	fclose(fp);
	return s;
}

static struct tn_batch *
pilots(int nproc, const struct tn_batch_opts *o)
{
	struct tn_error	 err;
	struct tn_batch	*b = tn_batch_new(o, &err);
	struct stat	 st;

	if (stat(PILOTS, &st) == -1)
		fail_msg("run from the top of the tree: no %s", PILOTS);
	assert_non_null(b);
	assert_int_equal(tn_batch_scan(b, PILOTS, &err), 64);
	assert_int_equal(tn_batch_run(b, nproc, &err), 0);
	return b;
}

static const struct tn_batch_row *
find_row(const struct tn_batch *b, const struct tn_batch_job *j,
    const char *dept)
{
	for (int i = 0; i < tn_batch_nrows(b); i++) {
		const struct tn_batch_row *x = tn_batch_row(b, i);

		if (strcmp(x->period, j->period) == 0 &&
		    strcmp(x->department, dept) == 0 &&
		    strcmp(x->municipality, j->municipality) == 0)
			return x;
	}
	fail_msg("no row for %s %s", j->file, dept);
	return NULL;
}

static void
same_measures(const struct tn_measures *a, const struct tn_measures *b)
{
	assert_int_equal(a->headcount, b->headcount);
	assert_true(a->fte == b->fte);
	assert_true(a->avg_position_pct == b->avg_position_pct);
	assert_int_equal(a->full_time, b->full_time);
	assert_true(a->full_time_share == b->full_time_share);
	assert_true(a->full_time_fte_share == b->full_time_fte_share);
	assert_true(a->target == b->target);
	assert_int_equal(a->meets_target, b->meets_target);
	assert_int_equal(a->needed_for_target, b->needed_for_target);
	assert_int_equal(a->nbands, b->nbands);
	for (int k = 0; k < a->nbands; k++)
		assert_int_equal(a->bands[k], b->bands[k]);
	assert_int_equal(a->involuntary_part_time, b->involuntary_part_time);
	assert_int_equal(a->has_roster, b->has_roster);
	assert_int_equal(a->weekend_shifts, b->weekend_shifts);
	assert_int_equal(a->long_weekend_shifts, b->long_weekend_shifts);
	assert_true(a->long_weekend_share == b->long_weekend_share);
	assert_true(a->avg_weekends_worked == b->avg_weekends_worked);
	assert_int_equal(a->over_weekend_limit, b->over_weekend_limit);
}

/* The report of one snapshot, with the target of its period. */
static struct tn_report *
report_of(const struct tn_batch_job *j, double target)
{
	struct tn_case_files f = { .roster = j->file, .shifts = j->shifts,
			    .rules = j->rules };
	struct tn_error	 err;
	struct tn_report *r = tn_report_new(&err);
	char		 set[64], *sets[1] = { set };

	snprintf(set, sizeof set, "target_full_time_share_pct=%g", target);
	assert_non_null(r);
	assert_int_equal(tn_report_add_files(r, &f, sets, 1, &err), 0);
	assert_int_equal(tn_report_finish(r, &err), 0);
	return r;
}

static void
batch_equals_report_per_snapshot(void **state)
{
	struct tn_batch	*b = pilots(1, NULL);
	int		 compared = 0;

	(void)state;
	free(run_json(b));
	for (int i = 0; i < tn_batch_njobs(b); i++) {
		const struct tn_batch_job *j = tn_batch_job(b, i);
		struct tn_report *r = report_of(j, 40);

		for (int d = 0; d < tn_report_ndepts(r); d++) {
			const struct tn_measures *m = tn_report_dept(r, d);
			const struct tn_batch_row *x = find_row(b, j,
			    m->department);
			struct tn_report *r2 = report_of(j, 100 * x->m.target);

			same_measures(&x->m, tn_report_dept(r2, d));
			tn_report_free(r2);
			compared++;
		}
		tn_report_free(r);
	}
	assert_int_equal(compared, tn_batch_nrows(b));
	assert_int_equal(tn_batch_nfailed(b), 0);
	tn_batch_free(b);
}

static void
batch_rows_follow_the_periods(void **state)
{
	struct tn_batch	*b = pilots(1, NULL);
	const struct tn_batch_row *x;

	(void)state;
	free(run_json(b));
	assert_int_equal(tn_batch_nrows(b), 64);
	x = tn_batch_row(b, 0);		/* Melhus, Buen helsehus, 2023-Q3 */
	assert_string_equal(x->municipality, "Melhus");
	assert_string_equal(x->period, "2023-Q3");
	assert_null(x->prev_period);
	assert_true(fabs(x->m.target - 0.30) < 1e-12);
	x = tn_batch_row(b, 2);
	assert_string_equal(x->period, "2024-Q1");
	assert_string_equal(x->prev_period, "2023-Q4");
	assert_true(fabs(x->m.target - 0.40) < 1e-12);
	assert_true(fabs(x->distance - (x->m.target -
	    x->m.full_time_share)) < 1e-12);
	assert_int_equal(x->d_full_time, x->m.full_time -
	    tn_batch_row(b, 1)->m.full_time);
	assert_string_equal(tn_batch_row(b, 7)->period, "2025-Q2");
	assert_true(fabs(tn_batch_row(b, 7)->m.target - 0.50) < 1e-12);
	tn_batch_free(b);
}

static void
batch_j1_and_j4_give_the_same_bytes(void **state)
{
	struct tn_batch	*b1 = pilots(1, NULL), *b4 = pilots(4, NULL);
	char		*s1 = run_json(b1), *s4 = run_json(b4);

	(void)state;
	assert_string_equal(s1, s4);
	free(s1);
	free(s4);
	tn_batch_free(b1);
	tn_batch_free(b4);
}

/* Each job on its own, its result read back: the same as a plain run. */
static void
batch_split_and_merge_gives_the_same(void **state)
{
	struct tn_batch	*plain = pilots(2, NULL), *scan, *merged;
	struct tn_error	 err;
	char		*a = run_json(plain), *b, *s = NULL;
	size_t		 n = 0;
	FILE		*fp = open_memstream(&s, &n);

	(void)state;
	scan = tn_batch_new(NULL, &err);
	assert_int_equal(tn_batch_scan(scan, PILOTS, &err), 64);
	for (int i = tn_batch_njobs(scan) - 1; i >= 0; i--)
		assert_int_equal(tn_batch_job_run(tn_batch_job(scan, i),
		    &(struct tn_batch_opts){ 0 }, fp, &err), 0);
	fclose(fp);
	merged = tn_batch_new(NULL, &err);
	fp = fmemopen(s, n, "r");
	assert_int_equal(tn_batch_add_results(merged, fp, "results", &err),
	    0);
	fclose(fp);
	b = run_json(merged);
	assert_string_equal(a, b);
	free(a);
	free(b);
	free(s);
	tn_batch_free(plain);
	tn_batch_free(scan);
	tn_batch_free(merged);
}

static void
merge_refuses_a_job_twice_and_mixed_keys(void **state)
{
	static const char one[] = "{\"turnus_batch_result\":1,\"job\":1,"
	    "\"jobs\":2,\"file\":\"a.csv\",\"period\":\"2024\","
	    "\"municipality\":null,\"key_id\":null,\"error\":{\"file\":"
	    "\"a.csv\",\"line\":3,\"column\":2,\"message\":\"bad\"}}\n";
	static const char two[] = "{\"turnus_batch_result\":1,\"job\":2,"
	    "\"jobs\":2,\"file\":\"b.csv\",\"period\":\"2024\","
	    "\"municipality\":null,\"key_id\":\"abcd\",\"error\":{\"file\":"
	    "null,\"line\":0,\"column\":0,\"message\":\"bad\"}}\n";
	struct tn_error	 err;
	struct tn_batch	*b = tn_batch_new(NULL, &err);
	FILE		*fp;

	(void)state;
	for (int k = 0; k < 2; k++) {
		fp = fmemopen((void *)one, sizeof one - 1, "r");
		assert_int_equal(tn_batch_add_results(b, fp, "r1", &err), 0);
		fclose(fp);
	}
	assert_int_equal(tn_batch_finish(b, &err), -1);
	assert_int_equal(err.level, TN_INPUT);
	assert_non_null(strstr(err.msg, "job 1 given twice"));
	tn_batch_free(b);
	b = tn_batch_new(NULL, &err);
	fp = fmemopen((void *)one, sizeof one - 1, "r");
	assert_int_equal(tn_batch_add_results(b, fp, "r1", &err), 0);
	fclose(fp);
	fp = fmemopen((void *)two, sizeof two - 1, "r");
	assert_int_equal(tn_batch_add_results(b, fp, "r2", &err), 0);
	fclose(fp);
	assert_int_equal(tn_batch_finish(b, &err), -1);
	assert_non_null(strstr(err.msg, "pseudonymized"));
	tn_batch_free(b);
}

static void
merge_names_a_bad_result_and_a_missing_job(void **state)
{
	static const char bad[] = "{\"turnus_batch_result\":1,\n\"job\":}";
	static const char one[] = "{\"turnus_batch_result\":1,\"job\":2,"
	    "\"jobs\":3,\"file\":\"a.csv\",\"period\":\"2024\","
	    "\"municipality\":null,\"key_id\":null,\"error\":{\"file\":"
	    "\"a.csv\",\"line\":3,\"column\":2,\"message\":\"bad\"}}";
	struct tn_error	 err;
	struct tn_batch	*b = tn_batch_new(NULL, &err);
	FILE		*fp = fmemopen((void *)bad, sizeof bad - 1, "r");

	(void)state;
	assert_int_equal(tn_batch_add_results(b, fp, "r.json", &err), -1);
	fclose(fp);
	assert_string_equal(err.file, "r.json");
	assert_int_equal(err.line, 2);
	assert_int_equal(err.col, 7);
	fp = fmemopen((void *)one, sizeof one - 1, "r");
	assert_int_equal(tn_batch_add_results(b, fp, "r2", &err), 0);
	fclose(fp);
	assert_int_equal(tn_batch_finish(b, &err), 0);
	assert_int_equal(tn_batch_nfailed(b), 3);
	assert_null(tn_batch_failed(b, 0)->file);
	assert_non_null(strstr(tn_batch_failed(b, 0)->message, "job 1 of 3"));
	assert_string_equal(tn_batch_failed(b, 1)->file, "a.csv");
	assert_int_equal(tn_batch_failed(b, 1)->line, 3);
	assert_non_null(strstr(tn_batch_failed(b, 2)->message, "job 3 of 3"));
	tn_batch_free(b);
}

/* ----------------------------------------------- a tree in a temp folder */

struct tree {
	char	 root[64];
	char	 path[256];
};

static const char *
tree_file(struct tree *t, const char *rel, const char *text)
{
	char	 dir[256], *slash;
	FILE	*fp;

	snprintf(t->path, sizeof t->path, "%s/%s", t->root, rel);
	snprintf(dir, sizeof dir, "%s", t->path);
	for (slash = dir + strlen(t->root) + 1; (slash = strchr(slash, '/'))
	    != NULL; slash++) {
		*slash = '\0';
		mkdir(dir, 0700);
		*slash = '/';
	}
	assert_non_null(fp = fopen(t->path, "w"));
	fputs(text, fp);
	fclose(fp);
	return t->path;
}

static void
tree_free(struct tree *t)
{
	char	 cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->root);
	assert_int_equal(system(cmd), 0);
}

static void
tree_new(struct tree *t)
{
	snprintf(t->root, sizeof t->root, "/tmp/turnus-batch.XXXXXX");
	assert_non_null(mkdtemp(t->root));
	tree_file(t, "shifts.csv", "code;start;end\nD;07:00;15:00\n"
	    "L;07:30;20:00\n");
	tree_file(t, "rules.conf", "target_by_period = 2024=40\n");
}

#define WEEK	"D;D;D;D;D;;"

/* KS: 60 % in one ward and 40 % in the other is full-time in both. */
static void
batch_counts_a_person_across_departments(void **state)
{
	struct tree	 t;
	struct tn_error	 err;
	struct tn_batch	*b;
	char		 a[256], c[256];

	(void)state;
	tree_new(&t);
	snprintf(a, sizeof a, "%s", tree_file(&t, "Melhus/2024-Q1/a.csv",
	    "id;position_pct;1;2;3;4;5;6;7\nX1;60;" WEEK "\nX2;50;" WEEK
	    "\n"));
	snprintf(c, sizeof c, "%s", tree_file(&t, "Melhus/2024-Q1/b.csv",
	    "id;position_pct;1;2;3;4;5;6;7\nX1;40;" WEEK "\nX3;100;" WEEK
	    "\n"));
	tree_file(&t, "Skaun/2024-Q1/a.csv", "id;position_pct;1;2;3;4;5;6;7\n"
	    "X1;40;" WEEK "\n");
	assert_non_null(b = tn_batch_new(NULL, &err));
	assert_int_equal(tn_batch_scan(b, t.root, &err), 3);
	assert_int_equal(tn_batch_run(b, 2, &err), 0);
	assert_int_equal(tn_batch_finish(b, &err), 0);
	assert_int_equal(tn_batch_nrows(b), 3);
	/* Melhus a: X1 (60 + 40) and X2: one of two full-time */
	assert_string_equal(tn_batch_row(b, 0)->department, "a");
	assert_int_equal(tn_batch_row(b, 0)->m.full_time, 1);
	assert_true(tn_batch_row(b, 0)->m.avg_position_pct == 75);
	assert_string_equal(tn_batch_row(b, 1)->department, "b");
	assert_int_equal(tn_batch_row(b, 1)->m.full_time, 2);
	/* the same id in Skaun is another person */
	assert_string_equal(tn_batch_row(b, 2)->municipality, "Skaun");
	assert_int_equal(tn_batch_row(b, 2)->m.full_time, 0);
	assert_true(fabs(tn_batch_row(b, 2)->m.target - 0.4) < 1e-12);
	tn_batch_free(b);
	tree_free(&t);
}

static void
batch_goes_on_past_a_corrupt_file(void **state)
{
	struct tree	 t;
	struct tn_error	 err;
	struct tn_batch	*b;
	const struct tn_batch_failure *f;

	(void)state;
	tree_new(&t);
	tree_file(&t, "2024-Q1/a.csv", "id;1;2;3;4;5;6;7\nA1;" WEEK "\n");
	tree_file(&t, "2024-Q1/b.csv", "id;1;2;3;4;5;6;7\nB1;" WEEK "\n"
	    "B2;D;D;X;D;D;;\n");
	tree_file(&t, "2024-Q2/a.csv", "id;1;2;3;4;5;6;7\nA1;" WEEK "\n");
	tree_file(&t, "notes/x.csv", "id;1;2;3;4;5;6;7\nA1;" WEEK "\n");
	assert_non_null(b = tn_batch_new(NULL, &err));
	assert_int_equal(tn_batch_scan(b, t.root, &err), 4);
	assert_int_equal(tn_batch_run(b, 3, &err), 0);
	assert_int_equal(tn_batch_finish(b, &err), 0);
	assert_int_equal(tn_batch_nrows(b), 2);
	assert_int_equal(tn_batch_nfailed(b), 2);
	f = tn_batch_failed(b, 0);
	assert_non_null(strstr(f->file, "2024-Q1/b.csv"));
	assert_int_equal(f->line, 3);
	assert_int_equal(f->col, 4);
	assert_non_null(strstr(f->message, "'X'"));
	f = tn_batch_failed(b, 1);
	assert_non_null(strstr(f->file, "notes/x.csv"));
	assert_non_null(strstr(f->message, "no period"));
	tn_batch_free(b);
	/* pseudonymized, quoted values (which may be ids) are left out */
	assert_non_null(b = tn_batch_new(&(struct tn_batch_opts){ .key =
	    (const unsigned char *)"0123456789abcdef", .keylen = 16 }, &err));
	assert_int_equal(tn_batch_scan(b, t.root, &err), 4);
	assert_int_equal(tn_batch_run(b, 2, &err), 0);
	assert_int_equal(tn_batch_finish(b, &err), 0);
	assert_non_null(strstr(tn_batch_failed(b, 0)->message,
	    "unknown shift code '?', expected"));
	tn_batch_free(b);
	tree_free(&t);
}

/* Two snapshots of one department in one period: the second is left out. */
static void
batch_refuses_a_department_twice(void **state)
{
	struct tree	 t;
	struct tn_error	 err;
	struct tn_batch	*b;
	const struct tn_batch_failure *f;

	(void)state;
	tree_new(&t);
	tree_file(&t, "Skaun/2024-Q1/a.csv", "id;department;1;2;3;4;5;6;7\n"
	    "A1;Ward;" WEEK "\n");
	tree_file(&t, "Skaun/2024-Q1/b.csv", "id;department;1;2;3;4;5;6;7\n"
	    "B1;Ward;" WEEK "\n");
	assert_non_null(b = tn_batch_new(NULL, &err));
	assert_int_equal(tn_batch_scan(b, t.root, &err), 2);
	assert_int_equal(tn_batch_run(b, 1, &err), 0);
	assert_int_equal(tn_batch_finish(b, &err), 0);
	assert_int_equal(tn_batch_nrows(b), 1);
	assert_int_equal(tn_batch_row(b, 0)->m.headcount, 1);
	assert_int_equal(tn_batch_nfailed(b), 1);
	f = tn_batch_failed(b, 0);
	assert_non_null(strstr(f->file, "2024-Q1/b.csv"));
	assert_non_null(strstr(f->message, "department 'Ward' is also in"));
	assert_int_equal(f->job, 2);
	tn_batch_free(b);
	tree_free(&t);
}

/* A small batch with its allocations failing from the nth on, for every n:
 * no crash, no leak (under ASan). */
static void
batch_survives_each_failed_allocation(void **state)
{
	struct tree	 t;
	struct tn_error	 err;
	struct tn_batch	*b;
	int		 ok = 0;
	long		 n;

	(void)state;
	tree_new(&t);
	tree_file(&t, "M/2024-Q1/a.csv", "id;department;1;2;3;4;5;6;7\n"
	    "A1;Ward;" WEEK "\nA2;Ward;D;D;;;;L;L\n");
	tree_file(&t, "M/2024-Q2/a.csv", "id;department;1;2;3;4;5;6;7\n"
	    "A1;Ward;" WEEK "\nA3;Ward;D;X;;;;L;L\n");
	tree_file(&t, "M/2024-Q3/a.csv", "id;department;1;2;3;4;5;6;7\n"
	    "A1;Ward;" WEEK "\n");
	for (n = 0; n < 100000 && !ok; n++) {
		char	*s = NULL;
		size_t	 len = 0;
		FILE	*fp = open_memstream(&s, &len);

		tn_alloc_fail_after(n);
		if ((b = tn_batch_new(NULL, &err)) != NULL &&
		    tn_batch_scan(b, t.root, &err) == 3 &&
		    tn_batch_run(b, 1, &err) == 0 &&
		    tn_batch_finish(b, &err) == 0 &&
		    tn_batch_write(b, TN_FMT_HTML, &(struct tn_style){ 0 }, fp,
		    &err) == 0)
			ok = tn_batch_nrows(b) == 2 && tn_batch_nfailed(b) == 1;
		tn_alloc_fail_after(-1);
		tn_batch_free(b);
		fclose(fp);
		free(s);
	}
	assert_true(ok);
	assert_true(n > 100);
	tree_free(&t);
}

/* Every id and name of the pilots, as the rosters give them. */
static int
leaks(const char *out)
{
	FILE	*fp = popen("cat " PILOTS "/*/*/*.csv | cut -d';' -f1,2 | "
		    "grep -v '^id;\\|^ansattnr;' | sort -u", "r");
	char	 line[256], *semi;
	int	 n = 0, seen = 0;

	assert_non_null(fp);
	while (fgets(line, sizeof line, fp) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if ((semi = strchr(line, ';')) == NULL)
			continue;
		*semi = '\0';
		seen++;
		n += strstr(out, line) != NULL || strstr(out, semi + 1) != NULL;
	}
	pclose(fp);
	assert_true(seen > 150);
	return n;
}

static void
pseudonymize_leaves_no_id_or_name(void **state)
{
	static const unsigned char key[] = "a secret key of the project";
	struct tn_batch_opts o = { .key = key, .keylen = sizeof key - 1 };
	struct tn_batch	*b = pilots(2, &o);
	struct tn_error	 err;
	char		*s = NULL;
	size_t		 n = 0;
	FILE		*fp = open_memstream(&s, &n);

	(void)state;
	assert_int_equal(tn_batch_finish(b, &err), 0);
	for (int f = TN_FMT_TEXT; f <= TN_FMT_HTML; f++)
		assert_int_equal(tn_batch_write(b, f, &(struct tn_style){ 0 },
		    fp, &err), 0);
	for (int i = 0; i < tn_batch_njobs(b); i++)
		tn_batch_job_run(tn_batch_job(b, i), &o, fp, &err);
	fclose(fp);
	assert_non_null(strstr(s, "\"P"));
	assert_int_equal(leaks(s), 0);
	free(s);
	tn_batch_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sha256_matches_fips_examples),
		cmocka_unit_test(hmac_matches_rfc4231),
		cmocka_unit_test(period_parse_accepts_the_usual_names),
		cmocka_unit_test(pseudonym_is_keyed_and_local),
		cmocka_unit_test(batch_equals_report_per_snapshot),
		cmocka_unit_test(batch_rows_follow_the_periods),
		cmocka_unit_test(batch_j1_and_j4_give_the_same_bytes),
		cmocka_unit_test(batch_split_and_merge_gives_the_same),
		cmocka_unit_test(merge_refuses_a_job_twice_and_mixed_keys),
		cmocka_unit_test(merge_names_a_bad_result_and_a_missing_job),
		cmocka_unit_test(batch_counts_a_person_across_departments),
		cmocka_unit_test(batch_goes_on_past_a_corrupt_file),
		cmocka_unit_test(batch_refuses_a_department_twice),
		cmocka_unit_test(batch_survives_each_failed_allocation),
		cmocka_unit_test(pseudonymize_leaves_no_id_or_name),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
