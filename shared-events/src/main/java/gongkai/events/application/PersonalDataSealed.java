package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The retention period after the case ended ({@code endedOn}) ran out, so the case's personal data is
 * sealed (个人信息保护法 第四十七条第二款): kept, shown to no one, until a clerk unseals it with a legal
 * reason ({@link PersonalDataUnsealed}) or it is erased. {@code retention} is the period applied (ISO 8601).
 */
@Revision("1")
public record PersonalDataSealed(String applicationId, LocalDate sealedOn, LocalDate endedOn, String retention)
        implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return sealedOn;
    }
}
