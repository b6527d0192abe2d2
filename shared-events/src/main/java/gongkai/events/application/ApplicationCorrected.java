package gongkai.events.application;

import gongkai.events.Personal;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * A clerk corrected a recorded fact: what was wrong, what is right, and why. Nothing recorded before
 * is changed; every projection follows the correction, and the history shows both.
 * {@code withheldReasons} is set only when an outcome is corrected to PARTIALLY_DISCLOSED.
 */
@Revision("1")
public record ApplicationCorrected(String applicationId, LocalDate correctedOn, CorrectedField field,
                                   String oldValue, String newValue, List<Outcome> withheldReasons,
                                   @Personal String reason) implements ApplicationEvent {

    public ApplicationCorrected {
        withheldReasons = withheldReasons == null ? List.of() : List.copyOf(withheldReasons);
    }

    @Override
    public LocalDate businessDate() {
        return correctedOn;
    }
}
