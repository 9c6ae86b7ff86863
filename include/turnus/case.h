/* The case: a ward's staff, shifts, demand, roster, wishes and rules. */
#ifndef TURNUS_CASE_H
#define TURNUS_CASE_H

struct tn_case;
struct tn_error;

/* Which files a command needs; the loader refuses a case without them. */
#define TN_NEED_SHIFTS		(1 << 0)
#define TN_NEED_ROSTER		(1 << 1)
#define TN_NEED_STAFF		(1 << 2)
#define TN_NEED_DEMAND		(1 << 3)
#define TN_NEED_PEOPLE		(1 << 4)	/* staff.csv or roster.csv */

/*
 * Where the case files are.  dir is the case folder (may be NULL when
 * every file is named); a named file wins over the one in dir.
 */
struct tn_case_files {
	const char	*dir;
	const char	*staff;
	const char	*shifts;
	const char	*demand;
	const char	*roster;
	const char	*wishes;
	const char	*rules;
	long		 max_rows;	/* rows a CSV file may have; 0: */
};					/* TN_MAX_ROWS (--max-rows) */

#define TN_MAX_ROWS	50000000L	/* the default --max-rows */

/*
 * Loads a case.  sets holds nsets "key=value" rule overrides (--set),
 * applied after rules.conf.  Returns NULL and fills err (level
 * TN_INPUT for bad input, TN_INTERNAL for out of memory) on failure.
 * Free with tn_case_free().
 */
struct tn_case	*tn_case_load(const struct tn_case_files *, int,
		    char *const *, int, struct tn_error *);
void		 tn_case_free(struct tn_case *);	/* NULL is a no-op */

/* The case's name: its folder's base name.  Owned by the case. */
const char	*tn_case_name(const struct tn_case *);

/*
 * The input files the case was read from, for the output guard: fills
 * up to max paths (owned by the case) and returns how many there are.
 */
int		 tn_case_inputs(const struct tn_case *, const char **, int);

#endif
