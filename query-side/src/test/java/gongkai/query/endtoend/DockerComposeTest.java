package gongkai.query.endtoend;

import gongkai.query.testing.MachineTools;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml is valid and runs PostgreSQL, two command sides, two query sides and the pages. */
class DockerComposeTest {

    @Test
    void theComposeFileIsValidAndRunsTwoInstancesOfEachSide() throws Exception {
        Path compose = MachineTools.required("docker-compose", "Debian's docker-compose validates the file; .ci/run installs it");
        Process process = new ProcessBuilder(compose.toString(), "-f", "../docker-compose.yml", "config", "--services")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().map(String::trim).sorted().toList())
                .isEqualTo(List.of("command-side-1", "command-side-2", "postgres", "query-side-1", "query-side-2", "web"));
    }
}
