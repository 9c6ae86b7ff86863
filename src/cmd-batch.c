/* turnus batch: the §5 measures over many roster snapshots and periods. */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "turnus/batch.h"
#include "turnus/output.h"
#include "cli.h"
#include "i18n.h"

#define KEY_MIN		16
#define KEY_MAX		4096
#define JOBS_MAX	256

enum mode { M_RUN, M_EMIT, M_JOB, M_MERGE };

enum {
	OPT_JOBS = OPT_FIRST_OWN, OPT_PERIOD_FROM, OPT_MUNICIPALITY,
	OPT_PSEUDONYMIZE, OPT_KEY_FILE, OPT_EMIT_JOBS, OPT_RESULTS, OPT_MERGE,
	OPT_JOB, OPT_PERIOD
};

struct bopts {
	struct cli		 cl;
	struct tn_batch_opts	 o;
	enum mode		 mode;
	int			 nproc;
	int			 pseudonymize;
	const char		*key_file;
	const char		*results;
	const char		*period;
	int			 number, count;
	unsigned char		 key[KEY_MAX];
};

static int
read_key(struct bopts *b)
{
	FILE	*fp;
	size_t	 n;

	if ((fp = fopen(b->key_file, "rb")) == NULL) {
		fprintf(stderr, "turnus: %s: %s: %s\n", b->key_file,
		    _("cannot open the key file"), strerror(errno));
		return TN_INPUT;
	}
	n = fread(b->key, 1, sizeof b->key, fp);
	fclose(fp);
	if (n < KEY_MIN) {
		fprintf(stderr, "turnus: %s: ", b->key_file);
		fprintf(stderr, _("key too short (%zu bytes), expected at "
		    "least %d secret bytes, such as 'head -c 32 /dev/urandom > "
		    "%s'"), n, KEY_MIN, b->key_file);
		fputc('\n', stderr);
		return TN_INPUT;
	}
	b->o.key = b->key;
	b->o.keylen = n;
	return 0;
}

static int
own_option(struct bopts *b, int ch, const char *arg)
{
	char	*end;

	switch (ch) {
	case 'j':
	case OPT_JOBS:
		b->nproc = (int)strtol(arg, &end, 10);
		if (*end != '\0' || b->nproc < 1 || b->nproc > JOBS_MAX)
			return cli_usage_error("batch", _("bad -j '%s', "
			    "expected a number of processes from 1 to %d"), arg,
			    JOBS_MAX);
		return 0;
	case OPT_PERIOD_FROM:
		if (strcmp(arg, "path") == 0)
			b->o.period_from = TN_PERIOD_PATH;
		else if (strcmp(arg, "name") == 0)
			b->o.period_from = TN_PERIOD_NAME;
		else
			return cli_usage_error("batch", _("unknown "
			    "--period-from '%s', expected path or name"), arg);
		return 0;
	case OPT_MUNICIPALITY:
		b->o.municipality = strcmp(arg, "-") == 0 ? "" : arg;
		return 0;
	case OPT_PSEUDONYMIZE:
		b->pseudonymize = 1;
		return 0;
	case OPT_KEY_FILE:
		b->key_file = arg;
		return 0;
	case OPT_EMIT_JOBS:
		b->mode = M_EMIT;
		return 0;
	case OPT_RESULTS:
		b->results = arg;
		return 0;
	case OPT_MERGE:
		b->mode = M_MERGE;
		return 0;
	case OPT_PERIOD:
		if (tn_period_parse(arg, NULL, 0) == -1)
			return cli_usage_error("batch", _("bad period '%s', "
			    "expected one such as 2024-Q1, 2024-03 or 2024"),
			    arg);
		b->period = arg;
		return 0;
	case OPT_JOB:
		b->mode = M_JOB;
		if (sscanf(arg, "%d/%d", &b->number, &b->count) != 2 ||
		    b->number < 1 || b->count < b->number)
			return cli_usage_error("batch", _("bad --job '%s', "
			    "expected N/M, job N of M"), arg);
		return 0;
	}
	return cli_usage_error("batch", "%s", _("unknown option"));
}

static int
parse(struct bopts *b, int argc, char **argv)
{
	static const struct option opts[] = {
		CLI_LONGOPTS,
		{ "jobs", required_argument, NULL, OPT_JOBS },
		{ "period-from", required_argument, NULL, OPT_PERIOD_FROM },
		{ "municipality", required_argument, NULL, OPT_MUNICIPALITY },
		{ "pseudonymize", no_argument, NULL, OPT_PSEUDONYMIZE },
		{ "key-file", required_argument, NULL, OPT_KEY_FILE },
		{ "emit-jobs", no_argument, NULL, OPT_EMIT_JOBS },
		{ "results", required_argument, NULL, OPT_RESULTS },
		{ "merge", no_argument, NULL, OPT_MERGE },
		{ "job", required_argument, NULL, OPT_JOB },
		{ "period", required_argument, NULL, OPT_PERIOD },
		{ NULL, 0, NULL, 0 }
	};
	int	 ch, rc;

	while ((ch = getopt_long(argc, argv, CLI_SHORTOPTS "j:", opts,
	    NULL)) != -1) {
		if ((rc = cli_option(&b->cl, ch, optarg)) == 1)
			rc = own_option(b, ch, optarg) ? 2 : 0;
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* Options that do not fit the mode chosen. */
static int
check_options(struct bopts *b, int nargs)
{
	const struct tn_case_files *f = &b->cl.files;

	if (f->staff || f->demand || f->roster || f->wishes)
		return cli_usage_error("batch", "%s", _("--staff, --demand, "
		    "--roster and --wishes do not apply to batch, expected "
		    "folders of snapshots"));
	if (b->pseudonymize != (b->key_file != NULL))
		return cli_usage_error("batch", "%s", b->pseudonymize ?
		    _("--pseudonymize needs --key-file with a secret key") :
		    _("--key-file given without --pseudonymize"));
	if (b->mode != M_JOB && b->period != NULL)
		return cli_usage_error("batch", "%s", _("--period is for "
		    "--job, expected --period-from path or name"));
	if (nargs == 0)
		return cli_usage_error("batch", "%s", b->mode == M_MERGE ?
		    _("no result files given") : b->mode == M_JOB ?
		    _("no snapshot given") : _("no folder given, expected "
		    "folders of roster snapshots"));
	if (b->mode == M_JOB && nargs > 1)
		return cli_usage_error("batch", _("--job takes one snapshot, "
		    "got %d"), nargs);
	if (b->pseudonymize)
		return read_key(b);
	return 0;
}

/* Prints the failures on stderr, as every other error is printed. */
static void
print_failures(const struct tn_batch *t)
{
	struct tn_error	 e;

	for (int i = 0; i < tn_batch_nfailed(t); i++) {
		const struct tn_batch_failure *f = tn_batch_failed(t, i);

		memset(&e, 0, sizeof e);
		snprintf(e.file, sizeof e.file, "%s", f->file ? f->file : "");
		e.line = f->line;
		e.col = f->col;
		snprintf(e.msg, sizeof e.msg, "%s", f->message);
		cli_error(&e);
	}
}

/* The files read: never written over (the results when merging). */
static int
inputs(const struct tn_batch *t, const char **in, int max, int argc,
    char **argv)
{
	int	 n = tn_batch_inputs(t, in, max);

	for (int i = optind; i < argc && n < max; i++)
		in[n++] = argv[i];
	return n < max ? n : max;
}

static int
write_table(struct bopts *b, const struct tn_batch *t, int argc,
    char **argv)
{
	struct tn_error	 err;
	struct tn_out	*out;
	const char	*in[4096];
	int		 nin = inputs(t, in, 4096, argc, argv);

	if (!b->cl.style.quiet)
		print_failures(t);
	if (b->cl.style.quiet && b->cl.out == NULL)
		return 0;
	if ((out = tn_out_open(b->cl.out, in, nin, &err)) == NULL)
		return cli_error(&err);
	if (tn_batch_write(t, b->cl.format, &b->cl.style, tn_out_fp(out),
	    &err) == -1) {
		tn_out_abort(out);
		return cli_error(&err);
	}
	if (tn_out_commit(out, &err) == -1)
		return cli_error(&err);
	return 0;
}

static int
scan(struct tn_batch *t, int argc, char **argv)
{
	struct tn_error	 err;

	for (int i = optind; i < argc; i++)
		if (tn_batch_scan(t, argv[i], &err) == -1)
			return cli_error(&err);
	if (tn_batch_njobs(t) == 0) {
		fputs("turnus: ", stderr);
		fprintf(stderr, argc - optind > 1 ? _("no roster snapshots "
		    "under %s and the others, expected case folders or roster "
		    "CSV files below period folders such as 2024-Q1") : _("no "
		    "roster snapshots under %s, expected case folders or "
		    "roster CSV files below period folders such as 2024-Q1"),
		    argv[optind]);
		fputc('\n', stderr);
		return TN_INPUT;
	}
	return 0;
}

static int
merge(struct bopts *b, struct tn_batch *t, int argc, char **argv)
{
	struct tn_error	 err;
	FILE		*fp;
	int		 rc;

	for (int i = optind; i < argc; i++) {
		if (strcmp(argv[i], "-") == 0)
			fp = stdin;
		else if ((fp = fopen(argv[i], "r")) == NULL) {
			fprintf(stderr, "turnus: %s: ", argv[i]);
			fprintf(stderr, _("cannot open: %s"), strerror(errno));
			fputc('\n', stderr);
			return TN_INPUT;
		}
		rc = tn_batch_add_results(t, fp, argv[i], &err);
		if (fp != stdin)
			fclose(fp);
		if (rc == -1)
			return cli_error(&err);
	}
	(void)b;
	return 0;
}

static int
emit(struct bopts *b, struct tn_batch *t, int argc, char **argv)
{
	struct tn_batch_jobline jl = { "turnus", b->results ? b->results :
			    "batch-results", b->key_file, b->cl.sets,
			    b->cl.nsets };
	struct tn_error	 err;
	struct tn_out	*out;
	const char	*in[4096];
	int		 nin = inputs(t, in, 4096, argc, argv);

	if (mkdir(jl.results, 0777) == -1 && errno != EEXIST) {
		fprintf(stderr, "turnus: %s: %s: %s\n", jl.results,
		    _("cannot make the results folder"), strerror(errno));
		return TN_INTERNAL;
	}
	if ((out = tn_out_open(b->cl.out, in, nin, &err)) == NULL)
		return cli_error(&err);
	tn_batch_write_jobs(t, &jl, tn_out_fp(out), &err);
	if (tn_out_commit(out, &err) == -1)
		return cli_error(&err);
	return 0;
}

/* One job: its result on -o (or stdout), its failure on stderr. */
static int
job(struct bopts *b, char *file)
{
	struct tn_batch_job j = { file, b->period, NULL, b->cl.files.shifts,
			    b->cl.files.rules, b->number, b->count };
	const char	*in[3] = { file, j.shifts, j.rules };
	struct tn_error	 err;
	struct tn_out	*out;
	int		 rc;

	if (b->o.municipality != NULL && *b->o.municipality != '\0')
		j.municipality = b->o.municipality;
	if ((out = tn_out_open(b->cl.out, in, 3, &err)) == NULL)
		return cli_error(&err);
	if ((rc = tn_batch_job_run(&j, &b->o, tn_out_fp(out), &err)) == -1) {
		tn_out_abort(out);
		return cli_error(&err);
	}
	if (tn_out_commit(out, &err) == -1)
		return cli_error(&err);
	if (rc == 1 && !b->cl.style.quiet)
		fprintf(stderr, "turnus: %s: %s\n", file,
		    _("not measured, see its result"));
	return rc == 1 ? TN_FINDINGS : 0;
}

static int
run(struct bopts *b, int argc, char **argv)
{
	struct tn_error	 err;
	struct tn_batch	*t;
	int		 rc;

	if (b->mode == M_JOB)
		return job(b, argv[optind]);
	if ((t = tn_batch_new(&b->o, &err)) == NULL)
		return cli_error(&err);
	if (b->mode == M_MERGE)
		rc = merge(b, t, argc, argv);
	else
		rc = scan(t, argc, argv);
	if (rc == 0 && b->mode == M_EMIT)
		rc = emit(b, t, argc, argv);
	else if (rc == 0 && b->mode == M_RUN && tn_batch_run(t, b->nproc,
	    &err) == -1)
		rc = cli_error(&err);
	if (rc == 0 && b->mode != M_EMIT && tn_batch_finish(t, &err) == -1)
		rc = cli_error(&err);
	if (rc == 0 && b->mode != M_EMIT && (rc = write_table(b, t, argc,
	    argv)) == 0)
		rc = tn_batch_nfailed(t) > 0 ? TN_FINDINGS : 0;
	tn_batch_free(t);
	return rc;
}

int
cmd_batch(int argc, char **argv)
{
	static struct bopts b;
	int		 rc;

	memset(&b, 0, sizeof b);
	cli_init(&b.cl, "batch");
	b.nproc = 1;
	if ((rc = parse(&b, argc, argv)) != 0)
		rc = rc == 3 ? TN_OK : TN_INPUT;
	else if ((rc = check_options(&b, argc - optind)) == 0) {
		b.o.shifts = b.cl.files.shifts;
		b.o.rules = b.cl.files.rules;
		b.o.sets = b.cl.sets;
		b.o.nsets = b.cl.nsets;
		rc = run(&b, argc, argv);
	}
	memset(b.key, 0, sizeof b.key);
	cli_release(&b.cl);
	return rc;
}
