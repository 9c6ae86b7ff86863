/*
 * Runs a command with its output thrown away and prints its wall time
 * and CPU time (user + system) in seconds, its peak resident set in KiB
 * and its exit status, for tests/bench/run.sh: GNU time may be missing.
 * usage: peakrss command [argument ...]
 */
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>

#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct rusage	 ru;
	double		 t0;
	pid_t		 pid;
	int		 status, fd;

	if (argc < 2) {
		fputs("usage: peakrss command [argument ...]\n", stderr);
		return 2;
	}
	t0 = now();
	if ((pid = fork()) == -1) {
		perror("peakrss: fork");
		return 2;
	}
	if (pid == 0) {
		if ((fd = open("/dev/null", O_WRONLY)) != -1) {
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execvp(argv[1], argv + 1);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) == -1) {
		perror("peakrss: wait4");
		return 2;
	}
	printf("%.4f %.4f %ld %d\n", now() - t0, ru.ru_utime.tv_sec +
	    ru.ru_stime.tv_sec + (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) /
	    1e6, ru.ru_maxrss, WIFEXITED(status) ? WEXITSTATUS(status) :
	    128 + WTERMSIG(status));
	return 0;
}
