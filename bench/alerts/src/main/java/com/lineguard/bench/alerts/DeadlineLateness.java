package com.lineguard.bench.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Part 2: many safety timers due within one window, armed fast over HTTP by as many crew members; lateness = the
 * stored {@code AlertEscalated} event's timestamp minus the timer's {@code dueAt}. The ceiling, in the same run and
 * at the same instants: an in-memory {@link ScheduledExecutorService} (10 threads) that only notes the time.
 */
final class DeadlineLateness {

    private static final int ARM_THREADS = 16;
    private static final int CEILING_THREADS = 10;

    record Result(int timers, long armErrors, int squeezed, double armSeconds, double leadAfterArmingSeconds,
                  Distribution lateness, Distribution ceiling, int missed) {
    }

    private final Lineguard lineguard;
    private final Database database;

    DeadlineLateness(Lineguard lineguard, Database database) {
        this.lineguard = lineguard;
        this.database = database;
    }

    /**
     * Arms {@code timers} timers due evenly over {@code windowSeconds}, the first due {@code leadSeconds} after
     * arming starts, and waits for their escalations at most {@code boundSeconds} after the last due time.
     */
    Result run(int timers, int windowSeconds, int leadSeconds, int boundSeconds) throws Exception {
        Progress.say("deadlines: minting %d crew tokens", timers);
        String[] tokens = lineguard.crewTokens("bench-timer-", timers);
        Map<String, Instant> dueAtById = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> ceilingLateness = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService ceiling = Executors.newScheduledThreadPool(CEILING_THREADS);
        AtomicLong armErrors = new AtomicLong();
        AtomicInteger squeezed = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long windowStartMillis = System.currentTimeMillis() + leadSeconds * 1000L;
        Progress.say("deadlines: arming %d timers due over %d s from %s", timers, windowSeconds,
                Instant.ofEpochMilli(windowStartMillis));
        ExecutorService pool = Executors.newFixedThreadPool(ARM_THREADS);
        List<Future<?>> workers = new ArrayList<>();
        long armStart = System.nanoTime();
        for (int t = 0; t < ARM_THREADS; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < timers; i = next.getAndIncrement()) {
                    long targetMillis = windowStartMillis + (long) i * windowSeconds * 1000L / timers;
                    long durationSeconds = Math.round((targetMillis - System.currentTimeMillis()) / 1000.0);
                    if (durationSeconds < 1) {
                        durationSeconds = 1;
                        squeezed.incrementAndGet();
                    }
                    Lineguard.Answer armed = lineguard.send(lineguard.armTimer(tokens[i], durationSeconds, i));
                    if (!armed.ok() || armed.dueAt() == null) {
                        Progress.firstError(armErrors, "arm", armed);
                        continue;
                    }
                    Instant dueAt = armed.dueAt();
                    dueAtById.put(armed.alertId(), dueAt);
                    ceiling.schedule(() -> ceilingLateness.add(micros(Instant.now()) - micros(dueAt)),
                            micros(dueAt) - micros(Instant.now()), TimeUnit.MICROSECONDS);
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double armSeconds = (System.nanoTime() - armStart) / 1e9;
        double leadAfterArming = (windowStartMillis - System.currentTimeMillis()) / 1000.0;
        Progress.say("deadlines: armed %d in %.1f s (%.0f/s), %d errors, %.1f s before the first due time",
                dueAtById.size(), armSeconds, dueAtById.size() / armSeconds, armErrors.get(), leadAfterArming);

        Instant lastDue = dueAtById.values().stream().max(Instant::compareTo).orElse(Instant.now());
        Instant bound = lastDue.plusSeconds(boundSeconds);
        Map<String, Instant> escalatedAt = Map.of();
        while (Instant.now().isBefore(bound)) {
            Thread.sleep(2_000);
            escalatedAt = storedEscalations(dueAtById);
            Progress.say("deadlines: %d of %d escalated", escalatedAt.size(), dueAtById.size());
            if (escalatedAt.size() == dueAtById.size() && Instant.now().isAfter(lastDue)) {
                break;
            }
        }
        ceiling.shutdown();
        ceiling.awaitTermination(10, TimeUnit.SECONDS);
        List<Long> lateness = new ArrayList<>();
        for (Map.Entry<String, Instant> escalation : escalatedAt.entrySet()) {
            lateness.add(micros(escalation.getValue()) - micros(dueAtById.get(escalation.getKey())));
        }
        return new Result(dueAtById.size(), armErrors.get(), squeezed.get(), armSeconds, leadAfterArming,
                Distribution.of("Lineguard (db-scheduler)", lateness),
                Distribution.of("in-memory ScheduledExecutorService", ceilingLateness),
                dueAtById.size() - escalatedAt.size());
    }

    /** The stored escalation time of each of our alerts that has escalated so far. */
    private Map<String, Instant> storedEscalations(Map<String, Instant> ours) throws Exception {
        Map<String, Instant> escalated = new ConcurrentHashMap<>();
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("select aggregateidentifier, timestamp"
                     + " from domainevententry where payloadtype like '%AlertEscalated'")) {
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String alertId = rows.getString(1);
                    if (ours.containsKey(alertId)) {
                        escalated.put(alertId, Instant.parse(rows.getString(2)));
                    }
                }
            }
        }
        return escalated;
    }

    private static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
    }
}
