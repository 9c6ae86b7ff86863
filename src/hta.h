/* The full-time week of a person's roster under HTA § 4.2 ("timetall"). */
#ifndef TURNUS_HTA_H
#define TURNUS_HTA_H

struct tn_case;
struct tn_rules;
struct tn_shift;

enum hta_kind {
	HTA_DAY,		/* 37.5 h: day work */
	HTA_TURNUS,		/* 35.5 h: every 3rd Sunday, or nights */
	HTA_THREE_SHIFT,	/* 33.6-35.5 h: day, evening and night */
	HTA_FIXED,		/* week_norm set to a number */
	HTA_NONE		/* no shifts: full_time_hours_per_week */
};

/* How a person's norm was reached; minutes over the rotation. */
struct hta {
	int	 kind;
	double	 norm;		/* minutes of a 100 % week */
	double	 weeks;
	long	 hours;		/* paid minutes worked */
	long	 night;		/* minutes in the night window (credit) */
	long	 night20;	/* minutes in 20:00-06:00 (35.5 h test) */
	long	 sunday;	/* Sunday/holiday minutes outside the night */
	long	 night_shifts;	/* paid minutes of night shifts */
	int	 sundays;	/* Sundays in the rotation (set by caller) */
	int	 sundays_worked;	/* (set by caller) */
	int	 has_day, has_evening, has_night;
	double	 credit;	/* minutes credited */
};

/*
 * The start of a day's Sunday/holiday window (AML § 10-10), in minutes
 * after midnight of the day before; -1 for a day that is neither.  date
 * is the day number, or -1 for an undated rotation (Sundays only).
 */
int	 hta_window(long, int);

/*
 * Adds one worked shift on a day to h.  win holds the window starts of
 * the day and the two days after (hta_window), wd the day's weekday (0
 * Monday).  Returns a mask: 1 when the shift works on its own day and
 * that day is a Sunday, 2 the same for the next day.
 */
int	 hta_shift(const struct tn_rules *, const struct tn_shift *,
	    const int *, int, struct hta *);

/*
 * Decides the norm from the tallies of hta_shift() and the caller's
 * sundays and sundays_worked.  pct is the person's total position (NAN:
 * worked out from the hours).  With week_norm set to a number that is
 * the norm (HTA_FIXED); with no hours, full_time_hours_per_week.
 */
void	 hta_decide(const struct tn_rules *, double, struct hta *);

/* "day work", "turnus", "three-shift turnus", "week_norm", ... */
const char *hta_kind_name(int);

/* The norm of the person whose rows (persons of the case) are given. */
void	 hta_norm_rows(const struct tn_case *, const int *, int, double,
	    struct hta *);
void	 hta_norm(const struct tn_case *, int, double, struct hta *);

#endif
