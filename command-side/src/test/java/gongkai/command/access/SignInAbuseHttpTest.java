package gongkai.command.access;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Password guessing is stopped (5 failures for a user, 20 from an address, within 10 minutes: 429
 * with Retry-After, even for the right password), a new user's password has a minimum, and every
 * answer carries the standard security headers. Over real HTTP.
 */
class SignInAbuseHttpTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static RunningCommandSide commandSide;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        commandSide.agencyWithClerk("xiaoying", "li");
        commandSide.agencyWithClerk("luanping", "wang");
    }

    @AfterAll
    static void stop() {
        commandSide.close();
    }

    @Test
    void afterFiveFailedSignInsForAUserEvenTheRightPasswordIsRefusedForAWhile() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(me("li", "guess-" + i).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = me("li", "li-password");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(500L, 600L);
        assertThat(me("wang", "wang-password").statusCode()).as("another user is not held up").isEqualTo(200);
    }

    @Test
    void twentyFailuresFromOneAddressRefuseEveryUserFromIt() throws Exception {
        try (RunningCommandSide own = RunningCommandSide.onNewDatabase()) {
            own.agencyWithClerk("xiaoying", "zhao");
            for (int i = 0; i < 20; i++) {
                assertThat(send(own, "user" + i, "guess").statusCode()).isEqualTo(401);
            }
            assertThat(send(own, "zhao", "zhao-password").statusCode()).isEqualTo(429);
        }
    }

    @Test
    void aFailedAttemptIsCountedWithoutThePassword() throws Exception {
        me("wang", "a-very-distinct-guess-4711");
        long failures = commandSide.context().getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "select count(*) from command_side.sign_in_failure where username = 'wang'", Long.class);
        assertThat(failures).isEqualTo(1);
        assertThat(String.join(" ", commandSide.context().getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForList("select username || address from command_side.sign_in_failure", String.class)))
                .doesNotContain("4711");
    }

    @Test
    void aNewUsersPasswordNeedsTenCharactersAndIsNotTheUsername() {
        Http admin = commandSide.admin();
        Http.Response shortOne = admin.post("/api/admin/users",
                "{\"username\":\"qian\",\"password\":\"short-pw\",\"roles\":[\"CLERK\"],\"agencyId\":\"xiaoying\"}");
        assertThat(shortOne.status()).isEqualTo(400);
        assertThat(shortOne.json().get("errors").findValuesAsText("field")).containsExactly("password");
        Http.Response theName = admin.post("/api/admin/users",
                "{\"username\":\"qianqianqian\",\"password\":\"QianQianQian\",\"roles\":[\"CLERK\"],\"agencyId\":\"xiaoying\"}");
        assertThat(theName.status()).isEqualTo(400);
        assertThat(theName.json().get("errors").findValuesAsText("field")).containsExactly("password");
    }

    @Test
    void everyAnswerCarriesTheStandardSecurityHeaders() throws Exception {
        for (HttpResponse<String> answer : new HttpResponse[]{me("wang", "wang-password"), me(null, null),
                                                               send(commandSide, "wang", "wang-password", "/api/nothing-here")}) {
            assertThat(answer.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(answer.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
            assertThat(answer.headers().firstValue("Content-Security-Policy").orElse(""))
                    .contains("default-src 'none'").contains("frame-ancestors 'none'");
            assertThat(answer.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        }
    }

    private static HttpResponse<String> me(String username, String password) throws Exception {
        return send(commandSide, username, password);
    }

    private static HttpResponse<String> send(RunningCommandSide side, String username, String password) throws Exception {
        return send(side, username, password, "/api/me");
    }

    private static HttpResponse<String> send(RunningCommandSide side, String username, String password, String path)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(side.baseUrl() + path));
        if (username != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
