package gongkai.query.endtoend;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.query.testing.RunningQuerySide;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator renames agencies and changes users: roles, password, disabled. Both sides sign
 * users in from the same table, so each change holds on both at once; a disabled user signs in nowhere.
 */
class AdminAccountsEndToEndTest {

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static Http admin;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl());
        admin = commandSide.admin();
        commandSide.agencyWithClerk("xiaoying", "li");
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    @Test
    void anAgencyIsRenamedAndListedUnderItsNewName() {
        Http.Response renamed = admin.put("/api/admin/agencies/xiaoying/name", "{\"name\":\"小营街道办事处\"}");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        JsonNode agencies = admin.get("/api/admin/agencies").json().get("agencies");
        assertThat(agencies.get(0).get("name").asText()).isEqualTo("小营街道办事处");
        assertThat(admin.put("/api/admin/agencies/nowhere/name", "{\"name\":\"某地\"}").status()).isEqualTo(404);
        Http.Response blank = admin.put("/api/admin/agencies/xiaoying/name", "{\"name\":\" \"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aNewPasswordReplacesTheOldOneOnBothSides() {
        createUser("zhou", "zhou-password-1", "CLERK");
        assertSignsIn("zhou", "zhou-password-1", true);
        Http.Response reset = admin.put("/api/admin/users/zhou/password", "{\"password\":\"zhou-password-2\"}");
        assertThat(reset.status()).as(reset.body()).isEqualTo(200);
        assertSignsIn("zhou", "zhou-password-1", false);
        assertSignsIn("zhou", "zhou-password-2", true);
        assertThat(admin.put("/api/admin/users/zhou/password", "{\"password\":\"short\"}").status()).isEqualTo(400);
    }

    @Test
    void aUserGivenOtherRolesActsUnderThemAtOnce() {
        createUser("wu", "wu-password-1", "CLERK");
        Http clerk = commandSide.as("wu", "wu-password-1");
        assertThat(clerk.post("/api/applications", "{}").status()).as("a clerk may record: the body is refused, not the user")
                                                                   .isEqualTo(400);
        Http.Response changed = admin.put("/api/admin/users/wu/roles", "{\"roles\":[\"AUDITOR\"],\"agencyId\":\"xiaoying\"}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("roles").get(0).asText()).isEqualTo("AUDITOR");
        assertThat(clerk.post("/api/applications", "{}").status()).as("an auditor records nothing").isEqualTo(403);
        assertThat(querySide.as("wu", "wu-password-1").get("/api/audit/verifications").status()).isEqualTo(200);
        Http.Response noAgency = admin.put("/api/admin/users/wu/roles", "{\"roles\":[\"CLERK\"]}");
        assertThat(noAgency.status()).isEqualTo(400);
        assertThat(noAgency.body()).contains("agencyId");
        assertThat(admin.put("/api/admin/users/admin/roles", "{\"roles\":[\"AUDITOR\"],\"agencyId\":\"xiaoying\"}").status())
                .as("an admin cannot lock themselves out").isEqualTo(409);
    }

    @Test
    void aDisabledUserCannotSignInAnywhereUntilEnabledAgain() {
        createUser("zheng", "zheng-password-1", "CLERK");
        assertSignsIn("zheng", "zheng-password-1", true);
        Http.Response disabled = admin.put("/api/admin/users/zheng/disabled", "{\"disabled\":true}");
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().get("disabled").asBoolean()).isTrue();
        assertSignsIn("zheng", "zheng-password-1", false);
        JsonNode listed = null;
        for (JsonNode user : admin.get("/api/admin/users").json().get("users")) {
            if (user.get("username").asText().equals("zheng")) {
                listed = user;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("disabled").asBoolean()).isTrue();
        assertThat(listed.has("passwordHash")).as("never the hash").isFalse();

        assertThat(admin.put("/api/admin/users/zheng/disabled", "{\"disabled\":false}").status()).isEqualTo(200);
        assertSignsIn("zheng", "zheng-password-1", true);
        assertThat(admin.put("/api/admin/users/admin/disabled", "{\"disabled\":true}").status()).isEqualTo(409);
        assertThat(admin.put("/api/admin/users/nobody/disabled", "{\"disabled\":true}").status()).isEqualTo(404);
    }

    private static void createUser(String username, String password, String role) {
        Http.Response created = admin.post("/api/admin/users", "{\"username\":\"" + username + "\",\"password\":\"" + password
                                                                + "\",\"roles\":[\"" + role + "\"],\"agencyId\":\"xiaoying\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /**
     * Whether the user signs in on the query side and on the command side (an empty command: 400, not 401). The command side, where the admin made the change, holds it at once; the query side, another process,
     * from the moment PostgreSQL delivers the change's notification, awaited here up to 10 s.
     */
    private static void assertSignsIn(String username, String password, boolean signsIn) {
        int command = commandSide.as(username, password).post("/api/applications", "{}").status();
        int query = querySide.as(username, password).get("/api/calendars").status();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((query == 401) != !signsIn && System.nanoTime() < deadline) {
            pause();
            query = querySide.as(username, password).get("/api/calendars").status();
        }
        if (signsIn) {
            assertThat(query).as("query side").isEqualTo(200);
            assertThat(command).as("command side").isNotEqualTo(401);
        } else {
            assertThat(query).as("query side").isEqualTo(401);
            assertThat(command).as("command side").isEqualTo(401);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
