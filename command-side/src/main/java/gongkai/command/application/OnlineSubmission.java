package gongkai.command.application;

import static gongkai.command.BusinessDates.notBefore;
import static gongkai.command.BusinessDates.notInFuture;

import gongkai.command.Refusal;
import gongkai.events.application.Applicant;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationSubmitted;
import gongkai.events.application.Channel;
import gongkai.events.application.ContactFormats;
import gongkai.events.application.SubmissionReturned;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * An application submitted on the public page, until a clerk confirms it (第三十一条: the day both sides confirm it
 * is the day of receipt) or returns it with a reason. Plain Java, like {@link Application}, which it becomes once
 * confirmed.
 */
final class OnlineSubmission {

    /** Mainland mobile numbers (11 digits from 13 to 19) or a landline with its area code. */
    private static final Pattern PHONE = ContactFormats.PHONE;
    private static final Pattern EMAIL = ContactFormats.EMAIL;

    private final ApplicationSubmitted submitted;
    private SubmissionReturned returned;

    OnlineSubmission(ApplicationSubmitted submitted) {
        this.submitted = submitted;
    }

    /**
     * The checks of the public form: a name; for a natural person a resident ID number with its check digit, for an
     * organisation its unified social credit code; a phone to be reached on (its last four digits open the
     * application's status); an e-mail address, if given, of an address's shape; a description of the information.
     */
    static ApplicationSubmitted submit(ApplicationCommands.SubmitOnline c, Instant now, LocalDate today) {
        Applicant a = c.applicant();
        if (a == null || a.name() == null || a.name().isBlank()) {
            throw Refusal.invalid("applicant.name", "请填写申请人姓名或名称 (the applicant's name is missing)");
        }
        if (c.applicantType() == ApplicantType.NATURAL_PERSON) {
            IdentityNumbers.residentIdProblem(a.idNumber(), today)
                           .ifPresent(p -> { throw Refusal.invalid("applicant.idNumber", p); });
        } else if (a.idNumber() != null && !a.idNumber().isBlank()) {
            IdentityNumbers.creditCodeProblem(a.idNumber())
                           .ifPresent(p -> { throw Refusal.invalid("applicant.idNumber", p); });
        }
        if (a.phone() == null || !PHONE.matcher(a.phone().replace(" ", "")).matches()) {
            throw Refusal.invalid("applicant.phone",
                                  "请填写有效的手机号码或带区号的固定电话 (a mobile number or a landline with its area code)");
        }
        if (a.email() != null && !a.email().isBlank() && !EMAIL.matcher(a.email()).matches()) {
            throw Refusal.invalid("applicant.email", "电子邮箱格式不正确 (the e-mail address is not valid)");
        }
        if (c.request() == null || c.request().isBlank()) {
            throw Refusal.invalid("request", "请描述所需的政府信息 (describe the information asked for)");
        }
        return new ApplicationSubmitted(c.applicationId(), c.agencyId(), now, c.applicantType(), a, c.request(),
                                        c.accessDigest());
    }

    /** Confirmed today: received today, online, as submitted (第三十一条). */
    ApplicationReceived confirm(ApplicationCommands.ConfirmSubmission c, LocalDate today) {
        stillSubmitted();
        return new ApplicationReceived(submitted.applicationId(), submitted.agencyId(), today, Channel.ONLINE,
                                       submitted.applicantType(), submitted.applicant(), submitted.request());
    }

    SubmissionReturned returnToApplicant(ApplicationCommands.ReturnSubmission c, LocalDate today) {
        stillSubmitted();
        notInFuture("returnedOn", c.returnedOn(), today);
        notBefore("returnedOn", c.returnedOn(), submitted.businessDate(), "提交日期 (the submission)");
        if (c.reason() == null || c.reason().isBlank()) {
            throw Refusal.invalid("reason", "退回须说明理由 (a return needs a reason)");
        }
        return new SubmissionReturned(submitted.applicationId(), c.returnedOn(), c.reason());
    }

    void apply(SubmissionReturned e) {
        returned = e;
    }

    String agencyId() {
        return submitted.agencyId();
    }

    private void stillSubmitted() {
        if (returned != null) {
            throw Refusal.conflict("网上申请已退回 (the submission was returned to the applicant)");
        }
    }

    /** Any other step waits for the confirmation that makes the submission an application received. */
    static Refusal notYetConfirmed() {
        return Refusal.conflict("网上申请尚未确认收到，请先确认 (the submission is not confirmed as received yet)");
    }
}
