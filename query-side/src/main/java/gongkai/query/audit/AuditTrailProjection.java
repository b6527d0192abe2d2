package gongkai.query.audit;

import gongkai.events.CaseEvent;
import gongkai.events.MetaDataKeys;
import gongkai.query.projections.BatchWrites;
import gongkai.query.projections.ReadModels;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows every event, of any case type present or future, into the audit trail: its global
 * position, case, agency, actor, business date, recorded instant and what it says.
 */
@Component
@ProcessingGroup(ReadModels.PROCESSING_GROUP)
public class AuditTrailProjection {

    private final AuditTrail trail;

    public AuditTrailProjection(AuditTrail trail) {
        this.trail = trail;
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token) {
        String caseId = null;
        String aggregateType = null;
        if (message instanceof DomainEventMessage<?> domain) {
            caseId = domain.getAggregateIdentifier();
            aggregateType = domain.getType();
        }
        if (payload instanceof CaseEvent event && caseId == null) {
            caseId = event.caseId();
        }
        String agencyId = text(message.getMetaData().get(MetaDataKeys.AGENCY));
        if (agencyId == null) {
            agencyId = text(PersonalDataMasking.content(payload, false).path("agencyId").textValue());
        }
        List<AuditTrail.Entry> batch = batch();
        if (agencyId == null && caseId != null) {
            agencyId = agencyOfCase(caseId, batch);
        }
        String type = EventDescriptions.type(payload);
        AuditTrail.Entry entry = new AuditTrail.Entry(token.position().orElseThrow(), message.getIdentifier(),
                                                      caseType(aggregateType), caseId, type, agencyId,
                                                      text(message.getMetaData().get(MetaDataKeys.ACTOR)),
                                                      businessDate(payload, message), message.getTimestamp(),
                                                      EventDescriptions.summary(PersonalDataMasking.withheld(payload), type));
        if (batch == null) {
            trail.record(entry);
        } else {
            batch.add(entry);
        }
    }

    /**
     * The entries of the current unit of work (a processor's batch of events), written in JDBC batches when
     * it commits, in the same transaction as its token; null outside one.
     */
    private List<AuditTrail.Entry> batch() {
        return BatchWrites.current(AuditTrailProjection.class.getName(), ArrayList<AuditTrail.Entry>::new, trail::recordAll)
                          .orElse(null);
    }

    /** The agency an earlier event of the case named: one of this batch, not yet written, else one stored. */
    private String agencyOfCase(String caseId, List<AuditTrail.Entry> batch) {
        if (batch != null) {
            for (AuditTrail.Entry earlier : batch) {
                if (caseId.equals(earlier.caseId()) && earlier.agencyId() != null) {
                    return earlier.agencyId();
                }
            }
        }
        return trail.agencyOfCase(caseId);
    }

    @ResetHandler
    void reset() {
        trail.deleteAll();
    }

    /** The case type of an aggregate type: {@code ApplicationAggregate} → {@code application}. */
    public static String caseType(String aggregateType) {
        if (aggregateType == null || aggregateType.isBlank()) {
            return null;
        }
        String name = aggregateType.endsWith("Aggregate")
                      ? aggregateType.substring(0, aggregateType.length() - "Aggregate".length()) : aggregateType;
        return name.isEmpty() ? null : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    static LocalDate businessDate(Object payload, EventMessage<?> message) {
        String recorded = text(message.getMetaData().get(MetaDataKeys.BUSINESS_DATE));
        if (recorded != null) {
            try {
                return LocalDate.parse(recorded);
            } catch (DateTimeParseException e) {
                // fall back to the event's own date
            }
        }
        return payload instanceof CaseEvent event ? event.businessDate() : null;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
