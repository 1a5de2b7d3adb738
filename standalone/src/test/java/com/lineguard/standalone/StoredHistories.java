package com.lineguard.standalone;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Instant;
import java.util.List;

/**
 * What the event store of a forked standalone holds, read with plain SQL: the ground truth a fault test checks the
 * HTTP answers against.
 */
final class StoredHistories {

    /** One stored event: its place in the alert's history, its simple type name, who caused it and when. */
    record StoredEvent(long sequence, String type, String actor, String payload, Instant recordedAt) {
    }

    final JdbcTemplate jdbc;

    StoredHistories(String url, String user) {
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url, user, ""));
    }

    List<StoredEvent> of(String alertId) {
        return jdbc.query("select sequence, event_type, metadata::jsonb ->> 'actor' as actor, payload, recorded_at "
                        + "from event_log where aggregate_id = ? order by sequence",
                (row, i) -> new StoredEvent(row.getLong("sequence"), simpleName(row.getString("event_type")),
                        row.getString("actor"), row.getString("payload"), Instant.parse(row.getString("recorded_at"))),
                alertId);
    }

    /** Sequence numbers 0, 1, 2 ... with no gap and no repeat: no event was lost or written twice. */
    static boolean gapless(List<StoredEvent> history) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).sequence() != i) {
                return false;
            }
        }
        return true;
    }

    static long count(List<StoredEvent> history, String type) {
        return history.stream().filter(e -> e.type().equals(type)).count();
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(Math.max(payloadType.lastIndexOf('.'), payloadType.lastIndexOf('$')) + 1);
    }
}
