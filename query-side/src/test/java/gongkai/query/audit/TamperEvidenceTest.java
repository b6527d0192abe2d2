package gongkai.query.audit;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.Outcome;
import gongkai.query.chain.ChainHead;
import gongkai.query.chain.EventChain;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static gongkai.events.application.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain makes tampering with the stored events evident: intact before, and after an event
 * is altered, another deleted and two swapped, the verification names each of them; the chain
 * follows the global order even when transactions commit out of it, and names an event slipped
 * into a position it had passed. Each test runs on a database of its own.
 */
class TamperEvidenceTest {

    private static final String AGENCY = "xiaoying";

    private RunningCommandSide commandSide;
    private RunningQuerySide querySide;
    private RecordedEvents events;
    private EventChain chain;
    private Http auditor;

    private void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl(), "--gongkai.audit.chain.settle=PT2S");
        events = new RecordedEvents(querySide);
        chain = querySide.context().getBean(EventChain.class);
        Http admin = commandSide.admin();
        admin.post("/api/admin/agencies", "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"小营镇人民政府\"}");
        admin.post("/api/admin/users", "{\"username\":\"wang\",\"password\":\"wang-password\",\"roles\":[\"AUDITOR\"],"
                                       + "\"agencyId\":\"" + AGENCY + "\"}");
        auditor = querySide.as("wang", "wang-password");
    }

    private void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void anAlteredADeletedAndTwoSwappedEventsAreEachNamedAndTheStoreWasIntactBefore() throws Exception {
        start();
        try {
            List<String> cases = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String id = events.received(AGENCY, "2023-03-0" + (i + 1), NATURAL_PERSON, "li");
                events.record(id, new ConsultationStarted(id, LocalDate.parse("2023-03-10"), "某建筑公司"), "li");
                events.record(id, new ConsultationEnded(id, LocalDate.parse("2023-03-20")), "li");
                events.record(id, new ApplicationConcluded(id, LocalDate.parse("2023-03-25"), Outcome.DISCLOSED, List.of(), null), "li");
                cases.add(id);
            }
            long head = events.head();
            assertThat(chain.headCovering(head, Duration.ofSeconds(10))).isPresent();

            JsonNode before = verification("");
            assertThat(before.get("intact").asBoolean()).as(before.toString()).isTrue();
            assertThat(before.get("eventsChained").asLong()).isEqualTo(events.stored());
            assertThat(before.get("problems")).isEmpty();
            assertThat(before.get("recomputedHead").asText()).isEqualTo(before.at("/chainHead/hash").asText());
            ChainHead published = chain.head();
            assertThat(verification("?anchorIndex=" + published.globalIndex() + "&anchorHash=" + published.hash())
                               .at("/anchor/matches").asBoolean()).isTrue();
            assertThat(cli()).startsWith("INTACT");

            JdbcTemplate jdbc = events.jdbc();
            long altered = indexOf(cases.get(0), 3);   // the first case's answer
            long deleted = indexOf(cases.get(1), 1);   // the second case's consultation
            long swappedA = indexOf(cases.get(2), 2);
            long swappedB = indexOf(cases.get(2), 3);
            String alteredId = eventId(altered);
            String deletedId = eventId(deleted);
            String swappedAId = eventId(swappedA);
            String swappedBId = eventId(swappedB);
            jdbc.update("update command_side.domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                        + "'DISCLOSED', 'NOT_PROCESSED_DUPLICATE'), 'UTF8') where global_index = ?", altered);
            jdbc.update("delete from command_side.domain_event_entry where global_index = ?", deleted);
            jdbc.update("update command_side.domain_event_entry set global_index = -1 where global_index = ?", swappedA);
            jdbc.update("update command_side.domain_event_entry set global_index = ? where global_index = ?", swappedA, swappedB);
            jdbc.update("update command_side.domain_event_entry set global_index = ? where global_index = -1", swappedB);

            JsonNode after = verification("");
            assertThat(after.get("intact").asBoolean()).isFalse();
            assertThat(after.get("problemCount").asInt()).as(after.toString()).isEqualTo(4);
            expectProblem(after, "ALTERED", altered, alteredId, "payload");
            expectProblem(after, "DELETED", deleted, deletedId, "deleted from global index " + deleted);
            expectProblem(after, "REORDERED", swappedA, swappedAId, "moved from global index " + swappedA + " to " + swappedB);
            expectProblem(after, "REORDERED", swappedB, swappedBId, "moved from global index " + swappedB + " to " + swappedA);
            assertThat(after.at("/firstProblem/globalIndex").asLong()).isEqualTo(Math.min(altered, Math.min(deleted, swappedA)));
            assertThat(after.get("recomputedHead").asText()).isNotEqualTo(published.hash());

            JsonNode anchored = verification("?anchorIndex=" + published.globalIndex() + "&anchorHash=" + published.hash());
            assertThat(anchored.at("/anchor/matches").asBoolean()).isFalse();
            assertThat(anchored.get("problemCount").asInt()).isEqualTo(5);

            String report = cli();
            assertThat(report).startsWith("TAMPERED: 4 problem(s)")
                              .contains("ALTERED global index " + altered + " event " + alteredId)
                              .contains("DELETED global index " + deleted + " event " + deletedId)
                              .contains("REORDERED global index " + swappedA + " event " + swappedAId);
            Process alone = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    location(VerifyCli.class) + File.pathSeparator + location(org.postgresql.Driver.class),
                    VerifyCli.class.getName(), commandSide.databaseUrl(), "postgres", "postgres")
                    .redirectErrorStream(true).start();
            String printed = new String(alone.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(alone.waitFor()).as("the CLI needs only the JDK, its classes and the driver: " + printed).isEqualTo(1);
            assertThat(printed).contains("DELETED global index " + deleted + " event " + deletedId);

            Http.Response byAdmin = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD)
                                             .post("/api/admin/verification", "");
            assertThat(byAdmin.status()).isEqualTo(200);
            assertThat(byAdmin.json().get("problemCount").asInt()).isEqualTo(4);
        } finally {
            stop();
        }
    }

    @Test
    void theChainWaitsForATransactionThatTookAnEarlierIndexAndNamesAnEventSlippedIntoAnOldGap()
            throws Exception {
        start();
        try {
            String first = events.received(AGENCY, "2023-05-01", NATURAL_PERSON, "li");
            assertThat(chain.headCovering(events.head(), Duration.ofSeconds(10))).isPresent();

            // A transaction takes the next global index and commits only after a later one has.
            DataSource dataSource = querySide.context().getBean(DataSource.class);
            long early;
            try (Connection slow = dataSource.getConnection()) {
                slow.setAutoCommit(false);
                early = insertRawEvent(slow, null);
                String later = events.received(AGENCY, "2023-05-02", NATURAL_PERSON, "li");
                long laterIndex = events.head();
                assertThat(laterIndex).isGreaterThan(early);
                // The extension that sees the later event committed decides: it stops right before the gap.
                chain.extend();
                assertThat(chain.head().globalIndex()).as("the chain does not pass a fresh gap").isEqualTo(early - 1);
                slow.commit();
                assertThat(chain.headCovering(laterIndex, Duration.ofSeconds(10))).isPresent();
                assertThat(chain.linkAt(early)).isPresent();
                assertThat(later).isNotNull();
            }
            assertThat(verification("").get("intact").asBoolean()).isTrue();

            // A transaction that rolls back leaves a gap for good: the chain passes it once it has settled.
            long gap;
            try (Connection rolledBack = dataSource.getConnection()) {
                rolledBack.setAutoCommit(false);
                gap = insertRawEvent(rolledBack, null);
                rolledBack.rollback();
            }
            events.received(AGENCY, "2023-05-03", NATURAL_PERSON, "li");
            assertThat(chain.headCovering(events.head(), Duration.ofSeconds(10))).as("the gap settles within 2 s").isPresent();
            assertThat(chain.linkAt(gap)).isEmpty();
            assertThat(verification("").get("intact").asBoolean()).isTrue();

            // Anything appearing in that gap afterwards was never chained: inserted.
            String slipped;
            try (Connection tamperer = dataSource.getConnection()) {
                insertRawEvent(tamperer, gap);
                slipped = events.jdbc().queryForObject("select event_identifier from command_side.domain_event_entry "
                                                       + "where global_index = ?", String.class, gap);
            }
            JsonNode after = verification("");
            assertThat(after.get("intact").asBoolean()).isFalse();
            assertThat(after.get("problemCount").asInt()).isEqualTo(1);
            expectProblem(after, "INSERTED", gap, slipped, "never chained");
            assertThat(first).isNotNull();
        } finally {
            stop();
        }
    }

    // ---- support -----------------------------------------------------------------------------

    private JsonNode verification(String query) {
        Http.Response response = auditor.get("/api/audit/verification" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private String cli() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = VerifyCli.run(new String[]{commandSide.databaseUrl(), "postgres", "postgres"},
                                   new PrintStream(out, true, StandardCharsets.UTF_8),
                                   new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed + err.toString(StandardCharsets.UTF_8)).isEqualTo(printed.startsWith("INTACT") ? 0 : 1);
        return printed;
    }

    private static String location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static void expectProblem(JsonNode verification, String kind, long globalIndex, String eventId, String detail) {
        List<JsonNode> matching = new ArrayList<>();
        verification.get("problems").forEach(p -> {
            if (p.get("kind").asText().equals(kind) && p.get("globalIndex").asLong() == globalIndex) {
                matching.add(p);
            }
        });
        assertThat(matching).as(kind + " at " + globalIndex + " in " + verification.get("problems")).hasSize(1);
        assertThat(matching.get(0).get("eventIdentifier").asText()).isEqualTo(eventId);
        assertThat(matching.get(0).get("detail").asText()).contains(detail);
    }

    private long indexOf(String caseId, long sequence) {
        return events.jdbc().queryForObject("select global_index from command_side.domain_event_entry "
                                            + "where aggregate_identifier = ? and sequence_number = ?", Long.class,
                                            caseId, sequence);
    }

    private String eventId(long globalIndex) {
        return events.jdbc().queryForObject("select event_identifier from command_side.domain_event_entry "
                                            + "where global_index = ?", String.class, globalIndex);
    }

    /** Inserts an application's receipt row as the storage engine would; at a given global index, or the next. */
    private static long insertRawEvent(Connection connection, Long globalIndex) throws Exception {
        String id = UUID.randomUUID().toString();
        String payload = "{\"applicationId\":\"" + id + "\",\"agencyId\":\"" + AGENCY + "\",\"receivedOn\":\"2023-05-01\","
                         + "\"channel\":\"MAIL\",\"applicantType\":\"NATURAL_PERSON\",\"applicant\":{\"name\":\"李四\"},"
                         + "\"request\":\"预算\"}";
        String metaData = "{\"actor\":\"li\",\"agencyId\":\"" + AGENCY + "\",\"businessDate\":\"2023-05-01\"}";
        String columns = (globalIndex == null ? "" : "global_index, ")
                         + "event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, "
                         + "payload_revision, payload, meta_data";
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into command_side.domain_event_entry (" + columns + ") values ("
                + (globalIndex == null ? "" : globalIndex + ", ")
                + "?, ?, 0, 'ApplicationAggregate', ?, 'gongkai.events.application.ApplicationReceived', '1', ?, ?) "
                + "returning global_index")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, id);
            insert.setString(3, Instant.now().toString());
            insert.setBytes(4, payload.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, metaData.getBytes(StandardCharsets.UTF_8));
            try (var rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
