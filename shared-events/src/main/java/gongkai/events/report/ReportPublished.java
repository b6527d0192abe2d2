package gongkai.events.report;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The agency published (公开发布) its report of {@code year} on {@code publishedOn}: the figures of the
 * report are frozen as the system knew them at the instant this event was recorded (its timestamp),
 * not at the end of {@code publishedOn}. The query side keeps those figures with a digest and flags
 * every later event that changes one of them. A report may be published again (a corrected report);
 * each publication is an event of its own, and the latest one is the report's publication.
 */
@Revision("1")
public record ReportPublished(String agencyId, int year, LocalDate publishedOn) implements ReportEvent {

    @Override
    public LocalDate businessDate() {
        return publishedOn;
    }
}
