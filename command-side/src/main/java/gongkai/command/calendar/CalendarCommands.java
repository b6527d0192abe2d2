package gongkai.command.calendar;

import gongkai.events.calendar.WorkingDayCalendarPublished;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What an administrator can ask of the working-day calendar; answered by {@link CalendarPublicationAggregate}. */
public final class CalendarCommands {

    private CalendarCommands() {
    }

    /**
     * Publish (add or replace) the working-day calendar of {@code year}: {@code text} in the format of
     * {@link gongkai.events.calendar.CalendarYear#parse(int, String)}.
     */
    public record PublishCalendarYear(int year, String text) {

        @TargetAggregateIdentifier
        public String calendarId() {
            return WorkingDayCalendarPublished.calendarId(year);
        }
    }
}
