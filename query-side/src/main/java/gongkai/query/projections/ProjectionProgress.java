package gongkai.query.projections;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How fast each projection moves through the event stream: positions sampled once a second over the
 * last ten seconds, giving events per second and the time left to the head. Plain Java.
 */
final class ProjectionProgress {

    private record Sample(Instant at, long position) {
    }

    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

    void sample(String projection, Long position, Instant at) {
        if (position == null) {
            return;
        }
        Deque<Sample> series = samples.computeIfAbsent(projection, name -> new ArrayDeque<>());
        synchronized (series) {
            if (!series.isEmpty() && position < series.peekLast().position()) {
                series.clear(); // reset to the start: a replay began
            }
            series.addLast(new Sample(at, position));
            while (series.size() > 2 && series.peekFirst().at().isBefore(at.minus(WINDOW))) {
                series.removeFirst();
            }
        }
    }

    /** Events per second over the last seconds, or null before two samples a second apart. */
    Double eventsPerSecond(String projection) {
        Deque<Sample> series = samples.get(projection);
        if (series == null) {
            return null;
        }
        synchronized (series) {
            if (series.size() < 2) {
                return null;
            }
            Sample first = series.peekFirst();
            Sample last = series.peekLast();
            double seconds = Duration.between(first.at(), last.at()).toMillis() / 1000.0;
            return seconds < 0.9 ? null : Math.round((last.position() - first.position()) / seconds * 10) / 10.0;
        }
    }

    /** Seconds until the head at the present rate: 0 when there, null when it does not move. */
    static Long secondsLeft(Long position, long head, Double eventsPerSecond) {
        if (position == null) {
            return null;
        }
        long behind = Math.max(0, head - position);
        if (behind == 0) {
            return 0L;
        }
        return eventsPerSecond == null || eventsPerSecond <= 0 ? null : (long) Math.ceil(behind / eventsPerSecond);
    }
}
