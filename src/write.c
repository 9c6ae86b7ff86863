/* Helpers for the writers: CSV for Excel, text for the terminal. */
#include <string.h>

#include "turnus/turnus.h"
#include "i18n.h"
#include "util.h"
#include "write.h"

void
csv_begin(FILE *fp, const struct tn_style *st)
{
	if (!st->csv_plain)
		fputs("\xEF\xBB\xBF", fp);
}

static int
delim(const struct tn_style *st)
{
	return st->csv_plain ? ',' : ';';
}

/*
 * A text cell.  One that a spreadsheet would run as a formula (it starts
 * with = + - @ TAB or CR) gets a leading apostrophe, as OWASP advises.
 */
void
csv_cell(FILE *fp, const struct tn_style *st, const char *s, int first)
{
	int	 formula, quote;

	if (!first)
		putc(delim(st), fp);
	if (s == NULL)
		return;
	formula = strchr("=+-@\t\r", s[0]) != NULL && s[0] != '\0';
	quote = formula || strpbrk(s, "\";,\r\n\t") != NULL ||
	    s[0] == ' ' || (s[0] && s[strlen(s) - 1] == ' ');
	if (!quote) {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	if (formula)
		putc('\'', fp);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', fp);
		putc(*s, fp);
	}
	putc('"', fp);
}

char *
style_num(char *b, size_t sz, const struct tn_style *st, double v, int dec)
{
	return fmt_num(b, sz, v, dec, st->decimal_comma);
}

void
csv_num(FILE *fp, const struct tn_style *st, double v, int dec, int first)
{
	char	 b[64];

	if (!first)
		putc(delim(st), fp);
	fputs(fmt_num(b, sizeof b, v, dec, !st->csv_plain), fp);
}

void
csv_int(FILE *fp, const struct tn_style *st, long v, int first)
{
	if (!first)
		putc(delim(st), fp);
	fprintf(fp, "%ld", v);
}

void
csv_end(FILE *fp)
{
	fputs("\r\n", fp);
}

void
text_pad(FILE *fp, const char *s, int width)
{
	int	 w = (int)utf8_width(s);

	fputs(s, fp);
	for (; w < width; w++)
		putc(' ', fp);
}

void
text_rpad(FILE *fp, const char *s, int width)
{
	for (int w = (int)utf8_width(s); w < width; w++)
		putc(' ', fp);
	fputs(s, fp);
}

int
text_wider(int w, const char *s)
{
	int	 n = (int)utf8_width(s);

	return n > w ? n : w;
}

void
text_heads(FILE *fp, const char *first, int fw, const struct text_col *cols,
    int n, int *w)
{
	text_pad(fp, first, fw);
	for (int i = 0; i < n; i++) {
		const char *h = _(cols[i].head);

		w[i] = text_wider(cols[i].w < 0 ? -cols[i].w : cols[i].w, h);
		putc(' ', fp);
		if (cols[i].w < 0)
			text_pad(fp, h, i == n - 1 ? 0 : w[i]);
		else
			text_rpad(fp, h, w[i]);
		w[i] = cols[i].w < 0 ? -w[i] : w[i];
	}
	putc('\n', fp);
}

void
text_cells(FILE *fp, const char *const *cell, const int *w, int n)
{
	for (int i = 0; i < n; i++) {
		putc(' ', fp);
		if (w[i] < 0)
			text_pad(fp, cell[i], i == n - 1 ? 0 : -w[i]);
		else
			text_rpad(fp, cell[i], w[i]);
	}
	putc('\n', fp);
}

/*
 * Bytes of s that fit in cols display columns, broken at a blank that
 * is not inside [brackets] (a citation such as [AML § 10-8 (2)]) nor
 * before a '%' (a number keeps its unit: "50 %").
 */
static size_t
fit(const char *s, int cols)
{
	size_t	 i = 0, last = 0;
	int	 w = 0, in = 0;

	for (; s[i] != '\0'; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80) {
			if (w == cols)
				break;
			w++;
		}
		if (s[i] == '[')
			in = 1;
		else if (s[i] == ']')
			in = 0;
		else if (s[i] == ' ' && !in && s[i + 1] != '%')
			last = i;
	}
	if (s[i] == '\0')
		return i;
	return last > 0 ? last : i;
}

void
text_wrap(FILE *fp, const char *s, int first_col, int indent, int width)
{
	int	 col = first_col;
	size_t	 n;

	for (;;) {
		n = fit(s, width - col > 10 ? width - col : 10);
		fwrite(s, 1, n, fp);
		putc('\n', fp);
		s += n;
		while (*s == ' ')
			s++;
		if (*s == '\0')
			return;
		fprintf(fp, "%*s", indent, "");
		col = indent;
	}
}
