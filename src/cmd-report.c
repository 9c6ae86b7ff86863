/* turnus report: the full-time measures per department and in total. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "turnus/case.h"
#include "turnus/output.h"
#include "turnus/report.h"
#include "cli.h"
#include "i18n.h"

/* The cases loaded whole for HTML, kept until the report is written. */
struct loaded {
	struct tn_case		**c;
	int			  n;
};

static void
loaded_free(struct loaded *L)
{
	for (int i = 0; i < L->n; i++)
		tn_case_free(L->c[i]);
	free(L->c);
}

/* A case loaded whole: the HTML shows its roster and findings. */
static int
add_whole(struct cli *cl, struct tn_report *r, struct loaded *L,
    struct tn_error *err)
{
	struct tn_case	*c;
	void		*p;

	if ((p = realloc(L->c, (size_t)(L->n + 1) * sizeof *L->c)) == NULL) {
		tn_error_set(err, TN_INTERNAL, NULL, 0, 0, "%s",
		    _("out of memory"));
		return -1;
	}
	L->c = p;
	if ((c = tn_case_load(&cl->files, TN_NEED_SHIFTS | TN_NEED_PEOPLE,
	    cl->sets, cl->nsets, err)) == NULL)
		return -1;
	L->c[L->n++] = c;
	return tn_report_add_checked(r, c, err);
}

static int
report_write(struct cli *cl, const struct tn_report *r)
{
	struct tn_error	 err;
	struct tn_out	*out;
	const char	*in[64];
	int		 nin = tn_report_inputs(r, in, 64);

	if (cl->style.quiet && cl->out == NULL)
		return 0;
	if ((out = tn_out_open(cl->out, in, nin < 64 ? nin : 64, &err)) ==
	    NULL)
		return cli_error(&err);
	if (tn_report_write(r, cl->format, &cl->style, tn_out_fp(out),
	    &err) == -1) {
		tn_out_abort(out);
		return cli_error(&err);
	}
	if (tn_out_commit(out, &err) == -1)
		return cli_error(&err);
	return 0;
}

/* Adds every case on the command line (or the one of named files). */
static int
add_cases(struct cli *cl, struct tn_report *r, struct loaded *L, int argc,
    char **argv, struct tn_error *err)
{
	int	 i = optind;

	if (i == argc && cl->files.roster == NULL && cl->files.staff == NULL)
		return cli_usage_error(cl->cmd, "%s", _("no case given, "
		    "expected a case folder (or --roster and --shifts)")), -2;
	do {
		cl->files.dir = i < argc ? argv[i] : NULL;
		if ((cl->format == TN_FMT_HTML ? add_whole(cl, r, L, err) :
		    tn_report_add_files(r, &cl->files, cl->sets, cl->nsets,
		    err)) == -1)
			return -1;
	} while (++i < argc);
	return tn_report_finish(r, err);
}

int
cmd_report(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_LONGOPTS,
		{ "persons", no_argument, NULL, OPT_FIRST_OWN },
		{ NULL, 0, NULL, 0 }
	};
	struct cli		 cl;
	struct tn_error		 err;
	struct tn_report	*r = NULL;
	struct loaded		 L = { 0 };
	int			 ch, rc;

	cli_init(&cl, "report");
	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS, opts, NULL)) != -1)
		if (ch == OPT_FIRST_OWN)
			cl.style.persons = 1;
		else if ((rc = cli_option(&cl, ch, optarg)) != 0) {
			rc = rc == 3 ? TN_OK : TN_INPUT;
			goto out;
		}
	if ((r = tn_report_new(&err)) == NULL) {
		rc = cli_error(&err);
		goto out;
	}
	if ((rc = add_cases(&cl, r, &L, argc, argv, &err)) != 0) {
		rc = rc == -2 ? TN_INPUT : cli_error(&err);
		goto out;
	}
	rc = report_write(&cl, r);
out:
	tn_report_free(r);
	loaded_free(&L);
	cli_release(&cl);
	return rc;
}
