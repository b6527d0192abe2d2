package gongkai.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides describe their API in OpenAPI 3, generated from the code: every endpoint of the HTTP
 * contract is in one of the two descriptions, with the problem answers; the description and the
 * page to try it are for signed-in admins.
 */
class ApiDescriptionTest {

    @RegisterExtension
    static final RunningSystem system = new RunningSystem();

    @Test
    void everyEndpointOfTheContractIsInTheDescriptionOfOneSide() throws IOException {
        JsonNode command = admin(system.commandSide().baseUrl()).get("/v3/api-docs").json();
        JsonNode query = admin(system.querySide().baseUrl()).get("/v3/api-docs").json();
        assertThat(command.get("openapi").asText()).startsWith("3.");
        List<String> missing = new ArrayList<>();
        List<String> servedButListedAbsent = new ArrayList<>();
        for (String line : contract()) {
            boolean absent = line.startsWith("absent ");
            String[] parts = line.replaceFirst("^absent ", "").split(" ");
            String method = parts[0].toLowerCase(Locale.ROOT);
            boolean described = command.path("paths").path(parts[1]).has(method)
                                || query.path("paths").path(parts[1]).has(method);
            if (!absent && !described) {
                missing.add(line);
            } else if (absent && described) {
                servedButListedAbsent.add(line);
            }
        }
        assertThat(contract()).hasSizeGreaterThan(30);
        assertThat(missing).as("contract endpoints not described").isEmpty();
        assertThat(servedButListedAbsent).as("served now: move them into the contract list").isEmpty();
    }

    @Test
    void everyOperationDescribesItsProblemAnswers() {
        JsonNode command = admin(system.commandSide().baseUrl()).get("/v3/api-docs").json();
        JsonNode receive = command.path("paths").path("/api/applications").path("post").path("responses");
        assertThat(receive.path("400").path("content").has("application/problem+json")).as(receive.toString()).isTrue();
        assertThat(command.path("components").path("schemas").path("Problem").path("properties").has("errors")).isTrue();
    }

    @Test
    void theDescriptionAndTheTryItPageAreForSignedInAdminsOnly() {
        for (String base : new String[]{system.commandSide().baseUrl(), system.querySide().baseUrl()}) {
            assertThat(new Http(base, null, null).get("/v3/api-docs").status()).isEqualTo(401);
            assertThat(new Http(base, null, null).get("/swagger-ui/index.html").status()).isEqualTo(401);
            Http.Response page = admin(base).get("/swagger-ui/index.html");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("swagger-ui").doesNotContain("https://");
        }
        system.commandSide().agencyWithClerk("xiaoying", "li");
        assertThat(new Http(system.commandSide().baseUrl(), "li", "li-password").get("/v3/api-docs").status()).isEqualTo(403);
    }

    private static Http admin(String base) {
        return new Http(base, "admin", RunningCommandSide.ADMIN_PASSWORD);
    }

    private static List<String> contract() throws IOException {
        try (InputStream in = ApiDescriptionTest.class.getResourceAsStream("/contract-endpoints.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }
}
