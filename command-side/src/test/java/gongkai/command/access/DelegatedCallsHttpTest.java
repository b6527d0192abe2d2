package gongkai.command.access;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.http.access.OnBehalfOf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages call the command side with their own account and {@code Gongkai-On-Behalf-Of}: the
 * request runs as the named user, whose name the events record; nobody else may send the header, and
 * the pages account alone may do nothing but ask who it is. Over real HTTP.
 */
class DelegatedCallsHttpTest {

    private static final String PAGES_PASSWORD = "pages-secret-12";
    private static final String APPLICATION = """
            {"agencyId":"xiaoying","receivedOn":"2024-03-01","channel":"MAIL","applicantType":"NATURAL_PERSON",
             "applicant":{"name":"张三"},"request":"预算"}""";

    private static RunningCommandSide commandSide;
    private static Http pages;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase("--gongkai.pages.password=" + PAGES_PASSWORD);
        commandSide.agencyWithClerk("xiaoying", "li");
        commandSide.agencyWithClerk("luanping", "wang");
        pages = commandSide.as("pages", PAGES_PASSWORD);
    }

    @AfterAll
    static void stop() {
        commandSide.close();
    }

    @Test
    void aCommandSentByThePagesOnBehalfOfAClerkIsRecordedWithTheClerkAsActor() {
        Http.Response received = pages.withHeader(OnBehalfOf.HEADER, "li").post("/api/applications", APPLICATION);
        assertThat(received.status()).as(received.body()).isEqualTo(201);
        String id = received.json().get("applicationId").asText();
        byte[] metaData = commandSide.context().getBean(JdbcTemplate.class).queryForObject(
                "select meta_data from command_side.domain_event_entry where aggregate_identifier = ?", byte[].class, id);
        assertThat(new String(metaData, StandardCharsets.UTF_8)).contains("\"actor\":\"li\"").doesNotContain("pages");
    }

    @Test
    void onBehalfOfAUserThePagesHaveThatUsersAgencyAndRolesOnly() {
        Http.Response otherAgency = pages.withHeader(OnBehalfOf.HEADER, "wang").post("/api/applications", APPLICATION);
        assertThat(otherAgency.status()).as(otherAgency.body()).isEqualTo(400);
        Http.Response adminOnly = pages.withHeader(OnBehalfOf.HEADER, "li")
                                       .post("/api/admin/agencies", "{\"agencyId\":\"x2\",\"name\":\"x2\"}");
        assertThat(adminOnly.status()).isEqualTo(403);
        Http.Response me = pages.withHeader(OnBehalfOf.HEADER, "wang").get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("wang");
        assertThat(me.json().get("agencyId").asText()).isEqualTo("luanping");
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"CLERK\"]");
    }

    @Test
    void thePagesAccountAloneIsGrantedNothingButKnowingItself() {
        assertThat(pages.post("/api/applications", APPLICATION).status()).isEqualTo(403);
        assertThat(pages.post("/api/admin/agencies", "{\"agencyId\":\"x3\",\"name\":\"x3\"}").status()).isEqualTo(403);
        Http.Response me = pages.get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("roles").toString()).isEqualTo("[\"PAGES\"]");
    }

    @Test
    void theHeaderFromAnyoneButThePagesIsRefused() {
        Http.Response fromClerk = commandSide.as("li", "li-password").withHeader(OnBehalfOf.HEADER, "wang")
                                             .post("/api/applications", APPLICATION);
        assertThat(fromClerk.status()).isEqualTo(403);
        assertThat(fromClerk.contentType()).startsWith("application/problem+json");
        assertThat(commandSide.admin().withHeader(OnBehalfOf.HEADER, "li").get("/api/me").status()).isEqualTo(403);
    }

    @Test
    void onBehalfOfAnUnknownUserOrWithAWrongPagesPasswordNothingHappens() {
        assertThat(pages.withHeader(OnBehalfOf.HEADER, "nobody").post("/api/applications", APPLICATION).status())
                .isEqualTo(403);
        assertThat(commandSide.as("pages", "wrong-password").withHeader(OnBehalfOf.HEADER, "li")
                              .post("/api/applications", APPLICATION).status()).isEqualTo(401);
    }

    @Test
    void aDisabledUserCannotBeActedForNorSignIn() {
        commandSide.agencyWithClerk("gone", "zhao");
        commandSide.context().getBean(JdbcTemplate.class).update(
                "update command_side.user_account set enabled = false where username = 'zhao'");
        assertThat(pages.withHeader(OnBehalfOf.HEADER, "zhao").get("/api/me").status()).isEqualTo(403);
        assertThat(commandSide.as("zhao", "zhao-password").get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void theMeEndpointChecksAUsersOwnPassword() {
        Http.Response me = commandSide.as("li", "li-password").get("/api/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asText()).isEqualTo("li");
        assertThat(commandSide.as("li", "not-her-password").get("/api/me").status()).isEqualTo(401);
        assertThat(commandSide.admin().get("/api/me").json().get("roles").toString()).isEqualTo("[\"ADMIN\"]");
    }

    @Test
    void noPagesAccountIsEnabledWithoutAPassword() {
        try (RunningCommandSide restarted = RunningCommandSide.on(commandSide.databaseUrl())) {
            assertThat(restarted.as("pages", PAGES_PASSWORD).get("/api/me").status()).isEqualTo(401);
        }
        try (RunningCommandSide again = RunningCommandSide.on(commandSide.databaseUrl(),
                                                               "--gongkai.pages.password=" + PAGES_PASSWORD)) {
            assertThat(again.as("pages", PAGES_PASSWORD).get("/api/me").status()).isEqualTo(200);
        }
    }

    @Test
    void thePagesAccountCannotBeCreatedThroughTheAdminApi() {
        Http.Response created = commandSide.admin().post("/api/admin/users",
                "{\"username\":\"pages2\",\"password\":\"long-password-1\",\"roles\":[\"PAGES\"]}");
        assertThat(created.status()).isEqualTo(400);
    }
}
