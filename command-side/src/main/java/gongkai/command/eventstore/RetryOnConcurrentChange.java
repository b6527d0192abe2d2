package gongkai.command.eventstore;

import gongkai.command.Refusal;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/**
 * Several command-side instances share one event store, and each keeps the cases it loaded in memory
 * without asking the store whether they are still the latest (that question was a round trip on every
 * command): an instance can decide on a case that another has changed meanwhile. Two failures can
 * follow, and both are tried again on the case as stored (a failed command's case is dropped from the
 * cache as its unit of work rolls back, so the next attempt loads it from its events):
 * <ul>
 *   <li>the command was allowed on the stale case: the store's optimistic lock (the unique aggregate id
 *       and sequence number) refuses the append; retried up to {@code maxRetries} times;</li>
 *   <li>the command was refused by the rules on the stale case ({@link Refusal}): tried once more, so
 *       that a refusal always stands on the case as stored. A refusal on the stored case is given
 *       again, unchanged; a second refusal is never retried.</li>
 * </ul>
 */
public class RetryOnConcurrentChange implements RetryScheduler {

    private final int maxRetries;

    public RetryOnConcurrentChange(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (failures.size() > maxRetries) {
            return false;
        }
        boolean retry = concurrentChange(lastFailure)
                        || (refusal(lastFailure) && failures.stream().filter(RetryOnConcurrentChange::refusal).count() <= 1);
        if (retry) {
            commandDispatch.run();
        }
        return retry;
    }

    static boolean concurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }

    static boolean refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Refusal) {
                return true;
            }
        }
        return false;
    }

    private static boolean refusal(Class<? extends Throwable>[] causes) {
        for (Class<? extends Throwable> cause : causes) {
            if (Refusal.class.isAssignableFrom(cause)) {
                return true;
            }
        }
        return false;
    }
}
