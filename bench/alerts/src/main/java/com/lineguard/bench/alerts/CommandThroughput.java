package com.lineguard.bench.alerts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Part 1: closed-loop command throughput over HTTP (each client thread: arm a timer, cancel it, raise an emergency,
 * again), beside the ceiling: the same number of threads committing single-row JDBC inserts into the same database.
 * The two take turns in short rounds, so that load from elsewhere on the machine hits both alike.
 */
final class CommandThroughput {

    /** A payload about the size of a stored alert event. */
    private static final String PAYLOAD = "x".repeat(400);
    /** Enough crew members that none of them reaches the per-user limit on raising emergencies (10 a minute). */
    private static final int CREWS_PER_THREAD = 100;
    private static final long MAX_OPERATIONS_PER_ROUND = 1_000_000;

    record Round(String name, long operations, long errors, double seconds, long[] latenciesMicros,
                 long serverCpuMillis) {
        double perSecond() {
            return operations / seconds;
        }
    }

    record Result(Round commands, Round inserts, Distribution arm, Distribution cancel, Distribution emergency,
                  List<Double> commandRoundRates, List<Double> insertRoundRates) {
        double share() {
            return commands.perSecond() / inserts.perSecond();
        }
    }

    private final Lineguard lineguard;
    private final Database database;
    private final int threads;
    private final long serverPid;

    CommandThroughput(Lineguard lineguard, Database database, int threads, long serverPid) {
        this.lineguard = lineguard;
        this.database = database;
        this.threads = threads;
        this.serverPid = serverPid;
    }

    /** The warm-up lets the server's JIT settle: throughput still grew for minutes after a 15 s warm-up. */
    Result run(int warmUpSeconds, int rounds, int secondsPerRound) throws Exception {
        String[] tokens = lineguard.crewTokens("bench-cmd-", threads * CREWS_PER_THREAD);
        database.execute("create table if not exists bench_insert (id bigserial primary key, payload text not null,"
                + " created_at timestamptz not null default now())");
        try {
            Progress.say("commands: warm-up, %d s of commands, then %d s of inserts", warmUpSeconds, secondsPerRound);
            commandRound(tokens, warmUpSeconds, new long[3][]);
            insertRound(secondsPerRound);
            List<Round> commandRounds = new ArrayList<>();
            List<Round> insertRounds = new ArrayList<>();
            List<long[]> arm = new ArrayList<>();
            List<long[]> cancel = new ArrayList<>();
            List<long[]> emergency = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                long[][] byKind = new long[3][];
                commandRounds.add(commandRound(tokens, secondsPerRound, byKind));
                arm.add(byKind[0]);
                cancel.add(byKind[1]);
                emergency.add(byKind[2]);
                insertRounds.add(insertRound(secondsPerRound));
                Progress.say("commands round %d: %.0f commands/s, %.0f inserts/s", round + 1,
                        commandRounds.get(round).perSecond(), insertRounds.get(round).perSecond());
            }
            return new Result(merge(commandRounds), merge(insertRounds), Distribution.of("arm", concat(arm)),
                    Distribution.of("cancel", concat(cancel)), Distribution.of("emergency", concat(emergency)),
                    commandRounds.stream().map(Round::perSecond).toList(),
                    insertRounds.stream().map(Round::perSecond).toList());
        } finally {
            database.execute("drop table if exists bench_insert");
        }
    }

    /** Fills byKind with the latencies of arm, cancel and emergency calls (microseconds). */
    private Round commandRound(String[] tokens, int seconds, long[][] byKind) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong budget = new AtomicLong(MAX_OPERATIONS_PER_ROUND);
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[][]>> workers = new ArrayList<>();
        long serverCpuBefore = ProcessCpu.millis(serverPid);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                Latencies arm = new Latencies();
                Latencies cancel = new Latencies();
                Latencies emergency = new Latencies();
                for (int i = 0; System.nanoTime() < deadline && budget.addAndGet(-3) >= 0; i++) {
                    int crew = thread * CREWS_PER_THREAD + i % CREWS_PER_THREAD;
                    String token = tokens[crew];
                    long t0 = System.nanoTime();
                    Lineguard.Answer armed = lineguard.send(lineguard.armTimer(token, 3600, crew));
                    long t1 = System.nanoTime();
                    arm.add(t1 - t0);
                    if (!armed.ok() || armed.alertId() == null) {
                        Progress.firstError(errors, "arm", armed);
                        continue;
                    }
                    Lineguard.Answer cancelled = lineguard.send(lineguard.cancel(token, armed.alertId()));
                    long t2 = System.nanoTime();
                    cancel.add(t2 - t1);
                    if (!cancelled.ok()) {
                        Progress.firstError(errors, "cancel", cancelled);
                    }
                    Lineguard.Answer raised = lineguard.send(lineguard.emergency(token, crew));
                    emergency.add(System.nanoTime() - t2);
                    if (!raised.ok()) {
                        Progress.firstError(errors, "emergency", raised);
                    }
                }
                return new long[][] {arm.toArray(), cancel.toArray(), emergency.toArray()};
            }));
        }
        List<long[][]> all = new ArrayList<>();
        for (Future<long[][]> worker : workers) {
            all.add(worker.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        for (int kind = 0; kind < 3; kind++) {
            int k = kind;
            byKind[kind] = all.stream().flatMapToLong(a -> Arrays.stream(a[k])).toArray();
        }
        long[] every = concat(Arrays.asList(byKind));
        return new Round("commands", every.length, errors.get(), elapsed, every,
                ProcessCpu.millis(serverPid) - serverCpuBefore);
    }

    private Round insertRound(int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong budget = new AtomicLong(MAX_OPERATIONS_PER_ROUND);
        AtomicLong errors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<long[]>> workers = new ArrayList<>();
        long serverCpuBefore = ProcessCpu.millis(serverPid);
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                Latencies latencies = new Latencies();
                try (Connection connection = database.connect();
                     PreparedStatement insert = connection.prepareStatement("insert into bench_insert (payload) values (?)")) {
                    connection.setAutoCommit(true); // one commit per row, as a command commits once
                    while (System.nanoTime() < deadline && budget.decrementAndGet() >= 0) {
                        long t0 = System.nanoTime();
                        try {
                            insert.setString(1, PAYLOAD);
                            insert.executeUpdate();
                        } catch (Exception e) {
                            if (errors.incrementAndGet() == 1) {
                                Progress.say("insert: first error: %s", e);
                            }
                        }
                        latencies.add(System.nanoTime() - t0);
                    }
                }
                return latencies.toArray();
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> worker : workers) {
            all.add(worker.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] every = concat(all);
        return new Round("inserts", every.length, errors.get(), elapsed, every,
                ProcessCpu.millis(serverPid) - serverCpuBefore);
    }

    private static Round merge(List<Round> rounds) {
        return new Round(rounds.get(0).name(), rounds.stream().mapToLong(Round::operations).sum(),
                rounds.stream().mapToLong(Round::errors).sum(), rounds.stream().mapToDouble(Round::seconds).sum(),
                concat(rounds.stream().map(Round::latenciesMicros).toList()),
                rounds.stream().mapToLong(Round::serverCpuMillis).sum());
    }

    private static long[] concat(List<long[]> parts) {
        return parts.stream().flatMapToLong(Arrays::stream).toArray();
    }

    /** A growing array of latencies, kept in microseconds. */
    static final class Latencies {
        private long[] micros = new long[1 << 12];
        private int size;

        void add(long nanos) {
            if (size == micros.length) {
                micros = Arrays.copyOf(micros, size * 2);
            }
            micros[size++] = nanos / 1000;
        }

        long[] toArray() {
            return Arrays.copyOf(micros, size);
        }
    }
}
