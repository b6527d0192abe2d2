package gongkai.events.application;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The applicant's personal data was erased (个人信息保护法 第四十七条): the case's data key is destroyed
 * with this event, so every personal field of every event of the case reads 已删除 from now on; the
 * dates, outcome and figures stay. {@code note} is the clerk's note on the basis, never personal data
 * (it is stored in clear: there is no key left to encrypt it with); {@code byRetention} is true when
 * the retention job erased it.
 */
@Revision("1")
public record PersonalDataErased(String applicationId, LocalDate erasedOn, ErasureBasis basis, String note,
                                 boolean byRetention) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return erasedOn;
    }
}
