package gongkai.query.cells;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was worked out of an agency's figures of a year, kept with the revision of those figures it was worked out at
 * ({@link FiguresRevisions}): whoever keeps it works out again only the agencies whose revision moved since (a
 * province's board and roll-up read two years of table 三 of thousands of agencies otherwise, at every look, though
 * between two looks a few agencies' figures change, if any).
 * <p>
 * Each instance of the query side keeps its own; the revisions are in the database, so every instance sees every
 * change. Bounded, and emptied when full.
 */
public final class KeptByRevision<T> {

    private record Key(String agencyId, int year) {
    }

    private record Kept<T>(long revision, T worked) {
    }

    private final int atMost;
    private final Map<Key, Kept<T>> kept = new ConcurrentHashMap<>();

    /** Keeping at most {@code atMost} agency-years. */
    public KeptByRevision(int atMost) {
        this.atMost = atMost;
    }

    /** What is kept of the agency's year at this revision of its figures; else null. */
    public T at(String agencyId, int year, long revision) {
        Kept<T> found = kept.get(new Key(agencyId, year));
        return found == null || found.revision() != revision ? null : found.worked();
    }

    public void keep(String agencyId, int year, long revision, T worked) {
        if (kept.size() >= atMost) {
            kept.clear();
        }
        kept.put(new Key(agencyId, year), new Kept<>(revision, worked));
    }
}
