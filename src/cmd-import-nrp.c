/* turnus import-nrp: a benchmark instance of Curtois & Qu as a case. */
#include <stdio.h>

#include "turnus/nrp.h"
#include "cli.h"
#include "i18n.h"

int
cmd_import_nrp(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct tn_nrp_info	 info;
	struct tn_error		 err;
	struct cli		 cl;
	int			 ch, rc, quiet;

	cli_init(&cl, "import-nrp");
	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS, opts, NULL)) != -1)
		if ((rc = cli_option(&cl, ch, optarg)) != 0)
			return cli_release(&cl), rc == 3 ? TN_OK : TN_INPUT;
	quiet = cl.style.quiet;
	cli_release(&cl);
	if (optind + 2 != argc)
		return optind + 2 < argc ? cli_usage_error("import-nrp",
		    _("unexpected argument '%s'"), argv[optind + 2]) :
		    cli_usage_error("import-nrp", _("%s, expected turnus "
		    "import-nrp FILE DIR"), optind < argc ?
		    _("no folder given") : _("no instance file given"));
	if (tn_nrp_import(argv[optind], argv[optind + 1], &info, &err) == -1)
		return cli_error(&err);
	if (!quiet)
		printf(_("wrote %s: %d days from a Monday, %d persons, %d "
		    "shift types, %d requests, %d locked days off; try: turnus "
		    "plan %s\n"), argv[optind + 1], info.days, info.persons,
		    info.shifts, info.requests, info.days_off,
		    argv[optind + 1]);
	return TN_OK;
}
