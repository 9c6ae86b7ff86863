/* The in-memory case model, private to libturnus (src/ and solver/). */
#ifndef TURNUS_MODEL_H
#define TURNUS_MODEL_H

#include <stddef.h>

#include "turnus/turnus.h"
#include "turnus/case.h"

#define MIN_PER_DAY	1440
#define MIN_PER_WEEK	10080
#define NO_SHIFT	(-1)		/* an empty or "-" roster cell */
#define UNSET		(-1)		/* an optional integer limit not given */

/* Rule values (DESIGN §4).  Durations are whole minutes. */
struct tn_target {
	char	 period[16];
	double	 pct;
};

#define TN_MAX_BANDS	8
#define TN_MAX_TARGETS	32

struct tn_rules {
	double	 full_time_hours_per_week;	/* kept in hours: a norm */
	double	 full_time_threshold_pct;
	double	 target_full_time_share_pct;
	int	 ntargets;
	struct tn_target targets[TN_MAX_TARGETS];
	int	 nbands;
	double	 bands[TN_MAX_BANDS];
	int	 rotation_weeks;		/* 0: from the roster */
	int	 start_weekday;			/* 0 Monday .. 6 Sunday */
	int	 min_daily_rest;
	int	 min_weekly_rest;
	int	 max_shift;
	int	 max_week;
	int	 max_avg_week;
	int	 avg_weeks;
	int	 weekend_every;
	int	 whole_weekends;
	int	 max_consecutive_days;
	int	 night_start;			/* minutes after midnight */
	int	 night_end;
	int	 max_night_avg_per_day;
	int	 hours_tolerance;
	int	 long_shift_min;
	double	 min_position_pct;
	int	 cyclic;
	int	 weekend_start;			/* minutes after Monday 00:00 */
	int	 weekend_end;
	int	 preset;			/* enum tn_preset */
	int	 max_consecutive_nights;	/* UNSET: no limit */
	long	 start_date;			/* day number of day 1, or -1 */
	int	 night_cell_end;		/* nights written on end day */
	double	 week_norm;			/* hours; 0: auto (HTA § 4.2) */
	int	 objective;			/* enum tn_objective */
};

/* What plan minimises after the rules (turnus-model(7)). */
enum tn_objective {
	TN_OBJ_FULL_TIME,	/* cover, full-time positions, hours, wishes */
	TN_OBJ_WISHES		/* soft cover and wish weights only */
};

/* The working-time arrangements of AML § 10-4 and § 10-5 (issue 5). */
enum tn_preset {
	TN_PRESET_LAW,		/* § 10-4 (1): 9 h a day, 40 h a week */
	TN_PRESET_INDIVIDUAL,	/* § 10-5 (1): 10 h, 48 h average, 50 h */
	TN_PRESET_AGREEMENT,	/* § 10-5 (2): 12.5 h, 48 h average, 54 h */
	TN_PRESET_CONSENT	/* § 10-5 (3): 13 h, 48 h average */
};

/* A shift code from shifts.csv. */
struct tn_shift {
	char		*code;
	char		*name;
	int		 start;		/* minutes after midnight; -1 off */
	int		 end;
	int		 len;		/* minutes from start to end; 0 off */
	int		 paid;		/* paid minutes */
	int		 off;		/* an absence or day-off code */
	int		 night;		/* minutes inside the night window */
	int		*covers;	/* demand-code indices */
	int		 ncovers;
	int		 fills_own;	/* covers holds its own code */
	unsigned char	*cannot_follow;	/* nshifts flags, or NULL */
	long		 line;
};

enum tn_nights { TN_NIGHTS_YES, TN_NIGHTS_NO, TN_NIGHTS_ONLY };

/*
 * One person in one department: a row of staff.csv and/or roster.csv.
 * The same id in several departments gives several rows sharing pid.
 */
struct tn_person {
	char		*id;
	char		*name;
	int		 dept;		/* index into case depts */
	char		*role;
	int		 pid;		/* index of the distinct id */
	double		 pos_pct;	/* planned: roster's, else staff's */
	double		 staff_pct;	/* contracted in staff.csv; NAN */
	double		 roster_pct;	/* given in roster.csv; NAN */
	double		 wanted_pct;	/* NAN when not given */
	int		 long_shifts;
	int		 nights;	/* enum tn_nights */
	int		 min_hours;	/* minutes per rotation, or UNSET */
	int		 max_hours;
	int		*max_shifts;	/* per shift index, UNSET; or NULL */
	int		 max_weekends;
	int		 min_consecutive_days;
	int		 min_consecutive_days_off;
	const struct tn_rules *rules;	/* the case's, or own overrides */
	struct tn_rules	*own_rules;
	short		*cell;		/* ndays shift indices, NO_SHIFT */
	int		 in_roster;
	int		 in_staff;
	const char	*file;		/* where the person was defined */
	long		 line;
};

/* A row of demand.csv, resolved to rotation days. */
struct tn_demand {
	int		 dept;
	int		 day;		/* 0-based rotation day */
	int		 dcode;		/* demand code */
	char		*role;		/* "any" matches everyone */
	int		 min;
	int		 max;		/* UNSET: no cap */
	double		 under_weight;	/* < 0: hard */
	double		 over_weight;
	long		 line;
};

enum tn_wish_kind { TN_WISH_ON, TN_WISH_OFF };

struct tn_wish {
	int		 pid;		/* distinct person */
	int		 person;	/* row */
	int		 day;
	int		 shift;		/* NO_SHIFT: the whole day */
	int		 kind;
	int		 locked;
	double		 weight;
	long		 line;
};

struct tn_case {
	char		*name;
	char		*dir;
	struct tn_rules	 rules;
	struct tn_shift	*shifts;
	int		 nshifts;
	char		**dcodes;	/* demand codes */
	int		 ndcodes;
	char		**depts;
	int		 ndepts;
	struct tn_person *persons;
	int		 npersons;
	int		 nids;		/* distinct persons */
	struct tn_demand *demand;
	int		 ndemand;
	struct tn_wish	*wishes;
	int		 nwishes;
	int		 ndays;
	int		 weeks;		/* ceil(ndays / 7) */
	int		 start_weekday;	/* 0 Monday */
	long		 first_date;	/* day number of day 0, or -1 */
	int		 has_staff;
	int		 has_roster;
	int		 has_demand;
	char		*path[6];	/* input files read, NULL if absent */
	int		 npaths;
};

/* Weekday (0 Monday) of rotation day d. */
static inline int
case_weekday(const struct tn_case *c, int d)
{
	return (c->start_weekday + d) % 7;
}

/* errors.c */
int	 tn_oom(struct tn_error *);

/* rules.c */
void	 rules_default(struct tn_rules *);
int	 rules_load(struct tn_rules *, const char *, struct tn_error *);
int	 rules_set(struct tn_rules *, const char *, const char *, long,
	    struct tn_error *);
int	 rules_set_key(struct tn_rules *, const char *, const char *,
	    const char *, long, long, struct tn_error *);
int	 rules_is_key(const char *);
const char *rules_law(const char *);
const char *rules_cite(const struct tn_rules *, const char *);
const char *rules_preset_name(int);

/* load.c */
int	 case_find_shift(const struct tn_case *, const char *);
int	 case_find_dept(const struct tn_case *, const char *);

#endif
