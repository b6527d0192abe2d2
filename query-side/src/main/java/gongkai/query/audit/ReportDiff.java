package gongkai.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gongkai.events.MetaDataKeys;
import gongkai.events.application.Outcome;
import gongkai.events.store.StoredEventFormat;
import gongkai.query.report.ApplicantColumn;
import gongkai.query.report.ApplicationCells;
import gongkai.query.report.ApplicationRow;
import gongkai.query.report.TableThree;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How an agency's table 三 of a year changed between two recorded instants, cell by cell, with the
 * events that account for each change: a case enters a cell through the event that opened its
 * {@code application_cell} row and leaves it through the event that closed it. Rows both opened
 * and closed between the two instants changed nothing and are left out.
 */
@Service
public class ReportDiff {

    /** An event that moved a case into ({@code effect} +1) or out of (−1) a cell. */
    public record Cause(String eventId, Long globalIndex, String type, Instant recordedAt, String actor, String caseId,
                        int effect) {
    }

    public record CellChange(String rowKey, String columnKey, int from, int to, int difference, List<Cause> events) {
    }

    /** An event that accounts for changes, once, with what it says. */
    public record Event(String eventId, Long globalIndex, String type, Instant recordedAt, String actor, String caseId,
                        String summary) {
    }

    public record Diff(String agencyId, int year, String table, Instant from, Instant to, List<CellChange> changes,
                       List<Event> events) {
    }

    private record Contribution(String rowKey, String columnKey, String caseId, String eventId, int effect) {
    }

    private record Recorded(String eventId, long globalIndex, String type, Instant recordedAt, String actor,
                            String caseId) {
    }

    private static final Set<String> OUTCOMES = java.util.Arrays.stream(Outcome.values()).map(Enum::name)
                                                                .collect(Collectors.toSet());
    private static final ObjectMapper JSON = StoredEventFormat.objectMapper();

    private final ApplicationCells cells;
    private final JdbcTemplate jdbc;

    public ReportDiff(ApplicationCells cells, JdbcTemplate jdbc) {
        this.cells = cells;
        this.jdbc = jdbc;
    }

    public Diff between(String agencyId, int year, Instant from, Instant to) {
        TableThree before = TableThree.of(cells.counts(agencyId, year, from));
        TableThree after = TableThree.of(cells.counts(agencyId, year, to));
        List<Contribution> contributions = contributions(agencyId, year, from, to);
        Map<String, Recorded> recorded = recorded(contributions.stream().map(Contribution::eventId).distinct().toList());

        List<CellChange> changes = new ArrayList<>();
        Set<String> accounting = new java.util.LinkedHashSet<>();
        for (ApplicationRow row : ApplicationRow.ALL) {
            for (ApplicantColumn column : ApplicantColumn.ALL) {
                int was = before.get(row.key(), column.key());
                int is = after.get(row.key(), column.key());
                if (was == is) {
                    continue;
                }
                List<Cause> causes = causes(contributions, row.key(), column.key(), recorded);
                causes.forEach(cause -> accounting.add(cause.eventId()));
                changes.add(new CellChange(row.key(), column.key(), was, is, is - was, causes));
            }
        }
        List<Event> events = accounting.stream().map(recorded::get).filter(Objects::nonNull)
                                       .sorted(Comparator.comparingLong(Recorded::globalIndex))
                                       .map(r -> new Event(r.eventId(), r.globalIndex(), r.type(), r.recordedAt(),
                                                           r.actor(), r.caseId(), summary(r.globalIndex())))
                                       .toList();
        return new Diff(agencyId, year, "applications", from, to, changes, events);
    }

    /** The events behind one cell's change; TOTAL gathers the columns, RESULT_TOTAL the outcome rows. */
    private static List<Cause> causes(List<Contribution> contributions, String rowKey, String columnKey,
                                      Map<String, Recorded> recorded) {
        Map<List<String>, Integer> net = new LinkedHashMap<>();
        for (Contribution c : contributions) {
            boolean row = rowKey.equals(ApplicationRow.RESULT_TOTAL) ? OUTCOMES.contains(c.rowKey()) : rowKey.equals(c.rowKey());
            boolean column = columnKey.equals(ApplicantColumn.TOTAL) || columnKey.equals(c.columnKey());
            if (row && column) {
                net.merge(List.of(c.eventId(), c.caseId()), c.effect(), Integer::sum);
            }
        }
        List<Cause> causes = new ArrayList<>();
        net.forEach((key, effect) -> {
            if (effect != 0) {
                Recorded r = recorded.get(key.get(0));
                causes.add(r == null ? new Cause(key.get(0), null, null, null, null, key.get(1), effect)
                                     : new Cause(r.eventId(), r.globalIndex(), r.type(), r.recordedAt(), r.actor(),
                                                 key.get(1), effect));
            }
        });
        causes.sort(Comparator.comparing(c -> c.globalIndex() == null ? Long.MAX_VALUE : c.globalIndex()));
        return causes;
    }

    private List<Contribution> contributions(String agencyId, int year, Instant from, Instant to) {
        Timestamp f = Timestamp.from(from);
        Timestamp t = Timestamp.from(to);
        String counted = "agency_id = ? and first_year <= ? and (last_year is null or last_year >= ?)";
        return jdbc.query("select row_key, column_key, application_id, opened_by as event_id, 1 as effect "
                          + "from application_cell where " + counted
                          + " and valid_from > ? and valid_from <= ? and (valid_to is null or valid_to > ?) "
                          + "union all "
                          + "select row_key, column_key, application_id, closed_by, -1 "
                          + "from application_cell where " + counted
                          + " and valid_from <= ? and valid_to > ? and valid_to <= ?",
                          (rs, i) -> new Contribution(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                                      rs.getInt(5)),
                          agencyId, year, year, f, t, t, agencyId, year, year, f, f, t);
    }

    /** The events as stored: type, recorded instant, actor. */
    private Map<String, Recorded> recorded(List<String> eventIds) {
        Map<String, Recorded> recorded = new HashMap<>();
        if (eventIds.isEmpty()) {
            return recorded;
        }
        jdbc.query("select event_identifier, global_index, payload_type, time_stamp, meta_data, aggregate_identifier from "
                   + StoredEventFormat.EVENT_TABLE + " where event_identifier in ("
                   + String.join(", ", eventIds.stream().map(id -> "?").toList()) + ")",
                   rs -> {
                       String type = rs.getString("payload_type");
                       recorded.put(rs.getString(1), new Recorded(rs.getString(1), rs.getLong(2),
                                                                  type.substring(type.lastIndexOf('.') + 1),
                                                                  instant(rs.getString(4)), actor(rs.getBytes(5)),
                                                                  rs.getString(6)));
                   },
                   eventIds.toArray());
        return recorded;
    }

    private String summary(long globalIndex) {
        List<String> summaries = jdbc.queryForList("select summary from audit_event where global_index = ?",
                                                   String.class, globalIndex);
        return summaries.isEmpty() ? null : summaries.get(0);
    }

    private static String actor(byte[] metaData) {
        if (metaData == null) {
            return null;
        }
        try {
            JsonNode actor = JSON.readTree(metaData).path(MetaDataKeys.ACTOR);
            return actor.isTextual() ? actor.asText() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Instant instant(String timeStamp) {
        try {
            return Instant.parse(timeStamp);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }
}
