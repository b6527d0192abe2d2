package gongkai.command.agency;

import gongkai.events.agency.AgencyEvent;
import gongkai.events.agency.AgencyKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The commands on an agency as a node of the tree (docs/agencies.md); the target is its stream. */
public final class AgencyCommands {

    private AgencyCommands() {
    }

    public record CreateAgency(String agencyId, String name, String parentId, AgencyKind kind, LocalDate createdOn) {

        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyEvent.streamId(agencyId);
        }
    }

    /** Records the creation of an agency that was kept before agencies had events, as the table says it was. */
    public record AdoptAgency(String agencyId, String name, String parentId, LocalDate createdOn) {

        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyEvent.streamId(agencyId);
        }
    }

    public record RenameAgency(String agencyId, String name, LocalDate renamedOn) {

        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyEvent.streamId(agencyId);
        }
    }

    public record MoveAgency(String agencyId, String parentId, LocalDate movedOn) {

        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyEvent.streamId(agencyId);
        }
    }

    public record CloseAgency(String agencyId, String successorId, LocalDate closedOn) {

        @TargetAggregateIdentifier
        public String streamId() {
            return AgencyEvent.streamId(agencyId);
        }
    }
}
