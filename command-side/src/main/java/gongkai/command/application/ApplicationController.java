package gongkai.command.application;

import gongkai.command.Refusal;
import gongkai.events.access.Actor;
import gongkai.command.access.CommandSender;
import gongkai.command.web.Ids;
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
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.Channel;
import gongkai.events.application.ErasureBasis;
import gongkai.events.application.Outcome;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The commands on disclosure applications of docs/http-api.md ("Applications (command side)"). Every answer names the
 * event recorded.
 */
@RestController
@RequestMapping("/api/applications")
public class ApplicationController {

    public record ApplicantBody(@NotBlank @Size(max = 200) String name, @Size(max = 64) String idNumber,
                                @Size(max = 64) String phone, @Size(max = 200) String email,
                                @Size(max = 500) String address) {
        Applicant toApplicant() {
            return new Applicant(name, idNumber, phone, email, address);
        }
    }

    public record ReceiveBody(String applicationId, @NotBlank String agencyId, @NotNull LocalDate receivedOn,
                              @NotNull Channel channel, @NotNull ApplicantType applicantType,
                              @NotNull @Valid ApplicantBody applicant, @NotBlank @Size(max = 10000) String request) {
    }

    public record SupplementRequestBody(@NotNull LocalDate requestedOn, @NotNull LocalDate replyBy,
                                        @Size(max = 2000) String note) {
    }

    public record SupplementBody(@NotNull LocalDate receivedOn) {
    }

    public record ConsultationBody(@NotNull LocalDate startedOn, @NotBlank @Size(max = 500) String party) {
    }

    public record ConsultationEndBody(@NotNull LocalDate endedOn) {
    }

    public record ExtensionBody(@NotNull LocalDate extendedOn, @NotNull Integer workingDays,
                                @NotBlank @Size(max = 2000) String reason) {
    }

    public record ExtensionRequestBody(@NotNull LocalDate requestedOn, @NotNull Integer workingDays,
                                       @NotBlank @Size(max = 2000) String reason) {
    }

    public record ExtensionApprovalBody(@NotNull LocalDate approvedOn, @Size(max = 2000) String note) {
    }

    public record ExtensionRefusalBody(@NotNull LocalDate refusedOn, @NotBlank @Size(max = 2000) String reason) {
    }

    public record TransferBody(@NotBlank @Size(max = 64) String toAgencyId, @NotNull LocalDate transferredOn,
                               @NotBlank @Size(max = 2000) String reason) {
    }

    public record SignInBody(@NotNull LocalDate signedOn) {
    }

    public record ReturnBody(@NotNull LocalDate returnedOn, @NotBlank @Size(max = 2000) String reason) {
    }

    public record FeeNoticeBody(@NotNull LocalDate issuedOn, @NotNull BigDecimal amountYuan,
                                @NotNull LocalDate payBy) {
    }

    public record FeePaymentBody(@NotNull LocalDate paidOn) {
    }

    public record WithdrawalBody(@NotNull LocalDate withdrawnOn) {
    }

    public record ConclusionBody(@NotNull LocalDate concludedOn, @NotNull Outcome outcome,
                                 List<Outcome> withheldReasons, @Size(max = 5000) String note) {
    }

    public record ReopeningBody(@NotNull LocalDate reopenedOn, String reviewId, String lawsuitId,
                                @Size(max = 2000) String reason) {
    }

    public record CorrectionBody(@NotBlank String field, @NotBlank String value, List<Outcome> withheldReasons,
                                 @NotBlank @Size(max = 2000) String reason) {
    }

    public record ErasureBody(@NotNull ErasureBasis basis, @Size(max = 500) String note) {
    }

    public record UnsealingBody(@NotBlank @Size(max = 500) String reason) {
    }

    private final CommandSender commands;

    public ApplicationController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    public ResponseEntity<Map<String, String>> receive(@Valid @RequestBody ReceiveBody body,
                                                       @AuthenticationPrincipal Actor clerk) {
        if (!body.agencyId().equals(clerk.agencyId())) {
            throw Refusal.invalid("agencyId", "只能登记本机关的申请 (you record applications of your own agency only)");
        }
        String id = Ids.chosenOrNew("applicationId", body.applicationId());
        Receipt receipt = commands.send(new ReceiveApplication(id, body.agencyId(), body.receivedOn(), body.channel(),
                                                               body.applicantType(), body.applicant().toApplicant(),
                                                               body.request()), clerk);
        Map<String, String> answer = Map.of("applicationId", id);
        return receipt.created()
               ? ResponseEntity.created(URI.create("/api/applications/" + id)).body(answer)
               : ResponseEntity.ok(answer);
    }

    /** Recorded even after the 7th working day after receipt (第三十条): then {@code warnings} says so. */
    @PostMapping("/{id}/supplement-request")
    public Map<String, Object> requestSupplement(@PathVariable String id, @Valid @RequestBody SupplementRequestBody b,
                                                 @AuthenticationPrincipal Actor clerk) {
        List<String> warnings = commands.send(new RequestSupplement(id, b.requestedOn(), b.replyBy(), b.note()), clerk);
        return Map.of("recorded", "SupplementRequested", "warnings", warnings);
    }

    @PostMapping("/{id}/supplement")
    public Map<String, String> receiveSupplement(@PathVariable String id, @Valid @RequestBody SupplementBody b,
                                                 @AuthenticationPrincipal Actor clerk) {
        return send(new ReceiveSupplement(id, b.receivedOn()), "SupplementReceived", clerk);
    }

    @PostMapping("/{id}/consultation")
    public Map<String, String> startConsultation(@PathVariable String id, @Valid @RequestBody ConsultationBody b,
                                                 @AuthenticationPrincipal Actor clerk) {
        return send(new StartConsultation(id, b.startedOn(), b.party()), "ConsultationStarted", clerk);
    }

    @PostMapping("/{id}/consultation/end")
    public Map<String, String> endConsultation(@PathVariable String id, @Valid @RequestBody ConsultationEndBody b,
                                               @AuthenticationPrincipal Actor clerk) {
        return send(new EndConsultation(id, b.endedOn()), "ConsultationEnded", clerk);
    }

    /** An extension the head of the office decides themselves (role SUPERVISOR): recorded as approved. */
    @PostMapping("/{id}/extension")
    public Map<String, String> extend(@PathVariable String id, @Valid @RequestBody ExtensionBody b,
                                      @AuthenticationPrincipal Actor clerk) {
        return send(new ExtendReplyPeriod(id, b.extendedOn(), b.workingDays(), b.reason()), "ReplyPeriodExtended", clerk);
    }

    /** A clerk asks the head of the office for an extension (第三十三条); the due date does not move yet. */
    @PostMapping("/{id}/extension-request")
    public Map<String, String> requestExtension(@PathVariable String id, @Valid @RequestBody ExtensionRequestBody b,
                                                @AuthenticationPrincipal Actor clerk) {
        return send(new ApplicationCommands.RequestExtension(id, b.requestedOn(), b.workingDays(), b.reason()),
                    "ExtensionRequested", clerk);
    }

    /** The head of the office (role SUPERVISOR) approves: the due date moves by the working days requested. */
    @PostMapping("/{id}/extension-request/approval")
    public Map<String, Object> approveExtension(@PathVariable String id, @Valid @RequestBody ExtensionApprovalBody b,
                                                @AuthenticationPrincipal Actor supervisor) {
        commands.send(new ApplicationCommands.ApproveExtension(id, b.approvedOn(), b.note()), supervisor);
        return Map.of("recorded", List.of("ExtensionApproved", "ReplyPeriodExtended"));
    }

    /** The head of the office (role SUPERVISOR) refuses, with the reason: the due date stays. */
    @PostMapping("/{id}/extension-request/refusal")
    public Map<String, String> refuseExtension(@PathVariable String id, @Valid @RequestBody ExtensionRefusalBody b,
                                               @AuthenticationPrincipal Actor supervisor) {
        return send(new ApplicationCommands.RefuseExtension(id, b.refusedOn(), b.reason()), "ExtensionRefused", supervisor);
    }

    /** Confirms a submission made online: the date of receipt is today (第三十一条: 以双方确认之日为收到申请之日). */
    @PostMapping("/{id}/confirmation")
    public Map<String, String> confirm(@PathVariable String id, @AuthenticationPrincipal Actor clerk) {
        return send(new ApplicationCommands.ConfirmSubmission(id), "ApplicationReceived", clerk);
    }

    /** Returns a submission made online to the applicant, with the reason they will read. */
    @PostMapping("/{id}/return")
    public Map<String, String> returnSubmission(@PathVariable String id, @Valid @RequestBody ReturnBody b,
                                                @AuthenticationPrincipal Actor clerk) {
        return send(new ApplicationCommands.ReturnSubmission(id, b.returnedOn(), b.reason()), "SubmissionReturned", clerk);
    }

    /** 转办: passes the application to the agency competent to answer it, which signs for it. */
    @PostMapping("/{id}/transfer")
    public Map<String, String> transfer(@PathVariable String id, @Valid @RequestBody TransferBody b,
                                        @AuthenticationPrincipal Actor clerk) {
        return send(new ApplicationCommands.TransferApplication(id, b.toAgencyId(), b.transferredOn(), b.reason()),
                    "ApplicationTransferred", clerk);
    }

    /** 签收 by a clerk of the agency the application was passed to. */
    @PostMapping("/{id}/sign-in")
    public Map<String, String> signFor(@PathVariable String id, @Valid @RequestBody SignInBody b,
                                       @AuthenticationPrincipal Actor clerk) {
        return send(new ApplicationCommands.SignForApplication(id, b.signedOn()), "ApplicationSignedFor", clerk);
    }

    @PostMapping("/{id}/fee-notice")
    public Map<String, String> issueFeeNotice(@PathVariable String id, @Valid @RequestBody FeeNoticeBody b,
                                              @AuthenticationPrincipal Actor clerk) {
        return send(new IssueFeeNotice(id, b.issuedOn(), b.amountYuan(), b.payBy()), "FeeNoticeIssued", clerk);
    }

    @PostMapping("/{id}/fee-payment")
    public Map<String, String> recordFeePayment(@PathVariable String id, @Valid @RequestBody FeePaymentBody b,
                                                @AuthenticationPrincipal Actor clerk) {
        return send(new RecordFeePayment(id, b.paidOn()), "FeePaid", clerk);
    }

    @PostMapping("/{id}/withdrawal")
    public Map<String, String> withdraw(@PathVariable String id, @Valid @RequestBody WithdrawalBody b,
                                        @AuthenticationPrincipal Actor clerk) {
        return send(new WithdrawApplication(id, b.withdrawnOn()), "ApplicationWithdrawn", clerk);
    }

    @PostMapping("/{id}/conclusion")
    public Map<String, String> conclude(@PathVariable String id, @Valid @RequestBody ConclusionBody b,
                                        @AuthenticationPrincipal Actor clerk) {
        return send(new ConcludeApplication(id, b.concludedOn(), b.outcome(), b.withheldReasons(), b.note()),
                    "ApplicationConcluded", clerk);
    }

    /** After a reconsideration or final judgment that corrected the answer: open again for a new answer. */
    @PostMapping("/{id}/reopening")
    public Map<String, String> reopen(@PathVariable String id, @Valid @RequestBody ReopeningBody b,
                                      @AuthenticationPrincipal Actor clerk) {
        return send(new ApplicationCommands.ReopenApplication(id, b.reopenedOn(), Ids.optional("reviewId", b.reviewId()),
                                                              Ids.optional("lawsuitId", b.lawsuitId()), b.reason()),
                    "ApplicationReopened", clerk);
    }

    @PostMapping("/{id}/correction")
    public Map<String, String> correct(@PathVariable String id, @Valid @RequestBody CorrectionBody b,
                                       @AuthenticationPrincipal Actor clerk) {
        return send(new CorrectApplication(id, b.field(), b.value(), b.withheldReasons(), b.reason()),
                    "ApplicationCorrected", clerk);
    }

    /**
     * 个人信息保护法 第四十七条: the applicant's personal data is erased (its data key destroyed); a clerk of the
     * agency or an admin. Dates, outcome and every figure stay (docs/personal-data.md).
     */
    @PostMapping("/{id}/personal-data/erasure")
    public Map<String, String> erasePersonalData(@PathVariable String id, @Valid @RequestBody ErasureBody b,
                                                 @AuthenticationPrincipal Actor actor) {
        return send(new ApplicationCommands.ErasePersonalData(id, b.basis(), b.note(), false, null), "PersonalDataErased", actor);
    }

    /** A sealed case's personal data shown again, for a legal reason stated (第四十七条第二款). */
    @PostMapping("/{id}/personal-data/unsealing")
    public Map<String, String> unsealPersonalData(@PathVariable String id, @Valid @RequestBody UnsealingBody b,
                                                  @AuthenticationPrincipal Actor clerk) {
        return send(new ApplicationCommands.UnsealPersonalData(id, b.reason()), "PersonalDataUnsealed", clerk);
    }

    private Map<String, String> send(Object command, String recorded, Actor clerk) {
        commands.send(command, clerk);
        return Map.of("recorded", recorded);
    }
}
