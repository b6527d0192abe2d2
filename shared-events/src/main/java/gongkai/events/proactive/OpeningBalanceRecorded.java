package gongkai.events.proactive;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/**
 * The agency's rules and normative documents in force on {@code asOf}, the day it started using the
 * system, recorded once per agency. {@code inForce} of a year is this balance plus the documents
 * issued after {@code asOf} up to 31 December, minus those repealed after {@code asOf} up to then
 * (a repealed document issued on or before {@code asOf} is taken out of this balance).
 */
@Revision("1")
public record OpeningBalanceRecorded(String agencyId, LocalDate asOf, int rules, int normativeDocuments)
        implements RegisterEvent {

    @Override
    public LocalDate businessDate() {
        return asOf;
    }
}
