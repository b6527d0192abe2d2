package gongkai.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import gongkai.query.calendar.CalendarProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static gongkai.query.endtoend.BothSidesOnWednesday6March2024.application;
import static gongkai.query.endtoend.BothSidesOnWednesday6March2024.ok;
import static gongkai.query.endtoend.BothSidesOnWednesday6March2024.receive;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator publishes calendar years through the command side; the query side recomputes the
 * due dates they touch, and only those, and says why they moved. A system of its own: the publications
 * change the calendar every application counts on.
 */
@ExtendWith(OutputCaptureExtension.class)
class CalendarPublicationEndToEndTest {

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static Http admin;
    private static Http clerk;
    private static Http head;
    private static Http reader;

    @BeforeAll
    static void start() {
        // Today is fixed on both sides: the command side's far in the future, so that a case in a year no
        // official calendar will ever have shipped can be recorded; the query side's in 2024, for the worklist.
        commandSide = RunningCommandSide.onNewDatabase("--gongkai.business-date=2099-06-01");
        // A processor starting on a stream it never read leaves all but the last event to what it finds by type
        // (the calendars' first start).
        querySide = RunningQuerySide.on(commandSide.databaseUrl(), "--gongkai.business-date=2024-03-06",
                                        "--gongkai.processors.first-start-behind=1");
        admin = commandSide.admin();
        clerk = commandSide.agencyWithClerk("replace", "zhou");
        head = commandSide.supervisorIn("replace", "sun");
        reader = querySide.as("zhou", "zhou-password");
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void replacingThe2024CalendarMovesExactlyTheDueDatesItTouches() throws IOException {
        PersonCounting before = PersonCounting.official2024();
        PersonCounting after = PersonCounting.official2024With("2024-03-01");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("A: open, its period spans Fri 1 Mar", receive(clerk, "replace", "2024-02-05"));
        cases.put("B: open, received after 1 Mar", receive(clerk, "replace", "2024-03-04"));
        String answered = receive(clerk, "replace", "2024-02-05");
        ok(clerk.post("/api/applications/" + answered + "/conclusion", "{\"concludedOn\":\"2024-02-20\",\"outcome\":\"DISCLOSED\"}"));
        cases.put("C: answered, its period spans 1 Mar", answered);
        cases.put("D: received in 2025", receive(clerk, "replace", "2025-01-06"));
        String consulting = receive(clerk, "replace", "2024-02-05");
        ok(clerk.post("/api/applications/" + consulting + "/consultation", "{\"startedOn\":\"2024-02-19\",\"party\":\"甲\"}"));
        cases.put("E: paused since 19 Feb", consulting);
        String supplement = receive(clerk, "replace", "2024-02-26");
        ok(clerk.post("/api/applications/" + supplement + "/supplement-request",
                      "{\"requestedOn\":\"2024-02-27\",\"replyBy\":\"2024-03-12\"}"));
        cases.put("F: awaiting a supplement, its request deadline spans 1 Mar", supplement);
        cases.put("G: open, due before 1 Mar", receive(clerk, "replace", "2024-01-02"));

        Map<String, JsonNode> was = new LinkedHashMap<>();
        Map<String, Integer> historyBefore = new LinkedHashMap<>();
        cases.forEach((name, id) -> {
            was.put(name, application(reader, id));
            historyBefore.put(name, history(id).size());
        });
        assertThat(was.get("A: open, its period spans Fri 1 Mar").get("dueOn").asText())
                .isEqualTo(before.nthWorkingDayAfter("2024-02-05", 20).toString()).isEqualTo("2024-03-08");
        assertThat(was.get("F: awaiting a supplement, its request deadline spans 1 Mar").get("supplementRequestDeadline").asText())
                .isEqualTo(before.nthWorkingDayAfter("2024-02-26", 7).toString()).isEqualTo("2024-03-06");

        // The administrator replaces 2024: the shipped text, another notice, and Fri 1 Mar off as well.
        String amended = shipped2024().replace("notice: 国办发明电〔2023〕7号", "notice: 国办发明电〔2023〕7号（测试更正）")
                         + "off: 2024-03-01   # (test) one more day off\n";
        Http.Response published = admin.put("/api/admin/calendars/2024", "text/plain; charset=UTF-8", amended);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(10));

        Set<String> moved = Set.of("A: open, its period spans Fri 1 Mar", "C: answered, its period spans 1 Mar",
                                   "F: awaiting a supplement, its request deadline spans 1 Mar");
        cases.forEach((name, id) -> {
            JsonNode now = application(reader, id);
            JsonNode changes = history(id);
            if (moved.contains(name)) {
                assertThat(changes.size()).as(name).isEqualTo(historyBefore.get(name) + 1);
                JsonNode last = changes.get(changes.size() - 1);
                assertThat(last.get("cause").asText()).as(name)
                        .isEqualTo("2024 年工作日历更新：国办发明电〔2023〕7号（测试更正） (WorkingDayCalendarPublished)");
                assertThat(last.get("causedByEventId").asText()).as(name).isNotBlank();
            } else {
                assertThat(changes.size()).as(name + ": no move recorded").isEqualTo(historyBefore.get(name));
                assertThat(now.get("dueOn")).as(name).isEqualTo(was.get(name).get("dueOn"));
                assertThat(now.get("dueExplanation")).as(name).isEqualTo(was.get(name).get("dueExplanation"));
                assertThat(now.get("supplementRequestDeadline")).as(name).isEqualTo(was.get(name).get("supplementRequestDeadline"));
            }
        });
        assertThat(application(reader, cases.get("A: open, its period spans Fri 1 Mar")).get("dueOn").asText())
                .isEqualTo(after.nthWorkingDayAfter("2024-02-05", 20).toString()).isEqualTo("2024-03-11");
        assertThat(application(reader, answered).get("dueOn").asText()).isEqualTo("2024-03-11");
        assertThat(application(reader, supplement).get("supplementRequestDeadline").asText())
                .isEqualTo(after.nthWorkingDayAfter("2024-02-26", 7).toString()).isEqualTo("2024-03-07");
        assertThat(application(reader, consulting).get("workingDaysLeft").asInt()).isEqualTo(14); // 6 counted before 1 Mar

        JsonNode y2024 = reader.get("/api/calendars/2024").json();
        assertThat(y2024.get("source").asText()).isEqualTo("PUBLISHED");
        assertThat(y2024.get("notice").asText()).isEqualTo("国办发明电〔2023〕7号（测试更正）");
        assertThat(y2024.get("daysOff").toString()).contains("2024-03-01");
    }

    @Test
    void aYearWithoutACalendarLeavesTheDueDateUnknownWithTheReasonUntilAnAdministratorAddsIt() {
        // Years far from any official calendar, so that none ships one: 2098 is given a test calendar, 2099 none.
        Http.Response y2098 = admin.put("/api/admin/calendars/2098", "text/plain; charset=UTF-8", """
                year: 2098
                notice: 2098 年节假日安排（测试数据）
                off: 2098-10-01..2098-10-07
                """);
        assertThat(y2098.status()).as(y2098.body()).isEqualTo(200);
        // Received Mon 1 Dec 2098, extended by 10: the period of 30 working days runs into 2099, which has no
        // calendar. Recording is never refused for it.
        String id = receive(clerk, "replace", "2098-12-01");
        ok(head.post("/api/applications/" + id + "/extension",
                      "{\"extendedOn\":\"2098-12-02\",\"workingDays\":10,\"reason\":\"需要调取档案\"}"));
        JsonNode unknown = application(reader, id);
        assertThat(unknown.get("dueOn").isNull()).isTrue();
        assertThat(unknown.get("dueUnknownReason").asText()).isEqualTo("2099 年工作日历尚未录入 (no working-day calendar for 2099)");
        assertThat(unknown.get("dueExplanation").asText()).contains("答复期限无法计算");
        assertThat(unknown.get("workingDaysLeft").isNull()).isTrue();
        JsonNode years = reader.get("/api/calendars").json().get("years");
        assertThat(years.toString()).doesNotContain("\"year\":2099");

        Http.Response published = admin.put("/api/admin/calendars/2099", "text/plain; charset=UTF-8", """
                year: 2099
                notice: 2099 年节假日安排（测试数据）
                off: 2099-01-01
                """);
        assertThat(published.status()).as(published.body()).isEqualTo(200);

        // 2–5, 8–12, 15–19, 22–26, 29–31 Dec 2098 = 22; Thu 1 Jan 2099 off; 2 Jan (23); 5–9 Jan (28); 12, 13 Jan (30).
        JsonNode known = application(reader, id);
        assertThat(known.get("dueOn").asText()).isEqualTo("2099-01-13");
        assertThat(known.get("dueUnknownReason").isNull()).isTrue();
        JsonNode changes = history(id);
        assertThat(changes.get(changes.size() - 1).get("cause").asText()).startsWith("2099 年工作日历更新");
        JsonNode y2099 = reader.get("/api/calendars/2099").json();
        assertThat(y2099.get("source").asText()).isEqualTo("PUBLISHED");
        assertThat(reader.get("/api/calendars/2097").status()).isEqualTo(404);
    }

    @Test
    void anAnswerCountedWithoutADueDateCountsOnTimeOnceTheMissingYearIsAdded() {
        // Received Tue 20 Dec 2022 (gongkai ships no 2022 calendar), answered Tue 10 Jan 2023.
        String id = receive(clerk, "replace", "2022-12-20");
        ok(clerk.post("/api/applications/" + id + "/conclusion", "{\"concludedOn\":\"2023-01-10\",\"outcome\":\"DISCLOSED\"}"));
        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(10));
        JsonNode before = reader.get("/api/agencies/replace/reports/2023/timeliness").json();
        assertThat(before.get("answered").asInt()).isEqualTo(1);
        assertThat(before.get("answeredWithoutDueDate").asInt()).isEqualTo(1);
        assertThat(before.get("medianWorkingDaysToAnswer").isNull()).isTrue();

        Http.Response published = admin.put("/api/admin/calendars/2022", "text/plain; charset=UTF-8", """
                year: 2022
                notice: 2022 年节假日安排（测试数据）
                off: 2022-10-03..2022-10-07
                """);
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(10));

        // 21–23, 26–30 Dec = 8; 1–2 Jan off (shipped 2023); 3–6 Jan (12), 9–10 Jan: answered after 14 working
        // days; due after 20: 11–13, 16–18 Jan, so Wed 18 Jan 2023.
        assertThat(application(reader, id).get("dueOn").asText()).isEqualTo("2023-01-18");
        JsonNode after = reader.get("/api/agencies/replace/reports/2023/timeliness").json();
        assertThat(after.get("answered").asInt()).isEqualTo(1);
        assertThat(after.get("answeredOnTime").asInt()).isEqualTo(1);
        assertThat(after.get("answeredWithoutDueDate").asInt()).isZero();
        assertThat(after.get("medianWorkingDaysToAnswer").decimalValue()).isEqualByComparingTo("14");
    }

    @Test
    void calendarsStartingOnAHistoryTheyNeverReadFindItsPublicationsByTypeAndStartAfterThem(CapturedOutput output) {
        Http.Response y2096 = admin.put("/api/admin/calendars/2096", "text/plain; charset=UTF-8", """
                year: 2096
                notice: 2096 年节假日安排（测试数据）
                off: 2096-10-01..2096-10-05
                """);
        assertThat(y2096.status()).as(y2096.body()).isEqualTo(200);
        receive(clerk, "replace", "2096-03-01");
        receive(clerk, "replace", "2096-03-02");
        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(10));

        // as on a query side restored without the calendars' tables
        StreamingEventProcessor calendars = querySide.context().getBean(EventProcessingConfiguration.class)
                                                     .eventProcessor(CalendarProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                                                     .orElseThrow();
        JdbcTemplate jdbc = querySide.context().getBean(JdbcTemplate.class);
        calendars.shutDown();
        jdbc.update("delete from token_entry where processor_name = ?", CalendarProjection.PROCESSING_GROUP);
        jdbc.update("delete from working_day_calendar");
        assertThat(reader.get("/api/calendars/2096").status()).isEqualTo(404);
        long head = jdbc.queryForObject("select max(global_index) from command_side.domain_event_entry", Long.class);
        long publications = jdbc.queryForObject("select count(*) from command_side.domain_event_entry "
                                                + "where payload_type like '%.WorkingDayCalendarPublished' and global_index < ?",
                                                Long.class, head);

        calendars.start();
        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(10));

        assertThat(output).contains("The calendars start after position " + (head - 1) + ", with the " + publications
                                    + " publications of calendar years before it");
        JsonNode y2096Again = reader.get("/api/calendars/2096").json();
        assertThat(y2096Again.get("source").asText()).isEqualTo("PUBLISHED");
        assertThat(y2096Again.get("daysOff").toString()).contains("2096-10-05");
    }

    private static JsonNode history(String id) {
        Http.Response history = reader.get("/api/applications/" + id + "/due-history");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        return history.json().get("changes");
    }

    private static String shipped2024() throws IOException {
        try (InputStream in = CalendarPublicationEndToEndTest.class.getClassLoader().getResourceAsStream("gongkai/calendar/2024.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
