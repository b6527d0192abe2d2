package gongkai.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.Outcome;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static gongkai.events.application.ApplicantType.NATURAL_PERSON;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report and an application as of any instant answer exactly what the system answered then;
 * the difference between two instants names, cell by cell, the events that account for it. Three
 * corrections are recorded after the instant noted: one moves a case back into the earlier year.
 */
class AsOfAndDiffTest {

    private static final String AGENCY = "luanping";

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static RecordedEvents events;
    private static Http auditor;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl());
        events = new RecordedEvents(querySide);
        Http admin = commandSide.admin();
        admin.post("/api/admin/agencies", "{\"agencyId\":\"" + AGENCY + "\",\"name\":\"滦平县人民政府\"}");
        admin.post("/api/admin/users", "{\"username\":\"wang\",\"password\":\"wang-password\",\"roles\":[\"AUDITOR\"],"
                                       + "\"agencyId\":\"" + AGENCY + "\"}");
        auditor = querySide.as("wang", "wang-password");
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void theFiguresAsOfAnInstantAreThoseAnsweredThenAndTheDiffNamesTheCorrectionsSince() {
        // Logged on 5 January 2024 and answered in January; another answered in November; one still open.
        String a = events.received(AGENCY, "2024-01-05", NATURAL_PERSON, "li");
        events.record(a, new ApplicationConcluded(a, LocalDate.parse("2024-01-20"), Outcome.DISCLOSED, List.of(), null), "li");
        String b = events.received(AGENCY, "2023-11-01", NATURAL_PERSON, "li");
        events.record(b, new ApplicationConcluded(b, LocalDate.parse("2023-11-20"), Outcome.DISCLOSED, List.of(), null), "li");
        String c = events.received(AGENCY, "2023-12-01", NATURAL_PERSON, "li");
        events.awaitProjections();

        JsonNode answered2023 = report(2023, null);
        JsonNode answered2024 = report(2024, null);
        JsonNode answeredA = application(a, null);
        Instant noted = RecordedEvents.betweenMilliseconds();

        // The letter of A was signed for on 28 December (rule 7: it belongs to 2023); B was a duplicate; C a company.
        events.record(a, new ApplicationCorrected(a, LocalDate.parse("2024-02-01"), CorrectedField.receivedOn,
                                                  "2024-01-05", "2023-12-28", List.of(), "签收日期录入错误"), "zhao");
        events.record(b, new ApplicationCorrected(b, LocalDate.parse("2024-02-01"), CorrectedField.outcome,
                                                  "DISCLOSED", "NOT_PROCESSED_DUPLICATE", List.of(), "实为重复申请"), "zhao");
        events.record(c, new ApplicationCorrected(c, LocalDate.parse("2024-02-01"), CorrectedField.applicantType,
                                                  "NATURAL_PERSON", "COMMERCIAL_ENTERPRISE", List.of(), "申请人为企业"), "zhao");
        events.awaitProjections();

        // As of the instant noted: exactly what was answered then.
        assertThat(withoutAsOf(report(2023, noted))).isEqualTo(withoutAsOf(answered2023));
        assertThat(withoutAsOf(report(2024, noted))).isEqualTo(withoutAsOf(answered2024));
        assertThat(withoutAsOf(application(a, noted))).isEqualTo(withoutAsOf(answeredA));
        assertThat(application(a, noted).get("receivedOn").asText()).isEqualTo("2024-01-05");
        assertThat(answered2023.at("/applications/NEW/TOTAL").asInt()).isEqualTo(2);
        assertThat(answered2023.at("/applications/DISCLOSED/NATURAL_PERSON").asInt()).isEqualTo(1);

        // Now: the corrected figures.
        JsonNode now2023 = report(2023, null);
        assertThat(now2023.at("/applications/NEW/NATURAL_PERSON").asInt()).isEqualTo(2);       // A and B
        assertThat(now2023.at("/applications/NEW/COMMERCIAL_ENTERPRISE").asInt()).isEqualTo(1); // C
        assertThat(now2023.at("/applications/NEW/TOTAL").asInt()).isEqualTo(3);
        assertThat(now2023.at("/applications/DISCLOSED/TOTAL").asInt()).isZero();
        assertThat(now2023.at("/applications/NOT_PROCESSED_DUPLICATE/NATURAL_PERSON").asInt()).isEqualTo(1);
        assertThat(now2023.at("/applications/CARRIED_FORWARD/TOTAL").asInt()).isEqualTo(2);
        JsonNode now2024 = report(2024, null);
        assertThat(now2024.at("/applications/NEW/TOTAL").asInt()).isZero();
        assertThat(now2024.at("/applications/CARRIED_OVER/TOTAL").asInt()).isEqualTo(2);
        assertThat(application(a, null).get("receivedOn").asText()).isEqualTo("2023-12-28");
        assertThat(now2023.get("checks").size()).isEqualTo(6);
        now2023.get("checks").forEach(check -> assertThat(check.get("passed").asBoolean()).as(check.toString()).isTrue());

        // The difference for 2023, cell by cell, with the correcting events.
        JsonNode diff = ok(auditor.get("/api/agencies/" + AGENCY + "/reports/2023/diff?from=" + encode(noted)));
        Map<String, JsonNode> changes = new HashMap<>();
        diff.get("changes").forEach(change -> changes.put(change.get("rowKey").asText() + "/" + change.get("columnKey").asText(), change));
        assertThat(changes).containsOnlyKeys("NEW/COMMERCIAL_ENTERPRISE", "NEW/TOTAL", "DISCLOSED/NATURAL_PERSON",
                                             "DISCLOSED/TOTAL", "NOT_PROCESSED_DUPLICATE/NATURAL_PERSON",
                                             "NOT_PROCESSED_DUPLICATE/TOTAL", "CARRIED_FORWARD/COMMERCIAL_ENTERPRISE",
                                             "CARRIED_FORWARD/TOTAL");
        String correctionOfA = correctionOf(a);
        String correctionOfB = correctionOf(b);
        String correctionOfC = correctionOf(c);
        expectChange(changes.get("NEW/TOTAL"), 2, 3, Map.of(correctionOfA, 1));
        expectChange(changes.get("NEW/COMMERCIAL_ENTERPRISE"), 0, 1, Map.of(correctionOfC, 1));
        expectChange(changes.get("DISCLOSED/NATURAL_PERSON"), 1, 0, Map.of(correctionOfB, -1));
        expectChange(changes.get("NOT_PROCESSED_DUPLICATE/NATURAL_PERSON"), 0, 1, Map.of(correctionOfB, 1));
        expectChange(changes.get("CARRIED_FORWARD/TOTAL"), 1, 2, Map.of(correctionOfA, 1));
        JsonNode cause = changes.get("NEW/TOTAL").get("events").get(0);
        assertThat(cause.get("type").asText()).isEqualTo("ApplicationCorrected");
        assertThat(cause.get("actor").asText()).isEqualTo("zhao");
        assertThat(cause.get("caseId").asText()).isEqualTo(a);
        assertThat(Instant.parse(cause.get("recordedAt").asText())).isAfter(noted);
        List<String> named = new ArrayList<>();
        diff.get("events").forEach(e -> named.add(e.get("eventId").asText()));
        assertThat(named).containsExactly(correctionOfA, correctionOfB, correctionOfC);
        // the auditor reads what moved and when, not the clerk's free-text reason, which may name people (docs/personal-data.md)
        assertThat(diff.get("events").get(0).get("summary").asText()).contains("2024-01-05").contains("2023-12-28")
                                                                       .doesNotContain("签收日期录入错误");

        // 2024 lost A's receipt and gained its carrying over.
        JsonNode diff2024 = ok(auditor.get("/api/agencies/" + AGENCY + "/reports/2024/diff?from=" + encode(noted)
                                           + "&to=" + encode(Instant.now())));
        Map<String, JsonNode> changes2024 = new HashMap<>();
        diff2024.get("changes").forEach(change -> changes2024.put(change.get("rowKey").asText() + "/" + change.get("columnKey").asText(), change));
        expectChange(changes2024.get("NEW/NATURAL_PERSON"), 1, 0, Map.of(correctionOfA, -1));
        expectChange(changes2024.get("CARRIED_OVER/TOTAL"), 1, 2, Map.of(correctionOfA, 1));

        // Nothing changed between two instants before the corrections.
        JsonNode quiet = ok(auditor.get("/api/agencies/" + AGENCY + "/reports/2023/diff?from=" + encode(noted.minusMillis(5))
                                        + "&to=" + encode(noted)));
        assertThat(quiet.get("changes")).isEmpty();
        assertThat(auditor.get("/api/agencies/" + AGENCY + "/reports/2023/diff?from=" + encode(noted)
                               + "&to=" + encode(noted.minusSeconds(1))).status()).isEqualTo(400);
        assertThat(auditor.get("/api/agencies/" + AGENCY + "/reports/2023/diff?from=yesterday").status()).isEqualTo(400);
        assertThat(auditor.get("/api/agencies/other/reports/2023/diff?from=" + encode(noted)).status()).isEqualTo(403);
    }

    private static void expectChange(JsonNode change, int from, int to, Map<String, Integer> causes) {
        assertThat(change).as("a change").isNotNull();
        assertThat(change.get("from").asInt()).as(change.toString()).isEqualTo(from);
        assertThat(change.get("to").asInt()).as(change.toString()).isEqualTo(to);
        assertThat(change.get("difference").asInt()).isEqualTo(to - from);
        Map<String, Integer> named = new HashMap<>();
        change.get("events").forEach(e -> named.put(e.get("eventId").asText(), e.get("effect").asInt()));
        assertThat(named).as(change.toString()).isEqualTo(causes);
    }

    private static String correctionOf(String caseId) {
        return events.jdbc().queryForObject("select event_identifier from command_side.domain_event_entry where "
                                            + "aggregate_identifier = ? and payload_type like '%ApplicationCorrected'",
                                            String.class, caseId);
    }

    private static JsonNode report(int year, Instant asOf) {
        return ok(auditor.get("/api/agencies/" + AGENCY + "/reports/" + year + (asOf == null ? "" : "?asOf=" + encode(asOf))));
    }

    private static JsonNode application(String id, Instant asOf) {
        return ok(auditor.get("/api/applications/" + id + (asOf == null ? "" : "?asOf=" + encode(asOf))));
    }

    /**
     * An answer without what differs by construction: the instant asked for, and the report's
     * timeliness, which is given for the present only (it stands beside the national tables, not in them).
     */
    private static JsonNode withoutAsOf(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove("asOf");
        copy.remove("timeliness");
        return copy;
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
