/* Output files written atomically: a temporary file, then rename(2). */
#ifndef TURNUS_OUTPUT_H
#define TURNUS_OUTPUT_H

#include <stdio.h>

struct tn_error;
struct tn_out;

/*
 * Opens path for writing (NULL or "-" is standard output).  Refuses a
 * path that is one of the ninputs input files (same device and inode).
 * Returns NULL with err set on failure.
 */
struct tn_out	*tn_out_open(const char *, const char *const *, int,
		    struct tn_error *);
FILE		*tn_out_fp(struct tn_out *);

/*
 * Flushes, checks for write errors and renames the temporary file into
 * place.  Frees out.  Returns -1 with err (TN_INTERNAL) on failure, in
 * which case no file is left behind.
 */
int		 tn_out_commit(struct tn_out *, struct tn_error *);
void		 tn_out_abort(struct tn_out *);		/* NULL is a no-op */

#endif
