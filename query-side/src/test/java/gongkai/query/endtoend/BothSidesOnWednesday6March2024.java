package gongkai.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both services on a new database, the query side's "today" fixed at Wed 6 March 2024, and the steps the
 * end-to-end tests of the statutory clock share. Expected dates are counted by {@link PersonCounting}, a
 * person with docs/lifecycle.md's table of calendars (2024).
 */
abstract class BothSidesOnWednesday6March2024 {

    static RunningCommandSide commandSide;
    static RunningQuerySide querySide;
    static final PersonCounting person = PersonCounting.official2024();

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl(), "--gongkai.business-date=2024-03-06");
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    static String receive(Http clerk, String agencyId, String receivedOn) {
        String id = UUID.randomUUID().toString();
        Http.Response created = clerk.post("/api/applications", """
                {"applicationId":"%s","agencyId":"%s","receivedOn":"%s","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"申请人"},"request":"信息"}"""
                .formatted(id, agencyId, receivedOn));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** The application once the query side has read every event appended so far. */
    static JsonNode application(Http reader, String id) {
        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(10));
        Http.Response one = reader.get("/api/applications/" + id);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        return one.json();
    }
}
