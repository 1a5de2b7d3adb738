package com.lineguard.query.outage;

import com.lineguard.contracts.geo.GeoLocation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The read model behind the public calls, built for a storm's peak: each outage's public JSON rendered once per
 * change, with its ETag, so that answering costs one key lookup (or one index range scan) and no serialization.
 */
@Repository
public class PublicOutages {

    /** A rendered public view. */
    public record Published(String body, String etag) {
    }

    /** A rendered public view of an unclosed outage, with where it is. */
    public record Located(GeoLocation location, String body) {
    }

    private static final double KM_PER_DEGREE_LATITUDE = 111.19;

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

    /**
     * Unclosed outages within {@code radiusKm} of {@code centre}, nearest first: a bounding box the index can scan,
     * then the exact great-circle distance.
     */
    public List<Located> openWithin(GeoLocation centre, double radiusKm) {
        double dLat = radiusKm / KM_PER_DEGREE_LATITUDE;
        double cosLat = Math.max(Math.cos(Math.toRadians(centre.lat())), 0.01);
        double dLon = Math.min(radiusKm / (KM_PER_DEGREE_LATITUDE * cosLat), 180);
        return jdbc.query("""
                        select lat, lon, body from public_outage
                         where open and lat between ? and ? and lon between ? and ?""",
                        (rs, i) -> new Located(new GeoLocation(rs.getDouble(1), rs.getDouble(2), null), rs.getString(3)),
                        centre.lat() - dLat, centre.lat() + dLat, centre.lon() - dLon, centre.lon() + dLon)
                .stream()
                .filter(outage -> centre.distanceKmTo(outage.location()) <= radiusKm)
                .sorted(Comparator.comparingDouble(outage -> centre.distanceKmTo(outage.location())))
                .toList();
    }
}
