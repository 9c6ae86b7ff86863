/* Options shared by the commands, and the one place errors are printed. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "turnus/turnus.h"
#include "cli.h"
#include "i18n.h"

char	**cli_argv;

void
cli_init(struct cli *cl, const char *cmd)
{
	memset(cl, 0, sizeof *cl);
	cl->cmd = cmd;
	cl->format = TN_FMT_TEXT;
	cl->style.decimal_comma = i18n_nb();	/* Norwegian text: 7,50 */
	optind = 1;
	opterr = 0;
}

void
cli_release(struct cli *cl)
{
	free(cl->sets);
	cl->sets = NULL;
	free(cl->preset);
	cl->preset = NULL;
}

int
cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list	 ap;

	fputs("turnus: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cli_usage(stderr, cmd);
	return TN_INPUT;
}

int
cli_option(struct cli *cl, int ch, const char *arg)
{
	char	**s, *end;

	switch (ch) {
	case OPT_FORMAT:
		if (tn_format_parse(arg, &cl->format) == -1)
			return cli_usage_error(cl->cmd, _("unknown format "
			    "'%s', expected text, csv, json or html"), arg), 2;
		return 0;
	case 'o':
		cl->out = arg;
		return 0;
	case 'q':
		cl->style.quiet = 1;
		return 0;
	case 'v':
		cl->style.verbose = 1;
		return 0;
	case OPT_RULES:
		cl->files.rules = arg;
		return 0;
	case OPT_SET:
		if ((s = realloc(cl->sets, (size_t)(cl->nsets + 1) *
		    sizeof *s)) == NULL) {
			fprintf(stderr, "turnus: %s\n", _("out of memory"));
			exit(TN_INTERNAL);
		}
		cl->sets = s;
		cl->sets[cl->nsets++] = (char *)arg;
		return 0;
	case OPT_PRESET:
		free(cl->preset);
		if ((cl->preset = malloc(strlen(arg) + 8)) == NULL) {
			fprintf(stderr, "turnus: %s\n", _("out of memory"));
			exit(TN_INTERNAL);
		}
		snprintf(cl->preset, strlen(arg) + 8, "preset=%s", arg);
		return cli_option(cl, OPT_SET, cl->preset);
	case OPT_MAX_ROWS:
		errno = 0;
		cl->files.max_rows = strtol(arg, &end, 10);
		if (errno != 0 || end == arg || *end != '\0' ||
		    cl->files.max_rows < 1)
			return cli_usage_error(cl->cmd, _("bad --max-rows "
			    "'%s', expected a whole number of rows, 1 or more"),
			    arg), 2;
		return 0;
	case OPT_STAFF:
		cl->files.staff = arg;
		return 0;
	case OPT_SHIFTS:
		cl->files.shifts = arg;
		return 0;
	case OPT_DEMAND:
		cl->files.demand = arg;
		return 0;
	case OPT_ROSTER:
		cl->files.roster = arg;
		return 0;
	case OPT_WISHES:
		cl->files.wishes = arg;
		return 0;
	case OPT_CSV_STYLE:
		if (strcmp(arg, "plain") == 0)
			cl->style.csv_plain = 1;
		else if (strcmp(arg, "excel") == 0)
			cl->style.csv_plain = 0;
		else
			return cli_usage_error(cl->cmd, _("unknown CSV style "
			    "'%s', expected excel or plain"), arg), 2;
		return 0;
	case OPT_HELP:
		cli_usage(stdout, cl->cmd);
		return 3;
	case '?':
		if (optopt)
			return cli_usage_error(cl->cmd,
			    _("unknown option '-%c'"), optopt), 2;
		return cli_usage_error(cl->cmd, _("unknown option '%s'"),
		    cli_argv != NULL && optind > 0 ? cli_argv[optind - 1] :
		    "?"), 2;
	case ':':
		return cli_usage_error(cl->cmd, _("option needs a value")), 2;
	}
	return 1;
}

int
cli_case(struct cli *cl, int argc, char **argv)
{
	if (optind < argc)
		cl->files.dir = argv[optind++];
	if (optind < argc)
		return cli_usage_error(cl->cmd, _("unexpected argument '%s'"),
		    argv[optind]);
	if (cl->files.dir == NULL && cl->files.roster == NULL &&
	    cl->files.staff == NULL)
		return cli_usage_error(cl->cmd, _("no case given, expected a "
		    "case folder (or --roster and --shifts)"));
	return 0;
}

/*
 * Writes s to stderr with control characters (C0, DEL and C1) shown as
 * \xNN: a message quotes the input, and an input is no one to let
 * move the cursor, recolour the terminal or start a new line.
 */
static void
put_safe(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7F)
			fprintf(stderr, "\\x%02x", *p);
		else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
			fprintf(stderr, "\\u%04x", *++p);
		else
			fputc(*p, stderr);
}

int
cli_error(const struct tn_error *err)
{
	fputs("turnus: ", stderr);
	if (err->file[0] != '\0') {
		put_safe(err->file);
		if (err->line > 0) {
			fprintf(stderr, ":%ld", err->line);
			if (err->col > 0)
				fprintf(stderr, ":%ld", err->col);
		}
		fputs(": ", stderr);
	}
	put_safe(err->msg);
	fputc('\n', stderr);
	return err->level ? err->level : TN_INTERNAL;
}
