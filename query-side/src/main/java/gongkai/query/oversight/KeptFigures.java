package gongkai.query.oversight;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the oversight board takes from each agency's report of a year (its failed checks, its new applications, the
 * digest of its figures), kept with the revision of the agency's figures it was worked out at
 * ({@link gongkai.query.cells.FiguresRevisions}): the board works out again only the reports whose figures changed
 * since. A province's board otherwise read and checked two years of table 三 of thousands of agencies at every look,
 * though between two looks a few agencies' figures change, if any.
 * <p>
 * Each instance of the query side keeps its own; the revisions are in the database, so every instance sees every
 * change. A few numbers per agency and year: bounded by {@link #AT_MOST} all the same, and emptied when full.
 */
final class KeptFigures {

    /** One report's part of the board; {@code digest} null when it was not needed (no publication to compare). */
    record Kept(long revision, int failedChecks, int applications, String digest) {
    }

    private record Key(String agencyId, int year) {
    }

    /** Ten years of a province's 3,000 agencies, three times over. */
    static final int AT_MOST = 100_000;

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    /** What is kept of the agency's year at this revision of its figures, with its digest if needed; else null. */
    Kept at(String agencyId, int year, long revision, boolean digestNeeded) {
        Kept found = kept.get(new Key(agencyId, year));
        return found == null || found.revision() != revision || (digestNeeded && found.digest() == null) ? null : found;
    }

    void keep(String agencyId, int year, Kept figures) {
        if (kept.size() >= AT_MOST) {
            kept.clear();
        }
        kept.put(new Key(agencyId, year), figures);
    }
}
