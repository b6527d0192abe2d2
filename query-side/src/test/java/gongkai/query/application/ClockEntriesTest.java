package gongkai.query.application;

import gongkai.events.application.ApplicantType;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.Channel;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.FeeNoticeIssued;
import gongkai.events.application.FeePaid;
import gongkai.events.application.Outcome;
import gongkai.events.application.ReplyPeriodExtended;
import gongkai.events.application.SupplementReceived;
import gongkai.events.application.SupplementRequested;
import gongkai.events.calendar.ClockEvent;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How an application's events become the facts its reply clock counts. */
class ClockEntriesTest {

    static final String ID = "a1";

    static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    static ApplicationReceived received(String on) {
        return new ApplicationReceived(ID, "xiaoying", d(on), Channel.MAIL, ApplicantType.NATURAL_PERSON,
                                       new Applicant("张三", null, null, null, null), "请求");
    }

    @Test
    void everyStepOfTheClockMapsToItsClockEvent() {
        List<ClockEvent> entries = ClockEntries.of(List.of(
                received("2024-02-05"),
                new SupplementRequested(ID, d("2024-02-07"), d("2024-02-20"), null),
                new SupplementReceived(ID, d("2024-02-19")),
                new ConsultationStarted(ID, d("2024-02-26"), "某公司"),
                new ConsultationEnded(ID, d("2024-03-04")),
                new FeeNoticeIssued(ID, d("2024-03-05"), BigDecimal.TEN, d("2024-03-30")),
                new FeePaid(ID, d("2024-03-06")),
                new ReplyPeriodExtended(ID, d("2024-03-20"), 15, "复杂"),
                new ApplicationConcluded(ID, d("2024-04-10"), Outcome.DISCLOSED, List.of(), null)));

        assertThat(entries).containsExactly(
                new ClockEvent.Received(d("2024-02-05")), new ClockEvent.SupplementRequested(d("2024-02-07")),
                new ClockEvent.SupplementReceived(d("2024-02-19")), new ClockEvent.ConsultationStarted(d("2024-02-26")),
                new ClockEvent.ConsultationEnded(d("2024-03-04")), new ClockEvent.FeeNoticeIssued(d("2024-03-05")),
                new ClockEvent.FeePaid(d("2024-03-06")), new ClockEvent.Extended(d("2024-03-20"), 15),
                new ClockEvent.Concluded(d("2024-04-10")));
        assertThat(ClockEntries.decode(ClockEntries.encode(entries))).isEqualTo(entries);
    }

    @Test
    void aWithdrawalEndsTheClockAsAConclusionDoes() {
        assertThat(ClockEntries.of(List.of(received("2024-02-05"), new ApplicationWithdrawn(ID, d("2024-02-20")))))
                .containsExactly(new ClockEvent.Received(d("2024-02-05")), new ClockEvent.Concluded(d("2024-02-20")));
    }

    @Test
    void correctionsOfTheDateOfReceiptOrOfTheAnswerChangeTheDateTheClockCounts() {
        List<ClockEvent> entries = ClockEntries.of(List.of(
                received("2024-02-07"),
                new ApplicationConcluded(ID, d("2024-03-01"), Outcome.DISCLOSED, List.of(), null),
                new ApplicationCorrected(ID, d("2024-03-02"), CorrectedField.receivedOn, "2024-02-07", "2024-02-05", List.of(), "录入错误"),
                new ApplicationCorrected(ID, d("2024-03-02"), CorrectedField.concludedOn, "2024-03-01", "2024-02-29", List.of(), "录入错误"),
                new ApplicationCorrected(ID, d("2024-03-02"), CorrectedField.applicantType, "NATURAL_PERSON",
                                         "COMMERCIAL_ENTERPRISE", List.of(), "录入错误")));

        assertThat(entries).containsExactly(new ClockEvent.Received(d("2024-02-05")), new ClockEvent.Concluded(d("2024-02-29")));
    }

    @Test
    void theClockReadsTheFactsInBusinessDateOrderSameDayFactsAsRecorded() {
        // An extension recorded after a consultation but dated before it; a consultation begun and ended the same day.
        List<ClockEvent> recorded = List.of(new ClockEvent.Received(d("2024-02-05")),
                                            new ClockEvent.ConsultationStarted(d("2024-02-19")),
                                            new ClockEvent.ConsultationEnded(d("2024-02-19")),
                                            new ClockEvent.Extended(d("2024-02-15"), 10));

        assertThat(ClockEntries.inDateOrder(recorded)).containsExactly(
                new ClockEvent.Received(d("2024-02-05")), new ClockEvent.Extended(d("2024-02-15"), 10),
                new ClockEvent.ConsultationStarted(d("2024-02-19")), new ClockEvent.ConsultationEnded(d("2024-02-19")));
    }
}
