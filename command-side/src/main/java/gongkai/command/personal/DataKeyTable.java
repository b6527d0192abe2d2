package gongkai.command.personal;

import gongkai.events.personal.DataKeyRing;
import gongkai.events.personal.MasterKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.function.Consumer;

/**
 * The table {@code command_side.data_key} (V17_1). Keys are created and destroyed in the transaction of
 * the command that needs it (through Spring's transaction-bound connection, the one the event store
 * appends with), so a key exists exactly when the events encrypted with it were committed, and an
 * erasure commits with its event or not at all.
 */
public class DataKeyTable implements DataKeyRing.Store, DataKeyShredder {

    private final JdbcTemplate jdbc;
    private DataKeyRing ring;

    public DataKeyTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void use(DataKeyRing ring) {
        this.ring = ring;
    }

    @Override
    public DataKeyRing.Wrapped find(String caseId) {
        List<DataKeyRing.Wrapped> found = jdbc.query("select wrapped_key from data_key where case_id = ?",
                                                     (rs, i) -> {
                                                         byte[] key = rs.getBytes(1);
                                                         return key == null ? DataKeyRing.Wrapped.ERASED
                                                                            : new DataKeyRing.Wrapped(key);
                                                     }, caseId);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public DataKeyRing.Wrapped create(String caseId, byte[] wrapped, Consumer<DataKeyRing.Wrapped> remember) {
        // A second writer of the same new case waits here for the first one's transaction, then finds its key.
        int inserted = jdbc.update("insert into data_key (case_id, wrapped_key) values (?, ?) on conflict (case_id) do nothing",
                                   caseId, wrapped);
        // Inserted: the key stored is the one given, no need to read it back.
        DataKeyRing.Wrapped stored = inserted == 1 ? new DataKeyRing.Wrapped(wrapped) : find(caseId);
        afterCommit(() -> remember.accept(stored));
        return stored;
    }

    @Override
    public void destroyKeyOf(String caseId) {
        jdbc.update("insert into data_key (case_id, wrapped_key, erased_at) values (?, null, now())"
                    + " on conflict (case_id) do update set wrapped_key = null, erased_at = coalesce(data_key.erased_at, now())",
                    caseId);
        afterCommit(() -> ring.forget(caseId));
    }

    /** Every data key unwrapped with {@code from} and wrapped again with {@code to}, in the caller's transaction. */
    int rewrap(MasterKey from, MasterKey to) {
        List<String> cases = jdbc.queryForList("select case_id from data_key where wrapped_key is not null order by case_id",
                                               String.class);
        for (String caseId : cases) {
            byte[] wrapped = jdbc.queryForObject("select wrapped_key from data_key where case_id = ? for update",
                                                 byte[].class, caseId);
            jdbc.update("update data_key set wrapped_key = ? where case_id = ?",
                        to.wrap(from.unwrap(wrapped, caseId), caseId), caseId);
        }
        return cases.size();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
