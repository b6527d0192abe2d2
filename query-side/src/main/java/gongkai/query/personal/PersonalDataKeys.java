package gongkai.query.personal;

import gongkai.events.personal.DataKeyRing;
import gongkai.events.personal.MasterKey;
import gongkai.events.personal.MasterKeySettings;
import gongkai.events.store.StoredEventFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The query side reads the data keys the command side keeps ({@code command_side.data_key}), never
 * writes one, with the same master key. The key is loaded when first needed (the command side, started
 * at the same moment, may still be writing the embedded default), and checked at start when the command
 * side has stored its check value: a wrong key stops the start with a message that says so.
 */
@Configuration
public class PersonalDataKeys {

    private static final String KEYS = StoredEventFormat.SCHEMA + ".data_key";
    private static final String CHECK = StoredEventFormat.SCHEMA + ".master_key_check";

    @Bean
    public DataKeyRing dataKeyRing(@Value("${" + MasterKeySettings.PROPERTY + ":}") String text,
                                   @Value("${" + MasterKeySettings.FILE_PROPERTY + ":" + MasterKeySettings.DEFAULT_FILE + "}") String file,
                                   @Value("${gongkai.personal-data.key-cache:PT30S}") Duration keep, JdbcTemplate jdbc) {
        Supplier<MasterKey> master = new Supplier<>() {
            private volatile MasterKey loaded;

            @Override
            public MasterKey get() {
                if (loaded == null) {
                    loaded = new MasterKeySettings(text, Path.of(file)).load(false, message -> { });
                }
                return loaded;
            }
        };
        // Asked first whether the table exists (the command side may not have migrated yet), so that
        // PostgreSQL does not log a failed statement at every first start.
        Boolean migrated = jdbc.queryForObject("select to_regclass(?) is not null", Boolean.class, CHECK);
        List<byte[]> check = Boolean.TRUE.equals(migrated)
                ? jdbc.queryForList("select check_value from " + CHECK + " where id = 1", byte[].class)
                : List.of();
        if (!check.isEmpty() && !master.get().opens(check.get(0))) {
            throw new IllegalStateException("the " + master.get() + " does not open the data keys stored in " + KEYS
                                            + ": start the query side with the master key the command side uses");
        }
        return new DataKeyRing(master, new DataKeyRing.Store() {
            @Override
            public DataKeyRing.Wrapped find(String caseId) {
                List<DataKeyRing.Wrapped> found = jdbc.query("select wrapped_key from " + KEYS + " where case_id = ?",
                                                             (rs, i) -> rs.getBytes(1) == null ? DataKeyRing.Wrapped.ERASED
                                                                                               : new DataKeyRing.Wrapped(rs.getBytes(1)),
                                                             caseId);
                return found.isEmpty() ? null : found.get(0);
            }

            @Override
            public Map<String, DataKeyRing.Wrapped> findAll(Collection<String> caseIds) {
                Map<String, DataKeyRing.Wrapped> found = new HashMap<>();
                jdbc.query("select case_id, wrapped_key from " + KEYS + " where case_id = any(?)",
                           rs -> {
                               found.put(rs.getString(1), rs.getBytes(2) == null ? DataKeyRing.Wrapped.ERASED
                                                                                : new DataKeyRing.Wrapped(rs.getBytes(2)));
                           }, (Object) caseIds.toArray(String[]::new));
                return found;
            }

            @Override
            public DataKeyRing.Wrapped create(String caseId, byte[] wrapped, Consumer<DataKeyRing.Wrapped> remember) {
                return null; // the query side writes nothing into command_side: a field it cannot encrypt is not kept
            }
        }, keep);
    }
}
