/* turnus: plans rosters and measures full-time culture; the dispatcher. */
#include <errno.h>
#include <libintl.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "turnus/turnus.h"
#include "cli.h"
#include "explain.h"

static int	cmd_help(int, char **);

static const struct cmd {
	const char	*name;
	int		(*run)(int, char **);
	const char	*synopsis;	/* shown by usage; matches the man page */
} cmds[] = {				/* sorted; add man/turnus-NAME.1 too */
	{ "batch", cmd_batch, "batch [-q] [-j n] [--format fmt] "
	    "[--csv-style style] [-o file] [--period-from path|name] "
	    "[--municipality name] [--pseudonymize --key-file file] "
	    "[--emit-jobs [--results dir]] [--job n/m [--period period]] "
	    "[--merge] [--shifts file] [--rules file] [--set key=value] "
	    "dir|snapshot|result ..." },
	{ "capacity", cmd_capacity, "capacity [--format fmt] [-o file] "
	    "[--rules file] [--set key=value] case" },
	{ "check", cmd_check, "check [-q] [--explain] [--format fmt] "
	    "[-o file] [--rules file] [--set key=value] case" },
	{ "explain", cmd_explain, "explain [rule]" },
	{ "help", cmd_help, "help [command]" },
	{ "import-nrp", cmd_import_nrp, "import-nrp [-q] file dir" },
	{ "init", cmd_init, "init dir" },
	{ "plan", cmd_plan, "plan [-qv] [--design] [--time-limit s] "
	    "[--gap g] [--long-shifts auto|on|off] [--format fmt] [-o file] "
	    "[--write-lp file] [--write-mps file] [--rules file] "
	    "[--set key=value] case" },
	{ "report", cmd_report, "report [-q] [--persons] [--format fmt] "
	    "[-o file] [--rules file] [--set key=value] case ..." },
};

void
cli_usage(FILE *fp, const char *only)
{
	fputs("usage: turnus [--version] [--help] command [options]\n", fp);
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (only == NULL || strcmp(only, cmds[i].name) == 0)
			fprintf(fp, "       turnus %s\n", cmds[i].synopsis);
	if (only == NULL)
		fputs("See 'turnus help COMMAND' for one command's manual.\n",
		    fp);
}

static const struct cmd *
cmd_find(const char *name)
{
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(cmds[i].name, name) == 0)
			return &cmds[i];
	return NULL;
}

/* The manual page beside the binary (a build tree), else the installed. */
static int
cmd_help(int argc, char **argv)
{
	char	 self[PATH_MAX], page[PATH_MAX + 300], name[256], *slash;
	ssize_t	 n;

	if (argc < 2) {
		cli_usage(stdout, NULL);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cli_usage(stdout, "help");
		return 0;
	}
	if (cmd_find(argv[1]) == NULL && strcmp(argv[1], "rules") != 0 &&
	    strcmp(argv[1], "case") != 0)
		return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
	snprintf(name, sizeof name, "turnus-%s", argv[1]);
	if ((n = readlink("/proc/self/exe", self, sizeof self - 1)) > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL)
			*slash = '\0';
		/* the Norwegian page first under a Norwegian locale */
		for (int en = !tn_lang_nb(); en <= 1; en++)
			for (int sec = 1; sec <= 7; sec++) {
				snprintf(page, sizeof page, "%s/man/%s%s.%d",
				    self, en ? "" : "nb/", name, sec);
				if (access(page, R_OK) == 0) {
					fflush(stdout);
					execlp("man", "man", "-l", page,
					    (char *)NULL);
					break;
				}
			}
	}
	fflush(stdout);
	execlp("man", "man", name, (char *)NULL);
	fprintf(stderr, "turnus: cannot run man: %s\n", strerror(errno));
	cli_usage(stdout, argv[1]);
	return 0;
}

/*
 * The catalogue: build/locale beside the binary when run from the build
 * tree (./turnus or build/<kind>/turnus), else the installed LOCALEDIR.
 */
static void
locale_init(void)
{
	static const char *const rel[] = { "build/locale", "../locale" };
	char	 self[PATH_MAX], dir[PATH_MAX + 64], *slash;
	ssize_t	 n;

	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");	/* DESIGN §9: our own number code */
	textdomain("turnus");
	bind_textdomain_codeset("turnus", "UTF-8");
	if ((n = readlink("/proc/self/exe", self, sizeof self - 1)) > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL)
			*slash = '\0';
		for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
			snprintf(dir, sizeof dir, "%s/%s/nb/LC_MESSAGES/"
			    "turnus.mo", self, rel[i]);
			if (access(dir, R_OK) == 0) {
				snprintf(dir, sizeof dir, "%s/%s", self, rel[i]);
				bindtextdomain("turnus", dir);
				return;
			}
		}
	}
	bindtextdomain("turnus", LOCALEDIR);
}

int
main(int argc, char **argv)
{
	const struct cmd *c;
	int		  rc;

	locale_init();
	if (argc < 2) {
		cli_usage(stderr, NULL);
		return TN_INPUT;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("turnus %s\n", TURNUS_VERSION);
		rc = 0;
	} else if (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		cli_usage(stdout, NULL);
		rc = 0;
	} else if ((c = cmd_find(argv[1])) == NULL) {
		fprintf(stderr, "turnus: unknown command '%s'\n", argv[1]);
		cli_usage(stderr, NULL);
		return TN_INPUT;
	} else {
		cli_argv = argv + 1;
		rc = c->run(argc - 1, argv + 1);
	}
	if ((fflush(stdout) != 0 || ferror(stdout)) && rc != TN_INTERNAL) {
		fprintf(stderr, "turnus: write error on standard output: %s\n",
		    strerror(errno));	/* unless the command said so */
		return TN_INTERNAL;
	}
	return rc;
}
