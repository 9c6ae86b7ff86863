/* Allocation, buffers, a string map, and the printing helpers. */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"

static long	alloc_countdown = -1;

long
tn_alloc_fail_after(long n)
{
	long	 left = alloc_countdown;

	alloc_countdown = n;
	return left;
}

static int
alloc_fails(void)
{
	if (alloc_countdown < 0)
		return 0;
	if (alloc_countdown == 0)
		return 1;
	alloc_countdown--;
	return 0;
}

void *
tn_malloc(size_t n)
{
	return alloc_fails() ? NULL : malloc(n ? n : 1);
}

void *
tn_calloc(size_t n, size_t size)
{
	return alloc_fails() ? NULL : calloc(n ? n : 1, size ? size : 1);
}

void *
tn_realloc(void *p, size_t n)
{
	return alloc_fails() ? NULL : realloc(p, n ? n : 1);
}

char *
tn_strndup(const char *s, size_t n)
{
	char	*p;

	if ((p = tn_malloc(n + 1)) == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
tn_strdup(const char *s)
{
	return s == NULL ? NULL : tn_strndup(s, strlen(s));
}

int
grow(void *pp, int *cap, int need, size_t size)
{
	void	**p = pp;
	void	 *np;
	int	  ncap;

	if (need <= *cap)
		return 0;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > INT32_MAX / 2)
			return -1;
		ncap *= 2;
	}
	if ((np = tn_realloc(*p, (size_t)ncap * size)) == NULL)
		return -1;
	*p = np;
	*cap = ncap;
	return 0;
}

void
buf_add(struct buf *b, const char *s, size_t n)
{
	char	*p;
	size_t	 cap;

	if (b->oom)
		return;
	if (b->len + n + 1 > b->cap) {
		cap = b->cap ? b->cap : 64;
		while (cap < b->len + n + 1)
			cap *= 2;
		if ((p = tn_realloc(b->s, cap)) == NULL) {
			b->oom = 1;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	char	 tmp[512];
	va_list	 ap;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_add(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

void
buf_release(struct buf *b)
{
	free(b->s);
	memset(b, 0, sizeof *b);
}

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

int
hmap_get(const struct hmap *m, const char *key)
{
	size_t	 i;

	if (m->cap == 0)
		return -1;
	for (i = hash(key) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strcmp(m->keys[i], key) == 0)
			return m->vals[i];
	return -1;
}

static int
hmap_rehash(struct hmap *m)
{
	struct hmap	 n = { 0 };
	size_t		 i, j;

	n.cap = m->cap ? m->cap * 2 : 64;
	n.keys = tn_calloc(n.cap, sizeof *n.keys);
	n.vals = tn_calloc(n.cap, sizeof *n.vals);
	if (n.keys == NULL || n.vals == NULL) {
		free(n.keys);
		free(n.vals);
		return -1;
	}
	for (i = 0; i < m->cap; i++) {
		if (m->keys[i] == NULL)
			continue;
		for (j = hash(m->keys[i]) & (n.cap - 1); n.keys[j] != NULL;
		    j = (j + 1) & (n.cap - 1))
			;
		n.keys[j] = m->keys[i];
		n.vals[j] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	n.n = m->n;
	*m = n;
	return 0;
}

int
hmap_put(struct hmap *m, const char *key, int val)
{
	size_t	 i;

	if ((m->n + 1) * 2 > m->cap && hmap_rehash(m) == -1)
		return -1;
	for (i = hash(key) & (m->cap - 1); m->keys[i] != NULL;
	    i = (i + 1) & (m->cap - 1)) {
		if (strcmp(m->keys[i], key) == 0) {
			m->vals[i] = val;
			return 0;
		}
	}
	if ((m->keys[i] = tn_strdup(key)) == NULL)
		return -1;
	m->vals[i] = val;
	m->n++;
	return 0;
}

void
hmap_release(struct hmap *m)
{
	size_t	 i;

	for (i = 0; i < m->cap; i++)
		free(m->keys[i]);
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

char *
fmt_num(char *buf, size_t sz, double v, int decimals, int comma)
{
	char	*p;

	if (v > -0.5e-9 && v < 0.5e-9)
		v = 0.0;		/* no "-0.00" */
	snprintf(buf, sz, "%.*f", decimals, v);
	if (comma && (p = strchr(buf, '.')) != NULL)
		*p = ',';
	return buf;
}

char *
fmt_hours(char *buf, size_t sz, int minutes, int comma)
{
	return fmt_num(buf, sz, minutes / 60.0, 2, comma);
}

char *
fmt_clock(char *buf, size_t sz, int minutes)
{
	minutes = ((minutes % 1440) + 1440) % 1440;
	snprintf(buf, sz, "%02d:%02d", minutes / 60, minutes % 60);
	return buf;
}

char *
fmt_ordinal(char *buf, size_t sz, int n)
{
	/* TRANSLATORS: the ending of an ordinal number (1st, 2nd, 3rd, 4th) */
	snprintf(buf, sz, "%d%s", n, n % 100 / 10 == 1 ? C_("ordinal", "th") :
	    n % 10 == 1 ? C_("ordinal", "st") : n % 10 == 2 ?
	    C_("ordinal", "nd") : n % 10 == 3 ? C_("ordinal", "rd") :
	    C_("ordinal", "th"));
	return buf;
}

char *
fmt_date(char *buf, size_t sz, long day, int iso)
{
	int	 y, m, d;

	date_to_ymd(day, &y, &m, &d);
	if (iso)
		snprintf(buf, sz, "%04d-%02d-%02d", y, m, d);
	else
		snprintf(buf, sz, "%02d.%02d.%04d", d, m, y);
	return buf;
}

size_t
utf8_width(const char *s)
{
	size_t	 w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

/* Windows-1252 bytes 0x80..0x9F as Unicode; 0 where undefined. */
static const unsigned short cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* Appends code point c, UTF-8 encoded. */
void
buf_add_utf8(struct buf *b, unsigned c)
{
	char	 u[4];

	if (c < 0x80) {
		u[0] = (char)c;
		buf_add(b, u, 1);
	} else if (c < 0x800) {
		u[0] = (char)(0xC0 | c >> 6);
		u[1] = (char)(0x80 | (c & 0x3F));
		buf_add(b, u, 2);
	} else if (c < 0x10000) {
		u[0] = (char)(0xE0 | c >> 12);
		u[1] = (char)(0x80 | (c >> 6 & 0x3F));
		u[2] = (char)(0x80 | (c & 0x3F));
		buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xF0 | c >> 18);
		u[1] = (char)(0x80 | (c >> 12 & 0x3F));
		u[2] = (char)(0x80 | (c >> 6 & 0x3F));
		u[3] = (char)(0x80 | (c & 0x3F));
		buf_add(b, u, 4);
	}
}

int
buf_add_1252(struct buf *b, const char *s, size_t n, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t	 i, k;

	for (i = 0; i < n; i++) {
		if (u[i] < 0x80) {
			for (k = i; k < n && u[k] < 0x80; k++)
				;
			buf_add(b, s + i, k - i);
			i = k - 1;
		} else if (u[i] < 0xA0) {
			if (cp1252[u[i] - 0x80] == 0) {
				*bad = i;
				return -1;
			}
			buf_add_utf8(b, cp1252[u[i] - 0x80]);
		} else
			buf_add_utf8(b, u[i]);
	}
	return 0;
}

int
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	int	 k;
	unsigned cp;

	while (p < e) {
		if (*p < 0x80) {
			p++;
			continue;
		}
		if ((*p & 0xE0) == 0xC0) {
			k = 1;
			cp = *p & 0x1F;
		} else if ((*p & 0xF0) == 0xE0) {
			k = 2;
			cp = *p & 0x0F;
		} else if ((*p & 0xF8) == 0xF0) {
			k = 3;
			cp = *p & 0x07;
		} else
			return 0;
		if (e - p <= k)
			return 0;
		for (int i = 1; i <= k; i++) {
			if ((p[i] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (p[i] & 0x3F);
		}
		if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) ||
		    (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		p += k + 1;
	}
	return 1;
}

void
json_str(FILE *fp, const char *s)
{
	putc('"', fp);
	for (; s != NULL && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(fp, "\\%c", c);
		else if (c == '\n')
			fputs("\\n", fp);
		else if (c == '\t')
			fputs("\\t", fp);
		else if (c == '\r')
			fputs("\\r", fp);
		else if (c < 0x20 || c == 0x7F)
			fprintf(fp, "\\u%04x", c);
		else
			putc(c, fp);
	}
	putc('"', fp);
}

void
html_str(FILE *fp, const char *s)
{
	for (; s != NULL && *s; s++) {
		switch (*s) {
		case '<':
			fputs("&lt;", fp);
			break;
		case '>':
			fputs("&gt;", fp);
			break;
		case '&':
			fputs("&amp;", fp);
			break;
		case '"':
			fputs("&quot;", fp);
			break;
		case '\'':
			fputs("&#39;", fp);
			break;
		default:
			putc(*s, fp);
		}
	}
}
