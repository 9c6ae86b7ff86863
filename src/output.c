/* Output files: a temporary file in the same folder, then rename(2). */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "turnus/output.h"
#include "turnus/turnus.h"
#include "i18n.h"
#include "model.h"
#include "util.h"

struct tn_out {
	FILE	*fp;
	char	*path;		/* NULL for standard output */
	char	*tmp;		/* NULL when written in place */
	int	 direct;	/* a device or pipe: written in place */
};

static int
same_file(const char *a, const struct stat *sb)
{
	struct stat	 sa;

	return stat(a, &sa) == 0 && sa.st_dev == sb->st_dev &&
	    sa.st_ino == sb->st_ino;
}

/*
 * Refuses a folder and an input.  Returns 1 for a device, a pipe or a
 * symbolic link (/dev/full, /dev/stdout): written in place, as a
 * temporary file and rename(2) would replace it with a plain file.
 */
static int
guard(const char *path, const char *const *inputs, int n,
    struct tn_error *err)
{
	struct stat	 st;
	int		 link;

	link = lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	if (stat(path, &st) == -1)
		return link;
	if (S_ISDIR(st.st_mode)) {
		tn_error_set(err, TN_INPUT, path, 0, 0, _("is a folder, "
		    "expected a file name for -o"));
		return -1;
	}
	for (int i = 0; i < n; i++)
		if (inputs[i] != NULL && same_file(inputs[i], &st)) {
			tn_error_set(err, TN_INPUT, path, 0, 0, _("is an input "
			    "of this run, expected a new file name for -o; "
			    "turnus never writes over its input"));
			return -1;
		}
	return link || !S_ISREG(st.st_mode);
}

/* Opens a device or a pipe for writing, in place. */
static int
open_direct(struct tn_out *o, const char *path, struct tn_error *err)
{
	o->direct = 1;
	if ((o->path = tn_strdup(path)) == NULL)
		return tn_oom(err);
	if ((o->fp = fopen(path, "wb")) == NULL) {
		tn_error_set(err, TN_INTERNAL, path, 0, 0,
		    _("cannot write: %s"), strerror(errno));
		return -1;
	}
	return 0;
}

struct tn_out *
tn_out_open(const char *path, const char *const *inputs, int ninputs,
    struct tn_error *err)
{
	struct tn_out	*o;
	mode_t		 mask;
	int		 fd, g;

	if ((o = tn_calloc(1, sizeof *o)) == NULL) {
		tn_oom(err);
		return NULL;
	}
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return o;
	}
	if ((g = guard(path, inputs, ninputs, err)) == -1)
		goto fail;
	if (g == 1)
		return open_direct(o, path, err) == -1 ? tn_out_abort(o), NULL :
		    o;
	if ((o->path = tn_strdup(path)) == NULL ||
	    (o->tmp = tn_malloc(strlen(path) + 16)) == NULL) {
		tn_oom(err);
		goto fail;
	}
	snprintf(o->tmp, strlen(path) + 16, "%s.tmpXXXXXX", path);
	if ((fd = mkstemp(o->tmp)) == -1) {
		tn_error_set(err, TN_INTERNAL, path, 0, 0,
		    _("cannot create: %s"), strerror(errno));
		free(o->tmp);
		o->tmp = NULL;
		goto fail;
	}
	mask = umask(0);
	umask(mask);
	(void)fchmod(fd, 0666 & ~mask);
	if ((o->fp = fdopen(fd, "wb")) == NULL) {
		close(fd);
		tn_error_set(err, TN_INTERNAL, path, 0, 0,
		    _("cannot write: %s"), strerror(errno));
		goto fail;
	}
	return o;
fail:
	tn_out_abort(o);
	return NULL;
}

FILE *
tn_out_fp(struct tn_out *o)
{
	return o->fp;
}

int
tn_out_commit(struct tn_out *o, struct tn_error *err)
{
	int	 bad, e;

	if (o->path == NULL) {
		bad = fflush(o->fp) != 0 || ferror(o->fp);
		if (bad)
			tn_error_set(err, TN_INTERNAL, _("standard output"),
			    0, 0, _("write error: %s"), strerror(errno));
		free(o);
		return bad ? -1 : 0;
	}
	errno = 0;
	bad = fflush(o->fp) != 0 || ferror(o->fp) ||
	    (!o->direct && fsync(fileno(o->fp)) != 0);
	e = errno;
	if (fclose(o->fp) != 0 && !bad) {
		bad = 1;
		e = errno;
	}
	o->fp = NULL;
	if (!bad && !o->direct && rename(o->tmp, o->path) == -1) {
		bad = 1;
		e = errno;
	}
	if (bad) {
		tn_error_set(err, TN_INTERNAL, o->path, 0, 0, o->direct ?
		    _("cannot write: %s") : _("cannot write: %s; nothing was "
		    "written"), strerror(e ? e : EIO));
		tn_out_abort(o);
		return -1;
	}
	free(o->tmp);
	o->tmp = NULL;
	tn_out_abort(o);
	return 0;
}

void
tn_out_abort(struct tn_out *o)
{
	if (o == NULL)
		return;
	if (o->fp != NULL && o->fp != stdout)
		fclose(o->fp);
	if (o->tmp != NULL)
		unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	free(o);
}
