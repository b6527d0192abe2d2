package gongkai.events.proactive;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The document was repealed (废止), once: {@code repealed} in the year of {@code repealedOn}, no longer in force from then. */
@Revision("1")
public record DocumentRepealed(String documentId, LocalDate repealedOn) implements DocumentEvent {

    @Override
    public LocalDate businessDate() {
        return repealedOn;
    }
}
