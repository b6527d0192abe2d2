package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A clerk asked the head of the disclosure office to extend the reply period (第三十三条: 经政府信息公开工作机构
 * 负责人同意). It moves no date: only its approval ({@link ExtensionApproved}) does.
 */
@Revision("1")
public record ExtensionRequested(String applicationId, LocalDate requestedOn, int workingDays, String reason)
        implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return requestedOn;
    }
}
