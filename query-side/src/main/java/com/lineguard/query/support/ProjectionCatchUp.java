package com.lineguard.query.support;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Read-your-writes (API.md): before answering, a query waits briefly until its projection has committed every event
 * that was in the store when the query arrived, so a GET after a successful POST reflects that POST. Progress is
 * read from the token store, where it commits together with the read model, so this holds whichever node of a
 * cluster runs the projection.
 */
@Component
public class ProjectionCatchUp {

    private static final long POLL_MILLIS = 5;

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    public ProjectionCatchUp(EventStore eventStore, JdbcTemplate jdbc, Serializer serializer) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** False when the projection did not catch up in time; the caller then answers with what it has. */
    public boolean await(String processorName, Duration timeout) {
        TrackingToken head = eventStore.createHeadToken();
        if (head == null) {
            return true;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!covers(processorName, head)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Events in the store the processor has not handled yet (all of them before it first claims its segments). */
    public long eventsBehind(String processorName) {
        List<TrackingToken> tokens = tokens(processorName);
        long handledUpTo = tokens.isEmpty() || tokens.contains(null) ? 0 : tokens.stream()
                .mapToLong(token -> token.position().orElse(0))
                .min().orElse(0);
        Long behind = jdbc.queryForObject("select count(*) from domainevententry where globalindex > ?", Long.class,
                handledUpTo);
        return behind == null ? 0 : behind;
    }

    private boolean covers(String processorName, TrackingToken head) {
        List<TrackingToken> tokens = tokens(processorName);
        return !tokens.isEmpty() && tokens.stream().allMatch(token -> token != null && token.covers(head));
    }

    private List<TrackingToken> tokens(String processorName) {
        return jdbc.query(
                "select token, tokentype from tokenentry where processorname = ?",
                (rs, i) -> rs.getBytes(1) == null ? null : (TrackingToken) serializer.deserialize(
                        new SimpleSerializedObject<>(rs.getBytes(1), byte[].class, rs.getString(2), null)),
                processorName);
    }
}
