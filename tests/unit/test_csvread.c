/* Unit tests of src/csvread.c: delimiters, encodings, quoting, positions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "csvread.h"
#include "testcase.h"
#include "util.h"

/* Opens name in the test's folder; fails the test if it cannot. */
static struct csvread *
open_csv(struct tc *t, const char *name, const char *text)
{
	struct csvread	*r;

	assert_int_equal(tc_file(t, name, text), 0);
	r = csvread_open(tc_path(t, name), &t->err);
	assert_non_null(r);
	return r;
}

static void
expect_row(struct csvread *r, struct tc *t, long line, int n,
    const char *const *want)
{
	struct csvrow	*row;

	if (csvread_next(r, &row, &t->err) != 1)
		fail_msg("%ld:%ld: %s", t->err.line, t->err.col, t->err.msg);
	assert_int_equal(row->line, line);
	assert_int_equal(row->n, n);
	for (int i = 0; i < n; i++)
		assert_string_equal(row->f[i], want[i]);
}

static void
expect_end(struct csvread *r, struct tc *t)
{
	struct csvrow	*row;

	assert_int_equal(csvread_next(r, &row, &t->err), 0);
}

static void
read_detects_semicolon(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv", "id;name;pct\n1;Kari, N;75,5\n");

	expect_row(r, t, 1, 3, (const char *[]){ "id", "name", "pct" });
	expect_row(r, t, 2, 3, (const char *[]){ "1", "Kari, N", "75,5" });
	assert_int_equal(csvread_delim(r), ';');
	expect_end(r, t);
	csvread_close(r);
}

/*
 * Long lines, read eight bytes at a time: delimiters in every place of
 * a word, UTF-8, blanks trimmed, a quote past the first word, CRLF.
 */
static void
read_long_simple_lines(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv", "id;name;day;shift\n"
	    "P0000001;ward-04;12;D\n"
	    "1;2;3;45678901234567;x\n"
	    "Åse Åsen Ørje;  ward Ærø ; 364 ;LV\n"
	    "12345678;\"Ås;\"\"ø\"\"\";1234567;A\n"
	    "12345678;a b c d e;1;D\r\n");

	expect_row(r, t, 1, 4, (const char *[]){ "id", "name", "day",
	    "shift" });
	expect_row(r, t, 2, 4, (const char *[]){ "P0000001", "ward-04", "12",
	    "D" });
	expect_row(r, t, 3, 5, (const char *[]){ "1", "2", "3",
	    "45678901234567", "x" });
	expect_row(r, t, 4, 4, (const char *[]){ "Åse Åsen Ørje",
	    "ward Ærø", "364", "LV" });
	expect_row(r, t, 5, 4, (const char *[]){ "12345678", "Ås;\"ø\"",
	    "1234567", "A" });
	expect_row(r, t, 6, 4, (const char *[]){ "12345678", "a b c d e",
	    "1", "D" });
	expect_end(r, t);
	assert_int_equal(csvread_encoding(r), 8);
	csvread_close(r);
}

/*
 * Lines around the fast split's word of eight bytes, and what makes it
 * leave a line to the slower paths: blanks, '!', a late quote, CR, high
 * bytes, a blank line.
 */
static void
read_plain_line_edges(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv", "id;b;c\n"
	    "1234;678\n"
	    "12;4;67\n"
	    "12345678;abcdefg\n"
	    ";;x\n"
	    "a;b  \n"
	    "  a;b\n"
	    "!x;#y;~z\n"
	    "abcdefghij;\"k;l\"\n"
	    "x;yz\r\n"
	    "\xC3\x85\xC3\x98;\xC3\xA6\n"
	    ";;;\n"
	    "last;1\n");

	expect_row(r, t, 1, 3, (const char *[]){ "id", "b", "c" });
	expect_row(r, t, 2, 2, (const char *[]){ "1234", "678" });
	expect_row(r, t, 3, 3, (const char *[]){ "12", "4", "67" });
	expect_row(r, t, 4, 2, (const char *[]){ "12345678", "abcdefg" });
	expect_row(r, t, 5, 3, (const char *[]){ "", "", "x" });
	expect_row(r, t, 6, 2, (const char *[]){ "a", "b" });
	expect_row(r, t, 7, 2, (const char *[]){ "a", "b" });
	expect_row(r, t, 8, 3, (const char *[]){ "!x", "#y", "~z" });
	expect_row(r, t, 9, 2, (const char *[]){ "abcdefghij", "k;l" });
	expect_row(r, t, 10, 2, (const char *[]){ "x", "yz" });
	expect_row(r, t, 11, 2, (const char *[]){ "\xC3\x85\xC3\x98",
	    "\xC3\xA6" });
	expect_row(r, t, 13, 2, (const char *[]){ "last", "1" });
	expect_end(r, t);
	csvread_close(r);
}

static unsigned long	 rnd_state = 1;

static unsigned
rnd(unsigned n)
{
	rnd_state = rnd_state * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rnd_state >> 33) % n;
}

/* A random field: mostly plain, at times blanks, quotes, CR, high bytes. */
static void
rnd_field(struct buf *b, int delim, int mode)
{
	static const char plain[] = "abcP0123456789-_#~.:/";
	int		 len = rnd(8) == 0 ? (int)rnd(40) : (int)rnd(10);

	if (mode > 0 && rnd(60) == 0) {
		buf_adds(b, "\"");
		for (int i = 0; i < len; i++)
			buf_adds(b, (const char *[]){ "a", "\"\"", ";", ",",
			    "\n", " ", "\r\n" }[rnd(7)]);
		buf_adds(b, "\"");
		return;
	}
	for (int i = 0; i < len; i++) {
		unsigned k = rnd(200);

		if (k < 4)
			buf_add(b, " ", 1);
		else if (k < 5)
			buf_add(b, "\t", 1);
		else if (k < 6)
			buf_add(b, "!", 1);
		else if (k < 7 && mode > 1)
			buf_adds(b, "\xC3\xA5");
		else if (k < 8 && mode > 2)
			buf_add(b, "\xE5", 1);
		else if (k < 9 && mode > 2)
			buf_add(b, (const char []){ "\"\r\0\v"[rnd(4)] }, 1);
		else if (k < 10)
			buf_add(b, (const char []){ (char)delim }, 1);
		else
			buf_add(b, &plain[rnd(sizeof plain - 1)], 1);
	}
}

/* Reads the file both ways, fast paths and libcsv alone, and compares. */
static void
same_both_ways(struct tc *t, const char *name)
{
	struct csvread	*r[2];
	struct csvrow	*row[2];
	struct tn_error	 err[2];
	int		 rc[2];

	for (int k = 0; k < 2; k++) {
		csvread_fast = !k;
		r[k] = csvread_open(tc_path(t, name), &err[k]);
		assert_non_null(r[k]);
	}
	do {
		for (int k = 0; k < 2; k++) {
			csvread_fast = !k;
			rc[k] = csvread_next(r[k], &row[k], &err[k]);
		}
		assert_int_equal(rc[0], rc[1]);
		if (rc[0] == -1) {
			assert_int_equal(err[0].line, err[1].line);
			assert_int_equal(err[0].col, err[1].col);
			assert_string_equal(err[0].msg, err[1].msg);
		}
		if (rc[0] != 1)
			break;
		assert_int_equal(row[0]->line, row[1]->line);
		assert_int_equal(row[0]->n, row[1]->n);
		for (int j = 0; j < row[0]->n; j++) {
			assert_string_equal(row[0]->f[j], row[1]->f[j]);
			assert_int_equal(row[0]->flen[j], row[1]->flen[j]);
			assert_int_equal(row[0]->fline[j], row[1]->fline[j]);
		}
	} while (1);
	assert_int_equal(csvread_encoding_seen(r[0]),
	    csvread_encoding_seen(r[1]));
	csvread_close(r[0]);
	csvread_close(r[1]);
	csvread_fast = 1;
}

/*
 * Random files read as libcsv alone would read them: short and long
 * lines, every delimiter, blanks, quotes, CR, NUL, UTF-8 and
 * Windows-1252; one file over the 256 KB read buffer, so that lines fall
 * across its end.
 */
static void
read_same_as_libcsv(void **state)
{
	struct tc	*t = *state;
	struct buf	 b = { 0 };

	for (int f = 0; f < 400; f++) {
		int	 delim = ";,\t"[f % 3], mode = f / 3 % 4;
		long	 lines = f == 0 ? 40000 : (long)rnd(60);

		b.len = 0;
		buf_adds(&b, delim == ';' ? "id;name;day;shift\n" :
		    delim == ',' ? "id,name,day,shift\n" :
		    "id\tname\tday\tshift\n");
		for (long i = 0; i < lines; i++) {
			int	 nf = rnd(10) == 0 ? (int)rnd(8) : 4;

			for (int j = 0; j < nf; j++) {
				if (j > 0)
					buf_add(&b, (const char []){ (char)delim },
					    1);
				rnd_field(&b, delim, f == 0 ? 0 : mode);
			}
			buf_adds(&b, rnd(30) == 0 ? "\r\n" : "\n");
		}
		if (f % 5 == 1 && b.len > 0)
			b.len--;		/* no newline at the end */
		assert_false(b.oom);
		assert_int_equal(tc_bytes(t, "r.csv", b.s, b.len), 0);
		if (f == 0)
			assert_true(b.len > 256 * 1024 + 1024);
		same_both_ways(t, "r.csv");
	}
	buf_release(&b);
}

static void
read_detects_comma(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv", "id,name,pct\n1,Kari,\"75,5\"\n");

	expect_row(r, t, 1, 3, (const char *[]){ "id", "name", "pct" });
	expect_row(r, t, 2, 3, (const char *[]){ "1", "Kari", "75,5" });
	assert_int_equal(csvread_delim(r), ',');
	csvread_close(r);
}

static void
read_detects_tab(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv",
	    "id\tname\tpct\n1\tKari Nordmann\t75,5\n");

	expect_row(r, t, 1, 3, (const char *[]){ "id", "name", "pct" });
	expect_row(r, t, 2, 3,
	    (const char *[]){ "1", "Kari Nordmann", "75,5" });
	assert_int_equal(csvread_delim(r), '\t');
	csvread_close(r);
}

/* A delimiter inside a quoted header name does not count. */
static void
read_sniffs_outside_quotes(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv",
	    "\"a,b,c,d\";e;f\n1;2;3\n");

	expect_row(r, t, 1, 3, (const char *[]){ "a,b,c,d", "e", "f" });
	assert_int_equal(csvread_delim(r), ';');
	csvread_close(r);
}

static void
read_strips_utf8_bom(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv",
	    "\xEF\xBB\xBFid;navn\n1;\xC3\x85se \xC3\x98yen\n");

	expect_row(r, t, 1, 2, (const char *[]){ "id", "navn" });
	expect_row(r, t, 2, 2, (const char *[]){ "1", "Åse Øyen" });
	assert_int_equal(csvread_encoding(r), 8);
	csvread_close(r);
}

static void
read_utf8_without_bom(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv",
	    "id;navn\n1;\xC3\x85se \xC3\x98yen\n2;\xC3\xA6\xC3\xB8\xC3\xA5\n");

	expect_row(r, t, 1, 2, (const char *[]){ "id", "navn" });
	expect_row(r, t, 2, 2, (const char *[]){ "1", "Åse Øyen" });
	expect_row(r, t, 3, 2, (const char *[]){ "2", "æøå" });
	assert_int_equal(csvread_encoding(r), 8);
	csvread_close(r);
}

static void
read_converts_windows_1252(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv",
	    "id;navn;avdeling\n1;\xC5se \xD8yen;Sj\xF8kanten \x96 2\n");

	expect_row(r, t, 1, 3, (const char *[]){ "id", "navn", "avdeling" });
	expect_row(r, t, 2, 3,
	    (const char *[]){ "1", "Åse Øyen", "Sjøkanten – 2" });
	assert_int_equal(csvread_encoding(r), 1252);
	csvread_close(r);
}

static void
read_crlf_lines(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv",
	    "id;name\r\n1;Kari\r\n\r\n2;Per\r\n");

	expect_row(r, t, 1, 2, (const char *[]){ "id", "name" });
	expect_row(r, t, 2, 2, (const char *[]){ "1", "Kari" });
	expect_row(r, t, 4, 2, (const char *[]){ "2", "Per" });
	expect_end(r, t);
	csvread_close(r);
}

static void
read_last_line_without_newline(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv", "id;name\n1;Kari");

	expect_row(r, t, 1, 2, (const char *[]){ "id", "name" });
	expect_row(r, t, 2, 2, (const char *[]){ "1", "Kari" });
	expect_end(r, t);
	csvread_close(r);
}

/* RFC 4180: a delimiter, a newline and "" inside quotes; lines after. */
static void
read_quoted_fields_keep_lines(void **state)
{
	struct tc	*t = *state;
	struct csvrow	*row;
	struct csvread	*r = open_csv(t, "a.csv",
	    "id;name;note\n"
	    "1;\"Nordmann; Kari\";\"first\nsecond \"\"x\"\"\";end\n"
	    "2;Per;-\n");

	expect_row(r, t, 1, 3, (const char *[]){ "id", "name", "note" });
	assert_int_equal(csvread_next(r, &row, &t->err), 1);
	assert_int_equal(row->line, 2);
	assert_int_equal(row->n, 4);
	assert_string_equal(row->f[1], "Nordmann; Kari");
	assert_string_equal(row->f[2], "first\nsecond \"x\"");
	assert_string_equal(row->f[3], "end");
	assert_int_equal(row->fline[0], 2);
	assert_int_equal(row->fline[2], 2);
	assert_int_equal(row->fline[3], 3);
	expect_row(r, t, 4, 3, (const char *[]){ "2", "Per", "-" });
	csvread_close(r);
}

/* A record whose first field spans lines starts on its first line. */
static void
read_multiline_first_field(void **state)
{
	struct tc	*t = *state;
	struct csvrow	*row;
	struct csvread	*r = open_csv(t, "a.csv",
	    "id;name\n\"1\n\n2\";Kari\n3;Per\n");

	expect_row(r, t, 1, 2, (const char *[]){ "id", "name" });
	assert_int_equal(csvread_next(r, &row, &t->err), 1);
	assert_int_equal(row->line, 2);
	assert_string_equal(row->f[0], "1\n\n2");
	assert_int_equal(row->fline[0], 2);
	assert_int_equal(row->fline[1], 4);
	expect_row(r, t, 5, 2, (const char *[]){ "3", "Per" });
	csvread_close(r);
}

static void
read_skips_blank_lines(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv",
	    "\n\nid;name\n\n1;Kari\n;\n  ;  \n2;Per\n");

	expect_row(r, t, 3, 2, (const char *[]){ "id", "name" });
	expect_row(r, t, 5, 2, (const char *[]){ "1", "Kari" });
	expect_row(r, t, 8, 2, (const char *[]){ "2", "Per" });
	expect_end(r, t);
	csvread_close(r);
}

static void
read_empty_file(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r = open_csv(t, "a.csv", "");

	expect_end(r, t);
	csvread_close(r);
}

static void
expect_error(struct csvread *r, struct tc *t, int rows, long line, long col,
    const char *msg)
{
	struct csvrow	*row;

	for (int i = 0; i < rows; i++)
		assert_int_equal(csvread_next(r, &row, &t->err), 1);
	assert_int_equal(csvread_next(r, &row, &t->err), -1);
	assert_int_equal(t->err.level, TN_INPUT);
	assert_string_equal(t->err.file, tc_path(t, "a.csv"));
	assert_int_equal(t->err.line, line);
	assert_int_equal(t->err.col, col);
	assert_string_equal(t->err.msg, msg);
	csvread_close(r);
}

static void
refuse_unterminated_quote(void **state)
{
	struct tc	*t = *state;

	expect_error(open_csv(t, "a.csv", "id;name;x\n1;Kari;y\n"
	    "2;\"Per;z\n3;Ola;w\n"), t, 2, 3, 2, "unterminated quote: the "
	    "quoted field that starts here runs to the end of the file, "
	    "expected a closing '\"'");
}

static void
refuse_unterminated_quote_first_field(void **state)
{
	struct tc	*t = *state;

	expect_error(open_csv(t, "a.csv", "id;name\n1;Kari\n"
	    "\"2;Per\n3;Ola\n"), t, 2, 3, 1, "unterminated quote: the "
	    "quoted field that starts here runs to the end of the file, "
	    "expected a closing '\"'");
}

static void
refuse_misplaced_quote(void **state)
{
	struct tc	*t = *state;

	expect_error(open_csv(t, "a.csv", "id;name\n1;Kari\n2;P\"er\n"), t,
	    2, 3, 2, "misplaced quote, expected a quote only around a whole "
	    "field (write \"\" for a quote inside one)");
}

static void
refuse_nul_bytes(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r;

	static const char b[] = "id;name\n1;K\0\x01\x02\n";

	assert_int_equal(tc_bytes(t, "a.csv", b, sizeof b - 1), 0);
	r = csvread_open(tc_path(t, "a.csv"), &t->err);
	assert_non_null(r);
	expect_error(r, t, 1, 2, 2, "binary data (a NUL byte), expected a "
	    "CSV text file; export the sheet as CSV");
}

static void
refuse_utf16(void **state)
{
	struct tc	*t = *state;
	struct csvread	*r;

	static const char b[] = "\xFF\xFEi\0d\0;\0n\0\n\0";

	assert_int_equal(tc_bytes(t, "a.csv", b, sizeof b - 1), 0);
	r = csvread_open(tc_path(t, "a.csv"), &t->err);
	assert_non_null(r);
	expect_error(r, t, 0, 1, 1, "file is UTF-16, expected UTF-8 or "
	    "Windows-1252; in Excel save as \"CSV UTF-8\"");
}

static void
refuse_mixed_encodings(void **state)
{
	struct tc	*t = *state;

	expect_error(open_csv(t, "a.csv", "id;navn\n1;\xC3\x85se\n"
	    "2;\xD8yen\n"), t, 2, 3, 2, "invalid UTF-8 in a file that began "
	    "as UTF-8, expected one encoding; save the file again as CSV "
	    "UTF-8");
}

static void
refuse_missing_file(void **state)
{
	struct tc	*t = *state;

	assert_null(csvread_open(tc_path(t, "none.csv"), &t->err));
	assert_int_equal(t->err.level, TN_INPUT);
	assert_string_equal(t->err.file, tc_path(t, "none.csv"));
	assert_string_equal(t->err.msg, "cannot open: No such file or "
	    "directory");
}

static void
map_columns_with_aliases(void **state)
{
	static const char *const spec[] = { "*id|ansattnr", "name|navn",
	    "position_pct|stillingsprosent" };
	struct tc	*t = *state;
	struct csvrow	*row;
	unsigned char	 known[4];
	int		 w[3];
	struct csvread	*r = open_csv(t, "a.csv",
	    "Ansattnr;Ekstra;NAVN;Stillingsprosent (%)\n");

	assert_int_equal(csvread_next(r, &row, &t->err), 1);
	assert_int_equal(csvread_columns(r, row, spec, 3, w, known, &t->err),
	    0);
	assert_int_equal(w[0], 0);
	assert_int_equal(w[1], 2);
	assert_int_equal(w[2], 3);
	assert_int_equal(known[0], 1);
	assert_int_equal(known[1], 0);
	assert_int_equal(known[2], 1);
	assert_int_equal(known[3], 1);
	csvread_close(r);
}

static void
refuse_missing_required_column(void **state)
{
	static const char *const spec[] = { "*id|ansattnr", "name|navn" };
	struct tc	*t = *state;
	struct csvrow	*row;
	int		 w[2];
	struct csvread	*r = open_csv(t, "a.csv", "\n\nnavn;x\n");

	assert_int_equal(csvread_next(r, &row, &t->err), 1);
	assert_int_equal(csvread_columns(r, row, spec, 2, w, NULL, &t->err),
	    -1);
	assert_int_equal(t->err.line, 3);
	assert_int_equal(t->err.col, 1);
	assert_string_equal(t->err.msg, "no column 'id' in the header, "
	    "expected one named 'id' (or an alias, see turnus-case(5))");
	csvread_close(r);
}

static void
refuse_duplicate_column(void **state)
{
	static const char *const spec[] = { "*id|ansattnr", "name|navn" };
	struct tc	*t = *state;
	struct csvrow	*row;
	int		 w[2];
	struct csvread	*r = open_csv(t, "a.csv", "id;navn;Name\n");

	assert_int_equal(csvread_next(r, &row, &t->err), 1);
	assert_int_equal(csvread_columns(r, row, spec, 2, w, NULL, &t->err),
	    -1);
	assert_int_equal(t->err.line, 1);
	assert_int_equal(t->err.col, 3);
	assert_string_equal(t->err.msg, "column 'Name' appears twice (also "
	    "column 2), expected it once");
	csvread_close(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f)	cmocka_unit_test_setup_teardown(f, tc_setup, tc_teardown)
		T(read_detects_semicolon),
		T(read_long_simple_lines),
		T(read_plain_line_edges),
		T(read_same_as_libcsv),
		T(read_detects_comma),
		T(read_detects_tab),
		T(read_sniffs_outside_quotes),
		T(read_strips_utf8_bom),
		T(read_utf8_without_bom),
		T(read_converts_windows_1252),
		T(read_crlf_lines),
		T(read_last_line_without_newline),
		T(read_quoted_fields_keep_lines),
		T(read_multiline_first_field),
		T(read_skips_blank_lines),
		T(read_empty_file),
		T(refuse_unterminated_quote),
		T(refuse_unterminated_quote_first_field),
		T(refuse_misplaced_quote),
		T(refuse_nul_bytes),
		T(refuse_utf16),
		T(refuse_mixed_encodings),
		T(refuse_missing_file),
		T(map_columns_with_aliases),
		T(refuse_missing_required_column),
		T(refuse_duplicate_column),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
