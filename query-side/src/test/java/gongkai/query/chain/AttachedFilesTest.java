package gongkai.query.chain;

import gongkai.events.papers.AttachmentAdded;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The file check finds the events of attached files by their stored type, written out for the command-line check. */
class AttachedFilesTest {

    @Test
    void theStoredTypeTheCheckLooksForIsTheAttachmentEvents() {
        assertThat(AttachedFiles.PAYLOAD_TYPE).isEqualTo(AttachmentAdded.class.getName());
    }
}
