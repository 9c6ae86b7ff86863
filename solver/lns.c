/*
 * Improving a roster: one person's best line against everybody else
 * (exact, by the pricing with the true cost of each cell), and large
 * neighbourhoods (a few persons, or everybody over a few days) solved
 * by column generation and the integer master in GLPK.
 */
#include <sys/mman.h>
#include <sys/wait.h>

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdatomic.h>
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
 * The best roster of each of the two processes, in memory both share:
 * a slot is written between two counts of its seq (odd while it is
 * written), so a reader that sees the same even count before and after
 * its copy has a whole roster.
 */
struct eg_share {
	atomic_uint	 seq[2];
	double		 obj[2];
	double		 tb[2];
	signed char	 x[];		/* [(slot * P + p) * D + d] */
};

static size_t
share_size(const struct eg *eg)
{
	return sizeof(struct eg_share) + 2 * (size_t)eg->P * eg->D;
}

/* Puts best into this process's slot. */
static void
publish(struct eg *eg, const struct eg_sol *best)
{
	struct eg_share	*sh = eg->share;
	int		 k = eg->slot;
	unsigned	 n;

	if (sh == NULL)
		return;
	n = atomic_load_explicit(&sh->seq[k], memory_order_relaxed);
	atomic_store_explicit(&sh->seq[k], n + 1, memory_order_relaxed);
	atomic_thread_fence(memory_order_release);
	sh->obj[k] = best->obj;
	sh->tb[k] = eg->t_best;
	for (int p = 0; p < eg->P; p++)
		memcpy(sh->x + ((size_t)k * eg->P + p) * eg->D, best->x[p],
		    (size_t)eg->D);
	atomic_store_explicit(&sh->seq[k], n + 2, memory_order_release);
}

/*
 * Takes the other process's roster into best when it is better (it is
 * checked here, never trusted); *seen is the count last looked at.
 * Returns 1 when best changed.
 */
static int
adopt(struct eg *eg, struct eg_sol *best, struct eg_sol *cand,
    unsigned *seen)
{
	struct eg_share	*sh = eg->share;
	int		 k = 1 - eg->slot, ok = 1;
	unsigned	 n;
	double		 tb;

	if (sh == NULL)
		return 0;
	n = atomic_load_explicit(&sh->seq[k], memory_order_acquire);
	if (n == *seen || n % 2 == 1 || sh->obj[k] >= best->obj - 1e-9)
		return 0;
	tb = sh->tb[k];
	for (int p = 0; p < eg->P; p++)
		memcpy(cand->x[p], sh->x + ((size_t)k * eg->P + p) * eg->D,
		    (size_t)eg->D);
	atomic_thread_fence(memory_order_acquire);
	if (atomic_load_explicit(&sh->seq[k], memory_order_relaxed) != n)
		return 0;		/* written meanwhile: next time */
	*seen = n;
	for (int p = 0; ok && p < eg->P; p++)
		ok = eg_line_ok(eg, p, cand->x[p]);
	if (!ok || (cand->obj = eg_objective(eg, cand->x)) >= best->obj - 1e-9)
		return 0;
	eg_sol_copy(eg, best, cand);
	eg->t_best = tb;
	return 1;
}

/*
 * Large-neighbourhood search until the deadline or until the roster
 * reaches *lb (a bound no roster beats).  Two neighbourhoods of days
 * to one of persons (days gain more often: Instance8, 12); a size grows while its neighbourhoods are
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
	unsigned	 seen = 0;
	volatile sig_atomic_t *stop = eg->sv->opts->stop;

	publish(eg, best);
	if (eg_sol_alloc(eg, &cand) == -1 ||
	    (h.pers = tn_malloc(((size_t)eg->P + 1) * sizeof *h.pers)) ==
	    NULL) {
		eg_sol_free(eg, &cand);
		return -1;
	}
	while (rc >= 0 && sv_now() < deadline && (stop == NULL || !*stop) &&
	    best->obj > *lb + (eg->integral ? 1 - 1e-6 : 1e-6)) {
		double t = sv_now(), until = t + 2 + (deadline - t) / 10;
		int days = it++ % 3 != 2;

		if (until > deadline)
			until = deadline;
		if (adopt(eg, best, &cand, &seen)) {
			eg_log(eg, "from the other process: %.2f", best->obj);
			eg_show(eg, best, *lb);
		}
		if (days)
			hood_days(eg, &h, kd, &seed);
		else
			hood_persons(eg, &h, kp, &seed);
		rc = solve_hood(eg, dp, best, &cand, &h, until);
		if (rc == 1) {
			eg->t_best = sv_now();
			publish(eg, best);
			eg_log(eg, "neighbourhood %s %d: %.2f", days ? "days" :
			    "persons", days ? kd : kp, best->obj);
			eg_show(eg, best, *lb);
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

/*
 * The second process (GLPK is not thread-safe): a child that runs its
 * own neighbourhoods (another stream of the seed) from best, as
 * eg_lns_join does here; each takes the other's roster whenever that
 * is better, through shared memory.  eg_lns_join ends it.  Returns 0,
 * also when no child could be started (the search then runs in this
 * process alone).
 */
int
eg_lns_fork(struct eg *eg, struct eg_dp *dp, struct eg_sol *best,
    double deadline)
{
	struct eg_share	*sh;
	double		 lb = -EG_INF;
	int		 rc;
	pid_t		 pid;

	sh = mmap(NULL, share_size(eg), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED)
		return 0;
	atomic_init(&sh->seq[0], 0);
	atomic_init(&sh->seq[1], 0);
	if ((pid = fork()) == -1) {
		munmap(sh, share_size(eg));
		return 0;
	}
	eg->share = sh;
	if (pid == 0) {
		eg->slot = 1;
		eg->stream = 7919;
		rc = eg_lns(eg, dp, best, &lb, deadline);
		if (rc == 0)
			publish(eg, best);
		_exit(rc == 0 ? 0 : 1);
	}
	eg->slot = 0;
	eg->child = pid;
	return 0;
}

/*
 * This process's search until the deadline or *lb, with the child's
 * help when there is one; then the child ends and its last roster is
 * taken when better.  With search 0 only the child is ended.
 */
int
eg_lns_join(struct eg *eg, struct eg_dp *dp, struct eg_sol *best, double *lb,
    double deadline, int search)
{
	struct eg_sol	 other;
	unsigned	 seen = 0;
	int		 rc = 0;

	if (search && best->obj > *lb + (eg->integral ? 1 - 1e-6 : 1e-6))
		rc = eg_lns(eg, dp, best, lb, deadline);
	if (eg->child <= 0)
		return rc;
	/* a roster at the bound: the child has nothing better to give */
	if (rc != 0 || !search ||
	    best->obj <= *lb + (eg->integral ? 1 - 1e-6 : 1e-6))
		kill(eg->child, SIGKILL);
	while (waitpid(eg->child, NULL, 0) == -1 && errno == EINTR)
		;
	eg->child = 0;
	if (rc == 0 && search && eg_sol_alloc(eg, &other) == 0) {
		if (adopt(eg, best, &other, &seen))
			eg_log(eg, "the second process: %.2f", best->obj);
		eg_sol_free(eg, &other);
	}
	munmap(eg->share, share_size(eg));
	eg->share = NULL;
	return rc;
}
