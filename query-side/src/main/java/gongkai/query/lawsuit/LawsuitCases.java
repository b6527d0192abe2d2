package gongkai.query.lawsuit;

import gongkai.events.CaseResult;
import gongkai.events.lawsuit.Route;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

/** The table {@code lawsuit_case}: each lawsuit's present facts, with its final judgment once there is one. */
@Repository
public class LawsuitCases {

    public record LawsuitFacts(String lawsuitId, String agencyId, LocalDate filedOn, Route route, String reviewId,
                               String applicationId, int judgments, LocalDate lastJudgedOn, LocalDate finalJudgedOn,
                               CaseResult finalResult) {
    }

    private final JdbcTemplate jdbc;

    public LawsuitCases(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(LawsuitFacts l) {
        jdbc.update("insert into lawsuit_case (lawsuit_id, agency_id, filed_on, route, review_id, application_id, "
                    + "judgments, last_judged_on, final_judged_on, final_result) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    + "on conflict (lawsuit_id) do update set judgments = excluded.judgments, "
                    + "last_judged_on = excluded.last_judged_on, final_judged_on = excluded.final_judged_on, "
                    + "final_result = excluded.final_result",
                    l.lawsuitId(), l.agencyId(), Date.valueOf(l.filedOn()), l.route().name(), l.reviewId(),
                    l.applicationId(), l.judgments(), date(l.lastJudgedOn()), date(l.finalJudgedOn()),
                    l.finalResult() == null ? null : l.finalResult().name());
    }

    public LawsuitFacts find(String lawsuitId) {
        List<LawsuitFacts> found = jdbc.query(
                "select lawsuit_id, agency_id, filed_on, route, review_id, application_id, judgments, last_judged_on, "
                + "final_judged_on, final_result from lawsuit_case where lawsuit_id = ?",
                (rs, i) -> new LawsuitFacts(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate(),
                                            Route.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getInt(7),
                                            localDate(rs.getDate(8)), localDate(rs.getDate(9)),
                                            rs.getString(10) == null ? null : CaseResult.valueOf(rs.getString(10))),
                lawsuitId);
        return found.isEmpty() ? null : found.get(0);
    }

    public void deleteAll() {
        jdbc.update("delete from lawsuit_case");
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
