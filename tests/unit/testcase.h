/* Unit-test helpers: a case folder in a temporary directory, and findings. */
#ifndef TURNUS_TESTCASE_H
#define TURNUS_TESTCASE_H

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "turnus/case.h"
#include "turnus/check.h"
#include "turnus/turnus.h"
#include "findings.h"
#include "model.h"

#define TC_MAX_FILES	16

/* A case folder <root>/ward (so the default department is "ward"). */
struct tc {
	char		 root[64];
	char		 dir[96];
	char		 names[TC_MAX_FILES][32];
	int		 n;
	char		 path[160];	/* tc_path()'s answer */
	char		 sum[512];	/* tc_counts()'s answer */
	struct tn_error	 err;
	struct tn_case	*c;
	struct tn_findings *f;
};

static inline struct tc *
tc_new(void)
{
	struct tc	*t = calloc(1, sizeof *t);

	if (t == NULL)
		return NULL;
	snprintf(t->root, sizeof t->root, "/tmp/turnus-test.XXXXXX");
	if (mkdtemp(t->root) == NULL) {
		free(t);
		return NULL;
	}
	snprintf(t->dir, sizeof t->dir, "%s/ward", t->root);
	if (mkdir(t->dir, 0700) == -1) {
		rmdir(t->root);
		free(t);
		return NULL;
	}
	return t;
}

static inline const char *
tc_path(struct tc *t, const char *name)
{
	snprintf(t->path, sizeof t->path, "%s/%s", t->dir, name);
	return t->path;
}

/* Writes n bytes as the file name of the case; returns 0 or -1. */
static inline int
tc_bytes(struct tc *t, const char *name, const void *s, size_t n)
{
	FILE	*fp;
	int	 i;

	for (i = 0; i < t->n && strcmp(t->names[i], name) != 0; i++)
		;
	if (i == t->n) {
		if (t->n == TC_MAX_FILES)
			return -1;
		snprintf(t->names[t->n++], sizeof t->names[0], "%s", name);
	}
	if ((fp = fopen(tc_path(t, name), "wb")) == NULL)
		return -1;
	if (fwrite(s, 1, n, fp) != n) {
		fclose(fp);
		return -1;
	}
	return fclose(fp) == 0 ? 0 : -1;
}

static inline int
tc_file(struct tc *t, const char *name, const char *text)
{
	return tc_bytes(t, name, text, strlen(text));
}

/* Loads the case folder with nsets --set values; frees an earlier one. */
static inline struct tn_case *
tc_load(struct tc *t, int need, const char *const *sets, int nsets)
{
	struct tn_case_files	 files = { .dir = t->dir };

	tn_findings_free(t->f);
	t->f = NULL;
	tn_case_free(t->c);
	t->c = tn_case_load(&files, need, (char *const *)sets, nsets,
	    &t->err);
	return t->c;
}

/* Loads the case and checks it; NULL if either fails. */
static inline struct tn_findings *
tc_check(struct tc *t, const char *const *sets, int nsets)
{
	if (tc_load(t, 0, sets, nsets) == NULL)
		return NULL;
	t->f = tn_check(t->c, &t->err);
	return t->f;
}

/* "key=n key=n" for the rules with findings, in rule order; "" if none. */
static inline const char *
tc_counts(struct tc *t)
{
	int	 n[TN_R_NRULES] = { 0 };
	size_t	 len = 0;

	t->sum[0] = '\0';
	if (t->f == NULL)
		return "(no findings: load or check failed)";
	for (int i = 0; i < t->f->n; i++)
		n[t->f->v[i].rule]++;
	for (int r = 0; r < TN_R_NRULES && len < sizeof t->sum; r++)
		if (n[r] > 0)
			len += (size_t)snprintf(t->sum + len, sizeof t->sum -
			    len, "%s%s=%d", len ? " " : "", rule_key(r), n[r]);
	return t->sum;
}

/* The k-th finding (0-based) of a rule, in check order; NULL if none. */
static inline const struct tn_finding *
tc_finding(struct tc *t, int rule, int k)
{
	for (int i = 0; t->f != NULL && i < t->f->n; i++)
		if (t->f->v[i].rule == rule && k-- == 0)
			return &t->f->v[i];
	return NULL;
}

static inline const char *
tc_msg(struct tc *t, int rule, int k)
{
	const struct tn_finding *x = tc_finding(t, rule, k);

	return x != NULL ? x->msg : "(no such finding)";
}

/* The days of a finding as "1 2 3" (1-based), in t->sum. */
static inline const char *
tc_days(struct tc *t, int rule, int k)
{
	const struct tn_finding *x = tc_finding(t, rule, k);
	size_t	 len = 0;

	t->sum[0] = '\0';
	if (x == NULL)
		return "(no such finding)";
	for (int i = 0; i < x->ndays && len < sizeof t->sum; i++)
		len += (size_t)snprintf(t->sum + len, sizeof t->sum - len,
		    "%s%d", i ? " " : "", x->days[i] + 1);
	return t->sum;
}

static inline void
tc_free(struct tc *t)
{
	if (t == NULL)
		return;
	tn_findings_free(t->f);
	tn_case_free(t->c);
	for (int i = 0; i < t->n; i++)
		unlink(tc_path(t, t->names[i]));
	rmdir(t->dir);
	rmdir(t->root);
	free(t);
}

/* cmocka setup and teardown: *state is a fresh struct tc. */
static inline int
tc_setup(void **state)
{
	return (*state = tc_new()) == NULL ? -1 : 0;
}

static inline int
tc_teardown(void **state)
{
	tc_free(*state);
	return 0;
}

/* Asserts a load error: level TN_INPUT, file (a case file), line, col. */
#define assert_load_error(t, name, ln, cl, message) do {		\
	assert_null((t)->c);						\
	assert_int_equal((t)->err.level, TN_INPUT);			\
	assert_string_equal((t)->err.file, tc_path((t), (name)));	\
	assert_int_equal((t)->err.line, (ln));				\
	assert_int_equal((t)->err.col, (cl));				\
	assert_string_equal((t)->err.msg, (message));			\
} while (0)

#endif
