/* The quarterly batch: many roster snapshots, a table of trends. */
#ifndef TURNUS_BATCH_H
#define TURNUS_BATCH_H

#include <stddef.h>
#include <stdio.h>

#include "turnus/report.h"
#include "turnus/turnus.h"

struct tn_batch;

/* Where a snapshot's period comes from. */
enum tn_period_from {
	TN_PERIOD_PATH,		/* the nearest folder named like 2024-Q1 */
	TN_PERIOD_NAME		/* the snapshot's own name: ward-2024Q1.csv */
};

/*
 * Options of a batch and of each of its jobs.  The strings and the key
 * are not copied: keep them until the batch is freed.
 */
struct tn_batch_opts {
	int			 period_from;	/* enum tn_period_from */
	const char		*municipality;	/* every snapshot's; NULL:
						   the path's; "": none */
	const char		*shifts;	/* instead of those found */
	const char		*rules;
	char *const		*sets;		/* "key=value" overrides */
	int			 nsets;
	const unsigned char	*key;		/* pseudonymize ids; NULL: no */
	size_t			 keylen;
};

/*
 * One snapshot as an independent job: all that is needed to measure it
 * on any machine that sees the same files.
 */
struct tn_batch_job {
	const char	*file;		/* a case folder or a roster CSV */
	const char	*period;	/* canonical; NULL: none found */
	const char	*municipality;	/* NULL: none */
	const char	*shifts;	/* found above the snapshot; NULL */
	const char	*rules;
	int		 number;	/* 1-based, in the batch's order */
	int		 count;		/* jobs in the batch */
};

/* A snapshot that could not be measured, FILE:LINE:COL as tn_error. */
struct tn_batch_failure {
	const char	*file;
	long		 line;		/* 0: unknown */
	long		 col;
	const char	*message;
	int		 job;		/* 1-based */
};

/*
 * One row of the table: a department in one period, its §5 measures
 * against the period's target, and the change since its previous
 * period.  Persons are followed by id within the municipality.
 */
struct tn_batch_row {
	const char	*period;
	const char	*municipality;	/* NULL: none */
	const char	*department;
	struct tn_measures m;		/* target: the period's */
	double		 distance;	/* target - full_time_share */
	const char	*prev_period;	/* NULL: the first period shown */
	int		 d_headcount;	/* changes since prev_period */
	int		 d_full_time;
	double		 d_full_time_share;
	double		 d_avg_position_pct;
	double		 d_long_weekend_share;
	int		 joined;	/* not in the municipality before */
	int		 left;		/* here before, now gone from it */
	int		 to_full_time;	/* part-time before, full-time now */
	int		 from_full_time;	/* full-time before, not now */
};

/* A batch: new, then scan or add results, then finish.  NULL on error. */
struct tn_batch	*tn_batch_new(const struct tn_batch_opts *,
		    struct tn_error *);
void		 tn_batch_free(struct tn_batch *);	/* NULL: no-op */

/*
 * Adds the snapshots under path: every case folder (one holding
 * roster.csv or staff.csv) and every other roster CSV, in sorted path
 * order.  shifts.csv and rules.conf are taken from the snapshot's own
 * folder or the nearest folder above it, up to path.  Returns the
 * number found, or -1 with err set when path cannot be read.
 */
int	tn_batch_scan(struct tn_batch *, const char *, struct tn_error *);
int	tn_batch_njobs(const struct tn_batch *);
const struct tn_batch_job *tn_batch_job(const struct tn_batch *, int);

/*
 * Measures one snapshot and writes its result, one JSON object and a
 * newline, to fp.  A snapshot that fails to load gives a result that
 * says so.  Returns 1 when the snapshot failed, 0 when it was measured,
 * -1 with err set when the result could not be written.
 */
int	tn_batch_job_run(const struct tn_batch_job *,
	    const struct tn_batch_opts *, FILE *, struct tn_error *);

/*
 * Runs every scanned job in nproc worker processes (fork; the loader
 * and GLPK are not thread-safe) and adds the results, whatever order
 * they finish in.  -1 with err set on a system error.
 */
int	tn_batch_run(struct tn_batch *, int, struct tn_error *);

/*
 * Adds the results in fp (as tn_batch_job_run wrote them), read from
 * name.  -1 with err (TN_INPUT, name:LINE:COL) when one does not parse.
 */
int	tn_batch_add_results(struct tn_batch *, FILE *, const char *,
	    struct tn_error *);

/*
 * Merges the results into the table: call once, after the last add.
 * -1 with err (TN_INPUT) when results contradict each other (a job
 * given twice, pseudonyms under different keys).
 */
int	tn_batch_finish(struct tn_batch *, struct tn_error *);

/* The table and the failures, valid after tn_batch_finish(). */
int			 tn_batch_nrows(const struct tn_batch *);
const struct tn_batch_row *tn_batch_row(const struct tn_batch *, int);
const char		*tn_batch_band_name(const struct tn_batch *, int,
			    int);
int			 tn_batch_nfailed(const struct tn_batch *);
const struct tn_batch_failure *tn_batch_failed(const struct tn_batch *,
			    int);

/*
 * The input files of the scanned snapshots, for the output guard: fills
 * up to max paths (owned by the batch) and returns how many there are.
 */
int	tn_batch_inputs(const struct tn_batch *, const char **, int);

/*
 * Writes the table (DESIGN §6): text, CSV, JSON {"rows":[...],
 * "failed":[...]} or one self-contained HTML page with charts.
 */
int	tn_batch_write(const struct tn_batch *, enum tn_format,
	    const struct tn_style *, FILE *, struct tn_error *);

/* How tn_batch_write_jobs() spells each job's command line. */
struct tn_batch_jobline {
	const char	*program;	/* "turnus" */
	const char	*results;	/* folder of the results */
	const char	*key_file;	/* NULL: no --pseudonymize */
	char *const	*sets;
	int		 nsets;
};

/*
 * Writes one shell command line per job (for sh, GNU parallel or a
 * Slurm job array); job N writes RESULTS/N.json, numbered with zeros.
 */
int	tn_batch_write_jobs(const struct tn_batch *,
	    const struct tn_batch_jobline *, FILE *, struct tn_error *);

/*
 * The keyed pseudonym of an id within a municipality (NULL: none): "P"
 * and 16 hex digits of HMAC-SHA-256.  out holds at least 18 bytes.
 */
char	*tn_batch_pseudonym(const unsigned char *, size_t, const char *,
	    const char *, char *);

/* Parses a period name ("2024-Q1", "2024q1", "2024-03", "2024"). */
int	tn_period_parse(const char *, char *, size_t);

#endif
