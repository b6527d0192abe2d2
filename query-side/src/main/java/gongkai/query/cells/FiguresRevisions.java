package gongkai.query.cells;

import gongkai.query.projections.BatchWrites;
import gongkai.query.projections.BulkRows;
import gongkai.query.reads.InList;
import gongkai.query.reads.ReadBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The table {@code figures_revision} (V24_1): per agency, a number drawn afresh in every transaction that changes a
 * row its reports' figures are read from now (the tally of table 三, the contributions to tables 二 and 四; an opening
 * balance is recorded with its contributions). Whoever keeps something worked out from an agency's figures (the oversight board) keeps the
 * number with it and works it out again when the number differs. An agency without a row has revision 0: none of
 * its figures was written since the read models were last emptied.
 * <p>
 * The agencies a batch of events touched are written once, last before its transaction commits (after the tally the
 * batch writes then), in the agencies' order: batches of different segments then take these rows' locks last and in
 * one order, and cannot deadlock over them. A bulk rebuild writes every agency it touched once, after its last chunk.
 */
@Repository
public class FiguresRevisions {

    private static final String BATCH = FiguresRevisions.class.getName();

    private final JdbcTemplate jdbc;

    public FiguresRevisions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The figures of these agencies change in the current transaction. */
    public void changed(Collection<String> agencies) {
        if (agencies.isEmpty()) {
            return;
        }
        // a bulk rebuild draws every agency's number once, at its end, rather than once in each of its chunks
        BulkRows.gatheredUntilTheEnd(BATCH, Gathered::new, this::write)
                .or(() -> BatchWrites.currentWrittenLast(BATCH, Gathered::new, this::write))
                .ifPresentOrElse(gathered -> gathered.add(agencies, this), () -> write(new TreeSet<>(agencies)));
    }

    /** The agencies of one batch; any added once they are written (by a write later still) are written at once. */
    private static final class Gathered {
        private final TreeSet<String> agencies = new TreeSet<>();
        private boolean written;

        void add(Collection<String> more, FiguresRevisions revisions) {
            if (written) {
                revisions.write(new TreeSet<>(more));
            } else {
                agencies.addAll(more);
            }
        }
    }

    private void write(Gathered gathered) {
        gathered.written = true;
        write(gathered.agencies);
    }

    private void write(TreeSet<String> agencies) {
        if (agencies.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into figures_revision (agency_id, revision) values (?, nextval('query_side.figures_revision_seq')) "
                         + "on conflict (agency_id) do update set revision = excluded.revision",
                         List.copyOf(agencies), agencies.size(), (ps, agency) -> ps.setString(1, agency));
    }

    /** The revision of each of these agencies' figures (0: none written). */
    public Supplier<Map<String, Long>> of(ReadBatch batch, Collection<String> agencies) {
        return batch.query("select agency_id, revision from figures_revision where " + InList.any("agency_id"),
                           rs -> {
                               Map<String, Long> revisions = new HashMap<>();
                               while (rs.next()) {
                                   revisions.put(rs.getString(1), rs.getLong(2));
                               }
                               return revisions;
                           }, InList.array(agencies));
    }

    /** With every read model emptied: no agency's figures written since. */
    public void deleteAll() {
        jdbc.update("delete from figures_revision");
    }
}
