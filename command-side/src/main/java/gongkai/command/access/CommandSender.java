package gongkai.command.access;

import gongkai.events.access.Actor;
import gongkai.events.access.Role;
import gongkai.command.eventstore.CaseRecorder;
import gongkai.events.MetaDataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
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

    public CommandSender(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> R send(Object command, Actor actor) {
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(MetaDataKeys.ACTOR, actor.username());
        if (actor.agencyId() != null) {
            metaData.put(CaseRecorder.ACTOR_AGENCY, actor.agencyId());
        }
        return commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                                                               .andMetaData(MetaData.from(metaData)));
    }
}
