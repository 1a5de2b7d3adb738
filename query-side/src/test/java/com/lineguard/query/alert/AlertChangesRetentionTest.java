package com.lineguard.query.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.platform.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The log of alert changes (with locations) behind the dispatch stream keeps one day. */
class AlertChangesRetentionTest {

    static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = TestDatabases.migratedDatabase();
    }

    @Test
    void given_changes_of_25_hours_and_23_hours_ago_when_old_changes_are_forgotten_then_only_the_recent_stays() {
        Instant now = Instant.now();
        changed(1, now.minus(Duration.ofHours(25)));
        changed(2, now.minus(Duration.ofHours(23)));

        new AlertChanges(jdbc, new ObjectMapper()).forgetOldChanges();

        assertThat(jdbc.queryForList("select position from alert_change", Long.class)).containsExactly(2L);
    }

    private static void changed(long position, Instant at) {
        jdbc.update("insert into alert_change (position, event_id, alert_id, view, changed_at) "
                + "values (?, ?, ?, '{}', ?)", position, UUID.randomUUID().toString(),
                UUID.randomUUID(), Timestamp.from(at));
    }
}
