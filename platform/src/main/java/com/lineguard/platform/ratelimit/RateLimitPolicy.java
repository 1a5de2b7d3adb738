package com.lineguard.platform.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How often one user may report locations and create alerts, so that a phone stuck in a loop or a stolen token
 * cannot flood the event store. A token bucket per user and kind: {@code requests} per {@code period}, up to
 * {@code burst} at once after a quiet spell. A first emergency is never limited: a crew member without an open
 * emergency always gets help, whatever they sent before.
 * <p>
 * The buckets live in this process's memory: behind a load balancer each node limits on its own, so a user may get
 * up to one budget per node. That is enough against floods, and needs nothing shared between nodes.
 */
public final class RateLimitPolicy {

    public enum Kind { LOCATION_REPORT, ALERT_CREATION }

    /** {@code requests} per {@code period} on average, and up to {@code burst} in a row. */
    public record Limit(int requests, Duration period, int burst) {
        public Limit {
            if (requests < 1 || burst < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A rate limit needs requests >= 1, burst >= 1 and a period > 0: "
                        + requests + " per " + period + ", burst " + burst);
            }
        }

        private double tokensPerNano() {
            return (double) requests / period.toNanos();
        }
    }

    /** The answer: go ahead, or wait {@code retryAfter} before the next try can pass. */
    public record Decision(Optional<Duration> retryAfter) {
        static final Decision ALLOWED = new Decision(Optional.empty());

        public boolean allowed() {
            return retryAfter.isEmpty();
        }
    }

    /** Forgetting full buckets now and then keeps memory bounded by the users active within one refill time. */
    private static final int DECISIONS_BETWEEN_SWEEPS = 4096;

    private record Key(Kind kind, String userId) {
    }

    private record Bucket(double tokens, Instant at) {
        Bucket refilled(Limit limit, Instant now) {
            long elapsed = Math.max(0, Duration.between(at, now).toNanos());
            return new Bucket(Math.min(limit.burst(), tokens + elapsed * limit.tokensPerNano()), now);
        }

        boolean isFull(Limit limit) {
            return tokens >= limit.burst();
        }
    }

    private final Map<Kind, Limit> limits;
    private final Map<Key, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicLong decisions = new AtomicLong();

    public RateLimitPolicy(Limit locationReports, Limit alertCreation) {
        this.limits = Map.of(Kind.LOCATION_REPORT, locationReports, Kind.ALERT_CREATION, alertCreation);
    }

    public Decision locationReport(String userId, Instant now) {
        return take(Kind.LOCATION_REPORT, userId, now);
    }

    /** A safety timer; an emergency is {@link #emergency}. */
    public Decision alertCreation(String userId, Instant now) {
        return take(Kind.ALERT_CREATION, userId, now);
    }

    /** Help first: only a user who already has an open emergency can be limited, and then like any alert creation. */
    public Decision emergency(String userId, boolean hasOpenEmergency, Instant now) {
        return hasOpenEmergency ? alertCreation(userId, now) : Decision.ALLOWED;
    }

    private Decision take(Kind kind, String userId, Instant now) {
        Limit limit = limits.get(kind);
        Decision[] decision = new Decision[1];
        buckets.compute(new Key(kind, userId), (key, bucket) -> {
            Bucket current = bucket == null ? new Bucket(limit.burst(), now) : bucket.refilled(limit, now);
            if (current.tokens() >= 1) {
                decision[0] = Decision.ALLOWED;
                return new Bucket(current.tokens() - 1, now);
            }
            long nanosToOneToken = (long) Math.ceil((1 - current.tokens()) / limit.tokensPerNano());
            decision[0] = new Decision(Optional.of(Duration.ofNanos(nanosToOneToken)));
            return current;
        });
        if (decisions.incrementAndGet() % DECISIONS_BETWEEN_SWEEPS == 0) {
            forgetFullBuckets(now);
        }
        return decision[0];
    }

    /** A full bucket says nothing a missing one would not; remove(key, bucket) spares one taken from meanwhile. */
    private void forgetFullBuckets(Instant now) {
        buckets.forEach((key, bucket) -> {
            Limit limit = limits.get(key.kind());
            if (bucket.refilled(limit, now).isFull(limit)) {
                buckets.remove(key, bucket);
            }
        });
    }

    /** How many users this node currently remembers; for tests of the sweep. */
    int trackedBuckets() {
        return buckets.size();
    }
}
