/* What each rule of turnus check means, in Norwegian and English. */
#ifndef TURNUS_EXPLAIN_H
#define TURNUS_EXPLAIN_H

#include <stdio.h>

/*
 * 1 when the user's messages are Norwegian: the first of LC_ALL,
 * LC_MESSAGES and LANG that is set (then LANGUAGE, as gettext reads
 * it, unless the locale is C) names nb, nn or no.  Read from the
 * environment, so it works when the locale is not installed.
 */
int		 tn_lang_nb(void);

/* The parts of a rule's explanation, for explain_text(). */
enum explain_part {
	EXPLAIN_TITLE,		/* as turnus check heads the finding */
	EXPLAIN_LINE,		/* one line, for the list of rules */
	EXPLAIN_SET,		/* where the rule is set, its default */
	EXPLAIN_BRIEF,		/* under a finding: turnus check --explain */
	EXPLAIN_MEANS,		/* what the rule means */
	EXPLAIN_WHY,		/* why it exists */
	EXPLAIN_LAW,		/* where it comes from */
	EXPLAIN_HOW,		/* how turnus checks it: the boundary */
	EXPLAIN_CASE,		/* the situation of the example */
	EXPLAIN_MSG,		/* the finding as turnus check words it */
	EXPLAIN_NPARTS
};

/* A part of rule r's explanation (nb: Norwegian); NULL if r is no rule. */
const char	*explain_text(int r, int nb, enum explain_part);

/* The paragraph a break of rule r cites under the default rules, or NULL. */
const char	*explain_cite(int r);

/*
 * The rule that name means: a rule key, or a rule's title in either
 * language ("daily rest", "daglig hvile"); case, '-' and '_' do not
 * matter.  A setting of a rule (avg_weeks) gives that rule and sets
 * *setting to 1.  Returns -1 for no rule.
 */
int		 explain_find(const char *name, int *setting);

/* Writes the whole explanation of rule r, within 80 columns. */
void		 explain_write(FILE *, int r, int nb);

/* Writes every rule, one line each, grouped by where it is set. */
void		 explain_list(FILE *, int nb);

/* Writes every rule key, wrapped at 80 columns and indented. */
void		 explain_keys(FILE *, int indent);

/* Writes rule r's brief explanation, wrapped, at column indent. */
void		 explain_finding(FILE *, int r, int nb, int indent);

#endif
