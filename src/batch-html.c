/* The batch as one self-contained HTML page: trend charts and the table. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "turnus/batch.h"
#include "batch-int.h"
#include "i18n.h"
#include "model.h"
#include "util.h"
#include "write.h"

#define OVERVIEW_MAX	6	/* more departments: small multiples */

/* Okabe-Ito colours, distinct for colour-blind readers too. */
static const char *const colours[] = { "#0072B2", "#D55E00", "#009E73",
    "#CC79A7", "#E69F00", "#56B4E9", "#000000" };

/* A run of rows of one department, and the periods drawn. */
struct series {
	int	 first;
	int	 n;
};

struct chart {
	const struct tn_batch	*b;
	const struct tn_style	*st;
	const char		**periods;
	int			 np;
	struct series		*s;
	int			 ns;
	double			*target;	/* per period; NAN */
	double			 goal;		/* the final target, percent */
};

struct area {
	double	 x, y, w, h, ymax;
};

static double
xpos(const struct chart *c, const struct area *a, int i)
{
	return c->np == 1 ? a->x + a->w / 2 : a->x + a->w * i / (c->np - 1);
}

static double
ypos(const struct area *a, double v)
{
	if (v > a->ymax)
		v = a->ymax;
	return a->y + a->h - a->h * v / a->ymax;
}

static int
period_index(const struct chart *c, const char *p)
{
	for (int i = 0; i < c->np; i++)
		if (strcmp(c->periods[i], p) == 0)
			return i;
	return -1;
}

static const char *
num(char *b, size_t sz, const struct chart *c, double v, int dec)
{
	return style_num(b, sz, c->st, v, dec);
}

/* ------------------------------------------------------------ the frame */

/* Grid lines, the y axis in percent and the periods below (wide: all). */
static void
frame(FILE *fp, const struct chart *c, const struct area *a, int wide)
{
	double	 step = a->ymax > 60 ? 20 : 10;
	int	 every = c->np > 12 ? (c->np + 11) / 12 : 1;

	for (double v = 0; v <= a->ymax + 1e-9; v += step)
		fprintf(fp, "<line class=\"grid\" x1=\"%.1f\" y1=\"%.1f\" "
		    "x2=\"%.1f\" y2=\"%.1f\"/><text class=\"ax\" x=\"%.1f\" "
		    "y=\"%.1f\" text-anchor=\"end\">%.0f %%</text>\n", a->x,
		    ypos(a, v), a->x + a->w, ypos(a, v), a->x - 4,
		    ypos(a, v) + 3, v);
	if (!wide)	/* a small panel: the first and the last period */
		every = c->np > 1 ? c->np - 1 : 1;
	for (int i = 0; i < c->np; i += every) {
		fprintf(fp, "<text class=\"ax\" x=\"%.1f\" y=\"%.1f\" "
		    "text-anchor=\"%s\">", xpos(c, a, i), a->y + a->h + 13,
		    wide || c->np == 1 ? "middle" : i == 0 ? "start" : "end");
		html_str(fp, c->periods[i]);
		fputs("</text>\n", fp);
	}
}

/* The interim targets as a dashed step line, the goal as a thin one. */
static void
targets(FILE *fp, const struct chart *c, const struct area *a,
    const double *t)
{
	char	 b[32];
	double	 x, half = c->np > 1 ? a->w / (c->np - 1) / 2 : a->w / 2;
	int	 started = 0, last = -1;

	fputs("<path class=\"target\" d=\"", fp);
	for (int i = 0; i < c->np; i++) {
		if (isnan(t[i]))
			continue;
		x = i == 0 ? a->x : xpos(c, a, i) - half;
		fprintf(fp, "%c%.1f %.1fH%.1f", started ? 'L' : 'M', x,
		    ypos(a, t[i]), i == c->np - 1 ? a->x + a->w :
		    xpos(c, a, i) + half);
		started = 1;
		last = i;
	}
	fprintf(fp, "\"><title>%s</title></path>\n", _("interim targets"));
	for (int i = 0; i < c->np; i++)
		if (!isnan(t[i]) && (i == 0 || isnan(t[i - 1]) ||
		    fabs(t[i] - t[i - 1]) > 1e-9))
			fprintf(fp, "<text class=\"tl\" x=\"%.1f\" y=\"%.1f\">"
			    "%s %%</text>\n", i == 0 ? a->x + 2 :
			    xpos(c, a, i) - half + 2, ypos(a, t[i]) - 3,
			    num(b, sizeof b, c, t[i], 0));
	if (!isnan(c->goal) && (last < 0 || fabs(c->goal - t[last]) > 1e-9)) {
		fprintf(fp, "<line class=\"goal\" x1=\"%.1f\" y1=\"%.1f\" "
		    "x2=\"%.1f\" y2=\"%.1f\"><title>", a->x, ypos(a, c->goal),
		    a->x + a->w, ypos(a, c->goal));
		fprintf(fp, _("goal %s %%"), num(b, sizeof b, c, c->goal, 0));
		fputs("</title></line>\n", fp);
	}
}

/* ------------------------------------------------------------ the lines */

static double
row_value(const struct tn_batch_row *x, int lws)
{
	if (!lws)
		return 100 * x->m.full_time_share;
	return x->m.has_roster ? 100 * x->m.long_weekend_share : NAN;
}

static void
series_title(FILE *fp, const struct tn_batch_row *x)
{
	if (x->municipality != NULL) {
		html_str(fp, x->municipality);
		fputs(": ", fp);
	}
	html_str(fp, x->department);
}

/* One department's line (lws: the long weekend share) and its points. */
static void
line(FILE *fp, const struct chart *c, const struct area *a,
    const struct series *s, const char *colour, int lws)
{
	char	 b[32];
	int	 started = 0;

	fprintf(fp, "<path class=\"%s\" style=\"stroke:%s\" "
	    "data-department=\"", lws ? "lws" : "share", colour);
	html_str(fp, tn_batch_row(c->b, s->first)->department);
	fputs("\" d=\"", fp);
	for (int k = s->first; k < s->first + s->n; k++) {
		const struct tn_batch_row *x = tn_batch_row(c->b, k);
		double v = row_value(x, lws);

		if (isnan(v))
			continue;
		fprintf(fp, "%c%.1f %.1f", started ? 'L' : 'M',
		    xpos(c, a, period_index(c, x->period)), ypos(a, v));
		started = 1;
	}
	fputs("\"><title>", fp);
	series_title(fp, tn_batch_row(c->b, s->first));
	fputs("</title></path>\n", fp);
	for (int k = s->first; k < s->first + s->n; k++) {
		const struct tn_batch_row *x = tn_batch_row(c->b, k);
		double v = row_value(x, lws);

		if (isnan(v))
			continue;
		fprintf(fp, "<circle r=\"2.5\" style=\"fill:%s\" cx=\"%.1f\" "
		    "cy=\"%.1f\"><title>", colour,
		    xpos(c, a, period_index(c, x->period)), ypos(a, v));
		series_title(fp, x);
		fputs(", ", fp);
		html_str(fp, x->period);
		fprintf(fp, ": %s %%", num(b, sizeof b, c, v, 1));
		if (!lws) {
			fputs(" (", fp);
			fprintf(fp, _("%d of %d"), x->m.full_time,
			    x->m.headcount);
			fputc(')', fp);
		}
		fputs("</title></circle>\n", fp);
	}
}

/* ------------------------------------------------------------ the charts */

static double
top(const struct chart *c, int lws)
{
	double	 m = lws ? 0 : c->goal;

	for (int i = 0; i < c->b->nrows; i++) {
		double v = row_value(tn_batch_row(c->b, i), lws);

		if (!isnan(v) && v > m)
			m = v;
	}
	for (int i = 0; !lws && i < c->np; i++)
		if (!isnan(c->target[i]) && c->target[i] > m)
			m = c->target[i];
	m = ceil((m + 5) / 10) * 10;
	return m < 20 ? 20 : m > 100 ? 100 : m;
}

static void
svg_open(FILE *fp, int w, int h, const char *label)
{
	fprintf(fp, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" "
	    "aria-label=\"", w, h, w, h);
	html_str(fp, label);
	fputs("\">\n", fp);
}

/* All departments in one chart, and their long weekend share beside. */
static void
overview(FILE *fp, const struct chart *c)
{
	struct area	 a = { 48, 14, 390, 220, top(c, 0) };

	fprintf(fp, "<div class=\"pair\"><figure>\n<figcaption>%s"
	    "</figcaption>\n", _("Full-time share"));
	svg_open(fp, 460, 260, _("full-time share per department"));
	frame(fp, c, &a, 1);
	targets(fp, c, &a, c->target);
	for (int i = 0; i < c->ns; i++)
		line(fp, c, &a, &c->s[i], colours[i % nitems(colours)], 0);
	fprintf(fp, "</svg></figure>\n<figure>\n<figcaption>%s"
	    "</figcaption>\n", _("Long weekend shifts among weekend shifts"));
	a.ymax = top(c, 1);
	svg_open(fp, 460, 260, _("long weekend share per department"));
	frame(fp, c, &a, 1);
	for (int i = 0; i < c->ns; i++)
		line(fp, c, &a, &c->s[i], colours[i % nitems(colours)], 1);
	fputs("</svg></figure></div>\n<ul class=\"legend\">\n", fp);
	for (int i = 0; i < c->ns; i++) {
		fprintf(fp, "<li><span style=\"background:%s\"></span>",
		    colours[i % nitems(colours)]);
		series_title(fp, tn_batch_row(c->b, c->s[i].first));
		fputs("</li>\n", fp);
	}
	fprintf(fp, "<li><span class=\"dash\"></span>%s</li></ul>\n",
	    _("target of the period"));
}

/* The targets of one department's periods. */
static void
series_targets(const struct chart *c, const struct series *s, double *t)
{
	for (int i = 0; i < c->np; i++)
		t[i] = c->target[i];
	for (int k = s->first; k < s->first + s->n; k++) {
		const struct tn_batch_row *x = tn_batch_row(c->b, k);

		t[period_index(c, x->period)] = 100 * x->m.target;
	}
}

/* One small panel: the share with its targets, the long weekends. */
static void
panel(FILE *fp, const struct chart *c, const struct series *s, double *t)
{
	const struct tn_batch_row *last = tn_batch_row(c->b,
	    s->first + s->n - 1);
	struct area	 a = { 34, 10, 150, 110, top(c, 0) };
	struct area	 l = { 226, 10, 110, 110, top(c, 1) };
	char		 b[32];

	fputs("<figure class=\"panel\"><figcaption><b>", fp);
	html_str(fp, last->department);
	fprintf(fp, "</b> %s %% ", num(b, sizeof b, c,
	    100 * last->m.full_time_share, 1));
	/* TRANSLATORS: "in" a period, such as 2024-Q1 */
	fputs(_("in"), fp);
	fputc(' ', fp);
	html_str(fp, last->period);
	fputs("</figcaption>\n", fp);
	svg_open(fp, 350, 146, _("full-time share and long weekend share"));
	series_targets(c, s, t);
	frame(fp, c, &a, 0);
	targets(fp, c, &a, t);
	line(fp, c, &a, s, colours[0], 0);
	frame(fp, c, &l, 0);
	line(fp, c, &l, s, colours[1], 1);
	fprintf(fp, "<text class=\"cap\" x=\"34\" y=\"8\">%s</text>"
	    "<text class=\"cap\" x=\"226\" y=\"8\">%s</text>\n"
	    "</svg></figure>\n", _("full-time share"),
	    _("long weekend shifts"));
}

static void
multiples(FILE *fp, const struct chart *c)
{
	double		*t = tn_calloc((size_t)c->np + 1, sizeof *t);
	const char	*muni = NULL;

	if (t == NULL)
		return;
	for (int i = 0; i < c->ns; i++) {
		const struct tn_batch_row *x = tn_batch_row(c->b, c->s[i].first);

		if (i == 0 || (x->municipality == NULL) != (muni == NULL) ||
		    (muni != NULL && strcmp(muni, x->municipality) != 0)) {
			fputs(i ? "</div>\n<h2>" : "<h2>", fp);
			html_str(fp, x->municipality ? x->municipality :
			    _("Departments"));
			fputs("</h2>\n<div class=\"grid\">\n", fp);
			muni = x->municipality;
		}
		panel(fp, c, &c->s[i], t);
	}
	if (c->ns > 0)
		fputs("</div>\n", fp);
	free(t);
}

/* ------------------------------------------------------------- the table */

static void
table_row(FILE *fp, const struct chart *c, const struct tn_batch_row *x)
{
	char	 b[32];

	fputs("<tr><td>", fp);
	html_str(fp, x->municipality ? x->municipality : "");
	fputs("</td><td>", fp);
	html_str(fp, x->department);
	fputs("</td><td>", fp);
	html_str(fp, x->period);
	fprintf(fp, "</td><td>%d</td><td>%d</td><td>%s %%</td>",
	    x->m.headcount, x->m.full_time, num(b, sizeof b, c,
	    100 * x->m.full_time_share, 1));
	if (x->prev_period != NULL)
		fprintf(fp, "<td>%s%s</td>", x->d_full_time_share >= 0 ? "+" :
		    "", num(b, sizeof b, c, 100 * x->d_full_time_share, 1));
	else
		fputs("<td></td>", fp);
	fprintf(fp, "<td>%s %%</td>", num(b, sizeof b, c, 100 * x->m.target,
	    0));
	if (x->distance > 1e-9)
		fprintf(fp, "<td>%s</td>", num(b, sizeof b, c,
		    100 * x->distance, 1));
	else
		fprintf(fp, "<td class=\"met\">%s</td>", _("met"));
	if (x->m.has_roster)
		fprintf(fp, "<td>%s %%</td>", num(b, sizeof b, c,
		    100 * x->m.long_weekend_share, 1));
	else
		fputs("<td></td>", fp);
	if (x->prev_period != NULL)
		fprintf(fp, "<td>%d</td><td>%d</td><td>%d</td></tr>\n",
		    x->to_full_time, x->joined, x->left);
	else
		fputs("<td></td><td></td><td></td></tr>\n", fp);
}

static void
table(FILE *fp, const struct chart *c)
{
	static const char *const th[] = { N_("Municipality"),
	    N_("Department"), N_("Period"), N_("Persons"), N_("Full-time"),
	    N_("Share"), N_("Change (pp)"), N_("Target"), N_("To go (pp)"),
	    N_("Long weekend shifts"), N_("Became full-time"), N_("Joined"),
	    N_("Left") };

	fprintf(fp, "<h2>%s</h2>\n<table>\n<thead><tr>", _("The numbers"));
	for (size_t i = 0; i < nitems(th); i++) {
		fputs("<th>", fp);
		html_str(fp, _(th[i]));
		fputs("</th>", fp);
	}
	fputs("</tr></thead>\n<tbody>\n", fp);
	for (int i = 0; i < c->b->nrows; i++)
		table_row(fp, c, tn_batch_row(c->b, i));
	fputs("</tbody></table>\n", fp);
}

static void
failures(FILE *fp, const struct tn_batch *b)
{
	if (b->nfails == 0)
		return;
	fputs("<section class=\"failed\"><h2>", fp);
	fprintf(fp, _("Not measured (%d)"), b->nfails);
	fputs("</h2><ul>\n", fp);
	for (int i = 0; i < b->nfails; i++) {
		const struct tn_batch_failure *f = &b->fails[i];

		fputs("<li>", fp);
		if (f->file != NULL) {
			fputs("<code>", fp);
			html_str(fp, f->file);
			if (f->line > 0)
				fprintf(fp, ":%ld", f->line);
			if (f->line > 0 && f->col > 0)
				fprintf(fp, ":%ld", f->col);
			fputs("</code>: ", fp);
		}
		html_str(fp, f->message);
		fputs("</li>\n", fp);
	}
	fputs("</ul></section>\n", fp);
}

/* -------------------------------------------------------------- the page */

static const char css[] =
    "body{font:14px/1.4 system-ui,sans-serif;color:#222;margin:24px;"
    "max-width:1120px}\n"
    "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:24px 0 8px}"
    "\n.sub{color:#555;margin:0 0 8px}.lead{font-size:16px;margin:0 0 16px}"
    "\n"
    "figure{margin:0}figcaption{font-size:13px;margin:0 0 2px}\n"
    ".pair{display:flex;flex-wrap:wrap;gap:16px}\n"
    ".grid{display:flex;flex-wrap:wrap;gap:10px 18px}\n"
    ".panel{width:350px;break-inside:avoid}\n"
    "svg{display:block;overflow:visible}\n"
    ".grid line,line.grid{stroke:#e3e3e3;stroke-width:1}\n"
    ".ax{font-size:10px;fill:#666}.cap{font-size:10px;fill:#333}\n"
    ".tl{font-size:10px;fill:#a33}\n"
    "path.share,path.lws{fill:none;stroke-width:2.2;"
    "stroke-linejoin:round}\npath.lws{stroke-dasharray:5 3}\n"
    "path.target{fill:none;stroke:#a33;stroke-width:1.4;"
    "stroke-dasharray:4 3}\nline.goal{stroke:#a33;stroke-width:0.8}\n"
    ".legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;"
    "gap:4px 16px;font-size:13px}\n.legend span{display:inline-block;"
    "width:14px;height:3px;margin:0 6px 3px 0;vertical-align:middle}\n"
    ".legend .dash{border-top:2px dashed #a33;height:0}\n"
    "table{border-collapse:collapse;font-size:12.5px}\n"
    "th,td{padding:3px 7px;border-bottom:1px solid #ddd;text-align:right}"
    "\ntd{white-space:nowrap}th:nth-child(-n+3),td:nth-child(-n+3){text-align:left}\n"
    "thead th{border-bottom:2px solid #888}td.met{color:#070}\n"
    ".failed{border-left:4px solid #c60;padding:2px 12px;background:#fff6ee}"
    "\nfooter{color:#777;font-size:12px;margin-top:24px}\n"
    "@page{size:A4 landscape;margin:12mm}\n"
    "@media print{body{margin:0;max-width:none}.failed{background:none}"
    "tr,figure{break-inside:avoid}h2{break-after:avoid}}\n";

static void
head(FILE *fp, const struct chart *c)
{
	int	 nm = 0;

	for (int i = 0; i < c->ns; i++) {
		const struct tn_batch_row *x = tn_batch_row(c->b, c->s[i].first);
		const struct tn_batch_row *p = i ? tn_batch_row(c->b,
		    c->s[i - 1].first) : NULL;

		if (x->municipality != NULL && (p == NULL ||
		    p->municipality == NULL ||
		    strcmp(p->municipality, x->municipality) != 0))
			nm++;
	}
	fprintf(fp, "<!DOCTYPE html>\n<html lang=\"%s\"><head><meta "
	    "charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width="
	    "device-width\">\n<title>%s</title>\n<style>\n%s</style></head>"
	    "<body>\n<h1>%s</h1>\n<p class=\"sub\">", i18n_nb() ? "nb" : "en",
	    _("Full-time share per department"), css,
	    _("Full-time share per department"));
	fprintf(fp, P_("%d department", "%d departments", c->ns), c->ns);
	if (nm > 0) {
		fputc(' ', fp);
		fprintf(fp, P_("in %d municipality", "in %d municipalities",
		    nm), nm);
	}
	if (c->np > 0) {
		fputs(", ", fp);
		html_str(fp, c->periods[0]);
		if (c->np > 1) {
			fprintf(fp, " %s ", _("to"));
			html_str(fp, c->periods[c->np - 1]);
		}
	}
	fprintf(fp, ". %s</p>\n", _("A person is full-time when their "
	    "positions sum to a full position (as KS counts); the dashed line "
	    "is the target of each period."));
}

static int
periods_cmp(const void *a, const void *b)
{
	return period_cmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * The departments of one period, those that meet the target, and its
 * persons and full-time persons: each person once, as KS counts, not
 * once per department (60 % here and 40 % there is one full-timer).
 */
static int
period_sums(const struct chart *c, const char *period, int *ft, int *heads,
    int *met)
{
	int	 n = 0;

	*ft = *heads = *met = 0;
	for (int i = 0; i < c->b->nrows; i++) {
		const struct tn_batch_row *x = tn_batch_row(c->b, i);

		if (strcmp(x->period, period) != 0)
			continue;
		*met += x->distance <= 1e-9;
		n++;
	}
	for (int i = 0; i < c->b->ngroups; i++) {
		const struct group *g = &c->b->groups[i];

		if (strcmp(g->period, period) != 0)
			continue;
		*heads += g->npersons;
		for (int k = 0; k < g->npersons; k++)
			*ft += g->full_time[k];
	}
	return n;
}

/* The headline: the last period against the target, and against the first. */
static void
lead(FILE *fp, const struct chart *c)
{
	const char	*last = c->periods[c->np - 1], *first = c->periods[0];
	char		 b[32];
	int		 ft, heads, met, n, ft0, heads0, met0;

	n = period_sums(c, last, &ft, &heads, &met);
	fputs("<p class=\"lead\">", fp);
	html_str(fp, last);
	fputs(": ", fp);
	fprintf(fp, P_("%d of %d department at or above the period's target",
	    "%d of %d departments at or above the period's target", n), met,
	    n);
	fputs("; ", fp);
	fprintf(fp, P_("%d of %d person full-time (%s %%)", "%d of %d persons "
	    "full-time (%s %%)", heads), ft, heads, num(b, sizeof b, c,
	    heads ? 100.0 * ft / heads : 0, 1));
	if (c->np > 1) {
		period_sums(c, first, &ft0, &heads0, &met0);
		fputs(", ", fp);
		fprintf(fp, (long)ft * heads0 >= (long)ft0 * heads ?
		    _("up from %d of %d (%s %%) in") : _("down from %d of %d "
		    "(%s %%) in"), ft0, heads0, num(b, sizeof b, c,
		    heads0 ? 100.0 * ft0 / heads0 : 0, 1));
		fputc(' ', fp);
		html_str(fp, first);
	}
	fputs(".</p>\n", fp);
}

/* The periods, the departments' runs of rows, the overall targets. */
static int
chart_init(struct chart *c, const struct tn_batch *b)
{
	c->b = b;
	c->goal = NAN;
	c->periods = tn_calloc((size_t)b->nrows + 1, sizeof *c->periods);
	c->s = tn_calloc((size_t)b->nrows + 1, sizeof *c->s);
	c->target = tn_calloc((size_t)b->nrows + 1, sizeof *c->target);
	if (c->periods == NULL || c->s == NULL || c->target == NULL)
		return -1;
	for (int i = 0; i < b->nrows; i++) {
		const struct tn_batch_row *x = tn_batch_row(b, i);
		int k = 0;

		while (k < c->np && strcmp(c->periods[k], x->period) != 0)
			k++;
		if (k == c->np)
			c->periods[c->np++] = x->period;
		if (x->prev_period == NULL)
			c->s[c->ns++].first = i;
		c->s[c->ns - 1].n++;
	}
	qsort(c->periods, (size_t)c->np, sizeof *c->periods, periods_cmp);
	for (int i = 0; i < c->np; i++)
		c->target[i] = NAN;
	for (int i = 0; i < b->nrows; i++) {
		const struct tn_batch_row *x = tn_batch_row(b, i);
		int k = period_index(c, x->period);

		if (isnan(c->target[k]))
			c->target[k] = 100 * x->m.target;
		if (isnan(c->goal))
			c->goal = b->res[b->rows[i].res].target_pct;
	}
	return 0;
}

int
batch_write_html(const struct tn_batch *b, const struct tn_style *st,
    FILE *fp)
{
	struct chart	 c = { .st = st };

	if (chart_init(&c, b) == -1) {
		free(c.periods);
		free(c.s);
		free(c.target);
		return -1;
	}
	head(fp, &c);
	if (c.np > 0)
		lead(fp, &c);
	failures(fp, b);
	if (c.ns > 0 && c.ns <= OVERVIEW_MAX)
		overview(fp, &c);
	else
		multiples(fp, &c);
	if (b->nrows > 0)
		table(fp, &c);
	fputs("<footer>", fp);
	fprintf(fp, _("Made by turnus %s batch. Change and To go are "
	    "percentage points; Became full-time counts part-time persons of "
	    "the previous period who are full-time now."), TURNUS_VERSION);
	fputs("</footer>\n</body></html>\n", fp);
	free(c.periods);
	free(c.s);
	free(c.target);
	return 0;
}
