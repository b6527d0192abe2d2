package gongkai.events.calendar;

/**
 * A date fell in a year for which no working-day calendar has been entered. Deadlines in such a
 * year are refused, never guessed (docs/lifecycle.md, "Working days and the calendars"): the year's notice must be
 * added first ({@link WorkingDayCalendar#withYear(CalendarYear)}).
 */
public final class UnknownCalendarYear extends RuntimeException {

    private final int year;

    public UnknownCalendarYear(int year) {
        // An expected answer, caught where a count falls outside the known years (a report's timeliness
        // figures meet it once per case of such a year): no stack trace, which would cost more than the count.
        super(year + " 年工作日历尚未录入 (no working-day calendar for " + year + ")", null, false, false);
        this.year = year;
    }

    /** The year that has no calendar. */
    public int year() {
        return year;
    }
}
