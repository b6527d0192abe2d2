package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The head of the disclosure office approved the extension requested (第三十三条). It is followed, in the same
 * command, by the {@link ReplyPeriodExtended} that moves the due date by the working days requested.
 */
@Revision("1")
public record ExtensionApproved(String applicationId, LocalDate approvedOn, int workingDays, String note)
        implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return approvedOn;
    }
}
