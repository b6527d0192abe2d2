package gongkai.command.proactive;

import gongkai.command.Refusal;
import gongkai.command.proactive.DocumentCommands.IssueDocument;
import gongkai.command.proactive.DocumentCommands.RepealDocument;
import gongkai.events.proactive.DocumentEvent;
import gongkai.events.proactive.DocumentIssued;
import gongkai.events.proactive.DocumentRepealed;

import java.time.LocalDate;

import static gongkai.command.BusinessDates.notBefore;
import static gongkai.command.BusinessDates.notInFuture;

/**
 * One rule (规章) or normative document (行政规范性文件) of an agency, section 二's unit for
 * {@code issued}, {@code repealed} and {@code inForce}: issued on a date, repealed at most once and not
 * before it was issued. Plain Java, wired to Axon by {@link DocumentAggregate}.
 */
final class Document {

    private final DocumentIssued issue;
    private LocalDate repealedOn;

    private Document(DocumentIssued issue) {
        this.issue = issue;
    }

    static Document from(DocumentIssued issue) {
        return new Document(issue);
    }

    // ---- decisions ---------------------------------------------------------------------------

    static DocumentIssued issue(IssueDocument c, LocalDate today) {
        notInFuture("issuedOn", c.issuedOn(), today);
        return issued(c);
    }

    /** A repeat of the issue is harmless only when it says exactly what was recorded. */
    void confirmRepeatedIssue(IssueDocument c) {
        if (!issued(c).equals(issue)) {
            throw Refusal.conflict("该文件编号已用于另一份文件 (this documentId was already used for a different document)");
        }
    }

    DocumentRepealed repeal(RepealDocument c, LocalDate today) {
        notInFuture("repealedOn", c.repealedOn(), today);
        if (repealedOn != null) {
            throw Refusal.conflict("该文件已于 " + repealedOn + " 废止 (the document was already repealed)");
        }
        notBefore("repealedOn", c.repealedOn(), issue.issuedOn(), "制发日期 (the date of issue)");
        return new DocumentRepealed(c.documentId(), c.repealedOn());
    }

    // ---- state --------------------------------------------------------------------------------

    void apply(DocumentEvent event) {
        if (event instanceof DocumentRepealed e) {
            repealedOn = e.repealedOn();
        }
    }

    String agencyId() {
        return issue.agencyId();
    }

    private static DocumentIssued issued(IssueDocument c) {
        return new DocumentIssued(c.documentId(), c.agencyId(), c.kind(), c.title(), c.issuedOn());
    }
}
