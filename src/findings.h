/* Findings of a check, shared by the rule code and the writers. */
#ifndef TURNUS_FINDINGS_H
#define TURNUS_FINDINGS_H

/* The rules a finding can name; keys as in DESIGN §4 and staff.csv. */
enum tn_rule {
	TN_R_DAILY_REST,
	TN_R_WEEKLY_REST,
	TN_R_SHIFT_LEN,
	TN_R_WEEK_HOURS,
	TN_R_AVG_WEEK,
	TN_R_WEEKEND,
	TN_R_WHOLE_WEEKEND,
	TN_R_CONSECUTIVE,
	TN_R_NIGHT_AVG,
	TN_R_HOURS,
	TN_R_MIN_HOURS,
	TN_R_MAX_HOURS,
	TN_R_MAX_SHIFTS,
	TN_R_MAX_WEEKENDS,
	TN_R_MIN_CONSECUTIVE,
	TN_R_MIN_OFF,
	TN_R_LONG_SHIFTS,
	TN_R_NIGHTS,
	TN_R_CANNOT_FOLLOW,
	TN_R_CONSEC_NIGHTS,
	TN_R_COVER,
	TN_R_NRULES
};

struct tn_finding {
	int	 rule;
	int	 person;	/* row, or -1 for cover */
	int	 dept;
	int	*days;		/* 0-based rotation days */
	int	 ndays;
	char	*msg;
	const char *law;	/* the paragraph it comes from, or NULL */
};

struct tn_findings {
	const struct tn_case *c;
	struct tn_finding *v;
	int		 n;
	int		 cap;
	int		 oom;
	const char	*note;		/* what could not be checked, or NULL */
};

const char	*rule_key(int);
const char	*rule_title(int);

/* Adds a finding; days are copied.  Sets f->oom on failure. */
void	 findings_add(struct tn_findings *, int, int, int, const int *, int,
	    const char *, ...) __attribute__((format(printf, 7, 8)));

#endif
