/* CSV input (libcsv): encodings, delimiters, positions and limits. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "turnus/turnus.h"
#include "csvread.h"
#include "i18n.h"
#include "model.h"
#include "util.h"

#define CHUNK		(256 * 1024)
#ifndef MAX_LINE
#define MAX_LINE	(16L << 20)
#endif

enum { ENC_UNKNOWN, ENC_UTF8, ENC_1252 };

int	csvread_fast = 1;

struct csvread {
	char		*path;
	FILE		*fp;
	struct csv_parser p;
	int		 pinit;
	int		 delim;		/* 0 until the header is seen */
	int		 enc;
	int		 eof;
	long		 line;		/* physical line being fed */
	char		*rbuf;		/* CHUNK bytes, not zeroed */
	size_t		 rpos, rlen;
	struct buf	 lbuf;		/* the physical line, raw */
	struct buf	 cbuf;		/* the line, as UTF-8 */
	/* the record being built */
	struct buf	 arena;
	size_t		*off;
	long		*fline;
	int		 nf, capf;
	int		 between;	/* no field of a record seen yet */
	long		 rec_line;
	long		 start_line;	/* line of the next record's start */
	long		 rec_nl;	/* newlines inside this record so far */
	int		 toobig;	/* a limit was hit in a callback */
	/* finished records waiting to be read */
	struct pend {
		struct buf	 arena;
		size_t		*off;
		long		*fline;
		int		 nf;
		long		 line;
	}		*q;
	int		 qn, qcap, qhead;
	struct csvrow	 row;
	char		**rowf;
	size_t		*rowlen;
	int		 rowcap, rowlencap;
	struct pend	 cur;		/* the record handed out */
	/* a simple line split in place (the fast path) */
	int		 fast;		/* a split record is ready */
	char		**ff;
	long		*ffline;
	size_t		*fend;		/* where each field ends */
	int		 ffcap;
	unsigned char	 special[256];	/* bytes the fast path leaves */
	long		 left;		/* bytes still to read; -1: all */
	long		 max_rows;	/* records under the header; 0: any */
	long		 nrec;		/* records handed out, header too */
};

/* The field number of byte i of a raw line, counting delimiters. */
static long
field_at(const struct csvread *r, const char *s, size_t i)
{
	long	 col = 1;
	int	 d = r->delim ? r->delim : ';';

	for (size_t k = 0; k < i; k++)
		if (s[k] == d)
			col++;
	return col;
}

static int
fail(struct csvread *r, long line, long col, struct tn_error *err,
    const char *msg)
{
	tn_error_set(err, TN_INPUT, r->path, line, col, "%s", msg);
	return -1;
}

/* Converts the raw line in lbuf into cbuf as UTF-8. */
static int
convert(struct csvread *r, struct tn_error *err)
{
	const unsigned char *s = (const unsigned char *)r->lbuf.s;
	size_t	 n = r->lbuf.len, i;

	r->cbuf.len = 0;
	if (memchr(s, '\0', n) != NULL)
		return fail(r, r->line, field_at(r, r->lbuf.s,
		    (size_t)((const char *)memchr(s, '\0', n) - r->lbuf.s)),
		    err, _("binary data (a NUL byte), expected a CSV text "
		    "file; export the sheet as CSV"));
	if (r->enc != ENC_1252) {
		if (utf8_valid(r->lbuf.s, n)) {
			for (i = 0; i < n && s[i] < 0x80; i++)
				;
			if (i < n)
				r->enc = ENC_UTF8;
			buf_add(&r->cbuf, r->lbuf.s, n);
			return r->cbuf.oom ? -2 : 0;
		}
		if (r->enc == ENC_UTF8) {
			for (i = 0; i < n; i++)
				if (s[i] >= 0x80 &&
				    !utf8_valid((const char *)s + i,
				    n - i < 4 ? n - i : 4) &&
				    !utf8_valid((const char *)s + i, 2) &&
				    !utf8_valid((const char *)s + i, 3))
					break;
			return fail(r, r->line, field_at(r, r->lbuf.s,
			    i < n ? i : 0), err, _("invalid UTF-8 in a file "
			    "that began as UTF-8, expected one encoding; "
			    "save the file again as CSV UTF-8"));
		}
		r->enc = ENC_1252;
	}
	if (buf_add_1252(&r->cbuf, r->lbuf.s, n, &i) == -1)
		return fail(r, r->line, field_at(r, r->lbuf.s, i), err,
		    _("byte that is neither UTF-8 nor Windows-1252, expected "
		    "text; save the file again as CSV UTF-8"));
	return r->cbuf.oom ? -2 : 0;
}

static int
more_fields(struct csvread *r)
{
	int	 cap = r->capf ? r->capf * 2 : 32;
	size_t	*off;
	long	*fline;

	if ((off = tn_realloc(r->off, (size_t)cap * sizeof *off)) == NULL)
		return -1;
	r->off = off;
	if ((fline = tn_realloc(r->fline, (size_t)cap * sizeof *fline)) ==
	    NULL)
		return -1;
	r->fline = fline;
	r->capf = cap;
	return 0;
}

static void
on_field(void *data, size_t len, void *vr)
{
	struct csvread	*r = vr;
	const char	*s = data;

	if (r->toobig)
		return;
	if (r->between) {
		r->between = 0;
		r->rec_line = r->start_line;
		r->rec_nl = 0;
	}
	if (len > CSVREAD_MAX_FIELD) {
		r->toobig = 1;
		return;
	}
	if (r->nf >= CSVREAD_MAX_COLS) {
		r->toobig = 2;
		return;
	}
	if (r->nf == r->capf && more_fields(r) == -1) {
		r->toobig = 3;
		return;
	}
	r->off[r->nf] = r->arena.len;
	r->fline[r->nf] = r->rec_line + r->rec_nl;
	r->nf++;
	buf_add(&r->arena, s, len);
	buf_add(&r->arena, "", 1);
	for (size_t i = 0; i < len; i++)
		if (s[i] == '\n')
			r->rec_nl++;
	if (r->arena.oom)
		r->toobig = 3;
}

static void
on_record(int c, void *vr)
{
	struct csvread	*r = vr;
	struct pend	*p;
	int		 empty = 1;

	(void)c;
	if (r->toobig)
		return;
	for (int i = 0; i < r->nf; i++)
		if (!is_blank(r->arena.s + r->off[i]))
			empty = 0;
	if (r->nf > 0 && !empty) {
		if (grow(&r->q, &r->qcap, r->qn + 1, sizeof *r->q) == -1) {
			r->toobig = 3;
			return;
		}
		p = &r->q[r->qn++];
		p->arena = r->arena;
		p->off = r->off;
		p->fline = r->fline;
		p->nf = r->nf;
		p->line = r->rec_line;
		memset(&r->arena, 0, sizeof r->arena);
		r->off = NULL;
		r->fline = NULL;
		r->capf = 0;
	}
	r->arena.len = 0;
	r->nf = 0;
	r->between = 1;
}

static int
space_only(unsigned char c)
{
	return c == CSV_SPACE;
}

/* Counts candidate delimiters outside quotes in the header line. */
static int
sniff(const char *s, size_t n)
{
	static const char cand[] = { ';', '\t', ',' };
	size_t	 cnt[3] = { 0 }, best = 0;
	int	 inq = 0, pick = ';';

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"')
			inq = !inq;
		else if (!inq)
			for (int k = 0; k < 3; k++)
				if (s[i] == cand[k])
					cnt[k]++;
	}
	for (int k = 0; k < 3; k++)
		if (cnt[k] > best) {
			best = cnt[k];
			pick = cand[k];
		}
	return pick;
}

static void
pend_release(struct pend *p)
{
	buf_release(&p->arena);
	free(p->off);
	free(p->fline);
	memset(p, 0, sizeof *p);
}

struct csvread *
csvread_open(const char *path, struct tn_error *err)
{
	struct csvread	*r;

	if ((r = tn_calloc(1, sizeof *r)) == NULL ||
	    (r->path = tn_strdup(path)) == NULL ||
	    (r->rbuf = tn_malloc(CHUNK)) == NULL) {
		if (r != NULL)
			free(r->path);
		free(r);
		tn_oom(err);
		return NULL;
	}
	if ((r->fp = fopen(path, "rb")) == NULL) {
		tn_error_set(err, TN_INPUT, path, 0, 0, _("cannot open: %s"),
		    strerror(errno));
		csvread_close(r);
		return NULL;
	}
	if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI) != 0) {
		tn_oom(err);
		csvread_close(r);
		return NULL;
	}
	csv_set_realloc_func(&r->p, tn_realloc);
	r->pinit = 1;
	r->left = -1;
	r->between = 1;
	return r;
}

/*
 * The next physical line, with its '\n': in place in the read buffer when
 * it lies whole inside it, else gathered in lbuf.  Returns 0 at EOF.
 */
static int
next_line(struct csvread *r, char **sp, size_t *np, struct tn_error *err)
{
	char	*nl;
	size_t	 k;

	r->lbuf.len = 0;
	for (;;) {
		if (r->rpos == r->rlen) {
			r->rlen = fread(r->rbuf, 1, r->left < 0 ||
			    r->left > (long)CHUNK ? CHUNK :
			    (size_t)r->left, r->fp);
			if (r->left >= 0)
				r->left -= (long)r->rlen;
			r->rpos = 0;
			if (r->rlen == 0) {
				if (ferror(r->fp)) {
					tn_error_set(err, TN_INPUT, r->path,
					    r->line, 0, _("read error: %s"),
					    strerror(errno));
					return -1;
				}
				*sp = r->lbuf.s;
				*np = r->lbuf.len;
				return r->lbuf.len > 0;
			}
		}
		nl = memchr(r->rbuf + r->rpos, '\n', r->rlen - r->rpos);
		if (nl != NULL && r->lbuf.len == 0) {
			*sp = r->rbuf + r->rpos;
			*np = (size_t)(nl - *sp) + 1;
			r->rpos += *np;
			return 1;
		}
		k = nl ? (size_t)(nl - (r->rbuf + r->rpos)) + 1 :
		    r->rlen - r->rpos;
		buf_add(&r->lbuf, r->rbuf + r->rpos, k);
		r->rpos += k;
		if (r->lbuf.oom)
			return tn_oom(err);
		if ((long)r->lbuf.len > MAX_LINE)
			return fail(r, r->line + 1, 1, err, _("line longer "
			    "than 16 MB, expected a CSV text file"));
		if (nl != NULL) {
			*sp = r->lbuf.s;
			*np = r->lbuf.len;
			return 1;
		}
	}
}

static int
grow_fields(struct csvread *r, int need)
{
	int	 cap = r->ffcap ? r->ffcap * 2 : 32;
	char	**f;
	long	*fl;
	size_t	*fe;

	while (cap < need)
		cap *= 2;
	if ((f = tn_realloc(r->ff, (size_t)cap * sizeof *f)) == NULL)
		return -1;
	r->ff = f;
	if ((fl = tn_realloc(r->ffline, (size_t)cap * sizeof *fl)) == NULL)
		return -1;
	r->ffline = fl;
	if ((fe = tn_realloc(r->fend, (size_t)cap * sizeof *fe)) == NULL)
		return -1;
	r->fend = fe;
	r->ffcap = cap;
	return 0;
}

/* Notes a delimiter at i of a line split in place; -1 out of memory. */
static inline int
add_delim(struct csvread *r, int *nf, size_t i)
{
	if (*nf + 1 >= r->ffcap && grow_fields(r, *nf + 2) == -1)
		return -1;
	r->fend[(*nf)++] = i;
	return 0;
}

/* A byte 0x80 where a byte of x is 0, else 0x00 (exact, no carries). */
static inline uint64_t
zero_bytes(uint64_t x)
{
	const uint64_t	 m = 0x7F7F7F7F7F7F7F7FULL;

	return ~(((x & m) + m) | x | m);
}

/* scan8() on the word at s + at, of whose bytes those in mask in count. */
static inline int
scan_word(struct csvread *r, const char *s, size_t at, uint64_t in, int *nf,
    int *high)
{
	const uint64_t	 one = 0x0101010101010101ULL;
	uint64_t	 x, d;

	memcpy(&x, s + at, 8);
	if (((zero_bytes(x ^ (one * '"')) | zero_bytes(x ^ (one * '\r')) |
	    zero_bytes(x)) & in) != 0)
		return -1;
	*high |= (x & in) != 0;
	for (d = zero_bytes(x ^ (one * (unsigned char)r->delim)) & in; d != 0;
	    d &= d - 1)
		if (add_delim(r, nf, at + (size_t)__builtin_ctzll(d) / 8) == -1)
			return -1;
	return 0;
}

/*
 * The first pass of split_simple() eight bytes at a time, on a line of
 * 8 bytes or more (the last word overlaps the one before): the
 * delimiters, and high bytes.  Returns where the bytes left for a byte
 * at a time start (n when none are), or (size_t)-1 for a quote, CR or
 * NUL (libcsv's) or out of memory.  A line holds no newline but its
 * last, cut off.
 */
static size_t
scan8(struct csvread *r, const char *s, size_t n, int *nf, int *high)
{
	size_t		 i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t	 hi = 0x8080808080808080ULL;

	if (n < 8)
		return 0;
	for (; i + 8 <= n; i += 8)
		if (scan_word(r, s, i, hi, nf, high) == -1)
			return (size_t)-1;
	if (i < n && scan_word(r, s, n - 8, hi << 8 * (8 - (n - i)), nf,
	    high) == -1)
		return (size_t)-1;
	return n;
#else
	(void)r;
	(void)s;
	(void)n;
	(void)nf;
	(void)high;
	return i;
#endif
}

/*
 * The fast path: a line with no quote, CR (but at its end), NUL or byte
 * that needs converting is split in place, trimmed as libcsv trims an
 * unquoted field.  Returns 1 for a record, 0 for a blank one, -1 when
 * the line needs libcsv.
 */
static int
split_simple(struct csvread *r, char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	int		 nf = 0, high = 0, blank = 1, sp2 = r->delim != '\t';
	size_t		 i, a, b, start = 0;

	if (n > 0 && s[n - 1] == '\n')
		n--;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	/* one pass: the delimiters, and whether the line is simple */
	if ((i = scan8(r, s, n, &nf, &high)) == (size_t)-1)
		return -1;
	for (; i < n; i++) {
		if (!r->special[u[i]])
			continue;
		if (u[i] >= 0x80)
			high = 1;
		else if (u[i] != r->delim)
			return -1;
		else if (add_delim(r, &nf, i) == -1)
			return -1;
	}
	if (high && (r->enc == ENC_1252 || !utf8_valid(s, n)))
		return -1;
	if (nf + 1 > CSVREAD_MAX_COLS ||
	    (nf + 1 >= r->ffcap && grow_fields(r, nf + 2) == -1))
		return -1;
	r->fend[nf++] = n;
	/* a field too long goes to libcsv whole: check before any is cut */
	for (int k = 0; n > CSVREAD_MAX_FIELD && k < nf; k++)
		if (r->fend[k] - (k ? r->fend[k - 1] + 1 : 0) >
		    CSVREAD_MAX_FIELD)
			return -1;
	for (int k = 0; k < nf; k++) {
		i = r->fend[k];
		for (a = start; a < i && (s[a] == ' ' || (sp2 && s[a] == '\t'));
		    a++)
			;
		for (b = i; b > a && (s[b - 1] == ' ' ||
		    (sp2 && s[b - 1] == '\t')); b--)
			;
		s[b] = '\0';
		r->ff[k] = s + a;
		r->ffline[k] = r->line;
		r->fend[k] = b - a;	/* now the length */
		if (blank && b > a && (s[a] != '\n' && s[a] != '\v' &&
		    s[a] != '\f' && s[a] != '\r' ? 1 : !is_blank(s + a)))
			blank = 0;
		start = i + 1;
	}
	if (blank)
		return 0;
	if (high)
		r->enc = ENC_UTF8;
	r->row.n = nf;
	r->row.f = r->ff;
	r->row.fline = r->ffline;
	r->row.line = r->line;
	r->row.flen = r->fend;
	return 1;
}

/* Notes the field end at i of a plain line; -1 past the limits. */
static inline int
plain_delim(struct csvread *r, int *nf, size_t i)
{
	if (*nf + 1 > r->ffcap && (*nf >= CSVREAD_MAX_COLS ||
	    grow_fields(r, *nf + 1) == -1))
		return -1;
	r->fend[(*nf)++] = i;
	return 0;
}

/*
 * The common line, before fill(): whole in the read buffer and of
 * printable ASCII from '#' on, so that libcsv would only cut it at its
 * delimiters: nothing to trim, unquote or convert, and not blank.  One
 * pass eight bytes at a time finds its delimiters; only a word with a
 * byte below '#' (the newline; or a blank, CR, NUL, '"', '!') or a high
 * byte looks further.  Returns 1 with the record in r->row, 0 to leave
 * the line, unread, to fill().
 */
static int
split_plain(struct csvread *r)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const uint64_t	 one = 0x0101010101010101ULL, hi = one * 0x80;
	const uint64_t	 dw = one * (unsigned char)r->delim;
	char		*s = r->rbuf + r->rpos, **ff;
	size_t		 avail = r->rlen - r->rpos, i, n, a, e, *fe;
	uint64_t	 x, d, odd, nl = 0;
	long		 line, *fl;
	int		 nf = 0;

	for (i = 0; i + 8 <= avail; i += 8) {
		memcpy(&x, s + i, 8);
		d = zero_bytes(x ^ dw);
		odd = (x | ~((x & ~hi) + one * (0x80 - '#'))) & hi & ~d;
		if (odd != 0) {
			nl = zero_bytes(x ^ (one * '\n'));
			nl = (nl & -nl) - 1;	/* the bytes before it */
			if ((odd & nl) != 0 || nl == (uint64_t)-1)
				return 0;
			d &= nl;
		}
		for (; d != 0; d &= d - 1)
			if (plain_delim(r, &nf, i + (size_t)__builtin_ctzll(d) /
			    8) == -1)
				return 0;
		if (odd != 0)
			break;
	}
	if (i + 8 > avail)
		return 0;		/* no newline in whole words */
	n = i + (size_t)__builtin_ctzll(nl + 1) / 8;
	if (n == (size_t)nf || n > CSVREAD_MAX_FIELD || nf >= CSVREAD_MAX_COLS ||
	    plain_delim(r, &nf, n) == -1)
		return 0;	/* blank, or a field or the row may be too long */
	/* locals: a store to the line could alias the arrays' pointers */
	ff = r->ff;
	fe = r->fend;
	fl = r->ffline;
	line = ++r->line;
	a = 0;
	for (int k = 0; k < nf; k++) {
		e = fe[k];
		s[e] = '\0';
		ff[k] = s + a;
		fl[k] = line;
		fe[k] = e - a;
		a = e + 1;
	}
	r->rpos += a;
	r->row.n = nf;
	r->row.f = ff;
	r->row.fline = fl;
	r->row.line = line;
	r->row.flen = fe;
	return 1;
#else
	(void)r;
	return 0;
#endif
}

static void
special_init(struct csvread *r)
{
	memset(r->special, 0, sizeof r->special);
	memset(r->special + 0x80, 1, 0x80);
	r->special['"'] = r->special['\r'] = r->special['\n'] = 1;
	r->special[0] = 1;
	r->special[(unsigned char)r->delim] = 1;
}

static int
first_line(struct csvread *r, struct tn_error *err)
{
	const unsigned char *s = (const unsigned char *)r->lbuf.s;

	if (r->lbuf.len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) ||
	    (s[0] == 0xFE && s[1] == 0xFF)))
		return fail(r, 1, 1, err, _("file is UTF-16, expected UTF-8 "
		    "or Windows-1252; in Excel save as \"CSV UTF-8\""));
	if (r->lbuf.len >= 3 && s[0] == 0xEF && s[1] == 0xBB &&
	    s[2] == 0xBF) {
		memmove(r->lbuf.s, r->lbuf.s + 3, r->lbuf.len - 2);
		r->lbuf.len -= 3;
		r->enc = ENC_UTF8;
	}
	return 0;
}

static int
feed_error(struct csvread *r, struct tn_error *err)
{
	if (r->toobig == 1)
		return fail(r, r->line, r->nf + 1, err, _("field longer than "
		    "1 MB, expected a short value"));
	if (r->toobig == 2)
		return fail(r, r->line, r->nf + 1, err, _("row with more than "
		    "10000 fields, expected a roster row"));
	if (r->toobig == 3)
		return tn_oom(err);
	if (csv_error(&r->p) == CSV_ENOMEM)
		return tn_oom(err);
	return fail(r, r->line, r->nf + 1, err, _("misplaced quote, expected "
	    "a quote only around a whole field (write \"\" for a quote "
	    "inside one)"));
}

/* Feeds lines to libcsv until a record is ready or the file ends. */
static int
fill(struct csvread *r, struct tn_error *err)
{
	char	*ln = NULL;
	size_t	 n = 0;
	int	 rc;

	while (r->qn == r->qhead && !r->eof) {
		if ((rc = next_line(r, &ln, &n, err)) == -1)
			return -1;
		if (rc == 0) {
			r->eof = 1;
			if (csv_fini(&r->p, on_field, on_record, r) != 0 ||
			    csv_error(&r->p) != CSV_SUCCESS)
				return fail(r, r->between ? r->start_line :
				    r->rec_line, r->nf + 1, err,
				    _("unterminated quote: the quoted field "
				    "that starts here runs to the end of the "
				    "file, expected a closing '\"'"));
			if (r->toobig)
				return feed_error(r, err);
			break;
		}
		r->line++;
		/* between records, libcsv idle: try the fast path */
		if (csvread_fast && r->delim != 0 && r->between &&
		    r->p.pstate == 0 && !r->p.quoted && r->line > 1) {
			if ((rc = split_simple(r, ln, n)) == 1) {
				r->fast = 1;
				return 0;
			}
			if (rc == 0)
				continue;
		}
		if (ln != r->lbuf.s) {
			r->lbuf.len = 0;
			buf_add(&r->lbuf, ln, n);
			if (r->lbuf.oom)
				return tn_oom(err);
		}
		if (r->line == 1 && first_line(r, err) == -1)
			return -1;
		if ((rc = convert(r, err)) != 0)
			return rc == -2 ? tn_oom(err) : -1;
		if (r->delim == 0 && !is_blank(r->cbuf.s)) {
			r->delim = sniff(r->cbuf.s, r->cbuf.len);
			csv_set_delim(&r->p, (unsigned char)r->delim);
			if (r->delim == '\t')
				csv_set_space_func(&r->p, space_only);
			special_init(r);
		}
		if (r->cbuf.len == 0)
			continue;
		if (r->between && !r->p.quoted)	/* not inside a field */
			r->start_line = r->line;
		if (csv_parse(&r->p, r->cbuf.s, r->cbuf.len, on_field,
		    on_record, r) != r->cbuf.len || r->toobig)
			return feed_error(r, err);
	}
	return 0;
}

/* Counts a record handed out against the row limit (--max-rows). */
static inline int
count_row(struct csvread *r, struct tn_error *err)
{
	if (++r->nrec <= r->max_rows + 1 || r->max_rows <= 0)
		return 1;
	tn_error_set(err, TN_INPUT, r->path, r->row.line, 1, _("more than %ld "
	    "rows, expected at most %ld; a larger file needs a larger "
	    "--max-rows"), r->max_rows, r->max_rows);
	return -1;
}

int
csvread_next(struct csvread *r, struct csvrow **rowp, struct tn_error *err)
{
	struct pend	*p;
	size_t		*lens;

	r->fast = 0;
	if (csvread_fast && r->delim != 0 && r->line > 0 && r->between &&
	    r->qn == r->qhead && r->p.pstate == 0 && !r->p.quoted &&
	    split_plain(r) == 1) {
		*rowp = &r->row;
		return count_row(r, err);
	}
	if (fill(r, err) == -1)
		return -1;
	if (r->fast) {
		*rowp = &r->row;
		return count_row(r, err);
	}
	if (r->qn == r->qhead)
		return 0;
	pend_release(&r->cur);
	p = &r->q[r->qhead++];
	r->cur = *p;
	if (r->qhead == r->qn)
		r->qhead = r->qn = 0;
	if (grow(&r->rowf, &r->rowcap, r->cur.nf, sizeof *r->rowf) == -1)
		return tn_oom(err);
	if (r->rowlencap < r->rowcap) {
		if ((lens = tn_realloc(r->rowlen, (size_t)r->rowcap *
		    sizeof *lens)) == NULL)
			return tn_oom(err);
		r->rowlen = lens;
		r->rowlencap = r->rowcap;
	}
	for (int i = 0; i < r->cur.nf; i++) {
		r->rowf[i] = r->cur.arena.s + r->cur.off[i];
		r->rowlen[i] = strlen(r->rowf[i]);
	}
	r->row.flen = r->rowlen;
	r->row.n = r->cur.nf;
	r->row.f = r->rowf;
	r->row.fline = r->cur.fline;
	r->row.line = r->cur.line;
	*rowp = &r->row;
	return count_row(r, err);
}

void
csvread_set_max_rows(struct csvread *r, long n)
{
	r->max_rows = n;
}

long
csvread_max_rows(const struct csvread *r)
{
	return r->max_rows;
}

int
csvread_range(struct csvread *r, long start, long end, int delim, int enc,
    struct tn_error *err)
{
	if (start > 0) {
		if (fseek(r->fp, start, SEEK_SET) == -1) {
			tn_error_set(err, TN_INPUT, r->path, 0, 0, _("cannot "
			    "seek: %s"), strerror(errno));
			return -1;
		}
		r->delim = delim;
		csv_set_delim(&r->p, (unsigned char)delim);
		if (delim == '\t')
			csv_set_space_func(&r->p, space_only);
		special_init(r);
		r->enc = enc == 1252 ? ENC_1252 : enc == 8 ? ENC_UTF8 :
		    ENC_UNKNOWN;
		r->line = 1;		/* no header: the fast path at once */
	}
	r->left = end - start;
	return 0;
}

int
csvread_idle(const struct csvread *r)
{
	return r->eof && r->between && r->p.pstate == 0 && !r->p.quoted &&
	    r->qn == r->qhead && !r->toobig;
}

int
csvread_eof(const struct csvread *r)
{
	return r->eof;
}

int
csvread_encoding_seen(const struct csvread *r)
{
	return r->enc == ENC_1252 ? 1252 : r->enc == ENC_UTF8 ? 8 : 0;
}

const char *
csvread_path(const struct csvread *r)
{
	return r->path;
}

int
csvread_delim(const struct csvread *r)
{
	return r->delim;
}

int
csvread_encoding(const struct csvread *r)
{
	return r->enc == ENC_1252 ? 1252 : 8;
}

void
csvread_close(struct csvread *r)
{
	if (r == NULL)
		return;
	if (r->pinit)
		csv_free(&r->p);
	if (r->fp != NULL)
		fclose(r->fp);
	for (int i = r->qhead; i < r->qn; i++)
		pend_release(&r->q[i]);
	free(r->q);
	pend_release(&r->cur);
	buf_release(&r->lbuf);
	buf_release(&r->cbuf);
	buf_release(&r->arena);
	free(r->off);
	free(r->fline);
	free(r->rowf);
	free(r->rowlen);
	free(r->ff);
	free(r->ffline);
	free(r->fend);
	free(r->rbuf);
	free(r->path);
	free(r);
}

static int
spec_match(const char *spec, const char *name)
{
	const char	*p = spec + (*spec == '*'), *e;
	size_t		 n = strlen(name);

	for (; *p; p = *e ? e + 1 : e) {
		e = strchr(p, '|');
		if (e == NULL)
			e = p + strlen(p);
		if ((size_t)(e - p) == n && strncmp(p, name, n) == 0)
			return 1;
	}
	return 0;
}

int
csvread_columns(struct csvread *r, const struct csvrow *h,
    const char *const *spec, int nspec, int *where, unsigned char *known,
    struct tn_error *err)
{
	char	 name[128];
	size_t	 n;

	for (int i = 0; i < nspec; i++)
		where[i] = -1;
	for (int j = 0; j < h->n; j++) {
		header_norm(h->f[j], name, sizeof name);
		if (known != NULL)
			known[j] = 0;
		for (int i = 0; i < nspec; i++) {
			if (!spec_match(spec[i], name))
				continue;
			if (where[i] != -1) {
				tn_error_set(err, TN_INPUT, r->path, h->line,
				    j + 1, _("column '%s' appears twice (also "
				    "column %d), expected it once"), h->f[j],
				    where[i] + 1);
				return -1;
			}
			where[i] = j;
			if (known != NULL)
				known[j] = 1;
		}
	}
	for (int i = 0; i < nspec; i++) {
		if (spec[i][0] != '*' || where[i] != -1)
			continue;
		n = strcspn(spec[i] + 1, "|");
		tn_error_set(err, TN_INPUT, r->path, h->line, 1,
		    _("no column '%.*s' in the header, expected one named "
		    "'%.*s' (or an alias, see turnus-case(5))"), (int)n,
		    spec[i] + 1, (int)n, spec[i] + 1);
		return -1;
	}
	return 0;
}
