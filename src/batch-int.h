/* The batch's inner parts, shared by batch*.c. */
#ifndef TURNUS_BATCH_INT_H
#define TURNUS_BATCH_INT_H

#include <stdio.h>

#include "turnus/batch.h"
#include "turnus/report.h"
#include "util.h"

#define PERIOD_MAX	32

/* A snapshot found by the scan; job points into the strings below. */
struct snap {
	struct tn_batch_job	 job;
	char			*file;
	char			*period;
	char			*municipality;
	char			*shifts;
	char			*rules;
	int			 is_dir;
};

/* One person in one department of a result. */
struct rperson {
	char		*id;		/* or its pseudonym */
	int		 dept;
	double		 pos;		/* the position counted here */
	double		 wanted;	/* the person's largest; NAN */
	long		 wshifts;
	long		 lwshifts;
	int		 nweekends;
	int		 over;		/* over their weekend limit */
};

struct rdept {
	char		*name;
	int		 has_roster;
	int		 has_staff;
};

struct rtarget {
	char		*period;
	double		 pct;
};

/* The result of one job, as written by a worker and read back. */
struct result {
	int		 job;
	int		 count;
	char		*file;
	char		*period;
	char		*municipality;
	char		*key_id;	/* NULL: ids not pseudonymized */
	char		*source;	/* the file it was read from */
	int		 failed;
	char		*efile;
	long		 eline;
	long		 ecol;
	char		*emsg;
	double		 threshold;
	double		 target_pct;
	struct rtarget	*targets;
	int		 ntargets;
	int		 nbands;	/* edges */
	double		 edges[TN_REPORT_MAX_BANDS];
	char		*bandnames[TN_REPORT_MAX_BANDS];
	struct rdept	*depts;
	int		 ndepts;
	struct rperson	*persons;
	int		 npersons;
	int		 group;		/* at finish */
	int		 dropped;	/* a department given twice */
};

/* A municipality in one period: its results counted together. */
struct group {
	const char	*municipality;
	const char	*period;
	int		 first;		/* result whose rules count */
	struct hmap	 ids;		/* id -> person */
	double		*total;		/* per person: Σ positions */
	double		*wanted;
	int		*full_time;
	int		 npersons;
	int		 cap;
	struct tn_report *names;	/* holds the band names */
};

struct brow {
	struct tn_batch_row	 pub;
	long			 start, end;	/* the period's days */
	int			 group;
	int			 res;		/* result and its department */
	int			 dept;
};

struct tn_batch {
	struct tn_batch_opts	 opts;
	struct snap		*snaps;
	int			 nsnaps, capsnaps;
	char			**inputs;
	int			 ninputs, capinputs;
	struct result		*res;
	int			 nres, capres;
	struct group		*groups;
	int			 ngroups;
	struct brow		*rows;
	int			 nrows;
	struct tn_batch_failure	*fails;
	int			 nfails, capfails;
	char			**strs;		/* strings the failures own */
	int			 nstrs, capstrs;
	int			 signal;	/* a worker was killed by it */
	int			 finished;
};

/* batch.c */
int	 period_key(const char *, long *, long *);
int	 period_cmp(const char *, const char *);
int	 period_find(const char *, char *, size_t, size_t *, size_t *);
const char *batch_str(struct tn_batch *, const char *);

/* batch-job.c */
void	 result_release(struct result *);

/* batch-json.c: the results, parsed */
int	 results_read(struct tn_batch *, const char *, size_t, const char *,
	    struct tn_error *);

/* batch-merge.c */
double	 batch_target(const struct result *, const char *);

/* batch-write.c, batch-html.c */
void	 batch_json_num(FILE *, double);
int	 batch_write_html(const struct tn_batch *, const struct tn_style *,
	    FILE *);

#endif
