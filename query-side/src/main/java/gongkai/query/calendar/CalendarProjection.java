package gongkai.query.calendar;

import gongkai.events.MetaDataKeys;
import gongkai.events.calendar.WorkingDayCalendar;
import gongkai.events.calendar.WorkingDayCalendarPublished;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Follows the publications of working-day calendar years (processing group {@value #PROCESSING_GROUP},
 * one segment): records each year in {@link KnownCalendar} and, in the same transaction and under the
 * exclusive {@link ClockLock}, recomputes the due date of every application whose reply period touches
 * that year ({@link DueDatesOnCalendar#recomputeTouching}), recording in each one's due-date history
 * that this publication moved it.
 *
 * <p>Applications concluded already are recomputed too: a concluded application keeps the period it had,
 * to judge whether it was answered in time, and that period is counted on the calendar as now known.
 * This keeps the timeliness figures right after a correction of the calendar, and makes the read model
 * the same whatever order the two processors happen to read the events in (a rebuild gives what the
 * live projection gave).
 */
@Component
@ProcessingGroup(CalendarProjection.PROCESSING_GROUP)
public class CalendarProjection {

    public static final String PROCESSING_GROUP = "calendars";

    private static final Logger log = LoggerFactory.getLogger(CalendarProjection.class);

    private final KnownCalendar calendar;
    private final DueDatesOnCalendar clocks;
    private final ClockLock lock;

    public CalendarProjection(KnownCalendar calendar, DueDatesOnCalendar clocks, ClockLock lock) {
        this.calendar = calendar;
        this.clocks = clocks;
        this.lock = lock;
    }

    @EventHandler
    void on(WorkingDayCalendarPublished event, EventMessage<?> message) {
        lock.exclusive();
        Object actor = message.getMetaData().get(MetaDataKeys.ACTOR);
        calendar.record(event, message.getIdentifier(), message.getTimestamp(), actor == null ? null : actor.toString());
        WorkingDayCalendar now = calendar.current();
        String cause = event.year() + " 年工作日历更新：" + event.notice() + " (WorkingDayCalendarPublished)";
        int moved = clocks.recomputeTouching(event.year(), now, cause, message.getIdentifier(), message.getTimestamp());
        log.info("Working-day calendar of {} published ({}): {} applications' due dates moved", event.year(),
                 event.notice(), moved);
    }

    @ResetHandler
    void reset() {
        calendar.deleteAll();
    }
}
