/* Shared by the fuzz targets: a case folder on tmpfs and the whole pipeline. */
#ifndef TURNUS_FUZZ_H
#define TURNUS_FUZZ_H

#include <sys/stat.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "turnus/case.h"
#include "turnus/check.h"
#include "turnus/plan.h"
#include "turnus/report.h"
#include "turnus/turnus.h"
#include "model.h"

#define FZ_MAX_INPUT	65536	/* bytes: every target bounds its input */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The case files the targets hold fixed around the one they fuzz. */
#define FZ_SHIFTS \
	"code;name;start;end;hours;covers;cannot_follow\n" \
	"D;Dag;07:00;15:00;7,5;;\n" \
	"A;Aften;15:00;23:00;;;\n" \
	"N;Natt;23:00;07:30;;;D\n" \
	"L;Langvakt;08:00;20:30;12;D A;\n" \
	"F;Fri;;;;;\n"
#define FZ_ROSTER \
	"id;name;department;position_pct;1;2;3;4;5;6;7;8;9;10;11;12;13;14\n" \
	"1;Kari <b>;ward;100;D;D;A;A;;L;L;N;N;;;F;D;D\n" \
	"2;=Per;ward;75;A;;D;D;N;;;D;A;A;;;L;L\n" \
	"3;\"Ola \"\"&\"\"\";ward;50;;N;N;;;;;L;;D;D;A;;\n"
#define FZ_STAFF \
	"id;name;department;role;position_pct;wanted_pct;nights\n" \
	"1;Kari;ward;spl;100;100;yes\n" \
	"2;Per;ward;hjelp;75;100;no\n" \
	"3;Ola;ward;spl;50;;only\n"
#define FZ_DEMAND \
	"day;shift;role;min;max\n" \
	"all;D;any;1;3\n" \
	"weekend;A;spl;1;\n" \
	"3;N;any;1;1\n"

static char	 fz_root[128];

/* Removes the case files from dir (a sub-folder of fz_root, or it). */
static inline void
fz_clean(const char *sub)
{
	static const char *const names[] = { "staff.csv", "shifts.csv",
	    "demand.csv", "roster.csv", "wishes.csv", "rules.conf",
	    "input.csv", "input.txt" };
	char	 p[256];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(p, sizeof p, "%s/%s/%s", fz_root, sub, names[i]);
		unlink(p);
	}
}

static inline void
fz_cleanup(void)
{
	char	 p[256];

	fz_clean("case");
	snprintf(p, sizeof p, "%s/case", fz_root);
	rmdir(p);
	fz_clean(".");
	rmdir(fz_root);
}

static inline void	fz_write(const char *, const void *, size_t);
static inline void	fz_text(const char *, const char *);

/*
 * The fixed files must make a good case, or a target fuzzes nothing but
 * the first error: checked once, before the first input.
 */
static inline void
fz_selftest(void)
{
	struct tn_case_files	 files = { .dir = fz_root };
	struct tn_error		 err;
	struct tn_case		*c;

	fz_text("shifts.csv", FZ_SHIFTS);
	fz_text("roster.csv", FZ_ROSTER);
	fz_text("staff.csv", FZ_STAFF);
	fz_text("demand.csv", FZ_DEMAND);
	if ((c = tn_case_load(&files, TN_NEED_SHIFTS | TN_NEED_ROSTER, NULL,
	    0, &err)) == NULL) {
		fprintf(stderr, "fuzz: the fixed case does not load: "
		    "%s:%ld:%ld: %s\n", err.file, err.line, err.col, err.msg);
		abort();
	}
	tn_case_free(c);
	fz_cleanup();
	if (mkdir(fz_root, 0700) == -1)
		abort();
}

/* The case folder, made on first use (tmpfs when there is one). */
static inline const char *
fz_dir(void)
{
	const char	*base;

	if (fz_root[0] != '\0')
		return fz_root;
	base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(fz_root, sizeof fz_root, "%s/turnus-fuzz-%ld", base,
	    (long)getpid());
	if (mkdir(fz_root, 0700) == -1 && access(fz_root, W_OK) != 0)
		abort();
	atexit(fz_cleanup);
#ifndef FZ_NO_SELFTEST			/* csvlimits: rows too wide for it */
	fz_selftest();
#endif
	return fz_root;
}

static inline const char *
fz_path(const char *name)
{
	static char	 p[256];

	snprintf(p, sizeof p, "%s/%s", fz_dir(), name);
	return p;
}

static inline void
fz_write(const char *name, const void *data, size_t n)
{
	FILE	*fp;

	if ((fp = fopen(fz_path(name), "wb")) == NULL)
		abort();
	if (n > 0 && fwrite(data, 1, n, fp) != n)
		abort();
	if (fclose(fp) != 0)
		abort();
}

static inline void
fz_text(const char *name, const char *text)
{
	fz_write(name, text, strlen(text));
}

static inline void
fz_remove(const char *name)
{
	unlink(fz_path(name));
}

/*
 * An error must be a clear one: input errors name a file, and nothing
 * but running out of memory (which the fuzzers never do) is internal.
 */
static inline void
fz_error_ok(const struct tn_error *err)
{
	if (err->level != TN_INPUT || err->msg[0] == '\0' ||
	    err->file[0] == '\0' || err->line < 0 || err->col < 0) {
		fprintf(stderr, "bad error: level %d %s:%ld:%ld: %s\n",
		    err->level, err->file, err->line, err->col, err->msg);
		abort();
	}
}

/* Writes the findings and the report in every format, to nowhere. */
static inline void
fz_write_all(const struct tn_case *c, const struct tn_findings *f,
    const struct tn_report *r)
{
	struct tn_style	 st[2] = { { 0 }, { .csv_plain = 1,
			    .decimal_comma = 1, .explain = 1 } };
	struct tn_error	 err;
	FILE		*fp;

	if ((fp = fopen("/dev/null", "w")) == NULL)
		abort();
	for (int s = 0; s < 2; s++)
		for (int fmt = TN_FMT_TEXT; fmt <= TN_FMT_HTML; fmt++) {
			if (f != NULL && tn_findings_write(f, c, fmt, &st[s],
			    fp, &err) == -1)
				abort();
			if (r != NULL && tn_report_write(r, fmt, &st[s], fp,
			    &err) == -1)
				abort();
		}
	fclose(fp);
}

/* turnus capacity, when the case has a staffing plan. */
static inline void
fz_capacity(const struct tn_case *c)
{
	struct tn_capacity	 cap;
	struct tn_error		 err;
	struct tn_style		 st = { 0 };
	FILE			*fp;

	if (!c->has_demand)
		return;
	if (tn_capacity(c, &cap, &err) == -1) {
		fz_error_ok(&err);
		return;
	}
	if ((fp = fopen("/dev/null", "w")) == NULL)
		abort();
	for (int fmt = TN_FMT_TEXT; fmt <= TN_FMT_JSON; fmt++)	/* no HTML */
		if (tn_capacity_write(&cap, c, fmt, &st, fp, &err) == -1)
			abort();
	fclose(fp);
}

/* Loads the case in dir, checks it, reports it and writes it all. */
static inline void
fz_pipeline_in(const char *dir, int need, char *const *sets, int nsets)
{
	struct tn_case_files	 files = { .dir = dir };
	struct tn_error		 err;
	struct tn_case		*c;
	struct tn_findings	*f = NULL;
	struct tn_report	*r;

	if ((c = tn_case_load(&files, need, sets, nsets, &err)) == NULL) {
		fz_error_ok(&err);
		return;
	}
	if (c->has_roster && (f = tn_check(c, &err)) == NULL)
		abort();
	if ((r = tn_report_of_case(c, f, &err)) == NULL)
		abort();
	fz_write_all(c, f, r);
	fz_capacity(c);
	tn_report_free(r);
	tn_findings_free(f);
	tn_case_free(c);
}

/* The same for the case in fz_dir(). */
static inline void
fz_pipeline(int need, char *const *sets, int nsets)
{
	fz_pipeline_in(fz_dir(), need, sets, nsets);
}

/* The streamed report of a case (a long roster is read row by row). */
static inline void
fz_stream(char *const *sets, int nsets)
{
	struct tn_case_files	 files = { .dir = fz_dir() };
	struct tn_error		 err;
	struct tn_report	*r;

	if ((r = tn_report_new(&err)) == NULL)
		abort();
	if (tn_report_add_files(r, &files, sets, nsets, &err) == -1)
		fz_error_ok(&err);
	else if (tn_report_finish(r, &err) == -1)
		abort();
	else
		fz_write_all(NULL, NULL, r);
	tn_report_free(r);
}

#endif
