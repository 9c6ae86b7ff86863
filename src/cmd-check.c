/* turnus check: a roster against the rules and the staffing plan. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "turnus/case.h"
#include "turnus/check.h"
#include "turnus/output.h"
#include "cli.h"

enum { OPT_EXPLAIN = OPT_FIRST_OWN };

static int
check_write(struct cli *cl, const struct tn_case *c,
    const struct tn_findings *f)
{
	struct tn_error	 err;
	struct tn_out	*out;
	const char	*in[8];
	int		 nin = tn_case_inputs(c, in, 8);

	if (cl->style.quiet && cl->out == NULL)
		return 0;
	if ((out = tn_out_open(cl->out, in, nin, &err)) == NULL)
		return cli_error(&err);
	if (tn_findings_write(f, c, cl->format, &cl->style, tn_out_fp(out),
	    &err) == -1) {
		tn_out_abort(out);
		return cli_error(&err);
	}
	if (tn_out_commit(out, &err) == -1)
		return cli_error(&err);
	return 0;
}

int
cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_LONGOPTS,
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ NULL, 0, NULL, 0 }
	};
	struct cli		 cl;
	struct tn_error		 err;
	struct tn_case		*c = NULL;
	struct tn_findings	*f = NULL;
	int			 ch, rc;

	cli_init(&cl, "check");
	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS, opts, NULL)) != -1) {
		if (ch == OPT_EXPLAIN) {
			cl.style.explain = 1;
			continue;
		}
		if ((rc = cli_option(&cl, ch, optarg)) != 0)
			goto out_rc;
	}
	if ((rc = cli_case(&cl, argc, argv)) != 0)
		goto out;
	if ((c = tn_case_load(&cl.files, TN_NEED_SHIFTS | TN_NEED_ROSTER,
	    cl.sets, cl.nsets, &err)) == NULL ||
	    (f = tn_check(c, &err)) == NULL) {
		rc = cli_error(&err);
		goto out;
	}
	if ((rc = check_write(&cl, c, f)) == 0)
		rc = tn_findings_count(f) > 0 ? TN_FINDINGS : TN_OK;
	goto out;
out_rc:
	rc = rc == 3 ? TN_OK : TN_INPUT;
out:
	tn_findings_free(f);
	tn_case_free(c);
	cli_release(&cl);
	return rc;
}
