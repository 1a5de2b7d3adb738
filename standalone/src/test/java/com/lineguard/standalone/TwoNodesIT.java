package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.lineguard.platform.testing.TestDatabases;
import com.lineguard.platform.testing.TestTokens;
import com.lineguard.standalone.StoredHistories.StoredEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two command-side nodes (two forked standalone jars) on one PostgreSQL database: commands for the same alert reach
 * both at the same instant and no change is lost; a node is killed with SIGKILL and the survivor fires every timer,
 * also the deadlines the dead node had already picked, exactly once. Tokens come from the test issuer, which both
 * nodes trust (a dev token is signed by one node's own key).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIT {

    private static final int PAIRS = 1_000;
    private static final int TIMERS = 500;
    /** Of the timers, these are due just as node A dies, so that A has picked some of them. */
    private static final int DUE_AT_THE_KILL = 100;

    @TempDir
    static Path dataDirs;
    static StandaloneProcess nodeA;
    static StandaloneProcess nodeB;
    static Api apiA;
    static Api apiB;
    static StoredHistories store;

    @BeforeAll
    static void twoNodesOnOneDatabase() {
        String url = TestDatabases.createDatabase();
        store = new StoredHistories(url, TestDatabases.ADMIN_USER);
        nodeA = node("node-a", url);
        nodeB = node("node-b", url);
        nodeA.start();
        nodeB.start();
        apiA = new Api(nodeA.baseUrl() + "/api/v1");
        apiB = new Api(nodeB.baseUrl() + "/api/v1");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        nodeA.close();
        nodeB.close();
    }

    @Test
    @Order(1)
    void commandsForTheSameAlertOnBothNodesAtOnceLoseNothing() throws Exception {
        // Given a thousand timers armed on node A
        ExecutorService clients = Executors.newFixedThreadPool(32);
        List<Future<Armed>> arming = new ArrayList<>();
        for (int i = 0; i < PAIRS; i++) {
            arming.add(clients.submit(() -> arm(apiA, 3600)));
        }
        List<Armed> timers = results(arming);

        // When each gets a location report on node A and an extension on node B at the same instant
        long started = System.nanoTime();
        List<Future<Api.Response>> calls = new ArrayList<>();
        for (int wave = 0; wave < PAIRS; wave += 16) {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Response>> thisWave = new ArrayList<>();
            for (Armed timer : timers.subList(wave, Math.min(PAIRS, wave + 16))) {
                thisWave.add(clients.submit(atOnce(go, () -> apiA.post("/alerts/" + timer.alertId() + "/location",
                        timer.token(), Api.location(53.0, 5.0)))));
                thisWave.add(clients.submit(atOnce(go, () -> apiB.post("/alerts/" + timer.alertId() + "/extend",
                        timer.token(), "{\"additionalSeconds\":600}"))));
            }
            go.countDown();
            results(thisWave);
            calls.addAll(thisWave);
        }
        long pairsMillis = (System.nanoTime() - started) / 1_000_000;
        clients.shutdown();

        // Then every call succeeded and each history holds both changes, in sequence, once
        List<Api.Response> responses = results(calls);
        for (int i = 0; i < responses.size(); i += 2) {
            assertThat(responses.get(i).status()).as("location on A: %s", responses.get(i).body()).isEqualTo(202);
            assertThat(responses.get(i + 1).status()).as("extend on B: %s", responses.get(i + 1).body()).isEqualTo(200);
        }
        for (Armed timer : timers) {
            List<StoredEvent> history = store.of(timer.alertId());
            assertThat(history).extracting(StoredEvent::type).containsExactlyInAnyOrder(
                    "SafetyTimerArmed", "AlertLocationReported", "SafetyTimerExtended");
            assertThat(StoredHistories.gapless(history)).as("sequences of %s", timer.alertId()).isTrue();
        }
        System.out.printf("Two nodes: %d concurrent pairs in %d ms, every call answered 2xx, no change lost%n",
                PAIRS, pairsMillis);
    }

    @Test
    @Order(2)
    void theSurvivorFiresEveryTimerOnceWhenANodeIsKilled() throws Exception {
        // Given 500 timers armed across both nodes, a hundred of them due as node A dies and the rest just after
        // (Arming takes a few seconds on a quiet machine, half a minute on a shared one under load.)
        Instant dueAtTheKill = Instant.now().plusSeconds(45);
        Instant dueAfterTheKill = dueAtTheKill.plusSeconds(4);
        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<Future<Armed>> arming = new ArrayList<>();
        for (int i = 0; i < TIMERS; i++) {
            Api node = i % 2 == 0 ? apiA : apiB;
            Instant due = i < DUE_AT_THE_KILL ? dueAtTheKill : dueAfterTheKill;
            arming.add(clients.submit(() -> arm(node, secondsUntil(due))));
        }
        long armingStarted = System.nanoTime();
        List<Armed> timers = results(arming);
        clients.shutdown();
        long armingMillis = (System.nanoTime() - armingStarted) / 1_000_000;
        assertThat(Instant.now()).as("all armed before the first is due").isBefore(dueAtTheKill.minusSeconds(2));

        // When node A is killed with SIGKILL as the first hundred fall due
        StandaloneProcess.sleep(Duration.between(Instant.now(), dueAtTheKill).toMillis() + 100);
        nodeA.kill();
        Instant killedAt = Instant.now();
        int pickedByTheDead = store.jdbc.queryForObject(
                "select count(*) from scheduled_tasks where picked and picked_by = 'node-a'", Integer.class);

        // Then every timer escalates, by its deadline on node B, exactly once
        String dispatcher = TestTokens.token("dispatcher-1", "dispatcher");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> timers.stream()
                .allMatch(t -> StoredHistories.count(store.of(t.alertId()), "AlertEscalated") > 0));
        StandaloneProcess.sleep(5_000);
        List<StoredEvent> escalations = new ArrayList<>();
        for (Armed timer : timers) {
            List<StoredEvent> history = store.of(timer.alertId());
            assertThat(StoredHistories.count(history, "AlertEscalated")).as("escalations of %s", timer.alertId())
                    .isEqualTo(1);
            escalations.add(history.stream().filter(e -> e.type().equals("AlertEscalated")).findFirst().orElseThrow());
        }
        for (int group = 0; group < 2; group++) {
            List<StoredEvent> ofGroup = group == 0 ? escalations.subList(0, DUE_AT_THE_KILL)
                    : escalations.subList(DUE_AT_THE_KILL, TIMERS);
            Instant due = group == 0 ? dueAtTheKill : dueAfterTheKill;
            System.out.printf("Two nodes: %s: %d by the watchdog, latest %d ms after the due time%n",
                    group == 0 ? "due at the kill" : "due after the kill",
                    ofGroup.stream().filter(e -> e.actor().equals("lineguard:watchdog")).count(),
                    ofGroup.stream().mapToLong(e -> Duration.between(due, e.recordedAt()).toMillis()).max().orElse(0));
        }
        assertThat(escalations).extracting(StoredEvent::actor).as("escalated by the deadline, not the watchdog")
                .containsOnly("lineguard:safety-timer");
        assertThat(apiB.get("/alerts/" + timers.get(0).alertId(), dispatcher).json().get("status").asText())
                .isEqualTo("ESCALATED");
        Instant lastEscalation = escalations.stream().map(StoredEvent::recordedAt).max(Instant::compareTo).orElseThrow();
        System.out.printf("Two nodes: %d timers armed in %d ms; node A killed with %d deadlines picked; all escalated "
                + "once, the last %d ms after the kill%n", TIMERS, armingMillis, pickedByTheDead,
                Duration.between(killedAt, lastEscalation).toMillis());
    }

    record Armed(String alertId, String token) {
    }

    private static Armed arm(Api node, long seconds) {
        String token = TestTokens.token("crew-" + UUID.randomUUID(), "crew");
        Api.Response armed = node.post("/alerts/timers", token,
                "{\"durationSeconds\":" + seconds + ",\"location\":" + Api.location(52.0, 4.0) + "}");
        assertThat(armed.status()).as(armed.body()).isEqualTo(201);
        return new Armed(armed.json().get("alertId").asText(), token);
    }

    private static long secondsUntil(Instant due) {
        return Math.round(Duration.between(Instant.now(), due).toMillis() / 1000.0);
    }

    private static <T> Callable<T> atOnce(CountDownLatch go, Callable<T> call) {
        return () -> {
            go.await();
            return call.call();
        };
    }

    private static <T> List<T> results(List<Future<T>> futures) throws Exception {
        List<T> results = new ArrayList<>();
        for (Future<T> future : futures) {
            results.add(future.get());
        }
        return results;
    }

    private static StandaloneProcess node(String name, String url) {
        return new StandaloneProcess(dataDirs.resolve(name), dataDirs.resolve(name + ".log"),
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + TestDatabases.ADMIN_USER,
                "--spring.datasource.password=",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
                // Names its deadline executions, so the test can tell which ones the dead node had picked.
                "--db-scheduler.scheduler-name=" + name,
                // On a loaded machine a revival can take longer than the watchdog's grace; here it must be db-scheduler.
                "--lineguard.watchdog.grace=PT30S");
    }
}
