/* libturnus: errors, levels and output formats shared by every verb. */
#ifndef TURNUS_TURNUS_H
#define TURNUS_TURNUS_H

#define TURNUS_VERSION	"0.1.0"

/* Exit status and error level: the worst level seen wins. */
enum tn_level {
	TN_OK = 0,		/* done, nothing found */
	TN_FINDINGS = 1,	/* done, with findings */
	TN_INPUT = 2,		/* usage or input error */
	TN_INTERNAL = 3		/* internal error, or output not written */
};

enum tn_format {
	TN_FMT_TEXT,
	TN_FMT_CSV,
	TN_FMT_JSON,
	TN_FMT_HTML
};

/*
 * Filled by the library, printed by the CLI as "FILE:LINE:COLUMN: msg".
 * line and col are 1-based; 0 means unknown.  col counts CSV fields.
 */
struct tn_error {
	int	 level;
	long	 line;
	long	 col;
	char	 file[1024];
	char	 msg[1024];
};

void	tn_error_clear(struct tn_error *);
void	tn_error_set(struct tn_error *, int, const char *, long, long,
	    const char *, ...) __attribute__((format(printf, 6, 7)));

/* Parses "text", "csv", "json" or "html"; returns -1 on anything else. */
int	tn_format_parse(const char *, enum tn_format *);

/*
 * Output conventions (DESIGN §8).  decimal_comma switches text output to
 * Norwegian numbers; csv_plain gives ',' '.' ISO dates and no BOM.
 */
struct tn_style {
	int	 decimal_comma;
	int	 csv_plain;
	int	 quiet;
	int	 explain;
	int	 verbose;
	int	 persons;	/* report: list every person and their week */
};

#endif
