package gongkai.command.agency;

import gongkai.command.agency.AgencyCommands.AdoptAgency;
import gongkai.command.agency.AgencyCommands.CloseAgency;
import gongkai.command.agency.AgencyCommands.CreateAgency;
import gongkai.command.agency.AgencyCommands.MoveAgency;
import gongkai.command.agency.AgencyCommands.RenameAgency;
import gongkai.command.eventstore.CaseRecorder;
import gongkai.events.agency.AgencyCreated;
import gongkai.events.agency.AgencyEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Axon's wiring of an {@link Agency}: one stream per agency ({@link AgencyEvent#streamId}). Each change
 * updates the agencies' table through {@link AgencyDirectory} in the command's transaction, so the table
 * that signs users in never disagrees with the events. Each returns whether it recorded an event.
 */
@Aggregate
public class AgencyAggregate {

    @AggregateIdentifier
    private String streamId;
    private final Agency agency = new Agency();
    private boolean exists;

    protected AgencyAggregate() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public boolean handle(CreateAgency command, Clock clock, AgencyDirectory tree) {
        AgencyCreated created = Agency.create(command, LocalDate.now(clock), tree);
        tree.created(command.agencyId(), command.name(), command.parentId(), command.kind());
        CaseRecorder.record(created, command.agencyId());
        return true;
    }

    /** Records nothing for an agency that already has its events. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public boolean handle(AdoptAgency command) {
        if (exists) {
            return false;
        }
        CaseRecorder.record(new AgencyCreated(command.agencyId(), command.name(), command.parentId(), null,
                                              command.createdOn()), command.agencyId());
        return true;
    }

    @CommandHandler
    public boolean handle(RenameAgency command, Clock clock, AgencyDirectory tree) {
        return record(agency.rename(command, LocalDate.now(clock)), () -> tree.renamed(command.agencyId(), command.name()));
    }

    @CommandHandler
    public boolean handle(MoveAgency command, Clock clock, AgencyDirectory tree) {
        return record(agency.move(command, LocalDate.now(clock), tree),
                      () -> tree.moved(command.agencyId(), command.parentId()));
    }

    @CommandHandler
    public boolean handle(CloseAgency command, Clock clock, AgencyDirectory tree) {
        return record(agency.close(command, LocalDate.now(clock), tree),
                      () -> tree.closed(command.agencyId(), command.successorId(), command.closedOn()));
    }

    private boolean record(AgencyEvent event, Runnable keepTable) {
        if (event == null) {
            return false;
        }
        keepTable.run();
        CaseRecorder.record(event, event.agencyId());
        return true;
    }

    @EventSourcingHandler
    void on(AgencyEvent event) {
        streamId = event.caseId();
        exists = true;
        agency.apply(event);
    }
}
