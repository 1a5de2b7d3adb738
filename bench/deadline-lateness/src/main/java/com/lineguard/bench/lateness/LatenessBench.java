package com.lineguard.bench.lateness;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.SimpleDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.quartz.QuartzDeadlineManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Safety-timer lateness bench: for each candidate, arm N timers whose due times are spread over one window, wait
 * (bounded) until all escalated, and compute lateness = timestamp of the stored Escalated event - dueAt.
 * <p>
 * Arguments (all optional): {@code --url jdbc:postgresql://127.0.0.1:5432/test --user postgres --password ''
 * --db lateness_bench --timers 1000 --spread-s 60 --lead-s 20 --arm-budget-s 5 --bound-s 60 --arm-threads 4
 * --candidates memory-ses,axon-simple,dbs-200ms,dbs-default,quartz-idle30s,quartz-idle30s-xnode,quartz-idle1s,quartz-idle1s-xnode
 * --keep-db}. Environment: LATENESS_DB_URL, LATENESS_DB_USER, LATENESS_DB_PASSWORD.
 */
public final class LatenessBench {

    static final List<String> ALL = List.of("memory-ses", "axon-simple", "dbs-200ms", "dbs-default",
            "quartz-idle30s", "quartz-idle30s-xnode", "quartz-idle1s", "quartz-idle1s-xnode");

    static final Map<String, String> DESCRIPTION = Map.of(
            "memory-ses", "Reference: plain ScheduledExecutorService (10 threads), no Axon, no DB, not durable",
            "axon-simple", "Reference: Axon SimpleDeadlineManager (in memory, not durable) + JDBC event store",
            "dbs-200ms", "DbSchedulerDeadlineManager, db-scheduler 16.7.1: poll 200 ms, lock-and-fetch, 10 threads, heartbeat 1 s x4",
            "dbs-default", "DbSchedulerDeadlineManager, same but db-scheduler default polling interval (10 s)",
            "quartz-idle30s", "QuartzDeadlineManager, Quartz JobStoreTX clustered, default idleWaitTime 30 s, 10 threads; armed on the firing node",
            "quartz-idle30s-xnode", "QuartzDeadlineManager, idleWaitTime 30 s; armed on another cluster node (not running triggers)",
            "quartz-idle1s", "QuartzDeadlineManager, idleWaitTime 1 s; armed on the firing node",
            "quartz-idle1s-xnode", "QuartzDeadlineManager, idleWaitTime 1 s; armed on another cluster node (not running triggers)");

    record Result(String candidate, int armed, int fired, long[] latenessMicros, double armSeconds,
                  double gapAfterArmingSeconds, String note) {
    }

    private final Map<String, String> opts;
    private final String adminUrl;
    private final String benchUrl;
    private final String user;
    private final String password;
    private final String dbName;
    private final int timers;
    private final int spreadS;
    private final int leadS;
    private final int armBudgetS;
    private final int boundS;
    private final int armThreads;

    private HikariDataSource dataSource;
    private String serverVersion = "?";

    LatenessBench(Map<String, String> opts) {
        this.opts = opts;
        this.adminUrl = opt("url", env("LATENESS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/test"));
        this.user = opt("user", env("LATENESS_DB_USER", "postgres"));
        this.password = opt("password", env("LATENESS_DB_PASSWORD", ""));
        this.dbName = opt("db", "lateness_bench");
        this.benchUrl = replaceDatabase(adminUrl, dbName);
        this.timers = Integer.parseInt(opt("timers", "1000"));
        this.spreadS = Integer.parseInt(opt("spread-s", "60"));
        this.leadS = Integer.parseInt(opt("lead-s", "20"));
        this.armBudgetS = Integer.parseInt(opt("arm-budget-s", "5"));
        this.boundS = Integer.parseInt(opt("bound-s", "60"));
        this.armThreads = Integer.parseInt(opt("arm-threads", "4"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + a);
            }
            String key = a.substring(2);
            if (key.equals("keep-db")) {
                opts.put(key, "true");
            } else {
                opts.put(key, i + 1 < args.length ? args[++i] : "");
            }
        }
        int exit = 0;
        try {
            new LatenessBench(opts).run();
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        }
        System.out.flush();
        // lingering scheduler/pool threads must not keep exec:java waiting
        System.exit(exit);
    }

    void run() throws Exception {
        List<String> candidates = opts.containsKey("candidates")
                ? Arrays.asList(opts.get("candidates").split(",")) : ALL;
        for (String c : candidates) {
            if (!ALL.contains(c)) {
                throw new IllegalArgumentException("Unknown candidate " + c + "; known: " + ALL);
            }
        }
        log("Lateness bench: %d timers, due over %d s, first due %d s after arming starts, bound %d s after last due, on %s",
                timers, spreadS, leadS + armBudgetS, boundS, benchUrl);
        log("JVM %s, %d CPUs visible", System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        recreateDatabase();
        List<Result> results = new ArrayList<>();
        try {
            dataSource = pool();
            createSchema();
            try (Connection c = dataSource.getConnection()) {
                serverVersion = c.getMetaData().getDatabaseProductName() + " "
                        + c.getMetaData().getDatabaseProductVersion();
            }
            for (String c : candidates) {
                truncateAll();
                log("=== %s: %s", c, DESCRIPTION.get(c));
                Result r = switch (c) {
                    case "memory-ses" -> runMemoryReference();
                    case "axon-simple" -> runAxon(c, new SimpleCandidate());
                    case "dbs-200ms" -> runAxon(c, new DbSchedulerCandidate(Duration.ofMillis(200)));
                    case "dbs-default" -> runAxon(c, new DbSchedulerCandidate(null));
                    case "quartz-idle30s" -> runAxon(c, new QuartzCandidate(null, false));
                    case "quartz-idle30s-xnode" -> runAxon(c, new QuartzCandidate(null, true));
                    case "quartz-idle1s" -> runAxon(c, new QuartzCandidate(1000L, false));
                    case "quartz-idle1s-xnode" -> runAxon(c, new QuartzCandidate(1000L, true));
                    default -> throw new IllegalStateException(c);
                };
                results.add(r);
                log("%s -> %s", c, summary(r));
            }
        } finally {
            if (dataSource != null) {
                dataSource.close();
            }
            if (!opts.containsKey("keep-db")) {
                dropDatabase();
            }
        }
        System.out.println();
        System.out.println(markdown(results));
    }

    // ------------------------------------------------------------------------------------------------ candidates

    /** A durable (or reference) deadline manager plugged into the Axon configuration. */
    interface Candidate {
        /** Registers the deadline manager used when arming timers. */
        void configure(Configurer configurer, JacksonSerializer serializer, JdbcTransactionManager tx) throws Exception;

        /** Starts whatever fires deadlines, after the Axon configuration has started. */
        default void start(Configuration configuration) throws Exception {
        }

        void stop() throws Exception;
    }

    static final class SimpleCandidate implements Candidate {
        private SimpleDeadlineManager manager;

        @Override
        public void configure(Configurer configurer, JacksonSerializer serializer, JdbcTransactionManager tx) {
            configurer.configureDeadlineManager(cfg -> manager = SimpleDeadlineManager.builder()
                    .scopeAwareProvider(new ConfigurationScopeAwareProvider(cfg))
                    .transactionManager(tx)
                    .build());
        }

        @Override
        public void stop() {
            if (manager != null) {
                manager.shutdown();
            }
        }
    }

    final class DbSchedulerCandidate implements Candidate {
        private final Duration pollingInterval;
        private Scheduler scheduler;

        DbSchedulerCandidate(Duration pollingInterval) {
            this.pollingInterval = pollingInterval;
        }

        @Override
        public void configure(Configurer configurer, JacksonSerializer serializer, JdbcTransactionManager tx) {
            AtomicReference<DbSchedulerDeadlineManager> manager = new AtomicReference<>();
            Task<DbSchedulerBinaryDeadlineDetails> task = DbSchedulerDeadlineManager.binaryTask(manager::get);
            var builder = Scheduler.create(dataSource, task)
                    .tableName("scheduled_tasks")
                    .threads(10)
                    .pollUsingLockAndFetch(0.5, 3.0)
                    .heartbeatInterval(Duration.ofSeconds(1))
                    .missedHeartbeatsLimit(4)
                    .alwaysPersistTimestampInUTC()
                    .shutdownMaxWait(Duration.ofSeconds(5));
            if (pollingInterval != null) {
                builder.pollingInterval(pollingInterval);
            }
            scheduler = builder.build();
            configurer.configureDeadlineManager(cfg -> {
                DbSchedulerDeadlineManager m = DbSchedulerDeadlineManager.builder()
                        .scheduler(scheduler)
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(cfg))
                        .serializer(serializer)
                        .transactionManager(tx)
                        .startScheduler(false)
                        .stopScheduler(false)
                        .build();
                manager.set(m);
                return m;
            });
        }

        @Override
        public void start(Configuration configuration) {
            configuration.deadlineManager(); // make sure the task can reach the manager
            scheduler.start();
        }

        @Override
        public void stop() {
            if (scheduler != null) {
                scheduler.stop();
            }
        }
    }

    final class QuartzCandidate implements Candidate {
        private final Long idleWaitTimeMs;
        private final boolean armOnOtherNode;
        private org.quartz.Scheduler firing;
        private org.quartz.Scheduler arming;
        private QuartzDeadlineManager firingManager;

        QuartzCandidate(Long idleWaitTimeMs, boolean armOnOtherNode) {
            this.idleWaitTimeMs = idleWaitTimeMs;
            this.armOnOtherNode = armOnOtherNode;
        }

        private org.quartz.Scheduler quartz(String instanceId) throws Exception {
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", "LineguardDeadlines");
            p.setProperty("org.quartz.scheduler.instanceId", instanceId);
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            p.setProperty("org.quartz.scheduler.threadsInheritContextClassLoaderOfInitializer", "true");
            if (idleWaitTimeMs != null) {
                p.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(idleWaitTimeMs));
            }
            p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
            p.setProperty("org.quartz.threadPool.threadCount", "10");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            p.setProperty("org.quartz.jobStore.isClustered", "true");
            p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
            p.setProperty("org.quartz.jobStore.dataSource", "benchDS");
            p.setProperty("org.quartz.dataSource.benchDS.connectionProvider.class",
                    QuartzDataSourceProvider.class.getName());
            org.quartz.Scheduler s = new StdSchedulerFactory(p).getScheduler();
            // two cluster nodes of the same scheduler name in one JVM: keep Quartz's by-name registry out of the way
            SchedulerRepository.getInstance().remove("LineguardDeadlines");
            return s;
        }

        @Override
        public void configure(Configurer configurer, JacksonSerializer serializer, JdbcTransactionManager tx)
                throws Exception {
            QuartzDataSourceProvider.dataSource = dataSource;
            firing = quartz("node-b");
            arming = armOnOtherNode ? quartz("node-a") : firing;
            configurer.configureDeadlineManager(cfg -> {
                firingManager = QuartzDeadlineManager.builder()
                        .scheduler(firing)
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(cfg))
                        .serializer(serializer)
                        .transactionManager(tx)
                        .build();
                if (!armOnOtherNode) {
                    return firingManager;
                }
                return QuartzDeadlineManager.builder()
                        .scheduler(arming)
                        .scopeAwareProvider(new ConfigurationScopeAwareProvider(cfg))
                        .serializer(serializer)
                        .transactionManager(tx)
                        .build();
            });
        }

        @Override
        public void start(Configuration configuration) throws Exception {
            configuration.deadlineManager();
            firing.start(); // the arming node (xnode variants) is never started: it only writes triggers
        }

        @Override
        public void stop() throws Exception {
            if (firing != null) {
                firing.shutdown(false);
            }
            if (arming != null && arming != firing) {
                arming.shutdown(false);
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ scenario

    private Instant[] dueTimes(Instant firstDue) {
        Instant[] due = new Instant[timers];
        long stepMicros = spreadS * 1_000_000L / timers;
        for (int i = 0; i < timers; i++) {
            due[i] = firstDue.plus(i * stepMicros, java.time.temporal.ChronoUnit.MICROS);
        }
        return due;
    }

    /** Arming order is shuffled (fixed seed) so it is not the due order. */
    private List<Integer> armingOrder() {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < timers; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(42));
        return order;
    }

    private Result runMemoryReference() throws Exception {
        ScheduledExecutorService ses = Executors.newScheduledThreadPool(10);
        Instant armStart = Instant.now();
        Instant firstDue = armStart.plusSeconds(leadS + armBudgetS);
        Instant[] due = dueTimes(firstDue);
        Map<Integer, Instant> firedAt = new ConcurrentHashMap<>();
        for (int i : armingOrder()) {
            final int idx = i;
            long delayNanos = Duration.between(Instant.now(), due[idx]).toNanos();
            ses.schedule(() -> {
                firedAt.put(idx, Instant.now());
            }, delayNanos, TimeUnit.NANOSECONDS);
        }
        Instant armEnd = Instant.now();
        Instant bound = due[timers - 1].plusSeconds(boundS);
        while (firedAt.size() < timers && Instant.now().isBefore(bound)) {
            Thread.sleep(500);
        }
        ses.shutdownNow();
        long[] lateness = new long[firedAt.size()];
        int k = 0;
        for (Map.Entry<Integer, Instant> e : firedAt.entrySet()) {
            lateness[k++] = micros(due[e.getKey()], e.getValue());
        }
        return new Result("memory-ses", timers, firedAt.size(), lateness, seconds(armStart, armEnd),
                seconds(armEnd, firstDue), "lateness measured in the callback (no event store); ");
    }

    private Result runAxon(String name, Candidate candidate) throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        JdbcTransactionManager tx = new JdbcTransactionManager(dataSource);
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> tx)
                .configureEmbeddedEventStore(c -> JdbcEventStorageEngine.builder()
                        .connectionProvider(tx)
                        .transactionManager(tx)
                        .eventSerializer(serializer)
                        .snapshotSerializer(serializer)
                        .build())
                .configureAggregate(Timer.class);
        candidate.configure(configurer, serializer, tx);
        Configuration configuration = configurer.buildConfiguration();
        configuration.start();
        String note = "";
        try {
            candidate.start(configuration);
            log("deadline manager: %s", configuration.deadlineManager().getClass().getSimpleName());

            Instant armStart = Instant.now();
            Instant firstDue = armStart.plusSeconds(leadS + armBudgetS);
            Instant[] due = dueTimes(firstDue);
            Map<String, Instant> dueById = new HashMap<>();
            ExecutorService armers = Executors.newFixedThreadPool(armThreads);
            List<Future<?>> armed = new ArrayList<>();
            for (int i : armingOrder()) {
                String id = String.format("timer-%04d", i);
                dueById.put(id, due[i]);
                armed.add(armers.submit(() -> configuration.commandGateway()
                        .sendAndWait(new Timer.ArmTimer(id, due[i]))));
            }
            for (Future<?> f : armed) {
                f.get();
            }
            armers.shutdown();
            Instant armEnd = Instant.now();
            log("armed %d timers in %.1f s; first due %.1f s after arming completed", timers,
                    seconds(armStart, armEnd), seconds(armEnd, firstDue));
            if (armEnd.isAfter(firstDue)) {
                note = "arming overran the first due time; ";
            }

            Instant bound = due[timers - 1].plusSeconds(boundS);
            int fired = 0;
            Instant lastLog = Instant.now();
            while (Instant.now().isBefore(bound)) {
                fired = countEscalated();
                if (fired >= timers) {
                    break;
                }
                if (Duration.between(lastLog, Instant.now()).toSeconds() >= 10) {
                    log("  %d/%d escalated", fired, timers);
                    lastLog = Instant.now();
                }
                Thread.sleep(500);
            }
            Map<String, Instant> stored = escalatedTimestamps();
            long[] lateness = new long[stored.size()];
            int k = 0;
            for (Map.Entry<String, Instant> e : stored.entrySet()) {
                lateness[k++] = micros(dueById.get(e.getKey()), e.getValue());
            }
            int duplicates = countEscalated() - stored.size();
            if (duplicates > 0) {
                note += duplicates + " duplicate Escalated events; ";
            }
            return new Result(name, timers, stored.size(), lateness, seconds(armStart, armEnd),
                    seconds(armEnd, firstDue), note);
        } finally {
            try {
                candidate.stop();
            } finally {
                configuration.shutdown();
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ database

    private HikariDataSource pool() {
        HikariConfig hc = new HikariConfig();
        hc.setJdbcUrl(benchUrl);
        hc.setUsername(user);
        hc.setPassword(password);
        hc.setMaximumPoolSize(30);
        hc.setMinimumIdle(10);
        hc.setPoolName("lateness-bench");
        return new HikariDataSource(hc);
    }

    private void recreateDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + dbName);
        }
    }

    private void dropDatabase() {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + dbName + " WITH (FORCE)");
        } catch (SQLException e) {
            log("could not drop %s: %s", dbName, e.getMessage());
        }
    }

    private void createSchema() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            runScript(s, resource("/schema.sql"));
            runScript(s, new String(quartzScript(), StandardCharsets.UTF_8));
        }
    }

    private static byte[] quartzScript() throws Exception {
        try (InputStream in = org.quartz.Scheduler.class.getResourceAsStream(
                "/org/quartz/impl/jdbcjobstore/tables_postgres.sql")) {
            if (in == null) {
                throw new IllegalStateException("tables_postgres.sql not found in the quartz jar");
            }
            return in.readAllBytes();
        }
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = LatenessBench.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void runScript(Statement s, String script) throws SQLException {
        StringBuilder sb = new StringBuilder();
        for (String line : script.split("\n")) {
            String t = line.strip();
            if (t.startsWith("--") || t.isEmpty()) {
                continue;
            }
            sb.append(line).append('\n');
        }
        for (String stmt : sb.toString().split(";")) {
            String t = stmt.strip();
            if (!t.isEmpty() && !t.equalsIgnoreCase("commit")) {
                s.execute(t);
            }
        }
    }

    private void truncateAll() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE domainevententry, snapshotevententry, scheduled_tasks, qrtz_fired_triggers, "
                    + "qrtz_simple_triggers, qrtz_cron_triggers, qrtz_simprop_triggers, qrtz_blob_triggers, "
                    + "qrtz_triggers, qrtz_job_details, qrtz_scheduler_state, qrtz_paused_trigger_grps, "
                    + "qrtz_calendars, qrtz_locks");
            s.execute("VACUUM ANALYZE");
        }
    }

    private int countEscalated() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(*) FROM domainevententry WHERE payloadtype = ?")) {
            ps.setString(1, Timer.Escalated.class.getName());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** aggregate id -> earliest stored timestamp of its Escalated event (the event store's varchar timestamp). */
    private Map<String, Instant> escalatedTimestamps() throws SQLException {
        Map<String, Instant> out = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT aggregateidentifier, timestamp FROM domainevententry WHERE payloadtype = ?")) {
            ps.setString(1, Timer.Escalated.class.getName());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant ts = Instant.parse(rs.getString(2));
                    out.merge(rs.getString(1), ts, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------------------------------------ report

    static long micros(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1_000;
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    /** Nearest-rank percentile of a sorted array. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static String ms(long micros) {
        return micros < 0 ? "n/a" : String.format("%.1f", micros / 1000.0);
    }

    static String summary(Result r) {
        long[] s = r.latenessMicros().clone();
        Arrays.sort(s);
        return String.format("fired %d/%d, p50 %s ms, p90 %s ms, p99 %s ms, max %s ms",
                r.fired(), r.armed(), ms(percentile(s, 50)), ms(percentile(s, 90)), ms(percentile(s, 99)),
                ms(s.length == 0 ? -1 : s[s.length - 1]));
    }

    String markdown(List<Result> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("Run %s UTC, %d CPUs visible, Java %s, %s.%n", Instant.now().toString()
                .substring(0, 16).replace('T', ' '), Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), serverVersion));
        sb.append(String.format("%d timers due within %d s (arming order shuffled), first due %d s after arming "
                + "started (gap after arming completed: see notes); lateness = stored Escalated timestamp - dueAt; bound = %d s after the last due time.%n%n",
                timers, spreadS, leadS + armBudgetS, boundS));
        sb.append("| candidate | fired | never fired | p50 ms | p90 ms | p99 ms | max ms | p99 < 1 s | arming s | notes |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|:---:|---:|---|\n");
        for (Result r : results) {
            long[] s = r.latenessMicros().clone();
            Arrays.sort(s);
            long p99 = percentile(s, 99);
            boolean ok = r.fired() == r.armed() && p99 >= 0 && p99 < 1_000_000;
            sb.append(String.format("| %s | %d/%d | %d | %s | %s | %s | %s | %s | %.1f | %s |%n", r.candidate(),
                    r.fired(), r.armed(), r.armed() - r.fired(), ms(percentile(s, 50)), ms(percentile(s, 90)),
                    ms(p99), ms(s.length == 0 ? -1 : s[s.length - 1]), ok ? "yes" : "**no**", r.armSeconds(),
                    (r.note() + "first due " + String.format("%.1f", r.gapAfterArmingSeconds())
                            + " s after arming").strip()));
        }
        sb.append("\nCandidates:\n");
        for (Result r : results) {
            sb.append("- `").append(r.candidate()).append("`: ").append(DESCRIPTION.get(r.candidate())).append('\n');
        }
        return sb.toString();
    }

    // ------------------------------------------------------------------------------------------------ misc

    private String opt(String key, String fallback) {
        return opts.getOrDefault(key, fallback);
    }

    private static String env(String key, String fallback) {
        String v = System.getenv(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    static String replaceDatabase(String url, String db) {
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        String query = q < 0 ? "" : url.substring(q);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + db + query;
    }

    static void log(String format, Object... args) {
        System.out.printf("%s %s%n", Instant.now(), String.format(format, args));
        System.out.flush();
    }
}
