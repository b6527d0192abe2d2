package gongkai.query.report.publication;

import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.Channel;
import gongkai.events.application.CorrectedField;
import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.DecisionsTallied;
import gongkai.events.MetaDataKeys;
import gongkai.events.report.ReportPublished;
import gongkai.query.projections.ReadModels;
import gongkai.query.projections.ProjectionPositions;
import gongkai.query.testing.StoredEvents;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import gongkai.query.testing.RunningSystem;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A publication freezes the figures as of its instant, computed from read models that other processors
 * build: it must wait until they have processed every event up to it, even when they lag behind.
 */
class PublicationSealingTest {

    @RegisterExtension
    static final RunningSystem system = new RunningSystem();

    @Test
    void aPublicationWaitsForALaggingProjectionAndFreezesWhatWasRecordedBeforeIt() throws Exception {
        String a = "lagging";
        StreamingEventProcessor readModels = system.querySide().context().getBean(EventProcessingConfiguration.class)
                                                     .eventProcessor(ReadModels.PROCESSING_GROUP,
                                                                     StreamingEventProcessor.class).orElseThrow();
        system.events().awaitProjections();
        // Every segment but those of the agency's tallies and of its publication lags: the publication is
        // recorded, the figures may not be complete.
        ReportPublished publication = new ReportPublished(a, 2023, LocalDate.parse("2024-01-20"));
        var policy = new ReadModels().readModelSequencing();
        List<Object> kept = List.of(
                policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("ProactiveRegisterAggregate", "t", 0,
                        new DecisionsTallied(a, "t", DecisionCategory.LICENSING, LocalDate.parse("2023-01-01"),
                                             LocalDate.parse("2023-12-31"), 1), Map.of(MetaDataKeys.AGENCY, a))),
                policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("AnnualReportAggregate", publication.caseId(),
                                                                                0, publication)));
        List<Integer> lagging = readModels.processingStatus().keySet().stream()
                                          .filter(segment -> kept.stream().noneMatch(
                                                  readModels.processingStatus().get(segment).getSegment()::matches))
                                          .toList();
        assertThat(lagging).isNotEmpty();
        lagging.forEach(segment -> readModels.releaseSegment(segment, 20, TimeUnit.SECONDS));
        try {
            await(() -> lagging.stream().noneMatch(readModels.processingStatus()::containsKey), "the segments released");
            tally(a, 10);
            system.events().record(publication, a);
            awaitRecorded(a);
            long head = system.querySide().context().getBean(ProjectionPositions.class).head();
            assertThat(system.querySide().context().getBean(ProjectionPositions.class).past(head, PublicationSealing.FIGURE_PROJECTIONS))
                    .as("the stored tokens of the released segments are behind the publication").isFalse();
            // The sealer's own run, now that the publication is recorded and its projections are behind it,
            // decides; the released segments stay unclaimed for 20 s, so nothing can move them meanwhile.
            system.querySide().context().getBean(PublicationSealing.class).sealReady();
            PublishedReport waiting = published(a);
            assertThat(waiting.sealed()).isFalse();
            assertThat(waiting.digest()).isNull();
            tally(a, 5); // recorded after the publication: not in its figures
        } finally {
            lagging.forEach(readModels::claimSegment);
        }
        system.events().awaitProjections();
        awaitSealed(a);

        PublishedReport sealed = published(a);
        assertThat(sealed.sealed()).isTrue();
        assertThat(sealed.verified()).isTrue();
        String figures = system.querySide().context().getBean(JdbcTemplate.class)
                                  .queryForObject("select figures from report_publication where agency_id = ?", String.class, a);
        assertThat(figures).contains("\"LICENSING\":{\"decisions\":10}");
        assertThat(sealed.changedFigures()).singleElement().satisfies(c -> {
            assertThat(c.rowKey()).isEqualTo("LICENSING");
            assertThat(c.publishedValue().toString()).isEqualTo("10");
            assertThat(c.currentValue().toString()).isEqualTo("15");
            assertThat(c.events()).hasSize(1);
        });
    }

    @Test
    void aBackdatedReceiptCorrectionAfterPublicationIsFlaggedInTableThreeWithItsEvent() throws Exception {
        String a = "backdated";
        String id = UUID.randomUUID().toString();
        system.events().record(new ApplicationReceived(id, a, LocalDate.parse("2024-01-05"), Channel.MAIL,
                                              ApplicantType.NATURAL_PERSON, new Applicant("张三", null, null, null, null),
                                              "请求"), a);
        system.events().record(new ReportPublished(a, 2023, LocalDate.parse("2024-01-20")), a);
        system.events().awaitProjections();
        awaitSealed(a);
        // A letter signed for on 28 December belongs to 2023 (rule 7): the published 2023 table changes.
        String correction = system.events().record(new ApplicationCorrected(id, LocalDate.parse("2024-02-01"), CorrectedField.receivedOn,
                                                                   "2024-01-05", "2023-12-28", List.of(), "签收日期录入错误"), a);
        system.events().awaitProjections();

        PublishedReport published = published(a);
        assertThat(published.verified()).isTrue();
        assertThat(published.changedFigures())
                .extracting(c -> "(" + c.table() + ", " + c.rowKey() + ", " + c.columnKey() + ", "
                                 + c.publishedValue() + ", " + c.currentValue() + ")")
                .containsExactlyInAnyOrder("(applications, NEW, NATURAL_PERSON, 0, 1)", "(applications, NEW, TOTAL, 0, 1)",
                                           "(applications, CARRIED_FORWARD, NATURAL_PERSON, 0, 1)",
                                           "(applications, CARRIED_FORWARD, TOTAL, 0, 1)");
        assertThat(published.changedFigures()).allSatisfy(change -> {
            assertThat(change.events()).singleElement().satisfies(e -> {
                assertThat(e.get("eventId")).isEqualTo(correction);
                assertThat(e.get("type")).isEqualTo("ApplicationCorrected");
                assertThat(e.get("caseId")).isEqualTo(id);
                assertThat(e.get("effect")).isEqualTo("counted");
            });
        });
    }

    private static void awaitSealed(String agency) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!published(agency).sealed()) {
            assertThat(System.nanoTime()).as("the publication is sealed").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private static void tally(String agency, int count) {
        system.events().record(new DecisionsTallied(agency, UUID.randomUUID().toString(), DecisionCategory.LICENSING,
                                           LocalDate.parse("2023-01-01"), LocalDate.parse("2023-12-31"), count), agency);
    }

    private static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static void awaitRecorded(String agency) throws InterruptedException {
        JdbcTemplate jdbc = system.querySide().context().getBean(JdbcTemplate.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (jdbc.queryForObject("select count(*) from report_publication where agency_id = ?", Integer.class, agency) == 0) {
            assertThat(System.nanoTime()).as("the publication is recorded").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static PublishedReport published(String agency) {
        return system.reports().report(agency, 2023, null).published();
    }
}
