package com.lineguard.query.crew;

import com.lineguard.contracts.geo.GeoLocation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The query side's own reader of {@code crew_location}, the table {@code POST /crews/me/location} writes. Locations
 * are not events (phones report every 30 s and only the newest fix matters), so there is nothing to project: reading
 * the table itself is always current and keeps no second copy. Only the schema is shared with the command side,
 * not its classes.
 */
@Repository
public class CrewPositions {

    private final JdbcTemplate jdbc;

    public CrewPositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The last reported location of each of {@code crewIds} that has reported one. */
    public Map<String, GeoLocation> lastKnown(Collection<String> crewIds) {
        return jdbc.query("select crew_member_id, lat, lon, accuracy_m from crew_location where crew_member_id = any (?)",
                        (rs, i) -> Map.entry(rs.getString(1),
                                new GeoLocation(rs.getDouble(2), rs.getDouble(3), (Double) rs.getObject(4))),
                        (Object) crewIds.toArray(String[]::new))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** A crew member's last reported position and when the phone took it. */
    public record CrewPosition(String crewId, GeoLocation location, Instant recordedAt) {
    }

    /** Every crew member's last reported position (the table keeps only what retention has not purged yet). */
    public List<CrewPosition> all() {
        return jdbc.query("select crew_member_id, lat, lon, accuracy_m, recorded_at from crew_location order by crew_member_id",
                (rs, i) -> new CrewPosition(rs.getString(1),
                        new GeoLocation(rs.getDouble(2), rs.getDouble(3), (Double) rs.getObject(4)),
                        rs.getTimestamp(5).toInstant()));
    }
}
