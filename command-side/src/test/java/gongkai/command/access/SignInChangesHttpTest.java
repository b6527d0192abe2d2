package gongkai.command.access;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.command.testing.TestDatabase;
import gongkai.http.access.SignInChanges;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed-in request reads its user from memory while every change to the users is heard
 * (gongkai.http.access.SignInChanges): a change committed by anyone, even by hand in SQL, holds once
 * PostgreSQL's notification arrives, and while the side cannot hear changes it reads the user again on
 * every request. A clerk's empty command is 400 (signed in, may record), an auditor's 403.
 */
class SignInChangesHttpTest {

    private static RunningCommandSide commandSide;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        commandSide.agencyWithClerk("xiaoying", "li");
    }

    @AfterAll
    static void stop() {
        commandSide.close();
    }

    @Test
    void aUserChangedByHandInTheTableIsSignedInUnderTheChangeOnceItIsAnnounced() throws Exception {
        Http clerk = createClerk("wang");
        assertThat(clerk.post("/api/applications", "{}").status()).isEqualTo(400);
        sql("update command_side.user_account set roles = 'AUDITOR' where username = 'wang'");
        await(() -> clerk.post("/api/applications", "{}").status(), 403, "the clerk made auditor by hand");
        sql("update command_side.user_account set enabled = false where username = 'wang'");
        await(() -> clerk.post("/api/applications", "{}").status(), 401, "the user disabled by hand");
    }

    @Test
    void aUserIsReadFromMemoryWhileNoChangeIsAnnounced() throws Exception {
        Http clerk = createClerk("zhao");
        everyAnnouncedChangeHeard(); // the clerk's creation, announced too, must not drop what is kept below
        assertThat(clerk.post("/api/applications", "{}").status()).isEqualTo(400);
        // A change nobody announces (the trigger off) is not seen: the user was not read again ...
        sql("alter table command_side.user_account disable trigger user_account_changed; "
            + "update command_side.user_account set roles = 'AUDITOR' where username = 'zhao'; "
            + "alter table command_side.user_account enable trigger user_account_changed");
        for (int i = 0; i < 5; i++) {
            assertThat(clerk.post("/api/applications", "{}").status()).as("kept in memory").isEqualTo(400);
        }
        // ... until any change is announced.
        sql("update command_side.user_account set roles = roles where username = 'li'");
        await(() -> clerk.post("/api/applications", "{}").status(), 403, "the user read again after an announced change");
    }

    @Test
    void whileTheSideCannotHearChangesItReadsTheUserOnEveryRequest() throws Exception {
        Http clerk = createClerk("sun");
        everyAnnouncedChangeHeard();
        assertThat(clerk.post("/api/applications", "{}").status()).isEqualTo(400);
        sql("alter table command_side.user_account disable trigger user_account_changed; "
            + "update command_side.user_account set roles = 'AUDITOR' where username = 'sun'; "
            + "alter table command_side.user_account enable trigger user_account_changed");
        assertThat(clerk.post("/api/applications", "{}").status()).as("kept in memory").isEqualTo(400);
        // Every other connection to the database ended, the listening one among them (the pool opens new ones).
        sql("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() "
            + "and pid <> pg_backend_pid()");
        await(() -> clerk.post("/api/applications", "{}").status(), 403, "the user read again once the listener was lost");
    }

    private static Http createClerk(String username) {
        Http.Response created = commandSide.admin().post("/api/admin/users", "{\"username\":\"" + username
                + "\",\"password\":\"" + username + "-password\",\"roles\":[\"CLERK\"],\"agencyId\":\"xiaoying\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return commandSide.as(username, username + "-password");
    }

    /** Announces a change of its own and waits until it is heard: PostgreSQL delivers announcements in order. */
    private static void everyAnnouncedChangeHeard() throws Exception {
        SignInChanges changes = commandSide.context().getBean(SignInChanges.class);
        long before = changes.changesHeard();
        sql("notify " + SignInChanges.CHANNEL);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (changes.changesHeard() == before && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(changes.changesHeard()).as("the announcement heard within 10 s").isGreaterThan(before);
    }

    private static void sql(String statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(commandSide.databaseUrl(), TestDatabase.USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    private static void await(Supplier<Integer> status, int expected, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int last = status.get();
        while (last != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            last = status.get();
        }
        assertThat(last).as("waited 10 s for " + what + "; last status").isEqualTo(expected);
    }
}
