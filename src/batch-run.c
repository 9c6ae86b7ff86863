/* Running a batch's jobs in worker processes, each on the next job free. */
#include <sys/mman.h>
#include <sys/wait.h>

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "turnus/batch.h"
#include "batch-int.h"
#include "i18n.h"
#include "model.h"
#include "util.h"

/* A worker process and what it has written so far. */
struct worker {
	pid_t		 pid;
	int		 fd;		/* -1: at end */
	struct buf	 in;
	size_t		 done;		/* bytes of in already read back */
};

/* Runs the jobs in this process, as one worker would. */
static int
run_here(struct tn_batch *b, struct tn_error *err)
{
	char	*s = NULL;
	size_t	 n = 0;
	FILE	*fp;
	int	 rc = 0;

	for (int i = 0; i < b->nsnaps && rc == 0; i++) {
		if ((fp = open_memstream(&s, &n)) == NULL)
			return tn_oom(err);
		if (tn_batch_job_run(&b->snaps[i].job, &b->opts, fp, err) == -1)
			rc = -1;
		if (fclose(fp) != 0 && rc == 0)
			rc = tn_oom(err);
		if (rc == 0)
			rc = results_read(b, s, n, b->snaps[i].file, err);
		free(s);
		s = NULL;
	}
	return rc;
}

/*
 * A worker: takes the next job until none is left, and writes each result
 * at once, ended by a NUL, so that the parent reads it while the workers
 * go on.  Never returns.
 */
static void
work(struct tn_batch *b, atomic_int *next, int fd)
{
	struct tn_error	 err;
	FILE		*out = fdopen(fd, "w");
	int		 i;

	if (out == NULL)
		_exit(TN_INTERNAL);
	while ((i = atomic_fetch_add(next, 1)) < b->nsnaps) {
		if (tn_batch_job_run(&b->snaps[i].job, &b->opts, out, &err) ==
		    -1 || putc('\0', out) == EOF || fflush(out) != 0)
			_exit(TN_INTERNAL);
	}
	_exit(fclose(out) == 0 ? 0 : TN_INTERNAL);
}

static int
sys_error(struct tn_error *err, const char *what)
{
	tn_error_set(err, TN_INTERNAL, NULL, 0, 0, _("cannot %s: %s"), what,
	    strerror(errno));
	return -1;
}

/* Starts n workers; returns how many started (err set if not all). */
static int
start(struct tn_batch *b, atomic_int *next, struct worker *w, int n,
    struct tn_error *err)
{
	int	 p[2];

	for (int k = 0; k < n; k++) {
		if (pipe(p) == -1)
			return sys_error(err, _("make a pipe")), k;
		switch (w[k].pid = fork()) {
		case -1:
			close(p[0]);
			close(p[1]);
			return sys_error(err, _("start a worker process")), k;
		case 0:
			close(p[0]);
			for (int j = 0; j < k; j++)
				close(w[j].fd);
			work(b, next, p[1]);
		}
		close(p[1]);
		w[k].fd = p[0];
	}
	return n;
}

/* Reads what worker k has written and adds its whole results. */
static int
drain(struct tn_batch *b, struct worker *w, int k, struct tn_error *err)
{
	char	 chunk[65536], name[64], *z;
	ssize_t	 n;

	if ((n = read(w->fd, chunk, sizeof chunk)) == -1)
		return errno == EINTR || errno == EAGAIN ? 0 :
		    sys_error(err, _("read from a worker"));
	if (n == 0) {
		close(w->fd);
		w->fd = -1;
		return 0;
	}
	buf_add(&w->in, chunk, (size_t)n);
	if (w->in.oom)
		return tn_oom(err);
	snprintf(name, sizeof name, _("results of worker %d"), k + 1);
	while ((z = memchr(w->in.s + w->done, '\0', w->in.len - w->done)) !=
	    NULL) {
		if (results_read(b, w->in.s + w->done, (size_t)(z - w->in.s) -
		    w->done, name, err) == -1)
			return -1;
		w->done = (size_t)(z - w->in.s) + 1;
	}
	if (w->done > 0 && w->done * 2 > w->in.len) {
		memmove(w->in.s, w->in.s + w->done, w->in.len - w->done);
		w->in.len -= w->done;
		w->done = 0;
	}
	return 0;
}

/* Reads the workers' results as they come, until every pipe ends. */
static int
collect(struct tn_batch *b, struct worker *w, int n, struct tn_error *err)
{
	struct pollfd	*pf = tn_calloc((size_t)n + 1, sizeof *pf);
	int		 open = n, rc = 0;

	if (pf == NULL)
		return tn_oom(err);
	while (open > 0 && rc == 0) {
		for (int k = 0; k < n; k++) {
			pf[k].fd = w[k].fd;
			pf[k].events = POLLIN;
			pf[k].revents = 0;
		}
		if (poll(pf, (nfds_t)n, -1) == -1) {
			if (errno != EINTR)
				rc = sys_error(err, _("wait for the workers"));
			continue;
		}
		for (int k = 0; k < n && rc == 0; k++)
			if (w[k].fd >= 0 && pf[k].revents != 0) {
				rc = drain(b, &w[k], k, err);
				open -= w[k].fd < 0;
			}
	}
	free(pf);
	return rc;
}

/* Waits for every worker; one killed by a signal loses its last job. */
static int
reap(struct tn_batch *b, struct worker *w, int n, struct tn_error *err)
{
	int	 status, rc = 0;

	for (int k = 0; k < n; k++) {
		if (w[k].fd >= 0) {
			kill(w[k].pid, SIGTERM);
			close(w[k].fd);
		}
		while (waitpid(w[k].pid, &status, 0) == -1)
			if (errno != EINTR) {
				status = 0;
				break;
			}
		if (WIFSIGNALED(status))
			b->signal = WTERMSIG(status);
		else if (WIFEXITED(status) && WEXITSTATUS(status) != 0 &&
		    rc == 0 && err->level == 0) {
			tn_error_set(err, TN_INTERNAL, NULL, 0, 0, _("a worker "
			    "could not write its results"));
			rc = -1;
		}
		buf_release(&w[k].in);
	}
	return rc;
}

int
tn_batch_run(struct tn_batch *b, int nproc, struct tn_error *err)
{
	atomic_int	*next;
	struct worker	*w;
	int		 n, rc;

	tn_error_clear(err);
	if (nproc > b->nsnaps)
		nproc = b->nsnaps;
	if (nproc <= 1)
		return run_here(b, err);
	if ((next = mmap(NULL, sizeof *next, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED)
		return sys_error(err, _("share memory with the workers"));
	atomic_init(next, 0);
	if ((w = tn_calloc((size_t)nproc, sizeof *w)) == NULL) {
		munmap(next, sizeof *next);
		return tn_oom(err);
	}
	n = start(b, next, w, nproc, err);
	rc = n == 0 ? -1 : 0;		/* fewer workers do all the jobs */
	if (rc == 0) {
		tn_error_clear(err);
		rc = collect(b, w, n, err);
	}
	if (reap(b, w, n, err) == -1)
		rc = -1;
	munmap(next, sizeof *next);
	free(w);
	return rc;
}
