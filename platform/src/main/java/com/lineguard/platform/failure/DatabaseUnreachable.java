package com.lineguard.platform.failure;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database could not be reached: worth a 503 and a retry with the same key, not a 500.
 */
public final class DatabaseUnreachable {

    /** What HikariCP answers, without a SQLSTATE, on a connection it has already evicted as broken. */
    private static final String EVICTED_BY_THE_POOL = "Connection is closed";

    private DatabaseUnreachable() {
    }

    /**
     * A connection that could not be had or was lost: SQLSTATE class 08 (connection exception) and 57P (the server
     * shutting down or starting up), a pool that timed out waiting for one, or a connection the pool evicted earlier in
     * the same transaction (Axon swallows a failed snapshot read, so the next statement is the first to fail). When the
     * rollback after such a failure fails too, the failure itself is the transaction's application exception.
     */
    public static boolean causedIt(Throwable failure) {
        return Causes.anyMatch(failure, t -> t instanceof TransactionSystemException rollback
                        && rollback.getApplicationException() != null
                        && causedIt(rollback.getApplicationException())
                || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                || t instanceof DataAccessResourceFailureException || t instanceof SQLTransientConnectionException
                || t instanceof SQLException sql && connectionLost(sql));
    }

    private static boolean connectionLost(SQLException e) {
        String state = e.getSQLState();
        return state == null
                ? EVICTED_BY_THE_POOL.equals(e.getMessage())
                : state.startsWith("08") || state.startsWith("57P");
    }
}
