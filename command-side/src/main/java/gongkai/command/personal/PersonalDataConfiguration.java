package gongkai.command.personal;

import gongkai.command.papers.AttachmentStore;
import org.springframework.context.annotation.Primary;

import gongkai.events.personal.DataKeyRing;
import gongkai.events.personal.MasterKey;
import gongkai.events.personal.MasterKeySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The master key and the data keys of the command side (docs/personal-data.md). At start the master
 * key must open the check value stored beside the data keys: a wrong key stops the start with a message
 * that says so, instead of writing data nobody can read. With the previous key also given
 * ({@code gongkai.personal-data.previous-master-key}), every data key is wrapped again with the new one
 * (rotation), in one transaction.
 */
@Configuration
@EnableScheduling
public class PersonalDataConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataConfiguration.class);

    @Bean
    public MasterKey masterKey(@Value("${" + MasterKeySettings.PROPERTY + ":}") String text,
                               @Value("${" + MasterKeySettings.FILE_PROPERTY + ":" + MasterKeySettings.DEFAULT_FILE + "}") String file,
                               @Value("${gongkai.personal-data.previous-master-key:}") String previousText,
                               DataKeyTable table, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        MasterKey master = new MasterKeySettings(text, Path.of(file)).load(true, LOG::info);
        MasterKey previous = previousText.isBlank() ? null
                                                    : MasterKey.of(previousText, "gongkai.personal-data.previous-master-key");
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            List<byte[]> check = jdbc.queryForList("select check_value from master_key_check where id = 1 for update",
                                                   byte[].class);
            if (check.isEmpty()) {
                jdbc.update("insert into master_key_check (id, check_value) values (1, ?)", (Object) master.check());
            } else if (master.opens(check.get(0))) {
                if (previous != null) {
                    LOG.info("the data keys are wrapped with the {} already: the previous master key is no longer needed", master);
                }
            } else if (previous != null && previous.opens(check.get(0))) {
                int rotated = table.rewrap(previous, master);
                jdbc.update("update master_key_check set check_value = ?, set_at = now() where id = 1", (Object) master.check());
                LOG.info("rotated the master key: {} data keys are now wrapped with the {}", rotated, master);
            } else {
                throw new IllegalStateException("the " + master + " does not open the data keys stored in command_side.data_key,"
                                                + " which were wrapped with another master key: start with the key they"
                                                + " were wrapped with, or give that one as gongkai.personal-data.previous-master-key"
                                                + " to rotate to the new one (README, \"Personal data\")");
            }
        });
        return master;
    }

    @Bean
    public DataKeyTable dataKeyTable(JdbcTemplate jdbc) {
        return new DataKeyTable(jdbc);
    }

    /**
     * What an erasure destroys, in its command's transaction: the case's data key, and the bytes of the case's
     * files, whose content is personal data where the case's is (docs/personal-data.md).
     */
    @Bean
    @Primary
    public DataKeyShredder caseShredder(DataKeyTable keys, AttachmentStore files) {
        return caseId -> {
            keys.destroyKeyOf(caseId);
            files.eraseFilesOf(caseId);
        };
    }

    /** Data keys in memory for {@code gongkai.personal-data.key-cache} (default 30 s), erased ones for good. */
    @Bean
    public DataKeyRing dataKeyRing(MasterKey masterKey, DataKeyTable table,
                                   @Value("${gongkai.personal-data.key-cache:PT30S}") Duration keep) {
        DataKeyRing ring = new DataKeyRing(() -> masterKey, table, keep);
        table.use(ring);
        return ring;
    }
}
