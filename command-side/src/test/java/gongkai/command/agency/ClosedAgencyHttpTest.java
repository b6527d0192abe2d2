package gongkai.command.agency;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A closed agency records nothing more (docs/agencies.md, "Closing"): its clerks' commands are refused with a
 * problem and write no event, whatever they touch; its open cases are its successor's, whose clerks record on
 * them; the public form no longer offers it nor accepts a submission to it.
 */
class ClosedAgencyHttpTest {

    private static final String PAGES_PASSWORD = "pages-secret-1";
    private static final java.time.LocalDate TODAY = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

    private static RunningCommandSide commandSide;
    private static Http closedClerk;
    private static Http successorClerk;
    private static Http admin;
    private static JdbcTemplate jdbc;
    private static String openCase;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase("--gongkai.pages.password=" + PAGES_PASSWORD);
        admin = commandSide.admin();
        closedClerk = commandSide.agencyWithClerk("liangjianfang", "ma");
        successorClerk = commandSide.agencyWithClerk("bakeshiying", "niu");
        jdbc = commandSide.context().getBean(JdbcTemplate.class);
        openCase = receive(closedClerk, "liangjianfang");
        Http.Response closed = admin.post("/api/admin/agencies/liangjianfang/closure",
                                          "{\"successorId\":\"bakeshiying\"}");
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        closingHeard();
    }

    /**
     * The clerk was signed in (and kept in memory) before the closing, which reaches the kept account when
     * PostgreSQL delivers its notification: awaited with a command on no case, 404 while the agency is open.
     */
    private static void closingHeard() {
        String noCase = "/api/applications/" + UUID.randomUUID() + "/conclusion";
        String body = "{\"concludedOn\":\"" + TODAY + "\",\"outcome\":\"DISCLOSED\"}";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (closedClerk.post(noCase, body).status() != 409 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }

    @AfterAll
    static void stop() {
        commandSide.close();
    }

    @Test
    void aClerkOfAClosedAgencyRecordsNothingNewNorOnTheCasesItHadAndNoEventIsWritten() {
        long events = events();

        refused(closedClerk.post("/api/applications", application(UUID.randomUUID().toString(), "liangjianfang")));
        refused(closedClerk.post("/api/applications/" + openCase + "/conclusion",
                                 "{\"concludedOn\":\"" + TODAY + "\",\"outcome\":\"DISCLOSED\"}"));
        refused(closedClerk.post("/api/reviews", "{\"reviewId\":\"" + UUID.randomUUID()
                                                 + "\",\"agencyId\":\"liangjianfang\",\"filedOn\":\"" + TODAY + "\"}"));

        assertThat(events()).as("no event").isEqualTo(events);
    }

    @Test
    void theSuccessorsClerkRecordsOnTheClosedAgencysOpenCase() {
        Http.Response answered = successorClerk.post("/api/applications/" + openCase + "/conclusion",
                                                     "{\"concludedOn\":\"" + TODAY + "\",\"outcome\":\"DISCLOSED\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    }

    @Test
    void thePublicFormNeitherOffersNorAcceptsAClosedAgency() {
        Http pages = commandSide.as("pages", PAGES_PASSWORD);
        assertThat(pages.get("/api/public/agencies").json().findValuesAsText("agencyId"))
                .contains("bakeshiying").doesNotContain("liangjianfang");
        long events = events();
        Http.Response submitted = pages.post("/api/public/applications", """
                {"agencyId":"liangjianfang","applicantType":"NATURAL_PERSON",
                 "applicant":{"name":"申请人","idNumber":"11010519491231002X","phone":"13700001111"},"request":"信息"}""");
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(400);
        assertThat(submitted.contentType()).startsWith("application/problem+json");
        assertThat(submitted.json().get("errors").findValuesAsText("field")).contains("agencyId");
        assertThat(events()).isEqualTo(events);
    }

    private static void refused(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains("撤销").contains("closed on " + TODAY);
    }

    private static long events() {
        return jdbc.queryForObject("select count(*) from command_side.domain_event_entry", Long.class);
    }

    private static String receive(Http clerk, String agency) {
        String id = UUID.randomUUID().toString();
        Http.Response received = clerk.post("/api/applications", application(id, agency));
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        return id;
    }

    private static String application(String id, String agency) {
        return """
                {"applicationId":"%s","agencyId":"%s","receivedOn":"2024-12-30","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"申请人"},"request":"信息"}""".formatted(id, agency);
    }
}
