package gongkai.query.review;

import gongkai.events.CaseResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** The table {@code review_case}: each reconsideration's present facts (ids, dates, result; no personal data). */
@Repository
public class ReviewCases {

    public record ReviewFacts(String reviewId, String agencyId, LocalDate filedOn, String applicationId,
                              LocalDate decidedOn, CaseResult result) {
    }

    private final JdbcTemplate jdbc;

    public ReviewCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(ReviewFacts r) {
        jdbc.update("insert into review_case (review_id, agency_id, filed_on, application_id, decided_on, result) "
                    + "values (?, ?, ?, ?, ?, ?) on conflict (review_id) do update set decided_on = excluded.decided_on, "
                    + "result = excluded.result",
                    r.reviewId(), r.agencyId(), Date.valueOf(r.filedOn()), r.applicationId(),
                    r.decidedOn() == null ? null : Date.valueOf(r.decidedOn()),
                    r.result() == null ? null : r.result().name());
    }

    public ReviewFacts find(String reviewId) {
        List<ReviewFacts> found = jdbc.query(
                "select review_id, agency_id, filed_on, application_id, decided_on, result from review_case where review_id = ?",
                (rs, i) -> new ReviewFacts(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                                           rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                                           rs.getString(6) == null ? null : CaseResult.valueOf(rs.getString(6))),
                reviewId);
        return found.isEmpty() ? null : found.get(0);
    }

    public void deleteAll() {
        jdbc.update("delete from review_case");
    }
}
