package gongkai.query.endtoend;

import gongkai.query.testing.MachineTools;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml is valid and runs PostgreSQL, two command sides and two query sides sharing one master key, and the pages. */
class DockerComposeTest {

    @Test
    void theComposeFileIsValidAndRunsTwoInstancesOfEachSide() throws Exception {
        Compose config = compose("config", "--services");
        assertThat(config.exitValue()).as(config.output()).isZero();
        assertThat(config.output().lines().map(String::trim).sorted().toList())
                .isEqualTo(List.of("command-side-1", "command-side-2", "postgres", "query-side-1", "query-side-2", "web"));
    }

    /** Keys wrapped by one instance's master key must be unwrapped by every other: one key, given, never generated. */
    @Test
    void everyInstanceOfBothSidesHoldsTheOneMasterKeyAndNoneStartsWithoutIt() throws Exception {
        Compose config = compose("config");
        assertThat(config.exitValue()).as(config.output()).isZero();
        assertThat(config.output().lines().filter(line -> line.trim().equals("GONGKAI_PERSONAL_DATA_MASTER_KEY: " + KEY)))
                .hasSize(4);
        Compose withoutKey = new Compose(null).run("config");
        assertThat(withoutKey.exitValue()).isNotZero();
        assertThat(withoutKey.output()).contains("GONGKAI_PERSONAL_DATA_MASTER_KEY");
    }

    private static final String KEY = "dGVzdCBtYXN0ZXIga2V5IG9mIDMyIGJ5dGVzIGV4YWN0bHk=";

    private static Compose compose(String... arguments) throws Exception {
        return new Compose(KEY).run(arguments);
    }

    private record Compose(String masterKey, int exitValue, String output) {

        Compose(String masterKey) {
            this(masterKey, -1, "");
        }

        Compose run(String... arguments) throws Exception {
            Path compose = MachineTools.required("docker-compose", "Debian's docker-compose validates the file; .ci/run installs it");
            List<String> command = new java.util.ArrayList<>(List.of(compose.toString(), "-f", "../docker-compose.yml"));
            command.addAll(List.of(arguments));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove("GONGKAI_PERSONAL_DATA_MASTER_KEY");
            if (masterKey != null) {
                builder.environment().put("GONGKAI_PERSONAL_DATA_MASTER_KEY", masterKey);
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Compose(masterKey, process.exitValue(), output);
        }
    }
}
