/* The full-time week of a person's roster under HTA § 4.2 ("timetall"). */
#ifndef TURNUS_HTA_H
#define TURNUS_HTA_H

struct tn_case;

enum hta_kind {
	HTA_DAY,		/* 37.5 h: day work */
	HTA_TURNUS,		/* 35.5 h: every 3rd Sunday, or nights */
	HTA_THREE_SHIFT,	/* 33.6-35.5 h: day, evening and night */
	HTA_FIXED		/* week_norm set to a number */
};

/* How a person's norm was reached, in minutes over the rotation. */
struct hta {
	int	 kind;
	double	 norm;		/* minutes of a 100 % week */
	double	 weeks;
	long	 hours;		/* paid minutes worked */
	long	 night;		/* minutes in the night window (credit) */
	long	 night20;	/* minutes in 20:00-06:00 (35.5 h test) */
	long	 sunday;	/* Sunday/holiday minutes outside the night */
	int	 sundays;	/* Sundays in the rotation */
	int	 sundays_worked;
	int	 has_day, has_evening, has_night;
	double	 credit;	/* minutes credited */
};

/*
 * Computes the norm of the person with this pid from the case's roster.
 * pct is the person's total position (NAN: worked out from the hours).
 * With week_norm set to a number the result is that number (HTA_FIXED).
 */
void	 hta_norm(const struct tn_case *, int, double, struct hta *);

/* The same for a person given by the rows (persons) holding its id. */
void	 hta_norm_rows(const struct tn_case *, const int *, int, double,
	    struct hta *);

#endif
