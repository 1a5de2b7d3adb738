package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.lineguard.platform.testing.TestDatabases;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Escalation nobody can miss, on real PostgreSQL. Three crew members stand 1 km, 4 km and 15 km from a crew member
 * whose safety timer runs out. The acknowledgement countdown is 3 s here (2 min in production), the first radius
 * 5 km and the largest 20 km; the owner is warned 2 s before the due time (1 min in production).
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lineguard.timers.min-duration=PT1S",
        "lineguard.escalation.ack-timeout=PT3S",
        "lineguard.timers.warning-before=PT2S",
        "lineguard.nearby-radius-km=5",
        "lineguard.escalation.max-radius-km=20"})
class EscalationOnPostgresTest {

    private static final double SITE_LAT = 52.0;
    private static final double SITE_LON = 4.0;
    private static final double KM_IN_LATITUDE = 1 / 111.32;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CommandBus commandBus;
    @Autowired
    DeadlineManager deadlineManager;

    Api api;
    Api root;
    String dispatcher;

    @BeforeEach
    void setUp() {
        api = new Api("http://localhost:" + port + "/api/v1");
        root = new Api("http://localhost:" + port);
        dispatcher = root.devToken("dispatcher-1", "dispatcher");
    }

    @Test
    void nearbyCrewsHearWithinASecondAndTheFarOneOnceTheRadiusCoversIt() throws Exception {
        String near = crewMemberAt(1);
        String fairlyNear = crewMemberAt(4);
        String far = crewMemberAt(15);
        try (SseClient nearStream = crewStream(near); SseClient fairlyNearStream = crewStream(fairlyNear);
             SseClient farStream = crewStream(far)) {

            String alertId = armTimerAtTheSite(2);
            Instant escalatedAt = awaitEscalation(alertId);

            for (SseClient stream : List.of(nearStream, fairlyNearStream)) {
                SseClient.Event heard = stream.await(nearbyEmergency(alertId), Duration.ofSeconds(10));
                assertThat(heard).isNotNull();
                assertThat(heard.id()).isNotBlank();
                assertThat(Duration.between(escalatedAt, heard.receivedAt())).isLessThan(Duration.ofSeconds(1));
                assertThat(heard.data().has("crewMemberIds")).as("who else was told stays private").isFalse();
            }
            assertThat(farStream.await(e -> e.data().path("round").asInt() == 1, Duration.ofMillis(500))).isNull();

            SseClient.Event reachedAtLast = farStream.await(nearbyEmergency(alertId), Duration.ofSeconds(20));
            assertThat(reachedAtLast).isNotNull();
            assertThat(reachedAtLast.data().get("radiusKm").asDouble()).isGreaterThanOrEqualTo(15);
            JsonNode history = api.get("/alerts/" + alertId + "/history", dispatcher).json();
            assertThat(history.findValuesAsText("type")).contains("EscalationPolicyStarted", "NearbyCrewsNotified",
                    "AlertOverdue");
            assertThat(api.get("/alerts/" + alertId, dispatcher).json().get("overdue").asBoolean()).isTrue();

            api.post("/alerts/" + alertId + "/resolve", dispatcher, "{\"outcome\":\"FALSE_ALARM\"}");
            for (SseClient stream : List.of(nearStream, fairlyNearStream, farStream)) {
                assertThat(stream.await(e -> e.name().equals("stand-down")
                        && e.data().get("alertId").asText().equals(alertId), Duration.ofSeconds(10))).isNotNull();
            }
        }
    }

    @Test
    void anAcknowledgementStopsThePushing() throws Exception {
        String near = crewMemberAt(2);
        try (SseClient stream = crewStream(near)) {
            String alertId = armTimerAtTheSite(2);
            awaitEscalation(alertId);
            assertThat(stream.await(nearbyEmergency(alertId), Duration.ofSeconds(10))).isNotNull();
            assertThat(api.post("/alerts/" + alertId + "/acknowledge", dispatcher, "{}").status()).isEqualTo(200);

            Thread.sleep(7_000);
            assertThat(stream.received().stream().filter(nearbyEmergency(alertId))).hasSize(1);
            assertThat(api.get("/alerts/" + alertId, dispatcher).json().get("status").asText()).isEqualTo("ACKNOWLEDGED");
        }
    }

    @Test
    void aReconnectingPhoneGetsEveryNotificationItMissedOnce() throws Exception {
        String near = crewMemberAt(1);
        String alertId;
        String lastSeen;
        try (SseClient stream = crewStream(near)) {
            alertId = armTimerAtTheSite(2);
            lastSeen = stream.await(nearbyEmergency(alertId), Duration.ofSeconds(15)).id();
        }
        // Rounds 2 and 3 tell the same crew member again while the phone is away.
        await().atMost(Duration.ofSeconds(20)).until(() -> notificationsFor(near, lastSeen).size() >= 2);
        List<String> missed = notificationsFor(near, lastSeen);

        try (SseClient again = new SseClient("http://localhost:" + port + "/api/v1/stream/crew",
                root.devToken(near, "crew"), lastSeen)) {
            for (String id : missed) {
                assertThat(again.await(e -> id.equals(e.id()), Duration.ofSeconds(5))).as("notification %s", id).isNotNull();
            }
            api.post("/alerts/" + alertId + "/acknowledge", dispatcher, "{}");
            Thread.sleep(1_000);
            List<String> ids = again.received().stream().map(SseClient.Event::id).toList();
            assertThat(ids).doesNotHaveDuplicates().doesNotContain(lastSeen);
        }
    }

    @Test
    void theNewestFixByDeviceTimeWinsNotTheLastToArrive() throws Exception {
        String crewMemberId = crewMemberAt(1);
        // A fix from 15 km away, taken ten minutes ago while the phone was offline, arrives after the fresh one.
        Api.Response late = api.post("/crews/me/location", root.devToken(crewMemberId, "crew"),
                "{\"lat\":" + (SITE_LAT + 15 * KM_IN_LATITUDE) + ",\"lon\":" + SITE_LON + ",\"recordedAt\":\""
                        + Instant.now().minus(Duration.ofMinutes(10)) + "\"}");
        assertThat(late.status()).isEqualTo(202);

        try (SseClient stream = crewStream(crewMemberId)) {
            String alertId = armTimerAtTheSite(2);
            awaitEscalation(alertId);

            SseClient.Event heard = stream.await(nearbyEmergency(alertId), Duration.ofSeconds(10));
            assertThat(heard).as("told in the first round, from the fix 1 km away").isNotNull();
            assertThat(heard.data().get("round").asInt()).isEqualTo(1);
        }
    }

    @Test
    void theOwnerIsWarnedOnTheCrewStreamBeforeHelpIsSent() throws Exception {
        String owner = "crew-owner-" + UUID.randomUUID();
        try (SseClient stream = crewStream(owner)) {
            Api.Response armed = api.post("/alerts/timers", root.devToken(owner, "crew"),
                    "{\"durationSeconds\":4,\"location\":" + Api.location(SITE_LAT, SITE_LON) + "}");
            String alertId = armed.json().get("alertId").asText();
            Instant dueAt = Instant.parse(armed.json().get("dueAt").asText());

            SseClient.Event warning = stream.await(e -> "timer-expiring".equals(e.name())
                    && alertId.equals(e.data().path("alertId").asText()), Duration.ofSeconds(10));

            assertThat(warning).isNotNull();
            assertThat(warning.receivedAt()).isBefore(dueAt);
        }
    }

    @Test
    void theWatchdogEscalatesATimerWhoseDeadlineNeverFires() throws Exception {
        String alertId = armTimerAtTheSite(2);
        int removed = jdbc.update("delete from scheduled_tasks where position(?::bytea in task_data) > 0", alertId);
        assertThat(removed).as("the timer's deadlines taken away from the deadline manager").isPositive();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api.get("/alerts/" + alertId, dispatcher).json().get("status").asText()).isEqualTo("ESCALATED"));
        JsonNode history = api.get("/alerts/" + alertId + "/history", dispatcher).json();
        JsonNode escalation = history.get(1);
        assertThat(escalation.get("type").asText()).isEqualTo("AlertEscalated");
        assertThat(escalation.get("actor").asText()).isEqualTo("lineguard:watchdog");
        assertThat(root.get("/actuator/prometheus", null).body()).containsPattern("lineguard_watchdog_saves_total\\S* [1-9]");
    }

    /**
     * Every event of an escalation carries the correlation id of the request that armed the timer, and its causation
     * id names the message whose handling recorded it: the arming command, the deadline that ran out, the policy's
     * command, which in turn names the event that started the policy.
     */
    @Test
    void given_a_timer_armed_by_a_request_when_it_escalates_then_the_history_traces_each_event_to_its_cause()
            throws Exception {
        String correlationId = "shift-" + UUID.randomUUID();
        List<Message<?>> commands = new CopyOnWriteArrayList<>();
        List<Message<?>> deadlines = new CopyOnWriteArrayList<>();
        Registration commandRecording = commandBus.registerHandlerInterceptor(recordingInto(commands));
        Registration deadlineRecording = deadlineManager.registerHandlerInterceptor(recordingInto(deadlines));
        String alertId;
        JsonNode history;
        try {
            Api.Response armed = api.post("/alerts/timers", root.devToken("crew-owner-" + UUID.randomUUID(), "crew"),
                    "{\"durationSeconds\":2,\"location\":" + Api.location(SITE_LAT, SITE_LON) + "}",
                    "X-Correlation-Id", correlationId);
            alertId = armed.json().get("alertId").asText();
            history = await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/alerts/" + alertId + "/history",
                    dispatcher).json(), h -> h.findValuesAsText("type").contains("NearbyCrewsNotified"));
        } finally {
            commandRecording.cancel();
            deadlineRecording.cancel();
        }

        JsonNode armedEvent = entry(history, "SafetyTimerArmed");
        JsonNode escalated = entry(history, "AlertEscalated");
        JsonNode policyStarted = entry(history, "EscalationPolicyStarted");
        assertThat(history.findValuesAsText("correlationId")).as("every event, however far from the request")
                .hasSize(history.size()).containsOnly(correlationId);
        Message<?> arming = only(commands, "ArmSafetyTimer", alertId);
        assertThat(armedEvent.get("causationId").asText()).isEqualTo(arming.getIdentifier());
        Message<?> timerDue = deadlines.stream()
                .filter(d -> escalated.get("causationId").asText().equals(d.getIdentifier())).findFirst()
                .orElseThrow(() -> new AssertionError("No deadline caused " + escalated));
        assertThat(timerDue.getMetaData()).containsEntry("causationId", arming.getIdentifier())
                .containsEntry("correlationId", correlationId);
        Message<?> startPolicy = only(commands, "StartEscalationPolicy", alertId);
        assertThat(policyStarted.get("causationId").asText()).isEqualTo(startPolicy.getIdentifier());
        assertThat(startPolicy.getMetaData()).containsEntry("causationId", escalated.get("eventId").asText());
    }

    private static MessageHandlerInterceptor<Message<?>> recordingInto(List<Message<?>> handled) {
        return (unitOfWork, chain) -> {
            handled.add(unitOfWork.getMessage());
            return chain.proceed();
        };
    }

    private static JsonNode entry(JsonNode history, String type) {
        for (JsonNode entry : history) {
            if (entry.get("type").asText().equals(type)) {
                return entry;
            }
        }
        throw new AssertionError("No " + type + " in " + history);
    }

    /** The one command of this type for this alert (other alerts of this class may still be escalating). */
    private static Message<?> only(List<Message<?>> messages, String payloadType, String alertId) {
        List<Message<?>> matching = messages.stream()
                .filter(m -> m.getPayloadType().getSimpleName().equals(payloadType))
                .filter(m -> m.getPayload().toString().contains(alertId)).toList();
        assertThat(matching).as(payloadType).hasSize(1);
        return matching.get(0);
    }

    private String crewMemberAt(double kmNorth) {
        String crewMemberId = "crew-" + UUID.randomUUID();
        Api.Response reported = api.post("/crews/me/location", root.devToken(crewMemberId, "crew"),
                Api.location(SITE_LAT + kmNorth * KM_IN_LATITUDE, SITE_LON));
        assertThat(reported.status()).isEqualTo(202);
        return crewMemberId;
    }

    private SseClient crewStream(String crewMemberId) {
        return new SseClient("http://localhost:" + port + "/api/v1/stream/crew", root.devToken(crewMemberId, "crew"), null);
    }

    private String armTimerAtTheSite(int seconds) {
        Api.Response armed = api.post("/alerts/timers", root.devToken("crew-owner-" + UUID.randomUUID(), "crew"),
                "{\"durationSeconds\":" + seconds + ",\"location\":" + Api.location(SITE_LAT, SITE_LON) + "}");
        assertThat(armed.status()).as(armed.body()).isEqualTo(201);
        return armed.json().get("alertId").asText();
    }

    private Instant awaitEscalation(String alertId) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(api.get("/alerts/" + alertId, dispatcher).json().get("status").asText()).isEqualTo("ESCALATED"));
        return Instant.parse(api.get("/alerts/" + alertId, dispatcher).json().get("escalatedAt").asText());
    }

    private List<String> notificationsFor(String crewMemberId, String afterId) {
        return jdbc.queryForList("select id::text from crew_notification where crew_member_id = ? and id > ? order by id",
                String.class, crewMemberId, Long.parseLong(afterId));
    }

    private static java.util.function.Predicate<SseClient.Event> nearbyEmergency(String alertId) {
        return e -> "nearby-emergency".equals(e.name()) && alertId.equals(e.data().path("alertId").asText());
    }
}
