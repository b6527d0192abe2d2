package gongkai.command.calendar;

import gongkai.command.calendar.CalendarCommands.PublishCalendarYear;
import gongkai.events.MetaDataKeys;
import gongkai.events.calendar.WorkingDayCalendarPublished;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Axon's wiring of a {@link CalendarPublication}: one per year, id {@code "calendar:" + year}
 * ({@link WorkingDayCalendarPublished#calendarId(int)}), created by its first publication. Not cached:
 * a year is published a handful of times in its life. Its events carry no agency (the calendar is
 * national), only the business date; the actor comes from the command as for every event.
 */
@Aggregate
public class CalendarPublicationAggregate {

    @AggregateIdentifier
    private String calendarId;
    private CalendarPublication publication = CalendarPublication.none();

    protected CalendarPublicationAggregate() {
        // for Axon: rebuilt from its events, or created empty by the first publication
    }

    /** Returns whether an event was recorded: publishing the text already published records nothing. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(PublishCalendarYear command, Clock clock) {
        if (publication.alreadySays(command)) {
            return false;
        }
        WorkingDayCalendarPublished event = publication.publish(command, LocalDate.now(clock));
        AggregateLifecycle.apply(event, MetaData.with(MetaDataKeys.BUSINESS_DATE, event.businessDate().toString()));
        return true;
    }

    @EventSourcingHandler
    void on(WorkingDayCalendarPublished event) {
        calendarId = event.caseId();
        publication.apply(event);
    }
}
