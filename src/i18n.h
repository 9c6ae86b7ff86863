/* Messages in the user's language: gettext, catalogue "turnus" (nb). */
#ifndef TURNUS_I18N_H
#define TURNUS_I18N_H

#include <libintl.h>

#define TN_DOMAIN	"turnus"

/*
 * Marks for xgettext (make check-po).  English unless i18n_set_nb(1);
 * then the library's own domain, so a program that embeds the library
 * keeps its own.
 */
#define _(s)		i18n_gettext(s)
#define N_(s)		(s)		/* marked, translated where used */
#define P_(s, p, n)	i18n_ngettext((s), (p), (unsigned long)(n))
/* s in a context, where the same English needs other words ("met") */
#define C_(ctx, s)	i18n_gettext(ctx "\004" s)
#define NC_(ctx, s)	(ctx "\004" s)	/* C_ in a table: _() where used */

/* The translation of s, or s; of "ctx\004s", or the part after \004. */
const char	*i18n_gettext(const char *) __attribute__((format_arg(1)));
const char	*i18n_ngettext(const char *, const char *, unsigned long)
		    __attribute__((format_arg(1), format_arg(2)));

/*
 * Whether text for people is Norwegian: the messages and tables the
 * library builds are then translated, and their numbers get a decimal
 * comma (DESIGN §8, §9).  Set once by the CLI, when the user's language
 * is Norwegian (tn_lang_nb) and the nb catalogue is found; JSON and
 * plain CSV keep '.' whatever this says.
 */
void		 i18n_set_nb(int);
int		 i18n_nb(void);

/* Whether gettext finds the Norwegian catalogue of TN_DOMAIN. */
int		 i18n_catalogue_nb(void);

#endif
