/* Writers for the batch: text, CSV, JSON, and the jobs' command lines. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "turnus/batch.h"
#include "batch-int.h"
#include "i18n.h"
#include "model.h"
#include "report-int.h"
#include "util.h"
#include "write.h"

/* ------------------------------------------------------------------ JSON */

/* A number with '.', at most 6 decimals, no trailing zeros (as report). */
void
batch_json_num(FILE *fp, double v)
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
	fputs(strcmp(b, "-0") == 0 ? "0" : b, fp);
}

static void
json_opt_str(FILE *fp, const char *s)
{
	if (s == NULL)
		fputs("null", fp);
	else
		json_str(fp, s);
}

static void
json_change(FILE *fp, const struct tn_batch_row *x)
{
	fputs(",\"previous_period\":", fp);
	json_opt_str(fp, x->prev_period);
	if (x->prev_period == NULL) {
		fputs(",\"change\":null,\"followed\":null", fp);
		return;
	}
	fprintf(fp, ",\"change\":{\"headcount\":%d,\"full_time\":%d,"
	    "\"full_time_share\":", x->d_headcount, x->d_full_time);
	batch_json_num(fp, x->d_full_time_share);
	fputs(",\"avg_position_pct\":", fp);
	batch_json_num(fp, x->d_avg_position_pct);
	fputs(",\"long_weekend_share\":", fp);
	batch_json_num(fp, x->d_long_weekend_share);
	fprintf(fp, "},\"followed\":{\"joined\":%d,\"left\":%d,"
	    "\"to_full_time\":%d,\"from_full_time\":%d}", x->joined, x->left,
	    x->to_full_time, x->from_full_time);
}

static void
json_row(const struct tn_batch *b, int i, FILE *fp)
{
	const struct tn_batch_row *x = tn_batch_row(b, i);

	fputs(i ? ",\n{\"period\":" : "\n{\"period\":", fp);
	json_str(fp, x->period);
	fputs(",\"municipality\":", fp);
	json_opt_str(fp, x->municipality);
	fputs(",\"department\":", fp);
	json_str(fp, x->department);
	fputc(',', fp);
	tn_measures_write_json_keys(b->groups[b->rows[i].group].names, &x->m,
	    fp);
	fputs(",\"distance_to_target\":", fp);
	batch_json_num(fp, x->distance);
	json_change(fp, x);
	fputc('}', fp);
}

static int
write_json(const struct tn_batch *b, FILE *fp)
{
	fputs("{\"rows\":[", fp);
	for (int i = 0; i < b->nrows; i++)
		json_row(b, i, fp);
	fputs("],\n\"failed\":[", fp);
	for (int i = 0; i < b->nfails; i++) {
		const struct tn_batch_failure *f = &b->fails[i];

		fputs(i ? ",\n{\"file\":" : "\n{\"file\":", fp);
		json_opt_str(fp, f->file);
		fprintf(fp, ",\"line\":%ld,\"column\":%ld,\"job\":%d,"
		    "\"message\":", f->line, f->col, f->job);
		json_str(fp, f->message);
		fputc('}', fp);
	}
	fputs("]}\n", fp);
	return 0;
}

/* ------------------------------------------------------------------- CSV */

/* The band columns: every band name of every row, in first-seen order. */
static int
band_columns(const struct tn_batch *b, const char **v, int max)
{
	int	 n = 0, k;

	for (int i = 0; i < b->nrows; i++)
		for (int j = 0; j < b->rows[i].pub.m.nbands; j++) {
			const char *s = tn_batch_band_name(b, i, j);

			for (k = 0; k < n && strcmp(v[k], s) != 0; k++)
				;
			if (k == n && n < max)
				v[n++] = s;
		}
	return n;
}

static void
csv_head(FILE *fp, const struct tn_style *st, const char **bands, int nb)
{
	static const char *const a[] = { "period", "municipality",
	    "department", "headcount", "fte", "avg_position_pct", "full_time",
	    "full_time_share", "full_time_fte_share", "target", "meets_target",
	    "needed_for_target" };
	static const char *const z[] = { "involuntary_part_time",
	    "weekend_shifts", "long_weekend_shifts", "long_weekend_share",
	    "avg_weekends_worked", "over_weekend_limit", "distance_to_target",
	    "previous_period", "change_headcount", "change_full_time",
	    "change_full_time_share", "change_avg_position_pct",
	    "change_long_weekend_share", "joined", "left", "to_full_time",
	    "from_full_time" };
	char	 name[96];

	csv_begin(fp, st);
	for (size_t i = 0; i < nitems(a); i++)
		csv_cell(fp, st, a[i], i == 0);
	for (int i = 0; i < nb; i++) {
		snprintf(name, sizeof name, "bands_%s", bands[i]);
		csv_cell(fp, st, name, 0);
	}
	for (size_t i = 0; i < nitems(z); i++)
		csv_cell(fp, st, z[i], 0);
	csv_end(fp);
}

static void
csv_opt(FILE *fp, const struct tn_style *st, int known, double v, int dec)
{
	if (known && isfinite(v))
		csv_num(fp, st, v, dec, 0);
	else
		csv_cell(fp, st, "", 0);
}

static void
csv_tail(FILE *fp, const struct tn_style *st, const struct tn_batch_row *x)
{
	int	 p = x->prev_period != NULL;

	csv_num(fp, st, x->distance, 4, 0);
	csv_cell(fp, st, p ? x->prev_period : "", 0);
	csv_opt(fp, st, p, x->d_headcount, 0);
	csv_opt(fp, st, p, x->d_full_time, 0);
	csv_opt(fp, st, p, x->d_full_time_share, 4);
	csv_opt(fp, st, p, x->d_avg_position_pct, 4);
	csv_opt(fp, st, p, x->d_long_weekend_share, 4);
	csv_opt(fp, st, p, x->joined, 0);
	csv_opt(fp, st, p, x->left, 0);
	csv_opt(fp, st, p, x->to_full_time, 0);
	csv_opt(fp, st, p, x->from_full_time, 0);
}

static void
csv_row(const struct tn_batch *b, int i, FILE *fp, const struct tn_style *st,
    const char **bands, int nb)
{
	const struct tn_batch_row *x = tn_batch_row(b, i);
	const struct tn_measures *m = &x->m;
	int	 k;

	csv_cell(fp, st, x->period, 1);
	csv_cell(fp, st, x->municipality ? x->municipality : "", 0);
	csv_cell(fp, st, x->department, 0);
	csv_int(fp, st, m->headcount, 0);
	csv_num(fp, st, m->fte, 4, 0);
	csv_num(fp, st, m->avg_position_pct, 4, 0);
	csv_int(fp, st, m->full_time, 0);
	csv_num(fp, st, m->full_time_share, 4, 0);
	csv_num(fp, st, m->full_time_fte_share, 4, 0);
	csv_num(fp, st, m->target, 4, 0);
	csv_cell(fp, st, m->meets_target ? "yes" : "no", 0);
	csv_int(fp, st, m->needed_for_target, 0);
	for (int j = 0; j < nb; j++) {
		for (k = 0; k < m->nbands && strcmp(tn_batch_band_name(b, i, k),
		    bands[j]) != 0; k++)
			;
		csv_opt(fp, st, k < m->nbands, k < m->nbands ? m->bands[k] :
		    0, 0);
	}
	csv_opt(fp, st, m->involuntary_part_time >= 0,
	    m->involuntary_part_time, 0);
	csv_opt(fp, st, m->has_roster, (double)m->weekend_shifts, 0);
	csv_opt(fp, st, m->has_roster, (double)m->long_weekend_shifts, 0);
	csv_opt(fp, st, m->has_roster, m->long_weekend_share, 4);
	csv_opt(fp, st, m->has_roster, m->avg_weekends_worked, 4);
	csv_opt(fp, st, m->has_roster, m->over_weekend_limit, 0);
	csv_tail(fp, st, x);
	csv_end(fp);
}

static int
write_csv(const struct tn_batch *b, FILE *fp, const struct tn_style *st)
{
	const char	*bands[64];
	int		 nb = band_columns(b, bands, 64);

	csv_head(fp, st, bands, nb);
	for (int i = 0; i < b->nrows; i++)
		csv_row(b, i, fp, st, bands, nb);
	return 0;
}

/* ------------------------------------------------------------------ text */

static const char *
pct(char *s, size_t sz, const struct tn_style *st, double v, const char *unit)
{
	char	 n[32];

	snprintf(s, sz, "%s %s", style_num(n, sizeof n, st, 100 * v, 1), unit);
	return s;
}

/* The columns after the period's (the widths of the English words). */
static const struct text_col cols[] = { { N_("Heads"), 5 },
    { N_("Full"), 5 }, { N_("Share"), 7 }, { N_("Change"), 8 },
    { N_("Target"), 6 }, { N_("To go"), 8 }, { N_("Long wknd"), 9 },
    { N_("To FT"), 6 } };
#define NCOLS	((int)nitems(cols))

static void
text_row(FILE *fp, const struct tn_style *st, const struct tn_batch_row *x,
    int pw, const int *w)
{
	const struct tn_measures *m = &x->m;
	char	 hd[16], fu[16], sh[32], ch[32] = "", tg[32], go[32];
	char	 lw[32] = "-", ft[16] = "", n[32];
	const char *cell[] = { hd, fu, sh, ch, tg, go, lw, ft };

	/* TRANSLATORS: percentage points, after a number */
	const char *pp = _("pp");

	snprintf(hd, sizeof hd, "%d", m->headcount);
	snprintf(fu, sizeof fu, "%d", m->full_time);
	pct(sh, sizeof sh, st, m->full_time_share, "%");
	if (x->prev_period != NULL) {
		pct(ch, sizeof ch, st, x->d_full_time_share, pp);
		if (x->d_full_time_share >= 0)
			memmove(ch + 1, ch, strlen(ch) + 1), ch[0] = '+';
		snprintf(ft, sizeof ft, "%d", x->to_full_time);
	}
	snprintf(tg, sizeof tg, "%s %%", style_num(n, sizeof n, st,
	    100 * m->target, 0));
	if (x->distance > 1e-9)
		pct(go, sizeof go, st, x->distance, pp);
	else
		snprintf(go, sizeof go, "%s", _("met"));
	if (m->has_roster)
		pct(lw, sizeof lw, st, m->long_weekend_share, "%");
	fputs("  ", fp);
	text_pad(fp, x->period, pw);
	text_cells(fp, cell, w, NCOLS);
}

static void
text_block_head(FILE *fp, const struct tn_batch_row *x, int pw, int *w)
{
	fputc('\n', fp);
	if (x->municipality != NULL) {
		fputs(x->municipality, fp);
		fputs(": ", fp);
	}
	fprintf(fp, "%s\n", x->department);
	fputs("  ", fp);
	text_heads(fp, _("Period"), pw, cols, NCOLS, w);
}

/* "  FILE:LINE:COL: message", wrapped at 80 like the rest of the text. */
static int
text_fail(FILE *fp, const struct tn_batch_failure *f)
{
	struct buf	 l = { 0 };

	if (f->file != NULL) {
		buf_adds(&l, f->file);
		if (f->line > 0)
			buf_addf(&l, ":%ld", f->line);
		if (f->line > 0 && f->col > 0)
			buf_addf(&l, ":%ld", f->col);
		buf_adds(&l, ": ");
	}
	buf_adds(&l, f->message);
	if (l.s == NULL || l.oom) {
		buf_release(&l);
		return -1;
	}
	fputs("  ", fp);
	text_wrap(fp, l.s, 2, 4, 80);
	buf_release(&l);
	return 0;
}

static int
write_text(const struct tn_batch *b, FILE *fp, const struct tn_style *st)
{
	int	 w[NCOLS], pw = text_wider(8, _("Period"));

	fprintf(fp, "%s ", _("Full-time share per department and period:"));
	fprintf(fp, P_("%d row", "%d rows", b->nrows), b->nrows);
	fputs(", ", fp);
	fprintf(fp, P_("%d snapshot not measured", "%d snapshots not "
	    "measured", b->nfails), b->nfails);
	fputc('\n', fp);
	for (int i = 0; i < b->nrows; i++) {
		const struct tn_batch_row *x = tn_batch_row(b, i);

		if (x->prev_period == NULL)
			text_block_head(fp, x, pw, w);
		text_row(fp, st, x, pw, w);
	}
	if (b->nrows > 0) {
		fputc('\n', fp);
		text_wrap(fp, _("Share: full-time persons (KS: positions "
		    "summed per person); Change: since the previous period; "
		    "To go: percentage points to the period's target; Long "
		    "wknd: long weekend shifts among weekend shifts; To FT: "
		    "part-time persons of the previous period who are "
		    "full-time now."), 0, 0, 80);
	}
	if (b->nfails > 0) {
		fputc('\n', fp);
		fprintf(fp, _("Not measured (%d):"), b->nfails);
		fputc('\n', fp);
	}
	for (int i = 0; i < b->nfails; i++)
		if (text_fail(fp, &b->fails[i]) == -1)
			return -1;
	return 0;
}

int
tn_batch_write(const struct tn_batch *b, enum tn_format fmt,
    const struct tn_style *st, FILE *fp, struct tn_error *err)
{
	tn_error_clear(err);
	switch (fmt) {
	case TN_FMT_TEXT:
		return write_text(b, fp, st) == -1 ? tn_oom(err) : 0;
	case TN_FMT_CSV:
		return write_csv(b, fp, st);
	case TN_FMT_JSON:
		return write_json(b, fp);
	case TN_FMT_HTML:
		return batch_write_html(b, st, fp) == -1 ? tn_oom(err) : 0;
	}
	tn_error_set(err, TN_INTERNAL, NULL, 0, 0, "unknown format");
	return -1;
}

/* ------------------------------------------------------------------ jobs */

/* A word as sh reads it: quoted when it holds anything special. */
static void
sh_word(FILE *fp, const char *s)
{
	if (*s != '\0' && strspn(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklm"
	    "nopqrstuvwxyz0123456789_./:=+-@%,") == strlen(s)) {
		fputs(s, fp);
		return;
	}
	putc('\'', fp);
	for (; *s; s++)
		if (*s == '\'')
			fputs("'\\''", fp);
		else
			putc(*s, fp);
	putc('\'', fp);
}

static void
sh_opt(FILE *fp, const char *opt, const char *v)
{
	if (v == NULL)
		return;
	fprintf(fp, " %s ", opt);
	sh_word(fp, v);
}

int
tn_batch_write_jobs(const struct tn_batch *b,
    const struct tn_batch_jobline *jl, FILE *fp, struct tn_error *err)
{
	char	 out[4096];
	int	 w = snprintf(NULL, 0, "%d", b->nsnaps);

	tn_error_clear(err);
	for (int i = 0; i < b->nsnaps; i++) {
		const struct tn_batch_job *j = &b->snaps[i].job;

		sh_word(fp, jl->program);
		fprintf(fp, " batch --job %d/%d", j->number, j->count);
		sh_opt(fp, "--period", j->period);
		sh_opt(fp, "--municipality", j->municipality);
		sh_opt(fp, "--shifts", j->shifts);
		sh_opt(fp, "--rules", j->rules);
		for (int k = 0; k < jl->nsets; k++)
			sh_opt(fp, "--set", jl->sets[k]);
		if (jl->key_file != NULL) {
			fputs(" --pseudonymize", fp);
			sh_opt(fp, "--key-file", jl->key_file);
		}
		snprintf(out, sizeof out, "%s/%0*d.json", jl->results, w,
		    j->number);
		sh_opt(fp, "-o", out);
		fputs(" -- ", fp);
		sh_word(fp, j->file);
		putc('\n', fp);
	}
	return 0;
}
