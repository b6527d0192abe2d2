package gongkai.command.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.command.eventstore.CaseRecorder;
import gongkai.events.MetaDataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import gongkai.command.Refusal;
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

    public CommandSender(CommandGateway commandGateway, MeterRegistry meters) {
        this.commandGateway = commandGateway;
        this.meters = meters;
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
            R result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                                       .andMetaData(MetaData.from(metaData)));
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
