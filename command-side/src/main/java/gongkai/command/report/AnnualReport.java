package gongkai.command.report;

import gongkai.command.Refusal;
import gongkai.command.report.ReportCommands.WriteNarrative;
import gongkai.events.report.NarrativeWritten;
import gongkai.events.report.ReportEvent;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One agency's annual report of one year, as far as the command side keeps it: its text (sections 一,
 * 五 and 六). Each writing replaces the whole text, as a new event; writing the same text again
 * records nothing. Plain Java, wired to Axon by {@link AnnualReportAggregate}. (Publication, which
 * freezes the figures, needs the query side and is not here.)
 */
final class AnnualReport {

    /** The Regulations (国务院令第492号) took effect on 1 May 2008: the first year with a report. */
    static final int FIRST_YEAR = 2008;

    private NarrativeWritten narrative;

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

    // ---- state --------------------------------------------------------------------------------

    void apply(ReportEvent event) {
        if (event instanceof NarrativeWritten e) {
            narrative = e;
        }
    }
}
