/* Writers for the report: text for the terminal, CSV for Excel, JSON. */
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "turnus/report.h"
#include "i18n.h"
#include "model.h"
#include "report-int.h"
#include "util.h"
#include "write.h"

int	report_write_html(const struct tn_report *, const struct tn_style *,
	    FILE *);

/* ------------------------------------------------------------------ JSON */

/* A number with '.', at most 6 decimals, no trailing zeros. */
static void
json_num(FILE *fp, double v)
{
	char	 b[64];
	size_t	 n;

	if (!isfinite(v)) {
		fputs("null", fp);
		return;
	}
	fmt_num(b, sizeof b, v, 6, 0);
	if (strchr(b, '.') != NULL) {
		n = strlen(b);
		while (b[n - 1] == '0')
			b[--n] = '\0';
		if (b[n - 1] == '.')
			b[--n] = '\0';
	}
	if (strcmp(b, "-0") == 0)
		strcpy(b, "0");
	fputs(b, fp);
}

static void
json_key(FILE *fp, const char *k)
{
	fprintf(fp, ",\"%s\":", k);
}

void
tn_measures_write_json_keys(const struct tn_report *r,
    const struct tn_measures *m, FILE *fp)
{
	int	 wk = m->has_roster;

	fprintf(fp, "\"headcount\":%d", m->headcount);
	json_key(fp, "fte");
	json_num(fp, m->fte);
	json_key(fp, "avg_position_pct");
	json_num(fp, m->avg_position_pct);
	fprintf(fp, ",\"full_time\":%d", m->full_time);
	json_key(fp, "full_time_share");
	json_num(fp, m->full_time_share);
	json_key(fp, "full_time_fte_share");
	json_num(fp, m->full_time_fte_share);
	json_key(fp, "target");
	json_num(fp, m->target);
	fprintf(fp, ",\"meets_target\":%s,\"needed_for_target\":%d,"
	    "\"bands\":{", m->meets_target ? "true" : "false",
	    m->needed_for_target);
	for (int b = 0; b < m->nbands; b++) {
		fputs(b ? "," : "", fp);
		json_str(fp, tn_report_band_name(r, b));
		fprintf(fp, ":%d", m->bands[b]);
	}
	fputs("},\"involuntary_part_time\":", fp);
	if (m->involuntary_part_time < 0)
		fputs("null", fp);
	else
		fprintf(fp, "%d", m->involuntary_part_time);
	if (!wk) {
		fputs(",\"weekend_shifts\":null,\"long_weekend_shifts\":null,"
		    "\"long_weekend_share\":null,\"avg_weekends_worked\":null,"
		    "\"over_weekend_limit\":null", fp);
		return;
	}
	fprintf(fp, ",\"weekend_shifts\":%ld,\"long_weekend_shifts\":%ld",
	    m->weekend_shifts, m->long_weekend_shifts);
	json_key(fp, "long_weekend_share");
	json_num(fp, m->long_weekend_share);
	json_key(fp, "avg_weekends_worked");
	json_num(fp, m->avg_weekends_worked);
	fprintf(fp, ",\"over_weekend_limit\":%d", m->over_weekend_limit);
}

static void
json_body(const struct tn_report *r, FILE *fp)
{
	fputs("{\"departments\":[", fp);
	for (int i = 0; i < tn_report_ndepts(r); i++) {
		const struct tn_measures *m = tn_report_dept(r, i);

		fputs(i ? ",\n{\"department\":" : "\n{\"department\":", fp);
		json_str(fp, m->department);
		fputc(',', fp);
		tn_measures_write_json_keys(r, m, fp);
		fputc('}', fp);
	}
	fputs("],\n\"total\":{", fp);
	tn_measures_write_json_keys(r, tn_report_total(r), fp);
	fputc('}', fp);
}

void
tn_report_write_json_object(const struct tn_report *r, FILE *fp)
{
	json_body(r, fp);
	fputc('}', fp);
}

static void
json_diffs(const struct tn_report *r, FILE *fp)
{
	fputs(",\n\"position_differences\":[", fp);
	for (int i = 0; i < r->ndiffs; i++) {
		const struct tn_position_diff *d = &r->diffs[i];

		fputs(i ? ",\n{\"id\":" : "\n{\"id\":", fp);
		json_str(fp, d->id);
		fputs(",\"name\":", fp);
		if (d->name != NULL)
			json_str(fp, d->name);
		else
			fputs("null", fp);
		fputs(",\"department\":", fp);
		json_str(fp, d->department);
		json_key(fp, "position_pct");
		json_num(fp, d->contracted_pct);
		json_key(fp, "rostered_pct");
		json_num(fp, d->rostered_pct);
		json_key(fp, "position_hours");
		json_num(fp, d->contracted_hours);
		json_key(fp, "rostered_hours");
		json_num(fp, d->rostered_hours);
		fputc('}', fp);
	}
	fputc(']', fp);
}

/* --persons: every person with their position and HTA week. */
static void
json_persons(const struct tn_report *r, FILE *fp)
{
	struct tn_person_line	 p;

	fputs(",\n\"persons\":[", fp);
	for (int i = 0; i < tn_report_npersons(r); i++) {
		tn_report_person(r, i, &p);
		fputs(i ? ",\n{\"id\":" : "\n{\"id\":", fp);
		json_str(fp, p.id);
		fputs(",\"name\":", fp);
		if (p.name != NULL)
			json_str(fp, p.name);
		else
			fputs("null", fp);
		fputs(",\"department\":", fp);
		json_str(fp, p.department);
		json_key(fp, "position_pct");
		json_num(fp, p.contracted_pct);
		json_key(fp, "rostered_pct");
		json_num(fp, p.rostered_pct);
		json_key(fp, "rostered_hours");
		json_num(fp, p.rostered_hours);
		json_key(fp, "week_norm_hours");
		json_num(fp, p.week_hours);
		fputs(",\"week_norm\":", fp);
		json_str(fp, p.week_kind);
		fputc('}', fp);
	}
	fputc(']', fp);
}

static int
write_json(const struct tn_report *r, FILE *fp, const struct tn_style *st)
{
	json_body(r, fp);
	json_diffs(r, fp);
	if (st->persons)
		json_persons(r, fp);
	fputs("}\n", fp);
	return 0;
}

/* ------------------------------------------------------------------- CSV */

static void
csv_head(const struct tn_report *r, FILE *fp, const struct tn_style *st)
{
	static const char *const cols[] = { "full_time", "full_time_share",
	    "full_time_fte_share", "target", "meets_target",
	    "needed_for_target" };
	static const char *const wk[] = { "involuntary_part_time",
	    "weekend_shifts", "long_weekend_shifts", "long_weekend_share",
	    "avg_weekends_worked", "over_weekend_limit" };
	char	 b[96];

	csv_begin(fp, st);
	csv_cell(fp, st, "department", 1);
	csv_cell(fp, st, "headcount", 0);
	csv_cell(fp, st, "fte", 0);
	csv_cell(fp, st, "avg_position_pct", 0);
	for (size_t i = 0; i < nitems(cols); i++)
		csv_cell(fp, st, cols[i], 0);
	for (int i = 0; i < tn_report_total(r)->nbands; i++) {
		snprintf(b, sizeof b, "bands_%s", tn_report_band_name(r, i));
		csv_cell(fp, st, b, 0);
	}
	for (size_t i = 0; i < nitems(wk); i++)
		csv_cell(fp, st, wk[i], 0);
	csv_end(fp);
}

static void
csv_row(FILE *fp, const struct tn_style *st, const struct tn_measures *m)
{
	int	 wk = m->has_roster;

	csv_cell(fp, st, m->department ? m->department : "Total", 1);
	csv_int(fp, st, m->headcount, 0);
	csv_num(fp, st, m->fte, 4, 0);
	csv_num(fp, st, m->avg_position_pct, 4, 0);
	csv_int(fp, st, m->full_time, 0);
	csv_num(fp, st, m->full_time_share, 4, 0);
	csv_num(fp, st, m->full_time_fte_share, 4, 0);
	csv_num(fp, st, m->target, 4, 0);
	csv_cell(fp, st, m->meets_target ? "yes" : "no", 0);
	csv_int(fp, st, m->needed_for_target, 0);
	for (int b = 0; b < m->nbands; b++)
		csv_int(fp, st, m->bands[b], 0);
	if (m->involuntary_part_time >= 0)
		csv_int(fp, st, m->involuntary_part_time, 0);
	else
		csv_cell(fp, st, "", 0);
	if (!wk) {
		for (int i = 0; i < 5; i++)
			csv_cell(fp, st, "", 0);
	} else {
		csv_int(fp, st, m->weekend_shifts, 0);
		csv_int(fp, st, m->long_weekend_shifts, 0);
		csv_num(fp, st, m->long_weekend_share, 4, 0);
		csv_num(fp, st, m->avg_weekends_worked, 4, 0);
		csv_int(fp, st, m->over_weekend_limit, 0);
	}
	csv_end(fp);
}

/* --persons: the persons table instead of the departments. */
static int
csv_persons(const struct tn_report *r, FILE *fp, const struct tn_style *st)
{
	static const char *const cols[] = { "id", "name", "department",
	    "position_pct", "rostered_pct", "rostered_hours",
	    "week_norm_hours", "week_norm" };
	struct tn_person_line	 p;

	csv_begin(fp, st);
	for (size_t i = 0; i < nitems(cols); i++)
		csv_cell(fp, st, cols[i], i == 0);
	csv_end(fp);
	for (int i = 0; i < tn_report_npersons(r); i++) {
		tn_report_person(r, i, &p);
		csv_cell(fp, st, p.id, 1);
		csv_cell(fp, st, p.name ? p.name : "", 0);
		csv_cell(fp, st, p.department, 0);
		if (isnan(p.contracted_pct))
			csv_cell(fp, st, "", 0);
		else
			csv_num(fp, st, p.contracted_pct, 1, 0);
		if (isnan(p.rostered_pct))
			csv_cell(fp, st, "", 0);
		else
			csv_num(fp, st, p.rostered_pct, 1, 0);
		csv_num(fp, st, p.rostered_hours, 2, 0);
		csv_num(fp, st, p.week_hours, 2, 0);
		csv_cell(fp, st, p.week_kind, 0);
		csv_end(fp);
	}
	return 0;
}

static int
write_csv(const struct tn_report *r, FILE *fp, const struct tn_style *st)
{
	if (st->persons)
		return csv_persons(r, fp, st);
	csv_head(r, fp, st);
	for (int i = 0; i < tn_report_ndepts(r); i++)
		csv_row(fp, st, tn_report_dept(r, i));
	csv_row(fp, st, tn_report_total(r));
	return 0;
}

/* ------------------------------------------------------------------ text */

#define NAME_MAX_W	22

static int
name_width(const struct tn_report *r)
{
	int	 w = 10, n;

	for (int i = 0; i < tn_report_ndepts(r); i++) {
		n = (int)utf8_width(tn_report_dept(r, i)->department);
		if (n > w)
			w = n;
	}
	return w > NAME_MAX_W ? NAME_MAX_W : w;
}

/* The row's name; a name too long for the column gets its own line. */
static void
text_name(FILE *fp, const struct tn_measures *m, int w)
{
	const char	*s = m->department ? m->department : _("Total");

	if ((int)utf8_width(s) > w) {
		fprintf(fp, "%s\n", s);
		s = "";
	}
	text_pad(fp, s, w);
}

static const char *
pct(char *b, size_t sz, const struct tn_style *st, double share)
{
	return style_num(b, sz, st, 100.0 * share, 1);
}

static void
text_main(const struct tn_report *r, FILE *fp, const struct tn_style *st,
    int nw)
{
	/* TRANSLATORS: headings of report's table, as short as can be */
	struct text_col	 cols[] = { { N_("Persons"), 7 }, { N_("FTE"), 7 },
	    { N_("Avg %"), 6 }, { N_("Full"), 4 }, { N_("Share"), 6 },
	    { N_("FTE sh"), 6 }, { N_("Target"), 6 }, { N_("Status"), 0 },
	    { N_("Need"), 4 } };
	char		 v[9][32];
	const char	*cell[9];
	int		 w[9];

	/* the status column is as wide as its words */
	cols[7].w = -text_wider(text_wider(0, C_("table", "met")),
	    C_("table", "not met"));
	/* a longer name gets its own line: the table keeps to 80 columns */
	for (int k = 0, rest = 0; k < 9; k++) {
		rest += 1 + text_wider(abs(cols[k].w), _(cols[k].head));
		if (k == 8 && nw > 80 - rest)
			nw = 80 - rest;
	}
	text_heads(fp, _("Department"), nw, cols, 9, w);
	for (int i = 0; i <= tn_report_ndepts(r); i++) {
		const struct tn_measures *m = i < tn_report_ndepts(r) ?
		    tn_report_dept(r, i) : tn_report_total(r);

		text_name(fp, m, nw);
		snprintf(v[0], sizeof v[0], "%d", m->headcount);
		style_num(v[1], sizeof v[1], st, m->fte, 2);
		style_num(v[2], sizeof v[2], st, m->avg_position_pct, 1);
		snprintf(v[3], sizeof v[3], "%d", m->full_time);
		pct(v[4], sizeof v[4], st, m->full_time_share);
		pct(v[5], sizeof v[5], st, m->full_time_fte_share);
		pct(v[6], sizeof v[6], st, m->target);
		snprintf(v[8], sizeof v[8], "%d", m->needed_for_target);
		for (int k = 0; k < 9; k++)
			cell[k] = v[k];
		cell[7] = m->meets_target ? C_("table", "met") :
		    C_("table", "not met");
		text_cells(fp, cell, w, 9);
	}
}

const char *
report_band_label(const struct tn_report *r, int b)
{
	const char	*name = tn_report_band_name(r, b);

	/* TRANSLATORS: the band of full-time positions (a column) */
	return strcmp(name, "full_time") == 0 ? _("full_time") : name;
}

static void
text_bands(const struct tn_report *r, FILE *fp, int w)
{
	const struct tn_measures *t = tn_report_total(r);
	const char	*inv = _("Involuntary");
	int		 bw[TN_REPORT_MAX_BANDS], iw = text_wider(11, inv);
	char		 b[32];

	fputc('\n', fp);
	text_pad(fp, _("Positions"), w);
	for (int k = 0; k < t->nbands; k++) {
		bw[k] = text_wider(5, report_band_label(r, k));
		putc(' ', fp);
		text_rpad(fp, report_band_label(r, k), bw[k]);
	}
	fputs("  ", fp);
	text_rpad(fp, inv, iw);
	putc('\n', fp);
	for (int i = 0; i <= tn_report_ndepts(r); i++) {
		const struct tn_measures *m = i < tn_report_ndepts(r) ?
		    tn_report_dept(r, i) : tn_report_total(r);

		text_name(fp, m, w);
		for (int k = 0; k < m->nbands; k++)
			fprintf(fp, " %*d", bw[k], m->bands[k]);
		snprintf(b, sizeof b, "%d", m->involuntary_part_time);
		fputs("  ", fp);
		text_rpad(fp, m->involuntary_part_time < 0 ? "-" : b, iw);
		putc('\n', fp);
	}
}

static void
text_weekends(const struct tn_report *r, FILE *fp, const struct tn_style *st,
    int nw)
{
	static const struct text_col cols[] = { { N_("Shifts"), 8 },
	    { N_("Long"), 7 }, { N_("Long %"), 7 }, { N_("Avg/person"), 11 },
	    { N_("Over limit"), 11 } };
	static const char *const none[] = { "-", "-", "-", "-", "-" };
	char		 v[5][32];
	const char	*cell[5];
	int		 w[5];

	fputc('\n', fp);
	text_heads(fp, _("Weekends"), nw, cols, 5, w);
	for (int i = 0; i <= tn_report_ndepts(r); i++) {
		const struct tn_measures *m = i < tn_report_ndepts(r) ?
		    tn_report_dept(r, i) : tn_report_total(r);

		text_name(fp, m, nw);
		if (!m->has_roster) {
			text_cells(fp, none, w, 5);
			continue;
		}
		snprintf(v[0], sizeof v[0], "%ld", m->weekend_shifts);
		snprintf(v[1], sizeof v[1], "%ld", m->long_weekend_shifts);
		pct(v[2], sizeof v[2], st, m->long_weekend_share);
		style_num(v[3], sizeof v[3], st, m->avg_weekends_worked, 2);
		snprintf(v[4], sizeof v[4], "%d", m->over_weekend_limit);
		for (int k = 0; k < 5; k++)
			cell[k] = v[k];
		text_cells(fp, cell, w, 5);
	}
}

static int
text_diffs(const struct tn_report *r, FILE *fp, const struct tn_style *st)
{
	struct buf	 b = { 0 };
	char		 x[32], y[32], u[32], v[32], wk[32];

	if (r->ndiffs == 0)
		return 0;
	fprintf(fp, "\n%s\n", _("Contracted and rostered positions that "
	    "differ:"));
	for (int i = 0; i < r->ndiffs; i++) {
		const struct tn_position_diff *d = &r->diffs[i];

		b.len = 0;
		buf_addf(&b, "%s%s%s (%s): ", d->id, d->name ? " " : "",
		    d->name ? d->name : "", d->department);
		buf_addf(&b, _("contracted %s %% (%s h), rostered %s %% (%s "
		    "h), at %s h a week"), style_num(x, sizeof x, st,
		    d->contracted_pct, 1), style_num(u, sizeof u, st,
		    d->contracted_hours, 2), style_num(y, sizeof y, st,
		    d->rostered_pct, 1), style_num(v, sizeof v, st,
		    d->rostered_hours, 2), style_num(wk, sizeof wk, st,
		    d->week_hours, 2));
		if (b.s == NULL || b.oom) {
			buf_release(&b);
			return -1;
		}
		fputs("  ", fp);
		text_wrap(fp, b.s, 2, 4, 80);
	}
	buf_release(&b);
	return 0;
}

/* "ward-a: 30 persons in 1 department; full-time share 10.0 %, ..." */
static void
text_head(const struct tn_report *r, FILE *fp, const struct tn_style *st)
{
	const struct tn_measures *t = tn_report_total(r);
	struct buf	 l = { 0 };
	char		 a[32], b[32];
	int		 nd = tn_report_ndepts(r);

	for (int i = 0; i < r->nsrcs; i++)
		buf_addf(&l, "%s%s", i ? ", " : "", r->srcs[i].c->name);
	buf_adds(&l, ": ");
	buf_addf(&l, P_("%d person", "%d persons", t->headcount),
	    t->headcount);
	buf_adds(&l, " ");
	buf_addf(&l, P_("in %d department", "in %d departments", nd), nd);
	buf_addf(&l, _("; full-time share %s %%, target %s %%"), pct(a,
	    sizeof a, st, t->full_time_share), style_num(b, sizeof b, st,
	    100 * t->target, 0));
	/* long case names: wrapped at 80 like the rest of the text */
	text_wrap(fp, l.s != NULL ? l.s : "", 0, 2, 80);
	fputc('\n', fp);
	buf_release(&l);
}

static void
text_target(const struct tn_report *r, FILE *fp)
{
	const struct tn_measures *t = tn_report_total(r);
	char	 b[400];
	int	 n = t->needed_for_target;

	if (t->meets_target)
		snprintf(b, sizeof b, "%s", _("In total the target is met."));
	else
		snprintf(b, sizeof b, P_("In total the target is not met: %d "
		    "more full-time person is needed (conversions of "
		    "part-time positions).", "In total the target is not met: "
		    "%d more full-time persons are needed (conversions of "
		    "part-time positions).", n), n);
	fputc('\n', fp);
	text_wrap(fp, b, 0, 0, 80);
}

/* --persons: one line a person; the week is the one HTA § 4.2 gives. */
static void
text_persons(const struct tn_report *r, FILE *fp, const struct tn_style *st)
{
	struct tn_person_line	 p;
	char			 a[32], b[32], h[32], who[64];
	int			 col;

	fprintf(fp, "\n%s\n", _("Persons (position, rostered, and the "
	    "full-time week of their roster):"));
	for (int i = 0; i < tn_report_npersons(r); i++) {
		tn_report_person(r, i, &p);
		snprintf(who, sizeof who, "%s%s%s", p.id, p.name ? " " : "",
		    p.name ? p.name : "");
		fputs("  ", fp);
		text_pad(fp, who, 24);
		fputc(' ', fp);
		text_pad(fp, p.department, 12);
		fprintf(fp, " %7s %%", isnan(p.contracted_pct) ? "-" :
		    style_num(a, sizeof a, st, p.contracted_pct, 1));
		fprintf(fp, " %7s %%", isnan(p.rostered_pct) ? "-" :
		    style_num(b, sizeof b, st, p.rostered_pct, 1));
		/* TRANSLATORS: "h" is hours after a number ("t" in nb) */
		fprintf(fp, " %6s %s", style_num(h, sizeof h, st,
		    p.week_hours, 2), _("h"));
		/* the kind on a line of its own where it would pass 80 */
		col = 2 + text_wider(24, who) + 1 + text_wider(12,
		    p.department) + 10 + 10 + 7 + 1 + text_wider(0, _("h"));
		fprintf(fp, col + 1 + text_wider(0, _(p.week_kind)) > 80 ?
		    "\n      %s\n" : " %s\n", _(p.week_kind));
	}
}

static int
write_text(const struct tn_report *r, FILE *fp, const struct tn_style *st)
{
	int	 w = name_width(r);

	text_head(r, fp, st);
	text_main(r, fp, st, w);
	text_target(r, fp);
	text_bands(r, fp, w);
	text_weekends(r, fp, st, w);
	if (st->persons)
		text_persons(r, fp, st);
	return text_diffs(r, fp, st);
}

int
tn_report_write(const struct tn_report *r, enum tn_format fmt,
    const struct tn_style *st, FILE *fp, struct tn_error *err)
{
	if (!r->finished) {
		tn_error_set(err, TN_INTERNAL, NULL, 0, 0, _("report not "
		    "finished, expected tn_report_finish() first"));
		return -1;
	}
	switch (fmt) {
	case TN_FMT_TEXT:
		return write_text(r, fp, st) == -1 ? tn_oom(err) : 0;
	case TN_FMT_JSON:
		return write_json(r, fp, st);
	case TN_FMT_CSV:
		return write_csv(r, fp, st);
	case TN_FMT_HTML:
		return report_write_html(r, st, fp) == -1 ? tn_oom(err) : 0;
	}
	return 0;
}
