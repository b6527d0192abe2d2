package gongkai.query.endtoend;

import gongkai.command.testing.Http;
import gongkai.query.testing.RunningQuerySide;
import gongkai.query.testing.RunningSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator and a load balancer ask both sides: liveness and readiness without sign-in,
 * Prometheus metrics for admins only (commands by type, HTTP by route, each projection's position
 * and lag, the hash chain's).
 */
class OperationsEndpointsTest {

    @RegisterExtension
    static final RunningSystem system = new RunningSystem();

    private static Http clerk;

    @BeforeAll
    static void oneCommandRecorded() {
        clerk = system.commandSide().agencyWithClerk("xiaoying", "li");
        Http.Response review = clerk.post("/api/reviews", "{\"agencyId\":\"xiaoying\",\"filedOn\":\"2024-01-10\"}");
        assertThat(review.status()).as(review.body()).isEqualTo(201);
        RunningQuerySide.awaitProjections(system.querySide().as("li", "li-password"));
    }

    @Test
    void livenessAndReadinessAnswerWithoutSignIn() {
        for (String base : new String[]{system.commandSide().baseUrl(), system.querySide().baseUrl()}) {
            Http anonymous = new Http(base, null, null);
            for (String probe : new String[]{"/actuator/health/liveness", "/actuator/health/readiness", "/actuator/health"}) {
                Http.Response answer = anonymous.get(probe);
                assertThat(answer.status()).as(base + probe + " " + answer.body()).isEqualTo(200);
                assertThat(answer.json().get("status").asText()).isEqualTo("UP");
            }
        }
    }

    @Test
    void prometheusIsForAdminsOnly() {
        for (String base : new String[]{system.commandSide().baseUrl(), system.querySide().baseUrl()}) {
            assertThat(new Http(base, null, null).get("/actuator/prometheus").status()).isEqualTo(401);
            assertThat(new Http(base, "li", "li-password").get("/actuator/prometheus").status()).isEqualTo(403);
            assertThat(new Http(base, "admin", gongkai.command.testing.RunningCommandSide.ADMIN_PASSWORD)
                               .get("/actuator/prometheus").status()).isEqualTo(200);
        }
    }

    @Test
    void theCommandSideCountsEachCommandTypeAndHttpRoutesByTemplate() {
        String metrics = system.commandSide().admin().get("/actuator/prometheus").body();
        assertThat(metrics).contains("gongkai_commands_seconds_count{outcome=\"recorded\",type=\"FileReview\"");
        assertThat(metrics).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/reviews\"");
    }

    @Test
    void theQuerySideShowsEveryProjectionsPositionAndLagAndTheChains() {
        String metrics = new Http(system.querySide().baseUrl(), "admin", gongkai.command.testing.RunningCommandSide.ADMIN_PASSWORD)
                .get("/actuator/prometheus").body();
        for (String gauge : new String[]{"gongkai_projection_position", "gongkai_projection_lag_events",
                                         "gongkai_projection_lag_seconds", "gongkai_projection_replaying"}) {
            assertThat(metrics).contains(gauge + "{projection=\"read-models\"}");
            assertThat(metrics).contains(gauge + "{projection=\"event-chain\"}");
        }
        assertThat(metrics).contains("gongkai_projection_lag_events{projection=\"read-models\"} 0.0");
    }
}
