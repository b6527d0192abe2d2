package gongkai.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.Outcome;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import gongkai.query.chain.EventChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static gongkai.events.application.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A verification of the event store runs as a job: started, followed, its result kept and listed; one
 * at a time. The tests run in order on one database: intact first, then an event altered through SQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerificationJobsTest {

    private static final String AGENCY = "xiaoying";

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static RecordedEvents events;
    private static Http auditor;
    private static String answered;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl(), "--gongkai.audit.chain.settle=PT1S");
        events = new RecordedEvents(querySide);
        Http admin = commandSide.admin();
        admin.post("/api/admin/agencies", "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"小营镇人民政府\"}");
        admin.post("/api/admin/users", "{\"username\":\"wang\",\"password\":\"wang-password\",\"roles\":[\"AUDITOR\"],"
                                       + "\"agencyId\":\"" + AGENCY + "\"}");
        admin.post("/api/admin/users", "{\"username\":\"li\",\"password\":\"li-password\",\"roles\":[\"CLERK\"],"
                                       + "\"agencyId\":\"" + AGENCY + "\"}");
        auditor = querySide.as("wang", "wang-password");
        for (int i = 1; i <= 3; i++) {
            answered = events.received(AGENCY, "2023-03-0" + i, NATURAL_PERSON, "li");
            events.record(answered, new ApplicationConcluded(answered, LocalDate.parse("2023-03-20"), Outcome.DISCLOSED,
                                                             List.of(), null), "li");
        }
        assertThat(querySide.context().getBean(EventChain.class).headCovering(events.head(), Duration.ofSeconds(10)))
                .isPresent();
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    @Order(1)
    void aJobOnAnUntouchedStoreReportsItIntactWithEveryEventChecked() {
        JsonNode job = finished(startJob(""));
        assertThat(job.get("state").asText()).isEqualTo("FINISHED");
        assertThat(job.get("intact").asBoolean()).as(job.toString()).isTrue();
        assertThat(job.at("/progress/eventsChecked").asLong()).isEqualTo(events.stored());
        assertThat(job.at("/progress/eventsTotal").asLong()).isEqualTo(events.stored());
        assertThat(job.at("/progress/percent").asInt()).isEqualTo(100);
        assertThat(job.at("/result/problems")).isEmpty();
        assertThat(job.get("requestedBy").asText()).isEqualTo("wang");
    }

    @Test
    @Order(2)
    void aJobWithThePresentHeadAsAnchorFindsItMatching() {
        JsonNode head = auditor.get("/api/audit/chain/head").json();
        JsonNode job = finished(startJob("{\"anchorIndex\":" + head.get("globalIndex").asLong()
                                         + ",\"anchorHash\":\"" + head.get("hash").asText() + "\"}"));
        assertThat(job.at("/result/anchor/matches").asBoolean()).as(job.toString()).isTrue();
        assertThat(job.get("anchorIndex").asLong()).isEqualTo(head.get("globalIndex").asLong());
    }

    @Test
    @Order(3)
    void aSecondStartWhileOneRunsIsRefusedNamingTheRunningOne() throws Exception {
        DataSource dataSource = querySide.context().getBean(DataSource.class);
        String first;
        try (Connection blocker = dataSource.getConnection()) {
            // The job cannot read the chain while this transaction holds it: it stays running until we let go.
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("lock table query_side.event_chain in access exclusive mode");
            }
            first = startJob("");
            Http.Response second = auditor.post("/api/audit/verifications", "");
            assertThat(second.status()).as(second.body()).isEqualTo(409);
            assertThat(second.contentType()).startsWith("application/problem+json");
            assertThat(second.json().get("runningId").asText()).isEqualTo(first);
            JsonNode running = auditor.get("/api/audit/verifications/" + first).json();
            assertThat(running.get("state").asText()).isEqualTo("RUNNING");
            assertThat(running.at("/progress/eventsTotal").asLong()).isEqualTo(events.stored());
            blocker.rollback();
        }
        assertThat(finished(first).get("intact").asBoolean()).isTrue();
        Http.Response third = auditor.post("/api/audit/verifications", "");
        assertThat(third.status()).as("once it ended, another may start: " + third.body()).isEqualTo(202);
        finished(third.json().get("id").asText());
    }

    @Test
    @Order(4)
    void afterAnEventIsAlteredThroughSqlANewJobNamesItAndTheEarlierResultsStayListed() {
        long altered = events.jdbc().queryForObject("select global_index from command_side.domain_event_entry "
                                                    + "where aggregate_identifier = ? and sequence_number = 1",
                                                    Long.class, answered);
        String alteredId = events.jdbc().queryForObject("select event_identifier from command_side.domain_event_entry "
                                                        + "where global_index = ?", String.class, altered);
        events.jdbc().update("update command_side.domain_event_entry set payload = convert_to(replace(convert_from(payload, "
                             + "'UTF8'), 'DISCLOSED', 'NOT_PROCESSED_DUPLICATE'), 'UTF8') where global_index = ?", altered);

        JsonNode job = finished(startJob(""));
        assertThat(job.get("intact").asBoolean()).isFalse();
        assertThat(job.get("problemCount").asInt()).as(job.toString()).isEqualTo(1);
        assertThat(job.at("/firstProblem/kind").asText()).isEqualTo("ALTERED");
        assertThat(job.at("/result/problems/0/globalIndex").asLong()).isEqualTo(altered);
        assertThat(job.at("/result/problems/0/eventIdentifier").asText()).isEqualTo(alteredId);
        assertThat(job.at("/result/problems/0/detail").asText()).contains("payload");

        JsonNode list = auditor.get("/api/audit/verifications").json();
        assertThat(list.get("total").asInt()).isEqualTo(5);
        assertThat(list.at("/items/0/id").asText()).as("newest first").isEqualTo(job.get("id").asText());
        assertThat(list.at("/items/0/intact").asBoolean()).isFalse();
        assertThat(list.at("/items/4/intact").asBoolean()).as("the first job's result is kept").isTrue();
    }

    @Test
    @Order(5)
    void clerksMayNotStartOrReadVerificationsAndAnAnchorNeedsBothParts() {
        Http clerk = querySide.as("li", "li-password");
        assertThat(clerk.post("/api/audit/verifications", "").status()).isEqualTo(403);
        assertThat(clerk.get("/api/audit/verifications").status()).isEqualTo(403);
        Http.Response halfAnchor = auditor.post("/api/audit/verifications", "{\"anchorIndex\":3}");
        assertThat(halfAnchor.status()).isEqualTo(400);
        assertThat(halfAnchor.body()).contains("anchorHash");
        assertThat(auditor.get("/api/audit/verifications/no-such-job").status()).isEqualTo(404);
    }

    private static String startJob(String body) {
        Http.Response started = auditor.post("/api/audit/verifications", body);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return started.json().get("id").asText();
    }

    private static JsonNode finished(String id) {
        Http.Response done = RunningQuerySide.await("verification " + id + " to end", () -> auditor.get("/api/audit/verifications/" + id),
                                                    r -> !r.json().get("state").asText().equals("RUNNING"),
                                                    Duration.ofSeconds(30));
        assertThat(done.json().get("state").asText()).as(done.body()).isEqualTo("FINISHED");
        return done.json();
    }
}
