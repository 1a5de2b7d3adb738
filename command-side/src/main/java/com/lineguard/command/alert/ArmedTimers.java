package com.lineguard.command.alert;

import com.lineguard.contracts.alert.AlertEvents.AlertEscalated;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerArmed;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerCancelled;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerExtended;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One armed timer per crew member, across all nodes: the claim is a row under a primary key, taken in the arming
 * command's transaction and released in the transaction of the event that ends the countdown.
 */
@Component
@ProcessingGroup(ArmedTimers.PROCESSING_GROUP)
public class ArmedTimers implements TimerClaims {

    /** Subscribing: runs inside the transaction that appends the event. */
    public static final String PROCESSING_GROUP = "armed-timers";

    private final JdbcTemplate jdbc;

    public ArmedTimers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String crewMemberId, UUID alertId) {
        return jdbc.update("insert into armed_timer (crew_member_id, alert_id) values (?, ?) on conflict do nothing",
                crewMemberId, alertId) == 1;
    }

    @EventHandler
    void on(SafetyTimerArmed event) {
        setDueAt(event.alertId(), event.dueAt());
    }

    @EventHandler
    void on(SafetyTimerExtended event) {
        setDueAt(event.alertId(), event.dueAt());
    }

    /** Armed timers whose due time passed before {@code cutoff}: each should have escalated already. */
    List<UUID> dueBefore(Instant cutoff) {
        return jdbc.queryForList("select alert_id from armed_timer where due_at < ?", UUID.class,
                Timestamp.from(cutoff));
    }

    private void setDueAt(UUID alertId, Instant dueAt) {
        jdbc.update("update armed_timer set due_at = ? where alert_id = ?", Timestamp.from(dueAt), alertId);
    }

    @EventHandler
    void on(SafetyTimerCancelled event) {
        release(event.alertId());
    }

    @EventHandler
    void on(AlertEscalated event) {
        release(event.alertId());
    }

    private void release(UUID alertId) {
        jdbc.update("delete from armed_timer where alert_id = ?", alertId);
    }
}
