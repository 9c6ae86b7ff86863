/* turnus init: writes a small working case to start from. */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "turnus/output.h"
#include "cli.h"
#include "i18n.h"
#include "init-data.h"

/* Refuses before writing anything, so no half-written case is left. */
static int
init_clash(const char *dir)
{
	char	 path[4096];

	for (const struct init_file *f = init_files; f->name != NULL; f++) {
		snprintf(path, sizeof path, "%s/%s", dir, f->name);
		if (access(path, F_OK) == 0) {
			fprintf(stderr, "turnus: %s: %s\n", path,
			    _("already exists, expected a new or empty "
			    "folder; turnus init never writes over a file"));
			return TN_INPUT;
		}
	}
	return 0;
}

static int
init_one(const char *dir, const struct init_file *f)
{
	struct tn_error	 err;
	struct tn_out	*out;
	char		 path[4096];

	snprintf(path, sizeof path, "%s/%s", dir, f->name);
	if ((out = tn_out_open(path, NULL, 0, &err)) == NULL)
		return cli_error(&err);
	fputs(f->text, tn_out_fp(out));
	if (tn_out_commit(out, &err) == -1)
		return cli_error(&err);
	return 0;
}

int
cmd_init(int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_LONGOPTS,
		{ NULL, 0, NULL, 0 }
	};
	struct cli	 cl;
	const char	*dir;
	int		 ch, rc;

	cli_init(&cl, "init");
	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS, opts, NULL)) != -1)
		if ((rc = cli_option(&cl, ch, optarg)) != 0)
			return cli_release(&cl), rc == 3 ? TN_OK : TN_INPUT;
	cli_release(&cl);
	if (optind + 1 != argc)
		return optind < argc ? cli_usage_error("init",
		    _("unexpected argument '%s'"), argv[optind + 1]) :
		    cli_usage_error("init", "%s", _("no folder given, "
		    "expected turnus init DIR"));
	dir = argv[optind];
	if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
		fprintf(stderr, "turnus: %s: %s: %s\n", dir,
		    _("cannot create"), strerror(errno));
		return TN_INTERNAL;
	}
	if (init_clash(dir) != 0)
		return TN_INPUT;
	for (const struct init_file *f = init_files; f->name != NULL; f++)
		if (init_one(dir, f) != 0)
			return TN_INPUT;
	if (!cl.style.quiet)
		printf(_("wrote an example case to %s; try: turnus check "
		    "%s\n"), dir, dir);
	return TN_OK;
}
