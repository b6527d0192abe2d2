package gongkai.query.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The programs a test needs from the machine (Debian's {@code chromium}, {@code chromedriver},
 * {@code docker-compose}, {@code pg_dump}), found on {@code PATH}. On a developer's machine without them the test is
 * skipped; in CI ({@code CI=true}, as {@code .ci/run} sets it) it fails instead, because a CI run that
 * skipped the page and compose tests would pass without having looked at either.
 */
public final class MachineTools {

    private MachineTools() {
    }

    /** The executable {@code name} on PATH; else the test is skipped, or fails in CI. */
    public static Path required(String name, String installedBy) {
        Optional<Path> found = onPath(name);
        if (found.isEmpty()) {
            String missing = name + " is not on PATH (" + installedBy + ")";
            if (inCi()) {
                throw new AssertionError(missing + ": CI=true, so this test fails rather than skip");
            }
            Assumptions.abort(missing);
        }
        return found.get();
    }

    /** Whether the tests run in CI, where a missing tool is an error. */
    public static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                     .filter(dir -> !dir.isEmpty())
                     .map(dir -> Path.of(dir, name))
                     .filter(candidate -> Files.isRegularFile(candidate) && Files.isExecutable(candidate))
                     .findFirst();
    }
}
