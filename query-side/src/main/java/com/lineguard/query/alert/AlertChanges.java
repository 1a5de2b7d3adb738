package com.lineguard.query.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.contracts.alert.AlertView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The log of every change of every alert (the dispatch stream's read model): one row per event that changed an
 * alert. A row's position comes from a sequence as the projection's one writer inserts it, so positions grow in commit
 * order, which an event's global position does not (V11). Kept for a day: a board away longer reloads the board instead.
 */
@Repository
class AlertChanges {

    /** One change: the view after the event at {@code position}. */
    record Change(long position, AlertView view) {
    }

    private static final Duration KEPT = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final RowMapper<Change> changes;
    private final Clock clock = Clock.systemUTC();

    AlertChanges(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.changes = (rs, i) -> new Change(rs.getLong(1), read(rs.getString(2)));
    }

    /** Idempotent per event: a redelivered event logs nothing new. */
    void append(String eventId, AlertView view) {
        jdbc.update("insert into alert_change (event_id, alert_id, view, changed_at) values (?, ?, ?, ?) "
                + "on conflict (event_id) do nothing", eventId, view.alertId(), write(view),
                Timestamp.from(clock.instant()));
    }

    List<Change> after(long position, int limit) {
        return jdbc.query("select position, view from alert_change where position > ? order by position limit ?",
                changes, position, limit);
    }

    long head() {
        Long head = jdbc.queryForObject("select max(position) from alert_change", Long.class);
        return head == null ? 0 : head;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
    void forgetOldChanges() {
        jdbc.update("delete from alert_change where changed_at < ?", Timestamp.from(clock.instant().minus(KEPT)));
    }

    private AlertView read(String value) {
        try {
            return json.readValue(value, AlertView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable alert change", e);
        }
    }

    private String write(AlertView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
