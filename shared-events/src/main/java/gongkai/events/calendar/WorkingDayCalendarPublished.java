package gongkai.events.calendar;

import gongkai.events.CaseEvent;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An administrator published the working-day calendar of {@code year} (docs/lifecycle.md, "Working days and the
 * calendars"): a year the shipped data lacks (e.g. 2027, once its notice appears), or a replacement of a year
 * already known (shipped or published before). The latest publication of a year governs it on both
 * sides; the shipped data governs a year nobody published.
 *
 * <p>{@code text} is the whole upload in the format of {@link CalendarYear#parse(int, String)}, kept
 * verbatim so that a reader parses exactly what the administrator sent (comments included); the
 * command side accepted it only after parsing it for {@code year}. {@code notice} repeats the
 * notice the text names, for histories and lists. Not an agency's event: the calendar is national.
 *
 * @param year        the calendar year
 * @param notice      the notice the data copies, e.g. {@code 国办发明电〔2023〕7号}
 * @param text        the calendar text, as uploaded
 * @param publishedOn the business date of the publication (Asia/Shanghai)
 */
@Revision("1")
public record WorkingDayCalendarPublished(int year, String notice, String text, LocalDate publishedOn)
        implements CaseEvent {

    public WorkingDayCalendarPublished {
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(publishedOn, "publishedOn");
    }

    /** The id of a year's calendar: its stream in the event store and its "case" in a history. */
    public static String calendarId(int year) {
        return "calendar:" + year;
    }

    /** The year's calendar as published. */
    public CalendarYear calendarYear() {
        return CalendarYear.parse(year, text);
    }

    @Override
    public String caseId() {
        return calendarId(year);
    }

    @Override
    public LocalDate businessDate() {
        return publishedOn;
    }
}
