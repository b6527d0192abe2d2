package gongkai.events.application;

import gongkai.events.Personal;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * A reconsideration decision or a final judgment corrected (纠正) the agency's answer: the
 * application is open again for a new answer, recorded on it like the first. Exactly one of
 * {@code reviewId} and {@code lawsuitId} names the decision. Table 三 is not changed by it: the
 * application keeps counting once, under its first answer, in that answer's year (the correction
 * itself is counted in table 四 as 结果纠正).
 */
@Revision("1")
public record ApplicationReopened(String applicationId, LocalDate reopenedOn, String reviewId, String lawsuitId,
                                  @Personal String reason) implements ApplicationEvent {

    @Override
    public LocalDate businessDate() {
        return reopenedOn;
    }
}
