package gongkai.query.oversight;

import gongkai.events.agency.AgencyKind;

import java.time.LocalDate;

/**
 * Whether an agency's annual report is late against its legal deadline (条例第四十九条: a department by 31 January,
 * the people's government by 31 March of the next year; {@link AgencyKind#reportDeadline}). Published on the
 * deadline is in time; not published when the deadline has passed is late; without a kind, the deadline is not
 * known and nothing is judged.
 */
public final class ReportDeadline {

    public enum Standing { PUBLISHED_IN_TIME, PUBLISHED_LATE, NOT_YET_DUE, LATE, DEADLINE_UNKNOWN }

    private ReportDeadline() {
    }

    public static Standing standing(AgencyKind kind, int year, LocalDate firstPublishedOn, LocalDate today) {
        if (kind == null) {
            return firstPublishedOn != null ? Standing.PUBLISHED_IN_TIME : Standing.DEADLINE_UNKNOWN;
        }
        LocalDate deadline = kind.reportDeadline(year);
        if (firstPublishedOn != null) {
            return firstPublishedOn.isAfter(deadline) ? Standing.PUBLISHED_LATE : Standing.PUBLISHED_IN_TIME;
        }
        return today.isAfter(deadline) ? Standing.LATE : Standing.NOT_YET_DUE;
    }

    public static boolean late(Standing standing) {
        return standing == Standing.LATE || standing == Standing.PUBLISHED_LATE;
    }
}
