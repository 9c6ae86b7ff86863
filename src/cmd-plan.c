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
#include "cli.h"

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
	fprintf(stderr, "\r%6.1f s  %s  full-time %d (bound %d)  uncovered "
	    "%.1f h   ", p->elapsed, p->have_roster ? "roster found" :
	    "searching   ", p->full_time, p->bound, p->uncovered);
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
		o->seed = (unsigned)strtoul(a, NULL, 10);
		return 0;
	}
	return cli_option(cl, ch, a);
}

static void
text_measures(FILE *fp, const char *what, double a, double b, int dec,
    const char *unit)
{
	fprintf(fp, "  %-22s %9.*f%s %9.*f%s\n", what, dec, a, unit, dec, b,
	    unit);
}

static void
text_result(FILE *fp, const struct tn_case *c, const struct tn_plan_result *r,
    const char *out)
{
	fprintf(fp, "%s: %d %s planned, status %s after %.1f s\n",
	    tn_case_name(c), r->lines, r->lines == 1 ? "line" : "lines",
	    tn_plan_status_name(r->status), r->elapsed);
	fprintf(fp, "  first roster after %.1f s, best after %.1f s\n",
	    r->t_first, r->t_best);
	fprintf(fp, "  full-time: %d of %d (capacity bound %d)\n",
	    r->full_time, r->after.headcount, r->full_time_bound);
	fprintf(fp, "  uncovered demand: %.1f h; objective %.1f, bound %.1f, "
	    "gap %.1f %%\n\n", r->uncovered, r->objective, r->bound,
	    100 * r->gap);
	fprintf(fp, "  %-22s %10s %10s\n", "", "before", "after");
	text_measures(fp, "headcount", r->before.headcount,
	    r->after.headcount, 0, " ");
	text_measures(fp, "full-time", r->before.full_time, r->after.full_time,
	    0, " ");
	text_measures(fp, "full-time share", 100 * r->before.share,
	    100 * r->after.share, 1, "%");
	text_measures(fp, "FTE", r->before.fte, r->after.fte, 2, " ");
	text_measures(fp, "average position", r->before.avg_position,
	    r->after.avg_position, 1, "%");
	text_measures(fp, "weekend shifts", r->before.weekend_shifts,
	    r->after.weekend_shifts, 0, " ");
	text_measures(fp, "long weekend shifts", r->before.long_weekend_shifts,
	    r->after.long_weekend_shifts, 0, " ");
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
json_measures(FILE *fp, const char *k, const struct tn_plan_measures *m)
{
	fprintf(fp, "\"%s\":{\"headcount\":%d,\"full_time\":%d,"
	    "\"full_time_share\":%.4f,\"fte\":%.4f,\"avg_position_pct\":%.2f,"
	    "\"weekend_shifts\":%d,\"long_weekend_shifts\":%d}", k,
	    m->headcount, m->full_time, m->share, m->fte, m->avg_position,
	    m->weekend_shifts, m->long_weekend_shifts);
}

static void
json_result(FILE *fp, const struct tn_plan_result *r)
{
	fprintf(fp, "{\"status\":\"%s\",\"objective\":%.4f,\"bound\":%.4f,"
	    "\"gap\":%.6f,\"uncovered_hours\":%.2f,\"full_time\":%d,"
	    "\"full_time_bound\":%d,\"lines\":%d,\"time_first\":%.3f,"
	    "\"time_best\":%.3f,\"elapsed\":%.3f,",
	    tn_plan_status_name(r->status), r->objective, r->bound, r->gap,
	    r->uncovered, r->full_time, r->full_time_bound, r->lines,
	    r->t_first, r->t_best, r->elapsed);
	json_measures(fp, "before", &r->before);
	putc(',', fp);
	json_measures(fp, "after", &r->after);
	fputs(",\"explain\":[", fp);
	for (int i = 0; i < r->nexplain; i++) {
		const char *s = r->explain[i];

		fputs(i ? ",\"" : "\"", fp);
		for (; *s; s++)
			if (*s == '"' || *s == '\\')
				fprintf(fp, "\\%c", *s);
			else if ((unsigned char)*s < 0x20)
				fprintf(fp, "\\u%04x", *s);
			else
				putc(*s, fp);
		putc('"', fp);
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
