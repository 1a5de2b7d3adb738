package com.lineguard.query.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Keeps the hash chain current, strictly in global order, over the rows exactly as stored.
 * <p>
 * Global positions can commit out of order (two command transactions), and a rolled-back transaction leaves a
 * position that never fills. So a row is chained only once every position before it is settled: filled, or empty
 * for longer than {@code lineguard.audit.chain-settle-time}. A row that appears later in a settled hole was put
 * there by hand, and the verifier reports it as inserted. One node chains at a time (a transaction-scoped
 * PostgreSQL advisory lock); the others find the lock taken and skip the round.
 */
@Component
class EventChainer {

    private static final long ADVISORY_LOCK = 0x4c47_4348_4149_4eL;
    private static final int BATCH = 1_000;

    private final EventChain chain;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Duration settleTime;
    private final Clock clock = Clock.systemUTC();

    EventChainer(EventChain chain, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                 @Value("${lineguard.audit.chain-settle-time}") Duration settleTime) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.settleTime = settleTime;
    }

    @Scheduled(fixedDelayString = "${lineguard.audit.chain-interval}")
    void chainNewEvents() {
        transaction.executeWithoutResult(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class,
                    ADVISORY_LOCK))) {
                return;
            }
            EventChain.Link last = chain.last().orElse(null);
            long position = last == null ? 0 : last.globalIndex();
            byte[] previous = last == null ? StoredEvent.GENESIS : last.link();
            Instant settledBefore = clock.instant().minus(settleTime);
            List<StoredEvent> batch = chain.storedEventsAfter(position, BATCH);
            for (StoredEvent event : batch) {
                boolean contiguous = event.globalIndex() == position + 1;
                if (!contiguous && Instant.parse(event.timestamp()).isAfter(settledBefore)) {
                    return;
                }
                previous = event.link(previous);
                chain.append(event, previous);
                position = event.globalIndex();
            }
        });
    }
}
