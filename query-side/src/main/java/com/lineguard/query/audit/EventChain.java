package com.lineguard.query.audit;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The tamper-evidence chain beside the event store, and raw access to the stored events it covers. */
@Repository
class EventChain {

    record Link(long globalIndex, String eventId, byte[] link) {
    }

    static final RowMapper<StoredEvent> STORED_EVENT = (rs, i) -> new StoredEvent(rs.getLong(1), rs.getString(2),
            rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getBytes(9), rs.getBytes(10));
    private static final RowMapper<Link> LINK = (rs, i) -> new Link(rs.getLong(1), rs.getString(2), rs.getBytes(3));

    private final JdbcTemplate jdbc;

    EventChain(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredEvent> storedEvent(long globalIndex) {
        return jdbc.query("select " + StoredEvent.COLUMNS + " from domainevententry where globalindex = ?",
                STORED_EVENT, globalIndex).stream().findFirst();
    }

    List<StoredEvent> storedEventsAfter(long globalIndex, int limit) {
        return jdbc.query("select " + StoredEvent.COLUMNS + " from domainevententry where globalindex > ? "
                + "order by globalindex limit ?", STORED_EVENT, globalIndex, limit);
    }

    long head() {
        Long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        return head == null ? 0 : head;
    }

    Optional<Link> last() {
        return jdbc.query("select global_index, event_id, link from event_chain order by global_index desc limit 1",
                LINK).stream().findFirst();
    }

    List<Link> linksAfter(long globalIndex, int limit) {
        return jdbc.query("select global_index, event_id, link from event_chain where global_index > ? "
                + "order by global_index limit ?", LINK, globalIndex, limit);
    }

    void append(StoredEvent event, byte[] link) {
        jdbc.update("insert into event_chain (global_index, event_id, link, chained_at) values (?, ?, ?, ?) "
                + "on conflict (global_index) do nothing", event.globalIndex(), event.eventId(), link,
                Timestamp.from(Instant.now()));
    }
}
