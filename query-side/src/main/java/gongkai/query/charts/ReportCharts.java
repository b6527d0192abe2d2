package gongkai.query.charts;

import gongkai.events.application.Outcome;
import gongkai.query.reads.ReadBatch;
import gongkai.query.timeliness.Timeliness;
import gongkai.query.timeliness.TimelinessFigures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The numbers behind the charts of an agency's year, read from the applications' read model
 * ({@code application_case}) and the timeliness figures, by the same rules as table 三
 * ({@code gongkai.query.report.ApplicationCounting}), so that each chart's total is the report's:
 * <ul>
 *   <li>received per month (business date of receipt): the twelve add up to NEW;</li>
 *   <li>concluded per month (date of the first answer, or of the withdrawal): they add up to RESULT_TOTAL;</li>
 *   <li>the year's outcomes in the form's six groups (a withdrawal under 其他处理, rule 4): each group is
 *       the sum of its rows of table 三;</li>
 *   <li>timeliness: the report's {@code timeliness} figures;</li>
 *   <li>open cases by age: the applications still open at the end of the year (for the present year,
 *       today), by calendar days since receipt: they add up to CARRIED_FORWARD.</li>
 * </ul>
 */
@Repository
public class ReportCharts {

    /** The form's groups of outcomes (table 三, 三、本年度办理结果), in its order. */
    public enum OutcomeGroup {
        DISCLOSED("予以公开"),
        PARTIALLY_DISCLOSED("部分公开"),
        WITHHELD("不予公开"),
        UNAVAILABLE("无法提供"),
        NOT_PROCESSED("不予处理"),
        OTHER("其他处理");

        private final String label;

        OutcomeGroup(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static OutcomeGroup of(Outcome outcome) {
            String name = outcome.name();
            if (outcome == Outcome.DISCLOSED) {
                return DISCLOSED;
            }
            if (outcome == Outcome.PARTIALLY_DISCLOSED) {
                return PARTIALLY_DISCLOSED;
            }
            for (OutcomeGroup group : List.of(WITHHELD, UNAVAILABLE, NOT_PROCESSED, OTHER)) {
                if (name.startsWith(group.name() + "_")) {
                    return group;
                }
            }
            throw new IllegalArgumentException("an outcome outside the form's groups: " + outcome);
        }
    }

    /** An age band of open cases, in calendar days since receipt: from {@code minDays} to {@code maxDays} (null: no end). */
    public record AgeBand(String label, int minDays, Integer maxDays) {

        boolean contains(long days) {
            return days >= minDays && (maxDays == null || days <= maxDays);
        }
    }

    public static final List<AgeBand> AGE_BANDS = List.of(
            new AgeBand("30 天以内", 0, 30), new AgeBand("31–60 天", 31, 60), new AgeBand("61–90 天", 61, 90),
            new AgeBand("91–180 天", 91, 180), new AgeBand("180 天以上", 181, null));

    /** One label and its number, as a chart and its table show them. */
    public record Point(String key, String label, long value) {
    }

    /** The charts of one agency's year. */
    public record Charts(String agencyId, int year, LocalDate openAsOf, List<Point> receivedPerMonth,
                         List<Point> concludedPerMonth, List<Point> outcomes, TimelinessFigures timeliness,
                         List<Point> openByAge) {
    }

    private final JdbcTemplate jdbc;
    private final Timeliness timeliness;

    public ReportCharts(JdbcTemplate jdbc, Timeliness timeliness) {
        this.jdbc = jdbc;
        this.timeliness = timeliness;
    }

    /** The charts of {@code agencyId}'s {@code year}, with {@code today} telling where the present year ends. */
    public Charts of(String agencyId, int year, LocalDate today) {
        Date first = Date.valueOf(LocalDate.of(year, 1, 1));
        Date last = Date.valueOf(LocalDate.of(year, 12, 31));
        LocalDate openAsOf = today.getYear() == year ? today : LocalDate.of(year, 12, 31);
        ReadBatch batch = new ReadBatch();
        Supplier<long[]> received = batch.query(
                "select extract(month from received_on)::int, count(*) from application_case where agency_id = ? "
                + "and received_on between ? and ? group by 1", ReportCharts::months, agencyId, first, last);
        Supplier<long[]> concluded = batch.query(
                "select extract(month from concluded_on)::int, count(*) from application_case where agency_id = ? "
                + "and concluded_on between ? and ? group by 1", ReportCharts::months, agencyId, first, last);
        Supplier<Map<OutcomeGroup, Long>> outcomes = batch.query(
                "select outcome, count(*) from application_case where agency_id = ? and concluded_on between ? and ? "
                + "group by outcome", rs -> {
                    Map<OutcomeGroup, Long> groups = new LinkedHashMap<>();
                    for (OutcomeGroup group : OutcomeGroup.values()) {
                        groups.put(group, 0L);
                    }
                    while (rs.next()) {
                        String outcome = rs.getString(1);
                        // Rule 4: a withdrawal (no outcome) counts under 其他处理 · 其他.
                        OutcomeGroup group = OutcomeGroup.of(outcome == null ? Outcome.OTHER_OTHER : Outcome.valueOf(outcome));
                        groups.merge(group, rs.getLong(2), Long::sum);
                    }
                    return groups;
                }, agencyId, first, last);
        // Rule 6: still open on 31 December of the year (received by then, not concluded in or before it).
        Supplier<long[]> open = batch.query(
                "select (? - received_on) as days, count(*) from application_case where agency_id = ? "
                + "and received_on <= ? and (concluded_on is null or concluded_on > ?) group by 1", rs -> {
                    long[] bands = new long[AGE_BANDS.size()];
                    while (rs.next()) {
                        long days = rs.getLong(1);
                        for (int b = 0; b < AGE_BANDS.size(); b++) {
                            if (AGE_BANDS.get(b).contains(Math.max(0, days))) {
                                bands[b] += rs.getLong(2);
                            }
                        }
                    }
                    return bands;
                }, Date.valueOf(openAsOf), agencyId, last, last);
        Supplier<TimelinessFigures> figures = timeliness.of(batch, agencyId, year);
        batch.run(jdbc);

        List<Point> outcomePoints = new ArrayList<>();
        outcomes.get().forEach((group, count) -> outcomePoints.add(new Point(group.name(), group.label(), count)));
        List<Point> agePoints = new ArrayList<>();
        for (int b = 0; b < AGE_BANDS.size(); b++) {
            agePoints.add(new Point("AGE_" + b, AGE_BANDS.get(b).label(), open.get()[b]));
        }
        return new Charts(agencyId, year, openAsOf, monthPoints(received.get()), monthPoints(concluded.get()),
                          outcomePoints, figures.get(), agePoints);
    }

    private static long[] months(java.sql.ResultSet rs) throws java.sql.SQLException {
        long[] months = new long[12];
        while (rs.next()) {
            months[rs.getInt(1) - 1] = rs.getLong(2);
        }
        return months;
    }

    private static List<Point> monthPoints(long[] months) {
        List<Point> points = new ArrayList<>();
        for (int m = 0; m < 12; m++) {
            points.add(new Point(String.valueOf(m + 1), (m + 1) + " 月", months[m]));
        }
        return points;
    }
}
