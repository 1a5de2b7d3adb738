package com.lineguard.standalone;

import com.lineguard.standalone.StoredHistories.StoredEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops for 30 s under a steady load of timers and emergencies. A PostgreSQL of the test's own (the
 * machine's server is shared), stopped and started again on the same port and data. While it is away, commands are
 * refused at once with 503, Retry-After and a problem body; nothing is half-written; retries with the same
 * Idempotency-Key create exactly one alert; the service recovers by itself and fires the deadlines that fell due
 * during the outage.
 */
class DatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(30);
    private static final int CLIENTS = 4;

    @TempDir
    Path dir;

    /** One command sent by the load: who sent it, with which key, and what came back how fast. */
    record Call(String crewToken, String path, String body, String key, Api.Response response, long millis,
                Instant answeredAt) {
        String alertId() {
            return response.json().get("alertId").asText();
        }

        Instant dueAt() {
            return response.json().hasNonNull("dueAt") ? Instant.parse(response.json().get("dueAt").asText()) : null;
        }
    }

    @Test
    void commandsAreRefusedCleanlyWhileTheDatabaseIsAwayAndEverythingResumesAfter() throws Exception {
        int pgPort = StandaloneProcess.freePort();
        Path pgData = dir.resolve("pg");
        EmbeddedPostgres postgres = startPostgres(pgPort, pgData);
        // The log outlives the test in target/: a 500 is explained there.
        Path log = Path.of("target", "DatabaseOutageIT.log");
        try (StandaloneProcess lineguard = new StandaloneProcess(dir.resolve("lineguard"), log,
                "--spring.datasource.url=jdbc:postgresql://localhost:" + pgPort + "/postgres",
                "--spring.datasource.username=postgres", "--spring.datasource.password=")) {
            lineguard.start();
            Api root = new Api(lineguard.baseUrl());
            Api api = new Api(lineguard.baseUrl() + "/api/v1");

            // Given a steady load of timers (due within the outage) and emergencies, every call with an Idempotency-Key
            Queue<Call> calls = new ConcurrentLinkedQueue<>();
            AtomicBoolean loading = new AtomicBoolean(true);
            ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(load.submit(() -> {
                    while (loading.get()) {
                        calls.add(send(root, api, client % 2 == 0 ? "/alerts/timers" : "/alerts/emergency"));
                        StandaloneProcess.sleep(100);
                    }
                    return null;
                }));
            }
            StandaloneProcess.sleep(10_000);

            // When the database stops for 30 s and starts again
            postgres.close();
            Instant stoppedAt = Instant.now();
            StandaloneProcess.sleep(OUTAGE.toMillis());
            postgres = startPostgres(pgPort, pgData);
            Instant backAt = Instant.now();
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    root.get("/actuator/health", null).json().path("status").asText().equals("UP"));
            Duration recovery = Duration.between(backAt, Instant.now());
            StandaloneProcess.sleep(5_000);
            loading.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
            for (Future<?> client : clients) {
                client.get();
            }

            // Then every answer was a success or a prompt, well-formed 503; never a 500
            List<Call> created = calls.stream().filter(c -> c.response().status() == 201).toList();
            List<Call> refused = calls.stream().filter(c -> c.response().status() == 503).toList();
            assertThat(calls.stream().filter(c -> c.response().status() != 201 && c.response().status() != 503)
                    .map(c -> c.response().body())).as(() -> "answers other than 201 and 503; " + unexpectedFailures(log))
                    .isEmpty();
            assertThat(refused).isNotEmpty().allSatisfy(c -> {
                assertThat(c.response().headers()).containsKey("retry-after");
                assertThat(c.response().contentType()).startsWith("application/problem+json");
                assertThat(c.response().code()).isEqualTo("UNAVAILABLE");
                assertThat(c.millis()).as("503 answered promptly").isLessThan(5_000);
            });
            Instant healthy = backAt.plus(recovery);
            assertThat(created).as("created after the recovery").anyMatch(c -> c.answeredAt().isAfter(healthy));

            // and the refused calls, retried with their keys, create exactly one alert each
            List<Call> retried = new ArrayList<>();
            for (Call call : refused) {
                retried.add(send(api, call));
            }
            assertThat(retried).allSatisfy(c -> assertThat(c.response().status()).isEqualTo(201));
            for (Call call : retried) {
                assertThat(send(api, call).alertId()).as("the first answer again").isEqualTo(call.alertId());
                await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                        assertThat(api.get("/crews/me/alerts", call.crewToken()).json()).as("alerts of one key")
                                .hasSize(1));
            }

            // and every created alert has a whole history; every timer escalated once, after the outage if due in it
            StoredHistories store = new StoredHistories("jdbc:postgresql://localhost:" + pgPort + "/postgres",
                    "postgres");
            List<Call> alerts = new ArrayList<>(created);
            alerts.addAll(retried);
            List<Call> timers = alerts.stream().filter(c -> c.dueAt() != null).toList();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> timers.stream()
                    .allMatch(c -> StoredHistories.count(store.of(c.alertId()), "AlertEscalated") > 0));
            StandaloneProcess.sleep(3_000);
            for (Call alert : alerts) {
                List<StoredEvent> history = store.of(alert.alertId());
                assertThat(StoredHistories.gapless(history)).as("sequences of %s", alert.alertId()).isTrue();
                assertThat(history.get(0).type()).isEqualTo(alert.dueAt() != null ? "SafetyTimerArmed" : "EmergencyRaised");
                assertThat(StoredHistories.count(history, "AlertEscalated")).as("escalations of %s", alert.alertId())
                        .isEqualTo(alert.dueAt() != null ? 1 : 0);
            }
            assertThat(store.jdbc.queryForObject("select count(*) from armed_timer", Integer.class)).isZero();
            long dueInTheOutage = created.stream().map(Call::dueAt)
                    .filter(due -> due != null && due.isAfter(stoppedAt) && due.isBefore(backAt)).count();
            assertThat(dueInTheOutage).as("timers due while the database was away").isPositive();
            long slowest503 = refused.stream().mapToLong(Call::millis).max().orElse(0);
            System.out.printf("Database outage of %d s: %d calls, %d created, %d refused with 503 (slowest %d ms), "
                            + "%d retried with their keys; health UP %d ms after the database returned; %d timers due "
                            + "during the outage escalated once after it%n",
                    OUTAGE.toSeconds(), calls.size(), created.size(), refused.size(), slowest503, retried.size(),
                    recovery.toMillis(), dueInTheOutage);
        } finally {
            postgres.close();
        }
    }

    private static Call send(Api root, Api api, String path) {
        String token = root.devToken("crew-" + UUID.randomUUID(), "crew");
        String body = path.endsWith("timers")
                ? "{\"durationSeconds\":20,\"location\":" + Api.location(52.0, 4.0) + "}"
                : "{\"location\":" + Api.location(52.0, 4.0) + "}";
        return send(api, new Call(token, path, body, UUID.randomUUID().toString(), null, 0, null));
    }

    private static Call send(Api api, Call call) {
        long started = System.nanoTime();
        Api.Response response = api.post(call.path(), call.crewToken(), call.body(), "Idempotency-Key", call.key());
        return new Call(call.crewToken(), call.path(), call.body(), call.key(), response,
                (System.nanoTime() - started) / 1_000_000, Instant.now());
    }

    /** The server's account of its 500s (exceptions and causes), so that a failure in CI explains itself. */
    private static String unexpectedFailures(Path log) {
        List<String> account = new ArrayList<>();
        boolean inFailure = false;
        try {
            for (String line : Files.readAllLines(log)) {
                if (line.matches("^\\d{4}-\\d\\d-\\d\\dT.*")) {
                    inFailure = line.contains("Unexpected failure");
                } else if (inFailure && (line.startsWith("Caused by") || !line.isBlank() && !line.startsWith("\t"))) {
                    account.add(line);
                }
            }
        } catch (IOException e) {
            return "see " + log;
        }
        return "the server logged: " + String.join(System.lineSeparator(),
                account.subList(0, Math.min(40, account.size())));
    }

    /** A PostgreSQL that keeps its data when closed, so it can start again on the same port with the same data. */
    private static EmbeddedPostgres startPostgres(int port, Path data) throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false).start();
    }
}
