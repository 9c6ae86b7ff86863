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
#include "i18n.h"
#include "util.h"
#include "write.h"

static int	cmd_help(int, char **);

static const struct cmd {
	const char	*name;
	int		(*run)(int, char **);
	const char	*synopsis;	/* shown by usage; matches the man page */
} cmds[] = {				/* sorted; add man/turnus-NAME.1 too */
	{ "batch", cmd_batch, N_("batch [-q] [-j n] [--format fmt] "
	    "[--csv-style style] [-o file] [--period-from path|name] "
	    "[--municipality name] [--pseudonymize --key-file file] "
	    "[--emit-jobs [--results dir]] [--job n/m [--period period]] "
	    "[--merge] [--shifts file] [--rules file] [--set key=value] "
	    "dir|snapshot|result ...") },
	{ "capacity", cmd_capacity, N_("capacity [--format fmt] [-o file] "
	    "[--rules file] [--set key=value] case") },
	{ "check", cmd_check, N_("check [-q] [--explain] [--format fmt] "
	    "[-o file] [--rules file] [--set key=value] case") },
	{ "explain", cmd_explain, N_("explain [rule]") },
	{ "help", cmd_help, N_("help [command]") },
	{ "import-nrp", cmd_import_nrp, N_("import-nrp [-q] file dir") },
	{ "init", cmd_init, N_("init dir") },
	{ "plan", cmd_plan, N_("plan [-qv] [--design] [--time-limit s] "
	    "[--gap g] [--long-shifts auto|on|off] [--seed n] [--format fmt] "
	    "[-o file] "
	    "[--write-lp file] [--write-mps file] [--rules file] "
	    "[--set key=value] case") },
	{ "report", cmd_report, N_("report [-q] [--persons] [--format fmt] "
	    "[-o file] [--rules file] [--set key=value] case ...") },
};

/* The synopses line up under the first, whatever "usage:" is in words. */
void
cli_usage(FILE *fp, const char *only)
{
	const char	*u = _("usage:");
	int		 w = (int)utf8_width(u) + 1;

	fprintf(fp, "%s turnus [--version] [--help] %s\n", u,
	    _("command [options]"));
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		if (only != NULL && strcmp(only, cmds[i].name) != 0)
			continue;
		/* wrapped at 80, the options lined up after the command */
		fprintf(fp, "%*sturnus ", w, "");
		text_wrap(fp, _(cmds[i].synopsis), w + 7, w + 8 +
		    (int)strlen(cmds[i].name), 80);
	}
	if (only == NULL)
		fprintf(fp, "%s\n", _("See 'turnus help COMMAND' for one "
		    "command's manual."));
}

static const struct cmd *
cmd_find(const char *name)
{
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(cmds[i].name, name) == 0)
			return &cmds[i];
	return NULL;
}

/*
 * The page NAME.N in the tree of a binary in DIR (./turnus, or
 * build/<kind>/turnus but no other ../../man), Norwegian first under a
 * Norwegian locale, into page.  Returns 0 when one is found.
 */
static int
page_beside(const char *dir, const char *name, char *page, size_t n)
{
	static const char *const rel[] = { "man", "../../man" };
	const char	*kind = strrchr(dir, '/');
	size_t		 nrel = kind != NULL && kind - dir >= 6 &&
			    strncmp(kind - 6, "/build", 6) == 0 ? 2 : 1;

	for (int en = !tn_lang_nb(); en <= 1; en++)
		for (size_t i = 0; i < nrel; i++)
			for (int sec = 1; sec <= 7; sec++) {
				snprintf(page, n, "%s/%s/%s%s.%d", dir, rel[i],
				    en ? "" : "nb/", name, sec);
				if (access(page, R_OK) == 0)
					return 0;
			}
	return -1;
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
	    strcmp(argv[1], "case") != 0 && strcmp(argv[1], "model") != 0)
		return cli_usage_error(NULL, _("unknown command '%s'"),
		    argv[1]);
	snprintf(name, sizeof name, "turnus-%s", argv[1]);
	if ((n = readlink("/proc/self/exe", self, sizeof self - 1)) > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL)
			*slash = '\0';
		if (page_beside(self, name, page, sizeof page) == 0) {
			fflush(stdout);
			execlp("man", "man", "-l", page, (char *)NULL);
		}
	}
	fflush(stdout);
	execlp("man", "man", name, (char *)NULL);
	fprintf(stderr, "turnus: %s: %s\n", _("cannot run man"),
	    strerror(errno));
	cli_usage(stdout, argv[1]);
	return 0;
}

/*
 * The user's locale.  Norwegian by the environment (tn_lang_nb: nb, nn
 * or no, as explain and the man pages read it) reads the nb catalogue,
 * also where that locale is not installed: gettext honours LANGUAGE
 * under C.UTF-8, not under C.  Returns 1 for Norwegian.
 */
static int
norwegian(void)
{
	const char	*lang = getenv("LANGUAGE");
	int		 ok = setlocale(LC_ALL, "") != NULL;

	if (!tn_lang_nb())
		return 0;
	if (lang == NULL || *lang == '\0')
		setenv("LANGUAGE", "nb", 1);
	if (!ok)
		setlocale(LC_ALL, "C.UTF-8");
	return 1;
}

/*
 * The catalogue: build/locale beside the binary when run from the build
 * tree (./turnus or build/<kind>/turnus), else the installed LOCALEDIR.
 */
static void
catalogue_bind(void)
{
	static const char *const rel[] = { "build/locale", "../locale" };
	char	 self[PATH_MAX], dir[PATH_MAX + 64], *slash;
	ssize_t	 n;

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

/* Norwegian text where the user's language is Norwegian, else English. */
static void
locale_init(void)
{
	int	 nb = norwegian();

	setlocale(LC_NUMERIC, "C");	/* DESIGN §9: our own number code */
	catalogue_bind();
	i18n_set_nb(nb && i18n_catalogue_nb());
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
		fprintf(stderr, "turnus: ");
		fprintf(stderr, _("unknown command '%s'"), argv[1]);
		fputc('\n', stderr);
		cli_usage(stderr, NULL);
		return TN_INPUT;
	} else {
		cli_argv = argv + 1;
		rc = c->run(argc - 1, argv + 1);
	}
	/* a write error on stdout, unless the command said so */
	if ((fflush(stdout) != 0 || ferror(stdout)) && rc != TN_INTERNAL) {
		fprintf(stderr, "turnus: %s: %s\n", _("write error on "
		    "standard output"), strerror(errno));
		return TN_INTERNAL;
	}
	return rc;
}
