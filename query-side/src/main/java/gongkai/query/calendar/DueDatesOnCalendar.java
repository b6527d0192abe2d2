package gongkai.query.calendar;

import gongkai.events.calendar.WorkingDayCalendar;

import java.time.Instant;

/**
 * What counts days on the calendar and must follow a newly published year: the due dates of the
 * applications (kept by the application's read model, which depends on the calendar, not the other way).
 */
public interface DueDatesOnCalendar {

    /**
     * Counts again every due date whose period touches {@code year} on the calendar as now known,
     * recording {@code cause} and the publication's event; returns how many moved.
     */
    int recomputeTouching(int year, WorkingDayCalendar calendar, String cause, String eventId, Instant recordedAt);
}
