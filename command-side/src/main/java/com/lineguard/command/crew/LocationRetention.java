package com.lineguard.command.crew;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * A crew member's last position is kept only as long as it can help send somebody to them
 * ({@code lineguard.privacy.location-retention}, docs/data-protection.md); an older one is forgotten.
 */
@Component
class LocationRetention {

    private static final Logger log = LoggerFactory.getLogger(LocationRetention.class);

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Clock clock = Clock.systemUTC();

    LocationRetention(JdbcTemplate jdbc, @Value("${lineguard.privacy.location-retention}") Duration retention) {
        this.jdbc = jdbc;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${lineguard.privacy.purge-interval}", initialDelayString = "PT1M")
    void purge() {
        int purged = jdbc.update("delete from crew_location where received_at < ?",
                Timestamp.from(clock.instant().minus(retention)));
        if (purged > 0) {
            log.info("Purged {} crew locations older than {}", purged, retention);
        }
    }
}
