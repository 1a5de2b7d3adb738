package com.lineguard.platform.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Axon's embedded event store wakes the processors that follow it when a unit of work commits. An HTTP command's
 * database transaction outlives its unit of work ({@code CommandExecutor} also stores the idempotent answer in it), so
 * that wake-up came before the events were visible, found nothing, and the events waited for the next poll. Here the
 * wake-up waits for the database commit; a unit of work that owns its transaction has committed it already.
 */
class CommitSignallingEventStore extends EmbeddedEventStore {

    CommitSignallingEventStore(Builder builder) {
        super(builder);
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    CommitSignallingEventStore.super.afterCommit(events);
                }
            });
        } else {
            super.afterCommit(events);
        }
    }
}
