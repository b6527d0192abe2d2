package gongkai.events.application;

import gongkai.events.Personal;
import org.axonframework.serialization.Revision;

import java.time.LocalDate;
import java.util.List;

/**
 * The agency answered (答复) with one of the official outcomes. With {@code PARTIALLY_DISCLOSED},
 * {@code withheldReasons} keeps the reasons for the parts not disclosed, for the record only: the
 * case counts once, under PARTIALLY_DISCLOSED (counting rule 4).
 */
@Revision("1")
public record ApplicationConcluded(String applicationId, LocalDate concludedOn, Outcome outcome,
                                   List<Outcome> withheldReasons, @Personal String note) implements ApplicationEvent {

    public ApplicationConcluded {
        withheldReasons = withheldReasons == null ? List.of() : List.copyOf(withheldReasons);
    }

    @Override
    public LocalDate businessDate() {
        return concludedOn;
    }
}
