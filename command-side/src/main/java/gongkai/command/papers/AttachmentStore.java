package gongkai.command.papers;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bytes of the files attached to cases ({@code command_side.attachment_content}), outside the event
 * table. Written in the transaction of the command that records the file's event, so that there is never
 * an event without its bytes, nor bytes without their event.
 */
@Component
public class AttachmentStore {

    private final JdbcTemplate jdbc;

    public AttachmentStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a file's bytes; the same attachment stored again (a retried command) replaces them. */
    public void put(String attachmentId, String applicationId, byte[] content) {
        jdbc.update("insert into attachment_content (attachment_id, application_id, content) values (?, ?, ?)"
                    + " on conflict (attachment_id) do update set content = excluded.content, erased_at = null",
                    attachmentId, applicationId, content);
    }

    /**
     * Erases the bytes of every file of a case (their content is personal data where the case's is): the
     * events stay, naming files whose content is gone, and verification reports them as erased, not damaged.
     * Returns how many files were erased.
     */
    public int eraseFilesOf(String applicationId) {
        return jdbc.update("update attachment_content set content = null, erased_at = now()"
                           + " where application_id = ? and erased_at is null", applicationId);
    }
}
