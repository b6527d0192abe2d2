package gongkai.query.eventstream;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;

/**
 * Axon's transactions (a processor's batch with its token, a claim, a dead letter), each on a connection of
 * its own. When PostgreSQL drops a connection in the middle of a batch (a restart, a terminated backend), the
 * failed rollback can leave that dead connection bound to the processor's thread as if its transaction were still
 * under way; Spring's next transaction on the thread would then join it, and every later batch of the
 * thread would fail on it, for ever: the projections would stop until a restart. A transaction that starts
 * outside any unit of work (a processor's batch, a claim) therefore first lets go of a closed connection left
 * bound to the thread, and of the transaction state around it, so that it begins afresh on a live one.
 */
public final class FreshTransactions implements TransactionManager {

    private static final Logger log = LoggerFactory.getLogger(FreshTransactions.class);

    private final SpringTransactionManager delegate;
    private final DataSource dataSource;

    public FreshTransactions(PlatformTransactionManager transactions, DataSource dataSource) {
        this.delegate = new SpringTransactionManager(transactions);
        this.dataSource = dataSource;
    }

    private static boolean closed(ConnectionHolder holder) {
        try {
            Connection connection = holder.getConnection();
            return connection == null || connection.isClosed();
        } catch (Exception e) {
            return true;
        }
    }

    @Override
    public Transaction startTransaction() {
        if (!CurrentUnitOfWork.isStarted()
            && TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder left
            && closed(left)) {
            TransactionSynchronizationManager.unbindResource(dataSource);
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.clear();
            }
            TransactionSynchronizationManager.setActualTransactionActive(false);
            left.clear();
            log.warn("A closed database connection left by a failed transaction is let go; the next transaction takes a new one");
        }
        return delegate.startTransaction();
    }
}
