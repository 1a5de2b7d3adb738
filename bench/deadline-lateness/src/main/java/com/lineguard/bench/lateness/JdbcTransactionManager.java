package com.lineguard.bench.lateness;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.ConnectionWrapperFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Spring-free JDBC transactions for Axon: the outermost transaction binds a connection to the thread, nested ones
 * join it, and the event store's {@link ConnectionProvider} hands out that connection (with a no-op close).
 */
final class JdbcTransactionManager implements TransactionManager, ConnectionProvider {

    private static final Transaction JOINED = new Transaction() {
        @Override
        public void commit() {
        }

        @Override
        public void rollback() {
        }
    };

    private final DataSource dataSource;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    JdbcTransactionManager(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        if (current.get() != null) {
            return JOINED;
        }
        final Connection connection;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start a JDBC transaction", e);
        }
        current.set(connection);
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    connection.commit();
                } catch (SQLException e) {
                    throw new IllegalStateException("Commit failed", e);
                } finally {
                    release(connection);
                }
            }

            @Override
            public void rollback() {
                try {
                    connection.rollback();
                } catch (SQLException e) {
                    throw new IllegalStateException("Rollback failed", e);
                } finally {
                    release(connection);
                }
            }
        };
    }

    private void release(Connection connection) {
        current.remove();
        try {
            connection.setAutoCommit(true);
            connection.close();
        } catch (SQLException ignored) {
            // returned to the pool either way
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection bound = current.get();
        if (bound == null) {
            return dataSource.getConnection();
        }
        return ConnectionWrapperFactory.wrap(bound, new ConnectionWrapperFactory.NoOpCloseHandler());
    }
}
