package gongkai.query.personal;

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
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written in clear before encryption existed is migrated by an admin: afterwards no personal data
 * is in clear, every case reads as before, the verification is intact (with a chain head recorded before
 * the migration too), the audit trail shows when and why, a second run has nothing to do, and an alteration
 * of anything but the personal fields of a rewritten event is still found.
 */
class PlainTextMigrationTest {

    private static final String NAME = "明文时代的申请人";
    private static final String PARTY = "明文时代的第三方";
    private static final String REQUEST = "明文时代的申请内容";

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static Http clerk;
    private static Http auditor;
    private static Http commandAdmin;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl());
        commandSide.agencyWithClerk("luanping", "li");
        commandSide.admin().post("/api/admin/users", "{\"username\":\"wang\",\"password\":\"wang-password\","
                                                     + "\"roles\":[\"AUDITOR\"],\"agencyId\":\"luanping\"}");
        clerk = querySide.as("li", "li-password");
        auditor = querySide.as("wang", "wang-password");
        commandAdmin = commandSide.admin();
        jdbc = querySide.context().getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    private static void insert(String aggregateId, long sequence, String payloadType, String revision, String payload) {
        jdbc.update("insert into command_side.domain_event_entry (event_identifier, aggregate_identifier, sequence_number, "
                    + "type, time_stamp, payload_type, payload_revision, payload, meta_data) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID().toString(), aggregateId, sequence, "ApplicationAggregate", Instant.now().toString(),
                    payloadType, revision, payload.getBytes(StandardCharsets.UTF_8),
                    "{\"actor\":\"chen\",\"agencyId\":\"luanping\",\"businessDate\":\"2023-03-01\"}".getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode verification(String query) {
        return ok(auditor.get("/api/audit/verification" + query));
    }

    @Test
    void aStoreWrittenInClearEndsEncryptedVerifiedAndReadableWithTheRewriteOnRecord() {
        String old = UUID.randomUUID().toString();
        insert(old, 0, "gongkai.events.application.ApplicationReceived", null,
               "{\"applicationId\":\"" + old + "\",\"agencyId\":\"luanping\",\"receivedOn\":\"2023-03-01\",\"channel\":\"ONLINE\","
               + "\"applicantType\":\"NATURAL_PERSON\",\"applicant\":{\"name\":\"" + NAME + "\"},\"request\":\"" + REQUEST + "\"}");
        insert(old, 1, "gongkai.events.application.ConsultationStarted", null,
               "{\"applicationId\":\"" + old + "\",\"startedOn\":\"2023-03-06\",\"party\":\"" + PARTY + "\"}");
        insert(old, 2, "gongkai.events.application.ConsultationEnded", "1",
               "{\"applicationId\":\"" + old + "\",\"endedOn\":\"2023-03-08\"}");
        long last = jdbc.queryForObject("select max(global_index) from command_side.domain_event_entry", Long.class);
        RecordedEvents.await(() -> auditor.get("/api/audit/chain/head").json().path("globalIndex").asLong() >= last,
                             "the hash chain to cover the events stored in clear");
        JsonNode before = ok(auditor.get("/api/audit/chain/head"));
        JsonNode plain = verification("");
        assertThat(plain.get("intact").asBoolean()).as(plain.toString()).isTrue();

        Http.Response migrated = commandAdmin.post("/api/admin/personal-data/migration", "{\"reason\":\"启用加密，迁移明文\"}");
        assertThat(migrated.status()).as(migrated.body()).isEqualTo(200);
        assertThat(migrated.json().get("events").asLong()).as("the receipt and the consultation, not the end").isEqualTo(2);

        String stored = String.join("\n", jdbc.queryForList(
                "select convert_from(payload, 'UTF8') from command_side.domain_event_entry", String.class));
        assertThat(stored).doesNotContain(NAME).doesNotContain(PARTY).doesNotContain(REQUEST).contains("pd1:")
                          .contains("\"receivedOn\":\"2023-03-01\"");
        assertThat(jdbc.queryForList("select fields from command_side.event_rewrite order by global_index", String.class))
                .containsExactly("applicant,request", "party");

        JsonNode intact = verification("?anchorIndex=" + before.get("globalIndex").asLong() + "&anchorHash=" + before.get("hash").asText());
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.at("/anchor/matches").asBoolean()).as("a head published before the migration still verifies").isTrue();

        RecordedEvents.await(() -> clerk.get("/api/applications/" + old + "/history").status() == 200,
                             "the migrated case to be readable");
        JsonNode history = ok(clerk.get("/api/applications/" + old + "/history"));
        assertThat(history.at("/events/0/content/applicant/name").asText()).isEqualTo(NAME);
        assertThat(history.at("/events/0/content/request").asText()).isEqualTo(REQUEST);
        assertThat(history.at("/events/1/content/consultedParty").asText()).as("an old revision, encrypted then upcast").isEqualTo(PARTY);

        Http admin = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);
        RecordedEvents.await(() -> ok(admin.get("/api/audit/events?eventType=PersonalDataMigrated")).get("total").asInt() == 1,
                             "the migration in the audit trail");
        JsonNode trail = ok(admin.get("/api/audit/events?eventType=PersonalDataMigrated"));
        assertThat(trail.at("/items/0/summary").asText()).contains("启用加密，迁移明文").contains("2");
        assertThat(trail.at("/items/0/actor").asText()).isEqualTo("admin");

        assertThat(commandAdmin.post("/api/admin/personal-data/migration", "{\"reason\":\"再次\"}").json().get("events").asLong())
                .as("nothing left in clear").isZero();
        assertThat(commandAdmin.post("/api/admin/personal-data/migration", "{}").status()).isEqualTo(400);

        // Anything but the personal fields of a rewritten event is still an alteration.
        long receipt = jdbc.queryForObject("select global_index from command_side.event_rewrite order by global_index limit 1", Long.class);
        jdbc.update("update command_side.domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                    + " '2023-03-01', '2023-02-01'), 'UTF8') where global_index = ?", receipt);
        JsonNode altered = verification("");
        assertThat(altered.get("intact").asBoolean()).isFalse();
        List<Long> indexes = altered.get("problems").findValues("globalIndex").stream().map(JsonNode::asLong).toList();
        assertThat(indexes).contains(receipt);
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 201);
        return response.json();
    }
}
