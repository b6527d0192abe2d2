package gongkai.events.report;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The agency wrote the text of its report of {@code year}: section 一 ({@code overview}, 总体情况),
 * section 五 ({@code problems}, 存在的主要问题及改进情况) and section 六 ({@code other}, 其他需要报告的事项).
 * The latest of these events is the text; the earlier ones stay in the history. {@code writtenOn} is
 * the day it was written (the business date of the event).
 */
@Revision("1")
public record NarrativeWritten(String agencyId, int year, String overview, String problems, String other,
                               LocalDate writtenOn) implements ReportEvent {

    @Override
    public LocalDate businessDate() {
        return writtenOn;
    }
}
