package gongkai.command.application;

import static gongkai.command.BusinessDates.notBefore;
import static gongkai.command.BusinessDates.notInFuture;

import gongkai.command.Refusal;
import gongkai.command.application.ApplicationCommands.ConcludeApplication;
import gongkai.command.application.ApplicationCommands.CorrectApplication;
import gongkai.command.application.ApplicationCommands.EndConsultation;
import gongkai.command.application.ApplicationCommands.ErasePersonalData;
import gongkai.command.application.ApplicationCommands.SealPersonalData;
import gongkai.command.application.ApplicationCommands.UnsealPersonalData;
import gongkai.command.application.ApplicationCommands.ExtendReplyPeriod;
import gongkai.command.application.ApplicationCommands.IssueFeeNotice;
import gongkai.command.application.ApplicationCommands.ReceiveApplication;
import gongkai.command.application.ApplicationCommands.ReceiveSupplement;
import gongkai.command.application.ApplicationCommands.RecordFeePayment;
import gongkai.command.application.ApplicationCommands.RequestSupplement;
import gongkai.command.application.ApplicationCommands.StartConsultation;
import gongkai.command.application.ApplicationCommands.WithdrawApplication;
import gongkai.events.application.ApplicantType;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationReopened;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.Channel;
import gongkai.events.application.ConsultationEnded;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.ApplicationSignedFor;
import gongkai.events.application.ApplicationTransferred;
import gongkai.events.application.ExtensionApproved;
import gongkai.events.application.ExtensionRefused;
import gongkai.events.application.ExtensionRequested;
import gongkai.events.application.CorrectedField;
import gongkai.events.application.ErasureBasis;
import gongkai.events.application.PersonalDataErased;
import gongkai.events.application.PersonalDataSealed;
import gongkai.events.application.PersonalDataUnsealed;
import gongkai.events.application.FeeNoticeIssued;
import gongkai.events.application.FeePaid;
import gongkai.events.application.Outcome;
import gongkai.events.application.ReplyPeriodExtended;
import gongkai.events.application.SupplementReceived;
import gongkai.events.application.SupplementRequested;
import gongkai.events.calendar.ReplyClock;
import gongkai.events.calendar.UnknownCalendarYear;
import gongkai.events.calendar.WorkingDayCalendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;

/**
 * One disclosure application and the rules of its life (docs/lifecycle.md, "A disclosure application"; 国务院令第711号).
 * Plain Java: each decision checks a command against the present state and returns the event to record, or
 * throws a {@link Refusal}; {@link #apply} only changes state. Axon merely wires it
 * ({@link ApplicationAggregate}), so a move to another framework keeps these rules as they are.
 */
final class Application {

    /** 第三十三条: an extension adds at most 20 working days. */
    static final int MAX_EXTENSION_WORKING_DAYS = 20;

    private ApplicationReceived receipt;
    private LocalDate receivedOn;
    private ApplicantType applicantType;
    private Channel channel;
    /**
     * The latest business date of any step between receipt and answer (null while there is none): an
     * answer cannot precede the work on it. Neither the receipt nor the answer counts, as both can be corrected.
     */
    private LocalDate latestStepOn;
    /**
     * The earliest business date of any step between receipt and answer (null while there is none): the
     * date of receipt cannot be moved past it, nor past the answer.
     */
    private LocalDate earliestStepOn;
    private LocalDate supplementRequestedOn;
    private LocalDate supplementReceivedOn;
    private LocalDate consultationStartedOn;
    private boolean extended;
    /** The extension asked for and not yet decided by the head of the office; else null. */
    private ExtensionRequested pendingExtension;
    /** The agency that holds the application: the receiving one, or the last it was transferred to. */
    private String agencyId;
    /** Transferred and not yet signed for by the agency it was passed to. */
    private boolean awaitingSignIn;
    private FeeNoticeIssued unpaidFeeNotice;
    private LocalDate concludedOn;
    private Outcome outcome;
    /** The personal data's state under 个人信息保护法 第四十七条 (docs/personal-data.md). */
    private LocalDate sealedOn;
    private boolean unsealed;
    private boolean erased;

    private Application(ApplicationReceived receipt) {
        this.receipt = receipt;
        this.receivedOn = receipt.receivedOn();
        this.applicantType = receipt.applicantType();
        this.channel = receipt.channel();
        this.agencyId = receipt.agencyId();
    }

    static Application from(ApplicationReceived receipt) {
        return new Application(receipt);
    }

    // ---- decisions ---------------------------------------------------------------------------

    static ApplicationReceived receive(ReceiveApplication c, LocalDate today) {
        notInFuture("receivedOn", c.receivedOn(), today);
        return new ApplicationReceived(c.applicationId(), c.agencyId(), c.receivedOn(), c.channel(),
                                       c.applicantType(), c.applicant(), c.request());
    }

    /** A repeat of the receipt is harmless only when it says exactly what was recorded. */
    void confirmRepeatedReceipt(ReceiveApplication c) {
        ApplicationReceived repeated = new ApplicationReceived(c.applicationId(), c.agencyId(), c.receivedOn(),
                                                               c.channel(), c.applicantType(), c.applicant(),
                                                               c.request());
        if (!repeated.equals(receipt)) {
            throw Refusal.conflict("该申请编号已用于另一份申请 (this applicationId was already used for a different application)");
        }
    }

    SupplementRequested requestSupplement(RequestSupplement c, LocalDate today) {
        stillOpen();
        stepDate("requestedOn", c.requestedOn(), today);
        // 第三十条: the agency may ask for a supplement once, and only before one was received.
        if (supplementRequestedOn != null) {
            throw Refusal.conflict("补正只能要求一次 (a supplement can be requested only once)");
        }
        if (c.replyBy().isBefore(c.requestedOn())) {
            throw Refusal.invalid("replyBy", "补正期限早于补正要求日期 (replyBy is before requestedOn)");
        }
        return new SupplementRequested(c.applicationId(), c.requestedOn(), c.replyBy(), c.note());
    }

    /**
     * 第三十条: a supplement is asked for within 7 working days of receipt. A later request is recorded
     * all the same (docs/lifecycle.md, "What may happen before the answer": warn, do not refuse), with this warning for
     * the clerk; so is one whose deadline cannot be checked because the calendar lacks a year (never guessed).
     */
    List<String> supplementRequestWarnings(RequestSupplement c, WorkingDayCalendar calendar) {
        LocalDate deadline;
        try {
            deadline = calendar.addWorkingDays(receivedOn, ReplyClock.SUPPLEMENT_REQUEST_WORKING_DAYS);
        } catch (UnknownCalendarYear e) {
            return List.of("无法核对补正要求是否在收到申请后 " + ReplyClock.SUPPLEMENT_REQUEST_WORKING_DAYS + " 个工作日内："
                           + e.getMessage());
        }
        if (c.requestedOn().isAfter(deadline)) {
            return List.of("补正要求晚于收到申请后第 " + ReplyClock.SUPPLEMENT_REQUEST_WORKING_DAYS + " 个工作日（" + deadline
                           + "），已登记 (第三十条: a supplement should be requested within "
                           + ReplyClock.SUPPLEMENT_REQUEST_WORKING_DAYS + " working days of receipt, i.e. by " + deadline
                           + "; the request was recorded)");
        }
        return List.of();
    }

    /** The date of receipt as it stands (corrections included). */
    LocalDate receivedOn() {
        return receivedOn;
    }

    SupplementReceived receiveSupplement(ReceiveSupplement c, LocalDate today) {
        stillOpen();
        notInFuture("receivedOn", c.receivedOn(), today);
        if (supplementRequestedOn == null) {
            throw Refusal.conflict("未要求补正，无法登记补正材料 (no supplement was requested)");
        }
        if (supplementReceivedOn != null) {
            throw Refusal.conflict("补正材料已登记 (the supplement was already received)");
        }
        notBefore("receivedOn", c.receivedOn(), supplementRequestedOn, "补正要求日期 (the supplement request)");
        return new SupplementReceived(c.applicationId(), c.receivedOn());
    }

    ConsultationStarted startConsultation(StartConsultation c, LocalDate today) {
        stillOpen();
        stepDate("startedOn", c.startedOn(), today);
        if (consultationStartedOn != null) {
            throw Refusal.conflict("征求意见尚未结束 (a consultation is already under way)");
        }
        return new ConsultationStarted(c.applicationId(), c.startedOn(), c.party());
    }

    ConsultationEnded endConsultation(EndConsultation c, LocalDate today) {
        stillOpen();
        notInFuture("endedOn", c.endedOn(), today);
        if (consultationStartedOn == null) {
            throw Refusal.conflict("没有进行中的征求意见 (no consultation is under way)");
        }
        notBefore("endedOn", c.endedOn(), consultationStartedOn, "征求意见开始日期 (the start of the consultation)");
        return new ConsultationEnded(c.applicationId(), c.endedOn());
    }

    /** An extension decided by the head of the office themselves (the route is only open to them, see the controller). */
    ReplyPeriodExtended extend(ExtendReplyPeriod c, LocalDate today) {
        stillOpen();
        stepDate("extendedOn", c.extendedOn(), today);
        extensionLength(c.workingDays());
        if (pendingExtension != null) {
            throw Refusal.conflict("已有待审批的延期申请，请先审批 (an extension request is awaiting a decision)");
        }
        return new ReplyPeriodExtended(c.applicationId(), c.extendedOn(), c.workingDays(), c.reason());
    }

    /** 第三十三条: the extension needs the approval of the head of the office; the clerk asks for it. */
    ExtensionRequested requestExtension(ApplicationCommands.RequestExtension c, LocalDate today) {
        stillOpen();
        stepDate("requestedOn", c.requestedOn(), today);
        extensionLength(c.workingDays());
        if (pendingExtension != null) {
            throw Refusal.conflict("已有待审批的延期申请 (an extension request is awaiting the head of the office)");
        }
        return new ExtensionRequested(c.applicationId(), c.requestedOn(), c.workingDays(), c.reason());
    }

    /** The approval, and the extension it grants: only an approved extension moves the due date. */
    List<ApplicationEvent> approveExtension(ApplicationCommands.ApproveExtension c, LocalDate today) {
        ExtensionRequested request = extensionToDecide("approvedOn", c.approvedOn(), today);
        extensionLength(request.workingDays());
        return List.of(new ExtensionApproved(c.applicationId(), c.approvedOn(), request.workingDays(), c.note()),
                       new ReplyPeriodExtended(c.applicationId(), c.approvedOn(), request.workingDays(), request.reason()));
    }

    ExtensionRefused refuseExtension(ApplicationCommands.RefuseExtension c, LocalDate today) {
        extensionToDecide("refusedOn", c.refusedOn(), today);
        if (c.reason() == null || c.reason().isBlank()) {
            throw Refusal.invalid("reason", "不同意延期须说明理由 (a refusal needs a reason)");
        }
        return new ExtensionRefused(c.applicationId(), c.refusedOn(), c.reason());
    }

    private ExtensionRequested extensionToDecide(String field, LocalDate decidedOn, LocalDate today) {
        stillOpen();
        if (pendingExtension == null) {
            throw Refusal.conflict("没有待审批的延期申请 (no extension request is awaiting a decision)");
        }
        notInFuture(field, decidedOn, today);
        notBefore(field, decidedOn, pendingExtension.requestedOn(), "延期申请日期 (the extension request)");
        return pendingExtension;
    }

    /** 第三十三条: one extension, of 1 to 20 working days. */
    private void extensionLength(int workingDays) {
        if (workingDays < 1) {
            throw Refusal.invalid("workingDays", "延期天数至少为 1 个工作日 (workingDays must be at least 1)");
        }
        if (extended) {
            throw Refusal.conflict("答复期限只能延长一次 (the reply period can be extended only once)");
        }
        if (workingDays > MAX_EXTENSION_WORKING_DAYS) {
            throw Refusal.conflict("延长期限最长不超过 20 个工作日 (an extension is at most 20 working days)");
        }
    }

    /**
     * 转办: an open application goes to the agency competent to answer it, which then holds it (and counts it in
     * table 三); the date of receipt and the reply period stay (docs/lifecycle.md, "Sign-in and transfer").
     */
    ApplicationTransferred transfer(ApplicationCommands.TransferApplication c, LocalDate today, Agencies agencies) {
        stillOpen();
        stepDate("transferredOn", c.transferredOn(), today);
        if (awaitingSignIn) {
            throw Refusal.conflict("申请尚未签收，不能转办 (the application must be signed for before it is passed on)");
        }
        if (c.toAgencyId() == null || c.toAgencyId().equals(agencyId)) {
            throw Refusal.invalid("toAgencyId", "须转至另一机关 (toAgencyId must name another agency)");
        }
        if (!agencies.exists(c.toAgencyId())) {
            throw Refusal.invalid("toAgencyId", "没有该机关 (no agency " + c.toAgencyId() + ")");
        }
        if (c.reason() == null || c.reason().isBlank()) {
            throw Refusal.invalid("reason", "转办须说明理由 (a transfer needs a reason)");
        }
        return new ApplicationTransferred(c.applicationId(), agencyId, c.toAgencyId(), c.transferredOn(), c.reason());
    }

    ApplicationSignedFor signFor(ApplicationCommands.SignForApplication c, LocalDate today) {
        stillOpen();
        if (!awaitingSignIn) {
            throw Refusal.conflict("申请无需签收 (the application is not awaiting sign-in)");
        }
        stepDate("signedOn", c.signedOn(), today);
        notBefore("signedOn", c.signedOn(), latestStepOn, "转办日期 (the transfer)");
        return new ApplicationSignedFor(c.applicationId(), agencyId, c.signedOn());
    }

    FeeNoticeIssued issueFeeNotice(IssueFeeNotice c, LocalDate today) {
        stillOpen();
        stepDate("issuedOn", c.issuedOn(), today);
        if (c.amountYuan().signum() <= 0) {
            throw Refusal.invalid("amountYuan", "收费金额必须大于零 (amountYuan must be positive)");
        }
        if (c.payBy().isBefore(c.issuedOn())) {
            throw Refusal.invalid("payBy", "缴费期限早于收费通知日期 (payBy is before issuedOn)");
        }
        if (unpaidFeeNotice != null) {
            throw Refusal.conflict("已有未缴纳的收费通知 (a fee notice is still unpaid)");
        }
        return new FeeNoticeIssued(c.applicationId(), c.issuedOn(), c.amountYuan(), c.payBy());
    }

    FeePaid recordFeePayment(RecordFeePayment c, LocalDate today) {
        stillOpen();
        notInFuture("paidOn", c.paidOn(), today);
        if (unpaidFeeNotice == null) {
            throw Refusal.conflict("没有待缴纳的收费通知 (no fee notice is awaiting payment)");
        }
        notBefore("paidOn", c.paidOn(), unpaidFeeNotice.issuedOn(), "收费通知日期 (the fee notice)");
        return new FeePaid(c.applicationId(), c.paidOn());
    }

    ApplicationWithdrawn withdraw(WithdrawApplication c, LocalDate today) {
        stillOpen();
        notInFuture("withdrawnOn", c.withdrawnOn(), today);
        notBefore("withdrawnOn", c.withdrawnOn(), lastRecordedOn(), "已登记的办理步骤 (a step already recorded)");
        return new ApplicationWithdrawn(c.applicationId(), c.withdrawnOn());
    }

    ApplicationConcluded conclude(ConcludeApplication c, LocalDate today) {
        stillOpen();
        notInFuture("concludedOn", c.concludedOn(), today);
        notBefore("concludedOn", c.concludedOn(), receivedOn, "收到申请之日 (the date of receipt)");
        notBefore("concludedOn", c.concludedOn(), lastRecordedOn(), "已登记的办理步骤 (a step already recorded)");
        List<Outcome> reasons = c.withheldReasons() == null ? List.of() : c.withheldReasons();
        checkWithheldReasons(c.outcome(), reasons);
        // 第三十条: only an applicant who was asked to supplement can fail to do so.
        if (c.outcome() == Outcome.OTHER_SUPPLEMENT_OVERDUE
                && (supplementRequestedOn == null || supplementReceivedOn != null)) {
            throw Refusal.conflict("没有待补正的要求，不能以逾期不补正办结 (no supplement request is outstanding)");
        }
        // 第四十二条: only an applicant sent a fee notice can fail to pay it.
        if (c.outcome() == Outcome.OTHER_FEE_UNPAID && unpaidFeeNotice == null) {
            throw Refusal.conflict("没有未缴纳的收费通知，不能以逾期未缴费办结 (no fee notice is unpaid)");
        }
        return new ApplicationConcluded(c.applicationId(), c.concludedOn(), c.outcome(), reasons, c.note());
    }

    /**
     * A corrected reconsideration or judgment obliges the agency to answer again (行政复议法第六十四条,
     * 行政诉讼法第七十条): only an answered application can be reopened, not before its answer.
     */
    ApplicationReopened reopen(ApplicationCommands.ReopenApplication c, LocalDate today, RecordedDecisions decisions) {
        new CorrectingDecisions(decisions).requireCorrected(receipt.applicationId(), agencyId, c.reviewId(),
                                                            c.lawsuitId());
        notInFuture("reopenedOn", c.reopenedOn(), today);
        if (concludedOn == null) {
            throw Refusal.conflict("申请尚未办结，无需重新答复 (the application is not answered: nothing to reopen)");
        }
        notBefore("reopenedOn", c.reopenedOn(), concludedOn, "答复日期 (the answer)");
        return new ApplicationReopened(receipt.applicationId(), c.reopenedOn(), c.reviewId(), c.lawsuitId(), c.reason());
    }

    ApplicationCorrected correct(CorrectApplication c, LocalDate today) {
        CorrectedField field = parse("field", c.field(), CorrectedField.class);
        if (c.reason() == null || c.reason().isBlank()) {
            throw Refusal.invalid("reason", "更正必须说明理由 (a correction needs a reason)");
        }
        List<Outcome> reasons = c.withheldReasons() == null ? List.of() : c.withheldReasons();
        String oldValue;
        String newValue;
        switch (field) {
            case applicantType -> {
                oldValue = applicantType.name();
                newValue = parse("value", c.value(), ApplicantType.class).name();
            }
            case channel -> {
                oldValue = channel.name();
                newValue = parse("value", c.value(), Channel.class).name();
            }
            case receivedOn -> {
                LocalDate corrected = parseDate(c.value());
                notInFuture("value", corrected, today);
                LocalDate firstAfterReceipt = earliestStepOn;
                if (concludedOn != null && (firstAfterReceipt == null || concludedOn.isBefore(firstAfterReceipt))) {
                    firstAfterReceipt = concludedOn;
                }
                if (firstAfterReceipt != null && corrected.isAfter(firstAfterReceipt)) {
                    throw Refusal.conflict("收到申请之日不能晚于已登记的办理步骤 (" + firstAfterReceipt
                                           + ") (the date of receipt cannot follow a recorded step)");
                }
                oldValue = receivedOn.toString();
                newValue = corrected.toString();
            }
            case outcome -> {
                concludedAlready();
                Outcome corrected = parse("value", c.value(), Outcome.class);
                checkWithheldReasons(corrected, reasons);
                oldValue = outcome.name();
                newValue = corrected.name();
            }
            case concludedOn -> {
                concludedAlready();
                LocalDate corrected = parseDate(c.value());
                notInFuture("value", corrected, today);
                notBefore("value", corrected, receivedOn, "收到申请之日 (the date of receipt)");
                if (latestStepOn != null) {
                    notBefore("value", corrected, latestStepOn, "已登记的办理步骤 (a step already recorded)");
                }
                oldValue = concludedOn.toString();
                newValue = corrected.toString();
            }
            default -> throw new IllegalStateException("unhandled field " + field);
        }
        if (field != CorrectedField.outcome && !reasons.isEmpty()) {
            throw Refusal.invalid("withheldReasons", "只有更正办理结果时才能填写不公开理由 (withheldReasons go only with an outcome correction)");
        }
        if (oldValue.equals(newValue) && reasons.isEmpty()) {
            throw Refusal.conflict("更正后的值与现有值相同 (the value is already " + newValue + ")");
        }
        return new ApplicationCorrected(receipt.applicationId(), today, field, oldValue, newValue, reasons,
                                        c.reason());
    }

    // ---- personal data (个人信息保护法 第四十七条, docs/personal-data.md) ------------------------

    /**
     * Erased at the clerk's (or an admin's) request on a stated basis, or by the retention job once the
     * case has been sealed {@code eraseAfterSealed} and nobody unsealed it. Erasure is final.
     */
    PersonalDataErased erasePersonalData(ErasePersonalData c, LocalDate today) {
        if (erased) {
            throw Refusal.conflict("申请人的个人信息已删除 (the personal data is erased already)");
        }
        if (c.basis() == null) {
            throw Refusal.invalid("basis", "须说明删除依据 (basis is one of " + List.of(ErasureBasis.values()) + ")");
        }
        if (c.note() != null && c.note().length() > 500) {
            throw Refusal.invalid("note", "说明不超过 500 字 (note is at most 500 characters)");
        }
        if (c.byRetention() && (sealedOn == null || unsealed || sealedOn.plus(c.eraseAfterSealed()).isAfter(today))) {
            throw Refusal.conflict("按保存期限删除须在封存期满之后 (not sealed long enough to be erased by retention)");
        }
        return new PersonalDataErased(receipt.applicationId(), today, c.basis(), c.note(), c.byRetention());
    }

    /** Sealed once the case has ended {@code retention} ago; a case unsealed or erased is left alone. */
    PersonalDataSealed sealPersonalData(SealPersonalData c, LocalDate today) {
        if (erased || sealedOn != null || unsealed) {
            throw Refusal.conflict("个人信息已封存、已解封或已删除 (the personal data is sealed, unsealed or erased already)");
        }
        if (concludedOn == null || concludedOn.plus(c.retention()).isAfter(today)) {
            throw Refusal.conflict("案件办结后保存期限未满 (the retention period after the case ended has not run out)");
        }
        return new PersonalDataSealed(receipt.applicationId(), today, concludedOn, c.retention().toString());
    }

    PersonalDataUnsealed unsealPersonalData(UnsealPersonalData c, LocalDate today) {
        if (erased || sealedOn == null || unsealed) {
            throw Refusal.conflict("个人信息未封存 (the personal data is not sealed)");
        }
        if (c.reason() == null || c.reason().isBlank() || c.reason().length() > 500) {
            throw Refusal.invalid("reason", "须说明解封的法定理由，不超过 500 字 (reason is required, at most 500 characters)");
        }
        return new PersonalDataUnsealed(receipt.applicationId(), today, c.reason().strip());
    }

    // ---- state --------------------------------------------------------------------------------

    void apply(ApplicationEvent event) {
        // What happens to the personal data is no step of handling the case: no date of it bounds another.
        if (event instanceof PersonalDataErased) {
            erased = true;
            receipt = new ApplicationReceived(receipt.applicationId(), receipt.agencyId(), receipt.receivedOn(),
                                              receipt.channel(), receipt.applicantType(), null, null);
            return;
        } else if (event instanceof PersonalDataSealed e) {
            sealedOn = e.sealedOn();
            return;
        } else if (event instanceof PersonalDataUnsealed) {
            unsealed = true;
            return;
        }
        if (event instanceof SupplementRequested e) {
            supplementRequestedOn = e.requestedOn();
        } else if (event instanceof SupplementReceived e) {
            supplementReceivedOn = e.receivedOn();
        } else if (event instanceof ConsultationStarted e) {
            consultationStartedOn = e.startedOn();
        } else if (event instanceof ConsultationEnded) {
            consultationStartedOn = null;
        } else if (event instanceof ReplyPeriodExtended) {
            extended = true;
        } else if (event instanceof ExtensionRequested e) {
            pendingExtension = e;
        } else if (event instanceof ExtensionApproved || event instanceof ExtensionRefused) {
            pendingExtension = null;
        } else if (event instanceof ApplicationTransferred e) {
            agencyId = e.toAgencyId();
            awaitingSignIn = true;
        } else if (event instanceof ApplicationSignedFor) {
            awaitingSignIn = false;
        } else if (event instanceof FeeNoticeIssued e) {
            unpaidFeeNotice = e;
        } else if (event instanceof FeePaid) {
            unpaidFeeNotice = null;
        } else if (event instanceof ApplicationWithdrawn e) {
            concludedOn = e.withdrawnOn();
            outcome = Outcome.OTHER_OTHER; // counting rule 4: a withdrawal counts under 其他
            return;
        } else if (event instanceof ApplicationConcluded e) {
            concludedOn = e.concludedOn();
            outcome = e.outcome();
            return;
        } else if (event instanceof ApplicationCorrected e) {
            applyCorrection(e);
            return;
        } else if (event instanceof ApplicationReopened) {
            // Open again for the new answer; what it was asked and how the first answer came about stay.
            concludedOn = null;
            outcome = null;
            consultationStartedOn = null;
            unpaidFeeNotice = null;
        }
        if (latestStepOn == null || event.businessDate().isAfter(latestStepOn)) {
            latestStepOn = event.businessDate();
        }
        if (earliestStepOn == null || event.businessDate().isBefore(earliestStepOn)) {
            earliestStepOn = event.businessDate();
        }
    }

    private void applyCorrection(ApplicationCorrected e) {
        switch (e.field()) {
            case applicantType -> applicantType = ApplicantType.valueOf(e.newValue());
            case channel -> channel = Channel.valueOf(e.newValue());
            case receivedOn -> receivedOn = LocalDate.parse(e.newValue());
            case outcome -> outcome = Outcome.valueOf(e.newValue());
            case concludedOn -> concludedOn = LocalDate.parse(e.newValue());
        }
    }

    /** The latest date recorded before an answer: the receipt or a later step. */
    private LocalDate lastRecordedOn() {
        return latestStepOn == null || latestStepOn.isBefore(receivedOn) ? receivedOn : latestStepOn;
    }

    /** The agency that holds the application now (it may have been transferred). */
    String agencyId() {
        return agencyId;
    }

    // ---- checks shared by the decisions -------------------------------------------------------

    private void stillOpen() {
        if (concludedOn != null) {
            throw Refusal.conflict("申请已办结，只能登记更正 (the application is concluded: only a correction can be recorded)");
        }
    }

    /** Every step of the work on the application waits until the agency it was passed to has signed for it. */
    void requireSignedFor() {
        if (awaitingSignIn) {
            throw Refusal.conflict("申请已转至本机关，请先签收 (the application was passed to this agency: sign for it first)");
        }
    }

    private void concludedAlready() {
        if (concludedOn == null) {
            throw Refusal.conflict("申请尚未办结，没有可更正的办理结果 (the application is not concluded yet)");
        }
    }

    /** A step's date: not in the future, and not before the application was received. */
    private void stepDate(String field, LocalDate date, LocalDate today) {
        notInFuture(field, date, today);
        notBefore(field, date, receivedOn, "收到申请之日 (the date of receipt)");
    }

    private static void checkWithheldReasons(Outcome outcome, List<Outcome> reasons) {
        if (outcome == Outcome.PARTIALLY_DISCLOSED) {
            if (reasons.isEmpty()) {
                throw Refusal.invalid("withheldReasons", "部分公开须说明不公开部分的理由 (PARTIALLY_DISCLOSED needs withheldReasons)");
            }
            for (Outcome reason : reasons) {
                if (reason == null || !reason.isWithheldReason()) {
                    throw Refusal.invalid("withheldReasons", "不公开理由只能取自不予公开或无法提供的情形 (" + reason
                                                             + " is not a WITHHELD_* or UNAVAILABLE_* key)");
                }
            }
        } else if (!reasons.isEmpty()) {
            throw Refusal.invalid("withheldReasons", "只有部分公开才填写不公开理由 (withheldReasons go only with PARTIALLY_DISCLOSED)");
        }
    }

    private static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, Objects.requireNonNull(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw Refusal.invalid(field, "不是有效的取值 (" + value + " is not one of " + List.of(type.getEnumConstants()) + ")");
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(Objects.requireNonNull(value));
        } catch (DateTimeParseException | NullPointerException e) {
            throw Refusal.invalid("value", "不是有效的日期 (" + value + " is not a date YYYY-MM-DD)");
        }
    }
}
