package gongkai.events.application;

import gongkai.events.Personal;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** The agency asked the applicant, once, to make the request clear (补正, 第三十条); the reply clock stops. */
@Revision("1")
public record SupplementRequested(String applicationId, LocalDate requestedOn, LocalDate replyBy, @Personal String note) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return requestedOn;
    }
}
