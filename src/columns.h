/* Column names of roster.csv, shared by the loader and the streamed report. */
#ifndef TURNUS_COLUMNS_H
#define TURNUS_COLUMNS_H

/* Spec entries for csvread_columns(), in this order (load.c). */
enum { RO_ID, RO_NAME, RO_DEPT, RO_ROLE, RO_POS, RO_DAY, RO_SHIFT, RO_N };
extern const char *const roster_cols[RO_N];

#endif
