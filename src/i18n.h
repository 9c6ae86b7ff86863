/* Messages in the user's language: gettext, catalogue "turnus" (nb). */
#ifndef TURNUS_I18N_H
#define TURNUS_I18N_H

#include <libintl.h>

#define TN_DOMAIN	"turnus"

/* The library's own domain, so a program that embeds it keeps its own. */
#define _(s)		dgettext(TN_DOMAIN, s)
#define N_(s)		(s)		/* marked, translated where used */
#define P_(s, p, n)	dngettext(TN_DOMAIN, (s), (p), (unsigned long)(n))
/* s in a context, where the same English needs other words ("met") */
#define C_(ctx, s)	i18n_pgettext(ctx "\004" s, s)

const char *i18n_pgettext(const char *, const char *);

/*
 * Whether text for people is Norwegian: numbers in the messages and
 * tables the library builds then get a decimal comma (DESIGN §8, §9).
 * Set once by the CLI, from the catalogue it found; JSON and plain CSV
 * keep '.' whatever this says.
 */
void	 i18n_set_nb(int);
int	 i18n_nb(void);

/* Whether the catalogue in use is the Norwegian one. */
int	 i18n_catalogue_nb(void);

#endif
