package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.lineguard.platform.testing.TestDatabases;
import com.lineguard.standalone.kafka.OwnKafkaBroker;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker goes away while alert events happen and comes back with its data (a real KRaft broker, stopped and
 * started again on the same log and port). The crew's cancel and panic calls never wait for it, and afterwards every
 * event arrives, in order per alert, and a copy, if any, has its id.
 */
// No overdue round during the test: the events of an emergency stay the three of its first round. One crew member
// makes a hundred alerts here, far faster than any phone would: no rate limits for them.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lineguard.escalation.ack-timeout=PT1H",
        "lineguard.rate-limits.location.burst=100000", "lineguard.rate-limits.alert-creation.burst=100000"})
@DirtiesContext
class LegacyBridgeBrokerOutageTest {

    /** A crew's call must never wait for Kafka; this is far above what it takes with the broker up. */
    private static final Duration PROMPT = Duration.ofSeconds(2);

    static final Path KAFKA_DATA = Path.of(TestDatabases.tempDataDir());
    static final int KAFKA_PORT = StandaloneProcess.freePort();
    static OwnKafkaBroker kafka = OwnKafkaBroker.start(KAFKA_DATA, KAFKA_PORT);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:" + KAFKA_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void cancelsAndPanicsWhileTheBrokerIsDownAnswerPromptlyAndAllTheirEventsArriveInOrderPerAlert() {
        AlertHistories alerts = new AlertHistories(port, jdbc);
        Api root = new Api("http://localhost:" + port);
        kafka.close();

        // Given the broker is down, when 100 timers are armed, located and cancelled and 20 emergencies raised
        List<String> alertIds = new ArrayList<>();
        Duration slowestCancel = Duration.ZERO;
        for (int i = 0; i < 100; i++) {
            String alertId = alerts.armedTimerWith(4);
            slowestCancel = max(slowestCancel, timed(() -> alerts.cancel(alertId)));
            alertIds.add(alertId);
        }
        Duration slowestPanic = Duration.ZERO;
        List<String> emergencies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            slowestPanic = max(slowestPanic, timed(() -> emergencies.add(alerts.raiseEmergency(52.0, 4.0))));
        }
        alertIds.addAll(emergencies);

        // Then every cancel and panic answered promptly, and the bridge holds their events back
        assertThat(slowestCancel).isLessThan(PROMPT);
        assertThat(slowestPanic).isLessThan(PROMPT);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                emergencies.stream().allMatch(id -> alerts.eventIds(id).size() == 3));
        int events = jdbc.queryForObject("select count(*) from domainevententry", Integer.class);
        assertThat(events).isEqualTo(100 * 5 + 20 * 3);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode health = root.get("/actuator/health", null).json();
            assertThat(health.at("/components/kafka/status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/components/legacyBridge/details/eventsNotYetSent").asLong()).isEqualTo(events);
        });

        // and when the broker is back, every event arrives, in order per alert
        kafka = OwnKafkaBroker.start(KAFKA_DATA, KAFKA_PORT);
        long backAt = System.nanoTime();
        BridgeTopic safetyAlerts = new BridgeTopic("localhost:" + KAFKA_PORT, "safety.alerts.v1");
        List<BridgeTopic.Message> messages = safetyAlerts.readUntil(all -> distinctIds(all).size() >= events,
                Duration.ofSeconds(180));
        long caughtUpMillis = (System.nanoTime() - backAt) / 1_000_000;
        int copies = 0;
        for (String alertId : alertIds) {
            List<String> sent = LegacyBridgeTest.idsOf(messages, alertId);
            List<String> happened = alerts.eventIds(alertId);
            assertThat(new ArrayList<>(new LinkedHashSet<>(sent))).containsExactlyElementsOf(happened);
            copies += sent.size() - happened.size();
        }
        assertThat(distinctIds(messages)).hasSize(events);
        System.out.printf("Broker outage: slowest cancel %d ms, slowest panic %d ms; %d events arrived %d ms after "
                + "the broker returned, %d sent twice with the same id%n", slowestCancel.toMillis(),
                slowestPanic.toMillis(), events, caughtUpMillis, copies);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode health = root.get("/actuator/health", null).json();
            assertThat(health.at("/components/kafka/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/legacyBridge/details/eventsNotYetSent").asLong()).isZero();
        });
    }

    private static Duration timed(Runnable call) {
        long started = System.nanoTime();
        call.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Set<String> distinctIds(List<BridgeTopic.Message> messages) {
        return messages.stream().map(m -> m.json().get("id").asText()).collect(Collectors.toSet());
    }
}
