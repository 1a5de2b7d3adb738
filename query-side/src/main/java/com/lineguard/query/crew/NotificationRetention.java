package com.lineguard.query.crew;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Notifications carry where an emergency was; phones that were away longer than
 * {@code lineguard.privacy.location-retention} do not need them replayed, so older rows are purged. The events
 * themselves stay in the event store (docs/data-protection.md).
 */
@Component
class NotificationRetention {

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock = Clock.systemUTC();

    NotificationRetention(JdbcTemplate jdbc, @Value("${lineguard.privacy.location-retention}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${lineguard.privacy.purge-interval}", initialDelayString = "PT1M")
    void purge() {
        jdbc.update("delete from crew_notification where created_at < ?", Timestamp.from(clock.instant().minus(retention)));
    }
}
