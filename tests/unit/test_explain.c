/* Unit tests of src/explain.c: every rule in both languages, and true. */
#include <locale.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "explain.h"
#include "i18n.h"
#include "testcase.h"
#include "util.h"

/* Every rule check can report has every part, in both languages. */
static void
explain_every_rule_in_both_languages(void **state)
{
	(void)state;
	for (int r = 0; r < TN_R_NRULES; r++)
		for (int p = 0; p < EXPLAIN_NPARTS; p++) {
			const char *en = explain_text(r, 0, p);
			const char *nb = explain_text(r, 1, p);

			assert_non_null(en);
			assert_non_null(nb);
			assert_true(en[0] != '\0' && nb[0] != '\0');
			assert_true(utf8_valid(en, strlen(en)));
			assert_true(utf8_valid(nb, strlen(nb)));
		}
	assert_null(explain_text(TN_R_NRULES, 0, EXPLAIN_MEANS));
	assert_null(explain_text(-1, 1, EXPLAIN_MEANS));
}

/* The prose is translated, not copied. */
static void
explain_norwegian_differs(void **state)
{
	static const enum explain_part prose[] = { EXPLAIN_LINE,
	    EXPLAIN_SET, EXPLAIN_BRIEF, EXPLAIN_MEANS, EXPLAIN_WHY,
	    EXPLAIN_LAW, EXPLAIN_HOW, EXPLAIN_CASE, EXPLAIN_MSG };

	(void)state;
	for (int r = 0; r < TN_R_NRULES; r++)
		for (size_t i = 0; i < nitems(prose); i++)
			assert_string_not_equal(explain_text(r, 0, prose[i]),
			    explain_text(r, 1, prose[i]));
}

/* Keys and titles are check's; the paragraph is the one it cites. */
static void
explain_agrees_with_check(void **state)
{
	struct tn_rules	 def;

	(void)state;
	rules_default(&def);
	for (int r = 0; r < TN_R_NRULES; r++) {
		const char *cite = rules_cite(&def, rule_key(r));
		int	 setting;

		assert_string_equal(explain_text(r, 0, EXPLAIN_TITLE),
		    rule_title(r));
		assert_int_equal(explain_find(rule_key(r), &setting), r);
		assert_int_equal(setting, 0);
		if (cite == NULL)
			assert_null(explain_cite(r));
		else
			assert_string_equal(explain_cite(r), cite);
	}
}

static void
explain_find_names(void **state)
{
	int	 s;

	(void)state;
	assert_int_equal(explain_find("Daily-Rest", &s), TN_R_DAILY_REST);
	assert_int_equal(explain_find("daglig hvile", &s), TN_R_DAILY_REST);
	assert_int_equal(explain_find("MIN_WEEKLY_REST_HOURS", &s),
	    TN_R_WEEKLY_REST);
	assert_int_equal(explain_find("helgefrekvens", &s), TN_R_WEEKEND);
	assert_int_equal(s, 0);
	assert_int_equal(explain_find("avg_weeks", &s), TN_R_AVG_WEEK);
	assert_int_equal(s, 1);
	assert_int_equal(explain_find("night-start", &s), TN_R_NIGHT_AVG);
	assert_int_equal(s, 1);
	assert_int_equal(explain_find("bands", &s), -1);
	assert_int_equal(explain_find("", &s), -1);
	assert_int_equal(explain_find("daily", &s), -1);
}

static void
lang_from_environment(void **state)
{
	(void)state;
	unsetenv("LC_ALL");
	unsetenv("LC_MESSAGES");
	unsetenv("LANGUAGE");
	setenv("LANG", "nb_NO.UTF-8", 1);
	assert_true(tn_lang_nb());
	setenv("LANG", "nn_NO", 1);
	assert_true(tn_lang_nb());
	setenv("LANG", "no", 1);
	assert_true(tn_lang_nb());
	setenv("LANG", "en_GB.UTF-8", 1);
	assert_false(tn_lang_nb());
	setenv("LANG", "nl_NL.UTF-8", 1);
	assert_false(tn_lang_nb());
	setenv("LC_MESSAGES", "nb_NO.UTF-8", 1);
	assert_true(tn_lang_nb());
	setenv("LC_ALL", "C.UTF-8", 1);
	assert_false(tn_lang_nb());
	setenv("LANGUAGE", "nb:en", 1);
	assert_false(tn_lang_nb());		/* gettext: C ignores LANGUAGE */
	unsetenv("LC_ALL");
	setenv("LC_MESSAGES", "en_US.UTF-8", 1);
	assert_true(tn_lang_nb());
	setenv("LANGUAGE", "en", 1);
	setenv("LC_MESSAGES", "nb_NO.UTF-8", 1);
	assert_false(tn_lang_nb());
	unsetenv("LANGUAGE");
	unsetenv("LC_MESSAGES");
	unsetenv("LANG");
	assert_false(tn_lang_nb());
}

/* Every line of what fn writes fits 80 columns. */
static void
assert_fits(void (*fn)(FILE *, int, int), int r, int nb)
{
	char	*buf = NULL, *line, *save = NULL;
	size_t	 len = 0;
	FILE	*fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	fn(fp, r, nb);
	assert_int_equal(fclose(fp), 0);
	assert_true(len > 0);
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (utf8_width(line) > 80)
			fail_msg("over 80 columns: '%s'", line);
		assert_true(line[strlen(line) - 1] != ' ');
	}
	free(buf);
}

static void
list(FILE *fp, int r, int nb)
{
	(void)r;
	explain_list(fp, nb);
}

static void
finding(FILE *fp, int r, int nb)
{
	explain_finding(fp, r, nb, 21);
}

static void
explain_fits_80_columns(void **state)
{
	(void)state;
	for (int nb = 0; nb <= 1; nb++) {
		for (int r = 0; r < TN_R_NRULES; r++) {
			assert_fits(explain_write, r, nb);
			assert_fits(finding, r, nb);
		}
		assert_fits(list, 0, nb);
	}
}

/*
 * The English example of every rule is what turnus check says: each
 * row is a case whose check has that finding, word for word.  A roster
 * is "DAYS: day code ..."; persons are separated by '|'.
 */
static const struct ex {
	int		 rule;
	const char	*roster;
	const char	*staff;
	const char	*more;		/* "file\ncontents" */
} examples[] = {
	{ TN_R_DAILY_REST, "7: 3A 4D", NULL, NULL },
	{ TN_R_WEEKLY_REST, "14: 1D 2D 3D 4D 5D 6D 7D", NULL, NULL },
	{ TN_R_SHIFT_LEN, "7: 6X", NULL, NULL },
	{ TN_R_WEEK_HOURS, "14: 1D 2A 3A 4D 6X 7L", NULL, NULL },
	{ TN_R_AVG_WEEK, "42: 1D 2D 3D 4D 5D 6D 7D 8D 9D 10D 11D 12D 13D 14D "
	    "15D 16D 17D 18D 19D 20D 21D 22D 23D 24D 25D 26D 27D 29D 30D 31D "
	    "32D 33D 34D 36D 37D 38D 39D 40D 41D", NULL, NULL },
	{ TN_R_WEEKEND, "42: 6D 7D 13D 14D", NULL, NULL },
	{ TN_R_WHOLE_WEEKEND, "21: 6D", NULL, NULL },
	{ TN_R_CONSECUTIVE, "42: 20D 21D 22D 23D 24D 25D 26D", NULL, NULL },
	{ TN_R_NIGHT_AVG, "28: 1N 2N 3N 4N 5N 6N 7N 8N 9N 10N 11N 12N 13N "
	    "14N 15N 16N 17N 18N 19N 20N 21N 22N 23N 24N", NULL, NULL },
	{ TN_R_HOURS, "42: 1D 2D 3D 4D 6H 7H 15D 16D 17D 18D 27H 28H",
	    "id;position_pct\n1;60\n", NULL },
	{ TN_R_MIN_HOURS, "42: 1D 2D 3D 4D 8D 9D 10D 11D 15D 16D 17D 18D 22D "
	    "23D 24D 25D 29D 30D 31D 32D 36D 37D 38D 39D",
	    "id;position_pct;min_hours\n1;50;190\n", NULL },
	{ TN_R_MAX_HOURS, "42: 1D 2D 3D 4D 5M 8D 9D 10D 11D 12M 15D 16D 17D "
	    "18D 19D 22D 23D 24D 25D 26D 29D 30D 31D 32D 33D 36D 37D 38D",
	    "id;position_pct;max_hours\n1;100;200\n", NULL },
	{ TN_R_MAX_SHIFTS, "14: 1N 2N 3N 4N 5N",
	    "id;position_pct;max_shifts\n1;50;N=2\n", NULL },
	{ TN_R_MAX_WEEKENDS, "42: 6D 7D 20D 21D 34D 35D",
	    "id;position_pct;max_weekends\n1;50;2\n", NULL },
	{ TN_R_MIN_CONSECUTIVE, "14: 1D 2D 3D 4D 5D 8D",
	    "id;position_pct;min_consecutive_days\n1;50;3\n", NULL },
	{ TN_R_MIN_OFF, "14: 1D 2D 3D 4D 5D 6D 7D 8D 10D 11D 12D",
	    "id;position_pct;min_consecutive_days_off\n1;50;2\n", NULL },
	{ TN_R_LONG_SHIFTS, "7: 6L", "id;position_pct;long_shifts\n1;50;no\n",
	    NULL },
	{ TN_R_NIGHTS, "14: 12N", "id;position_pct;nights\n1;50;no\n", NULL },
	{ TN_R_CANNOT_FOLLOW, "7: 1D 2N", NULL, NULL },
	{ TN_R_CONSEC_NIGHTS, "14: 1N 2N 3N 4N 5N", NULL,
	    "rules.conf\nmax_consecutive_nights = 4\n" },
	{ TN_R_COVER, "42: 33D|33D|33D|33D", NULL,
	    "demand.csv\nday;shift;min\nfri;D;5\n" },
};

static const char shifts[] =
	"code;start;end;hours;cannot_follow\n"
	"D;07:30;15:00;;N\n"
	"A;14:30;22:00;;\n"
	"N;22:00;07:30;;\n"
	"L;08:00;20:30;12;\n"
	"X;07:00;20:00;;\n"
	"H;07:30;15:30;;\n"
	"M;07:00;16:00;;\n";

/* The roster of a spec "DAYS: 3A 4D|...": one row per person. */
static void
roster_of(const char *spec, char *out, size_t size)
{
	char	 cell[400][4];
	int	 days = atoi(spec), person = 1, d;
	size_t	 n;
	const char *p = strchr(spec, ':') + 1;

	n = (size_t)snprintf(out, size, "id");
	for (d = 1; d <= days; d++)
		n += (size_t)snprintf(out + n, size - n, ";%d", d);
	while (*p != '\0') {
		memset(cell, 0, sizeof cell);
		for (; *p != '\0' && *p != '|'; ) {
			char	*end;

			d = (int)strtol(p, &end, 10);
			if (end == p) {
				p++;
				continue;
			}
			cell[d][0] = *end;
			p = end + 1;
		}
		n += (size_t)snprintf(out + n, size - n, "\n%d", person++);
		for (d = 1; d <= days; d++)
			n += (size_t)snprintf(out + n, size - n, ";%s",
			    cell[d]);
		if (*p == '|')
			p++;
	}
	snprintf(out + n, size - n, "\n");
}

/* Each example's break, as check words it in the language nb. */
static void
examples_are_true(struct tc *t, int nb)
{
	char		 roster[8192], name[32];

	for (size_t i = 0; i < nitems(examples); i++) {
		const struct ex *e = &examples[i];
		const char *want = explain_text(e->rule, nb, EXPLAIN_MSG);
		int	 found = 0;

		assert_int_equal(tc_file(t, "shifts.csv", shifts), 0);
		roster_of(e->roster, roster, sizeof roster);
		assert_int_equal(tc_file(t, "roster.csv", roster), 0);
		if (e->staff != NULL)
			assert_int_equal(tc_file(t, "staff.csv", e->staff), 0);
		else
			unlink(tc_path(t, "staff.csv"));
		if (e->more != NULL) {
			size_t k = strcspn(e->more, "\n");

			snprintf(name, sizeof name, "%.*s", (int)k, e->more);
			assert_int_equal(tc_file(t, name, e->more + k + 1), 0);
		}
		if (tc_check(t, NULL, 0) == NULL)
			fail_msg("%s: %s", rule_key(e->rule), t->err.msg);
		for (int k = 0; tc_finding(t, e->rule, k) != NULL; k++)
			found |= strcmp(tc_msg(t, e->rule, k), want) == 0;
		if (!found)
			fail_msg("%s: no finding '%s'; first: '%s'",
			    rule_key(e->rule), want, tc_msg(t, e->rule, 0));
		if (e->more != NULL)
			unlink(tc_path(t, name));
	}
}

static void
explain_examples_are_true(void **state)
{
	examples_are_true(*state, 0);
}

/*
 * The Norwegian catalogue of the build tree (make builds it first), as
 * turnus reads it where no Norwegian locale is installed.
 */
static void
norwegian(int on)
{
	if (!on) {
		unsetenv("LANGUAGE");
		setlocale(LC_ALL, "C");
		i18n_set_nb(0);
		return;
	}
	setenv("LANGUAGE", "nb", 1);
	assert_non_null(setlocale(LC_ALL, "C.UTF-8"));
	bindtextdomain(TN_DOMAIN, "build/locale");
	bind_textdomain_codeset(TN_DOMAIN, "UTF-8");
	assert_true(i18n_catalogue_nb());
	i18n_set_nb(1);
}

/* Under the nb catalogue check words each break as explain says. */
static void
explain_examples_are_true_in_norwegian(void **state)
{
	norwegian(1);
	for (int r = 0; r < TN_R_NRULES; r++)
		assert_string_equal(explain_text(r, 1, EXPLAIN_TITLE),
		    rule_title(r));
	examples_are_true(*state, 1);
	norwegian(0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(explain_every_rule_in_both_languages),
		cmocka_unit_test(explain_norwegian_differs),
		cmocka_unit_test(explain_agrees_with_check),
		cmocka_unit_test(explain_find_names),
		cmocka_unit_test(lang_from_environment),
		cmocka_unit_test(explain_fits_80_columns),
		cmocka_unit_test_setup_teardown(explain_examples_are_true,
		    tc_setup, tc_teardown),
		cmocka_unit_test_setup_teardown(
		    explain_examples_are_true_in_norwegian, tc_setup,
		    tc_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
