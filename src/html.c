/* HTML: the page frame (inline CSS) and the roster grid with findings. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "findings.h"
#include "html.h"
#include "i18n.h"
#include "model.h"
#include "util.h"

static const char css[] =
"body{font:13px/1.35 system-ui,sans-serif;margin:1.5em;color:#222}"
"h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.2em;margin:1.4em 0 .4em}"
"table{border-collapse:collapse}"
"td,th{border:1px solid #ccc;padding:2px 5px;text-align:left}"
"th{background:#eee}td.n,th.n{text-align:right}"
".figs td.n{font-variant-numeric:tabular-nums}"
".met{color:#176b2c;font-weight:600}.notmet{color:#a01010;font-weight:600}"
".legend span{display:inline-block;padding:1px 6px;margin-right:6px;"
"border:1px solid #bbb}"
"table.roster{font-size:11px}table.roster td,table.roster th{padding:1px 2px;"
"min-width:1.6em;text-align:center}"
"table.roster td.who,table.roster th.who{text-align:left;white-space:nowrap}"
"table.roster tr.dept th{text-align:left;background:#dde}"
"th.we{background:#d8d8d8}td.we{background-color:#f1f1f1}"
".day{background:#cfe6ff}.eve{background:#ffe0b0}.night{background:#d9cff5}"
".off{background:#f4f4f4;color:#888}"
"td.we.day,td.we.eve,td.we.night{background-image:linear-gradient("
"rgba(0,0,0,.07),rgba(0,0,0,.07))}"
".long{font-weight:700;box-shadow:inset 0 -3px 0 #333}"
"td.fnd,td.who.fnd{background:#ffcfcf;outline:2px solid #c00;"
"outline-offset:-2px;cursor:help}"
"tr.finding td{vertical-align:top}"
"svg{max-width:100%;height:auto}svg text{font:12px system-ui,sans-serif}"
"@page{size:A4 landscape;margin:10mm}"
"@media print{body{margin:0;font-size:10px}table.roster{font-size:8px}"
"h2{break-after:avoid}tr{break-inside:avoid}"
"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}";

void
html_begin(FILE *fp, const char *what, const char *title)
{
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\"><head>"
	    "<meta charset=\"utf-8\">"
	    "<meta name=\"viewport\" content=\"width=device-width\">"
	    "<title>", i18n_nb() ? "nb" : "en");
	html_str(fp, what);
	fputs(": ", fp);
	html_str(fp, title);
	fprintf(fp, "</title>\n<style>%s</style></head>\n<body>\n", css);
}

void
html_end(FILE *fp)
{
	fputs("</body></html>\n", fp);
}

/* A finding on a cell of the grid: row (or cover row), column. */
struct mark {
	long	 cell;
	int	 f;
};

static int
mark_cmp(const void *a, const void *b)
{
	const struct mark *x = a, *y = b;

	if (x->cell != y->cell)
		return x->cell < y->cell ? -1 : 1;
	return x->f - y->f;
}

/* Whether any row of person pid has a shift on day d. */
static int
worked(const struct tn_case *c, int pid, int d)
{
	for (int i = 0; i < c->npersons; i++)
		if (c->persons[i].pid == pid && c->persons[i].cell[d] != NO_SHIFT)
			return 1;
	return 0;
}

/*
 * Marks a person's finding on every row of that person (the same id in
 * several departments): on the days it names where the row has a shift,
 * on the finding's own row always.
 */
static int
add_rows(const struct tn_case *c, const struct tn_finding *x, int fi,
    struct mark **m, int *n, int *cap)
{
	int	 pid = c->persons[x->person].pid, W = c->ndays + 1;

	for (int i = 0; i < c->npersons; i++) {
		if (c->persons[i].pid != pid)
			continue;
		if (grow(m, cap, *n + x->ndays + 1, sizeof **m) == -1)
			return -1;
		if (x->ndays == 0 && i == x->person) {
			(*m)[*n].cell = (long)i * W;
			(*m)[(*n)++].f = fi;
		}
		for (int d = 0; d < x->ndays; d++) {
			if (x->days[d] < 0 || x->days[d] >= c->ndays ||
			    (c->persons[i].cell[x->days[d]] == NO_SHIFT &&
			    (i != x->person || worked(c, pid, x->days[d]))))
				continue;
			(*m)[*n].cell = (long)i * W + x->days[d] + 1;
			(*m)[(*n)++].f = fi;
		}
	}
	return 0;
}

/*
 * The grid's cells with findings, sorted.  Rows are persons, then one
 * cover row per department; column 0 is the name, day d is column d + 1.
 */
static struct mark *
marks_build(const struct tn_case *c, const struct tn_findings *f, int *np)
{
	struct mark	*m = NULL;
	int		 n = 0, cap = 0, W = c->ndays + 1;

	for (int i = 0; f != NULL && i < f->n; i++) {
		const struct tn_finding *x = &f->v[i];
		long row = x->person >= 0 ? x->person : c->npersons + x->dept;
		int k = x->ndays > 0 ? x->ndays : 1;

		if (grow(&m, &cap, n + k, sizeof *m) == -1) {
			free(m);
			*np = 0;
			return NULL;
		}
		if (x->person >= 0 && add_rows(c, x, i, &m, &n, &cap) == -1) {
			free(m);
			*np = 0;
			return NULL;
		}
		for (int d = 0; d < k && x->person < 0; d++) {
			int col = x->ndays > 0 ? x->days[d] + 1 : 0;

			if (col < 0 || col > c->ndays)
				continue;
			m[n].cell = row * W + col;
			m[n++].f = i;
		}
	}
	if (n > 0)
		qsort(m, (size_t)n, sizeof *m, mark_cmp);
	*np = n;
	return m;
}

/* Opens a cell's tag; a cell with findings gets them as its title. */
static void
cell_open(FILE *fp, const char *tag, const char *cls, long cell,
    const struct mark *m, int n, int *k, const struct tn_findings *f)
{
	int	 any;

	while (*k < n && m[*k].cell < cell)
		(*k)++;
	any = *k < n && m[*k].cell == cell;
	fprintf(fp, "<%s class=\"%s%s\"", tag, cls, any ? " fnd" : "");
	if (any) {
		fputs(" title=\"", fp);
		for (int j = *k; j < n && m[j].cell == cell; j++) {
			if (j > *k && m[j].f == m[j - 1].f)
				continue;
			if (j > *k)
				fputs("&#10;", fp);
			html_str(fp, rule_key(f->v[m[j].f].rule));
			fputs(": ", fp);
			html_str(fp, f->v[m[j].f].msg);
		}
		putc('"', fp);
	}
	putc('>', fp);
}

static const char *
kind(const struct tn_shift *s)
{
	if (s->off)
		return "off";
	if (s->night >= 180 || s->start >= 20 * 60 || s->start < 5 * 60)
		return "night";
	return s->start < 12 * 60 ? "day" : "eve";
}

static void
roster_head(FILE *fp, const struct tn_case *c)
{
	static const char *const wd[7] = { N_("Mo"), N_("Tu"), N_("We"),
	    N_("Th"), N_("Fr"), N_("Sa"), N_("Su") };
	char	 b[32];

	fputs("<thead><tr><th class=\"who\">", fp);
	html_str(fp, _("Person"));
	fputs("</th><th class=\"n\">%</th>", fp);
	for (int d = 0; d < c->ndays; d++) {
		int w = case_weekday(c, d);

		if (c->first_date >= 0)
			fmt_date(b, sizeof b, c->first_date + d, 0)[5] = '\0';
		else
			snprintf(b, sizeof b, "%d", d + 1);
		fprintf(fp, "<th%s>%s<br>", w >= 5 ? " class=\"we\"" : "", b);
		html_str(fp, _(wd[w]));
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n", fp);
}

static void
roster_person(FILE *fp, const struct tn_case *c, int i,
    const struct tn_findings *f, const struct mark *m, int n, int *k)
{
	const struct tn_person *p = &c->persons[i];
	long	 W = c->ndays + 1;
	char	 b[32], cls[48];

	fputs("<tr>", fp);
	cell_open(fp, "td", "who", i * W, m, n, k, f);
	html_str(fp, p->id);
	if (p->name != NULL) {
		fputs(" ", fp);
		html_str(fp, p->name);
	}
	fprintf(fp, "</td><td class=\"n\">%s</td>", p->pos_pct == p->pos_pct ?
	    fmt_num(b, sizeof b, p->pos_pct, p->pos_pct == (int)p->pos_pct ?
	    0 : 1, i18n_nb()) : "");
	for (int d = 0; d < c->ndays; d++) {
		const struct tn_shift *s = p->cell[d] == NO_SHIFT ? NULL :
		    &c->shifts[p->cell[d]];

		snprintf(cls, sizeof cls, "%s%s%s", case_weekday(c, d) >= 5 ?
		    "we " : "", s ? kind(s) : "", s && !s->off &&
		    s->len >= c->rules.long_shift_min ? " long" : "");
		cell_open(fp, "td", cls, i * W + d + 1, m, n, k, f);
		if (s != NULL)
			html_str(fp, s->code);
		fputs("</td>", fp);
	}
	fputs("</tr>\n", fp);
}

/* A department's cover row, when the check found cover missing. */
static void
roster_cover(FILE *fp, const struct tn_case *c, int dept,
    const struct tn_findings *f, const struct mark *m, int n, int *k)
{
	long	 W = c->ndays + 1, row = c->npersons + dept;
	int	 j = *k;

	while (j < n && m[j].cell < row * W)
		j++;
	if (j == n || m[j].cell >= (row + 1) * W)
		return;
	fputs("<tr><td class=\"who\">", fp);
	html_str(fp, _("cover"));
	fputs("</td><td></td>", fp);
	for (int d = 0; d < c->ndays; d++) {
		cell_open(fp, "td", case_weekday(c, d) >= 5 ? "we" : "",
		    row * W + d + 1, m, n, k, f);
		fputs("</td>", fp);
	}
	fputs("</tr>\n", fp);
}

static void
legend(FILE *fp)
{
	static const char *const span[][2] = {
		{ "class=\"day\"", N_("day") },
		{ "class=\"eve\"", N_("evening") },
		{ "class=\"night\"", N_("night") },
		{ "class=\"off\"", N_("off") },
		{ "class=\"day long\"", N_("long shift") },
		{ "style=\"background:#d8d8d8\"", N_("weekend") },
		{ "class=\"fnd\" style=\"background:#ffcfcf;outline:2px solid "
		    "#c00\"", N_("finding (hover for the message)") },
	};

	fputs("<p class=\"legend\">", fp);
	for (size_t i = 0; i < nitems(span); i++) {
		fprintf(fp, "<span %s>", span[i][0]);
		html_str(fp, _(span[i][1]));
		fputs("</span>", fp);
	}
	fputs("</p>\n", fp);
}

int
html_roster(FILE *fp, const struct tn_case *c, const struct tn_findings *f)
{
	struct mark	*m;
	int		 n, k = 0;

	if ((m = marks_build(c, f, &n)) == NULL && f != NULL && f->n > 0)
		return -1;
	legend(fp);
	fputs("<table class=\"roster\">\n", fp);
	roster_head(fp, c);
	fputs("<tbody>\n", fp);
	for (int dept = 0; dept < c->ndepts; dept++) {
		fprintf(fp, "<tr class=\"dept\"><th colspan=\"%d\">",
		    c->ndays + 2);
		html_str(fp, c->depts[dept]);
		fputs("</th></tr>\n", fp);
		k = 0;
		for (int i = 0; i < c->npersons; i++)
			if (c->persons[i].dept == dept)
				roster_person(fp, c, i, f, m, n, &k);
		roster_cover(fp, c, dept, f, m, n, &k);
	}
	fputs("</tbody></table>\n", fp);
	free(m);
	return 0;
}

void
html_findings(FILE *fp, const struct tn_case *c, const struct tn_findings *f)
{
	static const char *const head[] = { N_("rule"), N_("id"),
	    N_("name"), N_("department"), N_("days"), N_("message") };

	fputs("<table class=\"findings\"><thead><tr>", fp);
	for (size_t i = 0; i < nitems(head); i++) {
		fputs("<th>", fp);
		html_str(fp, _(head[i]));
		fputs("</th>", fp);
	}
	fputs("</tr></thead><tbody>\n", fp);
	for (int i = 0; f != NULL && i < f->n; i++) {
		const struct tn_finding *x = &f->v[i];
		const struct tn_person *p = x->person >= 0 ?
		    &c->persons[x->person] : NULL;

		fputs("<tr class=\"finding\"><td>", fp);
		html_str(fp, rule_key(x->rule));
		fputs("</td><td>", fp);
		html_str(fp, p ? p->id : "");
		fputs("</td><td>", fp);
		html_str(fp, p && p->name ? p->name : "");
		fputs("</td><td>", fp);
		html_str(fp, c->depts[x->dept]);
		fputs("</td><td>", fp);
		for (int d = 0; d < x->ndays; d++)
			fprintf(fp, "%s%d", d ? " " : "", x->days[d] + 1);
		fputs("</td><td>", fp);
		html_str(fp, x->msg);
		fputs("</td></tr>\n", fp);
	}
	fputs("</tbody></table>\n", fp);
}
