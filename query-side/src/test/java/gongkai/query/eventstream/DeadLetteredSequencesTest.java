package gongkai.query.eventstream;

import gongkai.query.projections.ReadModels;
import gongkai.query.testing.RunningSystem;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read models' dead-letter queue answers "is this sequence dead-lettered?" from memory within a
 * processor's batch: it must answer exactly what the table says, so that a letter for a sequence still
 * blocks every later event of that sequence, in the same batch and in later ones, whichever instance
 * wrote it.
 */
class DeadLetteredSequencesTest {

    @RegisterExtension
    static final RunningSystem system = new RunningSystem();

    @Test
    void theReadModelsGroupHasTheCachedQueue() {
        SequencedDeadLetterQueue<EventMessage<?>> queue = system.querySide().context().getBean(EventProcessingConfiguration.class)
                                                                .deadLetterQueue(ReadModels.PROCESSING_GROUP).orElseThrow();
        assertThat(queue).isInstanceOf(DeadLetteredSequences.class);
    }

    @Test
    void aLetterForASequenceStillBlocksLaterEventsOfThatSequence() {
        SequencedDeadLetterQueue<EventMessage<?>> queue = queue();
        String blocked = "agency:" + UUID.randomUUID();
        String free = "agency:" + UUID.randomUUID();

        inBatch(() -> {
            assertThat(queue.contains(blocked)).isFalse();
            queue.enqueue(blocked, new GenericDeadLetter<>(blocked, event(blocked), new IllegalStateException("failed")));
            assertThat(queue.contains(blocked)).as("in the batch that dead-lettered it").isTrue();
            assertThat(queue.enqueueIfPresent(blocked, () -> new GenericDeadLetter<>(blocked, event(blocked)))).isTrue();
            assertThat(queue.enqueueIfPresent(free, () -> new GenericDeadLetter<>(free, event(free)))).isFalse();
            return null;
        });
        assertThat(inBatch(() -> queue.contains(blocked))).as("in a later batch").isTrue();
        assertThat(inBatch(() -> queue.contains(free))).isFalse();
        assertThat(queue.sequenceSize(blocked)).as("the later event waits behind the first").isEqualTo(2);
        assertThat(inBatch(() -> queue.enqueueIfPresent(blocked, () -> new GenericDeadLetter<>(blocked, event(blocked))))).isTrue();
        assertThat(queue.sequenceSize(blocked)).isEqualTo(3);

        // Processed successfully: the sequence no longer blocks.
        boolean processed = queue.process(letter -> letter.message().getPayload().equals(blocked), letter -> Decisions.evict());
        assertThat(processed).isTrue();
        assertThat(inBatch(() -> queue.contains(blocked))).isFalse();
    }

    @Test
    void aLetterWrittenByAnotherInstanceIsSeenByTheNextBatch() {
        SequencedDeadLetterQueue<EventMessage<?>> here = queue();
        // Another query side's queue: the same table, a cache of its own.
        SequencedDeadLetterQueue<EventMessage<?>> there = new DeadLetteredSequences(queue(), ReadModels.PROCESSING_GROUP, jdbc());
        String sequence = "agency:" + UUID.randomUUID();
        assertThat(inBatch(() -> here.contains(sequence))).isFalse();
        inBatch(() -> {
            there.enqueue(sequence, new GenericDeadLetter<>(sequence, event(sequence), new IllegalStateException("failed")));
            return null;
        });
        assertThat(inBatch(() -> here.contains(sequence))).isTrue();
        assertThat(here.contains(sequence)).as("outside a batch, asked of the table").isTrue();
        inBatch(() -> {
            here.clear();
            assertThat(here.contains(sequence)).isFalse();
            return null;
        });
    }

    private static SequencedDeadLetterQueue<EventMessage<?>> queue() {
        return system.querySide().context().getBean(EventProcessingConfiguration.class)
                     .deadLetterQueue(ReadModels.PROCESSING_GROUP).orElseThrow();
    }

    /** An event of the sequence, named after it. */
    private static EventMessage<?> event(String sequence) {
        return GenericEventMessage.asEventMessage(sequence);
    }

    private static <T> T inBatch(Supplier<T> work) {
        TransactionManager transactions = system.querySide().context().getBean(TransactionManager.class);
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        try {
            T result = work.get();
            batch.commit();
            return result;
        } catch (RuntimeException e) {
            batch.rollback(e);
            throw e;
        }
    }

    private static JdbcTemplate jdbc() {
        return system.querySide().context().getBean(JdbcTemplate.class);
    }
}
