package gongkai.query.testing;

import gongkai.events.MetaDataKeys;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.Channel;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * Records application events straight into the event store through the query side's EventStore, with
 * the metadata the command side gives every event (actor, agency, business date), as a clerk's
 * commands would; and waits for the query side to follow.
 */
public final class RecordedEvents {

    private final RunningQuerySide querySide;
    private final EventStore eventStore;
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, String> agencies = new HashMap<>();

    public RecordedEvents(RunningQuerySide querySide) {
        this.querySide = querySide;
        this.eventStore = querySide.context().getBean(EventStore.class);
    }

    public String received(String agencyId, String receivedOn, ApplicantType type, String actor) {
        String id = UUID.randomUUID().toString();
        agencies.put(id, agencyId);
        record(id, new ApplicationReceived(id, agencyId, LocalDate.parse(receivedOn), Channel.MAIL, type,
                                           new Applicant("张三", "110101199001011234", "13800000000", null, "北京市"),
                                           "2023年道路维修预算"), actor);
        return id;
    }

    public void record(String id, ApplicationEvent event, String actor) {
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("ApplicationAggregate", id, sequence, event,
                MetaData.with(MetaDataKeys.ACTOR, actor).and(MetaDataKeys.BUSINESS_DATE, event.businessDate().toString())
                        .and(MetaDataKeys.AGENCY, agencies.get(id))));
    }

    public JdbcTemplate jdbc() {
        return querySide.context().getBean(JdbcTemplate.class);
    }

    /** How many events the store holds: those a test recorded, and the agencies' own (their creation). */
    public long stored() {
        return jdbc().queryForObject("select count(*) from command_side.domain_event_entry", Long.class);
    }

    /** The highest global index stored. */
    public long head() {
        return jdbc().queryForObject("select coalesce(max(global_index), 0) from command_side.domain_event_entry", Long.class);
    }

    /** Waits until every projection has handled every event stored so far. */
    public void awaitProjections() {
        long events = jdbc().queryForObject("select count(*) from command_side.domain_event_entry", Long.class);
        // the applications' own events (the store also holds the agencies' and other cases' events)
        long applicationEvents = jdbc().queryForObject("select count(*) from command_side.domain_event_entry "
                                                       + "where type = 'ApplicationAggregate'", Long.class);
        await(() -> jdbc().queryForObject("select coalesce(sum(event_count), 0) from application_case", Long.class)
                    >= applicationEvents
                    && jdbc().queryForObject("select count(*) from audit_event", Long.class) >= events,
              "the projections to catch up with " + events + " events");
    }

    /** An instant strictly between the events recorded before and those recorded after (stored to the millisecond). */
    public static Instant betweenMilliseconds() {
        sleep(20);
        Instant instant = Instant.now();
        sleep(20);
        return instant;
    }

    public static void await(BooleanSupplier done, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
