package com.lineguard.command.bridge;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;

/** The CloudEvent ids of legacy messages already applied or parked: each is handled once however often it comes. */
@Repository
class ProcessedLegacyMessages {

    enum Outcome { APPLIED, PARKED }

    private final JdbcTemplate jdbc;

    ProcessedLegacyMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * True when this call recorded the id, false when it was already there. A concurrent claim of the same id waits
     * on the primary key until the first transaction ends, so two deliveries never both act.
     */
    boolean record(String messageId, String type, Outcome outcome) {
        return jdbc.update("""
                insert into legacy_message (message_id, type, outcome, processed_at) values (?, ?, ?, ?)
                on conflict do nothing""", messageId, type, outcome.name(), Timestamp.from(Instant.now())) == 1;
    }
}
