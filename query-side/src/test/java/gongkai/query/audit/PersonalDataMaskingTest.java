package gongkai.query.audit;

import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.Channel;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.Outcome;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An event as a reader who may not see personal data reads it (docs/personal-data.md): each personal text withheld,
 * any other personal value removed, every other field as it was.
 */
class PersonalDataMaskingTest {

    private static final LocalDate DAY = LocalDate.of(2025, 3, 3);

    @Test
    void aReceiptWithheldKeepsItsFactsWithoutTheApplicantOrTheRequest() {
        ApplicationReceived received = new ApplicationReceived("app-1", "agency-1", DAY, Channel.ONLINE,
                                                               ApplicantType.NATURAL_PERSON,
                                                               new Applicant("张三", "110101199001011234", "13800000000", null, null),
                                                               "请公开2024年道路维修预算");

        assertThat(PersonalDataMasking.withheld(received)).isEqualTo(
                new ApplicationReceived("app-1", "agency-1", DAY, Channel.ONLINE, ApplicantType.NATURAL_PERSON, null,
                                        PersonalDataMasking.WITHHELD));
    }

    @Test
    void anAnswerWithheldKeepsItsOutcomeAndReasonsWithoutTheNote() {
        ApplicationConcluded concluded = new ApplicationConcluded("app-1", DAY, Outcome.PARTIALLY_DISCLOSED,
                                                                  List.of(Outcome.WITHHELD_THIRD_PARTY_RIGHTS), "已电话告知张三");

        assertThat(PersonalDataMasking.withheld(concluded)).isEqualTo(
                new ApplicationConcluded("app-1", DAY, Outcome.PARTIALLY_DISCLOSED, List.of(Outcome.WITHHELD_THIRD_PARTY_RIGHTS),
                                         PersonalDataMasking.WITHHELD));
    }

    @Test
    void aPersonalFieldLeftEmptyStaysEmptyAndAnEventWithoutPersonalFieldsIsItself() {
        ConsultationStarted started = new ConsultationStarted("app-1", DAY, null);

        assertThat(PersonalDataMasking.withheld(started)).isEqualTo(started);
        Object noPersonalFields = Outcome.DISCLOSED;
        assertThat(PersonalDataMasking.withheld(noPersonalFields)).isSameAs(noPersonalFields);
    }
}
