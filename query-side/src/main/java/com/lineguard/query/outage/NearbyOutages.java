package com.lineguard.query.outage;

import com.lineguard.contracts.geo.GeoLocation;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The unclosed outages of {@link PublicOutages} in memory, on a grid of {@value #CELL_DEGREES}° cells, for the
 * radius query: in a storm every customer's app asks "what is near me", each from another position, so no cache
 * helps and a database round trip per request halves the throughput (docs/performance.md).
 * <p>
 * It follows the table, not in-memory events: every {@link #POLL_MILLIS} ms it reads the rows changed since the last
 * position it saw, so it shows what the projection committed on any node, a fraction of a second later — well within
 * the {@code max-age} customers' caches allow anyway. The projection's segments commit positions out of order, so a
 * row can appear below a position already seen; a full reload every {@link #RELOAD_MILLIS} ms catches those.
 */
@Component
class NearbyOutages {

    private static final Logger log = LoggerFactory.getLogger(NearbyOutages.class);
    static final long POLL_MILLIS = 250;
    static final double CELL_DEGREES = 0.1;
    static final long RELOAD_MILLIS = 10_000;
    private static final int BATCH = 5_000;

    private record Entry(GeoLocation location, String body) {
    }

    /** The open outages by id, and the ids in each grid cell. */
    private record Index(Map<UUID, Entry> open, Map<Long, Set<UUID>> cells) {
        Index() {
            this(new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }
    }

    private final JdbcTemplate jdbc;
    private volatile Index index = new Index();
    private long lastReload;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "nearby-outages");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long seenUpTo = -1;

    NearbyOutages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        poller.scheduleWithFixedDelay(this::pollSafely, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Rendered public views of the unclosed outages within {@code radiusKm} of {@code centre}, nearest first. */
    List<String> within(GeoLocation centre, double radiusKm) {
        double dLat = radiusKm / PublicOutages.KM_PER_DEGREE_LATITUDE;
        double cosLat = Math.max(Math.cos(Math.toRadians(centre.lat())), 0.01);
        double dLon = Math.min(radiusKm / (PublicOutages.KM_PER_DEGREE_LATITUDE * cosLat), 180);
        Index current = index;
        List<Map.Entry<Double, String>> found = new ArrayList<>();
        for (long latCell = cell(centre.lat() - dLat); latCell <= cell(centre.lat() + dLat); latCell++) {
            for (long lonCell = cell(centre.lon() - dLon); lonCell <= cell(centre.lon() + dLon); lonCell++) {
                for (UUID outageId : current.cells().getOrDefault(key(latCell, lonCell), Set.of())) {
                    Entry entry = current.open().get(outageId);
                    if (entry == null) {
                        continue;
                    }
                    double distance = centre.distanceKmTo(entry.location());
                    if (distance <= radiusKm) {
                        found.add(Map.entry(distance, entry.body()));
                    }
                }
            }
        }
        found.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        return found.stream().map(Map.Entry::getValue).toList();
    }

    @PreDestroy
    void stop() {
        poller.shutdownNow();
    }

    private void pollSafely() {
        try {
            if (System.currentTimeMillis() - lastReload >= RELOAD_MILLIS) {
                lastReload = System.currentTimeMillis();
                Index reloaded = new Index();
                long upTo = seenUpTo;
                seenUpTo = -1;
                while (apply(reloaded) == BATCH) {
                    // next batch
                }
                seenUpTo = Math.max(seenUpTo, upTo);
                index = reloaded;
                return;
            }
            while (apply(index) == BATCH) {
                // next batch
            }
        } catch (Exception e) {
            log.warn("Reading changed public outages failed; retrying", e);
        }
    }

    /** Applies the next batch of rows changed after {@link #seenUpTo}; how many there were. */
    private int apply(Index target) {
        List<Integer> count = new ArrayList<>();
        jdbc.query("""
                select outage_id, open, lat, lon, body, last_event from public_outage
                 where last_event > ? order by last_event limit ?""", rs -> {
            UUID outageId = rs.getObject(1, UUID.class);
            GeoLocation location = new GeoLocation(rs.getDouble(3), rs.getDouble(4), null);
            Set<UUID> cell = target.cells().computeIfAbsent(key(cell(location.lat()), cell(location.lon())),
                    k -> ConcurrentHashMap.newKeySet());
            if (rs.getBoolean(2)) {
                target.open().put(outageId, new Entry(location, rs.getString(5)));
                cell.add(outageId);
            } else {
                cell.remove(outageId);
                target.open().remove(outageId);
            }
            seenUpTo = rs.getLong(6);
            count.add(1);
        }, seenUpTo, BATCH);
        return count.size();
    }

    private static long cell(double degrees) {
        return (long) Math.floor(degrees / CELL_DEGREES);
    }

    private static long key(long latCell, long lonCell) {
        return latCell * 10_000 + lonCell;
    }
}
