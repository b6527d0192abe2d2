package gongkai.events.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gongkai.events.application.ConsultationStarted;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * {@link ConsultationStarted} revision 1 → 2: the field {@code party} was renamed
 * {@code consultedParty}. Revision 1 was stored without a revision (before events carried one) or
 * as "1"; both are read as revision 2, nothing stored is changed.
 */
public final class ConsultedPartyRenamed extends SingleEventUpcaster {

    static final String TYPE = ConsultationStarted.class.getName();
    static final String OLD_FIELD = "party";
    static final String NEW_FIELD = "consultedParty";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        String revision = representation.getType().getRevision();
        return TYPE.equals(representation.getType().getName()) && (revision == null || revision.equals("1"));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(TYPE, "2"), JsonNode.class, payload -> {
            if (payload instanceof ObjectNode event && event.has(OLD_FIELD) && !event.has(NEW_FIELD)) {
                event.set(NEW_FIELD, event.remove(OLD_FIELD));
            }
            return payload;
        });
    }
}
