/* The language of the text the library builds for people. */
#include <string.h>

#include "i18n.h"

static int	nb;

void
i18n_set_nb(int on)
{
	nb = on != 0;
}

int
i18n_nb(void)
{
	return nb;
}

const char *
i18n_gettext(const char *s)
{
	const char	*ctx = strchr(s, '\004'), *t;

	if (!nb)
		return ctx != NULL ? ctx + 1 : s;
	t = dgettext(TN_DOMAIN, s);
	return t == s && ctx != NULL ? ctx + 1 : t;
}

const char *
i18n_ngettext(const char *s, const char *p, unsigned long n)
{
	return nb ? dngettext(TN_DOMAIN, s, p, n) : n == 1 ? s : p;
}

/* The header of the catalogue in use names its language. */
int
i18n_catalogue_nb(void)
{
	static const char empty[] = "";
	const char	*h = dgettext(TN_DOMAIN, empty);

	return h != empty && strstr(h, "Language: nb") != NULL;
}
