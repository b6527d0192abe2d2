package gongkai.query.audit;

import gongkai.events.proactive.DecisionCategory;
import gongkai.events.proactive.DecisionsTallied;
import gongkai.query.calendar.ClockLock;
import gongkai.query.chain.EventChain;
import gongkai.query.projections.ProjectionPositions;
import gongkai.query.testing.RunningSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain's single-writer lock is its own: batches of application events hold the clock lock
 * (gongkai.query.calendar.ClockLock) shared for their whole transaction, and during a replay there is
 * always one; the chain must extend all the same.
 */
class ChainBesideClockLockTest {

    @RegisterExtension
    static final RunningSystem system = new RunningSystem();

    @Test
    void theChainExtendsWhileABatchOfApplicationEventsHoldsTheClockLock() throws Exception {
        EventChain chain = system.querySide().context().getBean(EventChain.class);
        DataSource dataSource = system.querySide().context().getBean(DataSource.class);
        system.events().awaitProjections();
        try (Connection batch = dataSource.getConnection()) {
            batch.setAutoCommit(false);
            try (Statement s = batch.createStatement()) {
                s.execute("select pg_advisory_xact_lock_shared(" + ClockLock.KEY + ")");
            }
            system.events().record(new DecisionsTallied("chained", UUID.randomUUID().toString(), DecisionCategory.LICENSING,
                                                        LocalDate.parse("2023-01-01"), LocalDate.parse("2023-12-31"), 1),
                                   "chained");
            long head = system.querySide().context().getBean(ProjectionPositions.class).head();
            chain.extend();
            assertThat(chain.head().globalIndex()).as("the chain reached the head under the clock lock").isEqualTo(head);
            batch.rollback();
        }
    }
}
