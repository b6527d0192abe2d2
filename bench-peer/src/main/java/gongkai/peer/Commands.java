package gongkai.peer;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Commands mode: the aggregate's commands over HTTP, its events in Axon's own tables (schema public). */
@Configuration
@ConditionalOnProperty(name = "peer.mode", havingValue = "commands", matchIfMissing = true)
public class Commands {

    /** Axon's tables as its PostgreSQL table factory makes them, before the web server answers. */
    @Bean
    public SmartInitializingSingleton eventTables(EventStorageEngine engine) {
        return () -> {
            try {
                ((JdbcEventStorageEngine) engine).createSchema(PostgresEventTableFactory.INSTANCE);
            } catch (RuntimeException alreadyThere) {
                // made by an earlier start on this database
            }
        };
    }

    @RestController
    @ConditionalOnProperty(name = "peer.mode", havingValue = "commands", matchIfMissing = true) // nested classes are scanned on their own
    static class ThingController {

        private final CommandGateway commands;

        ThingController(CommandGateway commands) {
            this.commands = commands;
        }

        @PostMapping("/things/{id}")
        ResponseEntity<Void> open(@PathVariable String id) {
            commands.sendAndWait(new Thing.Open(id));
            return ResponseEntity.status(201).build();
        }

        @PostMapping("/things/{id}/notes")
        ResponseEntity<Void> note(@PathVariable String id) {
            commands.sendAndWait(new Thing.Note(id, "note"));
            return ResponseEntity.ok().build();
        }
    }
}
