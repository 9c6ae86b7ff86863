/* Reading CSV files with positions, whatever Excel or a roster system wrote. */
#ifndef TURNUS_CSVREAD_H
#define TURNUS_CSVREAD_H

struct csvread;
struct tn_error;

#ifndef CSVREAD_MAX_FIELD		/* a fuzz target sets them small */
#define CSVREAD_MAX_FIELD	(1L << 20)	/* bytes in one field */
#define CSVREAD_MAX_COLS	10000		/* fields in one row */
#endif

/* One record: fields are NUL-terminated UTF-8, valid until the next. */
struct csvrow {
	int		 n;
	char		**f;
	long		*fline;		/* line where each field starts */
	long		 line;		/* line where the record starts */
	size_t		*flen;		/* each field's length in bytes */
};

/*
 * 1 (the default): lines that need no libcsv are split in place.  Tests
 * set 0 to read every line through libcsv, which the split must match.
 */
extern int	 csvread_fast;

/* Opens a file; NULL with err set (TN_INPUT) if it cannot be read. */
struct csvread	*csvread_open(const char *, struct tn_error *);

/*
 * Reads the next non-empty record into *row.  The first record is the
 * header; the delimiter is detected from it.  Returns 1, 0 at the end,
 * or -1 with err set.
 */
int		 csvread_next(struct csvread *, struct csvrow **,
		    struct tn_error *);
const char	*csvread_path(const struct csvread *);

/*
 * Limits the records under the header to n (0: no limit); one more is
 * an error (TN_INPUT, at its line): the --max-rows guard.
 */
void		 csvread_set_max_rows(struct csvread *, long);
long		 csvread_max_rows(const struct csvread *);

/*
 * Limits a reader, before its first record, to bytes [start, end) of
 * the file: for reading one file in parts at line boundaries.  A part
 * with start > 0 has no header: delim and enc (8, 1252 or 0 unknown)
 * are the header's; its line numbers count from start.  -1 on error.
 */
int		 csvread_range(struct csvread *, long, long, int, int,
		    struct tn_error *);

/* At the end, between records: no quote was left open. */
int		 csvread_idle(const struct csvread *);

/*
 * The end of the file (or range) was reached: an error then may be the
 * range's cut through a quoted field rather than the file's.
 */
int		 csvread_eof(const struct csvread *);

/* The encoding seen so far: 8, 1252 or 0 (ASCII only). */
int		 csvread_encoding_seen(const struct csvread *);
int		 csvread_delim(const struct csvread *);
int		 csvread_encoding(const struct csvread *);	/* 1252 or 8 */
void		 csvread_close(struct csvread *);	/* NULL is a no-op */

/*
 * Maps header fields to the columns of a spec.  Each spec entry is a
 * '|'-separated list of accepted names, canonical first, all in
 * header_norm() form.  where[i] gets the field index of spec entry i or
 * -1.  Refuses a duplicate column and a missing required one (a spec
 * entry starting with '*').  Unknown columns are left for the caller:
 * known[j] says whether field j matched (may be NULL).
 */
int		 csvread_columns(struct csvread *, const struct csvrow *,
		    const char *const *, int, int *, unsigned char *,
		    struct tn_error *);

#endif
