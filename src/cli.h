/* The command-line front end: options shared by the commands. */
#ifndef TURNUS_CLI_H
#define TURNUS_CLI_H

#include <getopt.h>

#include "turnus/case.h"
#include "turnus/turnus.h"

struct tn_error;

/* Option values common to the commands (DESIGN §6). */
struct cli {
	const char		*cmd;
	struct tn_case_files	 files;
	char			**sets;
	int			 nsets;
	char			*preset;	/* "preset=NAME", owned */
	enum tn_format		 format;
	const char		*out;
	struct tn_style		 style;
};

enum {
	OPT_FORMAT = 256, OPT_RULES, OPT_SET, OPT_STAFF, OPT_SHIFTS,
	OPT_DEMAND, OPT_ROSTER, OPT_WISHES, OPT_CSV_STYLE, OPT_HELP,
	OPT_PRESET, OPT_MAX_ROWS,
	OPT_FIRST_OWN		/* commands number their own options here */
};

#define CLI_LONGOPTS \
	{ "format", required_argument, NULL, OPT_FORMAT }, \
	{ "output", required_argument, NULL, 'o' }, \
	{ "quiet", no_argument, NULL, 'q' }, \
	{ "verbose", no_argument, NULL, 'v' }, \
	{ "rules", required_argument, NULL, OPT_RULES }, \
	{ "set", required_argument, NULL, OPT_SET }, \
	{ "staff", required_argument, NULL, OPT_STAFF }, \
	{ "shifts", required_argument, NULL, OPT_SHIFTS }, \
	{ "demand", required_argument, NULL, OPT_DEMAND }, \
	{ "roster", required_argument, NULL, OPT_ROSTER }, \
	{ "wishes", required_argument, NULL, OPT_WISHES }, \
	{ "csv-style", required_argument, NULL, OPT_CSV_STYLE }, \
	{ "preset", required_argument, NULL, OPT_PRESET }, \
	{ "max-rows", required_argument, NULL, OPT_MAX_ROWS }, \
	{ "help", no_argument, NULL, OPT_HELP }
#define CLI_SHORTOPTS	"o:qv"

extern char	**cli_argv;	/* the command's argv, for messages */

void	 cli_init(struct cli *, const char *);
void	 cli_release(struct cli *);

/*
 * Handles a common option.  Returns 0 when handled, 1 when the option
 * is not a common one, 2 after a usage error (already printed), and 3
 * for --help (usage printed on stdout).
 */
int	 cli_option(struct cli *, int, const char *);

/* Takes the one case argument (or none, when files are named). */
int	 cli_case(struct cli *, int, char **);

/* Prints an error as "turnus: FILE:LINE:COL: msg"; returns its level. */
int	 cli_error(const struct tn_error *);
int	 cli_usage_error(const char *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 cli_usage(FILE *, const char *);

/* Commands (one file each: cmd-NAME.c). */
int	 cmd_batch(int, char **);
int	 cmd_capacity(int, char **);
int	 cmd_check(int, char **);
int	 cmd_explain(int, char **);
int	 cmd_import_nrp(int, char **);
int	 cmd_init(int, char **);
int	 cmd_plan(int, char **);
int	 cmd_report(int, char **);

#endif
