/* turnus explain: what a rule means, why, the law, and a break. */
#include <stdio.h>
#include <string.h>

#include "turnus/turnus.h"
#include "cli.h"
#include "explain.h"
#include "findings.h"
#include "i18n.h"
#include "model.h"

/* A key of rules.conf that is no rule check reports on (bands, ...). */
static int
not_a_rule(const char *name, int nb)
{
	fprintf(stderr, nb ? "turnus: '%s' er en innstilling, ikke en regel "
	    "som turnus check melder brudd på; se turnus-rules(7)\n" :
	    "turnus: '%s' is a setting, not a rule that turnus check "
	    "reports; see turnus-rules(7)\n", name);
	return TN_INPUT;
}

static int
unknown(const char *name, int nb)
{
	if (rules_is_key(name))
		return not_a_rule(name, nb);
	fprintf(stderr, nb ? "turnus: ukjent regel '%s', forventet en av "
	    "disse:\n" : "turnus: unknown rule '%s', expected one of these:\n",
	    name);
	explain_keys(stderr, 2);
	return TN_INPUT;
}

int
cmd_explain(int argc, char **argv)
{
	int	 nb = tn_lang_nb(), r, setting, i = 1;

	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		cli_usage(stdout, "explain");
		return TN_OK;
	}
	if (argc > 1 && strcmp(argv[1], "--") == 0)
		i++;
	else if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0')
		return cli_usage_error("explain", _("unknown option '%s'"),
		    argv[1]);
	if (argc - i > 1)
		return cli_usage_error("explain", "%s", _("too many rules, "
		    "expected one rule or none"));
	if (argc - i == 0) {
		explain_list(stdout, nb);
		return TN_OK;
	}
	if ((r = explain_find(argv[i], &setting)) == -1)
		return unknown(argv[i], nb);
	if (setting)
		printf(nb ? "%s er en innstilling i regelen %s.\n\n" :
		    "%s is a setting of the rule %s.\n\n", argv[i],
		    rule_key(r));
	explain_write(stdout, r, nb);
	return TN_OK;
}
