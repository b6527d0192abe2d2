package gongkai.query.personal;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RecordedEvents;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention (个人信息保护法 第四十七条) with short periods: 30 days after its end a case is sealed (its personal
 * data shown to no one), a clerk may unseal it for a stated reason, and a case sealed and not unsealed is
 * erased by the next run; each step an event in the case's history and the audit trail. Today is 2024-06-30.
 */
class RetentionEndToEndTest {

    private static final String NAME = "保存期限哨兵";

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static Http commands;
    private static Http clerk;
    private static Http auditor;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase("--gongkai.business-date=2024-06-30",
                                                       "--gongkai.personal-data.retention.seal-after=P30D",
                                                       "--gongkai.personal-data.retention.erase-after-sealed=P0D");
        querySide = RunningQuerySide.on(commandSide.databaseUrl(), "--gongkai.business-date=2024-06-30");
        commands = commandSide.agencyWithClerk("luanping", "li");
        commandSide.admin().post("/api/admin/users", "{\"username\":\"wang\",\"password\":\"wang-password\","
                                                     + "\"roles\":[\"AUDITOR\"],\"agencyId\":\"luanping\"}");
        clerk = querySide.as("li", "li-password");
        auditor = querySide.as("wang", "wang-password");
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    private static String concludedOn(String date) {
        String id = UUID.randomUUID().toString();
        ok(commands.post("/api/applications", """
                {"applicationId":"%s","agencyId":"luanping","receivedOn":"2024-04-01","channel":"MAIL","applicantType":"NATURAL_PERSON",
                 "applicant":{"name":"%s","idNumber":"110101199001011111"},"request":"预算"}""".formatted(id, NAME)));
        ok(commands.post("/api/applications/" + id + "/conclusion", "{\"concludedOn\":\"" + date + "\",\"outcome\":\"DISCLOSED\"}"));
        return id;
    }

    private static JsonNode retention() {
        return ok(commandSide.admin().post("/api/admin/personal-data/retention", ""));
    }

    @Test
    void aCaseIsSealedAfterTheRetentionPeriodThenErasedUnlessAClerkUnsealedIt() {
        String unsealed = concludedOn("2024-05-01");
        String erased = concludedOn("2024-05-02");
        String recent = concludedOn("2024-06-20");

        JsonNode first = retention();
        assertThat(first.get("sealed").asInt()).isEqualTo(2);
        assertThat(first.get("erased").asInt()).as("a case sealed now waits for the next run").isZero();
        new RecordedEvents(querySide).awaitProjections();
        JsonNode sealedHistory = ok(clerk.get("/api/applications/" + unsealed + "/history"));
        assertThat(sealedHistory.get("personalData").asText()).isEqualTo("sealed");
        assertThat(sealedHistory.toString()).as("shown to no one, not even the clerks").doesNotContain(NAME);
        assertThat(clerk.post("/api/applications/" + unsealed + "/personal-data/disclosure", "{\"reason\":\"答复\"}").status())
                .isEqualTo(409);
        assertThat(commands.post("/api/applications/" + unsealed + "/personal-data/unsealing", "{}").status())
                .as("unsealing needs its reason").isEqualTo(400);
        ok(commands.post("/api/applications/" + unsealed + "/personal-data/unsealing", "{\"reason\":\"申请人提起行政诉讼，法院要求提交\"}"));
        RecordedEvents.await(() -> ok(clerk.get("/api/applications/" + unsealed + "/history")).toString().contains(NAME),
                             "the unsealed case to show its applicant to the clerks again");

        JsonNode second = retention();
        assertThat(second.get("erased").asInt()).isEqualTo(1);
        assertThat(second.get("sealed").asInt()).isZero();
        new RecordedEvents(querySide).awaitProjections();
        JsonNode erasedHistory = ok(clerk.get("/api/applications/" + erased + "/history"));
        assertThat(erasedHistory.get("personalData").asText()).isEqualTo("erased");
        assertThat(erasedHistory.toString()).doesNotContain(NAME);
        List<String> types = new ArrayList<>();
        erasedHistory.get("events").forEach(e -> types.add(e.get("type").asText() + " by " + e.get("actor").asText()));
        assertThat(types).containsExactly("ApplicationReceived by li", "ApplicationConcluded by li",
                                          "PersonalDataSealed by retention", "PersonalDataErased by retention");
        assertThat(ok(clerk.get("/api/applications/" + unsealed + "/history")).toString()).as("the unsealed one is left").contains(NAME);
        assertThat(ok(clerk.get("/api/applications/" + recent + "/history")).get("personalData").asText()).isEqualTo("shown");

        JsonNode trail = ok(auditor.get("/api/audit/events?eventType=PersonalDataErased"));
        assertThat(trail.get("total").asInt()).isEqualTo(1);
        assertThat(trail.at("/items/0/summary").asText()).contains("保存期限已届满").contains("自动删除");
        assertThat(ok(auditor.get("/api/audit/events?eventType=PersonalDataSealed")).get("total").asInt()).isEqualTo(2);
        assertThat(ok(auditor.get("/api/audit/events?eventType=PersonalDataUnsealed")).at("/items/0/summary").asText())
                .contains("行政诉讼");

        JsonNode third = retention();
        assertThat(third.get("sealed").asInt() + third.get("erased").asInt()).as("nothing more is due").isZero();
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }
}
