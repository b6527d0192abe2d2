package gongkai.events.store;

import gongkai.events.application.ConsultationStarted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored before ConsultationStarted's {@code party} was renamed still load, as revision 2. */
class ConsultedPartyRenamedTest {

    private static final Serializer serializer = StoredEventFormat.serializer();
    private static final String OLD_JSON = "{\"applicationId\":\"a-1\",\"startedOn\":\"2023-03-06\",\"party\":\"某建筑公司\"}";

    @Test
    void aConsultationStoredWithoutARevisionLoadsWithItsPartyAsTheConsultedParty() {
        ConsultationStarted loaded = load(OLD_JSON, null, new EventUpcasterChain(StoredEventFormat.upcasters()));

        assertThat(loaded).isEqualTo(new ConsultationStarted("a-1", LocalDate.of(2023, 3, 6), "某建筑公司"));
    }

    @Test
    void aConsultationStoredAsRevision1LoadsTheSameWay() {
        ConsultationStarted loaded = load(OLD_JSON, "1", new EventUpcasterChain(StoredEventFormat.upcasters()));

        assertThat(loaded.consultedParty()).isEqualTo("某建筑公司");
    }

    @Test
    void aConsultationStoredAsRevision2IsLeftAsItIs() {
        String json = "{\"applicationId\":\"a-1\",\"startedOn\":\"2023-03-06\",\"consultedParty\":\"市住建局\"}";

        assertThat(load(json, "2", new EventUpcasterChain(StoredEventFormat.upcasters())).consultedParty())
                .isEqualTo("市住建局");
    }

    @Test
    void withoutTheUpcasterTheOldPartyWouldBeLostSilently() {
        assertThat(load(OLD_JSON, null, NoOpEventUpcaster.INSTANCE).consultedParty()).isNull();
    }

    @Test
    void newEventsAreStoredAsRevision2UnderTheNewName() {
        var serialized = serializer.serialize(new ConsultationStarted("a-1", LocalDate.of(2023, 3, 6), "某建筑公司"),
                                              byte[].class);

        assertThat(serialized.getType().getRevision()).isEqualTo("2");
        assertThat(new String(serialized.getData(), StandardCharsets.UTF_8)).contains("\"consultedParty\"")
                                                                            .doesNotContain("\"party\"");
    }

    private static ConsultationStarted load(String json, String revision,
                                            org.axonframework.serialization.upcasting.event.EventUpcaster upcaster) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>(
                "ApplicationAggregate", "a-1", 2, "event-1", "2023-03-06T02:00:00Z", ConsultationStarted.class.getName(),
                revision, json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<? extends DomainEventMessage<?>> events = EventStreamUtils.asStream(
                EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer, upcaster)).toList();
        assertThat(events).hasSize(1);
        return (ConsultationStarted) events.get(0).getPayload();
    }
}
