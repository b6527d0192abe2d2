package gongkai.command.calendar;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code PUT /api/admin/calendars/{year}} through the real command side, and the calendar it publishes
 * at work: the warning of a late supplement request (第三十条) is counted on the published calendar.
 */
class CalendarHttpTest {

    private static RunningCommandSide commandSide;
    private static Http admin;
    private static Http clerk;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        admin = commandSide.admin();
        clerk = commandSide.agencyWithClerk("xiaoying", "li");
    }

    @AfterAll
    static void stop() {
        commandSide.close();
    }

    static final String Y2025 = """
            year: 2025
            notice: 国办发明电〔2024〕12号
            off: 2025-01-01                # 元旦
            off: 2025-01-28..2025-02-04    # 春节
            work: 2025-01-26
            """;

    @Test
    void anAdminPublishesAYearAsPlainTextAndTheSameTextAgainRecordsNothing() {
        Http.Response first = admin.put("/api/admin/calendars/2025", "text/plain; charset=UTF-8", Y2025);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("recorded").asText()).isEqualTo("WorkingDayCalendarPublished");
        assertThat(first.json().get("notice").asText()).isEqualTo("国办发明电〔2024〕12号");

        Http.Response again = admin.put("/api/admin/calendars/2025", "text/plain", Y2025);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("recorded").asText()).isEqualTo("nothing");

        Http.Response asJson = admin.put("/api/admin/calendars/2025",
                                         "{\"text\":" + quoted(Y2025 + "off: 2025-03-03\n") + "}");
        assertThat(asJson.status()).as(asJson.body()).isEqualTo(200);
        assertThat(asJson.json().get("recorded").asText()).isEqualTo("WorkingDayCalendarPublished");
    }

    @Test
    void aTextThatIsNotACalendarIsA400ProblemNamingTheLine() {
        Http.Response bad = admin.put("/api/admin/calendars/2025", "text/plain; charset=UTF-8",
                                      Y2025 + "work: 2025-03-04\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("detail").asText()).contains("line 6");
        assertThat(bad.json().at("/errors/0/field").asText()).isEqualTo("text");

        Http.Response empty = admin.put("/api/admin/calendars/2025", "text/plain", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/field").asText()).isEqualTo("text");

        Http.Response unknownField = admin.put("/api/admin/calendars/2025", "{\"text\":\"x\",\"more\":1}");
        assertThat(unknownField.status()).isEqualTo(400);

        Http.Response notAYear = admin.put("/api/admin/calendars/twenty", "text/plain", Y2025);
        assertThat(notAYear.status()).isEqualTo(400);
        assertThat(notAYear.contentType()).startsWith("application/problem+json");
    }

    @Test
    void onlyAnAdminPublishesACalendar() {
        Http.Response asClerk = clerk.put("/api/admin/calendars/2025", "text/plain", Y2025);
        assertThat(asClerk.status()).isEqualTo(403);
        assertThat(asClerk.contentType()).startsWith("application/problem+json");
        Http.Response anonymous = admin.as(null, null).put("/api/admin/calendars/2025", "text/plain", Y2025);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aLateSupplementRequestIsWarnedAboutOnTheCalendarAsPublished() throws IOException {
        // Received Mon 5 Feb 2024: on the official calendar the 7th working day after it is Tue 20 Feb
        // (6–9 Feb, Sun 18 Feb worked, 19, 20 Feb). A request on Wed 21 Feb is recorded, with a warning.
        String late = receive("2024-02-05");
        Http.Response warned = clerk.post("/api/applications/" + late + "/supplement-request",
                                          "{\"requestedOn\":\"2024-02-21\",\"replyBy\":\"2024-03-06\"}");
        assertThat(warned.status()).as(warned.body()).isEqualTo(200);
        assertThat(warned.json().get("recorded").asText()).isEqualTo("SupplementRequested");
        assertThat(warned.json().get("warnings")).hasSize(1);
        assertThat(warned.json().get("warnings").get(0).asText()).contains("2024-02-20");

        String onTime = receive("2024-02-05");
        Http.Response quiet = clerk.post("/api/applications/" + onTime + "/supplement-request",
                                         "{\"requestedOn\":\"2024-02-20\",\"replyBy\":\"2024-03-06\"}");
        assertThat(quiet.json().get("warnings")).isEmpty();

        // The administrator replaces 2024 with Mon 19 Feb off as well: the 7th working day becomes Wed 21 Feb.
        Http.Response published = admin.put("/api/admin/calendars/2024", "text/plain; charset=UTF-8",
                                            shipped(2024) + "off: 2024-02-19   # (test) one more day off\n");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        String third = receive("2024-02-05");
        Http.Response nowOnTime = clerk.post("/api/applications/" + third + "/supplement-request",
                                             "{\"requestedOn\":\"2024-02-21\",\"replyBy\":\"2024-03-06\"}");
        assertThat(nowOnTime.status()).as(nowOnTime.body()).isEqualTo(200);
        assertThat(nowOnTime.json().get("warnings")).isEmpty();
    }

    private static String receive(String receivedOn) {
        String id = UUID.randomUUID().toString();
        Http.Response created = clerk.post("/api/applications", """
                {"applicationId":"%s","agencyId":"xiaoying","receivedOn":"%s","channel":"ONLINE",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"张三"},"request":"预算"}""".formatted(id, receivedOn));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return id;
    }

    static String shipped(int year) throws IOException {
        try (InputStream in = CalendarHttpTest.class.getClassLoader().getResourceAsStream("gongkai/calendar/" + year + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
