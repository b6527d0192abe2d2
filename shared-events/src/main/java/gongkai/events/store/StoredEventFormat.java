package gongkai.events.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.sql.SQLException;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

import java.util.List;
import gongkai.events.personal.DataKeys;

/**
 * How events are stored: the event table's name and columns (created by the command side's Flyway
 * migrations, read by both sides) and the JSON they are written in. The command side writes with
 * it and the query side reads with it, so it has exactly one home.
 */
public final class StoredEventFormat {

    /** The PostgreSQL schema that holds the event store (owned by the command side). */
    public static final String SCHEMA = "command_side";
    public static final String EVENT_TABLE = SCHEMA + ".domain_event_entry";
    public static final String SNAPSHOT_TABLE = SCHEMA + ".snapshot_event_entry";
    /** PostgreSQL notification channel signalled by every append (see the command side's V1 migration). */
    public static final String APPENDED_CHANNEL = "gongkai_events_appended";

    private StoredEventFormat() {
    }

    public static EventSchema eventSchema() {
        return EventSchema.builder()
                          .eventTable(EVENT_TABLE)
                          .snapshotTable(SNAPSHOT_TABLE)
                          .globalIndexColumn("global_index")
                          .eventIdentifierColumn("event_identifier")
                          .aggregateIdentifierColumn("aggregate_identifier")
                          .sequenceNumberColumn("sequence_number")
                          .typeColumn("type")
                          .timestampColumn("time_stamp")
                          .payloadTypeColumn("payload_type")
                          .payloadRevisionColumn("payload_revision")
                          .payloadColumn("payload")
                          .metaDataColumn("meta_data")
                          .build();
    }

    /**
     * The JSON mapper of stored events, dedicated to them: web settings never change how an event
     * is stored. Unknown properties are ignored so that a reader tolerates fields added later.
     */
    public static ObjectMapper objectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Recognises PostgreSQL's unique violation (SQLState 23505) anywhere in a failure, batch entries
     * included: it is how the store's optimistic lock says that another writer appended first.
     * (Axon's JdbcSQLErrorCodesResolver looks for a JDBC exception class that PostgreSQL's driver never throws.)
     */
    public static PersistenceExceptionResolver duplicateKeyResolver() {
        return StoredEventFormat::isUniqueViolation;
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            for (SQLException e = t instanceof SQLException sql ? sql : null; e != null; e = e.getNextException()) {
                if ("23505".equals(e.getSQLState())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Axon's JDBC storage engine on the event table, in this format, with the duplicate-key resolver
     * the optimistic lock needs; a side adds what only it needs (a batch size, say) before building.
     */
    public static JdbcEventStorageEngine.Builder storageEngine(ConnectionProvider connections,
                                                               TransactionManager transactions,
                                                               EventUpcaster upcasterChain) {
        return storageEngine(connections, transactions, upcasterChain, serializer());
    }

    /** As above, with the serializer given: the one that encrypts personal data ({@link #serializer(DataKeys)}). */
    public static JdbcEventStorageEngine.Builder storageEngine(ConnectionProvider connections,
                                                               TransactionManager transactions,
                                                               EventUpcaster upcasterChain, Serializer serializer) {
        return JdbcEventStorageEngine.builder()
                                     .connectionProvider(connections)
                                     .transactionManager(transactions)
                                     .schema(eventSchema())
                                     .dataType(byte[].class)
                                     .eventSerializer(serializer)
                                     .snapshotSerializer(serializer)
                                     .upcasterChain(upcasterChain)
                                     .persistenceExceptionResolver(duplicateKeyResolver());
    }

    /** Events as plain JSON: for what never stores an event (tests of the stored forms, tools). */
    public static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(objectMapper()).build();
    }

    /** Events as JSON with every personal field encrypted under its case's data key ({@link PersonalDataSerializer}). */
    public static Serializer serializer(DataKeys keys) {
        return serializer(keys, true);
    }

    /**
     * With {@code encrypt} false, personal fields are written in clear (what is stored encrypted still reads):
     * only for measuring what encryption costs (the benchmark's {@code --personal-data plain}), never in use.
     */
    public static Serializer serializer(DataKeys keys, boolean encrypt) {
        return new PersonalDataSerializer(JacksonSerializer.builder().objectMapper(objectMapper()).build(), keys, encrypt);
    }

    /**
     * The upcasters that turn stored events of older revisions into the present event classes, in
     * the order they apply. Both sides register every one of them with the storage engine they build,
     * so that an event stored long ago loads on either side. An event class changed in a way old JSON
     * does not fit gets a new {@code @Revision} and an upcaster here.
     */
    public static List<EventUpcaster> upcasters() {
        return List.of(new ConsultedPartyRenamed());
    }
}
