package gongkai.query.report;

import gongkai.query.cells.RecordedInstants;
import gongkai.query.reads.ReadBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The table {@code report_narrative} (V6_2): the text of each year's report, sections 一, 五 and 六. The
 * latest NarrativeWritten is the text; each is a row valid from its recorded instant until the next
 * one, so the text as the system knew it at any instant is the row valid then.
 */
@Repository
public class Narratives {

    private final JdbcTemplate jdbc;

    public Narratives(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void write(String agencyId, int year, String overview, String problems, String other, LocalDate writtenOn,
                      Instant recordedAt, String eventId) {
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from report_narrative where opened_by = ?)",
                                                    Boolean.class, eventId))) {
            return; // already followed (a batch retried)
        }
        Timestamp at = Timestamp.from(recordedAt);
        jdbc.update("update report_narrative set valid_to = ?, closed_by = ? where agency_id = ? and year = ? "
                    + "and valid_to is null", at, eventId, agencyId, year);
        jdbc.update("insert into report_narrative (agency_id, year, overview, problems, other, written_on, valid_from, "
                    + "opened_by) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    agencyId, year, overview, problems, other, Date.valueOf(writtenOn), at, eventId);
    }

    /** Sections 一 ({@code overview}), 五 ({@code problems}) and 六 ({@code other}) as of an instant, or null. */
    public Supplier<AnnualReport.Narrative> asOf(ReadBatch batch, String agencyId, int year, Instant asOf) {
        Supplier<List<AnnualReport.Narrative>> found = batch.list(
                "select overview, problems, other, written_on, valid_from, opened_by from report_narrative "
                + "where agency_id = ? and year = ? and " + RecordedInstants.validAt(asOf),
                (rs, i) -> new AnnualReport.Narrative(rs.getString(1), rs.getString(2), rs.getString(3),
                                                      rs.getDate(4).toLocalDate(), rs.getTimestamp(5).toInstant(),
                                                      rs.getString(6)), RecordedInstants.args(asOf, agencyId, year));
        return () -> found.get().isEmpty() ? null : found.get().get(0);
    }

    public void deleteAll() {
        jdbc.update("delete from report_narrative");
    }
}
