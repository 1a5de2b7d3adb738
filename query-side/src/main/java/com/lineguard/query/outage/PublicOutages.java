package com.lineguard.query.outage;

import com.lineguard.contracts.geo.GeoLocation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read model behind the public calls, built for a storm's peak: each outage's public JSON rendered once per
 * change, with its ETag, so that answering costs one key lookup and no serialization; {@link NearbyOutages} keeps
 * the unclosed ones in memory for the radius query.
 */
@Repository
public class PublicOutages {

    /** A rendered public view. */
    public record Published(String body, String etag) {
    }

    static final double KM_PER_DEGREE_LATITUDE = 111.19;

    private final JdbcTemplate jdbc;

    public PublicOutages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(UUID outageId, boolean open, GeoLocation location, String body, String etag, long lastEvent) {
        jdbc.update("""
                insert into public_outage (outage_id, open, lat, lon, body, etag, last_event)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (outage_id) do update
                   set open = excluded.open, body = excluded.body, etag = excluded.etag,
                       last_event = excluded.last_event""",
                outageId, open, location.lat(), location.lon(), body, etag, lastEvent);
    }

    public Optional<Published> find(UUID outageId) {
        return jdbc.query("select body, etag from public_outage where outage_id = ?",
                (rs, i) -> new Published(rs.getString(1), rs.getString(2)), outageId).stream().findFirst();
    }
}
