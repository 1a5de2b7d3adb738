package com.lineguard.platform.failure;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnreachableTest {

    private static final SQLException EVICTED = new SQLException("Connection is closed");

    @Test
    void aServerShuttingDownOrAConnectionRefusedIsUnreachable() {
        assertThat(DatabaseUnreachable.causedIt(new EventStoreException("append failed",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01")))).isTrue();
        assertThat(DatabaseUnreachable.causedIt(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(DatabaseUnreachable.causedIt(new SQLTransientConnectionException("pool timed out"))).isTrue();
    }

    /** As seen when PostgreSQL stopped under load: the snapshot read that first failed was swallowed by Axon. */
    @Test
    void aConnectionThePoolEvictedEarlierInTheTransactionIsUnreachable() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed", EVICTED);
        rollbackFailed.initApplicationException(new JdbcException("Failed to create a SQL statement", EVICTED));

        assertThat(DatabaseUnreachable.causedIt(rollbackFailed)).isTrue();
    }

    @Test
    void aRollbackThatFailsAfterAnUnrelatedFailureIsNotUnreachable() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Cannot rollback when autoCommit is enabled.", "25P01"));
        rollbackFailed.initApplicationException(new IllegalStateException("a bug"));

        assertThat(DatabaseUnreachable.causedIt(rollbackFailed)).isFalse();
    }

    @Test
    void whatTheDatabaseRefusedIsNotUnreachable() {
        assertThat(DatabaseUnreachable.causedIt(new DuplicateKeyException("dup",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnreachable.causedIt(new SQLException("some driver failure"))).isFalse();
        assertThat(DatabaseUnreachable.causedIt(new IllegalArgumentException("a bug"))).isFalse();
    }
}
