package gongkai.command.eventstore;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

import java.util.List;

/**
 * Several command-side instances share one event store, and each caches aggregates: an instance can
 * decide on a case that another has changed meanwhile. The store's optimistic lock (the unique
 * aggregate id and sequence number) refuses the second append; the command is then tried again,
 * now on the case as stored, and either succeeds or is refused by the case's rules. Only that
 * failure is retried: a refusal by the rules never is.
 */
public class RetryOnConcurrentChange implements RetryScheduler {

    private final int maxRetries;

    public RetryOnConcurrentChange(int maxRetries) {
        this.maxRetries = maxRetries;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable commandDispatch) {
        if (failures.size() > maxRetries || !concurrentChange(lastFailure)) {
            return false;
        }
        commandDispatch.run();
        return true;
    }

    static boolean concurrentChange(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcurrencyException || t instanceof AggregateStreamCreationException) {
                return true;
            }
        }
        return false;
    }
}
