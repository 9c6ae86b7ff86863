/* turnus capacity: the weekend arithmetic, an upper bound for plan. */
#include <stdio.h>

#include "turnus/case.h"
#include "turnus/output.h"
#include "turnus/plan.h"
#include "cli.h"

int
cmd_capacity(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli		 cl;
	struct tn_error		 err;
	struct tn_case		*c = NULL;
	struct tn_capacity	 cap;
	struct tn_out		*out = NULL;
	const char		*in[8];
	int			 ch, rc;

	cli_init(&cl, "capacity");
	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS, opts, NULL)) != -1)
		if ((rc = cli_option(&cl, ch, optarg)) != 0) {
			rc = rc == 3 ? TN_OK : TN_INPUT;
			goto out;
		}
	if ((rc = cli_case(&cl, argc, argv)) != 0)
		goto out;
	if ((c = tn_case_load(&cl.files, TN_NEED_SHIFTS | TN_NEED_DEMAND,
	    cl.sets, cl.nsets, &err)) == NULL ||
	    tn_capacity(c, &cap, &err) == -1 ||
	    (out = tn_out_open(cl.out, in, tn_case_inputs(c, in, 8),
	    &err)) == NULL ||
	    tn_capacity_write(&cap, c, cl.format, &cl.style, tn_out_fp(out),
	    &err) == -1) {
		tn_out_abort(out);
		rc = cli_error(&err);
		goto out;
	}
	rc = tn_out_commit(out, &err) == -1 ? cli_error(&err) : TN_OK;
out:
	tn_case_free(c);
	cli_release(&cl);
	return rc;
}
