package gongkai.command.report;

import gongkai.command.Refusal;
import gongkai.command.report.ReportCommands.PublishReport;
import gongkai.command.report.ReportCommands.WriteNarrative;
import gongkai.events.report.NarrativeWritten;
import gongkai.events.report.ReportEvent;
import gongkai.events.report.ReportPublished;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One agency's annual report of one year, as far as the command side keeps it: its text (sections 一,
 * 五 and 六) and its publications. Each writing replaces the whole text, as a new event; writing the
 * same text again records nothing. A publication is recorded here as an event; the figures it
 * freezes are those the query side knew at that event's recorded instant (the query side keeps them
 * with their digest). Plain Java, wired to Axon by {@link AnnualReportAggregate}.
 */
final class AnnualReport {

    /** The Regulations (国务院令第492号) took effect on 1 May 2008: the first year with a report. */
    static final int FIRST_YEAR = 2008;

    private NarrativeWritten narrative;
    private int publications;

    static AnnualReport empty() {
        return new AnnualReport();
    }

    // ---- decisions ---------------------------------------------------------------------------

    /** Whether the command says exactly what the present text says (then nothing is recorded). */
    boolean alreadySays(WriteNarrative c) {
        return narrative != null
               && Objects.equals(narrative.overview(), c.overview())
               && Objects.equals(narrative.problems(), c.problems())
               && Objects.equals(narrative.other(), c.other());
    }

    /** A report is written for a year that has begun: not before 2008, not after today's year. */
    NarrativeWritten writeNarrative(WriteNarrative c, LocalDate today) {
        if (c.year() < FIRST_YEAR || c.year() > today.getYear()) {
            throw Refusal.invalid("year", "年度须在 " + FIRST_YEAR + " 至 " + today.getYear() + " 之间 (year must be "
                                          + FIRST_YEAR + " to " + today.getYear() + ")");
        }
        return new NarrativeWritten(c.agencyId(), c.year(), c.overview(), c.problems(), c.other(), today);
    }

    /**
     * Publishes the report of a year that is over (its figures are the year's: a report of the running
     * year would be frozen half-counted). Republishing is allowed and records a new publication: a
     * report found wrong after publication is corrected and published again (更正后重新发布), and every
     * publication, with its own frozen figures and digest, stays in the history; the query side shows
     * the latest and lists the earlier ones.
     */
    ReportPublished publish(PublishReport c, LocalDate today) {
        if (c.year() < FIRST_YEAR || c.year() >= today.getYear()) {
            throw Refusal.invalid("year", "只能发布已结束年度的报告，即 " + FIRST_YEAR + " 至 " + (today.getYear() - 1)
                                          + " 年 (only the report of a year that is over can be published: "
                                          + FIRST_YEAR + " to " + (today.getYear() - 1) + ")");
        }
        return new ReportPublished(c.agencyId(), c.year(), today);
    }

    int publications() {
        return publications;
    }

    // ---- state --------------------------------------------------------------------------------

    void apply(ReportEvent event) {
        if (event instanceof NarrativeWritten e) {
            narrative = e;
        } else if (event instanceof ReportPublished) {
            publications++;
        }
    }
}
