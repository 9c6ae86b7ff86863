/* Writers for check findings: text, CSV, JSON and HTML. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "turnus/check.h"
#include "explain.h"
#include "findings.h"
#include "html.h"
#include "i18n.h"
#include "model.h"
#include "util.h"
#include "write.h"

#define TITLE_W	18

/* "lia: 3 persons, 14 days (2 weeks, cyclic): 8 findings" */
static void
text_head(FILE *fp, const struct tn_case *c, int n)
{
	int	 w = (c->ndays + 6) / 7;

	fprintf(fp, "%s: ", c->name);
	fprintf(fp, P_("%d person", "%d persons", c->nids), c->nids);
	fputs(", ", fp);
	fprintf(fp, P_("%d day", "%d days", c->ndays), c->ndays);
	fputs(" (", fp);
	fprintf(fp, c->ndays % 7 ? P_("about %d week", "about %d weeks", w) :
	    P_("%d week", "%d weeks", w), w);
	fprintf(fp, ", %s): ", c->rules.cyclic ? _("cyclic") :
	    _("not cyclic"));
	if (n == 0)
		fputs(_("no findings"), fp);
	else
		fprintf(fp, P_("%d finding", "%d findings", n), n);
	putc('\n', fp);
}

static void
text_who(FILE *fp, const struct tn_case *c, const struct tn_finding *x)
{
	const struct tn_person *p;

	putc('\n', fp);
	if (x->person < 0) {
		fprintf(fp, _("Cover, %s"), c->depts[x->dept]);
		putc('\n', fp);
		return;
	}
	p = &c->persons[x->person];
	fprintf(fp, "%s", p->id);
	if (p->name != NULL)
		fprintf(fp, " %s", p->name);
	fprintf(fp, " (%s", c->depts[p->dept]);
	if (strcmp(p->role, "any") != 0)
		fprintf(fp, ", %s", p->role);
	fputs(")\n", fp);
}

static int
text_counts(FILE *fp, const struct tn_findings *f)
{
	struct buf	 b = { 0 };
	int		 n[TN_R_NRULES] = { 0 }, oom;

	if (f->n == 0)
		return 0;
	for (int i = 0; i < f->n; i++)
		n[f->v[i].rule]++;
	for (int r = 0; r < TN_R_NRULES; r++)
		if (n[r] > 0)
			buf_addf(&b, "%s%s %d", b.len ? ", " : "", rule_key(r),
			    n[r]);
	if (b.s != NULL && !b.oom) {
		fprintf(fp, "\n%s ", _("By rule:"));
		text_wrap(fp, b.s, (int)utf8_width(_("By rule:")) + 1, 2, 80);
	}
	oom = b.s == NULL || b.oom;
	buf_release(&b);
	return oom ? -1 : 0;
}

/* The title column: TITLE_W, or the longest title found in words. */
static int
title_width(const struct tn_findings *f)
{
	int	 w = TITLE_W, n;

	for (int i = 0; i < f->n; i++)
		if ((n = (int)utf8_width(rule_title(f->v[i].rule))) > w)
			w = n;
	return w < 30 ? w : 30;
}

/* The message and, in brackets, the paragraph it comes from. */
static int
text_finding(FILE *fp, const struct tn_finding *x, int col)
{
	struct buf	 b = { 0 };

	buf_adds(&b, x->msg);
	if (x->law != NULL)
		buf_addf(&b, " [%s]", _(x->law));
	if (b.oom || b.s == NULL) {
		buf_release(&b);
		return -1;		/* out of memory */
	}
	text_wrap(fp, b.s, col, col, 80);
	buf_release(&b);
	return 0;
}

static int
write_text(const struct tn_findings *f, const struct tn_case *c, FILE *fp,
    const struct tn_style *st)
{
	int	 who = -2, dept = -2, tw = title_width(f);

	text_head(fp, c, f->n);
	for (int i = 0; i < f->n; i++) {
		const struct tn_finding *x = &f->v[i];

		if (x->person != who || (x->person < 0 && x->dept != dept))
			text_who(fp, c, x);
		who = x->person;
		dept = x->dept;
		fputs("  ", fp);
		text_pad(fp, rule_title(x->rule), tw);
		fputc(' ', fp);
		if (text_finding(fp, x, 2 + tw + 1) == -1)
			return -1;
		if (st->explain)
			explain_finding(fp, x->rule, tn_lang_nb(), 2 + tw + 1);
	}
	if (text_counts(fp, f) == -1)
		return -1;
	if (f->note != NULL) {
		fprintf(fp, "\n%s ", _("Note:"));
		text_wrap(fp, f->note, (int)utf8_width(_("Note:")) + 1, 2, 80);
	}
	return 0;
}

static void
json_days(FILE *fp, const struct tn_finding *x)
{
	fputc('[', fp);
	for (int k = 0; k < x->ndays; k++)
		fprintf(fp, "%s%d", k ? "," : "", x->days[k] + 1);
	fputc(']', fp);
}

static int
write_json(const struct tn_findings *f, const struct tn_case *c, FILE *fp)
{
	int	 n[TN_R_NRULES] = { 0 };

	fputs("{\"findings\":[", fp);
	for (int i = 0; i < f->n; i++) {
		const struct tn_finding *x = &f->v[i];

		n[x->rule]++;
		fprintf(fp, "%s\n{\"rule\":", i ? "," : "");
		json_str(fp, rule_key(x->rule));
		fputs(",\"id\":", fp);
		if (x->person < 0)
			fputs("null", fp);
		else
			json_str(fp, c->persons[x->person].id);
		fputs(",\"department\":", fp);
		json_str(fp, c->depts[x->dept]);
		fputs(",\"days\":", fp);
		json_days(fp, x);
		fputs(",\"message\":", fp);
		json_str(fp, x->msg);
		fputs(",\"law\":", fp);
		if (x->law != NULL)
			json_str(fp, x->law);
		else
			fputs("null", fp);
		fputc('}', fp);
	}
	fputs("],\n\"counts\":{", fp);
	for (int r = 0; r < TN_R_NRULES; r++) {
		fprintf(fp, "%s", r ? "," : "");
		json_str(fp, rule_key(r));
		fprintf(fp, ":%d", n[r]);
	}
	fputs("}", fp);
	if (f->note != NULL) {
		fputs(",\n\"notes\":[", fp);
		json_str(fp, f->note);
		fputc(']', fp);
	}
	fputs("}\n", fp);
	return 0;
}

static int
write_csv(const struct tn_findings *f, const struct tn_case *c, FILE *fp,
    const struct tn_style *st)
{
	char	 days[1024];
	size_t	 k;

	csv_begin(fp, st);
	csv_cell(fp, st, "rule", 1);
	csv_cell(fp, st, "id", 0);
	csv_cell(fp, st, "name", 0);
	csv_cell(fp, st, "department", 0);
	csv_cell(fp, st, "days", 0);
	csv_cell(fp, st, "message", 0);
	csv_cell(fp, st, "law", 0);
	csv_end(fp);
	for (int i = 0; i < f->n; i++) {
		const struct tn_finding *x = &f->v[i];
		const struct tn_person *p = x->person >= 0 ?
		    &c->persons[x->person] : NULL;

		days[0] = '\0';
		for (int d = 0, k0 = 0; d < x->ndays; d++) {
			k = strlen(days);
			if (k + 8 >= sizeof days)
				break;
			snprintf(days + k, sizeof days - k, "%s%d",
			    k0++ ? " " : "", x->days[d] + 1);
		}
		csv_cell(fp, st, rule_key(x->rule), 1);
		csv_cell(fp, st, p ? p->id : "", 0);
		csv_cell(fp, st, p && p->name ? p->name : "", 0);
		csv_cell(fp, st, c->depts[x->dept], 0);
		csv_cell(fp, st, days, 0);
		csv_cell(fp, st, x->msg, 0);
		csv_cell(fp, st, x->law ? x->law : "", 0);
		csv_end(fp);
	}
	return 0;
}

static int
write_html(const struct tn_findings *f, const struct tn_case *c, FILE *fp)
{
	html_begin(fp, "turnus check", c->name);
	fputs("<h1>", fp);
	html_str(fp, c->name);
	fputs("</h1>\n<p>", fp);
	fprintf(fp, P_("%d finding", "%d findings", f->n), f->n);
	fputs("</p>\n", fp);
	if (html_roster(fp, c, f) == -1)
		return -1;
	fprintf(fp, "<h2>%s</h2>\n", _("Findings"));
	html_findings(fp, c, f);
	html_end(fp);
	return 0;
}

int
tn_findings_write(const struct tn_findings *f, const struct tn_case *c,
    enum tn_format fmt, const struct tn_style *st, FILE *fp,
    struct tn_error *err)
{
	(void)err;
	switch (fmt) {
	case TN_FMT_TEXT:
		return write_text(f, c, fp, st) == -1 ? tn_oom(err) : 0;
	case TN_FMT_JSON:
		return write_json(f, c, fp);
	case TN_FMT_CSV:
		return write_csv(f, c, fp, st);
	case TN_FMT_HTML:
		return write_html(f, c, fp) == -1 ? tn_oom(err) : 0;
	}
	return 0;
}
