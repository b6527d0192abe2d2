package gongkai.command.calendar;

import gongkai.command.Refusal;
import gongkai.command.calendar.CalendarCommands.PublishCalendarYear;
import gongkai.events.calendar.CalendarFormatException;
import gongkai.events.calendar.CalendarYear;
import gongkai.events.calendar.WorkingDayCalendarPublished;

import java.time.LocalDate;

/**
 * The working-day calendar of one year as administrators published it (docs/lifecycle.md, "Working days and the
 * calendars": the calendar is data, each year added as data). Plain Java, wired to Axon by
 * {@link CalendarPublicationAggregate}.
 *
 * <p>Rules: the text must be a valid calendar of the year ({@link CalendarYear#parse}), else it is bad
 * input naming the line; a year is published from 2008 (the first year of the Regulations) up to next
 * year (the State Council announces a year's holidays in the autumn before it); publishing the very
 * text already published records nothing. A year may be published again to replace it (a mistake in
 * the data, an amended notice); publishing a year the shipped data already has replaces the shipped
 * data for that year. Nothing here knows the applications: the sides that count deadlines follow the
 * event and recompute (the query side records why each due date moved).
 */
final class CalendarPublication {

    /** 国务院令第492号 took effect on 1 May 2008: no disclosure deadline is older. */
    static final int FIRST_YEAR = 2008;
    /** Far more than any real calendar text (a year has a few dozen lines). */
    static final int MAX_TEXT_LENGTH = 20_000;

    private WorkingDayCalendarPublished latest;

    static CalendarPublication none() {
        return new CalendarPublication();
    }

    // ---- decisions ---------------------------------------------------------------------------

    /** Whether {@code text} is exactly what was last published for the year (then nothing is recorded). */
    boolean alreadySays(PublishCalendarYear c) {
        return latest != null && latest.text().equals(c.text());
    }

    WorkingDayCalendarPublished publish(PublishCalendarYear c, LocalDate today) {
        if (c.year() < FIRST_YEAR || c.year() > today.getYear() + 1) {
            throw Refusal.invalid("year", "年份须在 " + FIRST_YEAR + " 至 " + (today.getYear() + 1) + " 之间 (year must be "
                                          + FIRST_YEAR + " to " + (today.getYear() + 1) + ")");
        }
        if (c.text() == null || c.text().isBlank()) {
            throw Refusal.invalid("text", "工作日历内容为空 (the calendar text is empty)");
        }
        if (c.text().length() > MAX_TEXT_LENGTH) {
            throw Refusal.invalid("text", "工作日历内容过长 (the calendar text exceeds " + MAX_TEXT_LENGTH + " characters)");
        }
        CalendarYear parsed;
        try {
            parsed = CalendarYear.parse(c.year(), c.text());
        } catch (CalendarFormatException e) {
            // The message names the line and says what is wrong; it quotes the calendar text only.
            throw Refusal.invalid("text", "工作日历格式有误 (" + e.getMessage() + ")");
        }
        return new WorkingDayCalendarPublished(c.year(), parsed.notice(), c.text(), today);
    }

    // ---- state --------------------------------------------------------------------------------

    void apply(WorkingDayCalendarPublished event) {
        latest = event;
    }
}
