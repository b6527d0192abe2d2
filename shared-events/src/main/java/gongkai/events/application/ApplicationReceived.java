package gongkai.events.application;

import gongkai.events.Personal;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * An application was received (第三十一条). {@code receivedOn} is the date of receipt that the law
 * defines for the channel: handed in, signed for, or confirmed with the applicant.
 */
@Revision("1")
public record ApplicationReceived(String applicationId, String agencyId, LocalDate receivedOn, Channel channel,
                                  ApplicantType applicantType, Applicant applicant, @Personal String request)
        implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return receivedOn;
    }
}
