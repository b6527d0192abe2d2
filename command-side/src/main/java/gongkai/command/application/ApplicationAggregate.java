package gongkai.command.application;

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
import gongkai.command.eventstore.CaseRecorder;
import gongkai.command.personal.DataKeyShredder;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationSubmitted;
import gongkai.events.application.SubmissionReturned;
import gongkai.command.Refusal;
import gongkai.events.application.SupplementRequested;
import gongkai.command.papers.AttachmentFiles;
import gongkai.command.papers.AttachmentStore;
import gongkai.command.papers.CasePapers;
import gongkai.command.papers.DocxLetters;
import gongkai.command.papers.LetterTemplates;
import gongkai.command.papers.PapersCommands;
import gongkai.command.papers.PapersCommands.AddAttachment;
import gongkai.command.papers.PapersCommands.GenerateLetter;
import gongkai.events.papers.AttachmentAdded;
import gongkai.events.papers.FileName;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Axon's wiring of an {@link Application}: each command handler asks the plain-Java rules for the
 * event and records it; the one event-sourcing handler only changes state.
 */
@Aggregate(cache = "applicationCache")
public class ApplicationAggregate {

    @AggregateIdentifier
    private String applicationId;
    private Application application;
    /** Submitted online and not yet confirmed; null otherwise. */
    private OnlineSubmission submission;

    /** What an agency may do with an application passed to it before it signs for it. */
    private static final Set<Class<?>> SIGN_IN_NOT_NEEDED = Set.of(
            ReceiveApplication.class, ApplicationCommands.SignForApplication.class, CorrectApplication.class);
    /** The facts the case's letters are written from, and its files. */
    private CasePapers papers = new CasePapers();

    protected ApplicationAggregate() {
        // for Axon: rebuilt from its events
    }

    /** Idempotent: a repeat of the same receipt writes nothing; the same id with other content is refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Receipt handle(ReceiveApplication command, Clock clock) {
        if (submission != null && application == null) {
            throw Refusal.conflict("该申请编号已用于一份网上申请 (this applicationId belongs to a submission made online)");
        }
        if (application != null) {
            application.confirmRepeatedReceipt(command);
            return new Receipt(command.applicationId(), false);
        }
        record(Application.receive(command, today(clock)), command.agencyId());
        return new Receipt(command.applicationId(), true);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ApplicationCommands.SubmitOnline command, Clock clock, AttachmentStore store) {
        if (application != null || submission != null) {
            throw Refusal.conflict("该申请编号已被使用 (this applicationId is taken)");
        }
        record(OnlineSubmission.submit(command, clock.instant(), today(clock)), command.agencyId());
        for (PapersCommands.SubmittedFile file : command.files()) {
            attach(file.attachmentId(), file.fileName(), file.contentType(), file.content(), null, command.agencyId(),
                   clock, store);
        }
    }

    @CommandHandler
    public void handle(ApplicationCommands.ConfirmSubmission command, Clock clock) {
        record(submission.confirm(command, today(clock)), submission.agencyId());
    }

    @CommandHandler
    public void handle(ApplicationCommands.ReturnSubmission command, Clock clock) {
        record(submission.returnToApplicant(command, today(clock)), submission.agencyId());
    }

    /**
     * Returns the warnings for the clerk (a request after the 7th working day is recorded, and warned
     * about), counted on the calendar as published ({@link PublishedCalendars}).
     */
    @CommandHandler
    public List<String> handle(RequestSupplement command, Clock clock, PublishedCalendars calendars) {
        SupplementRequested requested = application.requestSupplement(command, today(clock));
        int receiptYear = application.receivedOn().getYear();
        List<String> warnings = application.supplementRequestWarnings(
                command, calendars.covering(receiptYear, receiptYear + 1));
        record(requested);
        return warnings;
    }

    @CommandHandler
    public void handle(ReceiveSupplement command, Clock clock) {
        record(application.receiveSupplement(command, today(clock)));
    }

    @CommandHandler
    public void handle(StartConsultation command, Clock clock) {
        record(application.startConsultation(command, today(clock)));
    }

    @CommandHandler
    public void handle(EndConsultation command, Clock clock) {
        record(application.endConsultation(command, today(clock)));
    }

    @CommandHandler
    public void handle(ExtendReplyPeriod command, Clock clock) {
        record(application.extend(command, today(clock)));
    }

    @CommandHandler
    public void handle(ApplicationCommands.RequestExtension command, Clock clock) {
        record(application.requestExtension(command, today(clock)));
    }

    /** Records the approval and the extension it grants, in one unit of work. */
    @CommandHandler
    public void handle(ApplicationCommands.ApproveExtension command, Clock clock) {
        application.approveExtension(command, today(clock)).forEach(this::record);
    }

    @CommandHandler
    public void handle(ApplicationCommands.RefuseExtension command, Clock clock) {
        record(application.refuseExtension(command, today(clock)));
    }

    /** Recorded under the agency that passes the application on; from then on the receiving agency holds it. */
    @CommandHandler
    public void handle(ApplicationCommands.TransferApplication command, Clock clock, Agencies agencies) {
        record(application.transfer(command, today(clock), agencies));
    }

    @CommandHandler
    public void handle(ApplicationCommands.SignForApplication command, Clock clock) {
        record(application.signFor(command, today(clock)));
    }

    @CommandHandler
    public void handle(IssueFeeNotice command, Clock clock) {
        record(application.issueFeeNotice(command, today(clock)));
    }

    @CommandHandler
    public void handle(RecordFeePayment command, Clock clock) {
        record(application.recordFeePayment(command, today(clock)));
    }

    @CommandHandler
    public void handle(WithdrawApplication command, Clock clock) {
        record(application.withdraw(command, today(clock)));
    }

    @CommandHandler
    public void handle(ConcludeApplication command, Clock clock) {
        record(application.conclude(command, today(clock)));
    }

    /** Reopened only on a decision that corrected the answer, read through {@link RecordedDecisions}. */
    @CommandHandler
    public void handle(ApplicationCommands.ReopenApplication command, Clock clock, RecordedDecisions decisions) {
        record(application.reopen(command, today(clock), decisions));
    }

    @CommandHandler
    public void handle(CorrectApplication command, Clock clock) {
        record(application.correct(command, today(clock)));
    }

    /** The case's data key is destroyed in the same transaction as the event is stored (docs/personal-data.md). */
    @CommandHandler
    public void handle(ApplicationCommands.ErasePersonalData command, Clock clock, DataKeyShredder shredder) {
        record(application.erasePersonalData(command, today(clock)));
        shredder.destroyKeyOf(applicationId);
    }

    @CommandHandler
    public void handle(ApplicationCommands.SealPersonalData command, Clock clock) {
        record(application.sealPersonalData(command, today(clock)));
    }

    @CommandHandler
    public void handle(ApplicationCommands.UnsealPersonalData command, Clock clock) {
        record(application.unsealPersonalData(command, today(clock)));
    }

    /** A file uploaded by a clerk: its bytes stored in the same transaction as its event. */
    @CommandHandler
    public void handle(AddAttachment command, Clock clock, AttachmentStore store) {
        attach(command.attachmentId(), command.fileName(), command.contentType(), command.content(), null,
               application.agencyId(), clock, store);
    }

    /** A letter the case owes, generated from its facts on the agency's template and kept as a file of the case. */
    @CommandHandler
    public void handle(GenerateLetter command, Clock clock, LetterTemplates templates, AttachmentStore store) {
        CasePapers.Letter letter = papers.letter(command.kind(), templates.agencyName(application.agencyId()));
        byte[] docx = DocxLetters.fill(templates.template(application.agencyId(), command.kind()), letter.fields());
        attach(command.attachmentId(), new FileName(letter.fileName()), AttachmentFiles.DOCX, docx, command.kind().name(),
               application.agencyId(), clock, store);
    }

    /** A file of the case, recorded under {@code agencyId} (the case's, or the submission's before it is confirmed). */
    private void attach(String attachmentId, FileName name, String contentType, byte[] content, String letter,
                        String agencyId, Clock clock, AttachmentStore store) {
        papers.requireNewAttachment(attachmentId);
        store.put(attachmentId, applicationId, content);
        CaseRecorder.record(new AttachmentAdded(applicationId, attachmentId, name, contentType, content.length,
                                                AttachmentFiles.sha256(content), letter, today(clock)),
                            agencyId);
    }

    /** A clerk acts only on the cases of their own agency; others' cases are not even revealed. */
    @CommandHandlerInterceptor
    public Object onlyOwnAgency(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        String holder = application != null ? application.agencyId() : submission != null ? submission.agencyId() : null;
        CaseRecorder.requireOwnAgency(command, holder, "application", applicationId);
        Class<?> type = command.getPayloadType();
        boolean aboutTheSubmission = type == ApplicationCommands.ConfirmSubmission.class
                                     || type == ApplicationCommands.ReturnSubmission.class;
        if (application == null && submission != null && !aboutTheSubmission && type != ReceiveApplication.class
                && type != ApplicationCommands.SubmitOnline.class) {
            throw OnlineSubmission.notYetConfirmed();
        }
        if (application != null && aboutTheSubmission) {
            throw Refusal.conflict("网上申请已确认收到 (the submission was already confirmed)");
        }
        if (application != null && !SIGN_IN_NOT_NEEDED.contains(type)) {
            application.requireSignedFor();
        }
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(ApplicationEvent event) {
        if (event instanceof ApplicationSubmitted submitted) {
            applicationId = submitted.applicationId();
            submission = new OnlineSubmission(submitted);
        } else if (event instanceof SubmissionReturned returned) {
            submission.apply(returned);
        } else if (event instanceof ApplicationReceived received) {
            applicationId = received.applicationId();
            application = Application.from(received);
        } else {
            application.apply(event);
        }
        papers.apply(event);
    }

    @EventSourcingHandler
    void on(AttachmentAdded event) {
        papers.attached(event.attachmentId());
    }

    private void record(ApplicationEvent event) {
        record(event, application.agencyId());
    }

    private static void record(ApplicationEvent event, String agencyId) {
        CaseRecorder.record(event, agencyId);
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }
}
