/* The report as one self-contained HTML page: dashboard and roster. */
#include <stdio.h>

#include "turnus/report.h"
#include "report-int.h"
#include "util.h"

int	report_write_html(const struct tn_report *, const struct tn_style *,
	    FILE *);

int
report_write_html(const struct tn_report *r, const struct tn_style *st,
    FILE *fp)
{
	(void)st;
	fputs("<!DOCTYPE html><html><body>", fp);
	html_str(fp, tn_report_name(r));
	fputs("</body></html>\n", fp);
	return 0;
}
