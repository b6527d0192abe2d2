package gongkai.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time used by each part of the system (Linux {@code /proc}): the benchmark's own process (the
 * clients), each service, and PostgreSQL (the postmaster and all its backends). Divided by the
 * operations of a window, it shows where an operation's CPU goes on this machine.
 */
final class CpuTime {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private final Map<String, Supplier<Stream<ProcessHandle>>> parts = new LinkedHashMap<>();

    CpuTime part(String name, Supplier<Stream<ProcessHandle>> processes) {
        parts.put(name, processes);
        return this;
    }

    static Stream<ProcessHandle> withDescendants(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants());
    }

    /** PostgreSQL's processes: the postmaster of {@code dataDirectory} and its children. */
    static Supplier<Stream<ProcessHandle>> postgres(Path dataDirectory) {
        return () -> {
            try {
                long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
                return ProcessHandle.of(pid).map(CpuTime::withDescendants).orElseGet(Stream::empty);
            } catch (IOException | RuntimeException e) {
                return Stream.empty();
            }
        };
    }

    /** Seconds of CPU used so far by each part. */
    Map<String, Double> seconds() {
        Map<String, Double> used = new LinkedHashMap<>();
        parts.forEach((name, processes) -> used.put(name, processes.get().mapToLong(CpuTime::ticks).sum() / TICKS_PER_SECOND));
        return used;
    }

    /** CPU milliseconds per operation of each part between two readings. */
    static Map<String, Double> perOperation(Map<String, Double> before, Map<String, Double> after, long operations) {
        Map<String, Double> per = new LinkedHashMap<>();
        after.forEach((name, seconds) -> per.put(name, (seconds - before.getOrDefault(name, 0.0)) * 1000 / Math.max(1, operations)));
        return per;
    }

    private static long ticks(ProcessHandle process) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
