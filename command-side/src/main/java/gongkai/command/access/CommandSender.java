package gongkai.command.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.command.eventstore.CaseRecorder;
import gongkai.events.MetaDataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import gongkai.command.Refusal;
import gongkai.command.CaseNotFound;
import gongkai.command.agency.AgencyTable;
import java.util.List;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command on behalf of the authenticated user: their name becomes the actor of every event
 * the command causes, their agency limits the cases they can touch.
 */
@Component
public class CommandSender {

    private final CommandGateway commandGateway;
    private final MeterRegistry meters;

    private final AgencyTable agencies;

    public CommandSender(CommandGateway commandGateway, MeterRegistry meters, AgencyTable agencies) {
        this.commandGateway = commandGateway;
        this.meters = meters;
        this.agencies = agencies;
    }

    /**
     * The users of a closed agency record nothing more: its open cases are its successor's to handle, by the
     * successor's clerks (docs/agencies.md, "Closing"). The closing comes with the signed-in account: no read.
     */
    private static void requireOpenAgency(Actor actor) {
        if (actor.agencyClosedOn() != null) {
            throw Refusal.conflict("本机关已于 " + actor.agencyClosedOn() + " 撤销，不能再登记；未办结的案件由承继机关办理"
                                   + " (your agency was closed on " + actor.agencyClosedOn() + ": its successor records from then)");
        }
    }

    public <R> R send(Object command, Actor actor) {
        return send(command, actor, Map.of());
    }

    /** With more metadata for every event the command causes (e.g. the file an import came from). */
    public <R> R send(Object command, Actor actor, Map<String, Object> moreMetaData) {
        Map<String, Object> metaData = new HashMap<>(moreMetaData);
        metaData.put(MetaDataKeys.ACTOR, actor.username());
        if (actor.agencyId() != null) {
            metaData.put(CaseRecorder.ACTOR_AGENCY, actor.agencyId());
        }
        Timer.Sample started = Timer.start(meters);
        String outcome = "error";
        try {
            requireOpenAgency(actor);
            R result;
            try {
                result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                                         .andMetaData(MetaData.from(metaData)));
            } catch (CaseNotFound notOwn) {
                // A case of an agency closed into the clerk's is the clerk's to handle (docs/agencies.md, "Closing").
                // Looked up only here, so that the usual command costs no extra query.
                List<String> inherited = actor.agencyId() == null ? List.of() : agencies.predecessors(actor.agencyId());
                if (inherited.isEmpty()) {
                    throw notOwn;
                }
                metaData.put(CaseRecorder.ACTOR_INHERITED, String.join(",", inherited));
                result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                                         .andMetaData(MetaData.from(metaData)));
            }
            outcome = "recorded";
            return result;
        } catch (Refusal refusal) {
            outcome = "refused";
            throw refusal;
        } finally {
            // count, latency and errors of each command type: gongkai_commands_seconds{type,outcome}
            started.stop(Timer.builder("gongkai.commands").description("Commands by type and outcome")
                              .tag("type", command.getClass().getSimpleName()).tag("outcome", outcome)
                              .register(meters));
        }
    }
}
