/* The report as one self-contained HTML page: dashboard and roster. */
#include <stdio.h>
#include <string.h>

#include "turnus/report.h"
#include "findings.h"
#include "html.h"
#include "i18n.h"
#include "model.h"
#include "report-int.h"
#include "util.h"

int	report_write_html(const struct tn_report *, const struct tn_style *,
	    FILE *);

#define LABEL_W	170		/* SVG: the names' column */
#define BAR_W	420
#define ROW_H	26

static const char *const band_colour[TN_REPORT_MAX_BANDS] = {
	"#e4572e", "#f3a712", "#a8c686", "#2e8540", "#1b5e20", "#0d3b13",
	"#08260c", "#041506", "#000"
};

static const struct tn_measures *
row_of(const struct tn_report *r, int i)
{
	return i < tn_report_ndepts(r) ? tn_report_dept(r, i) :
	    tn_report_total(r);
}

static const char *
label(const struct tn_measures *m)
{
	return m->department ? m->department : _("Total");
}

/* A number as the page's language writes it. */
static char *
num(char *b, size_t sz, double v, int decimals)
{
	return fmt_num(b, sz, v, decimals, i18n_nb());
}

static char *
pct(char *b, size_t sz, double share)
{
	return num(b, sz, 100.0 * share, 1);
}

static void
svg_open(FILE *fp, int rows, const char *title)
{
	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
	    "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\"><title>",
	    LABEL_W + BAR_W + 330, rows * ROW_H + 24, LABEL_W + BAR_W + 330,
	    rows * ROW_H + 24);
	html_str(fp, title);
	fputs("</title>\n", fp);
}

static void
svg_label(FILE *fp, int y, const struct tn_measures *m)
{
	fprintf(fp, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\"%s>",
	    LABEL_W - 8, y + 17, m->department ? "" : " font-weight=\"700\"");
	html_str(fp, label(m));
	fputs("</text>", fp);
}

/* Full-time share per department, with the target as a line. */
static void
svg_share(FILE *fp, const struct tn_report *r)
{
	int	 n = tn_report_ndepts(r) + 1;
	char	 a[32], b[64];

	svg_open(fp, n, _("Full-time share against the target"));
	for (int i = 0; i < n; i++) {
		const struct tn_measures *m = row_of(r, i);
		int y = 4 + i * ROW_H;
		double w = BAR_W * m->full_time_share, t = BAR_W * m->target;

		svg_label(fp, y, m);
		fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"18\" "
		    "fill=\"#eee\"/><rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
		    "height=\"18\" fill=\"%s\"/><line x1=\"%.1f\" x2=\"%.1f\" "
		    "y1=\"%d\" y2=\"%d\" stroke=\"#c00\" stroke-width=\"2\" "
		    "stroke-dasharray=\"4 2\"/>", LABEL_W, y + 2, BAR_W,
		    LABEL_W, y + 2, w, m->meets_target ? "#2e8540" : "#f3a712",
		    LABEL_W + t, LABEL_W + t, y, y + 22);
		if (m->meets_target)
			snprintf(b, sizeof b, "%s", _("met"));
		else
			snprintf(b, sizeof b, _("%d more needed"),
			    m->needed_for_target);
		fprintf(fp, "<text x=\"%d\" y=\"%d\">", LABEL_W + BAR_W + 8,
		    y + 17);
		fprintf(fp, _("%s %% (%d of %d) %s"), pct(a, sizeof a,
		    m->full_time_share), m->full_time, m->headcount, b);
		fputs("</text>\n", fp);
	}
	fputs("</svg>\n", fp);
}

/* Persons per position band, as stacked bars. */
static void
svg_bands(FILE *fp, const struct tn_report *r)
{
	int	 n = tn_report_ndepts(r) + 1;
	int	 nb = tn_report_total(r)->nbands;

	svg_open(fp, n + 1, _("Persons per position band"));
	for (int i = 0; i < n; i++) {
		const struct tn_measures *m = row_of(r, i);
		int y = 4 + i * ROW_H;
		double x = LABEL_W;

		svg_label(fp, y, m);
		for (int b = 0; b < nb && m->headcount > 0; b++) {
			double w = (double)BAR_W * m->bands[b] / m->headcount;

			if (m->bands[b] == 0)
				continue;
			fprintf(fp, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" "
			    "height=\"18\" fill=\"%s\"><title>", x, y + 2, w,
			    band_colour[b]);
			html_str(fp, report_band_label(r, b));
			fprintf(fp, ": %d</title></rect>", m->bands[b]);
			if (w >= 18)
				fprintf(fp, "<text x=\"%.1f\" y=\"%d\" "
				    "fill=\"#fff\" text-anchor=\"middle\">%d"
				    "</text>", x + w / 2, y + 16, m->bands[b]);
			x += w;
		}
		fputc('\n', fp);
	}
	for (int b = 0, x = LABEL_W; b < nb; b++, x += 100) {
		fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" "
		    "fill=\"%s\"/><text x=\"%d\" y=\"%d\">", x, 8 + n * ROW_H,
		    band_colour[b], x + 16, 18 + n * ROW_H);
		html_str(fp, report_band_label(r, b));
		fputs("</text>", fp);
	}
	fputs("</svg>\n", fp);
}

/* Worked weekends per person, and the share of long weekend shifts. */
static void
svg_weekends(FILE *fp, const struct tn_report *r)
{
	int	 n = tn_report_ndepts(r) + 1;
	double	 top = 0;
	char	 a[32], b[32];

	for (int i = 0; i < n; i++)
		if (row_of(r, i)->avg_weekends_worked > top)
			top = row_of(r, i)->avg_weekends_worked;
	svg_open(fp, n, _("Weekend burden"));
	for (int i = 0; i < n; i++) {
		const struct tn_measures *m = row_of(r, i);
		int y = 4 + i * ROW_H;
		double w = top > 0 ? BAR_W * m->avg_weekends_worked / top : 0;

		svg_label(fp, y, m);
		fprintf(fp, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"9\" "
		    "fill=\"#5b7db1\"/><rect x=\"%d\" y=\"%d\" width=\"%.1f\" "
		    "height=\"9\" fill=\"#9b59b6\"/>", LABEL_W, y + 2, w,
		    LABEL_W, y + 11, BAR_W * m->long_weekend_share);
		fprintf(fp, "<text x=\"%d\" y=\"%d\">", LABEL_W + BAR_W + 8,
		    y + 17);
		fprintf(fp, _("%s weekends, %s %% long, %d over the limit"),
		    num(a, sizeof a, m->avg_weekends_worked, 2),
		    pct(b, sizeof b, m->long_weekend_share),
		    m->over_weekend_limit);
		fputs("</text>\n", fp);
	}
	fputs("</svg>\n<p class=\"legend\"><span style=\"background:#5b7db1;"
	    "color:#fff\">", fp);
	html_str(fp, _("worked weekends per person per rotation"));
	fputs("</span><span style=\"background:#9b59b6;color:#fff\">", fp);
	html_str(fp, _("share of weekend shifts that are long"));
	fputs("</span></p>\n", fp);
}

static void
td_num(FILE *fp, const char *key, const char *v)
{
	fprintf(fp, "<td class=\"n\" data-key=\"%s\">%s</td>", key, v);
}

static void
figures_row(FILE *fp, const struct tn_measures *m)
{
	char	 b[64];

	fputs("<tr data-department=\"", fp);
	html_str(fp, m->department ? m->department : "Total");
	fputs("\"><th>", fp);
	html_str(fp, label(m));
	fputs("</th>", fp);
	snprintf(b, sizeof b, "%d", m->headcount);
	td_num(fp, "headcount", b);
	td_num(fp, "fte", num(b, sizeof b, m->fte, 2));
	td_num(fp, "avg_position_pct", num(b, sizeof b,
	    m->avg_position_pct, 1));
	snprintf(b, sizeof b, "%d", m->full_time);
	td_num(fp, "full_time", b);
	td_num(fp, "full_time_share", pct(b, sizeof b, m->full_time_share));
	td_num(fp, "full_time_fte_share", pct(b, sizeof b,
	    m->full_time_fte_share));
	td_num(fp, "target", pct(b, sizeof b, m->target));
	fprintf(fp, "<td data-key=\"meets_target\" class=\"%s\">",
	    m->meets_target ? "met" : "notmet");
	html_str(fp, m->meets_target ? _("met") : _("not met"));
	fputs("</td>", fp);
	snprintf(b, sizeof b, "%d", m->needed_for_target);
	td_num(fp, "needed_for_target", b);
	if (m->involuntary_part_time >= 0)
		snprintf(b, sizeof b, "%d", m->involuntary_part_time);
	else
		snprintf(b, sizeof b, "&ndash;");
	td_num(fp, "involuntary_part_time", b);
	fputs("</tr>\n", fp);
}

/* A column heading; num: a column of numbers, aligned right. */
struct th {
	int		 num;
	const char	*text;
};

static void
thead(FILE *fp, const char *cls, const struct th *head, size_t n)
{
	fprintf(fp, "<table class=\"%s\"><thead><tr>", cls);
	for (size_t i = 0; i < n; i++) {
		fputs(head[i].num ? "<th class=\"n\">" : "<th>", fp);
		html_str(fp, _(head[i].text));
		fputs("</th>", fp);
	}
	fputs("</tr></thead><tbody>\n", fp);
}

static void
figures(FILE *fp, const struct tn_report *r)
{
	static const struct th head[] = { { 0, N_("Department") },
	    { 1, N_("Persons") }, { 1, N_("FTE") },
	    { 1, N_("Avg position %") }, { 1, N_("Full-time") },
	    { 1, N_("Share %") }, { 1, N_("FTE share %") },
	    { 1, N_("Target %") }, { 0, NC_("status", "Target") },
	    { 1, N_("Needed") },
	    { 1, N_("Involuntary part-time") } };

	thead(fp, "figs", head, nitems(head));
	for (int i = 0; i <= tn_report_ndepts(r); i++)
		figures_row(fp, row_of(r, i));
	fputs("</tbody></table>\n", fp);
}

static void
diffs(FILE *fp, const struct tn_report *r)
{
	char	 a[32], b[32], c[32], d[32];

	if (r->ndiffs == 0)
		return;
	static const struct th head[] = { { 0, N_("id") }, { 0, N_("name") },
	    { 0, N_("department") }, { 1, N_("contracted %") },
	    { 1, N_("hours") }, { 1, N_("rostered %") }, { 1, N_("hours") } };

	fprintf(fp, "<h2>%s</h2>\n", _("Contracted and rostered positions "
	    "that differ"));
	thead(fp, "diffs", head, nitems(head));
	for (int i = 0; i < r->ndiffs; i++) {
		const struct tn_position_diff *x = &r->diffs[i];

		fputs("<tr><td>", fp);
		html_str(fp, x->id);
		fputs("</td><td>", fp);
		html_str(fp, x->name ? x->name : "");
		fputs("</td><td>", fp);
		html_str(fp, x->department);
		fprintf(fp, "</td><td class=\"n\">%s</td><td class=\"n\">%s</td>"
		    "<td class=\"n\">%s</td><td class=\"n\">%s</td></tr>\n",
		    num(a, sizeof a, x->contracted_pct, 1),
		    num(b, sizeof b, x->contracted_hours, 2),
		    num(c, sizeof c, x->rostered_pct, 1),
		    num(d, sizeof d, x->rostered_hours, 2));
	}
	fputs("</tbody></table>\n", fp);
}

static void
summary(FILE *fp, const struct tn_report *r)
{
	const struct tn_measures *t = tn_report_total(r);
	char	 a[32], b[32];

	int	 nd = tn_report_ndepts(r), n = t->needed_for_target;

	fputs("<p class=\"summary\">", fp);
	fprintf(fp, P_("%d person", "%d persons", t->headcount),
	    t->headcount);
	fputc(' ', fp);
	fprintf(fp, P_("in %d department", "in %d departments", nd), nd);
	fprintf(fp, _(". Full-time share <b>%s %%</b> against a target of "
	    "%s %%: "), pct(a, sizeof a, t->full_time_share), pct(b,
	    sizeof b, t->target));
	if (t->meets_target) {
		fprintf(fp, "<span class=\"met\">%s</span>.</p>\n", _("met"));
		return;
	}
	fprintf(fp, "<span class=\"notmet\">%s</span>", _("not met"));
	fprintf(fp, P_(", %d more full-time person is needed.", ", %d more "
	    "full-time persons are needed.", n), n);
	fputs("</p>\n", fp);
}

static int
rosters(FILE *fp, const struct tn_report *r)
{
	for (int i = 0; i < r->nsrcs; i++) {
		const struct src *s = &r->srcs[i];

		if (s->roster != NULL || !s->has_roster)
			continue;
		fprintf(fp, "<h2>%s ", _("Roster:"));
		html_str(fp, s->c->name);
		fputs(" (", fp);
		fprintf(fp, P_("%d day", "%d days", s->c->ndays), s->c->ndays);
		fputs(")</h2>\n", fp);
		if (html_roster(fp, s->c, s->f) == -1)
			return -1;
		if (s->f != NULL && s->f->n > 0) {
			fprintf(fp, "<h2>%s %d</h2>\n", _("Findings of the "
			    "check:"), s->f->n);
			html_findings(fp, s->c, s->f);
		}
	}
	return 0;
}

int
report_write_html(const struct tn_report *r, const struct tn_style *st,
    FILE *fp)
{
	struct buf	 names = { 0 };

	(void)st;
	for (int i = 0; i < r->nsrcs; i++)
		buf_addf(&names, "%s%s", i ? ", " : "", r->srcs[i].c->name);
	if (names.oom || names.s == NULL) {
		buf_release(&names);
		return -1;
	}
	html_begin(fp, "turnus report", names.s ? names.s : "");
	fprintf(fp, "<h1>%s ", _("Full-time report:"));
	html_str(fp, names.s ? names.s : "");
	fputs("</h1>\n", fp);
	buf_release(&names);
	summary(fp, r);
	fprintf(fp, "<h2>%s</h2>\n", _("Full-time share against the "
	    "target"));
	svg_share(fp, r);
	figures(fp, r);
	fprintf(fp, "<h2>%s</h2>\n", _("Position sizes"));
	svg_bands(fp, r);
	if (tn_report_total(r)->has_roster) {
		fprintf(fp, "<h2>%s</h2>\n", _("Weekend burden"));
		svg_weekends(fp, r);
	}
	diffs(fp, r);
	if (rosters(fp, r) == -1)
		return -1;
	html_end(fp);
	return 0;
}
