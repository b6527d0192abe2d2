package gongkai.command.lawsuit;

import gongkai.command.eventstore.CaseRecorder;
import gongkai.command.lawsuit.LawsuitCommands.FileLawsuit;
import gongkai.command.lawsuit.LawsuitCommands.Filing;
import gongkai.command.lawsuit.LawsuitCommands.JudgeLawsuit;
import gongkai.events.lawsuit.LawsuitEvent;
import gongkai.events.lawsuit.LawsuitFiled;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CommandHandlerInterceptor;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;

/** Axon's wiring of a {@link Lawsuit}; its id is the lawsuitId (a UUID). */
@Aggregate(cache = "lawsuitCache")
public class LawsuitAggregate {

    @AggregateIdentifier
    private String lawsuitId;
    private Lawsuit lawsuit;

    protected LawsuitAggregate() {
        // for Axon: rebuilt from its events
    }

    /** Idempotent: a repeat of the same filing writes nothing; the same id with other content is refused. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Filing handle(FileLawsuit command, Clock clock) {
        if (lawsuit != null) {
            lawsuit.confirmRepeatedFiling(command);
            return new Filing(command.lawsuitId(), false);
        }
        CaseRecorder.record(Lawsuit.file(command, today(clock)), command.agencyId());
        return new Filing(command.lawsuitId(), true);
    }

    @CommandHandler
    public void handle(JudgeLawsuit command, Clock clock) {
        CaseRecorder.record(lawsuit.judge(command, today(clock)), lawsuit.agencyId());
    }

    /** A clerk acts only on the cases of their own agency; others' cases are not even revealed. */
    @CommandHandlerInterceptor
    public Object onlyOwnAgency(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        CaseRecorder.requireOwnAgency(command, lawsuit == null ? null : lawsuit.agencyId(), "lawsuit", lawsuitId);
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(LawsuitEvent event) {
        if (event instanceof LawsuitFiled filed) {
            lawsuitId = filed.lawsuitId();
            lawsuit = Lawsuit.from(filed);
        } else {
            lawsuit.apply(event);
        }
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }
}
