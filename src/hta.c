/* The HTA week norm ("timetall", HTA § 4.2.2-4.2.4) of a person's roster. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hta.h"
#include "holidays.h"
#include "i18n.h"
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
	long	 sum = 0;

	if (we <= ws)
		we += MIN_PER_DAY;
	for (long k = -1; k * MIN_PER_DAY < b; k++)
		sum += overlap(a, b, k * MIN_PER_DAY + ws,
		    k * MIN_PER_DAY + we);
	return sum;
}

const char *
hta_kind_name(int kind)
{
	static const char *const k[] = { N_("day work"), N_("turnus"),
	    N_("three-shift turnus"), N_("week_norm"),
	    N_("no shifts rostered") };	/* JSON values: _() where shown */

	return kind >= 0 && kind <= HTA_NONE ? k[kind] : "?";
}

int
hta_window(long date, int wd)
{
	if (date >= 0)
		return holiday_window_start(date, wd);
	return wd == 6 ? 18 * 60 : -1;
}

int
hta_shift(const struct tn_rules *r, const struct tn_shift *s,
    const int *win, int wd, struct hta *h)
{
	long	 a = s->start, b = s->start + s->len, w0, w1, in;
	int	 mask = 0;

	h->hours += s->paid;
	h->night += daily(a, b, r->night_start, r->night_end);
	h->night20 += daily(a, b, 20 * 60, r->night_end);
	for (int k = 0; k < 3; k++) {
		if (win[k] < 0)
			continue;
		w0 = (long)(k - 1) * MIN_PER_DAY + win[k];
		w1 = (long)k * MIN_PER_DAY + 22 * 60;
		if ((in = overlap(a, b, w0, w1)) > 0)
			h->sunday += in - daily(a > w0 ? a : w0,
			    b < w1 ? b : w1, r->night_start, r->night_end);
	}
	if (s->night > NIGHT_SHIFT_MIN) {
		h->has_night = 1;
		h->night_shifts += s->paid;
	} else if (s->start < 12 * 60)
		h->has_day = 1;
	else
		h->has_evening = 1;
	if (wd == 6 && overlap(a, b, 0, MIN_PER_DAY) > 0)
		mask |= 1;
	if (wd == 5 && overlap(a, b, MIN_PER_DAY, 2 * MIN_PER_DAY) > 0)
		mask |= 2;
	return mask;
}

void
hta_decide(const struct tn_rules *r, double pct, struct hta *h)
{
	int	 third_sunday, nights, three;
	double	 p;

	if (r->week_norm > 0) {
		h->kind = HTA_FIXED;
		h->norm = r->week_norm * 60.0;
		return;
	}
	if (h->hours == 0 || h->weeks <= 0) {
		h->kind = HTA_NONE;
		h->norm = r->full_time_hours_per_week * 60.0;
		return;
	}
	third_sunday = h->sundays > 0 && 3 * h->sundays_worked >= h->sundays;
	nights = h->night20 >= NIGHT20_WEEK * h->weeks;
	three = third_sunday && h->has_day && h->has_evening && h->has_night &&
	    4 * (h->hours - h->night_shifts) >= h->hours;
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

/* The window start of rotation day d (the calendar goes on past the end). */
static int
day_window(const struct tn_case *c, long d)
{
	return hta_window(c->first_date >= 0 ? c->first_date + d : -1,
	    (int)((c->start_weekday + d) % 7));
}

void
hta_norm_rows(const struct tn_case *c, const int *rows, int nrows,
    double pct, struct hta *h)
{
	const struct tn_rules *r = nrows > 0 ? c->persons[rows[0]].rules :
	    &c->rules;
	unsigned char	*sun;
	int		 n = c->ndays, win[3], m;

	memset(h, 0, sizeof *h);
	h->weeks = n / 7.0;
	if (r->week_norm > 0 || (sun = tn_calloc((size_t)n, 1)) == NULL) {
		hta_decide(r, pct, h);
		return;
	}
	for (int i = 0; i < nrows; i++)
		for (int d = 0; d < n; d++) {
			const struct tn_person *p = &c->persons[rows[i]];
			const struct tn_shift *s;

			if (p->cell[d] == NO_SHIFT ||
			    (s = &c->shifts[p->cell[d]])->off)
				continue;
			for (int k = 0; k < 3; k++)
				win[k] = day_window(c, d + k);
			m = hta_shift(r, s, win, case_weekday(c, d), h);
			if (m & 1)
				sun[d] = 1;
			if ((m & 2) && (d + 1 < n || c->rules.cyclic))
				sun[(d + 1) % n] = 1;
		}
	for (int d = 0; d < n; d++)
		if (case_weekday(c, d) == 6) {
			h->sundays++;
			h->sundays_worked += sun[d];
		}
	free(sun);
	hta_decide(r, pct, h);
}

void
hta_norm(const struct tn_case *c, int pid, double pct, struct hta *h)
{
	int	*rows, n = 0;

	if ((rows = tn_malloc(((size_t)c->npersons + 1) * sizeof *rows)) ==
	    NULL) {
		memset(h, 0, sizeof *h);
		hta_decide(&c->rules, pct, h);
		return;
	}
	for (int i = 0; i < c->npersons; i++)
		if (c->persons[i].pid == pid)
			rows[n++] = i;
	hta_norm_rows(c, rows, n, pct, h);
	free(rows);
}
