package gongkai.command.application;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side's HTTP contract (docs/http-api.md, "Applications (command side)" and "Errors"), through the real
 * server on a real PostgreSQL.
 */
class ApplicationHttpContractTest {

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

    static String application(String id, String receivedOn) {
        return """
               {"applicationId":"%s","agencyId":"xiaoying","receivedOn":"%s","channel":"ONLINE",
                "applicantType":"NATURAL_PERSON",
                "applicant":{"name":"张三","idNumber":"110101199001011234","phone":"13800000000"},
                "request":"2023年道路维修预算"}""".formatted(id, receivedOn);
    }

    @Test
    void receivingAnApplicationAnswers201WithItsIdAndRecordsOneEvent() {
        String id = UUID.randomUUID().toString();
        long before = events();
        Http.Response response = clerk.post("/api/applications", application(id, "2023-03-02"));
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("applicationId").asText()).isEqualTo(id);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void theSameReceiptRepeatedIsAnswered200AndWritesNothing() {
        String id = UUID.randomUUID().toString();
        assertThat(clerk.post("/api/applications", application(id, "2023-03-02")).status()).isEqualTo(201);
        long before = events();
        Http.Response repeat = clerk.post("/api/applications", application(id, "2023-03-02"));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().get("applicationId").asText()).isEqualTo(id);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void theSameIdWithAnotherBodyIsAConflict() {
        String id = UUID.randomUUID().toString();
        assertThat(clerk.post("/api/applications", application(id, "2023-03-02")).status()).isEqualTo(201);
        assertProblem(clerk.post("/api/applications", application(id, "2023-03-03")), 409);
    }

    @Test
    void withoutAnIdGongkaiChoosesOne() {
        Http.Response response = clerk.post("/api/applications", application(UUID.randomUUID().toString(), "2023-03-02")
                .replaceFirst("\"applicationId\":\"[^\"]+\",", ""));
        assertThat(response.status()).isEqualTo(201);
        assertThat(UUID.fromString(response.json().get("applicationId").asText())).isNotNull();
    }

    @Test
    void badInputIs400ProblemJsonNamingTheFieldAndWritesNothing() {
        long before = events();
        String id = UUID.randomUUID().toString();
        assertProblem(clerk.post("/api/applications", "{not json"), 400);
        assertField(clerk.post("/api/applications", application(id, "2023-03-02").replace("ONLINE", "PIGEON")), "channel");
        assertField(clerk.post("/api/applications", application(id, "2023-02-30")), "receivedOn");
        assertField(clerk.post("/api/applications", application(id, "2099-01-01")), "receivedOn");
        assertField(clerk.post("/api/applications", application(id, "2023-03-02").replace("\"channel\":\"ONLINE\",", "")), "channel");
        assertField(clerk.post("/api/applications", application(id, "2023-03-02").replace("\"channel\"", "\"colour\":1,\"channel\"")), "colour");
        assertField(clerk.post("/api/applications", application("not-a-uuid", "2023-03-02")), "applicationId");
        Http.Response problem = clerk.post("/api/applications", application(id, "2023-03-02").replace("ONLINE", "PIGEON"));
        assertThat(problem.body()).doesNotContain("张三").doesNotContain("110101199001011234");
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void anUnknownCaseIs404() {
        assertProblem(clerk.post("/api/applications/" + UUID.randomUUID() + "/withdrawal", "{\"withdrawnOn\":\"2023-03-04\"}"), 404);
    }

    @Test
    void aCommandTheStateDoesNotAllowIs409AndWritesNothing() {
        String id = UUID.randomUUID().toString();
        clerk.post("/api/applications", application(id, "2023-03-02"));
        assertThat(clerk.post("/api/applications/" + id + "/conclusion",
                              "{\"concludedOn\":\"2023-03-20\",\"outcome\":\"DISCLOSED\"}").status()).isEqualTo(200);
        long before = events();
        assertProblem(clerk.post("/api/applications/" + id + "/extension-request",
                                 "{\"requestedOn\":\"2023-03-21\",\"workingDays\":5,\"reason\":\"复杂\"}"), 409);
        assertThat(events()).isEqualTo(before);
    }

    @Test
    void aRequestWithoutCredentialsIs401AndAClerkOfAnotherAgencyCannotTouchTheCase() {
        Http anonymous = new Http(commandSide.baseUrl(), null, null);
        assertProblem(anonymous.post("/api/applications", application(UUID.randomUUID().toString(), "2023-03-02")), 401);
        Http otherClerk = commandSide.agencyWithClerk("other-town", "wang");
        String id = UUID.randomUUID().toString();
        clerk.post("/api/applications", application(id, "2023-03-02"));
        assertProblem(otherClerk.post("/api/applications/" + id + "/withdrawal", "{\"withdrawnOn\":\"2023-03-04\"}"), 404);
        assertProblem(otherClerk.post("/api/applications", application(UUID.randomUUID().toString(), "2023-03-02")), 400);
        assertProblem(commandSide.admin().post("/api/applications", application(UUID.randomUUID().toString(), "2023-03-02")), 403);
    }

    @Test
    void anApplicationIdReusedForAnotherKindOfCaseIsRefusedWithoutHarm() {
        String id = UUID.randomUUID().toString();
        clerk.post("/api/applications", application(id, "2023-03-02"));
        long before = events();
        Http.Response review = clerk.post("/api/reviews", "{\"reviewId\":\"" + id + "\",\"agencyId\":\"xiaoying\",\"filedOn\":\"2023-05-02\"}");
        assertThat(review.status()).as(review.body()).isIn(404, 409);
        Http.Response decision = clerk.post("/api/reviews/" + id + "/decision", "{\"decidedOn\":\"2023-06-02\",\"result\":\"UPHELD\"}");
        assertThat(decision.status()).as(decision.body()).isIn(404, 409);
        assertThat(events()).isEqualTo(before);
        assertThat(clerk.post("/api/applications/" + id + "/withdrawal", "{\"withdrawnOn\":\"2023-03-04\"}").status()).isEqualTo(200);
    }

    @Test
    void theServiceKeepsServingAfterBadInput() {
        for (int i = 0; i < 20; i++) {
            clerk.post("/api/applications", "[" + "{".repeat(i));
        }
        assertThat(clerk.post("/api/applications", application(UUID.randomUUID().toString(), "2023-03-02")).status())
                .isEqualTo(201);
    }

    static void assertProblem(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.json().get("title").asText()).isNotBlank();
        assertThat(response.json().get("detail").asText()).isNotBlank();
    }

    static void assertField(Http.Response response, String field) {
        assertProblem(response, 400);
        assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
    }

    private static long events() {
        try (Connection c = DriverManager.getConnection(commandSide.databaseUrl(), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select count(*) from command_side.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
