package gongkai.events.application;

import gongkai.events.Personal;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A clerk asked the head of the disclosure office to extend the reply period (第三十三条: 经政府信息公开工作机构
 * 负责人同意). It moves no date: only its approval ({@link ExtensionApproved}) does.
 *
 * <p>Revision 2: the reason, free text that may name people, is personal data (stored encrypted under the case's
 * key, docs/personal-data.md); revision 1 stored it in clear and reads as it is (the field is unchanged).
 */
@Revision("2")
public record ExtensionRequested(String applicationId, LocalDate requestedOn, int workingDays, @Personal String reason)
        implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return requestedOn;
    }
}
