package gongkai.query.report;

import gongkai.query.cells.Contributions;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a roll-up of now reads of each agency of a year ({@link ReportFigures.Parts} and its section 一), kept with the
 * revision of the agency's figures it was read at ({@link gongkai.query.cells.FiguresRevisions}): a roll-up then
 * reads again only the agencies whose figures changed since, and adds up the rest from here. A province's root
 * otherwise summed two years of table 三 of thousands of agencies (some 76,000 tally rows) at every look.
 * <p>
 * Each instance of the query side keeps its own; the revisions are in the database, so every instance sees every
 * change. About 2 KB per agency and year: bounded by {@link #AT_MOST}, and emptied when full.
 */
final class KeptParts {

    record Kept(long revision, ReportFigures.Parts parts, List<Contributions.Published> published) {
    }

    private record Key(String agencyId, int year) {
    }

    /** Three years of a province's 3,000 agencies, about 20 MB. */
    static final int AT_MOST = 10_000;

    private final Map<Key, Kept> kept = new ConcurrentHashMap<>();

    /** What is kept of the agency's year at this revision of its figures; else null. */
    Kept at(String agencyId, int year, long revision) {
        Kept found = kept.get(new Key(agencyId, year));
        return found == null || found.revision() != revision ? null : found;
    }

    void keep(String agencyId, int year, Kept parts) {
        if (kept.size() >= AT_MOST) {
            kept.clear();
        }
        kept.put(new Key(agencyId, year), parts);
    }
}
