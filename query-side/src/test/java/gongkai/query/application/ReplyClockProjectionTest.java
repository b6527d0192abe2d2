package gongkai.query.application;

import com.fasterxml.jackson.databind.JsonNode;
import gongkai.command.testing.Http;
import gongkai.command.testing.RunningCommandSide;
import gongkai.events.MetaDataKeys;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.Channel;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.Outcome;
import gongkai.events.application.ReplyPeriodExtended;
import gongkai.events.application.SupplementRequested;
import gongkai.query.testing.RunningQuerySide;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reply clock as the applications projection keeps it, from events written straight into the event
 * store (so that orders and sequences the command side would refuse can be tried too), read back through
 * the query side's HTTP API. The query side's today is fixed at Wed 6 March 2024.
 */
class ReplyClockProjectionTest {

    private static RunningCommandSide commandSide;
    private static RunningQuerySide querySide;
    private static EventStore eventStore;
    private static Http admin;
    private static final Map<String, Long> sequences = new HashMap<>();

    @BeforeAll
    static void start() {
        commandSide = RunningCommandSide.onNewDatabase();
        querySide = RunningQuerySide.on(commandSide.databaseUrl(), "--gongkai.business-date=2024-03-06");
        eventStore = querySide.context().getBean(EventStore.class);
        admin = querySide.as("admin", RunningCommandSide.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        querySide.close();
        commandSide.close();
    }

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void factsRecordedOutOfDateOrderAreCountedInDateOrder() {
        // The extension (10 days, dated 15 Feb) is recorded after a consultation of 19–27 Feb (6 days paused):
        // 8 Mar + 6 = Mon 18 Mar; + 10: 19–22, 25–29 Mar, Mon 1 Apr.
        String id = received("clock-order", "2024-02-05");
        record(id, new ConsultationStarted(id, d("2024-02-19"), "某公司"));
        record(id, new ConsultationEnded(id, d("2024-02-27")));
        record(id, new ReplyPeriodExtended(id, d("2024-02-15"), 10, "复杂"));

        JsonNode one = application(id);
        assertThat(one.get("dueOn").asText()).isEqualTo("2024-04-01");
        assertThat(one.get("dueExplanation").asText())
                .isEqualTo("20 个工作日自 2024-02-05 起算；征求意见暂停 6 个工作日；延期 10 个工作日；答复期限至 2024-04-01");
        assertThat(one.get("pausedWorkingDays").asInt()).isEqualTo(6);
    }

    @Test
    void aCorrectedDateOfReceiptMovesTheDueDateAndTheHistorySaysWhy() {
        // Received Wed 7 Feb: 8, 9, 18, 19–23, 26–29 Feb, 1, 4–8, 11, 12 Mar → Tue 12 Mar. Corrected to Mon 5 Feb: Fri 8 Mar.
        String id = received("clock-correction", "2024-02-07");
        assertThat(application(id).get("dueOn").asText()).isEqualTo("2024-03-12");
        Instant beforeCorrection = Instant.now();
        sleep(); // the event store keeps instants to the millisecond
        record(id, new ApplicationCorrected(id, d("2024-02-20"), CorrectedField.receivedOn, "2024-02-07", "2024-02-05",
                                            List.of(), "签收日期录入错误"));

        assertThat(application(id).get("dueOn").asText()).isEqualTo("2024-03-08");
        JsonNode changes = admin.get("/api/applications/" + id + "/due-history").json().get("changes");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("dueOn").asText()).isEqualTo("2024-03-12");
        assertThat(changes.get(0).get("cause").asText()).isEqualTo("收到申请 (ApplicationReceived)");
        assertThat(changes.get(1).get("dueOn").asText()).isEqualTo("2024-03-08");
        assertThat(changes.get(1).get("cause").asText()).isEqualTo("更正收到申请日期 (ApplicationCorrected)");
        assertThat(changes.get(1).get("causedByEventId").asText()).isNotBlank();
        // As the system knew it before the correction:
        JsonNode then = admin.get("/api/applications/" + id + "?asOf=" + beforeCorrection).json();
        assertThat(then.get("receivedOn").asText()).isEqualTo("2024-02-07");
        assertThat(then.get("dueOn").asText()).isEqualTo("2024-03-12");
    }

    @Test
    void aWithdrawalEndsTheClockKeepingTheDueDateItHad() {
        String id = received("clock-withdrawal", "2024-02-05");
        record(id, new ApplicationWithdrawn(id, d("2024-02-20")));

        JsonNode one = application(id);
        assertThat(one.get("state").asText()).isEqualTo("WITHDRAWN");
        assertThat(one.get("clockState").asText()).isEqualTo("CONCLUDED");
        assertThat(one.get("dueOn").asText()).isEqualTo("2024-03-08");
        assertThat(one.get("workingDaysLeft").isNull()).isTrue();
    }

    @Test
    void aSequenceTheClockCannotCountLeavesTheDueDateUnknownAndTheProjectionGoesOn() {
        // Two consultations open at once: the command side refuses it; recorded here all the same.
        String broken = received("clock-broken", "2024-02-05");
        record(broken, new ConsultationStarted(broken, d("2024-02-19"), "甲"));
        record(broken, new ConsultationStarted(broken, d("2024-02-20"), "乙"));
        String next = received("clock-broken", "2024-02-05");

        assertThat(application(next).get("dueOn").asText()).isEqualTo("2024-03-08");
        JsonNode one = application(broken);
        assertThat(one.get("dueOn").isNull()).isTrue();
        assertThat(one.get("dueUnknownReason").asText()).contains("already open");
        assertThat(one.get("lifecycleState").asText()).isEqualTo("IN_CONSULTATION");
    }

    @Test
    void theTimelinessFiguresOfAYearCountTheAnswersAgainstTheirDueDates() {
        String agency = "timely";
        // a) due Fri 8 Mar, answered that day: on time; waited 20 working days.
        String a = received(agency, "2024-02-05");
        record(a, new ApplicationConcluded(a, d("2024-03-08"), Outcome.DISCLOSED, List.of(), null));
        // b) due Fri 8 Mar, answered Mon 11 Mar: late; waited 21.
        String b = received(agency, "2024-02-05");
        record(b, new ApplicationConcluded(b, d("2024-03-11"), Outcome.DISCLOSED, List.of(), null));
        // c) consultation 19–27 Feb (6 paused), extension of 10: due Mon 1 Apr; answered Thu 28 Mar: on time;
        //    waited 6–9 Feb, 18, 19–23, 26–29 Feb, 1 Mar, 4–8, 11–15, 18–22, 25–28 Mar = 34.
        String c = received(agency, "2024-02-05");
        record(c, new ConsultationStarted(c, d("2024-02-19"), "某公司"));
        record(c, new ConsultationEnded(c, d("2024-02-27")));
        record(c, new ReplyPeriodExtended(c, d("2024-03-11"), 10, "复杂"));
        record(c, new ApplicationConcluded(c, d("2024-03-28"), Outcome.PARTIALLY_DISCLOSED,
                                           List.of(Outcome.WITHHELD_THIRD_PARTY_RIGHTS), null));
        // d) supplement requested, never given: closed 11 Mar without a due date; waited 21.
        String dd = received(agency, "2024-02-05");
        record(dd, new SupplementRequested(dd, d("2024-02-07"), d("2024-02-21"), null));
        record(dd, new ApplicationConcluded(dd, d("2024-03-11"), Outcome.OTHER_SUPPLEMENT_OVERDUE, List.of(), null));
        // e) withdrawn: not an answer.
        String e = received(agency, "2024-02-05");
        record(e, new ApplicationWithdrawn(e, d("2024-02-20")));
        // f) answered in 2023: another year.
        String f = received(agency, "2023-11-01");
        record(f, new ApplicationConcluded(f, d("2023-11-20"), Outcome.DISCLOSED, List.of(), null));
        // g) still open: not counted.
        received(agency, "2024-02-26");

        RunningQuerySide.awaitCaughtUp(admin, Duration.ofSeconds(10));
        JsonNode figures = admin.get("/api/agencies/timely/reports/2024/timeliness").json();
        assertThat(figures.get("answered").asInt()).isEqualTo(4);
        assertThat(figures.get("answeredOnTime").asInt()).isEqualTo(2);
        assertThat(figures.get("answeredLate").asInt()).isEqualTo(1);
        assertThat(figures.get("answeredWithoutDueDate").asInt()).isEqualTo(1);
        assertThat(figures.get("withdrawn").asInt()).isEqualTo(1);
        assertThat(figures.get("extensionsUsed").asInt()).isEqualTo(1);
        assertThat(figures.get("workingDaysPaused").asInt()).isEqualTo(6);
        assertThat(figures.get("medianWorkingDaysToAnswer").decimalValue()).isEqualByComparingTo("21");

        JsonNode report = admin.get("/api/agencies/timely/reports/2024").json();
        assertThat(report.get("timeliness")).isEqualTo(figures);
        assertThat(admin.get("/api/agencies/timely/reports/2023/timeliness").json().get("answered").asInt()).isEqualTo(1);
    }

    // ---- test support ------------------------------------------------------------------------

    private static String received(String agencyId, String receivedOn) {
        String id = UUID.randomUUID().toString();
        record(id, new ApplicationReceived(id, agencyId, LocalDate.parse(receivedOn), Channel.MAIL,
                                           ApplicantType.NATURAL_PERSON, new Applicant("张三", null, null, null, null),
                                           "请求"), agencyId);
        return id;
    }

    private static void record(String id, ApplicationEvent event) {
        record(id, event, "");
    }

    private static void record(String id, ApplicationEvent event, String agencyId) {
        long sequence = sequences.merge(id, 1L, Long::sum) - 1;
        eventStore.publish(new GenericDomainEventMessage<>("ApplicationAggregate", id, sequence, event,
                MetaData.with(MetaDataKeys.ACTOR, "li").and(MetaDataKeys.BUSINESS_DATE, event.businessDate().toString())
                        .and(MetaDataKeys.AGENCY, agencyId)));
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The application once the projections have read every event appended so far. */
    private static JsonNode application(String id) {
        RunningQuerySide.awaitCaughtUp(admin, Duration.ofSeconds(10));
        Http.Response one = admin.get("/api/applications/" + id);
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        return one.json();
    }
}
