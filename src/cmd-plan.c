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
#include "util.h"

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
	(void)arg;
	char	 gap[16] = "-";

	if (p->gap >= 0)
		snprintf(gap, sizeof gap, "%.1f %%", 100 * p->gap);
	fprintf(stderr, "\r%6.1f s  %s  full-time %d (bound %d, gap %s)  "
	    "uncovered %.1f h   ", p->elapsed, p->have_roster ?
	    "roster found" : "searching   ", p->full_time, p->bound, gap,
	    p->uncovered);
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
			return cli_usage_error(cl->cmd, "bad time limit '%s', "
			    "expected seconds, such as 60", a), 2;
		return 0;
	case OPT_GAP:
		o->gap = strtod(a, &end);
		if (*a == '\0' || *end != '\0' || o->gap < 0)
			return cli_usage_error(cl->cmd, "bad gap '%s', expected "
			    "a relative gap, such as 0.01", a), 2;
		return 0;
	case OPT_LONG:
		if (strcmp(a, "auto") == 0)
			o->long_shifts = TN_LONG_AUTO;
		else if (strcmp(a, "on") == 0)
			o->long_shifts = TN_LONG_ON;
		else if (strcmp(a, "off") == 0)
			o->long_shifts = TN_LONG_OFF;
		else
			return cli_usage_error(cl->cmd, "bad --long-shifts "
			    "'%s', expected auto, on or off", a), 2;
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
			return cli_usage_error(cl->cmd, "bad seed '%s', expected "
			    "a whole number, such as 1", a), 2;
		return 0;
	}
	return cli_option(cl, ch, a);
}

/* One row of the before/after table; a NULL unit leaves the cell "-". */
static void
text_row(FILE *fp, const char *what, const char *fa, double a, int ha,
    const char *fb, double b, int hb)
{
	char	 x[32], y[32];

	if (ha)
		snprintf(x, sizeof x, fa, a);
	else
		snprintf(x, sizeof x, "-");
	if (hb)
		snprintf(y, sizeof y, fb, b);
	else
		snprintf(y, sizeof y, "-");
	fprintf(fp, "  %-22s %10s %10s\n", what, x, y);
}

static void
text_measures(FILE *fp, const struct tn_measures *a,
    const struct tn_measures *b)
{
	int	 wa = a->has_roster, wb = b->has_roster;

	fprintf(fp, "  %-22s %10s %10s\n", "", "before", "after");
	text_row(fp, "headcount", "%.0f", a->headcount, 1, "%.0f",
	    b->headcount, 1);
	text_row(fp, "full-time", "%.0f", a->full_time, 1, "%.0f",
	    b->full_time, 1);
	text_row(fp, "full-time share", "%.1f %%", 100 * a->full_time_share,
	    1, "%.1f %%", 100 * b->full_time_share, 1);
	text_row(fp, "FTE", "%.2f", a->fte, 1, "%.2f", b->fte, 1);
	text_row(fp, "average position", "%.1f %%", a->avg_position_pct, 1,
	    "%.1f %%", b->avg_position_pct, 1);
	text_row(fp, "weekend shifts", "%.0f", a->weekend_shifts, wa, "%.0f",
	    b->weekend_shifts, wb);
	text_row(fp, "long weekend shifts", "%.0f", a->long_weekend_shifts,
	    wa, "%.0f", b->long_weekend_shifts, wb);
}

static void
text_result(FILE *fp, const struct tn_case *c, const struct tn_plan_result *r,
    const char *out)
{
	fprintf(fp, "%s: %d %s planned, status %s after %.1f s\n",
	    tn_case_name(c), r->lines, r->design_heads > 0 ? "roster lines" :
	    r->lines == 1 ? "person" : "persons",
	    tn_plan_status_name(r->status), r->elapsed);
	if (r->design_heads > 0 && r->lines > r->design_heads)
		fprintf(fp, "  the weekends need %d lines; %d more to cover the "
		    "staffing plan\n", r->design_heads, r->lines -
		    r->design_heads);
	fprintf(fp, "  first roster after %.1f s, best after %.1f s\n",
	    r->t_first, r->t_best);
	fprintf(fp, "  full-time: %d of %d (capacity bound %d)\n",
	    r->full_time, r->lines, r->full_time_bound);
	fprintf(fp, "  uncovered demand: %.1f h; objective %.1f, bound %.1f, "
	    "gap %.1f %%\n\n", r->uncovered, r->objective, r->bound,
	    100 * r->gap);
	text_measures(fp, tn_report_total(r->before),
	    tn_report_total(r->after));
	if (r->nexplain > 0) {
		fputs("\nThe staffing plan cannot be covered:\n", fp);
		for (int i = 0; i < r->nexplain; i++)
			fprintf(fp, "  - %s\n", r->explain[i]);
		fputs("The roster leaves these shifts short.\n", fp);
	}
	if (out != NULL)
		fprintf(fp, "\nRoster written to %s\n", out);
}

static void
json_result(FILE *fp, const struct tn_plan_result *r)
{
	fprintf(fp, "{\"status\":\"%s\",\"objective\":%.4f,\"bound\":%.4f,"
	    "\"gap\":%.6f,\"uncovered_hours\":%.2f,\"full_time\":%d,"
	    "\"full_time_bound\":%d,\"lines\":%d,\"design_heads\":%d,"
	    "\"time_first\":%.3f,\"time_best\":%.3f,\"elapsed\":%.3f,"
	    "\n\"before\":", tn_plan_status_name(r->status), r->objective,
	    r->bound, r->gap, r->uncovered, r->full_time, r->full_time_bound,
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
		text_result(stdout, c, r, cl->out);
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
		return cli_usage_error(cl->cmd, "plan has no html output, "
		    "expected text, csv or json");
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
	signal(SIGINT, SIG_DFL);
	if (rc == -1)
		rc = cli_error(&err);
	else if ((rc = plan_write(cl, c, &r, in, nin)) == 0)
		rc = r.status == TN_PLAN_INFEASIBLE ? TN_FINDINGS : TN_OK;
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
