package gongkai.events.proactive;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An item of government information was published proactively (主动公开) on {@code publishedOn}.
 * {@code category} is the agency's own free text (such as 行政许可类, 预算决算类, 工作动态): section 一
 * quotes the year's counts by category. {@code publicationId} names the entry.
 */
@Revision("1")
public record InformationPublished(String agencyId, String publicationId, String category, String title,
                                   LocalDate publishedOn) implements RegisterEvent {

    @Override
    public LocalDate businessDate() {
        return publishedOn;
    }
}
