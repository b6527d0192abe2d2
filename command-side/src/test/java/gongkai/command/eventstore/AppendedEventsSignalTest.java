package gongkai.command.eventstore;

import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.command.testing.TestDatabase;
import gongkai.events.store.StoredEventFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AppendedEventsSignalTest {

    private static RunningCommandSide commandSide;
    private static Http clerk;

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        clerk = commandSide.agencyWithClerk("xiaoying", "clerk");
    }

    @AfterAll
    static void stop() {
        commandSide.close();
    }

    @Test
    void theQuerySideIsToldAfterTheCommitThatEventsWereAppended() throws Exception {
        try (Connection listener = DriverManager.getConnection(commandSide.databaseUrl(), TestDatabase.USER, "")) {
            try (Statement listen = listener.createStatement()) {
                listen.execute("LISTEN " + StoredEventFormat.APPENDED_CHANNEL);
            }
            PGConnection pg = listener.unwrap(PGConnection.class);
            pg.getNotifications(10); // nothing left over from the set-up

            String id = UUID.randomUUID().toString();
            Http.Response received = clerk.post("/api/applications", """
                    {"applicationId":"%s","agencyId":"xiaoying","receivedOn":"2024-03-01","channel":"ONLINE",
                     "applicantType":"NATURAL_PERSON","applicant":{"name":"张三"},"request":"预算"}""".formatted(id));
            assertThat(received.status()).as(received.body()).isEqualTo(201);

            PGNotification[] notifications = pg.getNotifications(5_000);
            assertThat(notifications).as("a notification within 5 s of the answer").isNotEmpty();
            try (Statement count = listener.createStatement();
                 var rs = count.executeQuery("select count(*) from command_side.domain_event_entry where aggregate_identifier = '" + id + "'")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the event is committed when the query side is told").isEqualTo(1);
            }
        }
    }

    @Test
    void theAppendingTransactionItselfNotifiesNoOne() throws Exception {
        // a NOTIFY in the appending transaction would serialize every command's commit on PostgreSQL's notification lock
        try (Connection connection = DriverManager.getConnection(commandSide.databaseUrl(), TestDatabase.USER, "");
             Statement s = connection.createStatement();
             var rs = s.executeQuery("select count(*) from pg_trigger where tgrelid = 'command_side.domain_event_entry'::regclass "
                                     + "and not tgisinternal")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }
}
