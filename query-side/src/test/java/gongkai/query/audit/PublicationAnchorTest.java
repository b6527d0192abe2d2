package gongkai.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publication records the chain's link at its own event: an anchor that the verification checks
 * later. The difference since the publication names the events behind every changed figure, in
 * tables 二 and 四 as in 三.
 */
class PublicationAnchorTest {

    private static final String A = "/api/agencies/xiaoying";

    @Test
    void aPublicationRecordsTheChainHeadAtItsEventAndAnyLaterAlterationBeforeItBreaksTheAnchor() {
        try (RunningCommandSide commandSide = RunningCommandSide.onNewDatabase();
             RunningQuerySide querySide = RunningQuerySide.on(commandSide.databaseUrl())) {
            Http clerk = commandSide.agencyWithClerk("xiaoying", "li");
            commandSide.admin().post("/api/admin/users", "{\"username\":\"wang\",\"password\":\"wang-password\","
                                                         + "\"roles\":[\"AUDITOR\"],\"agencyId\":\"xiaoying\"}");
            Http auditor = querySide.as("wang", "wang-password");
            ok(clerk.post("/api/applications", """
                    {"agencyId":"xiaoying","receivedOn":"2023-12-28","channel":"MAIL","applicantType":"NATURAL_PERSON",
                     "applicant":{"name":"张三"},"request":"预算"}"""), 201);
            ok(clerk.post(A + "/decision-tallies", "{\"category\":\"PENALTY\",\"from\":\"2023-12-01\",\"to\":\"2023-12-01\",\"count\":5}"), 201);
            ok(clerk.post(A + "/reports/2023/publication", ""), 201);

            JsonNode published = RunningQuerySide.await("the 2023 publication sealed", () -> auditor.get(A + "/reports/2023"),
                    r -> r.json().at("/published/sealed").asBoolean(), Duration.ofSeconds(30)).json().get("published");
            String[] anchor = published.get("chainHead").asText().split(":");
            JdbcTemplate jdbc = querySide.context().getBean(JdbcTemplate.class);
            long publicationIndex = jdbc.queryForObject("select global_index from command_side.domain_event_entry "
                                                        + "where event_identifier = ?", Long.class,
                                                        published.get("eventId").asText());
            assertThat(Long.parseLong(anchor[0])).as("the link at the publication event").isEqualTo(publicationIndex);
            assertThat(anchor[1]).matches("[0-9a-f]{64}");
            String check = "/api/audit/verification?anchorIndex=" + anchor[0] + "&anchorHash=" + anchor[1];
            assertThat(auditor.get(check).json().at("/anchor/matches").asBoolean()).isTrue();

            // A later tally changes table 二; the difference since the publication names it.
            ok(clerk.post(A + "/decision-tallies", "{\"category\":\"PENALTY\",\"from\":\"2023-12-20\",\"to\":\"2023-12-20\",\"count\":2}"), 201);
            RunningQuerySide.await("the later tally in table 二 (PENALTY 7)", () -> auditor.get(A + "/reports/2023"),
                    r -> r.json().at("/proactive/PENALTY/decisions").asInt() == 7, Duration.ofSeconds(30));
            JsonNode diff = auditor.get(A + "/reports/2023/diff?from="
                                        + URLEncoder.encode(published.get("publishedAt").asText(), StandardCharsets.UTF_8)).json();
            assertThat(diff.get("changes")).hasSize(1);
            JsonNode penalty = diff.get("changes").get(0);
            assertThat(penalty.get("table").asText()).isEqualTo("proactive");
            assertThat(penalty.get("rowKey").asText()).isEqualTo("PENALTY");
            assertThat(penalty.get("columnKey").asText()).isEqualTo("decisions");
            assertThat(penalty.get("difference").asInt()).isEqualTo(2);
            assertThat(penalty.at("/events/0/type").asText()).isEqualTo("DecisionsTallied");
            assertThat(penalty.at("/events/0/actor").asText()).isEqualTo("li");
            assertThat(penalty.at("/events/0/effect").asInt()).isEqualTo(2);

            // Whoever alters an event the publication covered breaks its anchor.
            jdbc.update("update command_side.domain_event_entry set payload = convert_to(replace(convert_from(payload, 'UTF8'), "
                        + "'\"count\":5', '\"count\":4'), 'UTF8') where global_index < ? and payload_type like '%DecisionsTallied'",
                        publicationIndex);
            JsonNode after = auditor.get(check).json();
            assertThat(after.get("intact").asBoolean()).isFalse();
            assertThat(after.at("/anchor/matches").asBoolean()).isFalse();
            assertThat(after.at("/firstProblem/kind").asText()).isEqualTo("ALTERED");
        }
    }

    private static void ok(Http.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
