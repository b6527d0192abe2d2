package gongkai.command.application;

import gongkai.command.papers.PapersCommands;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.Channel;
import gongkai.events.application.ErasureBasis;
import gongkai.events.application.Outcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/** What a clerk can ask of a disclosure application; each is answered by {@link ApplicationAggregate}. */
public final class ApplicationCommands {

    private ApplicationCommands() {
    }

    public record ReceiveApplication(@TargetAggregateIdentifier String applicationId, String agencyId,
                                     LocalDate receivedOn, Channel channel, ApplicantType applicantType,
                                     Applicant applicant, String request) {
    }

    public record RequestSupplement(@TargetAggregateIdentifier String applicationId, LocalDate requestedOn,
                                    LocalDate replyBy, String note) {
    }

    public record ReceiveSupplement(@TargetAggregateIdentifier String applicationId, LocalDate receivedOn) {
    }

    public record StartConsultation(@TargetAggregateIdentifier String applicationId, LocalDate startedOn,
                                    String party) {
    }

    public record EndConsultation(@TargetAggregateIdentifier String applicationId, LocalDate endedOn) {
    }

    public record ExtendReplyPeriod(@TargetAggregateIdentifier String applicationId, LocalDate extendedOn,
                                    int workingDays, String reason) {
    }

    /**
     * An application submitted on the public page; {@code accessDigest} from the applicant's query code and phone;
     * {@code files} the files attached to it, each checked already, recorded with it as the case's attachments.
     */
    public record SubmitOnline(@TargetAggregateIdentifier String applicationId, String agencyId,
                               ApplicantType applicantType, Applicant applicant, String request, String accessDigest,
                               List<PapersCommands.SubmittedFile> files) {

        public SubmitOnline {
            files = files == null ? List.of() : List.copyOf(files);
        }

        public SubmitOnline(String applicationId, String agencyId, ApplicantType applicantType, Applicant applicant,
                            String request, String accessDigest) {
            this(applicationId, agencyId, applicantType, applicant, request, accessDigest, List.of());
        }
    }

    /** A clerk confirms a submission: the date of receipt is today (第三十一条). */
    public record ConfirmSubmission(@TargetAggregateIdentifier String applicationId) {
    }

    /** A clerk returns a submission to the applicant with the reason. */
    public record ReturnSubmission(@TargetAggregateIdentifier String applicationId, LocalDate returnedOn, String reason) {
    }

    /** A clerk asks the head of the office for an extension (第三十三条). */
    public record RequestExtension(@TargetAggregateIdentifier String applicationId, LocalDate requestedOn,
                                   int workingDays, String reason) {
    }

    /** The head of the office approves the extension requested. */
    public record ApproveExtension(@TargetAggregateIdentifier String applicationId, LocalDate approvedOn, String note) {
    }

    /** The head of the office refuses the extension requested, with the reason. */
    public record RefuseExtension(@TargetAggregateIdentifier String applicationId, LocalDate refusedOn, String reason) {
    }

    /** Passes the application to the agency competent to answer it (转办), with the reason. */
    public record TransferApplication(@TargetAggregateIdentifier String applicationId, String toAgencyId,
                                      LocalDate transferredOn, String reason) {
    }

    /** A clerk of the agency the application was passed to signs for it (签收). */
    public record SignForApplication(@TargetAggregateIdentifier String applicationId, LocalDate signedOn) {
    }

    public record IssueFeeNotice(@TargetAggregateIdentifier String applicationId, LocalDate issuedOn,
                                 BigDecimal amountYuan, LocalDate payBy) {
    }

    public record RecordFeePayment(@TargetAggregateIdentifier String applicationId, LocalDate paidOn) {
    }

    public record WithdrawApplication(@TargetAggregateIdentifier String applicationId, LocalDate withdrawnOn) {
    }

    public record ConcludeApplication(@TargetAggregateIdentifier String applicationId, LocalDate concludedOn,
                                      Outcome outcome, List<Outcome> withheldReasons, String note) {
    }

    public record CorrectApplication(@TargetAggregateIdentifier String applicationId, String field, String value,
                                     List<Outcome> withheldReasons, String reason) {
    }

    /** Reopens an answered application after a decision that corrected the answer (the link is checked by the caller). */
    public record ReopenApplication(@TargetAggregateIdentifier String applicationId, LocalDate reopenedOn,
                                    String reviewId, String lawsuitId, String reason) {
    }

    /** Erases the applicant's personal data (个人信息保护法 第四十七条); {@code byRetention} when the retention job asks. */
    public record ErasePersonalData(@TargetAggregateIdentifier String applicationId, ErasureBasis basis, String note,
                                    boolean byRetention, Period eraseAfterSealed) {
    }

    /** Seals the personal data of a case that ended more than {@code retention} ago (第四十七条第二款). */
    public record SealPersonalData(@TargetAggregateIdentifier String applicationId, Period retention) {
    }

    /** Unseals a sealed case's personal data for a stated legal reason. */
    public record UnsealPersonalData(@TargetAggregateIdentifier String applicationId, String reason) {
    }

    /** The answer to {@link ReceiveApplication}: {@code created} is false for a repeat that wrote nothing. */
    public record Receipt(String applicationId, boolean created) {
    }
}
