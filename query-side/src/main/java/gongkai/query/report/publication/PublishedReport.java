package gongkai.query.report.publication;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a report shows of its publication ({@code published}): the latest publication, its digest, whether
 * the figures recomputed as of it still give that digest, the figures changed since and the earlier
 * publications. Until it is sealed, {@code verified} and {@code changedFigures} are null and
 * {@code sealing} says what it waits for.
 */
public record PublishedReport(LocalDate publishedOn, Instant publishedAt, String eventId, boolean sealed, String digest,
                              String digestForm, String figuresAsPublished, String chainHead, Boolean verified,
                              List<ChangedFigure> changedFigures,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String sealing,
                              List<EarlierPublication> earlierPublications) {

    /**
     * A figure whose present value differs from the published one, and the events that changed it (each
     * described as the audit describes a stored event, with its effect on the figure and its source).
     */
    public record ChangedFigure(String table, String rowKey, String columnKey, JsonNode publishedValue,
                                JsonNode currentValue, List<Map<String, Object>> events) {
    }

    /** A publication the latest one replaced. */
    public record EarlierPublication(LocalDate publishedOn, Instant publishedAt, String eventId, String digest) {
    }
}
