/* Reading batch results back: a small JSON parser and the result shape. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "turnus/batch.h"
#include "batch-int.h"
#include "i18n.h"
#include "model.h"
#include "util.h"

#define JSON_DEPTH	16

enum { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };

struct jv {
	int		 t;
	double		 num;		/* also a bool */
	char		*str;
	struct jv	*v;		/* array items or object values */
	char		**k;		/* object keys */
	int		 n;
};

struct jp {
	const char	*s;
	size_t		 len;
	size_t		 pos;
	const char	*name;
	struct tn_error	*err;
	int		 depth;
};

static void
jv_release(struct jv *v)
{
	for (int i = 0; i < v->n; i++) {
		jv_release(&v->v[i]);
		if (v->k != NULL)
			free(v->k[i]);
	}
	free(v->v);
	free(v->k);
	free(v->str);
	memset(v, 0, sizeof *v);
}

/* An error at the parser's position, as FILE:LINE:COL. */
static int
jbad(struct jp *p, const char *expect)
{
	long	 line = 1, col = 1;

	for (size_t i = 0; i < p->pos && i < p->len; i++) {
		if (p->s[i] == '\n') {
			line++;
			col = 1;
		} else
			col++;
	}
	tn_error_set(p->err, TN_INPUT, p->name, line, col, _("not a batch "
	    "result, expected %s"), expect);
	return -1;
}

static void
ws(struct jp *p)
{
	while (p->pos < p->len && strchr(" \t\r\n", p->s[p->pos]) != NULL &&
	    p->s[p->pos] != '\0')
		p->pos++;
}

static int	jvalue(struct jp *, struct jv *);

static int
hex4(const char *s, unsigned *out)
{
	*out = 0;
	for (int i = 0; i < 4; i++) {
		int c = s[i];

		*out <<= 4;
		if (c >= '0' && c <= '9')
			*out |= (unsigned)(c - '0');
		else if (c >= 'a' && c <= 'f')
			*out |= (unsigned)(c - 'a' + 10);
		else if (c >= 'A' && c <= 'F')
			*out |= (unsigned)(c - 'A' + 10);
		else
			return -1;
	}
	return 0;
}

/* One escape after the backslash; -1 when it is bad. */
static int
jescape(struct jp *p, struct buf *b)
{
	static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
	const char	*k;
	unsigned	 c, lo;
	char		 e = p->pos < p->len ? p->s[p->pos] : '\0';

	if (e != '\0' && e != 'u' && (k = strchr(from, e)) != NULL) {
		buf_add(b, &to[k - from], 1);
		p->pos++;
		return 0;
	}
	if (e != 'u' || p->pos + 5 > p->len || hex4(p->s + p->pos + 1, &c))
		return -1;
	p->pos += 5;
	if (c >= 0xD800 && c < 0xDC00 && p->pos + 6 <= p->len &&
	    p->s[p->pos] == '\\' && p->s[p->pos + 1] == 'u' &&
	    hex4(p->s + p->pos + 2, &lo) == 0 && lo >= 0xDC00 && lo < 0xE000) {
		c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
		p->pos += 6;
	}
	buf_add_utf8(b, c);
	return 0;
}

static int
jstring(struct jp *p, char **out)
{
	struct buf	 b = { 0 };
	size_t		 run;

	p->pos++;
	for (;;) {
		run = p->pos;
		while (p->pos < p->len && p->s[p->pos] != '"' &&
		    p->s[p->pos] != '\\' && (unsigned char)p->s[p->pos] >= 0x20)
			p->pos++;
		buf_add(&b, p->s + run, p->pos - run);
		if (p->pos >= p->len || (unsigned char)p->s[p->pos] < 0x20)
			break;
		if (p->s[p->pos++] == '"') {
			buf_add(&b, "", 0);
			if (b.oom) {
				buf_release(&b);
				return tn_oom(p->err);
			}
			*out = b.s ? b.s : tn_strdup("");
			return *out ? 0 : tn_oom(p->err);
		}
		if (jescape(p, &b) == -1)
			break;
	}
	buf_release(&b);
	return jbad(p, _("a string with valid escapes, closed by '\"'"));
}

static int
jnumber(struct jp *p, struct jv *v)
{
	char	 b[64], *end;
	size_t	 n = 0;

	while (p->pos + n < p->len && n + 1 < sizeof b &&
	    strchr("+-0123456789.eE", p->s[p->pos + n]) != NULL &&
	    p->s[p->pos + n] != '\0') {
		b[n] = p->s[p->pos + n];
		n++;
	}
	b[n] = '\0';
	if (n > 0 && n < 16 && strspn(b, "0123456789") == n) {
		/* a whole number: exact without strtod, and faster */
		v->num = 0;
		for (size_t i = 0; i < n; i++)
			v->num = v->num * 10 + (b[i] - '0');
		v->t = J_NUM;
		p->pos += n;
		return 0;
	}
	v->num = strtod(b, &end);
	if (n == 0 || *end != '\0')
		return jbad(p, _("a number"));
	v->t = J_NUM;
	p->pos += n;
	return 0;
}

/* Items of an array or members of an object, up to the closing mark. */
static int
jitems(struct jp *p, struct jv *v, int obj)
{
	int	 cap = 0, capk = 0;

	p->pos++;
	ws(p);
	if (p->pos < p->len && p->s[p->pos] == (obj ? '}' : ']')) {
		p->pos++;
		return 0;
	}
	for (;;) {
		if (grow(&v->v, &cap, v->n + 1, sizeof *v->v) == -1 ||
		    (obj && grow(&v->k, &capk, v->n + 1, sizeof *v->k) == -1))
			return tn_oom(p->err);
		memset(&v->v[v->n], 0, sizeof v->v[v->n]);
		if (obj) {
			ws(p);
			if (p->pos >= p->len || p->s[p->pos] != '"')
				return jbad(p, _("a member name in quotes"));
			v->k[v->n] = NULL;
			if (jstring(p, &v->k[v->n]) == -1)
				return -1;
			ws(p);
			if (p->pos >= p->len || p->s[p->pos++] != ':')
				return jbad(p, _("':' after a member name"));
		}
		v->n++;
		if (jvalue(p, &v->v[v->n - 1]) == -1)
			return -1;
		ws(p);
		if (p->pos < p->len && p->s[p->pos] == ',') {
			p->pos++;
			continue;
		}
		if (p->pos < p->len && p->s[p->pos] == (obj ? '}' : ']')) {
			p->pos++;
			return 0;
		}
		return jbad(p, obj ? "',' or '}'" : "',' or ']'");
	}
}

static int
jword(struct jp *p, const char *w)
{
	size_t	 n = strlen(w);

	if (p->pos + n > p->len || strncmp(p->s + p->pos, w, n) != 0)
		return 0;
	p->pos += n;
	return 1;
}

static int
jvalue(struct jp *p, struct jv *v)
{
	int	 rc;

	ws(p);
	if (p->pos >= p->len)
		return jbad(p, _("a value"));
	switch (p->s[p->pos]) {
	case '{':
	case '[':
		if (++p->depth > JSON_DEPTH)
			return jbad(p, _("less nesting"));
		v->t = p->s[p->pos] == '{' ? J_OBJ : J_ARR;
		rc = jitems(p, v, v->t == J_OBJ);
		p->depth--;
		return rc;
	case '"':
		v->t = J_STR;
		return jstring(p, &v->str);
	}
	if (jword(p, "null")) {
		v->t = J_NULL;
		return 0;
	}
	if (jword(p, "true") || jword(p, "false")) {
		v->t = J_BOOL;
		v->num = p->s[p->pos - 1] == 'e' && p->s[p->pos - 2] == 'u';
		return 0;
	}
	return jnumber(p, v);
}

/* ------------------------------------------------------- result shape */

static const struct jv *
jget(const struct jv *o, const char *key, int type)
{
	if (o == NULL || o->t != J_OBJ)
		return NULL;
	for (int i = 0; i < o->n; i++)
		if (strcmp(o->k[i], key) == 0)
			return type < 0 || o->v[i].t == type ? &o->v[i] : NULL;
	return NULL;
}

/* A string member, or NULL when null; -1 when missing or mistyped. */
static int
jstr(const struct jv *o, const char *key, char **out)
{
	const struct jv *v = jget(o, key, -1);

	*out = NULL;
	if (v == NULL || (v->t != J_STR && v->t != J_NULL))
		return -1;
	if (v->t == J_STR && (*out = tn_strdup(v->str)) == NULL)
		return -1;
	return 0;
}

static double
jnum(const struct jv *v)
{
	return v != NULL && v->t == J_NUM ? v->num : NAN;
}

static int
shape_rules(const struct jv *ru, struct result *r)
{
	const struct jv	*t = jget(ru, "target_by_period", J_ARR);
	const struct jv	*e = jget(ru, "bands", J_ARR);
	const struct jv	*bn = jget(ru, "band_names", J_ARR);

	r->threshold = jnum(jget(ru, "full_time_threshold_pct", J_NUM));
	r->target_pct = jnum(jget(ru, "target_full_time_share_pct", J_NUM));
	if (t == NULL || e == NULL || bn == NULL || isnan(r->threshold) ||
	    isnan(r->target_pct) || e->n + 1 > TN_REPORT_MAX_BANDS ||
	    bn->n != e->n + 1 ||
	    (r->targets = tn_calloc((size_t)t->n + 1, sizeof *r->targets)) ==
	    NULL)
		return -1;
	for (int i = 0; i < t->n; i++, r->ntargets++) {
		const struct jv *x = &t->v[i];

		if (x->t != J_ARR || x->n != 2 || x->v[0].t != J_STR ||
		    x->v[1].t != J_NUM || (r->targets[i].period =
		    tn_strdup(x->v[0].str)) == NULL)
			return -1;
		r->targets[i].pct = x->v[1].num;
	}
	r->nbands = e->n;
	for (int i = 0; i < e->n; i++)
		if (isnan(r->edges[i] = jnum(&e->v[i])))
			return -1;
	for (int i = 0; i < bn->n; i++)
		if (bn->v[i].t != J_STR ||
		    (r->bandnames[i] = tn_strdup(bn->v[i].str)) == NULL)
			return -1;
	return 0;
}

static int
shape_depts(const struct jv *d, struct result *r)
{
	if ((r->depts = tn_calloc((size_t)d->n + 1, sizeof *r->depts)) == NULL)
		return -1;
	for (int i = 0; i < d->n; i++, r->ndepts++) {
		const struct jv *x = &d->v[i];
		const struct jv *hr = jget(x, "has_roster", J_BOOL);
		const struct jv *hs = jget(x, "has_staff", J_BOOL);

		if (hr == NULL || hs == NULL || jstr(x, "name",
		    &r->depts[i].name) == -1 || r->depts[i].name == NULL)
			return -1;
		r->depts[i].has_roster = hr->num != 0;
		r->depts[i].has_staff = hs->num != 0;
	}
	return 0;
}

static int
shape_persons(const struct jv *a, struct result *r)
{
	if ((r->persons = tn_calloc((size_t)a->n + 1, sizeof *r->persons)) ==
	    NULL)
		return -1;
	for (int i = 0; i < a->n; i++, r->npersons++) {
		const struct jv *x = &a->v[i];
		struct rperson *p = &r->persons[i];

		if (x->t != J_ARR || x->n != 8 || x->v[0].t != J_STR)
			return -1;
		for (int k = 1; k < 8; k++)
			if (x->v[k].t != J_NUM && (k != 3 || x->v[k].t != J_NULL))
				return -1;
		if ((p->id = tn_strdup(x->v[0].str)) == NULL)
			return -1;
		p->dept = (int)x->v[1].num;
		p->pos = x->v[2].num;
		p->wanted = jnum(&x->v[3]);
		p->wshifts = (long)x->v[4].num;
		p->lwshifts = (long)x->v[5].num;
		p->nweekends = (int)x->v[6].num;
		p->over = (int)x->v[7].num;
		if (p->dept < 0 || p->dept >= r->ndepts)
			return -1;
	}
	return 0;
}

static int
shape_error(const struct jv *e, struct result *r)
{
	r->failed = 1;
	r->eline = (long)jnum(jget(e, "line", J_NUM));
	r->ecol = (long)jnum(jget(e, "column", J_NUM));
	return jstr(e, "file", &r->efile) == -1 ||
	    jstr(e, "message", &r->emsg) == -1 || r->emsg == NULL ? -1 : 0;
}

/* The result in a parsed object; -1 when it has not the right shape. */
static int
shape(const struct jv *o, struct result *r)
{
	const struct jv	*e, *ru, *d, *ps;

	if (jget(o, "turnus_batch_result", J_NUM) == NULL)
		return -1;
	r->job = (int)jnum(jget(o, "job", J_NUM));
	r->count = (int)jnum(jget(o, "jobs", J_NUM));
	if (r->job < 1 || r->count < r->job ||
	    jstr(o, "file", &r->file) == -1 || r->file == NULL ||
	    jstr(o, "period", &r->period) == -1 ||
	    jstr(o, "municipality", &r->municipality) == -1 ||
	    jstr(o, "key_id", &r->key_id) == -1)
		return -1;
	if ((e = jget(o, "error", J_OBJ)) != NULL)
		return shape_error(e, r);
	if ((ru = jget(o, "rules", J_OBJ)) == NULL ||
	    (d = jget(o, "departments", J_ARR)) == NULL ||
	    (ps = jget(o, "persons", J_ARR)) == NULL || r->period == NULL ||
	    period_key(r->period, &(long){ 0 }, &(long){ 0 }) == -1)
		return -1;
	return shape_rules(ru, r) == -1 || shape_depts(d, r) == -1 ||
	    shape_persons(ps, r) == -1 ? -1 : 0;
}

int
results_read(struct tn_batch *b, const char *s, size_t len, const char *name,
    struct tn_error *err)
{
	struct jp	 p = { .s = s, .len = len, .name = name, .err = err };
	struct jv	 v;
	size_t		 at;
	int		 rc;

	for (;;) {
		ws(&p);
		if (p.pos >= p.len)
			return 0;
		at = p.pos;
		if (p.s[p.pos] != '{')
			return jbad(&p, _("a result object ({...}) as 'turnus "
			    "batch --job' writes it"));
		memset(&v, 0, sizeof v);
		if (jvalue(&p, &v) == -1) {
			jv_release(&v);
			return -1;
		}
		if (grow(&b->res, &b->capres, b->nres + 1, sizeof *b->res) ==
		    -1) {
			jv_release(&v);
			return tn_oom(err);
		}
		memset(&b->res[b->nres], 0, sizeof b->res[b->nres]);
		rc = shape(&v, &b->res[b->nres]);
		jv_release(&v);
		if (rc == -1 || (b->res[b->nres].source = tn_strdup(name)) ==
		    NULL) {
			result_release(&b->res[b->nres]);
			p.pos = at;
			if (err->level == 0)
				jbad(&p, _("a result object as 'turnus batch "
				    "--job' writes it"));
			return -1;
		}
		b->nres++;
	}
}

int
tn_batch_add_results(struct tn_batch *b, FILE *fp, const char *name,
    struct tn_error *err)
{
	struct buf	 all = { 0 };
	char		 chunk[65536];
	size_t		 n;
	int		 rc;

	tn_error_clear(err);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&all, chunk, n);
	if (ferror(fp)) {
		buf_release(&all);
		tn_error_set(err, TN_INPUT, name, 0, 0, _("cannot read the "
		    "results"));
		return -1;
	}
	if (all.oom) {
		buf_release(&all);
		return tn_oom(err);
	}
	rc = results_read(b, all.s ? all.s : "", all.len, name, err);
	buf_release(&all);
	return rc;
}
