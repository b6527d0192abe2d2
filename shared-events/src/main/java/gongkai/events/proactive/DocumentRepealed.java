package gongkai.events.proactive;

import java.time.LocalDate;

/** The document was repealed (废止), once: {@code repealed} in the year of {@code repealedOn}, no longer in force from then. */
public record DocumentRepealed(String documentId, LocalDate repealedOn) implements DocumentEvent {

    @Override
    public LocalDate businessDate() {
        return repealedOn;
    }
}
