/* The full-time measures of DESIGN §5, per department and in total. */
#ifndef TURNUS_REPORT_H
#define TURNUS_REPORT_H

#include <stdio.h>

#include "turnus/turnus.h"

struct tn_case;
struct tn_case_files;
struct tn_findings;
struct tn_report;

#define TN_REPORT_MAX_BANDS	9	/* the bands rule has at most 8 edges */

/*
 * The measures of one department, or of the total.  Persons are counted
 * as KS counts them: by id, once, with the sum of all their positions.
 * Shares and target are fractions (0.5 is 50 %); positions are percent.
 * A ratio whose denominator is 0 is 0.
 */
struct tn_measures {
	const char	*department;	/* NULL for the total */
	int		 headcount;	/* distinct persons */
	double		 fte;		/* Σ position_pct / 100 held here */
	double		 avg_position_pct;	/* Σ total positions / head */
	int		 full_time;	/* persons whose total reaches the
					   threshold */
	double		 full_time_share;
	double		 full_time_fte_share;
	double		 target;	/* target_full_time_share_pct / 100 */
	int		 meets_target;	/* needed_for_target == 0 */
	int		 needed_for_target;	/* ⌈target × head⌉ − full_time */
	int		 nbands;
	int		 bands[TN_REPORT_MAX_BANDS];	/* persons per band */
	int		 involuntary_part_time;	/* -1: no staff.csv */
	int		 has_roster;	/* 0: the weekend measures are unknown */
	long		 weekend_shifts;
	long		 long_weekend_shifts;
	double		 long_weekend_share;
	double		 avg_weekends_worked;	/* per person per rotation */
	int		 over_weekend_limit;	/* persons */
};

/*
 * A person whose contracted position and rostered hours differ by more
 * than hours_tolerance over the rotation (both known).
 */
struct tn_position_diff {
	const char	*id;
	const char	*name;		/* NULL when not given */
	const char	*department;
	double		 contracted_pct;
	double		 rostered_pct;
	double		 contracted_hours;	/* over the rotation */
	double		 rostered_hours;
	double		 week_hours;	/* the person's full week (HTA) */
};

/*
 * One person in one department, with the week their roster earns
 * under HTA § 4.2 (week_norm = auto) or the week_norm set.
 */
struct tn_person_line {
	const char	*id;
	const char	*name;		/* NULL when not given */
	const char	*department;
	double		 contracted_pct;	/* NAN: not known */
	double		 rostered_pct;	/* NAN: no roster */
	double		 rostered_hours;
	double		 week_hours;
	const char	*week_kind;	/* "turnus", "day work", ... */
};

/*
 * Building a report: new, then one or more cases, then finish.  Cases
 * added to one report are counted together: a person (the same id) in
 * several cases is one person in the total.  Each department takes its
 * target and rules from its own case; the total takes them from the
 * first case.  Free with tn_report_free().
 */
struct tn_report	*tn_report_new(struct tn_error *);
void			 tn_report_free(struct tn_report *);	/* NULL: no-op */

/*
 * Adds a loaded case.  f (may be NULL) are its check findings, shown by
 * the HTML writer.  c and f are not copied: keep them until the report
 * is freed.  Returns -1 with err set on failure.
 */
int	tn_report_add_case(struct tn_report *, const struct tn_case *,
	    const struct tn_findings *, struct tn_error *);

/*
 * Adds a loaded case and, when it has a roster, its check findings,
 * computed and owned here (for the HTML roster grid).  c as above.
 */
int	tn_report_add_checked(struct tn_report *, const struct tn_case *,
	    struct tn_error *);

/*
 * Adds a case whose roster is read as a stream: a long-form roster
 * (id;day;shift, any length) is aggregated row by row in memory bounded
 * by the number of persons, never held whole; a wide roster is loaded
 * as usual.  Arguments as tn_case_load(); the report owns what it
 * loads.  Returns -1 with err set (TN_INPUT: FILE:LINE:COL) on failure.
 */
int	tn_report_add_files(struct tn_report *, const struct tn_case_files *,
	    char *const *, int, struct tn_error *);

/* Computes the measures; call once, after the last add. */
int	tn_report_finish(struct tn_report *, struct tn_error *);

/* The report of one loaded case: new, add, finish.  NULL on failure. */
struct tn_report	*tn_report_of_case(const struct tn_case *,
			    const struct tn_findings *, struct tn_error *);

/* Accessors, valid after tn_report_finish(); strings owned by the report. */
int			 tn_report_ndepts(const struct tn_report *);
const struct tn_measures *tn_report_dept(const struct tn_report *, int);
const struct tn_measures *tn_report_total(const struct tn_report *);
const char		*tn_report_band_name(const struct tn_report *, int);
int			 tn_report_ndiffs(const struct tn_report *);
const struct tn_position_diff *tn_report_diff(const struct tn_report *,
			    int);
int			 tn_report_npersons(const struct tn_report *);
void			 tn_report_person(const struct tn_report *, int,
			    struct tn_person_line *);
const char		*tn_report_name(const struct tn_report *);

/* The input files read, for the output guard (as tn_case_inputs()). */
int	tn_report_inputs(const struct tn_report *, const char **, int);

/*
 * Writes the report in a format (DESIGN §8).  JSON is the §5 object
 * {"departments":[...],"total":{...}}; HTML is one self-contained page
 * with the dashboard and, for loaded cases, the roster grid.  Returns
 * -1 with err set on failure.
 */
int	tn_report_write(const struct tn_report *, enum tn_format,
	    const struct tn_style *, FILE *, struct tn_error *);

/*
 * Writes only the JSON object {"departments":[...],"total":{...}}, with
 * no newline: for other commands that embed a report (plan's "before"
 * and "after", batch rows).
 */
void	tn_report_write_json_object(const struct tn_report *, FILE *);

/* Writes the §5 keys of one measures object, without braces. */
void	tn_measures_write_json_keys(const struct tn_report *,
	    const struct tn_measures *, FILE *);

#endif
