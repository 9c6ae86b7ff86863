/* One batch job: measure one snapshot and write its result as JSON. */
#include <sys/stat.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "turnus/batch.h"
#include "turnus/case.h"
#include "turnus/report.h"
#include "batch-int.h"
#include "i18n.h"
#include "model.h"
#include "report-int.h"
#include "sha256.h"
#include "util.h"

char *
tn_batch_pseudonym(const unsigned char *key, size_t nkey, const char *muni,
    const char *id, char *out)
{
	unsigned char	 mac[SHA256_LEN];
	struct buf	 m = { 0 };

	/* the municipality is part of the message: ids are local */
	buf_adds(&m, muni ? muni : "");
	buf_add(&m, "", 1);
	buf_adds(&m, id);
	hmac_sha256(key, nkey, m.oom ? "" : m.s, m.oom ? 0 : m.len, mac);
	buf_release(&m);
	out[0] = 'P';
	for (int i = 0; i < 8; i++)
		snprintf(out + 1 + 2 * i, 3, "%02x", mac[i]);
	return out;
}

/* Names the key without giving it away, so results under two keys meet. */
static void
key_id(const unsigned char *key, size_t nkey, char *out)
{
	static const char what[] = "turnus batch key id";
	unsigned char	 mac[SHA256_LEN];

	hmac_sha256(key, nkey, what, sizeof what - 1, mac);
	for (int i = 0; i < 4; i++)
		snprintf(out + 2 * i, 3, "%02x", mac[i]);
}

/* A number that reads back exactly. */
static void
exact_num(FILE *fp, double v)
{
	if (isnan(v) || isinf(v))
		fputs("null", fp);
	else
		fprintf(fp, "%.17g", v);
}

static void
str_or_null(FILE *fp, const char *s)
{
	if (s == NULL)
		fputs("null", fp);
	else
		json_str(fp, s);
}

/* A message whose quoted parts may name a person: they are left out. */
static void
scrub(char *msg)
{
	char	*q, *e;

	for (q = strchr(msg, '\''); q != NULL && (e = strchr(q + 1, '\'')) !=
	    NULL; q = strchr(q + 3, '\'')) {
		memmove(q + 2, e, strlen(e) + 1);
		q[1] = '?';
	}
}

static void
write_head(FILE *fp, const struct tn_batch_job *j,
    const struct tn_batch_opts *o)
{
	char	 kid[16];

	fprintf(fp, "{\"turnus_batch_result\":1,\"job\":%d,\"jobs\":%d,"
	    "\"file\":", j->number, j->count);
	json_str(fp, j->file);
	fputs(",\"period\":", fp);
	str_or_null(fp, j->period);
	fputs(",\"municipality\":", fp);
	str_or_null(fp, j->municipality);
	fputs(",\"key_id\":", fp);
	if (o->key != NULL) {
		key_id(o->key, o->keylen, kid);
		json_str(fp, kid);
	} else
		fputs("null", fp);
}

static void
write_error(FILE *fp, const struct tn_error *e, int pseudo)
{
	char	 msg[sizeof e->msg];

	snprintf(msg, sizeof msg, "%s", e->msg);
	if (pseudo)
		scrub(msg);
	fputs(",\"error\":{\"file\":", fp);
	str_or_null(fp, e->file[0] ? e->file : NULL);
	fprintf(fp, ",\"line\":%ld,\"column\":%ld,\"message\":", e->line,
	    e->col);
	json_str(fp, msg);
	fputs("}}\n", fp);
}

static void
write_rules(FILE *fp, const struct tn_report *r)
{
	const struct tn_rules *ru = &r->srcs[0].c->rules;

	fputs(",\"rules\":{\"full_time_threshold_pct\":", fp);
	exact_num(fp, ru->full_time_threshold_pct);
	fputs(",\"target_full_time_share_pct\":", fp);
	exact_num(fp, ru->target_full_time_share_pct);
	fputs(",\"target_by_period\":[", fp);
	for (int i = 0; i < ru->ntargets; i++) {
		fputs(i ? ",[" : "[", fp);
		json_str(fp, ru->targets[i].period);
		fputc(',', fp);
		exact_num(fp, ru->targets[i].pct);
		fputc(']', fp);
	}
	fputs("],\"bands\":[", fp);
	for (int i = 0; i < ru->nbands; i++) {
		fputs(i ? "," : "", fp);
		exact_num(fp, ru->bands[i]);
	}
	fputs("],\"band_names\":[", fp);
	for (int i = 0; i <= ru->nbands; i++) {
		fputs(i ? "," : "", fp);
		json_str(fp, tn_report_band_name(r, i));
	}
	fputs("]}", fp);
}

static void
write_persons(FILE *fp, const struct tn_report *r, const struct
    tn_batch_job *j, const struct tn_batch_opts *o)
{
	char	 pseudo[32];

	fputs(",\"departments\":[", fp);
	for (int i = 0; i < tn_report_ndepts(r); i++) {
		const struct tn_measures *m = tn_report_dept(r, i);

		fputs(i ? ",{\"name\":" : "{\"name\":", fp);
		json_str(fp, m->department);
		fprintf(fp, ",\"has_roster\":%s,\"has_staff\":%s}",
		    m->has_roster ? "true" : "false",
		    r->srcs[0].has_staff ? "true" : "false");
	}
	fputs("],\n\"persons\":[", fp);
	for (int i = 0; i < r->nrows; i++) {
		const struct row *w = &r->rows[i];
		const struct person *p = &r->persons[w->pid];

		fputs(i ? ",\n[" : "\n[", fp);
		json_str(fp, o->key == NULL ? p->id : tn_batch_pseudonym(o->key,
		    o->keylen, j->municipality, p->id, pseudo));
		fprintf(fp, ",%d,", w->dept);
		exact_num(fp, w->pos);
		fputc(',', fp);
		exact_num(fp, p->wanted);
		fprintf(fp, ",%ld,%ld,%d,%d]", w->wshifts, w->lwshifts,
		    w->nweekends, w->over_limit);
	}
	fputs("]}\n", fp);
}

/* A file's (or folder's) name without .csv and without a period in it. */
static char *
stem_of(const char *file)
{
	const char	*base;
	char		*s, *slash;
	size_t		 n, at, len;

	if ((s = tn_strdup(file)) == NULL)
		return NULL;
	for (n = strlen(s); n > 1 && s[n - 1] == '/'; )
		s[--n] = '\0';
	base = (slash = strrchr(s, '/')) != NULL ? slash + 1 : s;
	memmove(s, base, strlen(base) + 1);
	n = strlen(s);
	if (n > 4 && strcasecmp(s + n - 4, ".csv") == 0)
		s[n -= 4] = '\0';
	if (period_find(s, NULL, 0, &at, &len) == 0 && len < n) {
		while (at > 0 && strchr("-_. ", s[at - 1]) != NULL) {
			at--;
			len++;
		}
		while (at == 0 && s[len] != '\0' &&
		    strchr("-_. ", s[len]) != NULL)
			len++;
		memmove(s + at, s + at + len, n - at - len + 1);
	}
	return s;
}

/*
 * A roster CSV without a department column belongs to the department
 * named after the file (2024-Q1/gimse.csv and gimse-2024Q1.csv are
 * gimse), not after its folder; a case folder's default department
 * loses a period in its name the same way.
 */
static int
name_after_file(struct tn_report *r, const char *file)
{
	const char	*def = r->srcs[0].c->name;
	char		*stem;

	for (int i = 0; i < r->ndepts_; i++) {
		if (strcmp(r->depts[i].name, def) != 0)
			continue;
		if ((stem = stem_of(file)) == NULL)
			return -1;
		if (*stem == '\0' || strcmp(stem, ".") == 0 ||
		    strcmp(stem, "..") == 0) {
			free(stem);
			continue;
		}
		free(r->depts[i].name);
		r->depts[i].name = stem;
	}
	return 0;
}

static struct tn_report *
measure(const struct tn_batch_job *j, const struct tn_batch_opts *o,
    struct tn_error *e)
{
	struct tn_case_files f = { 0 };
	struct tn_report *r;
	struct stat	 st;
	int		 dir = stat(j->file, &st) == 0 && S_ISDIR(st.st_mode);

	if (j->period == NULL) {
		tn_error_set(e, TN_INPUT, j->file, 0, 0, _("no period in the "
		    "path, expected a folder named like 2024-Q1, 2024Q1, "
		    "2024-03 or 2024 above it (or --period-from name)"));
		return NULL;
	}
	if (!dir && j->shifts == NULL) {
		tn_error_set(e, TN_INPUT, j->file, 0, 0, _("no shifts.csv "
		    "beside the roster or in a folder above it, expected the "
		    "shift codes with their times (or --shifts)"));
		return NULL;
	}
	f.dir = dir ? j->file : NULL;
	f.roster = dir ? NULL : j->file;
	f.shifts = j->shifts;
	f.rules = j->rules;
	if ((r = tn_report_new(e)) == NULL)
		return NULL;
	if (tn_report_add_files(r, &f, o->sets, o->nsets, e) == -1 ||
	    (name_after_file(r, j->file) == -1 && tn_oom(e)) ||
	    tn_report_finish(r, e) == -1) {
		tn_report_free(r);
		return NULL;
	}
	return r;
}

int
tn_batch_job_run(const struct tn_batch_job *j, const struct tn_batch_opts *o,
    FILE *fp, struct tn_error *err)
{
	struct tn_error	 e;
	struct tn_report *r;
	int		 failed;

	tn_error_clear(err);
	r = measure(j, o, &e);
	failed = r == NULL;
	write_head(fp, j, o);
	if (r == NULL)
		write_error(fp, &e, o->key != NULL);
	else {
		write_rules(fp, r);
		write_persons(fp, r, j, o);
	}
	tn_report_free(r);
	if (fflush(fp) != 0 || ferror(fp)) {
		tn_error_set(err, TN_INTERNAL, NULL, 0, 0, _("cannot write the "
		    "result of '%s'"), j->file);
		return -1;
	}
	return failed;
}

void
result_release(struct result *r)
{
	free(r->file);
	free(r->period);
	free(r->municipality);
	free(r->key_id);
	free(r->source);
	free(r->efile);
	free(r->emsg);
	for (int i = 0; i < r->ntargets; i++)
		free(r->targets[i].period);
	free(r->targets);
	for (int i = 0; i < TN_REPORT_MAX_BANDS; i++)
		free(r->bandnames[i]);
	for (int i = 0; i < r->ndepts; i++)
		free(r->depts[i].name);
	free(r->depts);
	for (int i = 0; i < r->npersons; i++)
		free(r->persons[i].id);
	free(r->persons);
	memset(r, 0, sizeof *r);
}
