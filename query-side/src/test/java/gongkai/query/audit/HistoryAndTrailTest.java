package gongkai.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history of a case and the audit trail, through both services: every event, oldest first, in
 * words, with who and when; the applicant's personal data only for the clerks of the case's agency;
 * any kind of case, including one whose events this release does not know; old revisions upcast.
 */
class HistoryAndTrailTest {

    private static final String NAME = "张三丰";
    private static final String ID_NUMBER = "110101199001011234";

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static Http clerk;
    private static Http otherClerk;
    private static Http auditor;
    private static Http admin;
    private static String applicationId;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl());
        Http commands = commandSide.agencyWithClerk("luanping", "li");
        commandSide.agencyWithClerk("xiaoying", "zhou");
        commandSide.admin().post("/api/admin/users", "{\"username\":\"wang\",\"password\":\"wang-password\","
                                                     + "\"roles\":[\"AUDITOR\"],\"agencyId\":\"luanping\"}");
        clerk = querySide.as("li", "li-password");
        otherClerk = querySide.as("zhou", "zhou-password");
        auditor = querySide.as("wang", "wang-password");
        admin = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);

        applicationId = UUID.randomUUID().toString();
        String path = "/api/applications/" + applicationId;
        ok(commands.post("/api/applications", """
                {"applicationId":"%s","agencyId":"luanping","receivedOn":"2024-01-05","channel":"MAIL",
                 "applicantType":"NATURAL_PERSON","applicant":{"name":"%s","idNumber":"%s","phone":"13800000000"},
                 "request":"2023年道路维修预算"}""".formatted(applicationId, NAME, ID_NUMBER)));
        ok(commands.post(path + "/consultation", "{\"startedOn\":\"2024-01-08\",\"party\":\"某建筑公司\"}"));
        ok(commands.post(path + "/consultation/end", "{\"endedOn\":\"2024-01-12\"}"));
        ok(commands.post(path + "/conclusion", "{\"concludedOn\":\"2024-01-20\",\"outcome\":\"PARTIALLY_DISCLOSED\","
                                                + "\"withheldReasons\":[\"WITHHELD_THIRD_PARTY_RIGHTS\"]}"));
        ok(commands.post(path + "/correction", "{\"field\":\"receivedOn\",\"value\":\"2023-12-28\",\"reason\":\"签收日期录入错误\"}"));
        new RecordedEvents(querySide).awaitProjections();
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void theHistoryListsEveryEventOldestFirstInWordsWithWhoAndWhen() {
        JsonNode history = ok(auditor.get("/api/applications/" + applicationId + "/history"));

        assertThat(history.get("caseId").asText()).isEqualTo(applicationId);
        assertThat(history.get("caseType").asText()).isEqualTo("application");
        assertThat(history.get("agencyId").asText()).isEqualTo("luanping");
        List<String> types = new ArrayList<>();
        history.get("events").forEach(e -> types.add(e.get("type").asText()));
        assertThat(types).containsExactly("ApplicationReceived", "ConsultationStarted", "ConsultationEnded",
                                          "ApplicationConcluded", "ApplicationCorrected");
        JsonNode received = history.get("events").get(0);
        assertThat(received.get("businessDate").asText()).isEqualTo("2024-01-05");
        assertThat(received.get("actor").asText()).isEqualTo("li");
        assertThat(Instant.parse(received.get("recordedAt").asText())).isBefore(Instant.now());
        assertThat(received.get("globalIndex").asLong()).isPositive();
        assertThat(received.get("summary").asText()).contains("收到申请").contains("2024-01-05").contains("邮寄")
                                                     .contains("自然人").contains("申请内容：" + PersonalDataMasking.WITHHELD)
                                                     .doesNotContain("2023年道路维修预算");
        assertThat(history.get("events").get(1).get("summary").asText()).contains("征求对象：" + PersonalDataMasking.WITHHELD);
        assertThat(history.get("events").get(1).at("/content/consultedParty").asText()).isEqualTo(PersonalDataMasking.WITHHELD);
        JsonNode clerks = ok(clerk.get("/api/applications/" + applicationId + "/history"));
        assertThat(clerks.at("/events/0/summary").asText()).as("the clerks of the agency read the free texts")
                                                           .contains("2023年道路维修预算");
        assertThat(clerks.at("/events/1/content/consultedParty").asText()).isEqualTo("某建筑公司");
        assertThat(clerks.at("/events/4/changes/0/reason").asText()).isEqualTo("签收日期录入错误");
        assertThat(history.get("events").get(3).get("summary").asText()).contains("部分公开").contains("保护第三方合法权益");

        JsonNode correction = history.get("events").get(4);
        assertThat(correction.get("summary").asText()).contains("收到申请之日").contains("2024-01-05").contains("2023-12-28")
                                                       .contains(PersonalDataMasking.WITHHELD).doesNotContain("签收日期录入错误");
        JsonNode change = correction.get("changes").get(0);
        assertThat(change.get("field").asText()).isEqualTo("receivedOn");
        assertThat(change.get("oldValue").asText()).isEqualTo("2024-01-05");
        assertThat(change.get("newValue").asText()).isEqualTo("2023-12-28");
        assertThat(change.get("reason").asText()).as("a reason may name people").isEqualTo(PersonalDataMasking.WITHHELD);
    }

    @Test
    void auditorsAndAdminsNeverSeeTheApplicantsPersonalDataTheClerksOfTheAgencyDo() {
        for (Http reader : List.of(auditor, admin)) {
            Http.Response response = reader.get("/api/applications/" + applicationId + "/history");
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).doesNotContain(NAME).doesNotContain(ID_NUMBER).doesNotContain("13800000000");
            assertThat(response.json().get("personalData").asText()).isEqualTo("withheld");
            assertThat(response.json().at("/events/0/content/applicant").asText()).isEqualTo(PersonalDataMasking.WITHHELD);
        }
        JsonNode byClerk = ok(clerk.get("/api/applications/" + applicationId + "/history"));
        assertThat(byClerk.get("personalData").asText()).isEqualTo("shown");
        assertThat(byClerk.at("/events/0/content/applicant/name").asText()).isEqualTo(NAME);

        Http.Response otherAgency = otherClerk.get("/api/applications/" + applicationId + "/history");
        assertThat(otherAgency.status()).isEqualTo(404);
        assertThat(otherAgency.contentType()).startsWith("application/problem+json");
        assertThat(auditor.get("/api/applications/" + UUID.randomUUID() + "/history").status()).isEqualTo(404);

        Http.Response trail = admin.get("/api/audit/events?size=500");
        assertThat(trail.body()).doesNotContain(NAME).doesNotContain(ID_NUMBER);
    }

    @Test
    void theHistoryWorksForAnyKindOfCaseEvenEventsThisReleaseDoesNotKnowAndOldRevisions() {
        Http commands = commandSide.as("li", "li-password");
        Http.Response filed = commands.post("/api/reviews", "{\"agencyId\":\"luanping\",\"filedOn\":\"2024-02-01\","
                                                            + "\"applicationId\":\"" + applicationId + "\",\"body\":\"滦平县人民政府\"}");
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String reviewId = filed.json().get("reviewId").asText();
        JdbcTemplate jdbc = querySide.context().getBean(JdbcTemplate.class);
        String futureId = UUID.randomUUID().toString();
        insert(jdbc, futureId, 0, "TransferAggregate", "gongkai.events.transfer.CaseTransferred", "1",
               "{\"transferId\":\"" + futureId + "\",\"agencyId\":\"luanping\",\"transferredOn\":\"2024-02-02\","
               + "\"applicant\":{\"name\":\"" + NAME + "\"},\"to\":\"承德市人民政府\"}", "2024-02-02");
        String oldId = UUID.randomUUID().toString();
        insert(jdbc, oldId, 0, "ApplicationAggregate", "gongkai.events.application.ApplicationReceived", null,
               "{\"applicationId\":\"" + oldId + "\",\"agencyId\":\"luanping\",\"receivedOn\":\"2023-03-01\",\"channel\":\"ONLINE\","
               + "\"applicantType\":\"NATURAL_PERSON\",\"applicant\":{\"name\":\"李四\"},\"request\":\"预算\"}", "2023-03-01");
        insert(jdbc, oldId, 1, "ApplicationAggregate", "gongkai.events.application.ConsultationStarted", null,
               "{\"applicationId\":\"" + oldId + "\",\"startedOn\":\"2023-03-06\",\"party\":\"市住建局\"}", "2023-03-06");

        JsonNode review = ok(auditor.get("/api/reviews/" + reviewId + "/history"));
        assertThat(review.get("caseType").asText()).isEqualTo("review");
        assertThat(review.at("/events/0/type").asText()).isEqualTo("ReviewFiled");
        assertThat(review.at("/events/0/actor").asText()).isEqualTo("li");
        assertThat(review.at("/events/0/businessDate").asText()).isEqualTo("2024-02-01");
        assertThat(review.at("/events/0/summary").asText()).contains("行政复议").contains("2024-02-01").contains(applicationId);

        JsonNode future = ok(auditor.get("/api/lawsuits/" + futureId + "/history"));
        assertThat(future.get("caseType").asText()).isEqualTo("transfer");
        assertThat(future.at("/events/0/type").asText()).isEqualTo("CaseTransferred");
        assertThat(future.at("/events/0/businessDate").asText()).isEqualTo("2024-02-02");
        assertThat(future.at("/events/0/summary").asText()).startsWith("CaseTransferred").contains("承德市人民政府");
        assertThat(future.at("/events/0/content/applicant").asText()).isEqualTo(PersonalDataMasking.WITHHELD);
        assertThat(future.toString()).doesNotContain(NAME);

        JsonNode old = ok(clerk.get("/api/applications/" + oldId + "/history"));
        assertThat(old.at("/events/1/content/consultedParty").asText()).as("revision 1 (stored in plain text) upcast on the query side")
                                                                       .isEqualTo("市住建局");
        assertThat(ok(auditor.get("/api/applications/" + oldId + "/history")).at("/events/1/content/consultedParty").asText())
                .isEqualTo(PersonalDataMasking.WITHHELD);
        assertThat(old.at("/events/1/summary").asText()).contains("市住建局");

        RecordedEvents.await(() -> ok(admin.get("/api/audit/events?caseId=" + futureId)).get("total").asInt() == 1
                                   && ok(admin.get("/api/audit/events?caseId=" + reviewId)).get("total").asInt() == 1,
                             "the trail to follow the review and the unknown case");
        JsonNode trail = ok(admin.get("/api/audit/events?type=reviews"));
        assertThat(trail.at("/items/0/caseId").asText()).isEqualTo(reviewId);
        assertThat(trail.at("/items/0/agencyId").asText()).isEqualTo("luanping");
        assertThat(trail.at("/items/0/history").asText()).isEqualTo("/api/reviews/" + reviewId + "/history");
        JsonNode unknown = ok(admin.get("/api/audit/events?caseId=" + futureId));
        assertThat(unknown.at("/items/0/type").asText()).isEqualTo("CaseTransferred");
        assertThat(unknown.toString()).doesNotContain(NAME);
    }

    @Test
    void theTrailIsSearchedByAgencyUserCaseTypeEventTypeAndTimePageByPage() {
        JsonNode all = ok(auditor.get("/api/audit/events?type=application&actor=li"));
        assertThat(all.get("total").asInt()).isEqualTo(5);
        JsonNode first = all.get("items").get(0);
        assertThat(first.get("type").asText()).isEqualTo("ApplicationReceived");
        assertThat(first.get("agencyId").asText()).isEqualTo("luanping");
        assertThat(first.get("actor").asText()).isEqualTo("li");
        assertThat(first.get("caseId").asText()).isEqualTo(applicationId);
        assertThat(first.get("summary").asText()).contains("收到申请");
        assertThat(first.get("history").asText()).isEqualTo("/api/applications/" + applicationId + "/history");

        JsonNode page = ok(auditor.get("/api/audit/events?type=application&actor=li&size=2&page=1"));
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.at("/items/0/type").asText()).isEqualTo("ConsultationEnded");

        assertThat(ok(auditor.get("/api/audit/events?eventType=ApplicationCorrected")).get("total").asInt()).isEqualTo(1);
        assertThat(ok(auditor.get("/api/audit/events?actor=nobody")).get("total").asInt()).isZero();
        Instant recorded = Instant.parse(first.get("recordedAt").asText());
        assertThat(ok(auditor.get("/api/audit/events?actor=li&to=" + recorded)).get("total").asInt()).isZero();
        assertThat(ok(auditor.get("/api/audit/events?type=application&actor=li&from=" + recorded)).get("total").asInt())
                .isEqualTo(5);
        assertThat(ok(auditor.get("/api/audit/events?type=application&actor=li&from=2000-01-01&to=2999-12-31"))
                           .get("total").asInt()).isEqualTo(5);

        assertThat(otherClerk.get("/api/audit/events?agencyId=luanping").status()).isEqualTo(403);
        // the other agency's trail holds its own creation (an agency event), none of the cases of luanping
        assertThat(ok(otherClerk.get("/api/audit/events")).get("items").findValuesAsText("agencyId")).containsOnly("xiaoying");
        assertThat(ok(otherClerk.get("/api/audit/events?type=application")).get("total").asInt()).isZero();
        assertThat(auditor.get("/api/audit/events?from=last-week").status()).isEqualTo(400);
        assertThat(auditor.get("/api/audit/events?size=100000").status()).isEqualTo(400);
        assertThat(clerk.get("/api/audit/verification").status()).isEqualTo(403);
    }

    private static void insert(JdbcTemplate jdbc, String aggregateId, long sequence, String aggregateType,
                               String payloadType, String revision, String payload, String businessDate) {
        jdbc.update("insert into command_side.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                    + "type, time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), aggregateId, sequence, aggregateType, Instant.now().toString(), payloadType,
                    revision, payload.getBytes(StandardCharsets.UTF_8),
                    ("{\"actor\":\"chen\",\"agencyId\":\"luanping\",\"businessDate\":\"" + businessDate + "\"}")
                            .getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }
}
