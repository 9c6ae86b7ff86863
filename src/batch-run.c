/* Running a batch's jobs in worker processes, each on the next job free. */
#include <sys/mman.h>
#include <sys/wait.h>

#include <errno.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "turnus/batch.h"
#include "batch-int.h"
#include "model.h"
#include "util.h"

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

/* A worker: takes the next job until none is left; never returns. */
static void
worker(struct tn_batch *b, atomic_int *next, FILE *out)
{
	struct tn_error	 err;
	int		 i;

	while ((i = atomic_fetch_add(next, 1)) < b->nsnaps)
		if (tn_batch_job_run(&b->snaps[i].job, &b->opts, out, &err) ==
		    -1)
			_exit(TN_INTERNAL);
	_exit(fflush(out) == 0 && !ferror(out) ? 0 : TN_INTERNAL);
}

static int
sys_error(struct tn_error *err, const char *what)
{
	tn_error_set(err, TN_INTERNAL, NULL, 0, 0, "cannot %s: %s", what,
	    strerror(errno));
	return -1;
}

/* Starts n workers writing to out[]; returns how many started. */
static int
start(struct tn_batch *b, atomic_int *next, FILE **out, pid_t *pid, int n,
    struct tn_error *err)
{
	for (int k = 0; k < n; k++) {
		if ((out[k] = tmpfile()) == NULL)
			return sys_error(err, "create a temporary file"), k;
		switch (pid[k] = fork()) {
		case -1:
			fclose(out[k]);
			out[k] = NULL;
			return sys_error(err, "start a worker process"), k;
		case 0:
			for (int j = 0; j < k; j++)
				fclose(out[j]);
			worker(b, next, out[k]);
		}
	}
	return n;
}

/* Waits for the workers and reads what they wrote. */
static int
collect(struct tn_batch *b, FILE **out, pid_t *pid, int n,
    struct tn_error *err)
{
	char	 name[64];
	int	 status, rc = 0;

	for (int k = 0; k < n; k++) {
		while (waitpid(pid[k], &status, 0) == -1)
			if (errno != EINTR) {
				rc = sys_error(err, "wait for a worker");
				break;
			}
		if (rc == 0 && WIFEXITED(status) &&
		    WEXITSTATUS(status) == TN_INTERNAL) {
			tn_error_set(err, TN_INTERNAL, NULL, 0, 0, "a worker "
			    "could not write its results");
			rc = -1;
		}
		snprintf(name, sizeof name, "results of worker %d", k + 1);
		rewind(out[k]);
		if (rc == 0 && tn_batch_add_results(b, out[k], name, err) ==
		    -1) {
			/* a worker killed while writing leaves half a result */
			if (WIFSIGNALED(status))
				tn_error_clear(err);
			else
				rc = -1;
		}
		if (WIFSIGNALED(status))
			b->signal = WTERMSIG(status);
		fclose(out[k]);
	}
	return rc;
}

int
tn_batch_run(struct tn_batch *b, int nproc, struct tn_error *err)
{
	atomic_int	*next;
	FILE		**out;
	pid_t		*pid;
	int		 n, rc;

	tn_error_clear(err);
	if (nproc > b->nsnaps)
		nproc = b->nsnaps;
	if (nproc <= 1)
		return run_here(b, err);
	if ((next = mmap(NULL, sizeof *next, PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0)) == MAP_FAILED)
		return sys_error(err, "share memory with the workers");
	atomic_init(next, 0);
	out = tn_calloc((size_t)nproc, sizeof *out);
	pid = tn_calloc((size_t)nproc, sizeof *pid);
	if (out == NULL || pid == NULL) {
		rc = tn_oom(err);
		n = 0;
	} else {
		n = start(b, next, out, pid, nproc, err);
		rc = n < nproc ? -1 : 0;
		if (n > 0 && n < nproc)	/* the rest does all the jobs */
			rc = 0;
	}
	if (collect(b, out, pid, n, rc == 0 ? err :
	    &(struct tn_error){ 0 }) == -1)
		rc = -1;
	munmap(next, sizeof *next);
	free(out);
	free(pid);
	return rc;
}
