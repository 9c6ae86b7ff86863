/* HTML pages: one self-contained file, and the roster grid in it. */
#ifndef TURNUS_HTML_H
#define TURNUS_HTML_H

#include <stdio.h>

struct tn_case;
struct tn_findings;

/* Starts a page (inline CSS, A4 landscape print) titled title. */
void	 html_begin(FILE *, const char *, const char *);
void	 html_end(FILE *);

/*
 * The roster as a grid of persons × days: shift codes coloured by kind,
 * weekends shaded, long shifts marked, and each finding of f (may be
 * NULL) highlighted on its cells with its message on hover.  Returns
 * -1 out of memory.
 */
int	 html_roster(FILE *, const struct tn_case *, const struct tn_findings *);

/* The findings as a table. */
void	 html_findings(FILE *, const struct tn_case *,
	    const struct tn_findings *);

#endif
