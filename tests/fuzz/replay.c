/*
 * Runs a fuzz target once on each file named (or each file in each
 * folder named), without libFuzzer: make check-fuzz replays the seed
 * corpora and the regression inputs with it, under any compiler.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
run_file(const char *path)
{
	FILE		*fp;
	unsigned char	*b;
	long		 n;

	if ((fp = fopen(path, "rb")) == NULL || fseek(fp, 0, SEEK_END) == -1 ||
	    (n = ftell(fp)) < 0 || fseek(fp, 0, SEEK_SET) == -1) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		if (fp != NULL)
			fclose(fp);
		return -1;
	}
	if ((b = malloc((size_t)n + 1)) == NULL ||
	    fread(b, 1, (size_t)n, fp) != (size_t)n) {
		fprintf(stderr, "replay: cannot read %s\n", path);
		free(b);
		fclose(fp);
		return -1;
	}
	fclose(fp);
	LLVMFuzzerTestOneInput(b, (size_t)n);
	free(b);
	return 0;
}

static int
run_path(const char *path, int *count)
{
	struct stat	 st;
	struct dirent	*e;
	DIR		*d;
	char		 p[4096];
	int		 rc = 0;

	if (stat(path, &st) == -1) {
		fprintf(stderr, "replay: no such file %s\n", path);
		return -1;
	}
	if (!S_ISDIR(st.st_mode)) {
		(*count)++;
		return run_file(path);
	}
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof p, "%s/%s", path, e->d_name);
		if (run_path(p, count) == -1)
			rc = -1;
	}
	closedir(d);
	return rc;
}

int
main(int argc, char **argv)
{
	int	 rc = 0, count = 0;

	for (int i = 1; i < argc; i++)
		if (run_path(argv[i], &count) == -1)
			rc = 1;
	printf("%s: %d inputs\n", argv[0], count);
	return rc;
}
