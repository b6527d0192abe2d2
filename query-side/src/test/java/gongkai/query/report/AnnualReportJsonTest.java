package gongkai.query.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.IntNode;
import gongkai.query.counting.Check;
import gongkai.query.report.publication.PublishedReport;
import gongkai.query.report.publication.PublishedReport.ChangedFigure;
import gongkai.query.report.publication.PublishedReport.EarlierPublication;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's JSON as the query side's own mapper writes {@link AnnualReport}: the keys in the order of
 * the HTTP contract, absent parts as {@code null}, and {@code sealing} only while a publication waits.
 */
class AnnualReportJsonTest {

    /** The mapper as Spring Boot builds the application's: instants and dates written as ISO text. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Instant PUBLISHED_AT = Instant.parse("2024-01-20T02:00:00Z");

    @Test
    void theReportIsWrittenWithTheContractsKeysInTheContractsOrder() throws Exception {
        String written = JSON.writeValueAsString(report(waiting()));

        assertThat(written).isEqualTo(
                "{\"agencyId\":\"xiaoying\",\"name\":\"小营镇人民政府\",\"year\":2023,\"asOf\":null,"
                + "\"proactive\":{\"FEES\":{\"amountTenThousandYuan\":\"0.0000\"}},"
                + "\"applications\":{\"NEW\":{\"TOTAL\":1}},"
                + "\"reviewsAndLawsuits\":{\"REVIEW\":{\"TOTAL\":0}},"
                + "\"checks\":[{\"name\":\"RESULT_TOTAL = sum of outcome rows\",\"passed\":true,\"detail\":\"每一列均成立\"}],"
                + "\"publishedItems\":{\"total\":3,\"byCategory\":{\"工作动态\":3}},"
                + "\"timeliness\":null,"
                + "\"narrative\":{\"overview\":\"一\",\"problems\":\"五\",\"other\":\"六\",\"writtenOn\":\"2024-01-15\","
                + "\"recordedAt\":\"2024-01-15T08:00:00Z\",\"eventId\":\"e-narrative\"},"
                + "\"overviewDraft\":\"2023年，本机关主动公开政府信息3条。\","
                + "\"published\":{\"publishedOn\":\"2024-01-20\",\"publishedAt\":\"2024-01-20T02:00:00Z\",\"eventId\":\"e-1\","
                + "\"sealed\":false,\"digest\":null,\"digestForm\":\"SHA-256\","
                + "\"figuresAsPublished\":\"/api/agencies/xiaoying/reports/2023?asOf=2024-01-20T02:00:00Z\","
                + "\"chainHead\":null,\"verified\":null,\"changedFigures\":null,"
                + "\"sealing\":\"等待各投影处理到发布事件 (waiting for the projections to reach the publication)\","
                + "\"earlierPublications\":[]}}");
    }

    @Test
    void aSealedPublicationShowsItsChangesAndEarlierPublicationsAndNoWait() throws Exception {
        String written = JSON.writeValueAsString(sealed());

        assertThat(written).isEqualTo(
                "{\"publishedOn\":\"2024-01-20\",\"publishedAt\":\"2024-01-20T02:00:00Z\",\"eventId\":\"e-1\","
                + "\"sealed\":true,\"digest\":\"01577a30\",\"digestForm\":\"SHA-256\","
                + "\"figuresAsPublished\":\"/api/agencies/xiaoying/reports/2023?asOf=2024-01-20T02:00:00Z\","
                + "\"chainHead\":\"41:9f\",\"verified\":true,"
                + "\"changedFigures\":[{\"table\":\"applications\",\"rowKey\":\"NEW\",\"columnKey\":\"TOTAL\","
                + "\"publishedValue\":0,\"currentValue\":1,\"events\":[{\"eventId\":\"e-2\",\"effect\":\"counted\"}]}],"
                + "\"earlierPublications\":[{\"publishedOn\":\"2024-01-10\",\"publishedAt\":\"2024-01-10T02:00:00Z\","
                + "\"eventId\":\"e-0\",\"digest\":\"ab12\"}]}");
    }

    @Test
    void anUnpublishedReportHasPublishedNull() throws Exception {
        assertThat(JSON.readTree(JSON.writeValueAsString(report(null))).get("published").isNull()).isTrue();
    }

    private static AnnualReport report(PublishedReport published) {
        return new AnnualReport("xiaoying", "小营镇人民政府", 2023, null,
                                Map.of("FEES", Map.of("amountTenThousandYuan", "0.0000")),
                                Map.of("NEW", Map.of("TOTAL", 1)), Map.of("REVIEW", Map.of("TOTAL", 0)),
                                List.of(new Check("RESULT_TOTAL = sum of outcome rows", true, "每一列均成立")),
                                AnnualReport.PublishedItems.of(Map.of("工作动态", 3)), null,
                                new AnnualReport.Narrative("一", "五", "六", LocalDate.parse("2024-01-15"),
                                                           Instant.parse("2024-01-15T08:00:00Z"), "e-narrative"),
                                "2023年，本机关主动公开政府信息3条。", published);
    }

    private static PublishedReport waiting() {
        return new PublishedReport(LocalDate.parse("2024-01-20"), PUBLISHED_AT, "e-1", false, null, "SHA-256",
                                   "/api/agencies/xiaoying/reports/2023?asOf=" + PUBLISHED_AT, null, null, null,
                                   "等待各投影处理到发布事件 (waiting for the projections to reach the publication)", List.of());
    }

    private static Map<String, Object> event(String eventId, String effect) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", eventId);
        event.put("effect", effect);
        return event;
    }

    private static PublishedReport sealed() {
        return new PublishedReport(LocalDate.parse("2024-01-20"), PUBLISHED_AT, "e-1", true, "01577a30", "SHA-256",
                                   "/api/agencies/xiaoying/reports/2023?asOf=" + PUBLISHED_AT, "41:9f", true,
                                   List.of(new ChangedFigure("applications", "NEW", "TOTAL", IntNode.valueOf(0),
                                                             IntNode.valueOf(1),
                                                             List.of(event("e-2", "counted")))),
                                   null, List.of(new EarlierPublication(LocalDate.parse("2024-01-10"),
                                                                        Instant.parse("2024-01-10T02:00:00Z"), "e-0", "ab12")));
    }
}
