package com.lineguard.query.crew;

import com.lineguard.platform.testing.TestDatabases;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Notifications (with the emergency's location) are forgotten once older than the retention. */
class NotificationRetentionTest {

    static JdbcTemplate jdbc;

    @BeforeAll
    static void database() {
        jdbc = TestDatabases.migratedDatabase();
    }

    @Test
    void given_notifications_of_31_days_and_1_day_ago_when_purged_with_30_days_retention_then_only_the_recent_stay() {
        Instant now = Instant.now();
        long old = notified(1, "crew-1", now.minus(Duration.ofDays(31)));
        long recent = notified(2, "crew-1", now.minus(Duration.ofDays(1)));
        long fresh = notified(3, "crew-2", now);

        new NotificationRetention(jdbc, Duration.ofDays(30)).purge();

        assertThat(jdbc.queryForList("select id from crew_notification order by id", Long.class))
                .containsExactly(recent, fresh).doesNotContain(old);
    }

    private static long notified(long eventPosition, String crewMemberId, Instant at) {
        return jdbc.queryForObject("insert into crew_notification (crew_member_id, kind, subject_id, data, created_at, "
                        + "event_id) values (?, 'nearby-emergency', ?, '{}', ?, ?) returning id", Long.class,
                crewMemberId, UUID.randomUUID(), Timestamp.from(at), "event-" + eventPosition);
    }
}
