package gongkai.query.projections;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every table the query side's processors write, row by row, in an order of their own content: what two
 * builds of the read models are compared by. Row ids drawn from sequences are left out (a rebuild draws new
 * ones), and so are the calendar's version and the figures' revisions (numbers drawn afresh at each write, read
 * only to notice a change): of those, which agencies have one is compared.
 */
public final class ReadModelTables {

    static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("application_case", "select * from application_case order by application_id");
        TABLES.put("application_cell", "select application_id, agency_id, row_key, column_key, first_year, last_year, "
                                       + "valid_from, valid_to, opened_by, closed_by from application_cell "
                                       + "order by application_id, valid_from, row_key, column_key, first_year, opened_by");
        TABLES.put("application_tally", "select * from application_tally where applications <> 0 "
                                        + "order by agency_id, first_year, last_year, row_key, column_key");
        TABLES.put("timeliness_tally", "select * from timeliness_tally where answers <> 0 or paused_working_days <> 0 "
                                       + "order by agency_id, year, answer_kind, answer_extended, answer_working_days");
        TABLES.put("application_due_history", "select application_id, due_on, clock_state, supplement_request_deadline, "
                                              + "unknown_reason, explanation, recorded_at, caused_by_event_id, cause "
                                              + "from application_due_history order by application_id, id");
        TABLES.put("report_contribution", "select agency_id, table_key, row_key, column_key, first_year, last_year, value, "
                                          + "source_kind, source_id, dated_on, label, valid_from, opened_by, valid_to, "
                                          + "closed_by from report_contribution order by source_kind, source_id, valid_from, "
                                          + "table_key, row_key, column_key, first_year, opened_by");
        TABLES.put("document_case", "select * from document_case order by document_id");
        TABLES.put("opening_balance", "select * from opening_balance order by agency_id");
        TABLES.put("review_case", "select * from review_case order by review_id");
        TABLES.put("lawsuit_case", "select * from lawsuit_case order by lawsuit_id");
        TABLES.put("report_narrative", "select agency_id, year, overview, problems, other, written_on, valid_from, opened_by, "
                                       + "valid_to, closed_by from report_narrative order by agency_id, year, valid_from");
        TABLES.put("report_publication", "select event_id, agency_id, year, published_on, published_at, global_index, "
                                         + "horizon_index, figures, digest from report_publication order by global_index");
        TABLES.put("working_day_calendar", "select year, notice, text, event_id, published_on, published_at, published_by "
                                           + "from working_day_calendar order by year");
        TABLES.put("audit_event", "select * from audit_event order by global_index");
        TABLES.put("online_submission", "select * from online_submission order by application_id");
        TABLES.put("figures_revision", "select agency_id from figures_revision order by agency_id");
        TABLES.put("agency_change", "select event_id, agency_id, sequence_number, change, effective_on, recorded_at, actor, "
                                    + "name, parent_id, kind, successor_id from agency_change order by event_id");
    }

    /**
     * The tables of {@code query_side} that are no read model rebuilt from the stream: the processors' own (tokens,
     * claims, dead letters, marks), Flyway's, the hash chain (never rebuilt), verification jobs and the log of
     * reads of personal data (records of what people did, not of events). Every other table is in {@link #TABLES}.
     */
    static final java.util.Set<String> NOT_REBUILT = java.util.Set.of(
            "token_entry", "processor_instance", "dead_letter_entry", "applied_event", "flyway_schema_history",
            "event_chain", "verification_job", "personal_data_access",
            // the notices' own tables (templates, the record of messages, where each case is): never replayed, a
            // replay must not owe every notice again (docs/notices.md)
            "notice_template", "outgoing_message", "notice_case");

    private ReadModelTables() {
    }

    /** The agency's reports of 2022 to 2025 as the system knows them now: tables 二, 三 and 四 and the timeliness figures. */
    public static Map<String, Object> reports(gongkai.query.report.AnnualReports reports, String agency) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (int year = 2022; year <= 2025; year++) {
            gongkai.query.report.AnnualReport report = reports.report(agency, year, null);
            all.put("proactive " + year, report.proactive());
            all.put("applications " + year, report.applications());
            all.put("reviewsAndLawsuits " + year, report.reviewsAndLawsuits());
            all.put("timeliness " + year, report.timeliness());
        }
        return all;
    }

    /** Every table, its rows as column → value. */
    public static Map<String, List<Map<String, Object>>> of(JdbcTemplate jdbc) {
        Map<String, List<Map<String, Object>>> all = new LinkedHashMap<>();
        TABLES.forEach((table, select) -> all.put(table, jdbc.queryForList(select)));
        return all;
    }
}
