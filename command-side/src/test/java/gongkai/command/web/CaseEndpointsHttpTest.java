package gongkai.command.web;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoints of docs/http-api.md ("Reconsiderations and lawsuits", "Proactive disclosure and the year's text") for
 * reconsiderations, lawsuits, the proactive register and the year's text, over real HTTP.
 */
class CaseEndpointsHttpTest {

    private static RunningCommandSide commandSide;
    private static Http clerk;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        clerk = commandSide.agencyWithClerk("xiaoying", "li");
        commandSide.agencyWithClerk("luanping", "wang");
    }

    @AfterAll
    static void stop() {
        commandSide.close();
    }

    @Test
    void aNewReviewIsAnswered201ARepeat200AndADecision200() {
        String id = UUID.randomUUID().toString();
        String body = "{\"reviewId\":\"" + id.toUpperCase() + "\",\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-01-10\"}";
        Http.Response created = clerk.post("/api/reviews", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("reviewId").asText()).isEqualTo(id);
        assertThat(clerk.post("/api/reviews", body).status()).isEqualTo(200);
        assertThat(clerk.post("/api/reviews/" + id + "/decision", "{\"decidedOn\":\"2024-03-01\",\"result\":\"CORRECTED\"}").status())
                .isEqualTo(200);
        problem(clerk.post("/api/reviews/" + id + "/decision", "{\"decidedOn\":\"2024-03-02\",\"result\":\"UPHELD\"}"), 409, null);
    }

    @Test
    void aReviewForAnotherAgencyOrWithABadIdIsBadInput() {
        problem(clerk.post("/api/reviews", "{\"agencyId\":\"luanping\",\"filedOn\":\"2024-01-10\"}"), 400, "agencyId");
        problem(clerk.post("/api/reviews", "{\"reviewId\":\"r-1\",\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-01-10\"}"), 400, "reviewId");
        problem(clerk.post("/api/reviews", "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2099-01-10\"}"), 400, "filedOn");
    }

    @Test
    void aLawsuitAfterReviewNamesTheReviewAndItsFinalJudgmentIsTheJsonKeyFinal() {
        problem(clerk.post("/api/lawsuits", "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-01-10\",\"route\":\"AFTER_REVIEW\"}"), 400, "reviewId");
        Http.Response filed = clerk.post("/api/lawsuits", "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-01-10\",\"route\":\"AFTER_REVIEW\",\"reviewId\":\""
                                                          + UUID.randomUUID() + "\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String id = filed.json().get("lawsuitId").asText();
        problem(clerk.post("/api/lawsuits/" + id + "/judgment", "{\"decidedOn\":\"2024-02-01\",\"result\":\"UPHELD\"}"), 400, "final");
        assertThat(clerk.post("/api/lawsuits/" + id + "/judgment", "{\"decidedOn\":\"2024-02-01\",\"result\":\"UPHELD\",\"final\":false}").status())
                .isEqualTo(200);
        assertThat(clerk.post("/api/lawsuits/" + id + "/judgment", "{\"decidedOn\":\"2024-05-01\",\"result\":\"CORRECTED\",\"final\":true}").status())
                .isEqualTo(200);
        problem(clerk.post("/api/lawsuits/" + id + "/judgment", "{\"decidedOn\":\"2024-06-01\",\"result\":\"OTHER\",\"final\":true}"), 409, null);
    }

    @Test
    void theRegisterOfAnotherAgencyIsForbidden() {
        problem(clerk.post("/api/agencies/luanping/documents", "{\"kind\":\"RULE\",\"title\":\"规章\",\"issuedOn\":\"2024-01-10\"}"), 403, null);
        problem(clerk.put("/api/agencies/luanping/reports/2023/narrative", "{\"overview\":\"a\",\"problems\":\"b\",\"other\":\"c\"}"), 403, null);
    }

    @Test
    void theProactiveRegisterRecordsDocumentsTalliesFeesAndPublications() {
        Http.Response document = clerk.post("/api/agencies/xiaoying/documents", "{\"kind\":\"NORMATIVE_DOCUMENT\",\"title\":\"文件\",\"issuedOn\":\"2023-03-01\"}");
        assertThat(document.status()).as(document.body()).isEqualTo(201);
        String documentId = document.json().get("documentId").asText();
        assertThat(clerk.post("/api/agencies/xiaoying/documents/" + documentId + "/repeal", "{\"repealedOn\":\"2024-03-01\"}").status()).isEqualTo(200);
        problem(clerk.post("/api/agencies/xiaoying/documents/" + documentId + "/repeal", "{\"repealedOn\":\"2024-03-02\"}"), 409, null);
        assertThat(clerk.post("/api/agencies/xiaoying/documents/opening-balance", "{\"asOf\":\"2023-01-01\",\"rules\":0,\"normativeDocuments\":4}").status()).isEqualTo(201);
        problem(clerk.post("/api/agencies/xiaoying/documents/opening-balance", "{\"asOf\":\"2023-01-01\",\"rules\":1,\"normativeDocuments\":4}"), 409, null);
        assertThat(clerk.post("/api/agencies/xiaoying/decision-tallies", "{\"category\":\"LICENSING\",\"from\":\"2023-01-01\",\"to\":\"2023-12-31\",\"count\":274}").status()).isEqualTo(201);
        problem(clerk.post("/api/agencies/xiaoying/decision-tallies", "{\"category\":\"LICENSING\",\"from\":\"2023-02-01\",\"to\":\"2023-01-31\",\"count\":1}"), 400, null);
        assertThat(clerk.post("/api/agencies/xiaoying/fees", "{\"collectedOn\":\"2024-01-10\",\"amountYuan\":\"12.50\"}").status()).isEqualTo(201);
        problem(clerk.post("/api/agencies/xiaoying/fees", "{\"collectedOn\":\"2024-01-10\",\"amountYuan\":\"0\"}"), 400, "amountYuan");
        assertThat(clerk.post("/api/agencies/xiaoying/publications", "{\"category\":\"行政许可类\",\"title\":\"许可\",\"publishedOn\":\"2023-05-01\"}").status()).isEqualTo(201);
    }

    @Test
    void theNarrativeIsPutAsAWhole() {
        Http.Response written = clerk.put("/api/agencies/xiaoying/reports/2023/narrative",
                                          "{\"overview\":\"总体情况\",\"problems\":\"问题\",\"other\":\"其他\"}");
        assertThat(written.status()).as(written.body()).isEqualTo(200);
        problem(clerk.put("/api/agencies/xiaoying/reports/2023/narrative", "{\"overview\":\"总体情况\",\"colour\":1}"), 400, null);
    }

    @Test
    void aReportOfAYearThatIsOverIsPublished201AndMayBePublishedAgain() {
        Http.Response first = clerk.post("/api/agencies/xiaoying/reports/2023/publication", "");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("publication").asInt()).isEqualTo(1);
        assertThat(clerk.post("/api/agencies/xiaoying/reports/2023/publication", "").json().get("publication").asInt())
                .isEqualTo(2);
        problem(clerk.post("/api/agencies/xiaoying/reports/2099/publication", ""), 400, "year");
        problem(clerk.post("/api/agencies/luanping/reports/2023/publication", ""), 403, null);
    }

    private static void problem(Http.Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(response.json().get("errors").findValuesAsText("field")).as(response.body()).contains(field);
        }
    }
}
