package gongkai.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The office's own workflow through HTTP on both services (today is Wed 6 March 2024): an extension needs the
 * approval of the head of the disclosure office (第三十三条), and an application passed to the competent agency
 * (转办) is signed for there, answered there and counted there only (docs/lifecycle.md, "Sign-in and transfer").
 */
class OfficeWorkflowEndToEndTest extends BothSidesOnWednesday6March2024 {

    @Test
    void onlyAnExtensionTheHeadOfTheOfficeApprovesMovesTheDueDateAndTheHistoryNamesBoth() {
        Http clerk = commandSide.agencyWithClerk("xiaoying", "li");
        Http head = commandSide.supervisorIn("xiaoying", "zhang");
        Http reader = querySide.as("li", "li-password");
        Http headReading = querySide.as("zhang", "zhang-password");
        String id = receive(clerk, "xiaoying", "2024-02-05");
        String due = person.nthWorkingDayAfter("2024-02-05", 20).toString();
        assertThat(application(reader, id).get("dueOn").asText()).isEqualTo(due).isEqualTo("2024-03-08");

        String path = "/api/applications/" + id;
        ok(clerk.post(path + "/extension-request", "{\"requestedOn\":\"2024-03-04\",\"workingDays\":10,\"reason\":\"需要调取档案\"}"));
        JsonNode requested = application(reader, id);
        assertThat(requested.get("dueOn").asText()).as("a request moves nothing").isEqualTo(due);
        assertThat(requested.get("extensionRequestedOn").asText()).isEqualTo("2024-03-04");
        assertThat(requested.get("lifecycleState").asText()).isEqualTo("EXTENSION_REQUESTED");
        // The head finds it in the agency's queue of requests.
        RunningQuerySide.awaitCaughtUp(headReading, Duration.ofSeconds(10));
        assertThat(headReading.get("/api/applications?agencyId=xiaoying&state=EXTENSION_REQUESTED").json().get("items")
                              .findValuesAsText("applicationId")).containsExactly(id);

        // A clerk cannot decide their own request; the head refuses it: the due date stays.
        assertThat(clerk.post(path + "/extension-request/approval", "{\"approvedOn\":\"2024-03-05\"}").status()).isEqualTo(403);
        Http.Response noReason = head.post(path + "/extension-request/refusal", "{\"refusedOn\":\"2024-03-05\"}");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.contentType()).startsWith("application/problem+json");
        ok(head.post(path + "/extension-request/refusal", "{\"refusedOn\":\"2024-03-05\",\"reason\":\"理由不充分\"}"));
        JsonNode refused = application(reader, id);
        assertThat(refused.get("dueOn").asText()).isEqualTo(due);
        assertThat(refused.get("extensionWorkingDays").isNull()).isTrue();
        assertThat(refused.get("lifecycleState").asText()).isEqualTo("IN_PROGRESS");

        // Asked again, approved: moved by the 10 working days requested.
        ok(clerk.post(path + "/extension-request", "{\"requestedOn\":\"2024-03-05\",\"workingDays\":10,\"reason\":\"档案在县档案馆\"}"));
        assertThat(application(reader, id).get("dueOn").asText()).isEqualTo(due);
        Http.Response approved = head.post(path + "/extension-request/approval", "{\"approvedOn\":\"2024-03-06\",\"note\":\"同意\"}");
        ok(approved);
        assertThat(approved.json().get("recorded").toString()).contains("ExtensionApproved", "ReplyPeriodExtended");
        JsonNode extended = application(reader, id);
        assertThat(extended.get("dueOn").asText()).isEqualTo(person.nthWorkingDayAfter("2024-02-05", 30).toString())
                                                  .isEqualTo("2024-03-22");
        assertThat(extended.get("extensionWorkingDays").asInt()).isEqualTo(10);
        assertThat(head.post(path + "/extension-request/approval", "{\"approvedOn\":\"2024-03-06\"}").status())
                .as("nothing left to approve").isEqualTo(409);

        List<String> steps = new ArrayList<>();
        reader.get(path + "/history").json().get("events").forEach(
                e -> steps.add(e.get("type").asText() + " by " + e.get("actor").asText()));
        assertThat(steps).containsExactly("ApplicationReceived by li", "ExtensionRequested by li", "ExtensionRefused by zhang",
                                          "ExtensionRequested by li", "ExtensionApproved by zhang",
                                          "ReplyPeriodExtended by zhang");
        assertThat(reader.get(path + "/history").body()).contains("负责人不同意延长答复期限", "理由不充分",
                                                                  "负责人同意延长答复期限 10 个工作日");
    }

    @Test
    void anApplicationTransferredIsSignedForAnsweredAndCountedOnlyByTheAgencyThatAnswersIt() {
        Http first = commandSide.agencyWithClerk("zhen", "zhou");
        Http second = commandSide.agencyWithClerk("zhujianju", "wu");
        Http firstReading = querySide.as("zhou", "zhou-password");
        Http secondReading = querySide.as("wu", "wu-password");
        String id = receive(first, "zhen", "2024-02-05");
        String path = "/api/applications/" + id;
        String due = application(firstReading, id).get("dueOn").asText();

        Http.Response toNowhere = first.post(path + "/transfer",
                                             "{\"toAgencyId\":\"nowhere\",\"transferredOn\":\"2024-02-07\",\"reason\":\"非本机关信息\"}");
        assertThat(toNowhere.status()).isEqualTo(400);
        assertThat(toNowhere.json().at("/errors/0/field").asText()).isEqualTo("toAgencyId");
        ok(first.post(path + "/transfer",
                      "{\"toAgencyId\":\"zhujianju\",\"transferredOn\":\"2024-02-07\",\"reason\":\"该信息由县住建局制作\"}"));

        // The first agency no longer acts on it; the second must sign for it before anything else.
        assertThat(first.post(path + "/conclusion", "{\"concludedOn\":\"2024-02-20\",\"outcome\":\"DISCLOSED\"}").status())
                .isEqualTo(404);
        assertThat(second.post(path + "/conclusion", "{\"concludedOn\":\"2024-02-20\",\"outcome\":\"DISCLOSED\"}").status())
                .isEqualTo(409);
        JsonNode arrived = application(secondReading, id);
        assertThat(arrived.get("lifecycleState").asText()).isEqualTo("AWAITING_SIGN_IN");
        assertThat(arrived.get("state").asText()).as("its urgency shows first: the clock ran on").isEqualTo("DUE_SOON");
        assertThat(arrived.get("agencyId").asText()).isEqualTo("zhujianju");
        assertThat(secondReading.get("/api/applications/counts?agencyId=zhujianju").json().get("awaitingSignIn").asInt())
                .isEqualTo(1);
        ok(second.post(path + "/sign-in", "{\"signedOn\":\"2024-02-08\"}"));
        ok(second.post(path + "/conclusion", "{\"concludedOn\":\"2024-02-20\",\"outcome\":\"DISCLOSED\"}"));

        JsonNode answered = application(secondReading, id);
        assertThat(answered.get("receivedOn").asText()).as("the date of receipt stays").isEqualTo("2024-02-05");
        assertThat(answered.get("dueOn").asText()).as("so does the due date").isEqualTo(due);
        assertThat(answered.get("state").asText()).isEqualTo("CONCLUDED");
        assertThat(firstReading.get(path).status()).isEqualTo(404);

        // Counted once, in the agency that answered it.
        assertThat(count(secondReading, "zhujianju", "NEW")).isEqualTo(1);
        assertThat(count(secondReading, "zhujianju", "DISCLOSED")).isEqualTo(1);
        assertThat(count(firstReading, "zhen", "NEW")).isZero();
        assertThat(count(firstReading, "zhen", "DISCLOSED")).isZero();

        // The transfer is in both agencies' history of the case.
        for (Http reader : List.of(firstReading, secondReading)) {
            Http.Response history = reader.get(path + "/history");
            assertThat(history.status()).isEqualTo(200);
            assertThat(history.body()).contains("ApplicationTransferred", "转办（2024-02-07）：由 zhen 转至 zhujianju",
                                                "ApplicationSignedFor");
        }
        assertThat(secondReading.get(path + "/history").json().get("personalData").asText()).isEqualTo("shown");
        assertThat(firstReading.get(path + "/history").json().get("personalData").asText()).isEqualTo("withheld");
    }

    @Test
    void theWorklistAndAnySearchExportAsASpreadsheetWithoutPersonalData() throws Exception {
        Http clerk = commandSide.agencyWithClerk("export", "zheng");
        Http reader = querySide.as("zheng", "zheng-password");
        String open = receive(clerk, "export", "2024-02-05");
        String answered = receive(clerk, "export", "2024-02-06");
        ok(clerk.post("/api/applications/" + answered + "/conclusion", "{\"concludedOn\":\"2024-02-20\",\"outcome\":\"DISCLOSED\"}"));
        RunningQuerySide.awaitCaughtUp(reader, Duration.ofSeconds(10));

        List<List<String>> all = sheet("/api/applications/export?agencyId=export");
        assertThat(all.get(0)).startsWith("申请编号", "收到申请之日");
        assertThat(all.subList(1, all.size())).extracting(row -> row.get(0)).containsExactly(open, answered);
        assertThat(all.toString()).as("no personal data").doesNotContain("申请人\"").doesNotContain("applicant");
        List<List<String>> worklist = sheet("/api/applications/export?agencyId=export&open=true");
        assertThat(worklist.subList(1, worklist.size())).extracting(row -> row.get(0)).containsExactly(open);
    }

    private static List<List<String>> sheet(String path) throws Exception {
        String credentials = java.util.Base64.getEncoder().encodeToString("zheng:zheng-password".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(querySide.baseUrl() + path))
                                         .header("Authorization", "Basic " + credentials).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook =
                     new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(response.body()))) {
            workbook.getSheetAt(0).forEach(row -> {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(cell.toString()));
                rows.add(cells);
            });
        }
        return rows;
    }

    private static int count(Http reader, String agencyId, String row) {
        Http.Response cell = reader.get("/api/agencies/" + agencyId + "/reports/2024/cells/" + row + "/TOTAL");
        assertThat(cell.status()).as(cell.body()).isEqualTo(200);
        return cell.json().get("count").asInt();
    }
}
