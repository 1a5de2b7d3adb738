package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.lineguard.platform.testing.TestDatabases;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The legacy bridge (BRIDGE.md) against a real in-process KRaft broker: outbound, replay, inbound, DLQ. */
// Each test's crew member makes its alerts faster than any phone would: no rate limits for them.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lineguard.timers.min-duration=PT1S",
        "lineguard.rate-limits.location.burst=100000", "lineguard.rate-limits.alert-creation.burst=100000"})
@DirtiesContext
class LegacyBridgeTest {

    // By default the broker sets the system property spring.kafka.bootstrap-servers, which would switch the bridge
    // on in every test context created after this one: this class says where its broker is itself.
    static final EmbeddedKafkaBroker KAFKA = new EmbeddedKafkaKraftBroker(1, 3)
            .brokerListProperty("lineguard.test.legacy-bridge.brokers");

    static {
        KAFKA.afterPropertiesSet();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBrokersAsString);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    MeterRegistry meters;

    AlertHistories alerts;
    BridgeTopic safetyAlerts = new BridgeTopic(KAFKA.getBrokersAsString(), "safety.alerts.v1");
    BridgeTopic legacyCommands = new BridgeTopic(KAFKA.getBrokersAsString(), "legacy.commands.v1");
    BridgeTopic deadLetters = new BridgeTopic(KAFKA.getBrokersAsString(), "legacy.commands.v1.dlq");
    BridgeTopic outages = new BridgeTopic(KAFKA.getBrokersAsString(), "outages.v1");
    BridgeTopic crewNotifications = new BridgeTopic(KAFKA.getBrokersAsString(), "crew-notifications.v1");
    BridgeTopic customerNotifications = new BridgeTopic(KAFKA.getBrokersAsString(), "customer-notifications.v1");

    @BeforeEach
    void signIn() {
        alerts = new AlertHistories(port, jdbc);
    }

    @Test
    void anEscalationReachesSafetyAlertsAsACloudEventWithTheLocation() {
        String alertId = alerts.armTimer(1, 52.1, 4.3);

        BridgeTopic.Message escalated = first(safetyAlerts.readUntil(messages ->
                messages.stream().anyMatch(m -> isOf(m, alertId, "lineguard.alert.escalated"))), alertId,
                "lineguard.alert.escalated");

        assertThat(escalated.key()).isEqualTo(alertId);
        assertThat(escalated.headers()).containsEntry("content-type", "application/cloudevents+json");
        JsonNode event = escalated.json();
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("id").asText()).isEqualTo(alerts.eventId(alertId, "AlertEscalated"));
        assertThat(event.get("source").asText()).isNotBlank();
        assertThat(Instant.parse(event.get("time").asText())).isBefore(Instant.now());
        assertThat(event.get("subject").asText()).isEqualTo(alertId);
        JsonNode data = event.get("data");
        assertThat(data.get("crewMemberId").asText()).isEqualTo(alerts.crew);
        assertThat(data.get("reason").asText()).isEqualTo("TIMER_EXPIRED");
        assertThat(data.get("location").get("lat").asDouble()).isEqualTo(52.1);
        assertThat(data.get("location").get("lon").asDouble()).isEqualTo(4.3);
    }

    @Test
    void everyEventIsOneMessageInOrderPerAlert() {
        List<String> alertIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String alertId = alerts.emergencyWith(4);
            alerts.resolve(alertId);
            alertIds.add(alertId);
        }

        // The escalation policy records its own steps on each alert too: compare with the store, whatever it holds.
        List<BridgeTopic.Message> messages = safetyAlerts.readUntil(all -> alertIds.stream()
                .allMatch(id -> idsOf(all, id).equals(alerts.eventIds(id))));

        for (String alertId : alertIds) {
            assertThat(idsOf(messages, alertId)).containsExactlyElementsOf(alerts.eventIds(alertId));
            assertThat(messages.stream().filter(m -> m.key().equals(alertId)).map(m -> m.json().get("type").asText()))
                    .containsSubsequence("lineguard.alert.emergency-raised", "lineguard.alert.location-reported",
                            "lineguard.alert.location-reported", "lineguard.alert.acknowledged",
                            "lineguard.alert.resolved");
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode health = new Api("http://localhost:" + port).get("/actuator/health", null).json();
            assertThat(health.at("/components/kafka/status").asText()).isEqualTo("UP");
            assertThat(health.at("/components/legacyBridge/details/eventsNotYetSent").asLong()).isZero();
            assertThat(meters.get("lineguard.bridge.lag").gauge().value()).isZero();
        });
    }

    /**
     * A crash between send and token commit: the messages went out but the token never reached the database.
     * Simulated by stopping the bridge and putting its committed token back to before the messages, exactly what the
     * database would hold after such a crash: on start they go out again with the same ids, none missing.
     */
    @Test
    void messagesSentAgainAfterACrashCarryTheSameIds() {
        List<String> alertIds = List.of(alerts.timerWith(3), alerts.timerWith(3), alerts.timerWith(3));
        safetyAlerts.readUntil(all -> alertIds.stream().allMatch(id -> idsOf(all, id).size() == 3));

        long beforeTheMessages = jdbc.queryForObject("select min(globalindex) - 1 from domainevententry "
                + "where aggregateidentifier in (?, ?, ?)", Long.class, alertIds.toArray());
        StreamingEventProcessor bridge = bridge();
        bridge.shutDown();
        jdbc.update("update tokenentry set token = convert_to(?, 'UTF8'), tokentype = ? where processorname = ?",
                "{\"index\":" + beforeTheMessages + ",\"gaps\":[]}", GapAwareTrackingToken.class.getName(),
                "legacy-bridge");
        bridge.start();

        List<BridgeTopic.Message> messages = safetyAlerts.readUntil(all -> alertIds.stream()
                .allMatch(id -> idsOf(all, id).size() == 6));
        for (String alertId : alertIds) {
            List<String> expected = alerts.eventIds(alertId);
            List<String> twice = new ArrayList<>(expected);
            twice.addAll(expected);
            assertThat(idsOf(messages, alertId)).containsExactlyElementsOf(twice);
        }
    }

    /**
     * A replay must never send the back office every alert again: the bridge is marked {@code @DisallowReplay}, so a
     * token reset is refused, and it goes on sending new events only.
     */
    @Test
    void theBridgeRefusesAReplay() {
        String alertId = alerts.timerWith(3);
        safetyAlerts.readUntil(all -> idsOf(all, alertId).size() == 3);

        StreamingEventProcessor bridge = bridge();
        bridge.shutDown();
        try {
            assertThatThrownBy(bridge::resetTokens).isInstanceOf(IllegalStateException.class);
        } finally {
            bridge.start();
        }
        String afterwards = alerts.timerWith(3);

        List<BridgeTopic.Message> messages = safetyAlerts.readUntil(all -> idsOf(all, afterwards).size() == 3);
        assertThat(idsOf(messages, alertId)).hasSize(3);
    }

    private StreamingEventProcessor bridge() {
        return processing.eventProcessor("legacy-bridge", StreamingEventProcessor.class).orElseThrow();
    }

    @Test
    void anAcknowledgementDeliveredThreeTimesIsAppliedOnce() {
        String alertId = alerts.raiseEmergency(52.2, 4.4);
        String acknowledged = cloudEvent(UUID.randomUUID().toString(), "lineguard.legacy.alert-acknowledged",
                "{\"alertId\":\"" + alertId + "\",\"by\":\"desk-7\",\"note\":\"crew 12 on its way\"}");

        legacyCommands.send(alertId, acknowledged, acknowledged, acknowledged);
        String sentinel = cloudEvent(UUID.randomUUID().toString(), "lineguard.legacy.sentinel", "{}");
        legacyCommands.send(alertId, sentinel);

        List<BridgeTopic.Message> parked = deadLetters.readUntil(all -> all.stream().anyMatch(m -> m.value().equals(sentinel)));
        assertThat(parked).filteredOn(m -> m.key().equals(alertId)).extracting(BridgeTopic.Message::value)
                .containsExactly(sentinel);
        assertThat(alerts.view(alertId).status()).isEqualTo("ACKNOWLEDGED");
        assertThat(alerts.view(alertId).response().json().get("acknowledgedBy").asText()).isEqualTo("legacy:desk-7");
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like '%AlertAcknowledged'", Integer.class, alertId)).isEqualTo(1);
    }

    @Test
    void twentyTwoBadMessagesAreParkedWithTheirReasonsAndTheGoodOneBehindThemIsApplied() {
        String alertId = alerts.raiseEmergency(52.3, 4.5);
        String armedTimer = alerts.armTimer(600, 52.3, 4.5);
        String ack = "lineguard.legacy.alert-acknowledged";
        String location = Api.location(52.3, 4.5);
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("not json", "MALFORMED_MESSAGE");
        bad.put("{\"specversion\":\"1.0\",\"id\":", "MALFORMED_MESSAGE");
        bad.put("[1,2,3]", "MALFORMED_MESSAGE");
        bad.put("{\"id\":\"x1\",\"source\":\"/legacy\",\"type\":\"" + ack + "\",\"data\":{}}", "MALFORMED_MESSAGE");
        bad.put(cloudEvent("x2", ack, "{}").replace("\"1.0\"", "\"0.3\""), "MALFORMED_MESSAGE");
        bad.put(cloudEvent("", ack, "{\"alertId\":\"" + alertId + "\",\"by\":\"desk\"}"), "MALFORMED_MESSAGE");
        bad.put(cloudEvent(UUID.randomUUID().toString(), "", "{}"), "MALFORMED_MESSAGE");
        bad.put(cloudEvent(UUID.randomUUID().toString(), ack, "\"just a string\""), "MALFORMED_MESSAGE");
        bad.put(cloudEvent(UUID.randomUUID().toString(), "lineguard.legacy.crew-fired", "{}"), "UNKNOWN_TYPE");
        bad.put(cloudEvent(UUID.randomUUID().toString(), ack, "{\"by\":\"desk\"}"), "VALIDATION_FAILED");
        bad.put(cloudEvent(UUID.randomUUID().toString(), ack, "{\"alertId\":\"not-a-uuid\",\"by\":\"desk\"}"),
                "VALIDATION_FAILED");
        bad.put(cloudEvent(UUID.randomUUID().toString(), ack, "{\"alertId\":\"" + alertId + "\",\"by\":\" \"}"),
                "VALIDATION_FAILED");
        bad.put(cloudEvent(UUID.randomUUID().toString(), ack, "{\"alertId\":\"" + alertId + "\",\"by\":\"desk\",\"note\":\""
                + "x".repeat(2001) + "\"}"), "VALIDATION_FAILED");
        bad.put(cloudEvent(UUID.randomUUID().toString(), ack, "{\"alertId\":\"" + UUID.randomUUID() + "\",\"by\":\"desk\"}"),
                "ALERT_NOT_FOUND");
        bad.put(cloudEvent(UUID.randomUUID().toString(), ack, "{\"alertId\":\"" + armedTimer + "\",\"by\":\"desk\"}"),
                "NOT_ESCALATED");
        bad.put(cloudEvent(UUID.randomUUID().toString(), "lineguard.legacy.outage-reported", "{\"externalRef\":\"OMS-1\","
                + "\"deviceId\":\"T-17\",\"customersAffected\":40}"), "VALIDATION_FAILED");
        bad.put(cloudEvent(UUID.randomUUID().toString(), "lineguard.legacy.etr-predicted",
                "{\"estimatedRestorationAt\":\"2031-01-01T00:00:00Z\"}"), "VALIDATION_FAILED");
        bad.put(cloudEvent(UUID.randomUUID().toString(), "lineguard.legacy.outage-reported", "{\"externalRef\":\"OMS-1\","
                + "\"deviceId\":\"T-17\",\"location\":" + location + ",\"customersAffected\":-40}"), "VALIDATION_FAILED");
        bad.put(cloudEvent(UUID.randomUUID().toString(), "lineguard.legacy.etr-predicted",
                "{\"externalRef\":\"OMS-NOBODY-KNOWS\",\"estimatedRestorationAt\":\"2031-01-01T00:00:00Z\"}"),
                "OUTAGE_NOT_FOUND");
        bad.put(cloudEvent(UUID.randomUUID().toString(), "lineguard.legacy.outage-restored",
                "{\"outageId\":\"" + UUID.randomUUID() + "\"}"), "OUTAGE_NOT_FOUND");
        bad.put(cloudEvent("x".repeat(300), ack, "{\"alertId\":\"" + alertId + "\",\"by\":\"desk\"}"),
                "MALFORMED_MESSAGE");
        bad.put(cloudEvent(UUID.randomUUID().toString(), "lineguard.legacy.etr-predicted", "{\"outageId\":\""
                + alertId + "\",\"estimatedRestorationAt\":\"2031-01-01T00:00:00Z\"}"), "OUTAGE_NOT_FOUND");
        assertThat(bad).hasSize(22);
        String good = cloudEvent(UUID.randomUUID().toString(), ack, "{\"alertId\":\"" + alertId + "\",\"by\":\"desk-9\"}");

        legacyCommands.send(alertId, bad.keySet().toArray(String[]::new));
        legacyCommands.send(alertId, good);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(alerts.view(alertId).status()).isEqualTo("ACKNOWLEDGED"));
        List<BridgeTopic.Message> parked = deadLetters.readUntil(all -> all.stream()
                .filter(m -> alertId.equals(m.key())).count() >= bad.size()).stream()
                .filter(m -> alertId.equals(m.key())).toList();
        assertThat(parked).extracting(BridgeTopic.Message::value).containsExactlyElementsOf(bad.keySet());
        assertThat(parked).extracting(m -> m.headers().get("lineguard-error-code"))
                .containsExactlyElementsOf(bad.values());
        assertThat(parked).allSatisfy(m -> assertThat(m.headers().get("lineguard-error-detail")).isNotBlank());
    }

    @Test
    void eachOutageTypeIsAppliedOnceWhenDeliveredThreeTimes() {
        String reference = "OMS-" + UUID.randomUUID();
        String reported = cloudEvent(UUID.randomUUID().toString(), "lineguard.legacy.outage-reported",
                "{\"externalRef\":\"" + reference + "\",\"deviceId\":\"XFMR-77\",\"location\":"
                        + Api.location(52.3, 4.5) + ",\"customersAffected\":240,\"cause\":\"storm\"}");
        String predicted = cloudEvent(UUID.randomUUID().toString(), "lineguard.legacy.etr-predicted",
                "{\"externalRef\":\"" + reference + "\",\"estimatedRestorationAt\":\""
                        + Instant.now().plus(Duration.ofHours(3)) + "\",\"reason\":\"model\"}");
        String restored = cloudEvent(UUID.randomUUID().toString(), "lineguard.legacy.outage-restored",
                "{\"externalRef\":\"" + reference + "\"}");

        legacyCommands.send(reference, reported, reported, reported);
        String outageId = await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForList(
                "select outage_id::text from outage_reference where external_ref = ?", String.class, reference),
                ids -> ids.size() == 1).get(0);
        legacyCommands.send(reference, predicted, predicted, predicted, restored, restored, restored);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(eventCount(outageId, "OutageStatusChanged")).isEqualTo(1));
        assertThat(eventCount(outageId, "OutageReported")).isEqualTo(1);
        assertThat(eventCount(outageId, "EtrEstimated")).isEqualTo(1);
    }

    @Test
    void anOutageReachesOutagesItsAssignedCrewAndItsCustomers() {
        Api root = new Api("http://localhost:" + port);
        String dispatcher = root.devToken("dispatcher-1", "dispatcher");
        String crewId = "crew-" + UUID.randomUUID();
        String outageId = alerts.api.post("/outages", dispatcher, "{\"deviceId\":\"XFMR-77\",\"location\":"
                + Api.location(52.3, 4.5) + ",\"customersAffected\":240}").json().get("outageId").asText();
        assertThat(alerts.api.post("/outages/" + outageId + "/assign", dispatcher, "{\"crewId\":\"" + crewId + "\"}")
                .status()).isEqualTo(200);

        assertThat(outages.readUntil(all -> all.stream().anyMatch(m -> isOf(m, outageId, "lineguard.outage.assigned"))))
                .filteredOn(m -> outageId.equals(m.key())).extracting(m -> m.json().get("type").asText())
                .startsWith("lineguard.outage.reported");
        BridgeTopic.Message assignment = first(crewNotifications.readUntil(all -> all.stream()
                .anyMatch(m -> isOf(m, outageId, "lineguard.crew.assignment"))), outageId, "lineguard.crew.assignment");
        assertThat(assignment.json().at("/data/crewId").asText()).isEqualTo(crewId);
        BridgeTopic.Message customers = first(customerNotifications.readUntil(all -> all.stream()
                .anyMatch(m -> isOf(m, outageId, "lineguard.customer.outage-updated"))), outageId,
                "lineguard.customer.outage-updated");
        assertThat(customers.json().at("/data/status").asText()).isEqualTo("REPORTED");
    }

    @Test
    void aNearbyEmergencyReachesThePushGatewayWithItsRecipients() {
        Api root = new Api("http://localhost:" + port);
        String nearby = "crew-" + UUID.randomUUID();
        assertThat(alerts.api.post("/crews/me/location", root.devToken(nearby, "crew"), Api.location(52.61, 4.61))
                .status()).isEqualTo(202);

        String alertId = alerts.raiseEmergency(52.6, 4.6);

        BridgeTopic.Message told = first(crewNotifications.readUntil(all -> all.stream()
                .anyMatch(m -> isOf(m, alertId, "lineguard.crew.nearby-emergency"))), alertId,
                "lineguard.crew.nearby-emergency");
        assertThat(told.json().get("id").asText()).isEqualTo(alerts.eventId(alertId, "NearbyCrewsNotified"));
        assertThat(told.json().at("/data/crewMemberIds").toString()).contains(nearby);
    }

    private int eventCount(String aggregateId, String type) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like ?", Integer.class, aggregateId, "%" + type);
    }

    private static String cloudEvent(String id, String type, String data) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"/legacy/back-office\",\"type\":\"" + type
                + "\",\"time\":\"" + Instant.now() + "\",\"datacontenttype\":\"application/json\",\"data\":" + data + "}";
    }

    static List<String> idsOf(List<BridgeTopic.Message> messages, String alertId) {
        return messages.stream().filter(m -> alertId.equals(m.key())).map(m -> m.json().get("id").asText())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static boolean isOf(BridgeTopic.Message message, String alertId, String type) {
        return alertId.equals(message.key()) && message.json().get("type").asText().equals(type);
    }

    private static BridgeTopic.Message first(List<BridgeTopic.Message> messages, String alertId, String type) {
        return messages.stream().filter(m -> isOf(m, alertId, type)).findFirst().orElseThrow();
    }

}
