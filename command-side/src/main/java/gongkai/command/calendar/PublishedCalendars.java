package gongkai.command.calendar;

import gongkai.events.calendar.WorkingDayCalendar;

/**
 * The working-day calendar as the command side counts on it: the years shipped with gongkai
 * ({@link WorkingDayCalendar#official()}), each replaced or completed by the latest publication of
 * that year ({@link CalendarPublicationAggregate}). A command handler asks only for the years it needs.
 */
@FunctionalInterface
public interface PublishedCalendars {

    /** The calendar, with the publications of the years {@code fromYear} to {@code toYear} applied. */
    WorkingDayCalendar covering(int fromYear, int toYear);

    /** The shipped years only, as if nothing were ever published (for tests). */
    static PublishedCalendars officialOnly() {
        return fixed(WorkingDayCalendar.official());
    }

    /** Always this calendar (for tests). */
    static PublishedCalendars fixed(WorkingDayCalendar calendar) {
        return (fromYear, toYear) -> calendar;
    }
}
