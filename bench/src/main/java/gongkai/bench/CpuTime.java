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

    /** One part: its processes, and whether the CPU of the children they have reaped counts too. */
    private record Part(Supplier<Stream<ProcessHandle>> processes, boolean withReapedChildren) {
    }

    private final Map<String, Part> parts = new LinkedHashMap<>();

    CpuTime part(String name, Supplier<Stream<ProcessHandle>> processes) {
        parts.put(name, new Part(processes, false));
        return this;
    }

    static Stream<ProcessHandle> withDescendants(ProcessHandle process) {
        return Stream.concat(Stream.of(process), process.descendants());
    }

    /**
     * PostgreSQL's processes: the postmaster of {@code dataDirectory} and its children, those running and
     * those ended (autovacuum workers, closed connections: the postmaster has reaped them, their CPU is in
     * its children's time).
     */
    CpuTime postgres(String name, Path dataDirectory) {
        parts.put(name, new Part(() -> {
            try {
                long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
                return ProcessHandle.of(pid).map(CpuTime::withDescendants).orElseGet(Stream::empty);
            } catch (IOException | RuntimeException e) {
                return Stream.empty();
            }
        }, true));
        return this;
    }

    /** Seconds of CPU used so far by each part. */
    Map<String, Double> seconds() {
        Map<String, Double> used = new LinkedHashMap<>();
        parts.forEach((name, part) -> used.put(name, part.processes().get()
                .mapToLong(process -> ticks(process, part.withReapedChildren())).sum() / TICKS_PER_SECOND));
        return used;
    }

    /**
     * The whole machine's time so far (first line of {@code /proc/stat}), in seconds summed over its cores:
     * busy (user, nice, system, interrupts), waiting for I/O, idle, and stolen by the hypervisor.
     */
    static Map<String, Double> machine() {
        Map<String, Double> time = new LinkedHashMap<>();
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                        + Long.parseLong(f[7]);
            time.put("busy", busy / TICKS_PER_SECOND);
            time.put("I/O wait", Long.parseLong(f[5]) / TICKS_PER_SECOND);
            time.put("idle", Long.parseLong(f[4]) / TICKS_PER_SECOND);
            time.put("stolen", Long.parseLong(f[8]) / TICKS_PER_SECOND);
        } catch (IOException | RuntimeException e) {
            // not Linux: no machine figures
        }
        return time;
    }

    /** CPU milliseconds per operation of each part between two readings. */
    static Map<String, Double> perOperation(Map<String, Double> before, Map<String, Double> after, long operations) {
        Map<String, Double> per = new LinkedHashMap<>();
        after.forEach((name, seconds) -> per.put(name, (seconds - before.getOrDefault(name, 0.0)) * 1000 / Math.max(1, operations)));
        return per;
    }

    private static long ticks(ProcessHandle process, boolean withReapedChildren) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return withReapedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own; // cutime, cstime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
