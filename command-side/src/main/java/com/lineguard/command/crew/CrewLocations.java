package com.lineguard.command.crew;

import com.lineguard.contracts.geo.GeoLocation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Each crew member's last known location. Kept out of the event store: thousands of phones report every 30 s and
 * only the newest fix matters for sending help. The newest fix by the device's own clock wins, so a phone that
 * uploads its backlog after a dead zone does not overwrite a fresher position.
 */
@Repository
public class CrewLocations implements LastKnownLocations, NearbyCrews {

    private static final double KM_PER_DEGREE_LATITUDE = 111.32;

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

    @Override
    public List<String> within(GeoLocation center, double radiusKm) {
        double latSpan = radiusKm / KM_PER_DEGREE_LATITUDE;
        double lonSpan = radiusKm / (KM_PER_DEGREE_LATITUDE * Math.max(0.01, Math.cos(Math.toRadians(center.lat()))));
        record Candidate(String crewMemberId, double distanceKm) {
        }
        return jdbc.query("""
                        select crew_member_id, lat, lon from crew_location
                         where lat between ? and ? and lon between ? and ?""",
                        (rs, i) -> new Candidate(rs.getString(1),
                                center.distanceKmTo(new GeoLocation(rs.getDouble(2), rs.getDouble(3), null))),
                        center.lat() - latSpan, center.lat() + latSpan, center.lon() - lonSpan, center.lon() + lonSpan)
                .stream()
                .filter(candidate -> candidate.distanceKm() <= radiusKm)
                .sorted(Comparator.comparingDouble(Candidate::distanceKm))
                .map(Candidate::crewMemberId)
                .toList();
    }
}
