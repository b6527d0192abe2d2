package gongkai.command.eventstore;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.events.application.ConsultationStarted;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose consultation was stored by an earlier release (ConsultationStarted without a
 * revision, its consulted party under the old name {@code party}) still loads on the command side:
 * through the storage engine's upcaster chain, and as an aggregate that accepts the next command.
 */
class OldRevisionEventsTest {

    private static RunningCommandSide commandSide;
    private static Http clerk;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        clerk = commandSide.agencyWithClerk("xiaoying", "li");
    }

    @AfterAll
    static void stop() {
        commandSide.close();
    }

    @Test
    void aConsultationStoredUnderTheOldFieldNameLoadsAsThePresentEventAndCanBeEnded() {
        String id = UUID.randomUUID().toString();
        storeAsAnEarlierReleaseDid(id, 0, "gongkai.events.application.ApplicationReceived", """
                {"applicationId":"%s","agencyId":"xiaoying","receivedOn":"2023-03-01","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"张三"},"request":"预算"}""".formatted(id), "2023-03-01");
        storeAsAnEarlierReleaseDid(id, 1, "gongkai.events.application.ConsultationStarted", """
                {"applicationId":"%s","startedOn":"2023-03-06","party":"某建筑公司"}""".formatted(id), "2023-03-06");

        DomainEventMessage<?> consultation = commandSide.context().getBean(EventStore.class).readEvents(id).asStream()
                                                        .filter(e -> e.getSequenceNumber() == 1).findFirst().orElseThrow();
        assertThat(consultation.getPayload())
                .isEqualTo(new ConsultationStarted(id, LocalDate.of(2023, 3, 6), "某建筑公司"));

        Http.Response ended = clerk.post("/api/applications/" + id + "/consultation/end", "{\"endedOn\":\"2023-03-20\"}");
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        String revision = commandSide.context().getBean(JdbcTemplate.class).queryForObject(
                "select payload_revision from command_side.domain_event_entry where aggregate_identifier = ? "
                + "and sequence_number = 2", String.class, id);
        assertThat(revision).as("events written now carry their revision").isEqualTo("1");
    }

    private static void storeAsAnEarlierReleaseDid(String id, long sequence, String payloadType, String json,
                                                   String businessDate) {
        commandSide.context().getBean(JdbcTemplate.class).update(
                "insert into command_side.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                + "type, time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, null, ?, ?)",
                UUID.randomUUID().toString(), id, sequence, "ApplicationAggregate", "2023-03-06T02:00:00.000Z", payloadType,
                json.getBytes(StandardCharsets.UTF_8),
                ("{\"actor\":\"li\",\"agencyId\":\"xiaoying\",\"businessDate\":\"" + businessDate + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }
}
