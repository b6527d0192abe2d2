package gongkai.query.projections;

import gongkai.events.store.StoredEventFormat;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Each projection's place in the event stream as gauges, and the hash chain's beside them (tag
 * {@code projection}): position, lag in events (head − position), lag in seconds (age of the oldest
 * event not yet processed), replaying (1/0). Read from {@link ProjectionReplays} at most once a second,
 * however often they are scraped.
 */
@Component
public class ProjectionMetrics implements MeterBinder {

    private record Snapshot(Instant at, Map<String, ProjectionReplays.Status> statuses, Map<String, Double> lagSeconds) {
    }

    private final ProjectionReplays replays;
    private final JdbcTemplate jdbc;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot last = new Snapshot(Instant.EPOCH, Map.of(), Map.of());

    public ProjectionMetrics(ProjectionReplays replays, JdbcTemplate jdbc) {
        this.replays = replays;
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        List<String> names = new ArrayList<>(replays.names());
        names.add(ProjectionReplays.EVENT_CHAIN);
        for (String name : names) {
            gauge(registry, "gongkai.projection.position", name, "global index processed", s -> value(s.position()));
            gauge(registry, "gongkai.projection.lag.events", name, "events stored but not yet processed",
                  s -> s.position() == null ? s.head() : Math.max(0, s.head() - s.position()));
            gauge(registry, "gongkai.projection.replaying", name, "1 while rebuilt from the first event",
                  s -> s.replaying() ? 1 : 0);
            Gauge.builder("gongkai.projection.lag.seconds", this, m -> m.snapshot().lagSeconds().getOrDefault(name, Double.NaN))
                 .tag("projection", name).description("age of the oldest event not yet processed").baseUnit("seconds")
                 .register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String metric, String name, String description,
                       ToDoubleFunction<ProjectionReplays.Status> value) {
        Gauge.builder(metric, this, m -> {
                 ProjectionReplays.Status status = m.snapshot().statuses().get(name);
                 return status == null ? Double.NaN : value.applyAsDouble(status);
             })
             .tag("projection", name).description(description).register(registry);
    }

    private static double value(Long position) {
        return position == null ? Double.NaN : position;
    }

    private synchronized Snapshot snapshot() {
        Instant now = clock.instant();
        if (Duration.between(last.at(), now).compareTo(Duration.ofSeconds(1)) < 0) {
            return last;
        }
        Map<String, ProjectionReplays.Status> statuses = new HashMap<>();
        Map<String, Double> lagSeconds = new HashMap<>();
        try {
            List<ProjectionReplays.Status> all = new ArrayList<>(replays.statuses());
            all.add(replays.chainStatus());
            for (ProjectionReplays.Status status : all) {
                statuses.put(status.name(), status);
                lagSeconds.put(status.name(), lagSeconds(status, now));
            }
        } catch (RuntimeException databaseAway) {
            return last; // the last known values, until the database answers again
        }
        last = new Snapshot(now, statuses, lagSeconds);
        return last;
    }

    private double lagSeconds(ProjectionReplays.Status status, Instant now) {
        long position = status.position() == null ? -1 : status.position();
        if (position >= status.head()) {
            return 0;
        }
        List<String> oldest = jdbc.queryForList("select time_stamp from " + StoredEventFormat.EVENT_TABLE
                                                + " where global_index > ? order by global_index limit 1", String.class, position);
        if (oldest.isEmpty()) {
            return 0;
        }
        return Math.max(0, Duration.between(Instant.parse(oldest.get(0)), now).toMillis() / 1000.0);
    }
}
