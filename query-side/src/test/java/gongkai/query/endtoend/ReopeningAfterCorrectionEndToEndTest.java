package gongkai.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reconsideration that corrects (纠正) an answer reopens the application; the new answer is recorded
 * on it. Table 三 keeps counting the application once, under its first answer; table 四 counts the
 * correction. Through HTTP on both services.
 */
class ReopeningAfterCorrectionEndToEndTest {

    @Test
    void aCorrectedAnswerIsAnsweredAgainOnTheSameApplicationAndCountedOnce() {
        try (RunningCommandSide commandSide = RunningCommandSide.onNewDatabase();
             RunningQuerySide querySide = RunningQuerySide.on(commandSide.databaseUrl())) {
            Http clerk = commandSide.agencyWithClerk("xiaoying", "li");
            Http reader = querySide.as("li", "li-password");
            String application = UUID.randomUUID().toString();
            ok(clerk.post("/api/applications", """
                    {"applicationId":"%s","agencyId":"xiaoying","receivedOn":"2023-03-01","channel":"MAIL",
                     "applicantType":"NATURAL_PERSON","applicant":{"name":"申请人"},"request":"会议纪要"}""".formatted(application)), 201);
            ok(clerk.post("/api/applications/" + application + "/conclusion",
                          "{\"concludedOn\":\"2023-03-20\",\"outcome\":\"WITHHELD_INTERNAL_AFFAIRS\"}"), 200);

            String upheld = review(clerk, application, "UPHELD");
            String corrected = review(clerk, application, "CORRECTED");
            String reopening = "{\"reopenedOn\":\"2023-06-05\",\"reviewId\":\"%s\",\"reason\":\"复议决定责令重新答复\"}";
            problem(clerk.post("/api/applications/" + application + "/reopening", reopening.formatted(upheld)), 409);
            problem(clerk.post("/api/applications/" + application + "/reopening",
                               "{\"reopenedOn\":\"2023-06-05\",\"reason\":\"无决定\"}"), 400);
            ok(clerk.post("/api/applications/" + application + "/reopening", reopening.formatted(corrected)), 200);

            JsonNode reopened = RunningQuerySide.await("the application REOPENED", () -> reader.get("/api/applications/" + application),
                                                       r -> r.status() == 200 && "REOPENED".equals(r.json().path("lifecycleState").asText()),
                                                       Duration.ofSeconds(10)).json();
            assertThat(reopened.get("lifecycleState").asText()).isEqualTo("REOPENED");
            assertThat(reopened.get("reopenedOn").asText()).isEqualTo("2023-06-05");

            ok(clerk.post("/api/applications/" + application + "/conclusion",
                          "{\"concludedOn\":\"2023-07-01\",\"outcome\":\"DISCLOSED\"}"), 200);
            JsonNode answered = RunningQuerySide.await("the application answered again (DISCLOSED)", () -> reader.get("/api/applications/" + application),
                                                       r -> r.status() == 200 && r.json().path("reanswerOutcome").asText().equals("DISCLOSED"),
                                                       Duration.ofSeconds(10)).json();
            assertThat(answered.get("reansweredOn").asText()).isEqualTo("2023-07-01");
            assertThat(answered.get("outcome").asText()).as("the first answer is the one table 三 counts")
                                                         .isEqualTo("WITHHELD_INTERNAL_AFFAIRS");

            RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(30));
            JsonNode report = reader.get("/api/agencies/xiaoying/reports/2023").json();
            assertThat(report.at("/applications/NEW/TOTAL").asInt()).isEqualTo(1);
            assertThat(report.at("/applications/WITHHELD_INTERNAL_AFFAIRS/TOTAL").asInt()).isEqualTo(1);
            assertThat(report.at("/applications/DISCLOSED/TOTAL").asInt()).isZero();
            assertThat(report.at("/applications/RESULT_TOTAL/TOTAL").asInt()).isEqualTo(1);
            assertThat(report.at("/reviewsAndLawsuits/REVIEW/CORRECTED").asInt()).isEqualTo(1);
            assertThat(report.at("/reviewsAndLawsuits/REVIEW/UPHELD").asInt()).isEqualTo(1);
            assertThat(report.get("checks").size()).isEqualTo(6);
            report.get("checks").forEach(check -> assertThat(check.get("passed").asBoolean()).as(check.toString()).isTrue());

            String history = reader.get("/api/applications/" + application + "/history").body();
            assertThat(history).contains("ApplicationReopened").contains(corrected);
        }
    }

    private static String review(Http clerk, String application, String result) {
        Http.Response filed = clerk.post("/api/reviews", "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2023-04-01\",\"applicationId\":\""
                                                         + application + "\",\"body\":\"县人民政府\"}");
        ok(filed, 201);
        String id = filed.json().get("reviewId").asText();
        ok(clerk.post("/api/reviews/" + id + "/decision", "{\"decidedOn\":\"2023-06-01\",\"result\":\"" + result + "\"}"), 200);
        return id;
    }

    private static void ok(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    private static void problem(Http.Response response, int status) {
        ok(response, status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }
}
