package gongkai.query.testing;

import gongkai.events.application.ApplicationReceived;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fault tests compare after a crash, read straight from the database: the applications the event
 * store holds, the applications table 三 counts as NEW, and the cases the applications' read model holds.
 */
public final class StoreAndReport {

    private StoreAndReport() {
    }

    /** The id of every application the event store holds. */
    public static List<String> storedApplications(Connection connection) throws SQLException {
        return strings(connection, "select aggregate_identifier from command_side.domain_event_entry "
                                   + "where payload_type = '" + ApplicationReceived.class.getName() + "'");
    }

    /** The id of every application the applications' read model holds. */
    public static List<String> applicationCases(Connection connection) throws SQLException {
        return strings(connection, "select application_id from query_side.application_case");
    }

    /** Table 三's NEW, summed over every agency and year (from the tally the report reads). */
    public static long newInTableThree(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select coalesce(sum(applications), 0) from query_side.application_tally "
                                                   + "where row_key = 'NEW'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> strings(Connection connection, String select) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(select)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
