package gongkai.query.eventstream;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.DeadLetterQueueOverflowException;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.NoSuchDeadLetterException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A dead-letter queue that knows, for a processor's batch, which sequences are dead-lettered, instead of
 * asking the database for every event (Axon's dead-lettering invoker asks, before handling each event,
 * whether its sequence already has letters: a query per event, the largest single cost of a replay).
 * <p>
 * The set of dead-lettered sequences of the group is read once per unit of work (one processor batch:
 * one query per up to a batch of events), in its transaction, and kept right as this batch adds letters.
 * That is safe with several query-side instances: a sequence belongs to one segment, and a segment is
 * processed by one instance at a time, which reads the set after claiming it; only the instance holding
 * the segment adds letters to its sequences. Letters are removed only by processing them (their own unit
 * of work), or by clearing the queue: a batch that still believes a sequence dead-lettered then
 * dead-letters the event behind it instead of handling it, which keeps the order and loses nothing.
 * Outside a unit of work every call goes to the queue itself.
 */
public class DeadLetteredSequences implements SequencedDeadLetterQueue<EventMessage<?>> {

    private final SequencedDeadLetterQueue<EventMessage<?>> queue;
    private final String processingGroup;
    private final JdbcTemplate jdbc;
    private final String resourceKey;

    public DeadLetteredSequences(SequencedDeadLetterQueue<EventMessage<?>> queue, String processingGroup, JdbcTemplate jdbc) {
        this.queue = queue;
        this.processingGroup = processingGroup;
        this.jdbc = jdbc;
        this.resourceKey = DeadLetteredSequences.class.getName() + "/" + processingGroup;
    }

    /** The sequence identifier as Axon's JDBC queue stores it. */
    static String stored(Object sequenceIdentifier) {
        return sequenceIdentifier instanceof String s ? s : Integer.toString(sequenceIdentifier.hashCode());
    }

    /** The dead-lettered sequences as this unit of work knows them, or null outside one. */
    private Set<String> known() {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(resourceKey, key -> new HashSet<>(jdbc.queryForList(
                "select distinct sequence_identifier from dead_letter_entry where processing_group = ?",
                String.class, processingGroup)));
    }

    @Override
    public boolean contains(Object sequenceIdentifier) {
        Set<String> known = sequenceIdentifier == null ? null : known();
        return known == null ? queue.contains(sequenceIdentifier) : known.contains(stored(sequenceIdentifier));
    }

    @Override
    public boolean enqueueIfPresent(Object sequenceIdentifier, Supplier<DeadLetter<? extends EventMessage<?>>> letterBuilder)
            throws DeadLetterQueueOverflowException {
        if (!contains(sequenceIdentifier)) {
            return false;
        }
        enqueue(sequenceIdentifier, letterBuilder.get());
        return true;
    }

    @Override
    public void enqueue(Object sequenceIdentifier, DeadLetter<? extends EventMessage<?>> letter)
            throws DeadLetterQueueOverflowException {
        queue.enqueue(sequenceIdentifier, letter);
        Set<String> known = sequenceIdentifier == null ? null : known();
        if (known != null) {
            known.add(stored(sequenceIdentifier));
        }
    }

    @Override
    public void evict(DeadLetter<? extends EventMessage<?>> letter) {
        queue.evict(letter);
        forget();
    }

    /** Which sequence an evicted letter was in is the queue's business: the next question reads the set again. */
    private void forget() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().resources().remove(resourceKey);
        }
    }

    @Override
    public void requeue(DeadLetter<? extends EventMessage<?>> letter,
                        UnaryOperator<DeadLetter<? extends EventMessage<?>>> letterUpdater) throws NoSuchDeadLetterException {
        queue.requeue(letter, letterUpdater);
    }

    @Override
    public Iterable<DeadLetter<? extends EventMessage<?>>> deadLetterSequence(Object sequenceIdentifier) {
        return queue.deadLetterSequence(sequenceIdentifier);
    }

    @Override
    public Iterable<Iterable<DeadLetter<? extends EventMessage<?>>>> deadLetters() {
        return queue.deadLetters();
    }

    @Override
    public boolean isFull(Object sequenceIdentifier) {
        return queue.isFull(sequenceIdentifier);
    }

    @Override
    public long size() {
        return queue.size();
    }

    @Override
    public long sequenceSize(Object sequenceIdentifier) {
        return queue.sequenceSize(sequenceIdentifier);
    }

    @Override
    public long amountOfSequences() {
        return queue.amountOfSequences();
    }

    @Override
    public boolean process(Predicate<DeadLetter<? extends EventMessage<?>>> sequenceFilter,
                           Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        boolean processed = queue.process(sequenceFilter, processingTask);
        forget();
        return processed;
    }

    @Override
    public boolean process(Function<DeadLetter<? extends EventMessage<?>>, EnqueueDecision<EventMessage<?>>> processingTask) {
        boolean processed = queue.process(processingTask);
        forget();
        return processed;
    }

    @Override
    public void clear() {
        queue.clear();
        forget();
    }
}
