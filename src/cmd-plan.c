/* turnus plan: a new roster that covers the staffing plan, within the rules. */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "turnus/case.h"
#include "turnus/output.h"
#include "turnus/plan.h"
#include "turnus/report.h"
#include "cli.h"
#include "i18n.h"
#include "util.h"
#include "write.h"

enum { OPT_TIME = OPT_FIRST_OWN, OPT_GAP, OPT_LONG, OPT_DESIGN, OPT_LP,
    OPT_MPS, OPT_SEED };

static volatile sig_atomic_t	interrupted;

static void
on_sigint(int sig)
{
	(void)sig;
	interrupted = 1;
}

static void
progress(const struct tn_plan_progress *p, void *arg)
{
	const char	*have = _("roster found"), *none = _("searching");
	int		 w = text_wider(text_wider(0, have), none);
	char		 t[16], gap[16] = "-", u[16];

	(void)arg;
	fmt_num(t, sizeof t, p->elapsed, 1, i18n_nb());
	if (p->gap >= 0)
		snprintf(gap, sizeof gap, "%s %%", fmt_num(u, sizeof u,
		    100 * p->gap, 1, i18n_nb()));
	fprintf(stderr, "\r%6s s  ", t);
	text_pad(stderr, p->have_roster ? have : none, w);
	if (p->by_objective) {
		char o[24], b[24] = "-";

		if (!isnan(p->obj_bound))
			fmt_num(b, sizeof b, p->obj_bound, 1, i18n_nb());
		fprintf(stderr, _("  objective %s (bound %s, gap %s)   "),
		    fmt_num(o, sizeof o, p->objective, 1, i18n_nb()), b, gap);
		fflush(stderr);
		return;
	}
	fprintf(stderr, _("  full-time %d (bound %d, gap %s)  uncovered %s h   "),
	    p->full_time, p->bound, gap, fmt_num(u, sizeof u, p->uncovered, 1,
	    i18n_nb()));
	fflush(stderr);
}

static void
glpk_log(const char *s, void *arg)
{
	(void)arg;
	fputs(s, stderr);
}

static int
plan_options(struct cli *cl, struct tn_plan_opts *o, int ch, const char *a)
{
	char	*end;

	switch (ch) {
	case OPT_TIME:
		o->time_limit = strtod(a, &end);
		if (*a == '\0' || *end != '\0' || o->time_limit < 0)
			return cli_usage_error(cl->cmd, _("bad time limit '%s', "
			    "expected seconds, such as 60"), a), 2;
		return 0;
	case OPT_GAP:
		o->gap = strtod(a, &end);
		if (*a == '\0' || *end != '\0' || o->gap < 0)
			return cli_usage_error(cl->cmd, _("bad gap '%s', expected "
			    "a relative gap, such as 0.01"), a), 2;
		return 0;
	case OPT_LONG:
		if (strcmp(a, "auto") == 0)
			o->long_shifts = TN_LONG_AUTO;
		else if (strcmp(a, "on") == 0)
			o->long_shifts = TN_LONG_ON;
		else if (strcmp(a, "off") == 0)
			o->long_shifts = TN_LONG_OFF;
		else
			return cli_usage_error(cl->cmd, _("bad --long-shifts "
			    "'%s', expected auto, on or off"), a), 2;
		return 0;
	case OPT_DESIGN:
		o->design = 1;
		return 0;
	case OPT_LP:
		o->write_lp = a;
		return 0;
	case OPT_MPS:
		o->write_mps = a;
		return 0;
	case OPT_SEED:
		o->seed = (unsigned)strtoul(a, &end, 10);
		if (*a < '0' || *a > '9' || *end != '\0')
			return cli_usage_error(cl->cmd, _("bad seed '%s', expected "
			    "a whole number, such as 1"), a), 2;
		return 0;
	}
	return cli_option(cl, ch, a);
}

/* The status in the user's words; JSON keeps tn_plan_status_name(). */
static const char *
status_text(int s)
{
	static const char *const words[] = { NC_("plan status", "optimal"),
	    NC_("plan status", "feasible"), NC_("plan status", "infeasible"),
	    NC_("plan status", "time_limit"),
	    NC_("plan status", "interrupted") };

	return s >= 0 && s < 5 ? _(words[s]) : tn_plan_status_name(s);
}

/* One row of the before/after table; a side without a roster is "-". */
static void
text_row(FILE *fp, const struct tn_style *st, int w, const char *what,
    const double v[2], const int has[2], int dec, const char *unit)
{
	char	 x[32], y[40];

	fputs("  ", fp);
	text_pad(fp, _(what), w);
	for (int i = 0; i < 2; i++) {
		snprintf(y, sizeof y, "%s%s", has[i] ? style_num(x, sizeof x,
		    st, v[i], dec) : "-", has[i] ? unit : "");
		putc(' ', fp);
		text_rpad(fp, y, 10);
	}
	putc('\n', fp);
}

static void
text_measures(FILE *fp, const struct tn_style *st,
    const struct tn_measures *a, const struct tn_measures *b)
{
	static const char *const what[] = { N_("headcount"), N_("full-time"),
	    N_("full-time share"), NC_("plan", "FTE"), N_("average position"),
	    N_("weekend shifts"), N_("long weekend shifts") };
	const int	 all[2] = { 1, 1 };
	const int	 wk[2] = { a->has_roster, b->has_roster };
	int		 w = 22;

	for (size_t i = 0; i < sizeof what / sizeof what[0]; i++)
		w = text_wider(w, _(what[i]));
	fputs("  ", fp);
	text_pad(fp, "", w);
	fputc(' ', fp);
	text_rpad(fp, _("before"), 10);
	fputc(' ', fp);
	text_rpad(fp, _("after"), 10);
	fputc('\n', fp);
	text_row(fp, st, w, what[0], (double[2]){ a->headcount, b->headcount },
	    all, 0, "");
	text_row(fp, st, w, what[1], (double[2]){ a->full_time, b->full_time },
	    all, 0, "");
	text_row(fp, st, w, what[2], (double[2]){ 100 * a->full_time_share,
	    100 * b->full_time_share }, all, 1, " %");
	text_row(fp, st, w, what[3], (double[2]){ a->fte, b->fte }, all, 2,
	    "");
	text_row(fp, st, w, what[4], (double[2]){ a->avg_position_pct,
	    b->avg_position_pct }, all, 1, " %");
	text_row(fp, st, w, what[5], (double[2]){ a->weekend_shifts,
	    b->weekend_shifts }, wk, 0, "");
	text_row(fp, st, w, what[6], (double[2]){ a->long_weekend_shifts,
	    b->long_weekend_shifts }, wk, 0, "");
}

/* The head of the result: what was planned, how fast, and how well. */
static void
text_head(FILE *fp, const struct tn_case *c, const struct tn_plan_result *r,
    const struct tn_style *st)
{
	char	 s[4][32], b[400];
	int	 n = r->lines;

	style_num(s[0], sizeof s[0], st, r->elapsed, 1);
	if (r->design_heads > 0)
		snprintf(b, sizeof b, P_("%s: %d roster line planned, status %s "
		    "after %s s", "%s: %d roster lines planned, status %s after "
		    "%s s", n), tn_case_name(c), n, status_text(r->status),
		    s[0]);
	else
		snprintf(b, sizeof b, P_("%s: %d person planned, status %s after "
		    "%s s", "%s: %d persons planned, status %s after %s s", n),
		    tn_case_name(c), n, status_text(r->status), s[0]);
	text_wrap(fp, b, 0, 2, 80);
	if (r->design_heads > 0 && r->lines > r->design_heads) {
		snprintf(b, sizeof b, _("the weekends need %d lines; %d more to "
		    "cover the staffing plan"), r->design_heads, r->lines -
		    r->design_heads);
		fputs("  ", fp);
		text_wrap(fp, b, 2, 4, 80);
	}
	fprintf(fp, _("  first roster after %s s, best after %s s\n"),
	    style_num(s[0], sizeof s[0], st, r->t_first, 1),
	    style_num(s[1], sizeof s[1], st, r->t_best, 1));
	fprintf(fp, _("  full-time: %d of %d (capacity bound %d)\n"),
	    r->full_time, r->lines, r->full_time_bound);
	snprintf(b, sizeof b, _("uncovered demand: %s h; objective %s, bound "
	    "%s, gap %s %%"), style_num(s[0], sizeof s[0], st, r->uncovered,
	    1), style_num(s[1], sizeof s[1], st, r->objective, 1),
	    style_num(s[2], sizeof s[2], st, r->bound, 1), style_num(s[3],
	    sizeof s[3], st, 100 * r->gap, 1));
	fputs("  ", fp);
	text_wrap(fp, b, 2, 4, 80);
	if (r->soft_short > 0) {
		snprintf(b, sizeof b, _("soft demand short: %s h (priced in the "
		    "objective, no finding)"), style_num(s[0], sizeof s[0], st,
		    r->soft_short, 1));
		fputs("  ", fp);
		text_wrap(fp, b, 2, 4, 80);
	}
}

static void
text_result(FILE *fp, const struct tn_case *c, const struct tn_plan_result *r,
    const struct tn_style *st, const char *out)
{
	text_head(fp, c, r, st);
	fputc('\n', fp);
	text_measures(fp, st, tn_report_total(r->before),
	    tn_report_total(r->after));
	if (r->nexplain > 0) {
		fprintf(fp, "\n%s\n", _("The staffing plan is not covered:"));
		for (int i = 0; i < r->nexplain; i++) {
			fputs("  - ", fp);
			text_wrap(fp, r->explain[i], 4, 4, 80);
		}
		fprintf(fp, "%s\n", _("The roster leaves these shifts short."));
	}
	if (out != NULL) {
		fputc('\n', fp);
		fprintf(fp, _("Roster written to %s\n"), out);
	}
}

static void
json_result(FILE *fp, const struct tn_plan_result *r)
{
	fprintf(fp, "{\"status\":\"%s\",\"objective\":%.4f,\"bound\":%.4f,"
	    "\"gap\":%.6f,\"uncovered_hours\":%.2f,"
	    "\"soft_short_hours\":%.2f,\"full_time\":%d,"
	    "\"full_time_bound\":%d,\"lines\":%d,\"design_heads\":%d,"
	    "\"time_first\":%.3f,\"time_best\":%.3f,\"elapsed\":%.3f,"
	    "\n\"before\":", tn_plan_status_name(r->status), r->objective,
	    r->bound, r->gap, r->uncovered, r->soft_short, r->full_time,
	    r->full_time_bound,
	    r->lines, r->design_heads, r->t_first, r->t_best, r->elapsed);
	tn_report_write_json_object(r->before, fp);
	fputs(",\n\"after\":", fp);
	tn_report_write_json_object(r->after, fp);
	fputs(",\n\"explain\":[", fp);
	for (int i = 0; i < r->nexplain; i++) {
		if (i > 0)
			putc(',', fp);
		json_str(fp, r->explain[i]);
	}
	fputs("]}\n", fp);
}

/* The roster file first: when it cannot be written, nothing is. */
static int
plan_write(struct cli *cl, const struct tn_case *c,
    const struct tn_plan_result *r, const char *const *in, int nin)
{
	struct tn_error	 err;
	struct tn_out	*out;

	if (cl->out != NULL || cl->format == TN_FMT_CSV) {
		if ((out = tn_out_open(cl->out, in, nin, &err)) == NULL)
			return cli_error(&err);
		if (tn_roster_write(c, &cl->style, tn_out_fp(out), &err) == -1) {
			tn_out_abort(out);
			return cli_error(&err);
		}
		if (tn_out_commit(out, &err) == -1)
			return cli_error(&err);
	}
	if (cl->format == TN_FMT_JSON)
		json_result(stdout, r);
	else if (cl->format == TN_FMT_TEXT && !cl->style.quiet)
		text_result(stdout, c, r, &cl->style, cl->out);
	return 0;
}

static int
plan_run(struct cli *cl, struct tn_plan_opts *o)
{
	struct tn_error		 err;
	struct tn_plan_result	 r = { 0 };
	struct tn_case		*c;
	const char		*in[8];
	int			 rc, nin;

	if ((c = tn_case_load(&cl->files, TN_NEED_SHIFTS | TN_NEED_DEMAND,
	    cl->sets, cl->nsets, &err)) == NULL)
		return cli_error(&err);
	nin = tn_case_inputs(c, in, 8);
	if (cl->format == TN_FMT_HTML) {
		tn_case_free(c);
		return cli_usage_error(cl->cmd, _("plan has no html output, "
		    "expected text, csv or json"));
	}
	signal(SIGINT, on_sigint);
	if (isatty(STDERR_FILENO) && !cl->style.quiet)
		o->progress = progress;
	if (cl->style.verbose)
		o->log = glpk_log;
	o->stop = &interrupted;
	rc = tn_plan(c, o, &r, &err);
	if (o->progress != NULL)
		fputc('\n', stderr);
	/* a second Ctrl-C while the roster is written loses nothing */
	if (rc == -1)
		rc = cli_error(&err);
	else if ((rc = plan_write(cl, c, &r, in, nin)) == 0)
		rc = r.status == TN_PLAN_INFEASIBLE ? TN_FINDINGS : TN_OK;
	signal(SIGINT, SIG_DFL);
	tn_plan_result_release(&r);
	tn_case_free(c);
	return rc;
}

int
cmd_plan(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_LONGOPTS,
		{ "time-limit", required_argument, NULL, OPT_TIME },
		{ "gap", required_argument, NULL, OPT_GAP },
		{ "long-shifts", required_argument, NULL, OPT_LONG },
		{ "design", no_argument, NULL, OPT_DESIGN },
		{ "write-lp", required_argument, NULL, OPT_LP },
		{ "write-mps", required_argument, NULL, OPT_MPS },
		{ "seed", required_argument, NULL, OPT_SEED },
		{ NULL, 0, NULL, 0 }
	};
	struct tn_plan_opts	 o = { .time_limit = 60 };
	struct cli		 cl;
	int			 ch, rc;

	cli_init(&cl, "plan");
	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS, opts, NULL)) != -1)
		if ((rc = plan_options(&cl, &o, ch, optarg)) != 0) {
			rc = rc == 3 ? TN_OK : TN_INPUT;
			goto out;
		}
	if ((rc = cli_case(&cl, argc, argv)) == 0)
		rc = plan_run(&cl, &o);
out:
	cli_release(&cl);
	return rc;
}
