/* Writers' helpers: Excel-safe CSV cells, wrapped text. */
#ifndef TURNUS_WRITE_H
#define TURNUS_WRITE_H

#include <stdio.h>

struct tn_style;

/* CSV as DESIGN §8: ';', decimal comma and a BOM, or plain. */
void	 csv_begin(FILE *, const struct tn_style *);
void	 csv_cell(FILE *, const struct tn_style *, const char *, int);
void	 csv_num(FILE *, const struct tn_style *, double, int, int);
void	 csv_int(FILE *, const struct tn_style *, long, int);
void	 csv_end(FILE *);

/* Prints text wrapped at width, continuation lines indented by indent. */
void	 text_wrap(FILE *, const char *, int, int, int);

/* Left-aligned cell padded to width display columns (UTF-8 aware). */
void	 text_pad(FILE *, const char *, int);
void	 text_rpad(FILE *, const char *, int);	/* right-aligned */

/* A number in the style's decimal mark. */
char	*style_num(char *, size_t, const struct tn_style *, double, int);

#endif
