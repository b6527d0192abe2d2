package gongkai.query.agency;

import gongkai.events.MetaDataKeys;
import gongkai.events.agency.AgencyClosed;
import gongkai.events.agency.AgencyCreated;
import gongkai.events.agency.AgencyMoved;
import gongkai.events.agency.AgencyRenamed;
import gongkai.query.agency.AgencyTree.Change;
import gongkai.query.agency.AgencyTree.ChangeType;
import gongkai.query.projections.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/** Keeps every change of the tree of agencies ({@link AgencyChanges}); each is kept once, however often delivered. */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class AgencyTreeProjection {

    private final AgencyChanges changes;

    public AgencyTreeProjection(AgencyChanges changes) {
        this.changes = changes;
    }

    @EventHandler
    void on(AgencyCreated e, EventMessage<?> m) {
        changes.keep(change(m, e.agencyId(), ChangeType.CREATED, e.createdOn(), e.name(), e.parentId(), e, null));
    }

    @EventHandler
    void on(AgencyRenamed e, EventMessage<?> m) {
        changes.keep(change(m, e.agencyId(), ChangeType.RENAMED, e.renamedOn(), e.name(), null, e, null));
    }

    @EventHandler
    void on(AgencyMoved e, EventMessage<?> m) {
        changes.keep(change(m, e.agencyId(), ChangeType.MOVED, e.movedOn(), null, e.parentId(), e, null));
    }

    @EventHandler
    void on(AgencyClosed e, EventMessage<?> m) {
        changes.keep(change(m, e.agencyId(), ChangeType.CLOSED, e.closedOn(), null, null, e, e.successorId()));
    }

    private static Change change(EventMessage<?> m, String agencyId, ChangeType type, java.time.LocalDate on, String name,
                                 String parentId, Object event, String successorId) {
        long sequence = m instanceof DomainEventMessage<?> d ? d.getSequenceNumber() : 0;
        Object actor = m.getMetaData().get(MetaDataKeys.ACTOR);
        return new Change(agencyId, sequence, type, on, m.getTimestamp(), actor == null ? null : actor.toString(), name,
                          parentId, event instanceof AgencyCreated c ? c.kind() : null, successorId, m.getIdentifier());
    }

    @ResetHandler
    void reset() {
        changes.deleteAll();
    }
}
