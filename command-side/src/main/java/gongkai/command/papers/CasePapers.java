package gongkai.command.papers;

import gongkai.command.Refusal;
import gongkai.events.application.ApplicationConcluded;
import gongkai.events.application.ApplicationCorrected;
import gongkai.events.application.ApplicationEvent;
import gongkai.events.application.ApplicationReceived;
import gongkai.events.application.ApplicationReopened;
import gongkai.events.application.ApplicationWithdrawn;
import gongkai.events.application.ConsultationStarted;
import gongkai.events.application.FeeNoticeIssued;
import gongkai.events.application.Outcome;
import gongkai.events.application.ReplyPeriodExtended;
import gongkai.events.application.SupplementRequested;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The papers of one application: the facts its letters are written from (folded from its events, corrections
 * applied) and the files attached to it. Decides which letters the case owes ({@link #letter}): a 补正告知书 only
 * once a supplement was requested, an 答复书 only once answered, and so on. Plain Java, tested without a database.
 */
public final class CasePapers {

    /** A letter's fields, by the placeholder names a template uses ({@code {{agency}}}), and its file name. */
    public record Letter(LetterKind kind, String fileName, Map<String, String> fields) {
    }

    private ApplicationReceived receipt;
    private LocalDate receivedOn;
    private SupplementRequested supplement;
    private ConsultationStarted consultation;
    private ReplyPeriodExtended extension;
    private FeeNoticeIssued feeNotice;
    private LocalDate concludedOn;
    private Outcome outcome;
    private List<Outcome> withheldReasons = List.of();
    private boolean withdrawn;
    private final Set<String> attachments = new HashSet<>();

    public void apply(ApplicationEvent event) {
        if (event instanceof ApplicationReceived e) {
            receipt = e;
            receivedOn = e.receivedOn();
        } else if (event instanceof SupplementRequested e) {
            supplement = e;
        } else if (event instanceof ConsultationStarted e) {
            consultation = e;
        } else if (event instanceof ReplyPeriodExtended e) {
            extension = e;
        } else if (event instanceof FeeNoticeIssued e) {
            feeNotice = e;
        } else if (event instanceof ApplicationWithdrawn e) {
            concludedOn = e.withdrawnOn();
            withdrawn = true;
        } else if (event instanceof ApplicationConcluded e) {
            concludedOn = e.concludedOn();
            outcome = e.outcome();
            withheldReasons = e.withheldReasons() == null ? List.of() : e.withheldReasons();
            withdrawn = false;
        } else if (event instanceof ApplicationReopened) {
            concludedOn = null;
            outcome = null;
            withheldReasons = List.of();
        } else if (event instanceof ApplicationCorrected e) {
            switch (e.field()) {
                case receivedOn -> receivedOn = LocalDate.parse(e.newValue());
                case concludedOn -> concludedOn = LocalDate.parse(e.newValue());
                case outcome -> {
                    outcome = Outcome.valueOf(e.newValue());
                    withheldReasons = e.withheldReasons() == null ? List.of() : e.withheldReasons();
                }
                default -> {
                    // the applicant's type and the channel are not in any letter
                }
            }
        }
    }

    public void attached(String attachmentId) {
        attachments.add(attachmentId);
    }

    /** An attachment id names one file for good: it is never used for another. */
    public void requireNewAttachment(String attachmentId) {
        if (attachments.contains(attachmentId)) {
            throw Refusal.conflict("该附件编号已经使用 (this attachmentId is already used on this case)");
        }
    }

    /** The letter of this kind, from the case's facts; refused when the case does not owe it. */
    public Letter letter(LetterKind kind, String agencyName) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", kind.title());
        f.put("agency", agencyName);
        f.put("applicant", receipt.applicant().name());
        f.put("applicationId", receipt.applicationId());
        f.put("receivedOn", ChineseDates.format(receivedOn));
        f.put("request", receipt.request());
        LocalDate dated;
        switch (kind) {
            case RECEIPT -> dated = receivedOn;
            case SUPPLEMENT -> {
                owed(supplement != null, "尚未要求补正 (no supplement was requested)");
                dated = supplement.requestedOn();
                f.put("replyBy", ChineseDates.format(supplement.replyBy()));
                f.put("note", supplement.note() == null ? "" : supplement.note());
                f.put("article", "《中华人民共和国政府信息公开条例》第三十条");
            }
            case CONSULTATION -> {
                owed(consultation != null, "尚未征求第三方意见 (no consultation was started)");
                dated = consultation.startedOn();
                f.put("consultedParty", consultation.consultedParty());
                f.put("article", "《中华人民共和国政府信息公开条例》第三十二条");
            }
            case EXTENSION -> {
                owed(extension != null, "尚未延长答复期限 (the reply period was not extended)");
                dated = extension.extendedOn();
                f.put("workingDays", String.valueOf(extension.workingDays()));
                f.put("reason", extension.reason());
                f.put("article", "《中华人民共和国政府信息公开条例》第三十三条第二款");
            }
            case FEE -> {
                owed(feeNotice != null, "尚未发出收费通知 (no fee notice was issued)");
                dated = feeNotice.issuedOn();
                f.put("amountYuan", feeNotice.amountYuan().toPlainString());
                f.put("payBy", ChineseDates.format(feeNotice.payBy()));
                f.put("article", "《中华人民共和国政府信息公开条例》第四十二条");
            }
            case ANSWER -> {
                owed(outcome != null && !withdrawn, "申请尚未答复 (the application has not been answered)");
                dated = concludedOn;
                LegalBasis.Basis basis = LegalBasis.of(outcome);
                f.put("outcome", outcome.label());
                f.put("article", basis.article());
                f.put("decision", basis.decision());
                f.put("withheld", withheldReasons.stream()
                        .map(r -> LegalBasis.of(r).decision() + "（" + LegalBasis.of(r).article() + "）")
                        .collect(Collectors.joining("")));
                f.put("remedies", LegalBasis.REMEDIES);
            }
            default -> throw new IllegalStateException("unhandled letter " + kind);
        }
        f.put("date", ChineseDates.format(dated));
        return new Letter(kind, kind.title() + "-" + dated + ".docx", f);
    }

    private static void owed(boolean owed, String why) {
        if (!owed) {
            throw Refusal.conflict("该案件不需要这份文书：" + why);
        }
    }
}
