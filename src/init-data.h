/* The example case that "turnus init" writes (from samples/start). */
#ifndef TURNUS_INIT_DATA_H
#define TURNUS_INIT_DATA_H

struct init_file {
	const char	*name;
	const char	*text;
};

extern const struct init_file init_files[];	/* ends with NULL name */

#endif
