package gongkai.command.eventstore;

import gongkai.command.Refusal;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed commands are tried again on the case as stored, and how often. */
class RetryOnConcurrentChangeTest {

    private final RetryOnConcurrentChange scheduler = new RetryOnConcurrentChange(3);
    private final List<Class<? extends Throwable>[]> failures = new ArrayList<>();
    private int dispatched;

    @Test
    void aCommandThatMetTheOptimisticLockIsTriedAgainUpToTheLimit() {
        RuntimeException conflict = new ConcurrencyException("sequence number taken");
        assertThat(failWith(conflict)).isTrue();
        assertThat(failWith(conflict)).isTrue();
        assertThat(failWith(conflict)).isTrue();
        assertThat(failWith(conflict)).as("a fourth failure").isFalse();
        assertThat(dispatched).isEqualTo(3);
    }

    @Test
    void aRefusalIsTriedOnceMoreSoThatItStandsOnTheCaseAsStored() {
        RuntimeException refusal = Refusal.conflict("已结案");
        assertThat(failWith(refusal)).isTrue();
        assertThat(failWith(refusal)).as("refused again on the stored case").isFalse();
        assertThat(dispatched).isEqualTo(1);
    }

    @Test
    void aRefusalAfterAConflictIsStillTriedOnce() {
        assertThat(failWith(new ConcurrencyException("sequence number taken"))).isTrue();
        assertThat(failWith(Refusal.invalid("extendedOn", "早于收到日期"))).isTrue();
        assertThat(failWith(Refusal.invalid("extendedOn", "早于收到日期"))).isFalse();
        assertThat(dispatched).isEqualTo(2);
    }

    @Test
    void anyOtherFailureIsNotTriedAgain() {
        assertThat(failWith(new IllegalStateException("the database is away"))).isFalse();
        assertThat(dispatched).isZero();
    }

    @SuppressWarnings("unchecked")
    private boolean failWith(RuntimeException failure) {
        List<Class<? extends Throwable>> chain = new ArrayList<>();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.add(t.getClass());
        }
        failures.add(chain.toArray(new Class[0]));
        return scheduler.scheduleRetry(GenericCommandMessage.asCommandMessage("command"), failure, failures,
                                       () -> dispatched++);
    }
}
