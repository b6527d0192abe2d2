package gongkai.query.notices;

import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationSignedFor;
import gongkai.events.application.Channel;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.Outcome;
import gongkai.events.application.ReplyPeriodExtended;
import gongkai.events.application.SupplementRequested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The applicant is told of the receipt, a supplement requested, an extension and the answer (docs/notices.md). */
class ApplicantNoticesTest {

    static final LocalDate DAY = LocalDate.parse("2024-03-06");

    @Test
    void theApplicantIsToldOfTheReceiptASupplementRequestedAnExtensionAndTheAnswer() {
        assertThat(ApplicantNotices.kindOf(new ApplicationReceived("a", "x", DAY, Channel.MAIL,
                                                                   ApplicantType.NATURAL_PERSON, null, "r")))
                .contains(NoticeKind.RECEIVED);
        assertThat(ApplicantNotices.kindOf(new SupplementRequested("a", DAY, DAY.plusDays(15), null)))
                .contains(NoticeKind.SUPPLEMENT_REQUESTED);
        assertThat(ApplicantNotices.kindOf(new ReplyPeriodExtended("a", DAY, 10, "档案")))
                .contains(NoticeKind.EXTENDED);
        assertThat(ApplicantNotices.kindOf(new ApplicationConcluded("a", DAY, Outcome.DISCLOSED, List.of(), null)))
                .contains(NoticeKind.ANSWERED);
    }

    @Test
    void theOfficesOwnStepsAreNotToldToTheApplicant() {
        assertThat(ApplicantNotices.kindOf(new ApplicationSignedFor("a", "x", DAY))).isEmpty();
        assertThat(ApplicantNotices.kindOf(new ConsultationStarted("a", DAY, "第三方"))).isEmpty();
    }

    @Test
    void theAnswerIsNamedByItsGroupOnTheNationalForm() {
        assertThat(ApplicantNotices.outcomeWords(Outcome.DISCLOSED)).isEqualTo("予以公开");
        assertThat(ApplicantNotices.outcomeWords(Outcome.PARTIALLY_DISCLOSED)).isEqualTo("部分公开");
        assertThat(ApplicantNotices.outcomeWords(Outcome.WITHHELD_STATE_SECRET)).isEqualTo("不予公开");
        assertThat(ApplicantNotices.outcomeWords(Outcome.UNAVAILABLE_NOT_HELD)).isEqualTo("无法提供");
        assertThat(ApplicantNotices.outcomeWords(Outcome.NOT_PROCESSED_DUPLICATE)).isEqualTo("不予处理");
        assertThat(ApplicantNotices.outcomeWords(Outcome.OTHER_FEE_UNPAID)).isEqualTo("其他处理");
    }
}
