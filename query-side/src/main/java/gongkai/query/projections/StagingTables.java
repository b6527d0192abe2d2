package gongkai.query.projections;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The staging copies a bulk rebuild writes into (schema {@value #SCHEMA}): each an unlogged table shaped like
 * its live table of {@code query_side} (columns, defaults, checks, keys under their own names), its other
 * indexes built once the rows are in, then made logged and swapped in for the live table in one transaction.
 * <p>
 * Only DDL, on the caller's connection and transaction (a {@link JdbcTemplate} bound to it).
 */
final class StagingTables {

    /** The schema of the staging copies; nothing else lives there, and it is dropped after every rebuild. */
    static final String SCHEMA = "query_side_rebuild";
    private static final String LIVE = "query_side";

    /**
     * The tables of {@code query_side} that are no read model: processors' tokens and claims, dead letters, the
     * marks of events applied (a rebuild writes its own, see {@link BulkRebuild}) and Flyway's history.
     */
    static final Set<String> NOT_READ_MODELS = Set.of("token_entry", "dead_letter_entry", "applied_event",
                                                      "processor_instance", "flyway_schema_history");

    private final JdbcTemplate jdbc;

    StagingTables(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Drops whatever a rebuild that was stopped left, and makes the staging schema afresh, empty. */
    void fresh() {
        drop();
        jdbc.execute("create schema " + SCHEMA);
    }

    void drop() {
        jdbc.execute("drop schema if exists " + SCHEMA + " cascade");
    }

    /** Every table of {@code query_side} but {@link #NOT_READ_MODELS}. */
    List<String> candidates() {
        List<String> tables = new ArrayList<>(jdbc.queryForList(
                "select tablename from pg_tables where schemaname = ? order by tablename", String.class, LIVE));
        tables.removeAll(NOT_READ_MODELS);
        return tables;
    }

    /**
     * An empty unlogged copy of the live table: its columns, defaults (a serial column draws from the live
     * table's sequence, so that ids never repeat), checks, and the indexes behind its keys (primary, unique),
     * under their live names: what the projections' own upserts and lookups by key need while the rows come in.
     */
    void create(String table) {
        jdbc.execute("create unlogged table " + SCHEMA + "." + table + " (like " + LIVE + "." + table
                     + " including all excluding indexes)");
        List<String[]> keys = jdbc.query(
                "select conname, pg_get_constraintdef(c.oid) from pg_constraint c join pg_class t on t.oid = c.conrelid "
                + "join pg_namespace n on n.oid = t.relnamespace where n.nspname = ? and t.relname = ? "
                + "and c.contype in ('p', 'u', 'x') order by conname",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2)}, LIVE, table);
        for (String[] key : keys) {
            jdbc.execute("alter table " + SCHEMA + "." + table + " add constraint " + quoted(key[0]) + " " + key[1]);
        }
    }

    /**
     * The secondary indexes the projections look rows up by while following events (a case's open cells, a
     * source's open contributions, a case's agency in the audit trail, a year's current text, an agency's
     * documents and changes, a case's due dates): built on the staging copies before the rows come in. Every
     * other secondary index is built once the rows are in, far cheaper than kept up row by row. An index
     * missing here costs a rebuild its speed (a lookup would read the whole staging table), never a row.
     */
    static final Set<String> LOOKED_UP_WHILE_FOLLOWING = Set.of(
            "application_cell_of_case", "report_contribution_of_source", "audit_event_case", "report_narrative_of_year",
            "document_case_agency", "agency_change_of_agency", "application_due_history_of_case");

    /**
     * The live table's secondary indexes that {@code whileFollowing} says (those the projections look rows up by,
     * or the others), built on the staging copy under their live names.
     */
    void createIndexes(String table, boolean whileFollowing) {
        for (String definition : jdbc.queryForList(
                "select pg_get_indexdef(i.indexrelid) from pg_index i join pg_class t on t.oid = i.indrelid "
                + "join pg_namespace n on n.oid = t.relnamespace where n.nspname = ? and t.relname = ? "
                + "and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid) order by 1",
                String.class, LIVE, table)) {
            String name = definition.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) ON .*$", "$2");
            if (LOOKED_UP_WHILE_FOLLOWING.contains(name) != whileFollowing) {
                continue;
            }
            String on = " ON " + LIVE + "." + table + " ";
            int at = definition.indexOf(on);
            if (at < 0) {
                throw new IllegalStateException("unexpected index definition of " + table + ": " + definition);
            }
            jdbc.execute(definition.substring(0, at) + " ON " + SCHEMA + "." + table + " " + definition.substring(at + on.length()));
        }
    }

    /** The tables of the staging schema that the current transaction has written to (or deleted from). */
    List<String> writtenInThisTransaction() {
        return jdbc.queryForList("select distinct c.relname from pg_locks l join pg_class c on c.oid = l.relation "
                                 + "join pg_namespace n on n.oid = c.relnamespace where l.pid = pg_backend_pid() "
                                 + "and l.locktype = 'relation' and l.mode = 'RowExclusiveLock' and c.relkind = 'r' "
                                 + "and n.nspname = ? order by 1", String.class, SCHEMA);
    }

    void dropTable(String table) {
        jdbc.execute("drop table " + SCHEMA + "." + table);
    }

    /**
     * Writes the staging copy to the WAL (it survives a crash from now on), builds the indexes left for after the
     * load, and gathers its statistics.
     */
    void finish(String table) {
        jdbc.execute("alter table " + SCHEMA + "." + table + " set logged");
        createIndexes(table, false);
        jdbc.execute("analyze " + SCHEMA + "." + table);
    }

    /**
     * Puts the staging copy in the live table's place (in the caller's transaction): the live table's serial
     * sequences pass to the copy, whose defaults draw from them already, the live table is dropped and the
     * copy moved into {@code query_side} with them, its indexes and constraints under the names they had.
     */
    void swapIn(String table) {
        List<String[]> serials = jdbc.query(
                "select s.relname, a.attname from pg_depend d join pg_class s on s.oid = d.objid "
                + "join pg_class t on t.oid = d.refobjid join pg_namespace n on n.oid = t.relnamespace "
                + "join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid "
                + "where s.relkind = 'S' and d.deptype = 'a' and n.nspname = ? and t.relname = ?",
                (rs, i) -> new String[]{rs.getString(1), rs.getString(2)}, LIVE, table);
        for (String[] serial : serials) {
            // Beside its new table (a sequence is owned in its own schema only), so that the move below takes it
            // back with the table.
            String sequence = LIVE + "." + quoted(serial[0]);
            jdbc.execute("alter sequence " + sequence + " owned by none");
            jdbc.execute("alter sequence " + sequence + " set schema " + SCHEMA);
            jdbc.execute("alter sequence " + SCHEMA + "." + quoted(serial[0]) + " owned by " + SCHEMA + "." + table + "."
                         + quoted(serial[1]));
        }
        jdbc.execute("drop table " + LIVE + "." + table);
        jdbc.execute("alter table " + SCHEMA + "." + table + " set schema " + LIVE);
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
