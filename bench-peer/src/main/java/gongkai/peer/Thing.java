package gongkai.peer;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The trivial aggregate: opened once, then noted on; one event per command, one rule (opened once). */
@Aggregate(cache = "thingCache")
public class Thing {

    public record Open(@TargetAggregateIdentifier String id) {
    }

    public record Note(@TargetAggregateIdentifier String id, String text) {
    }

    public record Opened(String id) {
    }

    public record Noted(String id, String text) {
    }

    @AggregateIdentifier
    private String id;
    private long notes;

    protected Thing() {
    }

    @CommandHandler
    public Thing(Open command) {
        apply(new Opened(command.id()));
    }

    @CommandHandler
    public void handle(Note command) {
        apply(new Noted(command.id(), command.text()));
    }

    @EventSourcingHandler
    void on(Opened event) {
        id = event.id();
    }

    @EventSourcingHandler
    void on(Noted event) {
        notes++;
    }
}
