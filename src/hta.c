/* The HTA week norm ("timetall", HTA § 4.2.2-4.2.4) of a person's roster. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hta.h"
#include "holidays.h"
#include "model.h"
#include "util.h"

#define NIGHT_SHIFT_MIN	180	/* more than 3 h at night: a night shift */
#define NORM_DAY	(37.5 * 60)
#define NORM_TURNUS	(35.5 * 60)
#define NORM_FLOOR	(33.6 * 60)
#define NIGHT20_WEEK	(1.39 * 60)	/* KS: night hours a week for 35.5 */

static long
overlap(long a0, long a1, long b0, long b1)
{
	long	 lo = a0 > b0 ? a0 : b0, hi = a1 < b1 ? a1 : b1;

	return hi > lo ? hi - lo : 0;
}

/* Minutes of [a, b) inside the daily window [ws, we) (we <= ws wraps). */
static long
daily(long a, long b, int ws, int we)
{
	long	 sum = 0, k0 = (a < 0 ? a - MIN_PER_DAY + 1 : a) / MIN_PER_DAY;

	if (we <= ws)
		we += MIN_PER_DAY;
	for (long k = k0 - 1; k * MIN_PER_DAY <= b; k++)
		sum += overlap(a, b, k * MIN_PER_DAY + ws,
		    k * MIN_PER_DAY + we);
	return sum;
}

/* Adds the minutes of one shift instance [a, b) to h. */
static void
add_shift(const struct tn_case *c, struct hta *h, long a, long b,
    const unsigned char *sunwin, const int *winstart)
{
	const struct tn_rules *r = &c->rules;
	long	 P = (long)c->ndays * MIN_PER_DAY;

	h->night += daily(a, b, r->night_start, r->night_end);
	h->night20 += daily(a, b, 20 * 60, r->night_end);
	for (int k = c->rules.cyclic ? -1 : 0;
	    k <= (c->rules.cyclic ? 1 : 0); k++) {
		long lo = (a - k * P) / MIN_PER_DAY - 2;
		long hi = (b - k * P) / MIN_PER_DAY + 2;

		for (long d = lo < 0 ? 0 : lo; d < c->ndays && d <= hi; d++) {
			long w0, w1, in;

			if (!sunwin[d])
				continue;
			w0 = d * MIN_PER_DAY - MIN_PER_DAY + winstart[d] +
			    k * P;
			w1 = d * MIN_PER_DAY + 22 * 60 + k * P;
			if ((in = overlap(a, b, w0, w1)) == 0)
				continue;
			h->sunday += in - daily(a > w0 ? a : w0, b < w1 ? b : w1,
			    r->night_start, r->night_end);
		}
	}
}

/* Marks the Sundays and holidays of the rotation and their windows. */
static void
windows(const struct tn_case *c, unsigned char *sunwin, int *winstart)
{
	for (int d = 0; d < c->ndays; d++) {
		int wd = case_weekday(c, d);

		sunwin[d] = 0;
		if (c->first_date >= 0)
			winstart[d] = holiday_window_start(c->first_date + d,
			    wd);
		else
			winstart[d] = wd == 6 ? 18 * 60 : -1;
		sunwin[d] = winstart[d] >= 0;
	}
}

static int
tally(const struct tn_case *c, const int *rows, int nrows, struct hta *h)
{
	unsigned char	*sunwin, *worked;
	int		*winstart;

	sunwin = tn_malloc(2 * (size_t)c->ndays);
	winstart = tn_malloc((size_t)c->ndays * sizeof *winstart);
	if (sunwin == NULL || winstart == NULL) {
		free(sunwin);
		free(winstart);
		return -1;
	}
	worked = sunwin + c->ndays;
	windows(c, sunwin, winstart);
	memset(worked, 0, (size_t)c->ndays);
	for (int i = 0; i < nrows; i++) {
		const struct tn_person *p = &c->persons[rows[i]];

		for (int d = 0; d < c->ndays; d++) {
			const struct tn_shift *s;
			long a, b;

			if (p->cell[d] == NO_SHIFT)
				continue;
			s = &c->shifts[p->cell[d]];
			if (s->off)
				continue;
			a = (long)d * MIN_PER_DAY + s->start;
			b = a + s->len;
			h->hours += s->paid;
			add_shift(c, h, a, b, sunwin, winstart);
			if (s->night > NIGHT_SHIFT_MIN)
				h->has_night = 1;
			else if (s->start < 12 * 60)
				h->has_day = 1;
			else
				h->has_evening = 1;
			/* the calendar Sundays this shift works on */
			for (long t = a; t < b; t = (t / MIN_PER_DAY + 1) *
			    MIN_PER_DAY) {
				long dd = t / MIN_PER_DAY;

				if (dd >= c->ndays && !c->rules.cyclic)
					break;
				dd %= c->ndays;
				if (case_weekday(c, (int)dd) == 6)
					worked[dd] = 1;
			}
		}
	}
	for (int d = 0; d < c->ndays; d++)
		if (case_weekday(c, d) == 6) {
			h->sundays++;
			h->sundays_worked += worked[d];
		}
	free(sunwin);
	free(winstart);
	return 0;
}

/* Minutes of night shifts' hours: the share that is not day or evening. */
static long
night_shift_hours(const struct tn_case *c, const int *rows, int nrows)
{
	long	 sum = 0;

	for (int i = 0; i < nrows; i++)
		for (int d = 0; d < c->ndays; d++) {
			int s = c->persons[rows[i]].cell[d];

			if (s != NO_SHIFT && !c->shifts[s].off &&
			    c->shifts[s].night > NIGHT_SHIFT_MIN)
				sum += c->shifts[s].paid;
		}
	return sum;
}

void
hta_norm(const struct tn_case *c, int pid, double pct, struct hta *h)
{
	int	*rows, n = 0;

	if ((rows = tn_malloc(((size_t)c->npersons + 1) * sizeof *rows)) ==
	    NULL) {
		memset(h, 0, sizeof *h);
		h->kind = HTA_FIXED;
		h->norm = c->rules.full_time_hours_per_week * 60.0;
		return;
	}
	for (int i = 0; i < c->npersons; i++)
		if (c->persons[i].pid == pid)
			rows[n++] = i;
	hta_norm_rows(c, rows, n, pct, h);
	free(rows);
}

void
hta_norm_rows(const struct tn_case *c, const int *rows, int nrows,
    double pct, struct hta *h)
{
	const struct tn_rules *r = nrows > 0 ? c->persons[rows[0]].rules :
	    &c->rules;
	int	 third_sunday, nights, three;
	double	 p;

	memset(h, 0, sizeof *h);
	h->weeks = c->ndays / 7.0;
	if (r->week_norm > 0) {
		h->kind = HTA_FIXED;
		h->norm = r->week_norm * 60.0;
		return;
	}
	if (tally(c, rows, nrows, h) == -1 || h->hours == 0) {
		h->kind = HTA_FIXED;
		h->norm = r->full_time_hours_per_week * 60.0;
		return;
	}
	third_sunday = h->sundays > 0 && 3 * h->sundays_worked >= h->sundays;
	nights = h->night20 >= NIGHT20_WEEK * h->weeks;
	three = third_sunday && h->has_day && h->has_evening && h->has_night &&
	    4 * (h->hours - night_shift_hours(c, rows, nrows)) >= h->hours;
	if (three) {
		h->kind = HTA_THREE_SHIFT;
		h->credit = h->night * 15.0 / 60.0 + h->sunday * 10.0 / 60.0;
		p = isnan(pct) || pct <= 0 ? (h->hours + h->credit) /
		    (NORM_DAY * h->weeks) : pct / 100.0;
		h->norm = NORM_DAY - h->credit / (h->weeks * p);
		if (h->norm < NORM_FLOOR)
			h->norm = NORM_FLOOR;
		if (h->norm > NORM_TURNUS)
			h->norm = NORM_TURNUS;
	} else if (third_sunday || nights) {
		h->kind = HTA_TURNUS;
		h->norm = NORM_TURNUS;
	} else {
		h->kind = HTA_DAY;
		h->norm = NORM_DAY;
	}
}
