/* Norwegian public holidays (helligdager) and their § 10-10 windows. */
#include <stddef.h>

#include "holidays.h"
#include "util.h"

/* The anonymous Gregorian computus (Meeus/Jones/Butcher). */
long
holiday_easter(int y)
{
	int	 a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
	int	 f = (b + 8) / 25, g = (b - f + 1) / 3;
	int	 h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4;
	int	 l = (32 + 2 * e + 2 * i - h - k) % 7;
	int	 m = (a + 11 * h + 22 * l) / 451;
	int	 month = (h + l - 7 * m + 114) / 31;
	int	 day = (h + l - 7 * m + 114) % 31 + 1;

	return date_from_ymd(y, month, day);
}

const char *
holiday_name(long day)
{
	static const struct {
		int		 off;	/* days from Easter Sunday */
		const char	*name;
	} movable[] = {
		{ -3, "Maundy Thursday (skjærtorsdag)" },
		{ -2, "Good Friday (langfredag)" },
		{ 0, "Easter Sunday (1. påskedag)" },
		{ 1, "Easter Monday (2. påskedag)" },
		{ 39, "Ascension Day (Kristi himmelfartsdag)" },
		{ 49, "Whit Sunday (1. pinsedag)" },
		{ 50, "Whit Monday (2. pinsedag)" },
	};
	int	 y, m, d;
	long	 easter;

	date_to_ymd(day, &y, &m, &d);
	if (m == 1 && d == 1)
		return "New Year's Day (1. nyttårsdag)";
	if (m == 5 && d == 1)
		return "Labour Day (1. mai)";
	if (m == 5 && d == 17)
		return "Constitution Day (17. mai)";
	if (m == 12 && d == 25)
		return "Christmas Day (1. juledag)";
	if (m == 12 && d == 26)
		return "Boxing Day (2. juledag)";
	easter = holiday_easter(y);
	for (size_t i = 0; i < nitems(movable); i++)
		if (day == easter + movable[i].off)
			return movable[i].name;
	return NULL;
}

int
holiday_window_start(long day, int weekday)
{
	int	 y, m, d;
	long	 easter;

	if (weekday != 6 && holiday_name(day) == NULL)
		return -1;
	date_to_ymd(day, &y, &m, &d);
	easter = holiday_easter(y);
	if ((m == 12 && d == 25) || day == easter || day == easter + 49)
		return 15 * 60;
	return 18 * 60;
}
