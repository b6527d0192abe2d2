package gongkai.command.proactive;

import gongkai.command.eventstore.CaseRecorder;
import gongkai.command.proactive.RegisterCommands.RecordFees;
import gongkai.command.proactive.RegisterCommands.RecordOpeningBalance;
import gongkai.command.proactive.RegisterCommands.RecordPublication;
import gongkai.command.proactive.RegisterCommands.TallyDecisions;
import gongkai.events.proactive.RegisterEvent;
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

/**
 * Axon's wiring of a {@link ProactiveRegister}: one per agency, id {@code "register:" + agencyId}
 * ({@link RegisterEvent#registerId(String)}), created by whichever entry comes first (hence
 * CREATE_IF_MISSING on every command: an agency has no act of "opening" its register).
 * <p>
 * Why one aggregate per agency for these entries: the opening balance may be recorded only once per
 * agency, which needs one consistency boundary per agency; the tallies, fees and publications have no
 * rule across entries, but keeping them in the same stream gives the agency one history of its
 * section 二 inputs. The cost is that an agency's entries are written one at a time (a concurrent
 * write is refused with 409 and can be retried) and that loading the register reads all its entries
 * (a few hundred a year for a township; the aggregate cache keeps it loaded). Documents, which have
 * rules of their own, are separate aggregates ({@link DocumentAggregate}).
 */
@Aggregate(cache = "registerCache")
public class ProactiveRegisterAggregate {

    @AggregateIdentifier
    private String registerId;
    private String agencyId;
    private ProactiveRegister register = ProactiveRegister.empty();

    protected ProactiveRegisterAggregate() {
        // for Axon: rebuilt from its events, or created empty by the first entry
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordOpeningBalance command, Clock clock) {
        record(register.recordOpeningBalance(command, today(clock)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(TallyDecisions command, Clock clock) {
        record(register.tallyDecisions(command, today(clock)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordFees command, Clock clock) {
        record(register.recordFees(command, today(clock)));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RecordPublication command, Clock clock) {
        record(register.recordPublication(command, today(clock)));
    }

    /** A clerk writes only in the register of their own agency. */
    @CommandHandlerInterceptor
    public Object onlyOwnAgency(CommandMessage<?> command, InterceptorChain chain) throws Exception {
        CaseRecorder.requireOwnAgency(command, agencyId, "register", registerId);
        return chain.proceed();
    }

    @EventSourcingHandler
    void on(RegisterEvent event) {
        registerId = event.caseId();
        agencyId = event.agencyId();
        register.apply(event);
    }

    private static void record(RegisterEvent event) {
        CaseRecorder.record(event, event.agencyId());
    }

    private static LocalDate today(Clock clock) {
        return LocalDate.now(clock);
    }
}
