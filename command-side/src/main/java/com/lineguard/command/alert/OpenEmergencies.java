package com.lineguard.command.alert;

import com.lineguard.contracts.alert.AlertEvents.AlertResolved;
import com.lineguard.contracts.alert.AlertEvents.EmergencyRaised;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who has an emergency that is not resolved yet: a crew member without one may always raise one, whatever their
 * rate ({@code RateLimitPolicy}). Kept in the transaction of the events that open and close an emergency.
 */
@Component
@ProcessingGroup(OpenEmergencies.PROCESSING_GROUP)
public class OpenEmergencies {

    /** Subscribing: runs inside the transaction that appends the event. */
    public static final String PROCESSING_GROUP = "open-emergencies";

    private final JdbcTemplate jdbc;

    public OpenEmergencies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean anyOf(String crewMemberId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from open_emergency where crew_member_id = ?)", Boolean.class, crewMemberId));
    }

    @EventHandler
    void on(EmergencyRaised event) {
        jdbc.update("insert into open_emergency (alert_id, crew_member_id) values (?, ?) on conflict do nothing",
                event.alertId(), event.crewMemberId());
    }

    @EventHandler
    void on(AlertResolved event) {
        jdbc.update("delete from open_emergency where alert_id = ?", event.alertId());
    }
}
