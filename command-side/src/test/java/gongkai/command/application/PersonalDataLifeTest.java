package gongkai.command.application;

import gongkai.command.Refusal;
import gongkai.command.application.ApplicationCommands.ErasePersonalData;
import gongkai.command.application.ApplicationCommands.SealPersonalData;
import gongkai.command.application.ApplicationCommands.UnsealPersonalData;
import gongkai.command.personal.DataKeyShredder;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ErasureBasis;
import gongkai.events.application.Outcome;
import gongkai.events.application.PersonalDataErased;
import gongkai.events.application.PersonalDataSealed;
import gongkai.events.application.PersonalDataUnsealed;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.CorrectedField;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import static gongkai.command.application.ApplicationAggregateTest.CALENDARS;
import static gongkai.command.application.ApplicationAggregateTest.CLOCK;
import static gongkai.command.application.ApplicationAggregateTest.ID;
import static gongkai.command.application.ApplicationAggregateTest.TODAY;
import static gongkai.command.application.ApplicationAggregateTest.received;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The life of an applicant's personal data (个人信息保护法 第四十七条): erased on a basis, with the key
 * destroyed; sealed when the retention period after the case's end ran out; unsealed for a reason; erased by
 * retention only when sealed long enough and not unsealed. None of it is a step of the case. Today is 2024-06-30.
 */
class PersonalDataLifeTest {

    private final List<String> destroyed = new ArrayList<>();
    private AggregateTestFixture<ApplicationAggregate> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ApplicationAggregate.class);
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(CALENDARS);
        fixture.registerInjectableResource(new FakeDecisions());
        fixture.registerInjectableResource((DataKeyShredder) destroyed::add);
    }

    private static ApplicationConcluded concludedOn(LocalDate on) {
        return new ApplicationConcluded(ID, on, Outcome.DISCLOSED, List.of(), null);
    }

    @Test
    void anErasureRecordsItsBasisAndDestroysTheCasesKey() {
        fixture.given(received())
               .when(new ErasePersonalData(ID, ErasureBasis.CONSENT_WITHDRAWN, "申请人书面撤回同意", false, null))
               .expectEvents(new PersonalDataErased(ID, TODAY, ErasureBasis.CONSENT_WITHDRAWN, "申请人书面撤回同意", false));
        assertThat(destroyed).containsExactly(ID);
    }

    @Test
    void personalDataIsErasedOnceOnly() {
        fixture.given(received(), new PersonalDataErased(ID, TODAY, ErasureBasis.OTHER, null, false))
               .when(new ErasePersonalData(ID, ErasureBasis.OTHER, null, false, null))
               .expectException(Refusal.class).expectNoEvents();
        assertThat(destroyed).isEmpty();
    }

    @Test
    void anErasureNeedsABasis() {
        fixture.given(received())
               .when(new ErasePersonalData(ID, null, null, false, null))
               .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void aCaseIsSealedOnlyOnceTheRetentionPeriodAfterItsEndRanOut() {
        fixture.given(received(), concludedOn(LocalDate.of(2024, 6, 10)))
               .when(new SealPersonalData(ID, Period.ofDays(20)))
               .expectEvents(new PersonalDataSealed(ID, TODAY, LocalDate.of(2024, 6, 10), "P20D"));
        fixture.given(received(), concludedOn(LocalDate.of(2024, 6, 11)))
               .when(new SealPersonalData(ID, Period.ofDays(20)))
               .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void anOpenCaseIsNeverSealed() {
        fixture.given(received())
               .when(new SealPersonalData(ID, Period.ZERO))
               .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void aSealedCaseIsUnsealedForAStatedReasonAndThenLeftAloneByRetention() {
        PersonalDataSealed sealed = new PersonalDataSealed(ID, LocalDate.of(2024, 6, 12), LocalDate.of(2024, 6, 10), "P1D");
        fixture.given(received(), concludedOn(LocalDate.of(2024, 6, 10)), sealed)
               .when(new UnsealPersonalData(ID, "  行政诉讼需要  "))
               .expectEvents(new PersonalDataUnsealed(ID, TODAY, "行政诉讼需要"));
        fixture.given(received(), concludedOn(LocalDate.of(2024, 6, 10)), sealed, new PersonalDataUnsealed(ID, TODAY, "诉讼"))
               .when(new ErasePersonalData(ID, ErasureBasis.RETENTION_EXPIRED, null, true, Period.ZERO))
               .expectException(Refusal.class).expectNoEvents();
        fixture.given(received(), concludedOn(LocalDate.of(2024, 6, 10)), sealed, new PersonalDataUnsealed(ID, TODAY, "诉讼"))
               .when(new SealPersonalData(ID, Period.ZERO))
               .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void retentionErasesACaseSealedLongEnough() {
        PersonalDataSealed sealed = new PersonalDataSealed(ID, LocalDate.of(2024, 6, 20), LocalDate.of(2024, 6, 10), "P10D");
        fixture.given(received(), concludedOn(LocalDate.of(2024, 6, 10)), sealed)
               .when(new ErasePersonalData(ID, ErasureBasis.RETENTION_EXPIRED, "保存期限届满", true, Period.ofDays(10)))
               .expectEvents(new PersonalDataErased(ID, TODAY, ErasureBasis.RETENTION_EXPIRED, "保存期限届满", true));
        fixture.given(received(), concludedOn(LocalDate.of(2024, 6, 10)), sealed)
               .when(new ErasePersonalData(ID, ErasureBasis.RETENTION_EXPIRED, null, true, Period.ofDays(11)))
               .expectException(Refusal.class).expectNoEvents();
    }

    @Test
    void whatHappensToThePersonalDataIsNoStepOfTheCase() {
        // A correction of the answer's date to a day after the erasure but before today is still allowed.
        fixture.given(received(), concludedOn(LocalDate.of(2024, 6, 10)),
                      new PersonalDataErased(ID, LocalDate.of(2024, 6, 28), ErasureBasis.OTHER, null, false))
               .when(new ApplicationCommands.CorrectApplication(ID, "concludedOn", "2024-06-12", null, "录入错误"))
               .expectEvents(new ApplicationCorrected(ID, TODAY, CorrectedField.concludedOn, "2024-06-10", "2024-06-12",
                                                      List.of(), "录入错误"));
    }
}
