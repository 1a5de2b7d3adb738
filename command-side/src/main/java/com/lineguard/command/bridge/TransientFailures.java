package com.lineguard.command.bridge;

import com.lineguard.platform.failure.Causes;
import org.apache.kafka.common.KafkaException;
import org.axonframework.common.AxonTransientException;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import java.sql.SQLException;

/** Failures that go away by themselves (the database or the broker was away, a concurrent writer won): retry them. */
final class TransientFailures {

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        return Causes.anyMatch(failure, t -> t instanceof DataAccessException || t instanceof TransactionException
                || t instanceof SQLException || t instanceof KafkaException || t instanceof AxonTransientException);
    }
}
