package gongkai.events.application;

import gongkai.events.Personal;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The head of the disclosure office refused the extension requested: the due date stays; a new request may follow.
 *
 * <p>Revision 2: the reason, free text that may name people, is personal data (stored encrypted under the case's
 * key, docs/personal-data.md); revision 1 stored it in clear and reads as it is (the field is unchanged).
 */
@Revision("2")
public record ExtensionRefused(String applicationId, LocalDate refusedOn, @Personal String reason) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return refusedOn;
    }
}
