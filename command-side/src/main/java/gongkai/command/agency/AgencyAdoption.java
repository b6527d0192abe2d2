package gongkai.command.agency;

import gongkai.command.agency.AgencyCommands.AdoptAgency;
import gongkai.events.MetaDataKeys;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * At start, records the creation of every agency kept before agencies had events (dated the day its row
 * was made), so that the tree on the query side and every later change start from an event. Adopting an
 * agency twice (two instances starting) records it once.
 */
@Component
public class AgencyAdoption implements ApplicationRunner {

    /** The actor of the adopted agencies' creation: gongkai itself, at start. */
    static final String SYSTEM = "system";

    private final AgencyTable agencies;
    private final CommandGateway commands;

    public AgencyAdoption(AgencyTable agencies, CommandGateway commands) {
        this.agencies = agencies;
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (AgencyTable.Unrecorded agency : agencies.withoutEvents()) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new AdoptAgency(agency.agencyId(), agency.name(), agency.parentId(), agency.createdOn()))
                        .andMetaData(MetaData.from(Map.of(MetaDataKeys.ACTOR, SYSTEM))));
            } catch (RuntimeException raced) {
                // another instance adopted it at the same moment: its event is the one
            }
        }
    }
}
