/* Importing a Curtois & Qu nurse rostering instance as a turnus case. */
#ifndef TURNUS_NRP_H
#define TURNUS_NRP_H

#include "turnus/turnus.h"

/* What an import wrote, for the command to say. */
struct tn_nrp_info {
	int	 days;
	int	 persons;
	int	 shifts;
	int	 requests;	/* shift on and off requests */
	int	 days_off;	/* locked days off */
};

/*
 * Reads the instance file (the benchmark's text format, see
 * turnus-import-nrp(1)) and writes a case folder in dir: staff.csv,
 * shifts.csv, demand.csv, wishes.csv and rules.conf, each atomically.
 * Creates dir when it is missing and never writes over a file: when
 * one of the five exists, nothing is written.  Returns 0 and fills
 * info (which may be NULL), or -1 with err set (TN_INPUT for a bad
 * instance, naming FILE:LINE:COLUMN, TN_INTERNAL for a write error).
 */
int	 tn_nrp_import(const char *, const char *, struct tn_nrp_info *,
	    struct tn_error *);

#endif
