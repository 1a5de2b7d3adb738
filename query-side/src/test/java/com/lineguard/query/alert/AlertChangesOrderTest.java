package com.lineguard.query.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.contracts.alert.AlertEvents.EmergencyRaised;
import com.lineguard.contracts.alert.AlertView;
import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.platform.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two emergencies raised at once can commit in the other order than their global event positions; Axon hands the
 * late one to the projection after the other. The dispatch stream, which reads the change log after the last position
 * it sent, must still get both. (The whole path, through Axon, is in EventsCommittedLateOnPostgresTest.)
 */
class AlertChangesOrderTest {

    static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = TestDatabases.migratedDatabase();
    }

    @Test
    void given_a_stream_that_sent_a_change_when_an_event_that_committed_late_is_logged_then_the_stream_gets_it() {
        AlertChanges changes = new AlertChanges(jdbc, new ObjectMapper().findAndRegisterModules());
        changes.append(UUID.randomUUID().toString(), emergency());
        long sentUpTo = changes.head();

        AlertView late = emergency();
        changes.append(UUID.randomUUID().toString(), late);

        assertThat(changes.after(sentUpTo, 10)).extracting(change -> change.view().alertId())
                .containsExactly(late.alertId());
    }

    @Test
    void given_a_logged_change_when_its_event_is_delivered_again_then_nothing_new_is_logged() {
        AlertChanges changes = new AlertChanges(jdbc, new ObjectMapper().findAndRegisterModules());
        String eventId = UUID.randomUUID().toString();
        changes.append(eventId, emergency());
        long head = changes.head();

        changes.append(eventId, emergency());

        assertThat(changes.after(head, 10)).isEmpty();
    }

    private static AlertView emergency() {
        return AlertView.of(List.of(new EmergencyRaised(UUID.randomUUID(), "crew-7", new GeoLocation(52.0, 4.0, 10.0),
                null, Instant.now())));
    }
}
