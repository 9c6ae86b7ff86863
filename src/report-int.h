/* The report's inner parts, shared by report*.c and the writers. */
#ifndef TURNUS_REPORT_INT_H
#define TURNUS_REPORT_INT_H

#include <stdint.h>

#include "hta.h"

#include "turnus/report.h"

struct tn_case;
struct tn_rules;

/* Floor division and modulo for negative keys. */
static inline long
floordiv(long a, long b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* A set of integer keys (days or weeks), as a bitmap that grows. */
struct keyset {
	long		 base;		/* key of bit 0 of w[0] */
	int		 n;		/* words; 0: empty */
	int		 oom;
	uint64_t	 one;		/* the storage while n <= 1 */
	uint64_t	*w;		/* n > 1 */
};

/* Sets key; returns its previous value, or -1 out of memory. */
int	 keyset_set(struct keyset *, long);

/* keyset_set() without a call when the key is in range already. */
static inline int
keyset_add(struct keyset *s, long key)
{
	uint64_t	*w, bit;
	long		 i = key - s->base;
	int		 was;

	if (s->n == 0 || i < 0 || i >= 64L * s->n)
		return keyset_set(s, key);
	w = s->n <= 1 ? &s->one : s->w;
	bit = (uint64_t)1 << (i & 63);
	was = (w[i >> 6] & bit) != 0;
	w[i >> 6] |= bit;
	return was;
}
/*
 * Makes room for the keys lo to hi in an empty set, so that it grows
 * once rather than by doubling (no-op past KEYSET_RESERVE_MAX words);
 * -1 out of memory.
 */
#define KEYSET_RESERVE_MAX	16
int	 keyset_reserve(struct keyset *, long, long);
int	 keyset_count(const struct keyset *);
int	 keyset_meets(const struct keyset *, const struct keyset *);
int	 keyset_union(struct keyset *, const struct keyset *);
void	 keyset_release(struct keyset *);

/* A source: one case added to the report. */
struct src {
	const struct tn_case	*c;
	struct tn_case		*owned;		/* loaded here: freed here */
	const struct tn_findings *f;
	struct tn_findings	*ownf;		/* computed here: freed here */
	char			*roster;	/* a streamed roster's path */
	int			 has_staff;
	int			 has_roster;
	int			 ndays;
	long			 md0;		/* Monday-aligned day of day 1 */
};

/* One person in one department. */
struct row {
	int		 pid;		/* distinct person */
	int		 dept;		/* report department */
	int		 src;
	const char	*id;		/* owned by the person */
	const char	*name;		/* owned by the case, or names[] */
	const struct tn_rules *rules;
	double		 contracted;	/* staff's, else roster's; NAN */
	long		 paid;		/* minutes rostered */
	int		 in_roster;
	int		 in_staff;
	int		 max_weekends;	/* the person's own cap, or UNSET */
	int		 oom;
	long		 wshifts;
	long		 lwshifts;
	struct keyset	 weekends;	/* Monday-aligned week keys */
	struct keyset	 days;		/* streamed: days given */
	struct hta	 hta;		/* the HTA week's tallies (hta.h) */
	struct keyset	 sundays;	/* Monday-aligned Sundays worked */
	double		 norm;		/* at finish: minutes of a full week */
	double		 rpct;		/* at finish: rostered position, NAN */
	/* at finish */
	double		 pos;		/* the position counted */
	int		 nweekends;
	int		 over_limit;	/* nweekends over the person's limit */
};

struct person {
	char		*id;
	double		 wanted;	/* the largest given; NAN */
	double		 total;
	int		 full_time;
	int		 band;
	int		 has_wanted_src;
};

struct dept {
	char		*name;
	int		 src;		/* its first case: target, rules */
};

struct tn_report {
	struct src		*srcs;
	int			 nsrcs, capsrcs;
	struct row		*rows;
	int			 nrows, caprows;
	struct person		*persons;
	int			 npersons, cappersons;
	struct dept		*depts;
	int			 ndepts_, capdepts;
	/* lookups: id -> person, (person, dept) -> row */
	uint64_t		*pix;
	size_t			 pixcap;
	uint64_t		*rix;
	size_t			 rixcap;
	char			**names;	/* owned names of persons */
	char			*title;		/* owned: the first case's name */
	int			 nnames, capnames;
	/* results */
	int			 finished;
	struct tn_measures	*m;		/* ndepts_, then the total */
	char			*bandnames[TN_REPORT_MAX_BANDS];
	struct tn_position_diff	*diffs;
	int			 ndiffs;
};

/* What one shift on one day adds to a row (report_cell()). */
struct cell {
	struct hta	 hta;		/* the tallies of hta_shift() */
	int		 paid;
	int		 off;
	int		 sundays;	/* hta_shift()'s mask */
	int		 weekend;	/* weekend work */
	int		 lweekend;	/* and a long shift */
	long		 week;		/* its weekend key - floordiv(md, 7) */
};

/* report.c */
int	 report_person(struct tn_report *, const char *, size_t);
int	 report_dept(struct tn_report *, const char *, int);
int	 report_row(struct tn_report *, int, int, int);
int	 report_find_person(const struct tn_report *, const char *, size_t);
int	 report_find_row(const struct tn_report *, int, int);
int	 report_find_dept(const struct tn_report *, const char *);
int	 report_add_src(struct tn_report *, struct tn_error *);
void	 report_shift(struct tn_report *, struct row *,
	    const struct tn_case *, long, int, int);
void	 report_cell(const struct tn_rules *, const struct tn_case *, long,
	    int, int, struct cell *);

/* Adds the tallies of hta_shift() in from to to. */
static inline void
report_hta_add(struct hta *to, const struct hta *from)
{
	to->hours += from->hours;
	to->night += from->night;
	to->night20 += from->night20;
	to->sunday += from->sunday;
	to->night_shifts += from->night_shifts;
	to->has_day |= from->has_day;
	to->has_evening |= from->has_evening;
	to->has_night |= from->has_night;
}

/* Adds a cell of report_cell() on day md to row w. */
static inline void
report_add_cell(struct row *w, const struct cell *e, long md)
{
	w->paid += e->paid;
	if (e->off)
		return;
	report_hta_add(&w->hta, &e->hta);
	if (((e->sundays & 1) && keyset_add(&w->sundays, md) == -1) ||
	    ((e->sundays & 2) && keyset_add(&w->sundays, md + 1) == -1))
		w->oom = 1;
	if (!e->weekend)
		return;
	w->wshifts++;
	w->lwshifts += e->lweekend;
	if (keyset_add(&w->weekends, floordiv(md, 7) + e->week) == -1)
		w->oom = 1;
}

/* report-write.c: a band's heading, with full_time in the user's words */
const char *report_band_label(const struct tn_report *, int);

/* report-stream.c; files this large are read in two parts at once */
extern long	 report_split_min;
int	 report_stream(struct tn_report *, const struct tn_case_files *,
	    char *const *, int, struct tn_error *);

#endif
