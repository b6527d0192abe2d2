package gongkai.command.application;

import gongkai.command.CaseNotFound;
import gongkai.command.Refusal;
import gongkai.command.application.ApplicationCommands.ConcludeApplication;
import gongkai.command.application.ApplicationCommands.CorrectApplication;
import gongkai.command.application.ApplicationCommands.EndConsultation;
import gongkai.command.application.ApplicationCommands.ExtendReplyPeriod;
import gongkai.command.application.ApplicationCommands.IssueFeeNotice;
import gongkai.command.application.ApplicationCommands.ReceiveApplication;
import gongkai.command.application.ApplicationCommands.ReceiveSupplement;
import gongkai.command.application.ApplicationCommands.Receipt;
import gongkai.command.application.ApplicationCommands.RecordFeePayment;
import gongkai.command.application.ApplicationCommands.RequestSupplement;
import gongkai.command.application.ApplicationCommands.StartConsultation;
import gongkai.command.application.ApplicationCommands.WithdrawApplication;
import gongkai.command.calendar.PublishedCalendars;
import gongkai.command.papers.AttachmentFiles;
import gongkai.command.papers.AttachmentStore;
import gongkai.command.papers.PapersCommands;
import gongkai.events.papers.AttachmentAdded;
import gongkai.events.papers.FileName;
import gongkai.events.CaseResult;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationReopened;
import gongkai.events.application.ApplicationSignedFor;
import gongkai.events.application.ApplicationSubmitted;
import gongkai.events.application.SubmissionReturned;
import gongkai.events.application.ApplicationTransferred;
import gongkai.events.application.ExtensionApproved;
import gongkai.events.application.ExtensionRefused;
import gongkai.events.application.ExtensionRequested;
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
import gongkai.events.lawsuit.LawsuitFiled;
import gongkai.events.lawsuit.LawsuitJudged;
import gongkai.events.lawsuit.Route;
import gongkai.events.review.ReviewDecided;
import gongkai.events.review.ReviewFiled;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.annotation.SimpleResourceParameterResolverFactory;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every transition and every refusal of {@link Application}, through Axon's aggregate fixture
 * (given events, when a command, then the events recorded or the refusal and no event).
 * Today is 2024-06-30 in Beijing time.
 */
class ApplicationAggregateTest {

    static final String ID = "4f1c2e9a-7d3b-4c55-9a0e-0b6f3d2a1c11";
    static final String AGENCY = "xiaoying";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-30T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate TODAY = LocalDate.of(2024, 6, 30);
    /** The shipped working-day calendar, as the command handlers are given it (nothing published). */
    static final PublishedCalendars CALENDARS = PublishedCalendars.officialOnly();
    static final LocalDate TOMORROW = TODAY.plusDays(1);
    static final LocalDate RECEIVED_ON = LocalDate.of(2024, 6, 3);
    static final Applicant APPLICANT = new Applicant("张三", "110101199001011234", "13800000000", null, null);
    static final String REQUEST = "2023年道路维修预算";

    private AggregateTestFixture<ApplicationAggregate> fixture;
    /** The reconsiderations and lawsuits on record, as the command handlers are given them. */
    private FakeDecisions decisions;
    /** The files' bytes as the handlers store them, here in memory (in PostgreSQL: PublicAttachmentsHttpTest). */
    private final Map<String, byte[]> storedFiles = new ConcurrentHashMap<>();

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(ApplicationAggregate.class);
        decisions = new FakeDecisions();
        fixture.registerInjectableResource(CLOCK);
        fixture.registerInjectableResource(CALENDARS);
        fixture.registerInjectableResource(decisions);
        fixture.registerInjectableResource((Agencies) AGENCIES::contains);
        fixture.registerInjectableResource(new AttachmentStore(null) {
            @Override
            public void put(String attachmentId, String applicationId, byte[] content) {
                storedFiles.put(attachmentId, content);
            }
        });
    }

    /** The agencies on record, as a transfer is given them. */
    static final Set<String> AGENCIES = Set.of(AGENCY, "luanping");

    // ---- commands and events ------------------------------------------------------------------

    static LocalDate june(int day) {
        return LocalDate.of(2024, 6, day);
    }

    static ReceiveApplication receive() {
        return receiveOn(RECEIVED_ON);
    }

    static ReceiveApplication receiveOn(LocalDate receivedOn) {
        return new ReceiveApplication(ID, AGENCY, receivedOn, Channel.ONLINE, ApplicantType.NATURAL_PERSON, APPLICANT,
                                      REQUEST);
    }

    static ApplicationReceived received() {
        return receivedOn(RECEIVED_ON);
    }

    static ApplicationReceived receivedOn(LocalDate receivedOn) {
        return new ApplicationReceived(ID, AGENCY, receivedOn, Channel.ONLINE, ApplicantType.NATURAL_PERSON,
                                       APPLICANT, REQUEST);
    }

    static SupplementRequested supplementRequested(LocalDate on) {
        return new SupplementRequested(ID, on, on.plusDays(10), "请说明年份");
    }

    static SupplementReceived supplementReceived(LocalDate on) {
        return new SupplementReceived(ID, on);
    }

    static ConsultationStarted consultationStarted(LocalDate on) {
        return new ConsultationStarted(ID, on, "某建设公司");
    }

    static ConsultationEnded consultationEnded(LocalDate on) {
        return new ConsultationEnded(ID, on);
    }

    static final BigDecimal FEE = new BigDecimal("100");

    static FeeNoticeIssued feeNoticeIssued(LocalDate on) {
        return new FeeNoticeIssued(ID, on, FEE, on.plusDays(28));
    }

    static FeePaid feePaid(LocalDate on) {
        return new FeePaid(ID, on);
    }

    static ApplicationConcluded concluded(LocalDate on, Outcome outcome) {
        return new ApplicationConcluded(ID, on, outcome, List.of(), null);
    }

    static ConcludeApplication conclude(LocalDate on, Outcome outcome) {
        return new ConcludeApplication(ID, on, outcome, null, null);
    }

    static ConcludeApplication conclude(LocalDate on, Outcome outcome, List<Outcome> reasons) {
        return new ConcludeApplication(ID, on, outcome, reasons, null);
    }

    static CorrectApplication correct(String field, String value) {
        return new CorrectApplication(ID, field, value, null, "登记错误");
    }

    static ApplicationCorrected corrected(CorrectedField field, String oldValue, String newValue) {
        return new ApplicationCorrected(ID, TODAY, field, oldValue, newValue, List.of(), "登记错误");
    }

    /** One command of each kind but receipt and correction: each must be refused once the application is concluded. */
    static Stream<Object> everyActionButCorrection() {
        return Stream.of(new RequestSupplement(ID, june(25), june(28), null),
                         new ReceiveSupplement(ID, june(25)),
                         new StartConsultation(ID, june(25), "某建设公司"),
                         new EndConsultation(ID, june(25)),
                         new ExtendReplyPeriod(ID, june(25), 10, "情况复杂"),
                         new IssueFeeNotice(ID, june(25), FEE, june(28)),
                         new RecordFeePayment(ID, june(25)),
                         new WithdrawApplication(ID, june(25)),
                         conclude(june(25), Outcome.DISCLOSED));
    }

    // ---- refusals -----------------------------------------------------------------------------

    /** A command refused as bad input naming {@code field}, with nothing written. */
    static void refusedAsInvalid(ResultValidator<ApplicationAggregate> result, String field) {
        result.expectException(Refusal.class)
              .expectException(refusal(Refusal.Kind.INVALID, field, ""))
              .expectNoEvents();
    }

    /** A command refused because the application's state forbids it (for the reason quoted), with nothing written. */
    static void refusedAsConflict(ResultValidator<ApplicationAggregate> result, String because) {
        result.expectException(Refusal.class)
              .expectException(refusal(Refusal.Kind.CONFLICT, null, because))
              .expectNoEvents();
    }

    static Matcher<Refusal> refusal(Refusal.Kind kind, String field, String messagePart) {
        return new TypeSafeMatcher<>(Refusal.class) {
            @Override
            protected boolean matchesSafely(Refusal refusal) {
                return refusal.kind() == kind && Objects.equals(refusal.field(), field)
                       && refusal.getMessage().contains(messagePart);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a Refusal ").appendValue(kind).appendText(" on field ").appendValue(field)
                           .appendText(" saying ").appendValue(messagePart);
            }

            @Override
            protected void describeMismatchSafely(Refusal refusal, Description description) {
                description.appendText("was ").appendValue(refusal.kind()).appendText(" on field ")
                           .appendValue(refusal.field()).appendText(": ").appendText(refusal.getMessage());
            }
        };
    }

    static final String ONLY_CORRECTION = "only a correction can be recorded";
    static final String CANNOT_PRECEDE = "cannot precede";

    // ---- receipt ------------------------------------------------------------------------------

    @Nested
    class Receiving {

        @Test
        void anApplicationReceivedIsRecordedAndAnsweredWithAReceiptThatCreatedIt() {
            fixture.givenNoPriorActivity()
                   .when(receive())
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(received())
                   .expectResultMessagePayload(new Receipt(ID, true));
        }

        @Test
        void anApplicationCanBeReceivedToday() {
            fixture.givenNoPriorActivity()
                   .when(receiveOn(TODAY))
                   .expectEvents(receivedOn(TODAY))
                   .expectResultMessagePayload(new Receipt(ID, true));
        }

        @Test
        void aReceiptCannotBeDatedInTheFuture() {
            refusedAsInvalid(fixture.givenNoPriorActivity().when(receiveOn(TOMORROW)), "receivedOn");
        }

        @Test
        void theSameReceiptRepeatedRecordsNothingAndSaysItCreatedNothing() {
            fixture.given(received())
                   .when(receive())
                   .expectSuccessfulHandlerExecution()
                   .expectNoEvents()
                   .expectResultMessagePayload(new Receipt(ID, false));
        }

        @Test
        void theSameReceiptRepeatedAfterConclusionStillRecordsNothing() {
            fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                   .when(receive())
                   .expectNoEvents()
                   .expectResultMessagePayload(new Receipt(ID, false));
        }

        @Test
        void theSameIdWithAnotherDateOfReceiptIsAConflict() {
            refusedAsConflict(fixture.given(received()).when(receiveOn(june(4))), "already used");
        }

        @Test
        void theSameIdWithAnotherApplicantIsAConflict() {
            ReceiveApplication other = new ReceiveApplication(ID, AGENCY, RECEIVED_ON, Channel.ONLINE,
                                                              ApplicantType.NATURAL_PERSON,
                                                              new Applicant("李四", null, null, null, null), REQUEST);
            refusedAsConflict(fixture.given(received()).when(other), "already used");
        }
    }

    // ---- supplement ---------------------------------------------------------------------------

    @Nested
    class RequestingASupplement {

        @Test
        void aSupplementCanBeRequestedAfterReceipt() {
            fixture.given(received())
                   .when(new RequestSupplement(ID, june(5), june(20), "请说明年份"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new SupplementRequested(ID, june(5), june(20), "请说明年份"));
        }

        @Test
        void aSupplementRequestAfterTheSeventhWorkingDayIsNotRefused() {
            fixture.given(received())
                   .when(new RequestSupplement(ID, june(28), june(30), null))
                   .expectEvents(new SupplementRequested(ID, june(28), june(30), null));
        }

        @Test
        void aSupplementCanBeRequestedOnlyOnce() {
            refusedAsConflict(fixture.given(received(), supplementRequested(june(5)))
                                     .when(new RequestSupplement(ID, june(6), june(20), null)),
                              "only once");
        }

        @Test
        void aSupplementCannotBeRequestedOnceASupplementWasReceived() {
            refusedAsConflict(fixture.given(received(), supplementRequested(june(5)), supplementReceived(june(10)))
                                     .when(new RequestSupplement(ID, june(11), june(20), null)),
                              "only once");
        }

        @Test
        void aSupplementRequestCannotPrecedeTheReceipt() {
            refusedAsConflict(fixture.given(received())
                                     .when(new RequestSupplement(ID, june(2), june(20), null)),
                              CANNOT_PRECEDE);
        }

        @Test
        void theReplyDeadlineCannotPrecedeTheRequest() {
            refusedAsInvalid(fixture.given(received())
                                    .when(new RequestSupplement(ID, june(10), june(9), null)),
                             "replyBy");
        }

        @Test
        void aSupplementRequestCannotBeDatedInTheFuture() {
            refusedAsInvalid(fixture.given(received())
                                    .when(new RequestSupplement(ID, TOMORROW, TOMORROW.plusDays(10), null)),
                             "requestedOn");
        }

        @Test
        void noSupplementCanBeRequestedOnAConcludedApplication() {
            refusedAsConflict(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                                     .when(new RequestSupplement(ID, june(25), june(28), null)),
                              ONLY_CORRECTION);
        }
    }

    @Nested
    class ReceivingASupplement {

        @Test
        void aRequestedSupplementCanBeReceived() {
            fixture.given(received(), supplementRequested(june(5)))
                   .when(new ReceiveSupplement(ID, june(10)))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new SupplementReceived(ID, june(10)));
        }

        @Test
        void aSupplementCanBeReceivedOnTheDayItWasRequested() {
            fixture.given(received(), supplementRequested(june(5)))
                   .when(new ReceiveSupplement(ID, june(5)))
                   .expectEvents(new SupplementReceived(ID, june(5)));
        }

        @Test
        void aSupplementCannotBeReceivedWithoutARequest() {
            refusedAsConflict(fixture.given(received()).when(new ReceiveSupplement(ID, june(10))),
                              "no supplement was requested");
        }

        @Test
        void aSupplementCanBeReceivedOnlyOnce() {
            refusedAsConflict(fixture.given(received(), supplementRequested(june(5)), supplementReceived(june(10)))
                                     .when(new ReceiveSupplement(ID, june(11))),
                              "already received");
        }

        @Test
        void aSupplementCannotBeReceivedBeforeItWasRequested() {
            refusedAsConflict(fixture.given(received(), supplementRequested(june(5)))
                                     .when(new ReceiveSupplement(ID, june(4))),
                              CANNOT_PRECEDE);
        }

        @Test
        void aSupplementCannotBeReceivedInTheFuture() {
            refusedAsInvalid(fixture.given(received(), supplementRequested(june(5)))
                                    .when(new ReceiveSupplement(ID, TOMORROW)),
                             "receivedOn");
        }
    }

    // ---- consultation -------------------------------------------------------------------------

    @Nested
    class Consulting {

        @Test
        void aConsultationCanBeStarted() {
            fixture.given(received())
                   .when(new StartConsultation(ID, june(6), "某建设公司"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ConsultationStarted(ID, june(6), "某建设公司"));
        }

        @Test
        void aConsultationUnderWayCanBeEnded() {
            fixture.given(received(), consultationStarted(june(6)))
                   .when(new EndConsultation(ID, june(20)))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ConsultationEnded(ID, june(20)));
        }

        @Test
        void aConsultationCannotStartWhileAnotherIsUnderWay() {
            refusedAsConflict(fixture.given(received(), consultationStarted(june(6)))
                                     .when(new StartConsultation(ID, june(7), "另一机关")),
                              "already under way");
        }

        @Test
        void aConsultationCannotEndIfNoneWasStarted() {
            refusedAsConflict(fixture.given(received()).when(new EndConsultation(ID, june(20))),
                              "no consultation is under way");
        }

        @Test
        void aConsultationCannotEndTwice() {
            refusedAsConflict(fixture.given(received(), consultationStarted(june(6)), consultationEnded(june(20)))
                                     .when(new EndConsultation(ID, june(21))),
                              "no consultation is under way");
        }

        @Test
        void aConsultationCannotEndBeforeItStarted() {
            refusedAsConflict(fixture.given(received(), consultationStarted(june(6)))
                                     .when(new EndConsultation(ID, june(5))),
                              CANNOT_PRECEDE);
        }

        @Test
        void aSecondConsultationCanStartAfterTheFirstEnded() {
            fixture.given(received(), consultationStarted(june(6)), consultationEnded(june(12)))
                   .when(new StartConsultation(ID, june(13), "另一机关"))
                   .expectEvents(new ConsultationStarted(ID, june(13), "另一机关"));
        }

        @Test
        void aConsultationCannotStartBeforeTheReceipt() {
            refusedAsConflict(fixture.given(received()).when(new StartConsultation(ID, june(2), "某建设公司")),
                              CANNOT_PRECEDE);
        }

        @Test
        void aConsultationCannotStartInTheFuture() {
            refusedAsInvalid(fixture.given(received()).when(new StartConsultation(ID, TOMORROW, "某建设公司")),
                             "startedOn");
        }

        @Test
        void aConsultationCannotEndInTheFuture() {
            refusedAsInvalid(fixture.given(received(), consultationStarted(june(6)))
                                    .when(new EndConsultation(ID, TOMORROW)),
                             "endedOn");
        }
    }

    // ---- extension ----------------------------------------------------------------------------

    @Nested
    class Extending {

        @Test
        void theReplyPeriodCanBeExtendedByTwentyWorkingDays() {
            fixture.given(received())
                   .when(new ExtendReplyPeriod(ID, june(20), 20, "情况复杂"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ReplyPeriodExtended(ID, june(20), 20, "情况复杂"));
        }

        @Test
        void theReplyPeriodCanBeExtendedByASingleWorkingDay() {
            fixture.given(received())
                   .when(new ExtendReplyPeriod(ID, june(20), 1, "情况复杂"))
                   .expectEvents(new ReplyPeriodExtended(ID, june(20), 1, "情况复杂"));
        }

        @Test
        void anExtensionIsAtMostTwentyWorkingDays() {
            refusedAsConflict(fixture.given(received()).when(new ExtendReplyPeriod(ID, june(20), 21, "情况复杂")),
                              "at most 20 working days");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1})
        void anExtensionIsAtLeastOneWorkingDay(int workingDays) {
            refusedAsInvalid(fixture.given(received())
                                    .when(new ExtendReplyPeriod(ID, june(20), workingDays, "情况复杂")),
                             "workingDays");
        }

        @Test
        void theReplyPeriodCanBeExtendedOnlyOnce() {
            refusedAsConflict(fixture.given(received(), new ReplyPeriodExtended(ID, june(20), 5, "情况复杂"))
                                     .when(new ExtendReplyPeriod(ID, june(21), 5, "仍然复杂")),
                              "only once");
        }

        @Test
        void anExtensionCannotPrecedeTheReceipt() {
            refusedAsConflict(fixture.given(received()).when(new ExtendReplyPeriod(ID, june(2), 10, "情况复杂")),
                              CANNOT_PRECEDE);
        }

        @Test
        void anExtensionCannotBeDatedInTheFuture() {
            refusedAsInvalid(fixture.given(received()).when(new ExtendReplyPeriod(ID, TOMORROW, 10, "情况复杂")),
                             "extendedOn");
        }
    }

    // ---- fee ----------------------------------------------------------------------------------

    @Nested
    class Charging {

        @Test
        void aFeeNoticeCanBeIssued() {
            fixture.given(received())
                   .when(new IssueFeeNotice(ID, june(10), FEE, june(28)))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new FeeNoticeIssued(ID, june(10), FEE, june(28)));
        }

        @Test
        void anIssuedFeeCanBePaid() {
            fixture.given(received(), feeNoticeIssued(june(10)))
                   .when(new RecordFeePayment(ID, june(12)))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new FeePaid(ID, june(12)));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.00", "-100"})
        void aFeeMustBeMoreThanZero(String amount) {
            refusedAsInvalid(fixture.given(received())
                                    .when(new IssueFeeNotice(ID, june(10), new BigDecimal(amount), june(28))),
                             "amountYuan");
        }

        @Test
        void thePaymentDeadlineCannotPrecedeTheNotice() {
            refusedAsInvalid(fixture.given(received()).when(new IssueFeeNotice(ID, june(10), FEE, june(9))),
                             "payBy");
        }

        @Test
        void aSecondFeeNoticeCannotBeIssuedWhileOneIsUnpaid() {
            refusedAsConflict(fixture.given(received(), feeNoticeIssued(june(10)))
                                     .when(new IssueFeeNotice(ID, june(11), FEE, june(28))),
                              "still unpaid");
        }

        @Test
        void aNewFeeNoticeCanFollowAPaidOne() {
            fixture.given(received(), feeNoticeIssued(june(10)), feePaid(june(12)))
                   .when(new IssueFeeNotice(ID, june(13), FEE, june(28)))
                   .expectEvents(new FeeNoticeIssued(ID, june(13), FEE, june(28)));
        }

        @Test
        void aPaymentNeedsAFeeNotice() {
            refusedAsConflict(fixture.given(received()).when(new RecordFeePayment(ID, june(12))),
                              "no fee notice is awaiting payment");
        }

        @Test
        void aFeeCanBePaidOnlyOnce() {
            refusedAsConflict(fixture.given(received(), feeNoticeIssued(june(10)), feePaid(june(12)))
                                     .when(new RecordFeePayment(ID, june(13))),
                              "no fee notice is awaiting payment");
        }

        @Test
        void aPaymentCannotPrecedeTheNotice() {
            refusedAsConflict(fixture.given(received(), feeNoticeIssued(june(10)))
                                     .when(new RecordFeePayment(ID, june(9))),
                              CANNOT_PRECEDE);
        }

        @Test
        void aFeeNoticeCannotPrecedeTheReceipt() {
            refusedAsConflict(fixture.given(received()).when(new IssueFeeNotice(ID, june(2), FEE, june(28))),
                              CANNOT_PRECEDE);
        }

        @Test
        void aFeeNoticeCannotBeDatedInTheFuture() {
            refusedAsInvalid(fixture.given(received()).when(new IssueFeeNotice(ID, TOMORROW, FEE, TOMORROW)),
                             "issuedOn");
        }

        @Test
        void aPaymentCannotBeDatedInTheFuture() {
            refusedAsInvalid(fixture.given(received(), feeNoticeIssued(june(10)))
                                    .when(new RecordFeePayment(ID, TOMORROW)),
                             "paidOn");
        }
    }

    // ---- withdrawal ---------------------------------------------------------------------------

    @Nested
    class Withdrawing {

        @Test
        void anApplicationCanBeWithdrawn() {
            fixture.given(received(), supplementRequested(june(5)))
                   .when(new WithdrawApplication(ID, june(10)))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ApplicationWithdrawn(ID, june(10)));
        }

        @Test
        void anApplicationCanBeWithdrawnOnTheDayOfItsLatestStep() {
            fixture.given(received(), supplementRequested(june(5)))
                   .when(new WithdrawApplication(ID, june(5)))
                   .expectEvents(new ApplicationWithdrawn(ID, june(5)));
        }

        @ParameterizedTest
        @MethodSource("gongkai.command.application.ApplicationAggregateTest#everyActionButCorrection")
        void nothingButACorrectionCanFollowAWithdrawal(Object command) {
            refusedAsConflict(fixture.given(received(), new ApplicationWithdrawn(ID, june(20))).when(command),
                              ONLY_CORRECTION);
        }

        @Test
        void aWithdrawalCannotPrecedeARecordedStep() {
            refusedAsConflict(fixture.given(received(), consultationStarted(june(10)))
                                     .when(new WithdrawApplication(ID, june(9))),
                              CANNOT_PRECEDE);
        }

        @Test
        void aWithdrawalCannotPrecedeTheReceipt() {
            refusedAsConflict(fixture.given(received()).when(new WithdrawApplication(ID, june(2))),
                              CANNOT_PRECEDE);
        }

        @Test
        void aWithdrawalCannotBeDatedInTheFuture() {
            refusedAsInvalid(fixture.given(received()).when(new WithdrawApplication(ID, TOMORROW)), "withdrawnOn");
        }

        @Test
        void aConcludedApplicationCannotBeWithdrawn() {
            refusedAsConflict(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                                     .when(new WithdrawApplication(ID, june(25))),
                              ONLY_CORRECTION);
        }
    }

    // ---- conclusion ---------------------------------------------------------------------------

    @Nested
    class Concluding {

        @ParameterizedTest
        @EnumSource(value = Outcome.class, mode = EnumSource.Mode.EXCLUDE,
                names = {"PARTIALLY_DISCLOSED", "OTHER_SUPPLEMENT_OVERDUE", "OTHER_FEE_UNPAID"})
        void anApplicationCanBeConcludedWithAnOutcomeThatNeedsNothingMore(Outcome outcome) {
            fixture.given(received())
                   .when(new ConcludeApplication(ID, june(20), outcome, null, "已答复"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(new ApplicationConcluded(ID, june(20), outcome, List.of(), "已答复"));
        }

        @Test
        void aPartialDisclosureIsConcludedWithTheReasonsForTheWithheldParts() {
            List<Outcome> reasons = List.of(Outcome.WITHHELD_THIRD_PARTY_RIGHTS, Outcome.UNAVAILABLE_NOT_HELD);
            fixture.given(received())
                   .when(conclude(june(20), Outcome.PARTIALLY_DISCLOSED, reasons))
                   .expectEvents(new ApplicationConcluded(ID, june(20), Outcome.PARTIALLY_DISCLOSED, reasons, null));
        }

        @Test
        void aPartialDisclosureNeedsTheReasonsForTheWithheldParts() {
            refusedAsInvalid(fixture.given(received()).when(conclude(june(20), Outcome.PARTIALLY_DISCLOSED, null)),
                             "withheldReasons");
        }

        @Test
        void aPartialDisclosureWithAnEmptyListOfReasonsIsInvalid() {
            refusedAsInvalid(fixture.given(received())
                                    .when(conclude(june(20), Outcome.PARTIALLY_DISCLOSED, List.of())),
                             "withheldReasons");
        }

        @Test
        void withheldReasonsGoOnlyWithAPartialDisclosure() {
            refusedAsInvalid(fixture.given(received())
                                    .when(conclude(june(20), Outcome.DISCLOSED,
                                                   List.of(Outcome.WITHHELD_STATE_SECRET))),
                             "withheldReasons");
        }

        @ParameterizedTest
        @EnumSource(value = Outcome.class, mode = EnumSource.Mode.MATCH_NONE, names = {"WITHHELD_.*", "UNAVAILABLE_.*"})
        void aWithheldReasonIsAWithheldOrUnavailableKey(Outcome notAReason) {
            refusedAsInvalid(fixture.given(received())
                                    .when(conclude(june(20), Outcome.PARTIALLY_DISCLOSED,
                                                   List.of(Outcome.WITHHELD_STATE_SECRET, notAReason))),
                             "withheldReasons");
        }

        @Test
        void aMissingWithheldReasonIsInvalid() {
            refusedAsInvalid(fixture.given(received())
                                    .when(conclude(june(20), Outcome.PARTIALLY_DISCLOSED, Arrays.asList((Outcome) null))),
                             "withheldReasons");
        }

        @Test
        void aConclusionCannotPrecedeTheReceipt() {
            refusedAsConflict(fixture.given(received()).when(conclude(june(2), Outcome.DISCLOSED)),
                              "the date of receipt");
        }

        @Test
        void aConclusionCannotPrecedeARecordedStep() {
            refusedAsConflict(fixture.given(received(), supplementRequested(june(5)), supplementReceived(june(12)))
                                     .when(conclude(june(11), Outcome.DISCLOSED)),
                              "a step already recorded");
        }

        @Test
        void anApplicationCanBeConcludedOnTheDayOfItsLatestStep() {
            fixture.given(received(), consultationStarted(june(6)), consultationEnded(june(20)))
                   .when(conclude(june(20), Outcome.DISCLOSED))
                   .expectEvents(concluded(june(20), Outcome.DISCLOSED));
        }

        @Test
        void anApplicationCanBeConcludedOnTheDayItWasReceived() {
            fixture.given(received())
                   .when(conclude(RECEIVED_ON, Outcome.DISCLOSED))
                   .expectEvents(concluded(RECEIVED_ON, Outcome.DISCLOSED));
        }

        @Test
        void aConclusionCannotBeDatedInTheFuture() {
            refusedAsInvalid(fixture.given(received()).when(conclude(TOMORROW, Outcome.DISCLOSED)), "concludedOn");
        }

        @Test
        void anApplicationCanBeConcludedOnlyOnce() {
            refusedAsConflict(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                                     .when(conclude(june(21), Outcome.DISCLOSED)),
                              ONLY_CORRECTION);
        }

        @ParameterizedTest
        @MethodSource("gongkai.command.application.ApplicationAggregateTest#everyActionButCorrection")
        void nothingButACorrectionCanFollowAConclusion(Object command) {
            refusedAsConflict(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED)).when(command),
                              ONLY_CORRECTION);
        }

        @Test
        void anOverdueSupplementNeedsASupplementRequest() {
            refusedAsConflict(fixture.given(received()).when(conclude(june(20), Outcome.OTHER_SUPPLEMENT_OVERDUE)),
                              "no supplement request is outstanding");
        }

        @Test
        void anOverdueSupplementCannotBeConcludedOnceTheSupplementArrived() {
            refusedAsConflict(fixture.given(received(), supplementRequested(june(5)), supplementReceived(june(10)))
                                     .when(conclude(june(20), Outcome.OTHER_SUPPLEMENT_OVERDUE)),
                              "no supplement request is outstanding");
        }

        @Test
        void anOutstandingSupplementRequestCanBeConcludedAsOverdue() {
            fixture.given(received(), supplementRequested(june(5)))
                   .when(conclude(june(20), Outcome.OTHER_SUPPLEMENT_OVERDUE))
                   .expectEvents(concluded(june(20), Outcome.OTHER_SUPPLEMENT_OVERDUE));
        }

        @Test
        void anUnpaidFeeNeedsAFeeNotice() {
            refusedAsConflict(fixture.given(received()).when(conclude(june(20), Outcome.OTHER_FEE_UNPAID)),
                              "no fee notice is unpaid");
        }

        @Test
        void anUnpaidFeeCannotBeConcludedOnceTheFeeWasPaid() {
            refusedAsConflict(fixture.given(received(), feeNoticeIssued(june(5)), feePaid(june(10)))
                                     .when(conclude(june(20), Outcome.OTHER_FEE_UNPAID)),
                              "no fee notice is unpaid");
        }

        @Test
        void anUnpaidFeeNoticeCanBeConcludedAsUnpaid() {
            fixture.given(received(), feeNoticeIssued(june(5)))
                   .when(conclude(june(20), Outcome.OTHER_FEE_UNPAID))
                   .expectEvents(concluded(june(20), Outcome.OTHER_FEE_UNPAID));
        }

        @Test
        void aFullHistoryCanBeConcluded() {
            fixture.given(received(), supplementRequested(june(4)), supplementReceived(june(6)),
                          consultationStarted(june(7)), consultationEnded(june(12)),
                          new ReplyPeriodExtended(ID, june(13), 20, "情况复杂"), feeNoticeIssued(june(14)),
                          feePaid(june(17)))
                   .when(conclude(june(28), Outcome.DISCLOSED))
                   .expectEvents(concluded(june(28), Outcome.DISCLOSED));
        }
    }

    // ---- correction ---------------------------------------------------------------------------

    @Nested
    class Correcting {

        @Test
        void theApplicantTypeCanBeCorrected() {
            fixture.given(received())
                   .when(correct("applicantType", "RESEARCH_INSTITUTION"))
                   .expectSuccessfulHandlerExecution()
                   .expectEvents(corrected(CorrectedField.applicantType, "NATURAL_PERSON", "RESEARCH_INSTITUTION"));
        }

        @Test
        void theChannelCanBeCorrected() {
            fixture.given(received())
                   .when(correct("channel", "MAIL"))
                   .expectEvents(corrected(CorrectedField.channel, "ONLINE", "MAIL"));
        }

        @Test
        void theDateOfReceiptCanBeCorrected() {
            fixture.given(received())
                   .when(correct("receivedOn", "2024-06-01"))
                   .expectEvents(corrected(CorrectedField.receivedOn, "2024-06-03", "2024-06-01"));
        }

        @Test
        void theDateOfReceiptCanBeMovedUpToTheEarliestStep() {
            fixture.given(received(), supplementRequested(june(5)), supplementReceived(june(10)))
                   .when(correct("receivedOn", "2024-06-05"))
                   .expectEvents(corrected(CorrectedField.receivedOn, "2024-06-03", "2024-06-05"));
        }

        @Test
        void theOutcomeOfAConcludedApplicationCanBeCorrected() {
            fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                   .when(correct("outcome", "UNAVAILABLE_NOT_HELD"))
                   .expectEvents(corrected(CorrectedField.outcome, "DISCLOSED", "UNAVAILABLE_NOT_HELD"));
        }

        @Test
        void theOutcomeCanBeCorrectedToAPartialDisclosureWithItsReasons() {
            List<Outcome> reasons = List.of(Outcome.WITHHELD_PROCESS_INFORMATION);
            fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                   .when(new CorrectApplication(ID, "outcome", "PARTIALLY_DISCLOSED", reasons, "漏登不公开部分"))
                   .expectEvents(new ApplicationCorrected(ID, TODAY, CorrectedField.outcome, "DISCLOSED",
                                                          "PARTIALLY_DISCLOSED", reasons, "漏登不公开部分"));
        }

        @Test
        void theReasonsOfAPartialDisclosureCanBeCorrectedAlone() {
            List<Outcome> reasons = List.of(Outcome.WITHHELD_STATE_SECRET);
            fixture.given(received(), new ApplicationConcluded(ID, june(20), Outcome.PARTIALLY_DISCLOSED,
                                                               List.of(Outcome.WITHHELD_PROCESS_INFORMATION), null))
                   .when(new CorrectApplication(ID, "outcome", "PARTIALLY_DISCLOSED", reasons, "理由登记错误"))
                   .expectEvents(new ApplicationCorrected(ID, TODAY, CorrectedField.outcome, "PARTIALLY_DISCLOSED",
                                                          "PARTIALLY_DISCLOSED", reasons, "理由登记错误"));
        }

        @Test
        void theDateOfConclusionCanBeCorrected() {
            fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                   .when(correct("concludedOn", "2024-06-19"))
                   .expectEvents(corrected(CorrectedField.concludedOn, "2024-06-20", "2024-06-19"));
        }

        @Test
        void theDateOfAWithdrawalCanBeCorrectedAsTheDateOfConclusion() {
            fixture.given(received(), new ApplicationWithdrawn(ID, june(20)))
                   .when(correct("concludedOn", "2024-06-21"))
                   .expectEvents(corrected(CorrectedField.concludedOn, "2024-06-20", "2024-06-21"));
        }

        @Test
        void correctionsAreAllowedAfterConclusion() {
            fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                   .when(correct("applicantType", "COMMERCIAL_ENTERPRISE"))
                   .expectEvents(corrected(CorrectedField.applicantType, "NATURAL_PERSON", "COMMERCIAL_ENTERPRISE"));
        }

        @Test
        void aCorrectionStartsFromTheValueLeftByThePreviousCorrection() {
            fixture.given(received(),
                          corrected(CorrectedField.applicantType, "NATURAL_PERSON", "RESEARCH_INSTITUTION"))
                   .when(correct("applicantType", "COMMERCIAL_ENTERPRISE"))
                   .expectEvents(corrected(CorrectedField.applicantType, "RESEARCH_INSTITUTION",
                                           "COMMERCIAL_ENTERPRISE"));
        }

        @Test
        void aCorrectedDateOfReceiptIsTheOneLaterStepsAreCheckedAgainst() {
            fixture.given(received(), corrected(CorrectedField.receivedOn, "2024-06-03", "2024-06-01"))
                   .when(new RequestSupplement(ID, june(2), june(12), null))
                   .expectEvents(new SupplementRequested(ID, june(2), june(12), null));
        }

        @Test
        void anUnknownFieldCannotBeCorrected() {
            refusedAsInvalid(fixture.given(received()).when(correct("request", "其他内容")), "field");
        }

        @Test
        void aCorrectionMustNameItsField() {
            refusedAsInvalid(fixture.given(received()).when(correct(null, "MAIL")), "field");
        }

        @ParameterizedTest
        @ValueSource(strings = {"applicantType", "channel"})
        void aValueThatIsNotOneOfTheKeysIsInvalid(String field) {
            refusedAsInvalid(fixture.given(received()).when(correct(field, "CARRIER_PIGEON")), "value");
        }

        @Test
        void anOutcomeThatIsNotOneOfTheKeysIsInvalid() {
            refusedAsInvalid(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                                    .when(correct("outcome", "GRANTED")),
                             "value");
        }

        @ParameterizedTest
        @ValueSource(strings = {"2024-02-30", "2024/06/01", "yesterday", ""})
        void aDateOfReceiptThatIsNotADateIsInvalid(String value) {
            refusedAsInvalid(fixture.given(received()).when(correct("receivedOn", value)), "value");
        }

        @Test
        void aDateOfConclusionThatIsNotADateIsInvalid() {
            refusedAsInvalid(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                                    .when(correct("concludedOn", "20.06.2024")),
                             "value");
        }

        @Test
        void aMissingValueIsInvalid() {
            refusedAsInvalid(fixture.given(received()).when(correct("receivedOn", null)), "value");
        }

        @Test
        void aCorrectionToTheSameValueIsAConflict() {
            refusedAsConflict(fixture.given(received()).when(correct("applicantType", "NATURAL_PERSON")),
                              "already NATURAL_PERSON");
        }

        @Test
        void aCorrectionOfTheDateOfReceiptToTheSameDateIsAConflict() {
            refusedAsConflict(fixture.given(received()).when(correct("receivedOn", "2024-06-03")),
                              "already 2024-06-03");
        }

        @Test
        void theOutcomeOfAnOpenApplicationCannotBeCorrected() {
            refusedAsConflict(fixture.given(received()).when(correct("outcome", "DISCLOSED")),
                              "not concluded yet");
        }

        @Test
        void theDateOfConclusionOfAnOpenApplicationCannotBeCorrected() {
            refusedAsConflict(fixture.given(received()).when(correct("concludedOn", "2024-06-20")),
                              "not concluded yet");
        }

        @Test
        void theDateOfReceiptCannotBeMovedAfterARecordedStep() {
            refusedAsConflict(fixture.given(received(), supplementRequested(june(5)), supplementReceived(june(10)))
                                     .when(correct("receivedOn", "2024-06-06")),
                              "cannot follow a recorded step");
        }

        @Test
        void theDateOfReceiptCannotBeMovedAfterTheConclusion() {
            refusedAsConflict(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                                     .when(correct("receivedOn", "2024-06-21")),
                              "cannot follow a recorded step");
        }

        @Test
        void theDateOfReceiptCannotBeCorrectedIntoTheFuture() {
            refusedAsInvalid(fixture.given(received()).when(correct("receivedOn", TOMORROW.toString())), "value");
        }

        @Test
        void theDateOfConclusionCannotBeCorrectedToBeforeTheReceipt() {
            refusedAsConflict(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                                     .when(correct("concludedOn", "2024-06-02")),
                              "the date of receipt");
        }

        @Test
        void theDateOfConclusionCannotBeCorrectedIntoTheFuture() {
            refusedAsInvalid(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                                    .when(correct("concludedOn", TOMORROW.toString())),
                             "value");
        }

        @Test
        void anOutcomeCorrectedToAPartialDisclosureNeedsItsReasons() {
            refusedAsInvalid(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                                    .when(correct("outcome", "PARTIALLY_DISCLOSED")),
                             "withheldReasons");
        }

        @Test
        void anOutcomeCorrectedToAnythingButAPartialDisclosureTakesNoReasons() {
            refusedAsInvalid(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                                    .when(new CorrectApplication(ID, "outcome", "UNAVAILABLE_NOT_HELD",
                                                                 List.of(Outcome.WITHHELD_STATE_SECRET), "登记错误")),
                             "withheldReasons");
        }

        @Test
        void withheldReasonsGoOnlyWithAnOutcomeCorrection() {
            refusedAsInvalid(fixture.given(received())
                                    .when(new CorrectApplication(ID, "channel", "MAIL",
                                                                 List.of(Outcome.WITHHELD_STATE_SECRET), "登记错误")),
                             "withheldReasons");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void aCorrectionNeedsAReason(String reason) {
            refusedAsInvalid(fixture.given(received()).when(new CorrectApplication(ID, "channel", "MAIL", null, reason)),
                             "reason");
        }

        @Test
        void aCorrectionWithoutAnyReasonIsInvalid() {
            refusedAsInvalid(fixture.given(received()).when(new CorrectApplication(ID, "channel", "MAIL", null, null)),
                             "reason");
        }

        // -- corrections of dates keep the order receipt <= steps <= conclusion --

        @Test
        void aDateOfReceiptCorrectedEarlierLetsTheAnswerComeBeforeTheFirstRecordedDate() {
            fixture.given(receivedOn(june(10)), corrected(CorrectedField.receivedOn, "2024-06-10", "2024-06-05"))
                   .when(conclude(june(7), Outcome.DISCLOSED))
                   .expectEvents(concluded(june(7), Outcome.DISCLOSED));
        }

        @Test
        void aDateOfReceiptCorrectedEarlierLetsAWithdrawalComeBeforeTheFirstRecordedDate() {
            fixture.given(receivedOn(june(10)), corrected(CorrectedField.receivedOn, "2024-06-10", "2024-06-05"))
                   .when(new WithdrawApplication(ID, june(7)))
                   .expectEvents(new ApplicationWithdrawn(ID, june(7)));
        }

        @Test
        void theDateOfReceiptCannotBeMovedAfterACorrectedDateOfConclusion() {
            refusedAsConflict(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED),
                                            corrected(CorrectedField.concludedOn, "2024-06-20", "2024-06-12"))
                                     .when(correct("receivedOn", "2024-06-15")),
                              "cannot follow a recorded step");
        }

        @Test
        void theDateOfReceiptCanBeMovedUpToACorrectedDateOfConclusion() {
            fixture.given(received(), concluded(june(10), Outcome.DISCLOSED),
                          corrected(CorrectedField.concludedOn, "2024-06-10", "2024-06-20"))
                   .when(correct("receivedOn", "2024-06-15"))
                   .expectEvents(corrected(CorrectedField.receivedOn, "2024-06-03", "2024-06-15"));
        }

        @Test
        void theDateOfConclusionCannotBeCorrectedToBeforeARecordedStep() {
            refusedAsConflict(fixture.given(received(), supplementRequested(june(5)), supplementReceived(june(14)),
                                            concluded(june(20), Outcome.DISCLOSED))
                                     .when(correct("concludedOn", "2024-06-12")),
                              "a step already recorded");
        }
    }

    // ---- extension approval (第三十三条: 经政府信息公开工作机构负责人同意) ----------------------------------

    @Nested
    class ExtensionApproval {

        static final ExtensionRequested REQUESTED = new ExtensionRequested(ID, june(20), 10, "需要调取档案");

        @Test
        void aClerksRequestMovesNoDateUntilTheHeadOfTheOfficeDecides() {
            fixture.given(received())
                   .when(new ApplicationCommands.RequestExtension(ID, june(20), 10, "需要调取档案"))
                   .expectEvents(REQUESTED);
        }

        @Test
        void anApprovalGrantsTheExtensionRequested() {
            fixture.given(received(), REQUESTED)
                   .when(new ApplicationCommands.ApproveExtension(ID, june(21), "同意"))
                   .expectEvents(new ExtensionApproved(ID, june(21), 10, "同意"),
                                 new ReplyPeriodExtended(ID, june(21), 10, "需要调取档案"));
        }

        @Test
        void aRefusalGrantsNothingAndANewRequestMayFollow() {
            fixture.given(received(), REQUESTED)
                   .when(new ApplicationCommands.RefuseExtension(ID, june(21), "理由不充分"))
                   .expectEvents(new ExtensionRefused(ID, june(21), "理由不充分"));
            fixture.given(received(), REQUESTED, new ExtensionRefused(ID, june(21), "理由不充分"))
                   .when(new ApplicationCommands.RequestExtension(ID, june(24), 5, "档案在外地"))
                   .expectEvents(new ExtensionRequested(ID, june(24), 5, "档案在外地"));
        }

        @Test
        void aRefusalNeedsAReason() {
            refusedAsInvalid(fixture.given(received(), REQUESTED)
                                    .when(new ApplicationCommands.RefuseExtension(ID, june(21), " ")),
                             "reason");
        }

        @Test
        void nothingCanBeDecidedWithoutARequest() {
            refusedAsConflict(fixture.given(received())
                                     .when(new ApplicationCommands.ApproveExtension(ID, june(21), null)),
                              "no extension request");
            refusedAsConflict(fixture.given(received(), REQUESTED, new ExtensionRefused(ID, june(21), "不同意"))
                                     .when(new ApplicationCommands.ApproveExtension(ID, june(22), null)),
                              "no extension request");
        }

        @Test
        void oneRequestAtATime() {
            refusedAsConflict(fixture.given(received(), REQUESTED)
                                     .when(new ApplicationCommands.RequestExtension(ID, june(21), 5, "再次")),
                              "awaiting the head of the office");
        }

        @Test
        void noDirectExtensionWhileARequestAwaitsItsDecision() {
            refusedAsConflict(fixture.given(received(), REQUESTED)
                                     .when(new ExtendReplyPeriod(ID, june(21), 5, "情况复杂")),
                              "awaiting a decision");
        }

        @Test
        void noRequestAfterTheOneExtensionTheLawAllows() {
            refusedAsConflict(fixture.given(received(), REQUESTED, new ExtensionApproved(ID, june(21), 10, null),
                                            new ReplyPeriodExtended(ID, june(21), 10, "需要调取档案"))
                                     .when(new ApplicationCommands.RequestExtension(ID, june(24), 5, "再次")),
                              "only once");
        }

        @Test
        void aRequestIsOfOneToTwentyWorkingDays() {
            refusedAsConflict(fixture.given(received())
                                     .when(new ApplicationCommands.RequestExtension(ID, june(20), 21, "复杂")),
                              "at most 20 working days");
            refusedAsInvalid(fixture.given(received())
                                    .when(new ApplicationCommands.RequestExtension(ID, june(20), 0, "复杂")),
                             "workingDays");
        }

        @Test
        void aDecisionCannotPrecedeTheRequestNorLieInTheFuture() {
            refusedAsConflict(fixture.given(received(), REQUESTED)
                                     .when(new ApplicationCommands.ApproveExtension(ID, june(19), null)),
                              CANNOT_PRECEDE);
            refusedAsInvalid(fixture.given(received(), REQUESTED)
                                    .when(new ApplicationCommands.RefuseExtension(ID, TOMORROW, "不同意")),
                             "refusedOn");
        }

        @Test
        void nothingIsDecidedOnAConcludedApplication() {
            refusedAsConflict(fixture.given(received(), REQUESTED, concluded(june(25), Outcome.DISCLOSED))
                                     .when(new ApplicationCommands.ApproveExtension(ID, june(26), null)),
                              ONLY_CORRECTION);
        }
    }

    // ---- transfer and sign-in (转办, 签收) -----------------------------------------------------

    @Nested
    class TransferAndSignIn {

        static final ApplicationTransferred TRANSFERRED =
                new ApplicationTransferred(ID, AGENCY, "luanping", june(5), "该信息由县住建局制作");

        @Test
        void anOpenApplicationIsPassedToAnotherAgencyWithItsReason() {
            fixture.given(received())
                   .when(new ApplicationCommands.TransferApplication(ID, "luanping", june(5), "该信息由县住建局制作"),
                         Map.of("actorAgency", AGENCY))
                   .expectEvents(TRANSFERRED);
        }

        @Test
        void theReceivingAgencySignsForIt() {
            fixture.given(received(), TRANSFERRED)
                   .when(new ApplicationCommands.SignForApplication(ID, june(6)), Map.of("actorAgency", "luanping"))
                   .expectEvents(new ApplicationSignedFor(ID, "luanping", june(6)));
        }

        @Test
        void theAgencyThatPassedItOnNoLongerFindsIt() {
            fixture.given(received(), TRANSFERRED)
                   .when(new ApplicationCommands.SignForApplication(ID, june(6)), Map.of("actorAgency", AGENCY))
                   .expectException(CaseNotFound.class)
                   .expectNoEvents();
        }

        @Test
        void nothingIsDoneWithItBeforeTheReceivingAgencySignsForIt() {
            refusedAsConflict(fixture.given(received(), TRANSFERRED)
                                     .when(conclude(june(20), Outcome.DISCLOSED), Map.of("actorAgency", "luanping")),
                              "sign for it first");
        }

        @Test
        void onceSignedForTheReceivingAgencyAnswersIt() {
            fixture.given(received(), TRANSFERRED, new ApplicationSignedFor(ID, "luanping", june(6)))
                   .when(conclude(june(20), Outcome.DISCLOSED), Map.of("actorAgency", "luanping"))
                   .expectEvents(concluded(june(20), Outcome.DISCLOSED));
        }

        @Test
        void onlyAnApplicationPassedOnIsSignedFor() {
            refusedAsConflict(fixture.given(received())
                                     .when(new ApplicationCommands.SignForApplication(ID, june(6))),
                              "not awaiting sign-in");
        }

        @Test
        void aTransferNamesAnotherExistingAgencyAndAReason() {
            refusedAsInvalid(fixture.given(received())
                                    .when(new ApplicationCommands.TransferApplication(ID, AGENCY, june(5), "错")),
                             "toAgencyId");
            refusedAsInvalid(fixture.given(received())
                                    .when(new ApplicationCommands.TransferApplication(ID, "nowhere", june(5), "错")),
                             "toAgencyId");
            refusedAsInvalid(fixture.given(received())
                                    .when(new ApplicationCommands.TransferApplication(ID, "luanping", june(5), "")),
                             "reason");
        }

        @Test
        void aSignInCannotPrecedeTheTransfer() {
            refusedAsConflict(fixture.given(received(), TRANSFERRED)
                                     .when(new ApplicationCommands.SignForApplication(ID, june(4))),
                              CANNOT_PRECEDE);
        }

        @Test
        void anAnsweredApplicationIsNotTransferred() {
            refusedAsConflict(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                                     .when(new ApplicationCommands.TransferApplication(ID, "luanping", june(21), "错")),
                              ONLY_CORRECTION);
        }
    }

    // ---- submitted online (第三十一条: 以双方确认之日为收到申请之日) ------------------------------------

    @Nested
    class SubmittedOnline {

        static final Applicant ONLINE_APPLICANT = new Applicant("张三", "11010519491231002X", "13912345678", null, null);
        static final ApplicationSubmitted SUBMITTED = new ApplicationSubmitted(
                ID, AGENCY, Instant.parse("2024-06-28T15:30:00Z"), ApplicantType.NATURAL_PERSON, ONLINE_APPLICANT, REQUEST,
                "digest");

        static ApplicationCommands.SubmitOnline submit(Applicant applicant) {
            return new ApplicationCommands.SubmitOnline(ID, AGENCY, ApplicantType.NATURAL_PERSON, applicant, REQUEST,
                                                        "digest");
        }

        @Test
        void aSubmissionIsRecordedWithTheInstantItWasMade() {
            fixture.givenNoPriorActivity()
                   .when(submit(ONLINE_APPLICANT))
                   .expectEvents(new ApplicationSubmitted(ID, AGENCY, CLOCK.instant(), ApplicantType.NATURAL_PERSON,
                                                          ONLINE_APPLICANT, REQUEST, "digest"));
        }

        @Test
        void theFilesAttachedToASubmissionAreRecordedWithItAsTheCasesAttachments() {
            byte[] pdf = "%PDF-1.4 证明".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            fixture.givenNoPriorActivity()
                   .when(new ApplicationCommands.SubmitOnline(ID, AGENCY, ApplicantType.NATURAL_PERSON, ONLINE_APPLICANT,
                                                              REQUEST, "digest", List.of(new PapersCommands.SubmittedFile(
                                                                      "file-1", new FileName("身份证明.pdf"), "application/pdf", pdf))))
                   .expectEvents(new ApplicationSubmitted(ID, AGENCY, CLOCK.instant(), ApplicantType.NATURAL_PERSON,
                                                          ONLINE_APPLICANT, REQUEST, "digest"),
                                 new AttachmentAdded(ID, "file-1", new FileName("身份证明.pdf"), "application/pdf", pdf.length,
                                                     AttachmentFiles.sha256(pdf), null, TODAY));
            assertThat(storedFiles.get("file-1")).isEqualTo(pdf);
        }

        @Test
        void aSubmissionRefusedRecordsNoneOfItsFiles() {
            fixture.givenNoPriorActivity()
                   .when(new ApplicationCommands.SubmitOnline(ID, AGENCY, ApplicantType.NATURAL_PERSON,
                                                              new Applicant("张三", "110105194912310021", "13912345678", null, null),
                                                              REQUEST, "digest", List.of(new PapersCommands.SubmittedFile(
                                                                      "file-1", new FileName("身份证明.pdf"), "application/pdf",
                                                                      "%PDF-1.4".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))))
                   .expectException(refusal(Refusal.Kind.INVALID, "applicant.idNumber", "校验位"))
                   .expectNoEvents();
            assertThat(storedFiles).isEmpty();
        }

        @Test
        void anIdNumberWithAWrongCheckCharacterIsRefusedWithTheReason() {
            fixture.givenNoPriorActivity()
                   .when(submit(new Applicant("张三", "110105194912310021", "13912345678", null, null)))
                   .expectException(refusal(Refusal.Kind.INVALID, "applicant.idNumber", "校验位"))
                   .expectNoEvents();
        }

        @Test
        void aPhoneToBeReachedOnIsNeededAndAnEmailMustLookLikeOne() {
            fixture.givenNoPriorActivity()
                   .when(submit(new Applicant("张三", "11010519491231002X", "12345", null, null)))
                   .expectException(refusal(Refusal.Kind.INVALID, "applicant.phone", ""));
            fixture.givenNoPriorActivity()
                   .when(submit(new Applicant("张三", "11010519491231002X", "13912345678", "zhangsan", null)))
                   .expectException(refusal(Refusal.Kind.INVALID, "applicant.email", ""));
        }

        @Test
        void theDayAClerkConfirmsItIsTheDayOfReceipt() {
            fixture.given(SUBMITTED)
                   .when(new ApplicationCommands.ConfirmSubmission(ID))
                   .expectEvents(new ApplicationReceived(ID, AGENCY, TODAY, Channel.ONLINE, ApplicantType.NATURAL_PERSON,
                                                         ONLINE_APPLICANT, REQUEST));
        }

        @Test
        void nothingElseIsRecordedBeforeTheConfirmation() {
            refusedAsConflict(fixture.given(SUBMITTED).when(conclude(TODAY, Outcome.DISCLOSED)), "not confirmed");
        }

        @Test
        void aSubmissionReturnedWithItsReasonIsNeverConfirmed() {
            fixture.given(SUBMITTED)
                   .when(new ApplicationCommands.ReturnSubmission(ID, TODAY, "申请内容不属于政府信息"))
                   .expectEvents(new SubmissionReturned(ID, TODAY, "申请内容不属于政府信息"));
            refusedAsInvalid(fixture.given(SUBMITTED).when(new ApplicationCommands.ReturnSubmission(ID, TODAY, " ")),
                             "reason");
            refusedAsConflict(fixture.given(SUBMITTED, new SubmissionReturned(ID, TODAY, "不属于政府信息"))
                                     .when(new ApplicationCommands.ConfirmSubmission(ID)),
                              "returned");
        }

        @Test
        void aConfirmedSubmissionIsNotConfirmedTwice() {
            refusedAsConflict(fixture.given(SUBMITTED, new ApplicationReceived(ID, AGENCY, TODAY, Channel.ONLINE,
                                                                               ApplicantType.NATURAL_PERSON,
                                                                               ONLINE_APPLICANT, REQUEST))
                                     .when(new ApplicationCommands.ConfirmSubmission(ID)),
                              "already confirmed");
        }

        @Test
        void aClerkOfAnotherAgencyDoesNotFindIt() {
            fixture.given(SUBMITTED)
                   .when(new ApplicationCommands.ConfirmSubmission(ID), Map.of("actorAgency", "other"))
                   .expectException(CaseNotFound.class)
                   .expectNoEvents();
        }
    }

    // ---- the agency interceptor ---------------------------------------------------------------

    @Nested
    class OnlyTheOwnAgency {

        @Test
        void aClerkOfAnotherAgencyDoesNotFindTheApplication() {
            fixture.given(received())
                   .when(new RequestSupplement(ID, june(5), june(20), null), Map.of("actorAgency", "other"))
                   .expectException(CaseNotFound.class)
                   .expectNoEvents();
        }

        @Test
        void aClerkOfAnotherAgencyCannotEvenRepeatTheReceipt() {
            fixture.given(received())
                   .when(receive(), Map.of("actorAgency", "other"))
                   .expectException(CaseNotFound.class)
                   .expectNoEvents();
        }

        @Test
        void aClerkOfAnotherAgencyCannotCorrectAConcludedApplication() {
            fixture.given(received(), concluded(june(20), Outcome.DISCLOSED))
                   .when(correct("channel", "MAIL"), Map.of("actorAgency", "other"))
                   .expectException(CaseNotFound.class)
                   .expectNoEvents();
        }

        @Test
        void aClerkOfTheAgencyActsOnItsApplication() {
            fixture.given(received())
                   .when(new RequestSupplement(ID, june(5), june(20), null), Map.of("actorAgency", AGENCY))
                   .expectEvents(new SupplementRequested(ID, june(5), june(20), null));
        }

        @Test
        void anInternalCommandWithoutAnActorAgencyIsLetThrough() {
            fixture.given(received())
                   .when(new RequestSupplement(ID, june(5), june(20), null))
                   .expectEvents(new SupplementRequested(ID, june(5), june(20), null));
        }
    }

    // ---- the aggregate cache ------------------------------------------------------------------

    /**
     * The fixture ignores {@code @Aggregate(cache = ...)}, a Spring stereotype attribute: by default it loads
     * the aggregate from its in-memory event store for every command. Here a caching repository like the
     * application's is registered, so that {@code givenCommands} leaves the aggregate in the cache and the
     * command under test runs on the cached instance. The application's cache holds weak references, which
     * the garbage collector may clear at any moment; this one holds its entries until they are removed, so
     * that what the tests see in it is decided by the repository alone.
     * <p>
     * The fixture's check for illegal state changes loads the aggregate again through the registered
     * repository (so from the cache: it would compare the instance with itself) and then rolls its unit of
     * work back, which evicts the entry. It is switched off here so that the cache can be inspected; the
     * other tests keep it.
     */
    @Nested
    class ThroughTheAggregateCache {

        private HeldCache cache;

        @BeforeEach
        void cachingRepository() {
            cache = new HeldCache();
            fixture.registerRepository(
                    EventSourcingRepository.builder(ApplicationAggregate.class)
                                           .eventStore(fixture.getEventStore())
                                           .cache(cache)
                                           .parameterResolverFactory(MultiParameterResolverFactory.ordered(
                                                   new SimpleResourceParameterResolverFactory(Set.of(CLOCK, CALENDARS, decisions)),
                                                   ClasspathParameterResolverFactory.forClass(ApplicationAggregate.class)))
                                           .build());
            fixture.setReportIllegalStateChange(false);
        }

        @Test
        void aCommandOnTheCachedAggregateSeesTheStateLeftByThePreviousOnes() {
            TestExecutor<ApplicationAggregate> given =
                    fixture.givenCommands(receive(), new RequestSupplement(ID, june(5), june(20), null));
            assertThat(cache.containsKey(ID)).as("cached by the given commands").isTrue();
            given.when(new ReceiveSupplement(ID, june(10)))
                 .expectEvents(new SupplementReceived(ID, june(10)));
            assertThat(cache.containsKey(ID)).as("still cached after a recorded event").isTrue();
        }

        @Test
        void aRefusalOnTheCachedAggregateWritesNothingAndEvictsIt() {
            TestExecutor<ApplicationAggregate> given =
                    fixture.givenCommands(receive(), new RequestSupplement(ID, june(5), june(20), null));
            assertThat(cache.containsKey(ID)).isTrue();
            given.when(new RequestSupplement(ID, june(6), june(20), null))
                 .expectException(refusal(Refusal.Kind.CONFLICT, null, "only once"))
                 .expectNoEvents();
            assertThat(cache.containsKey(ID)).as("evicted by the rollback of the refused command").isFalse();
        }

        @Test
        void aRepeatedReceiptIsAnsweredFromTheCachedAggregate() {
            TestExecutor<ApplicationAggregate> given = fixture.givenCommands(receive());
            assertThat(cache.containsKey(ID)).isTrue();
            given.when(receive())
                 .expectNoEvents()
                 .expectResultMessagePayload(new Receipt(ID, false));
        }
    }

    /** A cache whose entries stay until the repository removes them (no garbage collector involved). */
    static final class HeldCache implements Cache {

        private final Map<Object, Object> entries = new ConcurrentHashMap<>();

        @Override
        @SuppressWarnings("unchecked")
        public <K, V> V get(K key) {
            return (V) entries.get(key);
        }

        @Override
        public void put(Object key, Object value) {
            entries.put(key, value);
        }

        @Override
        public boolean putIfAbsent(Object key, Object value) {
            return entries.putIfAbsent(key, value) == null;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
            return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
            entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
        }

        @Override
        public boolean remove(Object key) {
            return entries.remove(key) != null;
        }

        @Override
        public void removeAll() {
            entries.clear();
        }

        @Override
        public boolean containsKey(Object key) {
            return entries.containsKey(key);
        }

        @Override
        public Registration registerCacheEntryListener(EntryListener listener) {
            return () -> true;
        }
    }

    @Nested
    class ReopeningAfterACorrectedAnswer {

        static final String REVIEW = "0c9e2b4a-1111-4c55-9a0e-0b6f3d2a1c11";
        static final String LAWSUIT = "0c9e2b4a-2222-4c55-9a0e-0b6f3d2a1c11";
        static final String OTHER_APPLICATION = "0c9e2b4a-3333-4c55-9a0e-0b6f3d2a1c11";

        @BeforeEach
        void aReconsiderationCorrectedTheAnswer() {
            decisions.record(REVIEW, reviewFiled(REVIEW, AGENCY, ID),
                             new ReviewDecided(REVIEW, june(25), CaseResult.CORRECTED, null));
        }

        ApplicationCommands.ReopenApplication reopenOn(LocalDate on) {
            return new ApplicationCommands.ReopenApplication(ID, on, REVIEW, null, "复议决定责令重新答复");
        }

        ApplicationCommands.ReopenApplication reopenAfter(String reviewId, String lawsuitId) {
            return new ApplicationCommands.ReopenApplication(ID, june(28), reviewId, lawsuitId, null);
        }

        static ReviewFiled reviewFiled(String reviewId, String agency, String applicationId) {
            return new ReviewFiled(reviewId, agency, june(21), applicationId, "某市人民政府");
        }

        static LawsuitFiled lawsuitFiled(Route route, String reviewId, String applicationId) {
            return new LawsuitFiled(LAWSUIT, AGENCY, june(22), route, reviewId, applicationId, "某区人民法院");
        }

        ResultValidator<ApplicationAggregate> whenReopenedAfter(String reviewId, String lawsuitId) {
            return fixture.given(received(), concluded(june(20), Outcome.WITHHELD_INTERNAL_AFFAIRS))
                          .when(reopenAfter(reviewId, lawsuitId));
        }

        @Test
        void aReopeningNamesOneDecisionNotNone() {
            refusedAsInvalid(whenReopenedAfter(null, null), "reviewId");
        }

        @Test
        void aReopeningNamesOneDecisionNotTwo() {
            refusedAsInvalid(whenReopenedAfter(REVIEW, LAWSUIT), "lawsuitId");
        }

        @Test
        void aDecisionNeverRecordedReopensNothing() {
            refusedAsConflict(whenReopenedAfter(OTHER_APPLICATION, null), "did not correct");
        }

        @Test
        void aReconsiderationThatUpheldTheAnswerReopensNothing() {
            decisions.record(REVIEW, reviewFiled(REVIEW, AGENCY, ID),
                             new ReviewDecided(REVIEW, june(25), CaseResult.UPHELD, null));
            refusedAsConflict(whenReopenedAfter(REVIEW, null), "did not correct");
        }

        @Test
        void aReconsiderationNotYetDecidedReopensNothing() {
            decisions.record(REVIEW, reviewFiled(REVIEW, AGENCY, ID));
            refusedAsConflict(whenReopenedAfter(REVIEW, null), "did not correct");
        }

        @Test
        void aReconsiderationOfAnotherApplicationReopensNothing() {
            decisions.record(REVIEW, reviewFiled(REVIEW, AGENCY, OTHER_APPLICATION),
                             new ReviewDecided(REVIEW, june(25), CaseResult.CORRECTED, null));
            refusedAsConflict(whenReopenedAfter(REVIEW, null), "did not correct");
        }

        @Test
        void aReconsiderationOfAnotherAgencyReopensNothing() {
            decisions.record(REVIEW, reviewFiled(REVIEW, "another-agency", ID),
                             new ReviewDecided(REVIEW, june(25), CaseResult.CORRECTED, null));
            refusedAsConflict(whenReopenedAfter(REVIEW, null), "did not correct");
        }

        @Test
        void aFinalJudgmentThatCorrectedTheAnswerReopensIt() {
            decisions.record(LAWSUIT, lawsuitFiled(Route.DIRECT, null, ID),
                             new LawsuitJudged(LAWSUIT, june(26), CaseResult.CORRECTED, true));
            whenReopenedAfter(null, LAWSUIT).expectEvents(new ApplicationReopened(ID, june(28), null, LAWSUIT, null));
        }

        @Test
        void aJudgmentNotYetFinalReopensNothing() {
            decisions.record(LAWSUIT, lawsuitFiled(Route.DIRECT, null, ID),
                             new LawsuitJudged(LAWSUIT, june(26), CaseResult.CORRECTED, false));
            refusedAsConflict(whenReopenedAfter(null, LAWSUIT), "did not correct");
        }

        @Test
        void aFinalJudgmentOnTheReconsiderationOfThisApplicationReopensIt() {
            decisions.record(REVIEW, reviewFiled(REVIEW, AGENCY, ID),
                             new ReviewDecided(REVIEW, june(25), CaseResult.UPHELD, null));
            decisions.record(LAWSUIT, lawsuitFiled(Route.AFTER_REVIEW, REVIEW, null),
                             new LawsuitJudged(LAWSUIT, june(26), CaseResult.CORRECTED, true));
            whenReopenedAfter(null, LAWSUIT).expectEvents(new ApplicationReopened(ID, june(28), null, LAWSUIT, null));
        }

        @Test
        void aFinalJudgmentOnTheReconsiderationOfAnotherApplicationReopensNothing() {
            decisions.record(REVIEW, reviewFiled(REVIEW, AGENCY, OTHER_APPLICATION));
            decisions.record(LAWSUIT, lawsuitFiled(Route.AFTER_REVIEW, REVIEW, null),
                             new LawsuitJudged(LAWSUIT, june(26), CaseResult.CORRECTED, true));
            refusedAsConflict(whenReopenedAfter(null, LAWSUIT), "did not correct");
        }

        @Test
        void anAnsweredApplicationIsReopenedForANewAnswer() {
            fixture.given(received(), concluded(june(20), Outcome.WITHHELD_INTERNAL_AFFAIRS))
                   .when(reopenOn(june(28)))
                   .expectEvents(new ApplicationReopened(ID, june(28), REVIEW, null, "复议决定责令重新答复"));
        }

        @Test
        void theNewAnswerIsRecordedOnTheReopenedApplication() {
            fixture.given(received(), concluded(june(20), Outcome.WITHHELD_INTERNAL_AFFAIRS),
                          new ApplicationReopened(ID, june(28), REVIEW, null, null))
                   .when(new ConcludeApplication(ID, june(29), Outcome.DISCLOSED, List.of(), null))
                   .expectEvents(concluded(june(29), Outcome.DISCLOSED));
        }

        @Test
        void theNewAnswerCannotPrecedeTheReopening() {
            refusedAsConflict(fixture.given(received(), concluded(june(20), Outcome.WITHHELD_INTERNAL_AFFAIRS),
                                            new ApplicationReopened(ID, june(28), REVIEW, null, null))
                                     .when(new ConcludeApplication(ID, june(27), Outcome.DISCLOSED, List.of(), null)),
                              "cannot precede");
        }

        @Test
        void anApplicationNotYetAnsweredCannotBeReopened() {
            refusedAsConflict(fixture.given(received()).when(reopenOn(june(28))), "nothing to reopen");
        }

        @Test
        void aReopenedApplicationCannotBeReopenedAgainBeforeItsNewAnswer() {
            refusedAsConflict(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED),
                                            new ApplicationReopened(ID, june(28), REVIEW, null, null))
                                     .when(reopenOn(june(29))),
                              "nothing to reopen");
        }

        @Test
        void aReopeningCannotPrecedeTheAnswer() {
            refusedAsConflict(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED)).when(reopenOn(june(19))),
                              "cannot precede");
        }

        @Test
        void aReopeningCannotBeDatedInTheFuture() {
            refusedAsInvalid(fixture.given(received(), concluded(june(20), Outcome.DISCLOSED)).when(reopenOn(TOMORROW)),
                             "reopenedOn");
        }
    }
}
