package gongkai.events.papers;

import gongkai.events.CaseEvent;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A file was added to an application's case: uploaded by a clerk, or a letter generated from a template
 * ({@code letter} names its kind; null for an upload). The event carries the content's SHA-256, so the hash
 * chain over the event store vouches for the file; the bytes are kept outside the event table, keyed by
 * {@code attachmentId}. Recorded in the application's own stream, so the case's history shows it.
 */
@Revision("1")
public record AttachmentAdded(String applicationId, String attachmentId, FileName fileName, String contentType,
                              long size, String sha256, String letter, LocalDate addedOn) implements CaseEvent {

    @Override
    public String caseId() {
        return applicationId;
    }

    @Override
    public LocalDate businessDate() {
        return addedOn;
    }
}
