package gongkai.command.proactive;

import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.RegisterEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a clerk can record in their agency's proactive disclosure register; answered by
 * {@link ProactiveRegisterAggregate}. Each command names the agency; the register it goes to is
 * {@link RegisterEvent#registerId(String)} of that agency.
 */
public final class RegisterCommands {

    private RegisterCommands() {
    }

    public record RecordOpeningBalance(String agencyId, LocalDate asOf, int rules, int normativeDocuments) {

        @TargetAggregateIdentifier
        public String registerId() {
            return RegisterEvent.registerId(agencyId);
        }
    }

    public record TallyDecisions(String agencyId, String tallyId, DecisionCategory category, LocalDate from,
                                 LocalDate to, int count) {

        @TargetAggregateIdentifier
        public String registerId() {
            return RegisterEvent.registerId(agencyId);
        }
    }

    public record RecordFees(String agencyId, String feeId, LocalDate collectedOn, BigDecimal amountYuan) {

        @TargetAggregateIdentifier
        public String registerId() {
            return RegisterEvent.registerId(agencyId);
        }
    }

    public record RecordPublication(String agencyId, String publicationId, String category, String title,
                                    LocalDate publishedOn) {

        @TargetAggregateIdentifier
        public String registerId() {
            return RegisterEvent.registerId(agencyId);
        }
    }
}
