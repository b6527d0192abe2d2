package gongkai.command.calendar;

import gongkai.events.calendar.CalendarFormatException;
import gongkai.events.calendar.WorkingDayCalendar;
import gongkai.events.calendar.WorkingDayCalendarPublished;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * {@link PublishedCalendars} read from the event store: for each year asked for, the last event of
 * its stream {@code calendar:YYYY}. A stream is a handful of events, and a command asks for one or
 * two years, so it is read each time rather than cached: every instance of the command side sees a
 * publication at once.
 */
@Component
public class EventStoreCalendars implements PublishedCalendars {

    private static final Logger log = LoggerFactory.getLogger(EventStoreCalendars.class);

    private final EventStore eventStore;

    public EventStoreCalendars(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public WorkingDayCalendar covering(int fromYear, int toYear) {
        WorkingDayCalendar calendar = WorkingDayCalendar.official();
        for (int year = fromYear; year <= toYear; year++) {
            Optional<WorkingDayCalendarPublished> latest = latest(year);
            if (latest.isPresent()) {
                try {
                    calendar = calendar.withYear(latest.get().calendarYear());
                } catch (CalendarFormatException e) {
                    // Cannot happen: the text was parsed before it was recorded. Keep what is known.
                    log.error("The published calendar of {} cannot be read: {}", year, e.getMessage());
                }
            }
        }
        return calendar;
    }

    private Optional<WorkingDayCalendarPublished> latest(int year) {
        return eventStore.readEvents(WorkingDayCalendarPublished.calendarId(year)).asStream()
                         .map(DomainEventMessage::getPayload)
                         .filter(WorkingDayCalendarPublished.class::isInstance)
                         .map(WorkingDayCalendarPublished.class::cast)
                         .reduce((earlier, later) -> later);
    }
}
