package gongkai.query.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service of gongkai in a JVM of its own, started from the test classpath as its runnable jar would start
 * it, its output in a log file: to be stopped as an operator stops it (SIGTERM) or killed (SIGKILL).
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Pattern PORT = Pattern.compile("Tomcat started on port (?:\\(s\\): )?(\\d+)");

    private final String name;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code mainClass} with {@code args}, and waits until it says it has started. */
    public static ServiceProcess start(Class<?> mainClass, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                                       "-Xmx384m", "-XX:TieredStopAtLevel=1", "-cp",
                                                       System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(gongkai.command.testing.RunningCommandSide.withMasterKey(args)));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                                                         .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                                                         .start();
            ServiceProcess service = new ServiceProcess(mainClass.getSimpleName(), log, process);
            service.awaitLog("Started " + mainClass.getSimpleName(), Duration.ofSeconds(90));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the log holds {@code text}; fails if the process ends or the time is up. */
    public void awaitLog(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!log().contains(text)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended before saying \"" + text + "\":\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " did not say \"" + text + "\" in " + timeout + ":\n" + log());
            }
            sleep(100);
        }
    }

    /** The HTTP port it listens on. */
    public int port() {
        Matcher matcher = PORT.matcher(log());
        if (!matcher.find()) {
            throw new IllegalStateException(name + " names no port:\n" + log());
        }
        return Integer.parseInt(matcher.group(1));
    }

    public String baseUrl() {
        return "http://localhost:" + port();
    }

    /** Sends SIGTERM, as {@code start.sh} and service managers do, and waits for the end; false if it took longer. */
    public boolean stop(Duration timeout) {
        process.destroy();
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: the process ends at once, without closing anything. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /** A TCP port free now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
