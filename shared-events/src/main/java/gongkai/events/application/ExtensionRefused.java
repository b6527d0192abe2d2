package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The head of the disclosure office refused the extension requested: the due date stays; a new request may follow. */
@Revision("1")
public record ExtensionRefused(String applicationId, LocalDate refusedOn, String reason) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return refusedOn;
    }
}
