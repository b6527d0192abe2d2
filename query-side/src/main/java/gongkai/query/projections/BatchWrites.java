package gongkai.query.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a projection gathers over one processor batch of events and writes once, just before the batch's
 * transaction commits, together with its token: one instance per batch and key.
 */
public final class BatchWrites {

    private BatchWrites() {
    }

    /**
     * The current batch's instance under {@code key}: made by {@code create} on first use, and then
     * written by {@code write} when the batch commits. Empty outside a processor's unit of work.
     */
    public static <T> Optional<T> current(String key, Supplier<T> create, Consumer<T> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return Optional.of(root.getOrComputeResource(key, k -> {
            T gathered = create.get();
            root.onPrepareCommit(u -> write.accept(gathered));
            return gathered;
        }));
    }

    /**
     * The same, written after every other write of the batch, including those made just before the commit (a
     * projection's batch writes, {@link #current}): for what those writes themselves add to.
     */
    public static <T> Optional<T> currentWrittenLast(String key, Supplier<T> create, Consumer<T> write) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        // handlers of this phase run in the order they were added, those added while it runs too: added again from
        // within it, the write goes after everything added before the commit began
        return current(key, create, gathered -> root.onPrepareCommit(u -> write.accept(gathered)));
    }
}
