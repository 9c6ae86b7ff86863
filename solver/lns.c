/*
 * Improving a roster: one person's best line against everybody else
 * (exact, by the pricing with the true cost of each cell), and large
 * neighbourhoods (a few persons, or everybody over a few days) solved
 * by column generation and the integer master in GLPK.
 */
#include <sys/wait.h>

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine.h"
#include "util.h"

static unsigned
rnd(unsigned *st)
{
	unsigned x = *st ? *st : 0x9e3779b9u;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	return *st = x;
}

static int
rn(unsigned *st, int n)
{
	return n > 0 ? (int)(rnd(st) % (unsigned)n) : 0;
}

/* Heads per demand row, from every person but skip. */
static void
count_heads(const struct eg *eg, signed char *const *x, int skip, int *n)
{
	memset(n, 0, (size_t)eg->Q * sizeof *n);
	for (int p = 0; p < eg->P; p++) {
		if (p == skip)
			continue;
		for (int d = 0; d < eg->D; d++) {
			size_t i;

			if (x[p][d] < 0)
				continue;
			i = ((size_t)p * eg->D + d) * eg->S + x[p][d];
			for (int k = eg->covs[i]; k < eg->covs[i + 1]; k++)
				n[eg->covl[k]]++;
		}
	}
}

static void
move_heads(const struct eg *eg, int p, const signed char *x, int *n, int by)
{
	for (int d = 0; d < eg->D; d++) {
		size_t i;

		if (x[d] < 0)
			continue;
		i = ((size_t)p * eg->D + d) * eg->S + x[d];
		for (int k = eg->covs[i]; k < eg->covs[i + 1]; k++)
			n[eg->covl[k]] += by;
	}
}

/* The exact cost of each of p's cells, the others as they are in n. */
static void
true_costs(const struct eg *eg, int p, const int *n, double *rc)
{
	int	 S1 = eg->S + 1;

	memcpy(rc, eg->p[p].cost, (size_t)eg->D * S1 * sizeof *rc);
	for (int d = 0; d < eg->D; d++)
		for (int s = 0; s < eg->S; s++) {
			size_t i = ((size_t)p * eg->D + d) * eg->S + s;

			for (int k = eg->covs[i]; k < eg->covs[i + 1]; k++) {
				const struct eg_cover *q = &eg->q[eg->covl[k]];
				int h = n[eg->covl[k]];

				rc[d * S1 + s + 1] += eg_cover_pen(q, h + 1) -
				    eg_cover_pen(q, h);
			}
		}
}

static double
line_value(const struct eg *eg, const double *rc, const signed char *x)
{
	double	 sum = 0;

	for (int d = 0; d < eg->D; d++)
		sum += rc[d * (eg->S + 1) + x[d] + 1];
	return sum;
}

struct work {
	int		*n;
	double		*rc;
	signed char	*line;
	signed char	*out[1];
	double		 val[1];
};

static int
work_new(const struct eg *eg, struct work *w)
{
	w->n = tn_calloc((size_t)eg->Q + 1, sizeof *w->n);
	w->rc = tn_malloc((size_t)eg->D * (eg->S + 1) * sizeof *w->rc);
	w->line = tn_malloc((size_t)eg->D + 1);
	w->out[0] = w->line;
	return w->n == NULL || w->rc == NULL || w->line == NULL ? -1 : 0;
}

static void
work_free(struct work *w)
{
	free(w->n);
	free(w->rc);
	free(w->line);
}

/*
 * Gives person p the best line against the others (n without p);
 * returns 1 when it is better than p's line, 0 when not or when p has
 * no line that keeps the rules (p's line stays), -1 out of memory.
 */
static int
best_line(struct eg *eg, struct eg_dp *dp, struct eg_sol *sol, int p,
    struct work *w, int have)
{
	double	 old;
	int	 k;

	true_costs(eg, p, w->n, w->rc);
	old = have ? line_value(eg, w->rc, sol->x[p]) : EG_INF;
	if ((k = eg_dp_price(dp, p, w->rc, NULL, NULL, old - 1e-9, w->out,
	    w->val, 1)) < 0)
		return -1;
	if (k == 0)
		return 0;
	memcpy(sol->x[p], w->line, (size_t)eg->D);
	return 1;
}

/* Each person in turn gets the best line against those placed before. */
int
eg_construct(struct eg *eg, struct eg_dp *dp, struct eg_sol *sol)
{
	struct work	 w;
	int		 rc = 0;

	if (work_new(eg, &w) == -1) {
		work_free(&w);
		return -1;
	}
	for (int p = 0; p < eg->P && rc >= 0; p++)
		for (int d = 0; d < eg->D; d++)
			sol->x[p][d] = eg->p[p].fix[d] >= 0 ? eg->p[p].fix[d] :
			    EG_OFF;
	for (int p = 0; p < eg->P && rc >= 0; p++) {
		if (eg->deadline > 0 && sv_now() >= eg->deadline) {
			rc = -2;
			break;
		}
		count_heads(eg, sol->x, -1, w.n);
		move_heads(eg, p, sol->x[p], w.n, -1);
		/* a beam that found no line tries again, wider */
		for (int by = 1; by <= 16 && (rc = best_line(eg, dp, sol, p,
		    &w, 0)) == 0 && !eg_dp_exact(dp); by *= 4)
			eg_dp_widen(dp, 4 * by);
		eg_dp_widen(dp, 1);
	}
	work_free(&w);
	sol->obj = eg_objective(eg, sol->x);
	return rc < 0 ? rc : 0;
}

/* Best lines, one person at a time, until no person improves. */
int
eg_descent(struct eg *eg, struct eg_dp *dp, struct eg_sol *sol,
    unsigned *seed)
{
	struct work	 w;
	int		*order, better = 1, rc = 0;

	if ((order = tn_malloc(((size_t)eg->P + 1) * sizeof *order)) == NULL ||
	    work_new(eg, &w) == -1) {
		free(order);
		return -1;
	}
	for (int p = 0; p < eg->P; p++)
		order[p] = p;
	count_heads(eg, sol->x, -1, w.n);
	while (better && rc >= 0) {
		better = 0;
		for (int i = eg->P - 1; i > 0; i--) {
			int j = rn(seed, i + 1), t = order[i];

			order[i] = order[j];
			order[j] = t;
		}
		for (int i = 0; i < eg->P && rc >= 0; i++) {
			int p = order[i];

			move_heads(eg, p, sol->x[p], w.n, -1);
			rc = best_line(eg, dp, sol, p, &w, 1);
			better |= rc == 1;
			move_heads(eg, p, sol->x[p], w.n, 1);
			if (eg->deadline > 0 && sv_now() >= eg->deadline)
				break;
		}
	}
	free(order);
	work_free(&w);
	sol->obj = eg_objective(eg, sol->x);
	return rc < 0 ? -1 : 0;
}

/* ---------------------------------------------------------------- LNS */

struct hood {
	int	*pers;
	int	 np;
	int	 lo, hi;	/* free days */
};

/* k persons at random, the whole period. */
static void
hood_persons(const struct eg *eg, struct hood *h, int k, unsigned *seed)
{
	int	*all = h->pers;

	for (int p = 0; p < eg->P; p++)
		all[p] = p;
	for (int i = 0; i < k && i < eg->P; i++) {
		int j = i + rn(seed, eg->P - i), t = all[i];

		all[i] = all[j];
		all[j] = t;
	}
	h->np = k < eg->P ? k : eg->P;
	h->lo = 0;
	h->hi = eg->D - 1;
}

/* Everybody, w days from a random start. */
static void
hood_days(const struct eg *eg, struct hood *h, int w, unsigned *seed)
{
	for (int p = 0; p < eg->P; p++)
		h->pers[p] = p;
	h->np = eg->P;
	if (w > eg->D)
		w = eg->D;
	h->lo = rn(seed, eg->D - w + 1);
	h->hi = h->lo + w - 1;
}

/*
 * Solves one neighbourhood of best; keeps a better roster in best.
 * Returns 1 improved, 0 not, 2 when the neighbourhood was proven
 * optimal without improving, -1 on failure.
 */
static int
solve_hood(struct eg *eg, struct eg_dp *dp, struct eg_sol *best,
    struct eg_sol *cand, const struct hood *h, double until)
{
	struct eg_cg	*cg;
	double		 lp, lb, inc;
	int		 rc, mip;

	if ((cg = eg_cg_new(eg, h->pers, h->np,
	    (const signed char *const *)best->x, h->lo, h->hi)) == NULL)
		return -1;
	inc = eg_cg_value(cg, best);
	rc = eg_cg_run(cg, dp, until, inc, &lp, &lb);
	if (rc < 0) {
		eg_cg_free(cg);
		return 0;	/* GLPK gave up on it: another one */
	}
	if (lb >= inc - (eg->integral ? 1 - 1e-6 : 1e-6)) {
		eg_cg_free(cg);
		return 2;
	}
	eg_sol_copy(eg, cand, best);
	mip = eg_cg_mip(cg, until, best, cand);
	eg_cg_free(cg);
	if (mip < 0)
		return -1;
	cand->obj = eg_objective(eg, cand->x);
	if (cand->obj < best->obj - 1e-9) {
		eg_sol_copy(eg, best, cand);
		return 1;
	}
	return mip == 1 ? 2 : 0;
}

/*
 * Large-neighbourhood search until the deadline or until the roster
 * reaches *lb (a bound no roster beats).  Neighbourhoods alternate
 * between persons and days; a size grows while its neighbourhoods are
 * solved to optimality without a gain and shrinks when they time out.
 */
int
eg_lns(struct eg *eg, struct eg_dp *dp, struct eg_sol *best, double *lb,
    double deadline)
{
	struct eg_sol	 cand;
	struct hood	 h;
	unsigned	 seed = eg->seed * 2654435761u + 12345 + eg->stream;
	int		 kp = 3, kd = 7, it = 0, rc = 0;
	volatile sig_atomic_t *stop = eg->sv->opts->stop;

	if (eg_sol_alloc(eg, &cand) == -1 ||
	    (h.pers = tn_malloc(((size_t)eg->P + 1) * sizeof *h.pers)) ==
	    NULL) {
		eg_sol_free(eg, &cand);
		return -1;
	}
	while (rc >= 0 && sv_now() < deadline && (stop == NULL || !*stop) &&
	    best->obj > *lb + (eg->integral ? 1 - 1e-6 : 1e-6)) {
		double t = sv_now(), until = t + 2 + (deadline - t) / 10;
		int days = it++ % 2 == 1;

		if (until > deadline)
			until = deadline;
		if (days)
			hood_days(eg, &h, kd, &seed);
		else
			hood_persons(eg, &h, kp, &seed);
		rc = solve_hood(eg, dp, best, &cand, &h, until);
		if (rc == 1) {
			eg->t_best = sv_now();
			eg_log(eg, "neighbourhood %s %d: %.2f", days ? "days" :
			    "persons", days ? kd : kp, best->obj);
		}
		if (rc == 2 || (rc == 0 && sv_now() < until)) {
			if (days && kd < eg->D)
				kd++;
			else if (!days && kp < eg->P)
				kp++;
		} else if (rc == 0) {
			if (days && kd > 2)
				kd--;
			else if (!days && kp > 2)
				kp--;
		}
	}
	free(h.pers);
	eg_sol_free(eg, &cand);
	return rc < 0 ? -1 : 0;
}

/* ------------------------------------------------------ two processes */

static int
put(int fd, const void *b, size_t n)
{
	const char	*p = b;

	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static int
get(int fd, void *b, size_t n)
{
	char	*p = b;

	while (n > 0) {
		ssize_t r = read(fd, p, n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		p += r;
		n -= (size_t)r;
	}
	return 0;
}

/*
 * The search in two processes (GLPK is not thread-safe): a child runs
 * its own neighbourhoods (another stream of the seed) and sends its
 * best roster through a pipe at the deadline; the better one is kept.
 * Falls back to one process when fork or pipe fails.
 */
int
eg_lns2(struct eg *eg, struct eg_dp *dp, struct eg_sol *best, double *lb,
    double deadline)
{
	struct eg_sol	 other;
	double		 obj, tb;
	int		 fd[2], rc, ok = 1;
	pid_t		 pid;

	if (pipe(fd) == -1)
		return eg_lns(eg, dp, best, lb, deadline);
	if ((pid = fork()) == -1) {
		close(fd[0]);
		close(fd[1]);
		return eg_lns(eg, dp, best, lb, deadline);
	}
	if (pid == 0) {
		close(fd[0]);
		eg->stream = 7919;
		rc = eg_lns(eg, dp, best, lb, deadline);
		ok = rc == 0 && put(fd[1], &best->obj, sizeof best->obj) == 0 &&
		    put(fd[1], &eg->t_best, sizeof eg->t_best) == 0;
		for (int p = 0; ok && p < eg->P; p++)
			ok = put(fd[1], best->x[p], (size_t)eg->D) == 0;
		_exit(ok ? 0 : 1);
	}
	close(fd[1]);
	rc = eg_lns(eg, dp, best, lb, deadline);
	if (eg_sol_alloc(eg, &other) == 0) {
		ok = get(fd[0], &obj, sizeof obj) == 0 &&
		    get(fd[0], &tb, sizeof tb) == 0;
		for (int p = 0; ok && p < eg->P; p++)
			ok = get(fd[0], other.x[p], (size_t)eg->D) == 0;
		/* the child's roster is checked here, never trusted */
		for (int p = 0; ok && p < eg->P; p++)
			ok = eg_line_ok(eg, p, other.x[p]);
		if (ok && (other.obj = eg_objective(eg, other.x)) <
		    best->obj - 1e-9) {
			eg_log(eg, "the second process: %.2f", other.obj);
			eg_sol_copy(eg, best, &other);
			eg->t_best = tb;
		}
		eg_sol_free(eg, &other);
	}
	close(fd[0]);
	while (waitpid(pid, NULL, 0) == -1 && errno == EINTR)
		;
	return rc;
}
