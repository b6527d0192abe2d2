package gongkai.events.store;

import gongkai.events.application.ConsultationStarted;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events stored before ConsultationStarted's {@code party} was renamed still load, as revision 2. The
 * stored forms are the fixtures {@code events/ConsultationStarted/rev-none.json} (stored without a
 * revision), {@code rev-1.json} and {@code rev-2.json}.
 */
class ConsultedPartyRenamedTest {

    private static final Serializer serializer = StoredEventFormat.serializer();
    private static final String WITHOUT_REVISION = "ConsultationStarted/rev-none";
    private static final String REVISION_1 = "ConsultationStarted/rev-1";
    private static final String REVISION_2 = "ConsultationStarted/rev-2";

    @Test
    void aConsultationStoredWithoutARevisionLoadsWithItsPartyAsTheConsultedParty() {
        assertThat(StoredEventFixtures.payloadText(WITHOUT_REVISION)).contains("\"party\"").doesNotContain("consultedParty");
        ConsultationStarted loaded = load(WITHOUT_REVISION, new EventUpcasterChain(StoredEventFormat.upcasters()));

        assertThat(loaded).isEqualTo(new ConsultationStarted(StoredEventFixtures.APPLICATION, LocalDate.of(2023, 3, 6),
                                                             "某建筑公司"));
    }

    @Test
    void aConsultationStoredAsRevision1LoadsTheSameWay() {
        assertThat(StoredEventFixtures.payloadText(REVISION_1)).contains("\"party\"").doesNotContain("consultedParty");
        ConsultationStarted loaded = load(REVISION_1, new EventUpcasterChain(StoredEventFormat.upcasters()));

        assertThat(loaded.consultedParty()).isEqualTo("某建筑公司");
    }

    @Test
    void aConsultationStoredAsRevision2IsLeftAsItIs() {
        assertThat(load(REVISION_2, new EventUpcasterChain(StoredEventFormat.upcasters())).consultedParty())
                .isEqualTo("市住建局");
    }

    @Test
    void withoutTheUpcasterTheOldPartyWouldBeLostSilently() {
        assertThat(load(WITHOUT_REVISION, NoOpEventUpcaster.INSTANCE).consultedParty()).isNull();
    }

    @Test
    void newEventsAreStoredAsRevision2UnderTheNewName() {
        var serialized = serializer.serialize(new ConsultationStarted("a-1", LocalDate.of(2023, 3, 6), "某建筑公司"),
                                              byte[].class);

        assertThat(serialized.getType().getRevision()).isEqualTo("2");
        assertThat(new String(serialized.getData(), StandardCharsets.UTF_8)).contains("\"consultedParty\"")
                                                                            .doesNotContain("\"party\"");
    }

    private static ConsultationStarted load(String fixture, EventUpcaster upcaster) {
        return (ConsultationStarted) StoredEventFormsTest.load(fixture, upcaster);
    }
}
