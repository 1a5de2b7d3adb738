package com.lineguard.command.crew;

import com.lineguard.platform.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A crew member's last position is forgotten once it is older than the retention (docs/data-protection.md). */
class LocationRetentionTest {

    static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = TestDatabases.migratedDatabase();
    }

    @Test
    void given_positions_received_31_days_and_1_day_ago_when_purged_with_30_days_retention_then_only_the_recent_stays() {
        Instant now = Instant.now();
        received("crew-away-for-a-month", now.minus(Duration.ofDays(31)));
        received("crew-just-off-shift", now.minus(Duration.ofDays(1)));
        received("crew-on-duty", now);

        new LocationRetention(jdbc, Duration.ofDays(30)).purge();

        assertThat(jdbc.queryForList("select crew_member_id from crew_location order by crew_member_id", String.class))
                .containsExactly("crew-just-off-shift", "crew-on-duty");
    }

    private static void received(String crewMemberId, Instant at) {
        jdbc.update("insert into crew_location (crew_member_id, lat, lon, accuracy_m, recorded_at, received_at) "
                + "values (?, 52.1, 4.3, 10, ?, ?)", crewMemberId, Timestamp.from(at), Timestamp.from(at));
    }
}
