package gongkai.query.report.publication;

import gongkai.events.report.ReportPublished;
import gongkai.events.store.StoredEventFormat;
import gongkai.query.reads.ReadBatch;
import org.axonframework.common.DateTimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The publications of reports as recorded (table {@code report_publication}, V6_2): each one once, with
 * the horizon its figures wait for, and its seal once {@link PublicationSealing} has frozen them.
 */
@Repository
public class PublicationRecords {

    private static final Logger log = LoggerFactory.getLogger(PublicationRecords.class);

    /** One row of {@code report_publication}: figures, digest, sealedAt and chainHead are null until sealed. */
    record Publication(String eventId, String agencyId, int year, LocalDate publishedOn, Instant publishedAt,
                       long globalIndex, long horizonIndex, String figures, String digest, Instant sealedAt,
                       String chainHead) {
    }

    private static final RowMapper<Publication> PUBLICATION = (rs, i) -> new Publication(
            rs.getString("event_id"), rs.getString("agency_id"), rs.getInt("year"),
            rs.getDate("published_on").toLocalDate(), rs.getTimestamp("published_at").toInstant(),
            rs.getLong("global_index"), rs.getLong("horizon_index"), rs.getString("figures"), rs.getString("digest"),
            rs.getTimestamp("sealed_at") == null ? null : rs.getTimestamp("sealed_at").toInstant(),
            rs.getString("chain_head"));

    private final JdbcTemplate jdbc;

    public PublicationRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a publication (once: a replay finds it recorded and keeps its seal). */
    public void record(ReportPublished e, Instant recordedAt, String eventId) {
        Long index = jdbc.queryForObject("select max(global_index) from " + StoredEventFormat.EVENT_TABLE
                                         + " where event_identifier = ?", Long.class, eventId);
        if (index == null) {
            log.warn("ReportPublished {} is not in the event store; not recorded", eventId);
            return;
        }
        // Events stored after the publication but recorded at or before its instant belong to the as-of report too.
        Long later = jdbc.queryForObject("select max(global_index) from " + StoredEventFormat.EVENT_TABLE
                                         + " where global_index > ? and time_stamp <= ?", Long.class,
                                         index, DateTimeUtils.formatInstant(recordedAt));
        long horizon = later == null ? index : Math.max(index, later);
        jdbc.update("insert into report_publication (event_id, agency_id, year, published_on, published_at, global_index, "
                    + "horizon_index) values (?, ?, ?, ?, ?, ?, ?) on conflict (event_id) do nothing",
                    eventId, e.agencyId(), e.year(), Date.valueOf(e.publishedOn()), Timestamp.from(recordedAt), index,
                    horizon);
    }

    /** The publications not sealed yet, in the order they were stored. */
    List<Publication> unsealed() {
        return jdbc.query("select * from report_publication where sealed_at is null order by global_index", PUBLICATION);
    }

    /** Freezes a publication's figures, once: a row sealed already keeps its seal. */
    void seal(Publication p, String canonicalFigures, String digest, Instant sealedAt, String chainHead) {
        jdbc.update("update report_publication set figures = ?, digest = ?, sealed_at = ?, chain_head = ? "
                    + "where event_id = ? and sealed_at is null",
                    canonicalFigures, digest, Timestamp.from(sealedAt), chainHead, p.eventId());
    }

    /** The publications of an agency's report for a year (recorded by {@code asOf}, if given), oldest first. */
    Supplier<List<Publication>> of(ReadBatch batch, String agencyId, int year, Instant asOf) {
        return asOf == null
               ? batch.list("select * from report_publication where agency_id = ? and year = ? order by published_at, "
                            + "global_index", PUBLICATION, agencyId, year)
               : batch.list("select * from report_publication where agency_id = ? and year = ? and published_at <= ? "
                            + "order by published_at, global_index", PUBLICATION, agencyId, year, Timestamp.from(asOf));
    }

    List<Publication> now(String agencyId, int year, Instant asOf) {
        return ReadBatch.now(jdbc, batch -> of(batch, agencyId, year, asOf));
    }
}
