/* Errors: the library fills them, the CLI prints them. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "turnus/turnus.h"
#include "i18n.h"
#include "model.h"

void
tn_error_clear(struct tn_error *err)
{
	memset(err, 0, sizeof *err);
}

void
tn_error_set(struct tn_error *err, int level, const char *file, long line,
    long col, const char *fmt, ...)
{
	va_list	 ap;

	if (err == NULL)
		return;
	err->level = level;
	err->line = line;
	err->col = col;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
}

int
tn_oom(struct tn_error *err)
{
	tn_error_set(err, TN_INTERNAL, NULL, 0, 0, "%s", _("out of memory"));
	return -1;
}

int
tn_format_parse(const char *s, enum tn_format *f)
{
	static const char *const names[] = { "text", "csv", "json", "html" };

	for (int i = 0; i < 4; i++)
		if (strcmp(s, names[i]) == 0) {
			*f = (enum tn_format)i;
			return 0;
		}
	return -1;
}
