package gongkai.query.projections;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Makes every processing group's read models exactly-once: the table {@code applied_event} (V16_1) keeps, per
 * group and aggregate (each case, each document, each year's report or calendar), the sequence number of the
 * last of its events the group applied. An event at or below it was applied already and is not handed to the
 * group's handlers again: a batch delivered twice (redelivered after a database glitch, or by a segment
 * briefly processed twice) changes nothing the second time.
 * <p>
 * The marks move in the batch's own transaction, with the read models' writes and the processor's token: a
 * batch that rolls back moves neither its tables nor its marks, one that commits moves both. A mark moves
 * with a conditional update ({@code where last_sequence = } the value read), so that two transactions applying
 * the same events at once cannot both commit: the second finds the mark moved and rolls back, and its retry
 * skips what the first applied. An event the group dead-lettered was not applied and moves no mark (its
 * retry from the dead-letter queue applies it, and moves it then). Events of one aggregate are applied in
 * their order by every sequencing policy of the query side (an agency's sequence keeps each of its streams
 * in order), so the last sequence number applied says which of them were.
 * <p>
 * Read once per batch: the marks of every aggregate in the batch in one query. A replay starts from no
 * marks ({@link #forget}, from the group's reset, in the reset's transaction).
 */
@Repository
public class AppliedEvents {

    private final JdbcTemplate jdbc;

    public AppliedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The interceptor of one processing group: {@code deadLettered} says whether an event's sequence is set
     * aside in the group's dead-letter queue (after the event was handed on).
     */
    public MessageHandlerInterceptor<EventMessage<?>> interceptor(String group, Predicate<EventMessage<?>> deadLettered) {
        return (unitOfWork, chain) -> handle(group, deadLettered, unitOfWork, chain);
    }

    private Object handle(String group, Predicate<EventMessage<?>> deadLettered,
                          UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (!(unitOfWork.getMessage() instanceof DomainEventMessage<?> event)) {
            return chain.proceed(); // the command side records none outside an aggregate: nothing to mark it by
        }
        Marks marks = marks(group, unitOfWork);
        String aggregate = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        Long applied = marks.applied(aggregate);
        if (applied != null && sequence <= applied) {
            return null; // applied already, by an earlier delivery that committed
        }
        Object result = chain.proceed();
        // In a processor's batch a failed event is dead-lettered, not thrown; a retried letter throws.
        boolean inBatch = unitOfWork.root() instanceof BatchingUnitOfWork;
        if (!inBatch || !deadLettered.test(event)) {
            marks.move(aggregate, sequence);
        }
        return result;
    }

    /** The marks of the current unit of work (a processor's batch, or one dead letter), written when it commits. */
    private Marks marks(String group, UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        UnitOfWork<?> root = unitOfWork.root();
        return root.getOrComputeResource(AppliedEvents.class.getName() + "/" + group, key -> {
            Marks marks = new Marks(group);
            if (root instanceof BatchingUnitOfWork<?> batch) {
                Set<String> aggregates = new LinkedHashSet<>();
                for (Object message : batch.getMessages()) {
                    if (message instanceof DomainEventMessage<?> domain) {
                        aggregates.add(domain.getAggregateIdentifier());
                    }
                }
                marks.load(aggregates);
            }
            root.onPrepareCommit(u -> marks.write());
            return marks;
        });
    }

    /** Forgets every mark of the group: its read models are being rebuilt from the first event. */
    public void forget(String group) {
        jdbc.update("delete from applied_event where processing_group = ?", group);
    }

    /** The sequence number last applied of the aggregate by the group, or null if none was. */
    public Long applied(String group, String aggregate) {
        List<Long> found = jdbc.queryForList("select last_sequence from applied_event where processing_group = ? "
                                             + "and aggregate_id = ?", Long.class, group, aggregate);
        return found.isEmpty() ? null : found.get(0);
    }

    /** One unit of work's marks: as read, and as moved by the events it applied. */
    private final class Marks {

        private final String group;
        private final Map<String, Long> stored = new HashMap<>();
        private final Set<String> loaded = new java.util.HashSet<>();
        private final Map<String, Long> moved = new HashMap<>();

        Marks(String group) {
            this.group = group;
        }

        void load(Set<String> aggregates) {
            if (aggregates.isEmpty()) {
                return;
            }
            jdbc.query(connection -> {
                var statement = connection.prepareStatement("select aggregate_id, last_sequence from applied_event "
                                                            + "where processing_group = ? and aggregate_id = any(?)");
                Array ids = connection.createArrayOf("varchar", aggregates.toArray());
                statement.setString(1, group);
                statement.setArray(2, ids);
                return statement;
            }, rs -> {
                stored.put(rs.getString(1), rs.getLong(2));
            });
            loaded.addAll(aggregates);
        }

        Long applied(String aggregate) {
            Long now = moved.get(aggregate);
            if (now != null) {
                return now;
            }
            if (loaded.add(aggregate)) {
                Long found = AppliedEvents.this.applied(group, aggregate);
                if (found != null) {
                    stored.put(aggregate, found);
                }
            }
            return stored.get(aggregate);
        }

        void move(String aggregate, long sequence) {
            moved.put(aggregate, sequence);
        }

        /**
         * Writes the moved marks; fails (and so rolls the whole unit of work back) when another transaction
         * moved one of them since it was read: that one applied the same events, and a retry skips them.
         */
        void write() {
            if (moved.isEmpty()) {
                return;
            }
            List<Map.Entry<String, Long>> updates = new ArrayList<>();
            List<Map.Entry<String, Long>> inserts = new ArrayList<>();
            // In one order, so that two transactions moving the same marks wait for each other, never deadlock.
            moved.entrySet().stream().sorted(Map.Entry.comparingByKey())
                 .forEach(m -> (stored.containsKey(m.getKey()) ? updates : inserts).add(m));
            int[][] updated = jdbc.batchUpdate("update applied_event set last_sequence = ? where processing_group = ? "
                                               + "and aggregate_id = ? and last_sequence = ?", updates, 1000, (ps, m) -> {
                ps.setLong(1, m.getValue());
                ps.setString(2, group);
                ps.setString(3, m.getKey());
                ps.setLong(4, stored.get(m.getKey()));
            });
            int[][] inserted = jdbc.batchUpdate("insert into applied_event (processing_group, aggregate_id, last_sequence) "
                                                + "values (?, ?, ?) on conflict do nothing", inserts, 1000, (ps, m) -> {
                ps.setString(1, group);
                ps.setString(2, m.getKey());
                ps.setLong(3, m.getValue());
            });
            if (lost(updated) || lost(inserted)) {
                throw new ConcurrentlyApplied(group);
            }
        }

        private static boolean lost(int[][] counts) {
            for (int[] batch : counts) {
                for (int count : batch) {
                    if (count == 0) {
                        return true; // (a driver that cannot tell answers Statement.SUCCESS_NO_INFO, never 0)
                    }
                }
            }
            return false;
        }
    }

    /** Another transaction applied some of the same events first: this one rolls back, and is tried again. */
    public static final class ConcurrentlyApplied extends IllegalStateException {
        ConcurrentlyApplied(String group) {
            super("events of this batch were applied by another transaction of processing group " + group
                  + " meanwhile; rolled back, to be tried again");
        }
    }
}
