package gongkai.events.personal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Where a side finds the master key (docs/personal-data.md): the text of
 * {@code gongkai.personal-data.master-key} (environment {@code GONGKAI_PERSONAL_DATA_MASTER_KEY}) if set,
 * else the file {@code gongkai.personal-data.master-key-file} (default {@code master.key} in the
 * embedded database's folder), which the command side generates when it is not there yet.
 */
public record MasterKeySettings(String text, Path file) {

    public static final String PROPERTY = "gongkai.personal-data.master-key";
    public static final String FILE_PROPERTY = "gongkai.personal-data.master-key-file";
    public static final String DEFAULT_FILE = "${gongkai.embedded-database.directory:data}/master.key";

    public MasterKey load(boolean generateIfMissing, Consumer<String> log) {
        if (text != null && !text.isBlank()) {
            return MasterKey.of(text, PROPERTY + " (GONGKAI_PERSONAL_DATA_MASTER_KEY)");
        }
        if (Files.exists(file)) {
            return MasterKey.read(file);
        }
        if (!generateIfMissing) {
            throw new IllegalStateException("no master key: set GONGKAI_PERSONAL_DATA_MASTER_KEY or " + FILE_PROPERTY
                                            + " (the command side writes a new one to " + file.toAbsolutePath()
                                            + " at its first start)");
        }
        MasterKey generated = MasterKey.generate(file);
        log.accept("generated a new master key for personal data in " + file.toAbsolutePath()
                   + ": keep a copy of it with every backup of the database, which cannot be read without it");
        return generated;
    }
}
