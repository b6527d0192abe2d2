package gongkai.query.endtoend;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** docker-compose.yml is valid and runs PostgreSQL, two command sides, two query sides and the pages. */
class DockerComposeTest {

    @Test
    void the_compose_file_is_valid_and_runs_two_instances_of_each_side() throws Exception {
        assumeTrue(new File("/usr/bin/docker-compose").canExecute(), "Debian's docker-compose validates the file; .ci/run installs it");
        Process process = new ProcessBuilder("docker-compose", "-f", "../docker-compose.yml", "config", "--services")
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output.lines().map(String::trim).sorted().toList())
                .isEqualTo(List.of("command-side-1", "command-side-2", "postgres", "query-side-1", "query-side-2", "web"));
    }
}
