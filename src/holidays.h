/* Norwegian public holidays and the Sunday/holiday window of AML § 10-10. */
#ifndef TURNUS_HOLIDAYS_H
#define TURNUS_HOLIDAYS_H

/* Easter Sunday of a year as a day number (days since 1970-01-01). */
long		 holiday_easter(int);

/*
 * The name of the public holiday on a day number, or NULL.  The twelve
 * days: 1 Jan, Maundy Thursday, Good Friday, Easter Sunday and Monday,
 * 1 May, 17 May, Ascension Day, Whit Sunday and Monday, 25 and 26 Dec.
 */
const char	*holiday_name(long);

/*
 * Minutes after midnight of the day before at which the Sunday/holiday
 * window of a Sunday or holiday starts (18:00, or 15:00 before Easter
 * Sunday, Whit Sunday and Christmas Day); the window ends at 22:00 on
 * the day.  Returns -1 for a day that is neither Sunday nor holiday.
 */
int		 holiday_window_start(long, int);

#endif
