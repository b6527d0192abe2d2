package gongkai.command.papers;

import gongkai.events.papers.FileName;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What a clerk can ask about the papers of an application; answered by the application's aggregate. */
public final class PapersCommands {

    private PapersCommands() {
    }

    /** A file uploaded to the case (its content type already told from its content by {@link AttachmentFiles}). */
    public record AddAttachment(@TargetAggregateIdentifier String applicationId, String attachmentId, FileName fileName,
                                String contentType, byte[] content) {

        @Override
        public String toString() {
            return "AddAttachment[" + applicationId + ", " + attachmentId + ", " + contentType + ", "
                   + content.length + " bytes]";
        }
    }

    /**
     * A file the applicant attached on the public form, its content type already told by {@link AttachmentFiles};
     * carried by the submission's own command, so that the submission and its files are recorded together or not at all.
     */
    public record SubmittedFile(String attachmentId, FileName fileName, String contentType, byte[] content) {

        @Override
        public String toString() {
            return "SubmittedFile[" + attachmentId + ", " + contentType + ", " + content.length + " bytes]";
        }
    }

    /** The letter of one kind the case owes the applicant, generated from its facts and kept as an attachment. */
    public record GenerateLetter(@TargetAggregateIdentifier String applicationId, String attachmentId, LetterKind kind) {
    }
}
