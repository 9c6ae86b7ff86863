/* Unit tests of src/load.c: every reading convention of DESIGN §3, and errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>

#include "testcase.h"
#include "util.h"

#define SHIFTS	"code;name;start;end\n" \
		"D;Dag;07:00;15:00\n" \
		"A;Aften;15:00;23:00\n" \
		"N;Natt;23:00;07:00\n" \
		"F;Fri;;\n"

#define ROSTER	"id;name;position_pct;1;2;3;4;5;6;7\n" \
		"1;Kari Nordmann;100;D;A;N;;F;-;\n" \
		"2;Per Hansen;75.5;;D;d;A;;;\n"

/* Writes text with each ';' turned into delim. */
static void
write_delim(struct tc *t, const char *name, const char *text, char delim)
{
	char	 b[4096];

	snprintf(b, sizeof b, "%s", text);
	for (char *p = b; *p; p++)
		if (*p == ';')
			*p = delim;
	assert_int_equal(tc_file(t, name, b), 0);
}

static int
shift(struct tc *t, const char *code)
{
	return case_find_shift(t->c, code);
}

/* The cells of person row i as codes, "-" for an empty cell. */
static const char *
cells(struct tc *t, int i)
{
	size_t	 n = 0;

	t->sum[0] = '\0';
	for (int d = 0; d < t->c->ndays && n < sizeof t->sum; d++) {
		int s = t->c->persons[i].cell[d];

		n += (size_t)snprintf(t->sum + n, sizeof t->sum - n, "%s%s",
		    d ? " " : "", s == NO_SHIFT ? "-" : t->c->shifts[s].code);
	}
	return t->sum;
}

/* What SHIFTS and ROSTER hold, whatever their delimiter or line ends. */
static void
assert_small_case(struct tc *t)
{
	const struct tn_case *c = t->c;
	const struct tn_shift *s;

	assert_non_null(c);
	assert_string_equal(c->name, "ward");
	assert_int_equal(c->ndays, 7);
	assert_int_equal(c->weeks, 1);
	assert_int_equal(c->start_weekday, 0);
	assert_int_equal(c->first_date, -1);
	s = &c->shifts[shift(t, "D")];
	assert_string_equal(s->name, "Dag");
	assert_int_equal(s->start, 7 * 60);
	assert_int_equal(s->end, 15 * 60);
	assert_int_equal(s->len, 8 * 60);
	assert_int_equal(s->paid, 8 * 60);
	assert_int_equal(s->off, 0);
	assert_int_equal(s->night, 0);
	s = &c->shifts[shift(t, "N")];
	assert_int_equal(s->start, 23 * 60);
	assert_int_equal(s->end, 7 * 60);
	assert_int_equal(s->len, 8 * 60);
	assert_int_equal(s->night, 7 * 60);
	s = &c->shifts[shift(t, "F")];
	assert_int_equal(s->off, 1);
	assert_int_equal(s->len, 0);
	assert_int_equal(s->paid, 0);
	assert_int_equal(c->npersons, 2);
	assert_int_equal(c->nids, 2);
	assert_int_equal(c->ndepts, 1);
	assert_string_equal(c->depts[0], "ward");
	assert_string_equal(c->persons[0].id, "1");
	assert_string_equal(c->persons[0].name, "Kari Nordmann");
	assert_string_equal(c->persons[0].role, "any");
	assert_true(c->persons[0].pos_pct == 100);
	assert_string_equal(cells(t, 0), "D A N - F - -");
	assert_string_equal(c->persons[1].id, "2");
	assert_string_equal(c->persons[1].name, "Per Hansen");
	assert_true(c->persons[1].pos_pct == 75.5);
	assert_true(isnan(c->persons[1].staff_pct));
	assert_string_equal(cells(t, 1), "- D D A - - -");
}

static void
load_small_case(struct tc *t, char delim)
{
	write_delim(t, "shifts.csv", SHIFTS, delim);
	write_delim(t, "roster.csv", ROSTER, delim);
	assert_non_null(tc_load(t, TN_NEED_SHIFTS | TN_NEED_ROSTER, NULL, 0));
	assert_small_case(t);
}

static void
load_semicolon_files(void **state)
{
	load_small_case(*state, ';');
}

static void
load_comma_files(void **state)
{
	load_small_case(*state, ',');
}

static void
load_tab_files(void **state)
{
	load_small_case(*state, '\t');
}

/* Each file's delimiter is its own. */
static void
load_mixed_delimiters(void **state)
{
	struct tc	*t = *state;

	write_delim(t, "shifts.csv", SHIFTS, '\t');
	write_delim(t, "roster.csv", ROSTER, ',');
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_small_case(t);
}

static void
load_crlf_files(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", "code;name;start;end\r\n"
	    "D;Dag;07:00;15:00\r\nA;Aften;15:00;23:00\r\n"
	    "N;Natt;23:00;07:00\r\nF;Fri;;\r\n"), 0);
	assert_int_equal(tc_file(t, "roster.csv",
	    "id;name;position_pct;1;2;3;4;5;6;7\r\n"
	    "1;Kari Nordmann;100;D;A;N;;F;-;\r\n"
	    "2;Per Hansen;75.5;;D;d;A;;;\r\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_small_case(t);
}

static void
load_lf_files(void **state)
{
	load_small_case(*state, ';');
}

#define NAMES_UTF8 \
	"ansattnr;navn;avdeling;stillingsprosent;\xC3\x98nsket\n" \
	"1;\xC3\x85se \xC3\x98yen;Sj\xC3\xB8kanten;80;100\n"

static void
assert_names(struct tc *t)
{
	assert_non_null(t->c);
	assert_int_equal(t->c->npersons, 1);
	assert_string_equal(t->c->persons[0].name, "Åse Øyen");
	assert_string_equal(t->c->depts[0], "Sjøkanten");
	assert_true(t->c->persons[0].staff_pct == 80);
	assert_true(t->c->persons[0].wanted_pct == 100);
}

static void
load_utf8_with_bom(void **state)
{
	struct tc	*t = *state;
	char		 b[512];

	snprintf(b, sizeof b, "\xEF\xBB\xBF%s", NAMES_UTF8);
	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "staff.csv", b), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_names(t);
}

static void
load_utf8_without_bom(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "staff.csv", NAMES_UTF8), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_names(t);
}

/* Norwegian Excel: "Åse Øyen" as the bytes C5 and D8, header too. */
static void
load_windows_1252(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "staff.csv",
	    "ansattnr;navn;avdeling;stillingsprosent;\xD8nsket\r\n"
	    "1;\xC5se \xD8yen;Sj\xF8kanten;80;100\r\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_names(t);
}

/* RFC 4180 quoting; the line numbers after a two-line field stay right. */
static void
load_quoted_fields(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "roster.csv",
	    "id;name;1;2;3;4;5;6;7\n"
	    "1;\"Nordmann; Kari\nsykepleier\";D;\"A\";;;;;\n"
	    "\"2\";\"Per \"\"Pelle\"\" Hansen\";;D;;;;;\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_string_equal(t->c->persons[0].name,
	    "Nordmann; Kari\nsykepleier");
	assert_string_equal(cells(t, 0), "D A - - - - -");
	assert_string_equal(t->c->persons[0].file, tc_path(t, "roster.csv"));
	assert_int_equal(t->c->persons[0].line, 2);
	assert_string_equal(t->c->persons[1].name, "Per \"Pelle\" Hansen");
	assert_int_equal(t->c->persons[1].line, 4);
	assert_string_equal(cells(t, 1), "- D - - - - -");
}

static void
refuse_code_after_quoted_newline(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "roster.csv",
	    "id;name;1;2;3;4;5;6;7\n"
	    "1;\"Nordmann; Kari\nsykepleier\";D;A;;;;;\n"
	    "2;\"Per\n\nHansen\";;D;X;;;;\n"), 0);
	assert_null(tc_load(t, 0, NULL, 0));
	assert_load_error(t, "roster.csv", 6, 5, "unknown shift code 'X', "
	    "expected one of D A N F");
}

static void
load_decimal_comma(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv",
	    "code;start;end;hours\nD;07:00;15:00;7,5\nK;08:00;12:00;3.75\n"
	    "F;;;\n"), 0);
	assert_int_equal(tc_file(t, "staff.csv",
	    "id;position_pct;wanted_pct;max_hours\n1;75,5;87,5;200,5\n"
	    "2;33.3;;\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_int_equal(t->c->shifts[shift(t, "D")].paid, 450);
	assert_int_equal(t->c->shifts[shift(t, "D")].len, 480);
	assert_int_equal(t->c->shifts[shift(t, "K")].paid, 225);
	assert_true(t->c->persons[0].staff_pct == 75.5);
	assert_true(t->c->persons[0].pos_pct == 75.5);
	assert_true(t->c->persons[0].wanted_pct == 87.5);
	assert_int_equal(t->c->persons[0].max_hours, 200 * 60 + 30);
	assert_true(t->c->persons[1].staff_pct == 33.3);
	assert_true(isnan(t->c->persons[1].wanted_pct));
	assert_int_equal(t->c->persons[1].max_hours, UNSET);
	/* no roster: an empty rotation of the default 6 weeks */
	assert_int_equal(t->c->ndays, 42);
}

static void
load_times_colon_and_dot(void **state)
{
	struct tc	*t = *state;
	const struct tn_shift *s;

	assert_int_equal(tc_file(t, "shifts.csv", "code;start;end\n"
	    "D;07.30;15.00\nA;15:00;22:30\nN;22.30;7.45\nH;00:00;24:00\n"
	    "E;20:00;00:00\nF;;\n"), 0);
	assert_int_equal(tc_file(t, "roster.csv", ROSTER), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	s = &t->c->shifts[shift(t, "D")];
	assert_int_equal(s->start, 450);
	assert_int_equal(s->end, 900);
	assert_int_equal(s->len, 450);
	s = &t->c->shifts[shift(t, "A")];
	assert_int_equal(s->start, 900);
	assert_int_equal(s->end, 1350);
	s = &t->c->shifts[shift(t, "N")];
	assert_int_equal(s->start, 1350);
	assert_int_equal(s->end, 465);
	assert_int_equal(s->len, 555);
	s = &t->c->shifts[shift(t, "H")];
	assert_int_equal(s->len, 1440);
	assert_int_equal(s->end, 0);
	s = &t->c->shifts[shift(t, "E")];
	assert_int_equal(s->len, 240);
}

#define DATED_ROWS "1;D;A;;;;;N\n"

static void
load_dates_dotted(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "rules.conf", "start_weekday = mon\n"),
	    0);
	assert_int_equal(tc_file(t, "roster.csv", "id;03.01.2024;04.01.2024;"
	    "05.01.2024;6.1.2024;07.01.2024;08.01.2024;09.01.2024\n"
	    DATED_ROWS), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_int_equal(t->c->first_date, date_from_ymd(2024, 1, 3));
	assert_int_equal(t->c->start_weekday, 2);	/* a Wednesday */
	assert_int_equal(t->c->ndays, 7);
	assert_string_equal(cells(t, 0), "D A - - - - N");
}

static void
load_dates_iso(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	/* columns out of order: each cell goes to its date */
	assert_int_equal(tc_file(t, "roster.csv", "id;2024-01-09;2024-01-04;"
	    "2024-01-05;2024-01-06;2024-01-07;2024-01-08;2024-01-03\n"
	    "1;N;A;;;;;D\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_int_equal(t->c->first_date, date_from_ymd(2024, 1, 3));
	assert_int_equal(t->c->start_weekday, 2);
	assert_string_equal(cells(t, 0), "D A - - - - N");
}

static void
load_long_roster_dates(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "roster.csv", "id;dato;vakt\n"
	    "1;06.01.2024;D\n1;2024-01-12;N\n1;07.01.2024;A\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_int_equal(t->c->first_date, date_from_ymd(2024, 1, 6));
	assert_int_equal(t->c->start_weekday, 5);	/* a Saturday */
	assert_string_equal(cells(t, 0), "D A - - - - N");
}

/* Every Norwegian alias, in any case, across the four files. */
static void
load_norwegian_headers(void **state)
{
	struct tc		*t = *state;
	const struct tn_person	*p;
	const struct tn_shift	*l;

	assert_int_equal(tc_file(t, "shifts.csv", "KODE;Navn;Start;Slutt;"
	    "Timer;Dekker\nD;Dag;07:00;15:00;;\nA;Aften;15:00;23:00;;\n"
	    "L;Langvakt;08:00;20:30;12;D A\n"), 0);
	assert_int_equal(tc_file(t, "staff.csv", "Ansattnr;Navn;Avdeling;"
	    "Rolle;Stillingsprosent;Ønsket\n"
	    "11;Kari;Lia;sykepleier;80;100\n"), 0);
	assert_int_equal(tc_file(t, "roster.csv", "ansattnr;avdeling;dag;"
	    "vakt\n11;Lia;1;L\n11;Lia;7;D\n"), 0);
	assert_int_equal(tc_file(t, "demand.csv", "Avdeling;Dag;Vakt;Rolle;"
	    "Antall\nLia;man;A;sykepleier;1\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	p = &t->c->persons[0];
	assert_string_equal(p->id, "11");
	assert_string_equal(p->name, "Kari");
	assert_string_equal(t->c->depts[p->dept], "Lia");
	assert_string_equal(p->role, "sykepleier");
	assert_true(p->staff_pct == 80);
	assert_true(p->wanted_pct == 100);
	assert_string_equal(cells(t, 0), "L - - - - - D");
	l = &t->c->shifts[shift(t, "L")];
	assert_string_equal(l->name, "Langvakt");
	assert_int_equal(l->paid, 12 * 60);
	assert_int_equal(l->len, 12 * 60 + 30);
	assert_int_equal(l->ncovers, 2);
	assert_string_equal(t->c->dcodes[l->covers[0]], "D");
	assert_string_equal(t->c->dcodes[l->covers[1]], "A");
	assert_int_equal(t->c->ndemand, 1);
	assert_int_equal(t->c->demand[0].day, 0);
	assert_string_equal(t->c->dcodes[t->c->demand[0].dcode], "A");
	assert_string_equal(t->c->demand[0].role, "sykepleier");
	assert_int_equal(t->c->demand[0].min, 1);
	assert_int_equal(t->c->demand[0].max, UNSET);
}

/* The other aliases: kompetanse, stillingsandel. */
static void
load_norwegian_header_variants(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "roster.csv", "ANSATTNR;NAVN;"
	    "KOMPETANSE;STILLINGSANDEL;1;2;3;4;5;6;7\n"
	    "11;Kari;helsefagarbeider;60;D;;;;;;\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_string_equal(t->c->persons[0].role, "helsefagarbeider");
	assert_true(t->c->persons[0].roster_pct == 60);
	assert_true(t->c->persons[0].pos_pct == 60);
}

static void
load_english_headers(void **state)
{
	struct tc		*t = *state;
	const struct tn_person	*p;

	assert_int_equal(tc_file(t, "shifts.csv", "Code;Name;Start;End;"
	    "Hours;Covers;Cannot_Follow\nD;Day;07:00;15:00;;;\n"
	    "L;Long;08:00;20:30;;D;N\nN;Night;23:00;07:00;;;\n"), 0);
	assert_int_equal(tc_file(t, "staff.csv", "ID;Name;Department;Role;"
	    "Position_PCT;Wanted_PCT;Long_Shifts;Nights\n"
	    "11;Kari;Lia;nurse;80;90;no;only\n"), 0);
	assert_int_equal(tc_file(t, "roster.csv", "Id;Department;Day;Shift\n"
	    "11;Lia;1;N\n11;Lia;7;\n"), 0);
	assert_int_equal(tc_file(t, "demand.csv", "Department;Day;Shift;Role;"
	    "Min;Max\nLia;1;D;nurse;1;2\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	p = &t->c->persons[0];
	assert_string_equal(p->name, "Kari");
	assert_string_equal(p->role, "nurse");
	assert_true(p->staff_pct == 80);
	assert_true(p->wanted_pct == 90);
	assert_int_equal(p->long_shifts, 0);
	assert_int_equal(p->nights, TN_NIGHTS_ONLY);
	assert_string_equal(cells(t, 0), "N - - - - - -");
	assert_non_null(t->c->shifts[shift(t, "L")].cannot_follow);
	assert_int_equal(t->c->shifts[shift(t, "L")].cannot_follow[shift(t,
	    "N")], 1);
	assert_int_equal(t->c->shifts[shift(t, "L")].cannot_follow[shift(t,
	    "D")], 0);
	assert_int_equal(t->c->ndemand, 1);
	assert_int_equal(t->c->demand[0].min, 1);
	assert_int_equal(t->c->demand[0].max, 2);
}

/* demand.csv days: weekday d gets min d + 1 on each of its days. */
static void
assert_weekday_demand(struct tc *t, int start_weekday)
{
	assert_non_null(t->c);
	assert_int_equal(t->c->start_weekday, start_weekday);
	assert_int_equal(t->c->ndemand, 14);
	for (int k = 0; k < t->c->ndemand; k++) {
		const struct tn_demand *q = &t->c->demand[k];

		assert_int_equal(q->min, case_weekday(t->c, q->day) + 1);
	}
	for (int d = 0; d < 14; d++) {
		int k;

		for (k = 0; k < 14 && t->c->demand[k].day != d; k++)
			;
		assert_true(k < 14);
	}
}

static void
load_weekdays_short_names(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "roster.csv", "id;1;14\n1;D;\n"), 0);
	assert_int_equal(tc_file(t, "demand.csv", "dag;vakt;antall\n"
	    "man;D;1\nTUE;D;2\nons;D;3\nthu;D;4\nFre;D;5\nlør;D;6\n"
	    "sun;D;7\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_weekday_demand(t, 0);
}

static void
load_weekdays_full_names(void **state)
{
	static const char *const sets[] = { "start_weekday=Wednesday" };
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "roster.csv", "id;1;14\n1;D;\n"), 0);
	assert_int_equal(tc_file(t, "demand.csv", "day;shift;min\n"
	    "Monday;D;1\ntirsdag;D;2\nWEDNESDAY;D;3\nTorsdag;D;4\n"
	    "friday;D;5\nSaturday;D;6\nSøndag;D;7\n"), 0);
	assert_non_null(tc_load(t, 0, sets, 1));
	assert_weekday_demand(t, 2);
	/* rotation day 1 is a Wednesday */
	for (int k = 0; k < t->c->ndemand; k++)
		if (t->c->demand[k].day == 0)
			assert_int_equal(t->c->demand[k].min, 3);
}

static void
ignore_unknown_columns(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", "Farge;code;Kommentar;"
	    "start;end\nblå;D;morgen;07:00;15:00\n;F;;;\n"), 0);
	assert_int_equal(tc_file(t, "staff.csv", "Telefon;id;name;"
	    "position_pct;Merknad\n99 99 99 99;1;Kari;50;ny\n"), 0);
	assert_int_equal(tc_file(t, "roster.csv", "id;Uke;1;2;3;4;5;6;7;"
	    "Sum timer;Merknad\n1;45;D;D;;;;;;16;x\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_int_equal(t->c->ndays, 7);
	assert_string_equal(t->c->persons[0].name, "Kari");
	assert_string_equal(cells(t, 0), "D D - - - - -");
	assert_int_equal(t->c->shifts[shift(t, "D")].start, 7 * 60);
}

/* Day columns headed by weekdays, alone or with their day. */
static void
load_wide_weekday_headers(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	/* a run of weekdays: day 1 is its first, a Tuesday; "Fri" after
	 * the days is an extra column (days off), not a Friday */
	assert_int_equal(tc_file(t, "roster.csv", "id;Tir;Ons;Tor;Fre;Lør;"
	    "Søn;Man;Sum;Fri\n1;D;A;;;;;N;16;5\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_int_equal(t->c->ndays, 7);
	assert_int_equal(t->c->start_weekday, 1);
	assert_string_equal(cells(t, 0), "D A - - - - N");
	assert_int_equal(tc_file(t, "roster.csv", "id;man 1;tir 2;ons 3;"
	    "tor 4;fre 5;lør 6;søn 7\n1;D;A;;;;;N\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_int_equal(t->c->start_weekday, 0);
	assert_string_equal(cells(t, 0), "D A - - - - N");
	assert_int_equal(tc_file(t, "roster.csv", "id;Onsdag 03.01.2024;"
	    "tor 04.01.2024;fre 05.01.2024;lør 06.01.2024;søn 07.01.2024;"
	    "man 08.01.2024;09.01.2024 tir\n1;D;A;;;;;N\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_int_equal(t->c->first_date, date_from_ymd(2024, 1, 3));
	assert_string_equal(cells(t, 0), "D A - - - - N");
}

static void
refuse_weekday_header_wrong_day(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "roster.csv", "id;man;tir;tor;ons;fre;"
	    "lør;søn\n1;D;A;;;;;N\n"), 0);
	assert_null(tc_load(t, 0, NULL, 0));
	assert_load_error(t, "roster.csv", 1, 4, "day 'tor' is on the wrong "
	    "weekday, expected the weekdays in order, one column a day");
	assert_int_equal(tc_file(t, "roster.csv", "id;tir 03.01.2024\n"
	    "1;D\n"), 0);
	assert_null(tc_load(t, 0, NULL, 0));
	assert_load_error(t, "roster.csv", 1, 2, "day 'tir 03.01.2024' is on "
	    "the wrong weekday, expected the weekday of its day (rotation day "
	    "1 is start_weekday)");
}

/* The same roster wide and long gives the same cells. */
static void
load_wide_and_long_alike(void **state)
{
	struct tc	*t = *state;
	char		 wide[2][64];

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "roster.csv", "id;name;role;1;2;3;4;5;6;7;"
	    "8;9;10;11;12;13;14\n"
	    "1;Kari;nurse;D;D;A;;N;N;;;;F;D;D;;A\n"
	    "2;Per;;;;;D;D;D;D;;;;;N;N;\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_int_equal(t->c->ndays, 14);
	for (int i = 0; i < 2; i++)
		snprintf(wide[i], sizeof wide[i], "%s", cells(t, i));
	assert_string_equal(wide[0], "D D A - N N - - - F D D - A");
	assert_int_equal(tc_file(t, "roster.csv", "id;day;shift;name;role\n"
	    "2;13;N;Per;\n1;1;D;Kari;nurse\n1;2;D;;\n1;3;A;;\n1;5;N;;\n"
	    "1;6;N;;\n1;10;F;;\n1;11;D;;\n1;12;D;;\n1;14;A;;\n2;4;D;;\n"
	    "2;5;D;;\n2;6;D;;\n2;7;D;;\n2;12;N;;\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	assert_int_equal(t->c->ndays, 14);
	assert_string_equal(t->c->persons[0].id, "2");
	assert_string_equal(t->c->persons[1].id, "1");
	assert_string_equal(cells(t, 1), wide[0]);
	assert_string_equal(cells(t, 0), wide[1]);
	assert_string_equal(t->c->persons[1].name, "Kari");
	assert_string_equal(t->c->persons[1].role, "nurse");
	assert_string_equal(t->c->persons[0].role, "any");
}

/* One id in two departments: two rows, one person. */
static void
load_person_in_two_departments(void **state)
{
	struct tc		*t = *state;
	const struct tn_case	*c;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "staff.csv", "id;name;department;"
	    "position_pct;wanted_pct\n7;Kari;Sjøkanten;60;80\n"
	    "7;Kari;Lia;40;100\n8;Per;Lia;100;\n"), 0);
	assert_int_equal(tc_file(t, "roster.csv", "id;department;1;2;3;4;5;"
	    "6;7\n7;Lia;;;D;D;;;\n8;Lia;A;A;;;;;\n7;Sjøkanten;D;D;;;;;\n"),
	    0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	c = t->c;
	assert_int_equal(c->npersons, 3);
	assert_int_equal(c->nids, 2);
	assert_int_equal(c->ndepts, 2);
	assert_string_equal(c->depts[c->persons[0].dept], "Sjøkanten");
	assert_string_equal(c->depts[c->persons[1].dept], "Lia");
	assert_int_equal(c->persons[0].pid, c->persons[1].pid);
	assert_true(c->persons[0].pid != c->persons[2].pid);
	assert_true(c->persons[0].pos_pct == 60);
	assert_true(c->persons[1].pos_pct == 40);
	/* a wish counts once: the largest of the person's rows */
	assert_true(c->persons[0].wanted_pct == 100);
	assert_true(c->persons[1].wanted_pct == 100);
	assert_string_equal(cells(t, 0), "D D - - - - -");
	assert_string_equal(cells(t, 1), "- - D D - - -");
	assert_string_equal(cells(t, 2), "A A - - - - -");
}

/* An id of staff.csv in another department: say which one it has. */
static void
refuse_roster_other_department(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "staff.csv", "id;department;position_pct\n"
	    "7;Sjøkanten;60\n8;Lia;40\n"), 0);
	assert_int_equal(tc_file(t, "roster.csv", "id;avdeling;1;2;3;4;5;6;"
	    "7\n8;Lia;;;;;;;\n7;Øvre Lia;D;;;;;;\n"), 0);
	assert_null(tc_load(t, 0, NULL, 0));
	assert_load_error(t, "roster.csv", 3, 2, "employee '7' is in 'Øvre "
	    "Lia' in the roster, expected 'Sjøkanten' as in staff.csv");
}

static void
refuse_roster_without_department(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "staff.csv", "id;department;position_pct\n"
	    "7;Sjøkanten;60\n7;Lia;40\n"), 0);
	assert_int_equal(tc_file(t, "roster.csv", "id;1;2;3;4;5;6;7\n"
	    "7;D;;;;;;\n"), 0);
	assert_null(tc_load(t, 0, NULL, 0));
	assert_load_error(t, "roster.csv", 2, 1, "'7' is in several "
	    "departments in staff.csv, expected a department column in the "
	    "roster");
}

/* staff.csv: per-person limits and rule overrides. */
static void
load_person_limits(void **state)
{
	struct tc		*t = *state;
	const struct tn_person	*p;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_file(t, "staff.csv", "id;position_pct;max_shifts;"
	    "max_weekends;min_consecutive_days;min_consecutive_days_off;"
	    "min_hours;Weekend Every;max_consecutive_days\n"
	    "1;100;N=4 a=6;2;2;3;120;4;5\n2;50;;;;;;;\n"), 0);
	assert_non_null(tc_load(t, 0, NULL, 0));
	p = &t->c->persons[0];
	assert_int_equal(p->max_shifts[shift(t, "N")], 4);
	assert_int_equal(p->max_shifts[shift(t, "A")], 6);
	assert_int_equal(p->max_shifts[shift(t, "D")], UNSET);
	assert_int_equal(p->max_weekends, 2);
	assert_int_equal(p->min_consecutive_days, 2);
	assert_int_equal(p->min_consecutive_days_off, 3);
	assert_int_equal(p->min_hours, 120 * 60);
	assert_int_equal(p->max_hours, UNSET);
	assert_int_equal(p->rules->weekend_every, 4);
	assert_int_equal(p->rules->max_consecutive_days, 5);
	assert_int_equal(p->rules->min_daily_rest, 11 * 60);
	p = &t->c->persons[1];
	assert_null(p->max_shifts);
	assert_int_equal(p->max_weekends, UNSET);
	assert_int_equal(p->rules->weekend_every, 3);
	assert_true(p->rules == &t->c->rules);
}

/* ------------------------------------------------------------ errors */

static void
expect_error(struct tc *t, const char *file, const char *text, long line,
    long col, const char *msg)
{
	if (tc_file(t, "shifts.csv", SHIFTS) == -1)
		fail();
	assert_int_equal(tc_file(t, file, text), 0);
	if (strcmp(file, "roster.csv") != 0 && strcmp(file, "shifts.csv") != 0)
		assert_int_equal(tc_file(t, "roster.csv", ROSTER), 0);
	assert_null(tc_load(t, 0, NULL, 0));
	assert_load_error(t, file, line, col, msg);
}

static void
refuse_unknown_shift_code(void **state)
{
	expect_error(*state, "roster.csv", "id;name;1;2;3;4;5;6;7\n"
	    "1;Kari;D;D;;;;;\n2;Per;;;D;X7;;;\n", 3, 6, "unknown shift code "
	    "'X7', expected one of D A N F");
}

static void
refuse_unknown_code_long_roster(void **state)
{
	expect_error(*state, "roster.csv", "id;day;shift\n1;1;D\n1;2;Q\n", 3, 3,
	    "unknown shift code 'Q', expected one of D A N F");
}

static void
refuse_short_row(void **state)
{
	expect_error(*state, "roster.csv", "id;name;1;2;3;4;5;6;7\n"
	    "1;Kari;D;D;;;;;\n2;Per;D;D;;;;\n", 3, 8, "row has 8 fields, "
	    "expected 9 as in the header (is a delimiter missing?)");
}

static void
refuse_long_row(void **state)
{
	expect_error(*state, "staff.csv", "id;name;position_pct\n"
	    "1;Kari;100\n2;Hansen; Per;50\n", 3, 4, "row has 4 fields, "
	    "expected 3 as in the header (is a value quoted wrongly?)");
}

static void
refuse_unterminated_quote(void **state)
{
	expect_error(*state, "roster.csv", "id;name;1;2;3;4;5;6;7\n"
	    "1;Kari;D;D;;;;;\n2;\"Per;D;D;;;;;\n3;Ola;;;;;;;\n", 3, 2,
	    "unterminated quote: the quoted field that starts here runs to "
	    "the end of the file, expected a closing '\"'");
}

static void
refuse_bad_position(void **state)
{
	expect_error(*state, "staff.csv", "id;name;position_pct\n"
	    "1;Kari;sytti\n", 2, 3, "bad position 'sytti', expected a "
	    "percentage from 0 to 100, such as 75 or 75,5");
}

static void
refuse_bad_number_in_roster(void **state)
{
	expect_error(*state, "roster.csv", "id;position_pct;1;2;3;4;5;6;7\n"
	    "1;100;D;;;;;;\n2;75,5,5;D;;;;;;\n", 3, 2, "bad position '75,5,5', "
	    "expected a percentage from 0 to 100, such as 75 or 75,5");
}

static void
refuse_negative_position(void **state)
{
	expect_error(*state, "staff.csv", "id;name;position_pct\n"
	    "1;Kari;80\n2;Per;-10\n", 3, 3, "position '-10' out of range, "
	    "expected a percentage from 0 to 100");
}

static void
refuse_missing_position(void **state)
{
	expect_error(*state, "staff.csv", "id;name;position_pct\n"
	    "1;Kari;\n", 2, 3, "no position for '1', expected a position_pct "
	    "(stillingsprosent) from 0 to 100");
}

static void
refuse_bad_hours(void **state)
{
	expect_error(*state, "shifts.csv", "code;start;end;hours\n"
	    "D;07:00;15:00;7,5\nA;15:00;23:00;åtte\n", 3, 4, "bad hours "
	    "'åtte', expected paid hours from 0 to 24, such as 7,5");
}

static void
refuse_start_24_30(void **state)
{
	expect_error(*state, "shifts.csv", "code;name;start;end\n"
	    "D;Dag;07:00;15:00\nN;Natt;24:30;07:00\n", 3, 3, "bad start time "
	    "'24:30', expected HH:MM or HH.MM, such as 07:30");
}

static void
refuse_end_99_99(void **state)
{
	expect_error(*state, "shifts.csv", "code;name;start;end\n"
	    "D;Dag;07:00;99:99\n", 2, 4, "bad end time '99:99', expected "
	    "HH:MM or HH.MM, such as 15:00");
}

static void
refuse_time_7_5(void **state)
{
	expect_error(*state, "shifts.csv", "code;name;start;end\n"
	    "D;Dag;7:5;15:00\n", 2, 3, "bad start time '7:5', expected HH:MM "
	    "or HH.MM, such as 07:30");
}

static void
refuse_one_time_only(void **state)
{
	expect_error(*state, "shifts.csv", "code;start;end\nD;07:00;\n", 2, 2,
	    "shift 'D' has only one of start and end, expected both times "
	    "(or neither, for a day-off code)");
}

static void
refuse_duplicate_code(void **state)
{
	expect_error(*state, "shifts.csv", "code;start;end\nD;07:00;15:00\n"
	    "d;08:00;16:00\n", 3, 1, "shift code 'd' defined twice, expected "
	    "each code once (codes ignore case)");
}

static void
refuse_empty_shifts(void **state)
{
	expect_error(*state, "shifts.csv", "", 1, 1, "empty file, expected a "
	    "header line such as code;name;start;end");
}

static void
refuse_empty_roster(void **state)
{
	expect_error(*state, "roster.csv", "\n\n", 1, 1, "empty file, "
	    "expected a header line such as id;name;1;2;3");
}

static void
refuse_empty_staff(void **state)
{
	expect_error(*state, "staff.csv", "", 1, 1, "empty file, expected a "
	    "header line such as id;name;position_pct");
}

static void
refuse_roster_without_rows(void **state)
{
	expect_error(*state, "roster.csv", "id;1;2;3;4;5;6;7\n", 2, 1, "no "
	    "employees, expected a row per employee under the header");
}

static void
refuse_binary_garbage(void **state)
{
	static const char b[] = "id;name;1;2;3;4;5;6;7\n"
	    "1;Kari;D;\0\x01\x02\xFF;;;;;\n";
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_bytes(t, "roster.csv", b, sizeof b - 1), 0);
	assert_null(tc_load(t, 0, NULL, 0));
	assert_load_error(t, "roster.csv", 2, 4, "binary data (a NUL byte), "
	    "expected a CSV text file; export the sheet as CSV");
}

static void
refuse_utf16_file(void **state)
{
	static const char b[] = "\xFF\xFEi\0d\0;\0" "1\0\r\0\n\0";
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "shifts.csv", SHIFTS), 0);
	assert_int_equal(tc_bytes(t, "roster.csv", b, sizeof b - 1), 0);
	assert_null(tc_load(t, 0, NULL, 0));
	assert_load_error(t, "roster.csv", 1, 1, "file is UTF-16, expected "
	    "UTF-8 or Windows-1252; in Excel save as \"CSV UTF-8\"");
}

static void
refuse_duplicate_person_staff(void **state)
{
	expect_error(*state, "staff.csv", "id;name;department;position_pct\n"
	    "1;Kari;Lia;50\n2;Per;Lia;50\n1;Kari N;Lia;30\n", 4, 1,
	    "duplicate person '1' in the same department, expected one row "
	    "per person and department");
}

static void
refuse_duplicate_person_roster(void **state)
{
	expect_error(*state, "roster.csv", "id;1;2;3;4;5;6;7\n1;D;;;;;;\n"
	    "2;D;;;;;;\n1;;A;;;;;\n", 4, 1, "duplicate person '1' in the "
	    "roster, expected one row per person and department");
}

static void
refuse_day_given_twice(void **state)
{
	expect_error(*state, "roster.csv", "id;day;shift\n1;1;D\n1;2;A\n"
	    "1;7;\n1;1;A\n", 5, 3, "day 1 of '1' given twice, expected one shift "
	    "per person and day");
}

static void
refuse_missing_id_column(void **state)
{
	expect_error(*state, "roster.csv", "navn;1;2;3;4;5;6;7\nKari;D;;;;;;\n",
	    1, 1, "no column 'id' in the header, expected one named 'id' (or "
	    "an alias, see turnus-case(5))");
}

static void
refuse_missing_code_column(void **state)
{
	expect_error(*state, "shifts.csv", "name;start;end\nDag;07:00;15:00\n",
	    1, 1, "no column 'code' in the header, expected one named 'code' "
	    "(or an alias, see turnus-case(5))");
}

static void
refuse_missing_position_column(void **state)
{
	expect_error(*state, "staff.csv", "id;name\n1;Kari\n", 1, 1, "no "
	    "column 'position_pct' in the header, expected one named "
	    "'position_pct' or 'stillingsprosent'");
}

static void
refuse_missing_min_column(void **state)
{
	expect_error(*state, "demand.csv", "day;shift\nman;D\n", 1, 1, "no "
	    "column 'min' in the header, expected one named 'min' (or an "
	    "alias, see turnus-case(5))");
}

static void
refuse_bad_date_header(void **state)
{
	expect_error(*state, "roster.csv", "id;29.02.2024;01.03.2024;"
	    "31.02.2024;03.03.2024;04.03.2024;05.03.2024;06.03.2024\n"
	    "1;D;;;;;;\n", 1, 4, "bad day '31.02.2024', expected a rotation "
	    "day number (1, 2, ...) or a date (dd.mm.yyyy or yyyy-mm-dd)");
}

static void
refuse_bad_date_long(void **state)
{
	expect_error(*state, "roster.csv", "id;date;shift\n1;29.02.2024;D\n"
	    "1;31.02.2024;D\n", 3, 2, "bad day '31.02.2024', expected a "
	    "rotation day number (1, 2, ...) or a date (dd.mm.yyyy or "
	    "yyyy-mm-dd)");
}

static void
refuse_numbers_and_dates(void **state)
{
	expect_error(*state, "roster.csv", "id;1;2;03.01.2024;4;5;6;7\n"
	    "1;D;;;;;;\n", 1, 4, "day '03.01.2024' mixes numbers and dates, "
	    "expected either rotation day numbers or dates throughout the "
	    "roster");
}

static void
refuse_dates_and_numbers_long(void **state)
{
	expect_error(*state, "roster.csv", "id;day;shift\n1;01.01.2024;D\n"
	    "1;2;D\n", 3, 2, "day '2' mixes numbers and dates, expected "
	    "either rotation day numbers or dates throughout the roster");
}

static void
refuse_part_week(void **state)
{
	expect_error(*state, "roster.csv", "id;1;2;3;4;5;6;7;8\n"
	    "1;D;;;;;;;\n", 1, 9, "the roster has 8 days, expected whole "
	    "weeks for a cyclic rotation; add the missing days, set "
	    "rotation_weeks, or set cyclic = no");
}

static void
refuse_unknown_roster_id(void **state)
{
	struct tc	*t = *state;

	assert_int_equal(tc_file(t, "staff.csv", "id;position_pct\n1;100\n"),
	    0);
	expect_error(t, "roster.csv", ROSTER, 3, 1, "employee '2' is not in "
	    "staff.csv, expected every roster id in staff.csv (with the same "
	    "department)");
}

static void
refuse_bad_staff_override(void **state)
{
	expect_error(*state, "staff.csv", "id;position_pct;x;weekend_every\n"
	    "1;100;;4\n2;50;;hver\n", 3, 4, "bad value 'hver' for "
	    "weekend_every, expected a number from 1 to 52");
}

static void
refuse_bad_max_shifts(void **state)
{
	expect_error(*state, "staff.csv", "id;position_pct;max_shifts\n"
	    "1;100;N=4 Q=2\n2;50;\n", 2, 3, "unknown shift code 'Q' in "
	    "max_shifts, expected one of D A N F");
}

static void
refuse_bad_nights(void **state)
{
	expect_error(*state, "staff.csv", "id;position_pct;nights\n"
	    "1;100;av og til\n2;50;\n", 2, 3, "bad nights 'av og til', "
	    "expected yes, no or only");
}

static void
refuse_unknown_cannot_follow(void **state)
{
	expect_error(*state, "shifts.csv", "code;start;end;cannot_follow\n"
	    "D;07:00;15:00;\nA;15:00;23:00;D Z\n", 3, 4, "unknown shift code "
	    "'Z' in cannot_follow, expected one of D A");
}

static void
refuse_bad_demand_day(void **state)
{
	expect_error(*state, "demand.csv", "day;shift;min\nman;D;1\n"
	    "mandagen;D;1\n", 3, 1, "bad day 'mandagen', expected a weekday "
	    "(man, tir, ... or mon, tue, ...), all, weekdays, weekend, a day "
	    "number or a date");
}

static void
refuse_bad_demand_count(void **state)
{
	expect_error(*state, "demand.csv", "day;shift;min;max\nman;D;2;1\n",
	    2, 4, "max '1' is below min, expected max at least min");
}

static void
refuse_uncovered_demand_code(void **state)
{
	expect_error(*state, "demand.csv", "day;shift;min\nman;L;1\n", 2, 2,
	    "demand code 'L' is covered by no shift, expected a shift code of "
	    "shifts.csv or a code in its covers");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f)	cmocka_unit_test_setup_teardown(f, tc_setup, tc_teardown)
		T(load_semicolon_files),
		T(load_comma_files),
		T(load_tab_files),
		T(load_mixed_delimiters),
		T(load_crlf_files),
		T(load_lf_files),
		T(load_utf8_with_bom),
		T(load_utf8_without_bom),
		T(load_windows_1252),
		T(load_quoted_fields),
		T(refuse_code_after_quoted_newline),
		T(load_decimal_comma),
		T(load_times_colon_and_dot),
		T(load_dates_dotted),
		T(load_dates_iso),
		T(load_long_roster_dates),
		T(load_norwegian_headers),
		T(load_norwegian_header_variants),
		T(load_english_headers),
		T(load_weekdays_short_names),
		T(load_weekdays_full_names),
		T(ignore_unknown_columns),
		T(load_wide_weekday_headers),
		T(refuse_weekday_header_wrong_day),
		T(load_wide_and_long_alike),
		T(load_person_in_two_departments),
		T(refuse_roster_without_department),
		T(refuse_roster_other_department),
		T(load_person_limits),
		T(refuse_unknown_shift_code),
		T(refuse_unknown_code_long_roster),
		T(refuse_short_row),
		T(refuse_long_row),
		T(refuse_unterminated_quote),
		T(refuse_bad_position),
		T(refuse_bad_number_in_roster),
		T(refuse_negative_position),
		T(refuse_missing_position),
		T(refuse_bad_hours),
		T(refuse_start_24_30),
		T(refuse_end_99_99),
		T(refuse_time_7_5),
		T(refuse_one_time_only),
		T(refuse_duplicate_code),
		T(refuse_empty_shifts),
		T(refuse_empty_roster),
		T(refuse_empty_staff),
		T(refuse_roster_without_rows),
		T(refuse_binary_garbage),
		T(refuse_utf16_file),
		T(refuse_duplicate_person_staff),
		T(refuse_duplicate_person_roster),
		T(refuse_day_given_twice),
		T(refuse_missing_id_column),
		T(refuse_missing_code_column),
		T(refuse_missing_position_column),
		T(refuse_missing_min_column),
		T(refuse_bad_date_header),
		T(refuse_bad_date_long),
		T(refuse_numbers_and_dates),
		T(refuse_dates_and_numbers_long),
		T(refuse_part_week),
		T(refuse_unknown_roster_id),
		T(refuse_bad_staff_override),
		T(refuse_bad_max_shifts),
		T(refuse_bad_nights),
		T(refuse_unknown_cannot_follow),
		T(refuse_bad_demand_day),
		T(refuse_bad_demand_count),
		T(refuse_uncovered_demand_code),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
