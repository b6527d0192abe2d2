package gongkai.command.web;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.http.IdempotencyKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every creating POST of the command side retried with the same {@code Idempotency-Key}: recorded
 * once, answered the same; the same key with another body: 422. Over real HTTP.
 */
class IdempotentCreationHttpTest {

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

    static Stream<Arguments> creatingPosts() {
        String application = """
                {"agencyId":"xiaoying","receivedOn":"2024-03-01","channel":"MAIL","applicantType":"NATURAL_PERSON",
                 "applicant":{"name":"张三"},"request":"%s"}""";
        return Stream.of(
                Arguments.of("/api/applications", application.formatted("预算"), application.formatted("决算"), "events"),
                Arguments.of("/api/reviews", "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-01-10\"}",
                             "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-01-11\"}", "events"),
                Arguments.of("/api/lawsuits", "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-01-10\",\"route\":\"DIRECT\"}",
                             "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-01-12\",\"route\":\"DIRECT\"}", "events"),
                Arguments.of("/api/agencies/xiaoying/documents", "{\"kind\":\"RULE\",\"title\":\"规章\",\"issuedOn\":\"2024-01-10\"}",
                             "{\"kind\":\"RULE\",\"title\":\"规章二\",\"issuedOn\":\"2024-01-10\"}", "events"),
                Arguments.of("/api/agencies/xiaoying/documents/opening-balance",
                             "{\"asOf\":\"2023-01-01\",\"rules\":0,\"normativeDocuments\":4}",
                             "{\"asOf\":\"2023-01-01\",\"rules\":1,\"normativeDocuments\":4}", "events"),
                Arguments.of("/api/agencies/xiaoying/decision-tallies",
                             "{\"category\":\"LICENSING\",\"from\":\"2023-01-01\",\"to\":\"2023-12-31\",\"count\":274}",
                             "{\"category\":\"LICENSING\",\"from\":\"2023-01-01\",\"to\":\"2023-12-31\",\"count\":275}", "events"),
                Arguments.of("/api/agencies/xiaoying/fees", "{\"collectedOn\":\"2024-01-10\",\"amountYuan\":100}",
                             "{\"collectedOn\":\"2024-01-10\",\"amountYuan\":101}", "events"),
                Arguments.of("/api/agencies/xiaoying/publications",
                             "{\"category\":\"规划\",\"title\":\"城市规划\",\"publishedOn\":\"2024-01-10\"}",
                             "{\"category\":\"规划\",\"title\":\"乡村规划\",\"publishedOn\":\"2024-01-10\"}", "events"),
                Arguments.of("/api/agencies/xiaoying/reports/2023/publication", "", "{}", "events"),
                Arguments.of("/api/admin/agencies", "{\"agencyId\":\"luanping\",\"name\":\"滦平\"}",
                             "{\"agencyId\":\"luanping\",\"name\":\"滦平县\"}", "agency"),
                Arguments.of("/api/admin/users", "{\"username\":\"wang\",\"password\":\"wang-password-1\",\"roles\":[\"ADMIN\"]}",
                             "{\"username\":\"wang\",\"password\":\"wang-password-2\",\"roles\":[\"ADMIN\"]}", "user_account"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creatingPosts")
    void aRetryWithTheSameKeyIsRecordedOnceAndAnsweredTheSameAndAnotherBodyIs422(String path, String body,
                                                                                 String otherBody, String table) {
        Http poster = path.startsWith("/api/admin") ? commandSide.admin() : clerk;
        Http withKey = poster.withHeader(IdempotencyKeys.HEADER, UUID.randomUUID().toString());
        long before = rows(table);
        Http.Response first = withKey.post(path, body);
        assertThat(first.status()).as(first.body()).isBetween(200, 201);
        Http.Response again = withKey.post(path, body);
        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.contentType()).isEqualTo(first.contentType());
        assertThat(rows(table)).as("recorded once").isEqualTo(before + 1);

        Http.Response other = withKey.post(path, otherBody);
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(rows(table)).isEqualTo(before + 1);
    }

    @Test
    void aKeyIsTheUsersOwnAndAnotherUserWithTheSameKeyIsAnsweredForHimself() {
        String key = UUID.randomUUID().toString();
        String review = "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-02-10\"}";
        Http.Response byLi = clerk.withHeader(IdempotencyKeys.HEADER, key).post("/api/reviews", review);
        Http otherClerk = commandSide.as("li2", "li2-password-1");
        assertThat(commandSide.admin().post("/api/admin/users", "{\"username\":\"li2\",\"password\":\"li2-password-1\","
                                            + "\"roles\":[\"CLERK\"],\"agencyId\":\"xiaoying\"}").status()).isEqualTo(201);
        Http.Response byLi2 = otherClerk.withHeader(IdempotencyKeys.HEADER, key).post("/api/reviews", review);
        assertThat(byLi2.status()).isEqualTo(201);
        assertThat(byLi2.json().get("reviewId").asText()).isNotEqualTo(byLi.json().get("reviewId").asText());
    }

    @Test
    void anEmptyOrOverlongKeyIsBadInputNamingTheHeader() {
        Http.Response overlong = clerk.withHeader(IdempotencyKeys.HEADER, "k".repeat(256))
                                      .post("/api/reviews", "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-02-10\"}");
        assertThat(overlong.status()).isEqualTo(400);
        assertThat(overlong.json().get("errors").findValuesAsText("field")).contains(IdempotencyKeys.HEADER);
    }

    @Test
    void aKeyWhoseFirstRequestIsStillInFlightIsAConflict() {
        String key = UUID.randomUUID().toString();
        String review = "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-02-11\"}";
        // the state a first request leaves while it is being carried out, as another instance would see it
        Http.Response first = clerk.withHeader(IdempotencyKeys.HEADER, key).post("/api/reviews", review);
        jdbc().update("update command_side.idempotency_key set completed_at = null where idem_key = ?", key);
        Http.Response meanwhile = clerk.withHeader(IdempotencyKeys.HEADER, key).post("/api/reviews", review);
        assertThat(first.status()).isEqualTo(201);
        assertThat(meanwhile.status()).isEqualTo(409);
        assertThat(meanwhile.contentType()).startsWith("application/problem+json");
    }

    @Test
    void keysOlderThanADayArePurgedAndTheKeyIsNewAgain() {
        String key = UUID.randomUUID().toString();
        String review = "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-02-12\"}";
        Http.Response first = clerk.withHeader(IdempotencyKeys.HEADER, key).post("/api/reviews", review);
        jdbc().update("update command_side.idempotency_key set created_at = now() - interval '25 hours' where idem_key = ?", key);
        Http.Response later = clerk.withHeader(IdempotencyKeys.HEADER, key).post("/api/reviews", review);
        assertThat(later.status()).isEqualTo(201);
        assertThat(later.json().get("reviewId").asText()).isNotEqualTo(first.json().get("reviewId").asText());
    }

    private static long rows(String table) {
        String qualified = table.equals("events") ? "command_side.domain_event_entry" : "command_side." + table;
        return jdbc().queryForObject("select count(*) from " + qualified, Long.class);
    }

    private static JdbcTemplate jdbc() {
        return commandSide.context().getBean(JdbcTemplate.class);
    }
}
