package gongkai.events.report;

import gongkai.events.CaseEvent;

/** An event about one agency's annual report of one year (政府信息公开工作年度报告). */
public sealed interface ReportEvent extends CaseEvent permits NarrativeWritten, ReportPublished {

    String agencyId();

    int year();

    /** The id of an agency's report of a year: its stream in the event store and its "case" in the history. */
    static String reportId(String agencyId, int year) {
        return "report:" + agencyId + ":" + year;
    }

    @Override
    default String caseId() {
        return reportId(agencyId(), year());
    }
}
