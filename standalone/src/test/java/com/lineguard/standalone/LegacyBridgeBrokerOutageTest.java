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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
 * The broker goes away while 500 alert events happen and comes back with its data (a real KRaft broker, stopped and
 * started again on the same log and port): every event arrives, in order per alert, and a copy, if any, has its id.
 */
// One crew member makes a hundred alerts here, far faster than any phone would: no rate limits for them.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lineguard.rate-limits.location.burst=100000", "lineguard.rate-limits.alert-creation.burst=100000"})
@DirtiesContext
class LegacyBridgeBrokerOutageTest {

    static final Path KAFKA_DATA = Path.of(TestDatabases.tempDataDir());
    static final int KAFKA_PORT = freePort();
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
    void fiveHundredAlertEventsMadeWhileTheBrokerIsDownAllArriveInOrderPerAlert() {
        AlertHistories alerts = new AlertHistories(port, jdbc);
        Api root = new Api("http://localhost:" + port);
        kafka.close();

        List<String> alertIds = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            alertIds.add(alerts.timerWith(5));
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode health = root.get("/actuator/health", null).json();
            assertThat(health.at("/components/kafka/status").asText()).isEqualTo("DOWN");
            assertThat(health.at("/components/legacyBridge/details/eventsNotYetSent").asLong()).isEqualTo(500);
        });
        kafka = OwnKafkaBroker.start(KAFKA_DATA, KAFKA_PORT);

        BridgeTopic safetyAlerts = new BridgeTopic("localhost:" + KAFKA_PORT, "safety.alerts.v1");
        List<BridgeTopic.Message> messages = safetyAlerts.readUntil(all -> distinctIds(all).size() >= 500,
                Duration.ofSeconds(180));
        int copies = 0;
        for (String alertId : alertIds) {
            List<String> sent = LegacyBridgeTest.idsOf(messages, alertId);
            List<String> happened = alerts.eventIds(alertId);
            assertThat(new ArrayList<>(new LinkedHashSet<>(sent))).containsExactlyElementsOf(happened);
            copies += sent.size() - happened.size();
        }
        assertThat(distinctIds(messages)).hasSize(500);
        System.out.println("Broker outage: 500 events, " + copies + " sent twice with the same id");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode health = root.get("/actuator/health", null).json();
            assertThat(health.at("/components/kafka/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/legacyBridge/details/eventsNotYetSent").asLong()).isZero();
        });
    }

    private static Set<String> distinctIds(List<BridgeTopic.Message> messages) {
        return messages.stream().map(m -> m.json().get("id").asText()).collect(Collectors.toSet());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
