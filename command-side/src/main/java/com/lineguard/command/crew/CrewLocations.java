package com.lineguard.command.crew;

import com.lineguard.contracts.geo.GeoLocation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Each crew member's last known location. Kept out of the event store: thousands of phones report every 30 s and
 * only the newest fix matters for sending help. The newest fix by the device's own clock wins, so a phone that
 * uploads its backlog after a dead zone does not overwrite a fresher position.
 */
@Repository
public class CrewLocations implements LastKnownLocations {

    private final JdbcTemplate jdbc;

    public CrewLocations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String crewMemberId, GeoLocation location, Instant recordedAt, Instant receivedAt) {
        jdbc.update("""
                insert into crew_location (crew_member_id, lat, lon, accuracy_m, recorded_at, received_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (crew_member_id) do update
                   set lat = excluded.lat, lon = excluded.lon, accuracy_m = excluded.accuracy_m,
                       recorded_at = excluded.recorded_at, received_at = excluded.received_at
                 where crew_location.recorded_at < excluded.recorded_at""",
                crewMemberId, location.lat(), location.lon(), location.accuracyM(),
                Timestamp.from(recordedAt), Timestamp.from(receivedAt));
    }

    @Override
    public Optional<LocationFix> latest(String crewMemberId) {
        return jdbc.query("select lat, lon, accuracy_m, recorded_at from crew_location where crew_member_id = ?",
                (rs, i) -> new LocationFix(
                        new GeoLocation(rs.getDouble(1), rs.getDouble(2), (Double) rs.getObject(3)),
                        rs.getTimestamp(4).toInstant()),
                crewMemberId).stream().findFirst();
    }
}
