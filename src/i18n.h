/* Messages in the user's language: gettext, catalogue "turnus" (nb). */
#ifndef TURNUS_I18N_H
#define TURNUS_I18N_H

#include <libintl.h>

#define _(s)		gettext(s)
#define N_(s)		(s)		/* marked, translated where used */
#define P_(s, p, n)	ngettext((s), (p), (n))

#endif
