package gongkai.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Latencies in microseconds, and their percentiles. */
final class Stats {

    private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());

    void add(long nanos) {
        micros.add(nanos / 1000);
    }

    int count() {
        return micros.size();
    }

    double percentileMillis(double p) {
        List<Long> sorted;
        synchronized (micros) {
            sorted = new ArrayList<>(micros);
        }
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1000.0;
    }
}
