package gongkai.events.proactive;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The agency issued (制发) a rule or normative document: counted as {@code issued} in the year of
 * {@code issuedOn}, and {@code inForce} from then until it is repealed. A document issued on or before
 * the agency's opening balance date ({@link OpeningBalanceRecorded#asOf()}) is already counted in that
 * balance: recording it adds nothing to {@code inForce}, and its repeal takes it out.
 */
@Revision("1")
public record DocumentIssued(String documentId, String agencyId, DocumentKind kind, String title,
                             LocalDate issuedOn) implements DocumentEvent {

    @Override
    public LocalDate businessDate() {
        return issuedOn;
    }
}
