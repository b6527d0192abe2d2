package gongkai.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One gongkai service in a process of its own, so that its resident memory is its own. */
final class Service implements AutoCloseable {

    final String name;
    final int port;
    private final Process process;

    private Service(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    /** The built-in account the pages call the sides with; every service is given its password. */
    static final String PAGES_PASSWORD = "bench-pages-password";
    /** The master key of personal data every service is given (docs/personal-data.md). */
    static final String MASTER_KEY = "YmVuY2ggbWFzdGVyIGtleSBvZiAzMiBieXRlcyEhISE=";
    /** False with {@code --personal-data plain}: personal fields stored in clear, to measure what encryption costs. */
    static boolean encryptPersonalData = true;

    static Service start(String name, String module, int port, String jdbcUrl, String adminPassword, String jvmOptions,
                         String... extraArgs)
            throws IOException, InterruptedException {
        Path jar = findJar(module);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOptions.split(" ")));
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl,
                               "--spring.datasource.username=postgres", "--logging.level.root=WARN",
                               // the read models' rebuild in bulk logs its phases' times (query side)
                               "--logging.level.gongkai.query.projections.BulkRebuild=INFO",
                               // the command side's daily retention check (docs/personal-data.md) would seal the
                               // synthetic load's oldest cases in the middle of what is timed: not in a benchmark run
                               "--gongkai.personal-data.retention.first-check=P1D"));
        command.addAll(List.of(extraArgs));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(new File("bench-results/" + name + ".log"));
        builder.environment().put("GONGKAI_ADMIN_PASSWORD", adminPassword);
        builder.environment().put("GONGKAI_PAGES_PASSWORD", PAGES_PASSWORD);
        builder.environment().put("GONGKAI_PERSONAL_DATA_MASTER_KEY", MASTER_KEY);
        builder.environment().put("GONGKAI_PERSONAL_DATA_ENCRYPT", Boolean.toString(encryptPersonalData));
        Process process = builder.start();
        // A benchmark stopped (Ctrl-C, kill) stops its services too, instead of leaving them polling a gone database.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            process.destroy();
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }));
        Service service = new Service(name, port, process);
        service.awaitUp();
        return service;
    }

    private static Path findJar(String module) throws IOException {
        for (Path dir : List.of(Path.of(module, "target"), Path.of("..", module, "target"))) {
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    var jar = files.filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst();
                    if (jar.isPresent()) {
                        return jar.get();
                    }
                }
            }
        }
        throw new IllegalStateException("no " + module + "/target/*-exec.jar: build with mvn -DskipTests package first");
    }

    private void awaitUp() throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited: see bench-results/" + name + ".log");
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/x")).build(),
                                                          HttpResponse.BodyHandlers.discarding());
                // a side asks for credentials, the pages lead to their sign-in page, the plain Axon peer has no such path
                if (response.statusCode() == 401 || response.statusCode() == 302 || response.statusCode() == 404) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " did not start within 300 s");
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** Peak resident set size (VmHWM) of the service's JVM, in MiB. */
    double peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
