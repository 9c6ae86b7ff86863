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

/* The larger of w and the display width of s. */
int	 text_wider(int, const char *);

/* A table column: its heading (marked N_) and width (< 0: left). */
struct text_col {
	const char	*head;
	int		 w;
};

/*
 * A table's heading line: first padded to fw, then each column as wide
 * as its heading in the user's words or its width, whichever is more;
 * the widths into w, for text_cells() to print the rows under it.
 */
void	 text_heads(FILE *, const char *, int, const struct text_col *, int,
	    int *);
void	 text_cells(FILE *, const char *const *, const int *, int);

/* A number in the style's decimal mark. */
char	*style_num(char *, size_t, const struct tn_style *, double, int);

#endif
