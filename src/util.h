/* Small helpers shared by the library: buffers, maps, parsing, printing. */
#ifndef TURNUS_UTIL_H
#define TURNUS_UTIL_H

#include <stddef.h>
#include <stdio.h>

#define nitems(a)	(sizeof(a) / sizeof((a)[0]))

/* Allocation that a test can make fail (tests/unit/test_failalloc.c). */
void	*tn_malloc(size_t);
void	*tn_calloc(size_t, size_t);
void	*tn_realloc(void *, size_t);
char	*tn_strdup(const char *);
char	*tn_strndup(const char *, size_t);
/*
 * Test hook: the n-th allocation from now (0 is the next) fails, and
 * every one after it; -1 disables.  Returns the countdown it replaces,
 * so a test can count the allocations a run makes.
 */
long	 tn_alloc_fail_after(long);

/* Grows *p (of *cap elements of size) to hold need; -1 on failure. */
int	 grow(void *, int *, int, size_t);

/* A growable string. */
struct buf {
	char	*s;
	size_t	 len;
	size_t	 cap;
	int	 oom;		/* sticky: an append failed */
};
void	 buf_add(struct buf *, const char *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 buf_release(struct buf *);
void	 buf_add_utf8(struct buf *, unsigned);	/* a code point */
/* Appends Windows-1252 text as UTF-8; -1 with *bad at a byte it lacks. */
int	 buf_add_1252(struct buf *, const char *, size_t, size_t *bad);

/* A map from strings to non-negative ints. */
struct hmap {
	char	**keys;
	int	 *vals;
	size_t	  cap;
	size_t	  n;
};
int	 hmap_get(const struct hmap *, const char *);	/* -1: absent */
int	 hmap_put(struct hmap *, const char *, int);	/* -1: no memory */
void	 hmap_release(struct hmap *);

/* Parsers for Norwegian and English conventions; 0 ok, -1 bad. */
int	 parse_number(const char *, double *);
int	 parse_int(const char *, long *);
int	 parse_minutes(const char *, int *);	/* hours, as minutes */
int	 parse_time(const char *, int, int *);	/* int: allow 24:00 */
int	 parse_date(const char *, long *);	/* days since 1970-01-01 */
int	 parse_weekday(const char *, int *);	/* 0 Monday */
int	 parse_bool(const char *, int *);
int	 is_blank(const char *);
char	*str_trim(char *);		/* in place; returns the first non-blank */

/* Whether a role is "any" (any case): asked in the planner's inner loops. */
static inline int
role_is_any(const char *r)
{
	return (r[0] | 0x20) == 'a' && (r[1] | 0x20) == 'n' &&
	    (r[2] | 0x20) == 'y' && r[3] == '\0';
}

/* Calendar arithmetic on day numbers (days since 1970-01-01). */
long	 date_from_ymd(int, int, int);
void	 date_to_ymd(long, int *, int *, int *);
int	 date_weekday(long);			/* 0 Monday */

/* Normalises a header name: lowercase, '_' for blanks, no '%'. */
void	 header_norm(const char *, char *, size_t);

/* Number printing with '.' or ',' (decimal_comma). */
char	*fmt_num(char *, size_t, double, int, int);
char	*fmt_hours(char *, size_t, int, int);	/* minutes -> "9.50" */
char	*fmt_clock(char *, size_t, int);	/* minutes -> "07:30" */
char	*fmt_date(char *, size_t, long, int);	/* int: ISO */
/* "3rd" in English, "3." in Norwegian text (i18n_nb). */
char	*fmt_ordinal(char *, size_t, int);

extern const char *const weekday_en[7];
extern const char *const weekday_abbr[7];

/* Display width of UTF-8 text in terminal columns. */
size_t	 utf8_width(const char *);
int	 utf8_valid(const char *, size_t);

/* Writers for JSON and HTML strings (escaped). */
void	 json_str(FILE *, const char *);
void	 html_str(FILE *, const char *);

#endif
