package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The safety-alert flow through HTTP, as a crew member and a dispatcher live it. Runs once on an external
 * PostgreSQL and once on the embedded default (the subclasses), so both storage set-ups keep the same promises.
 */
abstract class AlertFlowContract {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    Api api;
    String crew;
    String crewToken;
    String dispatcherToken;

    @BeforeEach
    void signIn() {
        api = new Api("http://localhost:" + port + "/api/v1");
        crew = "crew-" + UUID.randomUUID();
        crewToken = new Api("http://localhost:" + port).devToken(crew, "crew");
        dispatcherToken = new Api("http://localhost:" + port).devToken("dispatcher-1", "dispatcher");
    }

    @Test
    void aTimerNobodyCancelsEscalatesWithTheLastKnownLocation() {
        String alertId = armTimer(2);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(api.get("/alerts/" + alertId, dispatcherToken).json().get("status").asText())
                        .isEqualTo("ESCALATED"));
        JsonNode alert = api.get("/alerts/" + alertId, dispatcherToken).json();
        assertThat(alert.get("escalationReason").asText()).isEqualTo("TIMER_EXPIRED");
        assertThat(alert.get("location").get("lat").asDouble()).isEqualTo(52.1);
        assertThat(alert.get("escalatedAt").isNull()).isFalse();
        assertThat(escalationsIn(alertId)).isEqualTo(1);
    }

    @Test
    void aTimerCancelledInTimeStaysCancelledPastItsDueTime() throws InterruptedException {
        String alertId = armTimer(2);

        Api.Response cancel = api.post("/alerts/" + alertId + "/cancel", crewToken, "{}");
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().get("status").asText()).isEqualTo("CANCELLED");

        Thread.sleep(4_000);
        assertThat(api.get("/alerts/" + alertId, crewToken).json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(api.get("/alerts/" + alertId, dispatcherToken).json().get("status").asText()).isEqualTo("CANCELLED");
        assertThat(escalationsIn(alertId)).isZero();
    }

    @Test
    void aGetAfterAPostReflectsThePost() {
        String alertId = armTimer(600);

        Api.Response mine = api.get("/crews/me/alerts", crewToken);
        assertThat(mine.json().findValuesAsText("alertId")).contains(alertId);
        assertThat(api.get("/alerts?status=ACTIVE", dispatcherToken).json().findValuesAsText("alertId"))
                .contains(alertId);
        assertThat(api.post("/alerts/" + alertId + "/cancel", crewToken, "{}").status()).isEqualTo(200);
        assertThat(api.get("/crews/me/alerts", crewToken).json().findValuesAsText("alertId")).doesNotContain(alertId);
    }

    @Test
    void aDuressCancelLooksLikeACancelToTheCrewMemberAndEscalatesToDispatch() {
        String normalId = armTimer(600);
        JsonNode normal = api.post("/alerts/" + normalId + "/cancel", crewToken, "{}").json();
        String duressId = armTimer(600);
        Api.Response duress = api.post("/alerts/" + duressId + "/cancel", crewToken, "{\"duress\":true}");

        assertThat(duress.status()).isEqualTo(200);
        assertThat(withoutIdsAndTimes(duress.json())).isEqualTo(withoutIdsAndTimes(normal));
        JsonNode seenByDispatch = api.get("/alerts/" + duressId, dispatcherToken).json();
        assertThat(seenByDispatch.get("status").asText()).isEqualTo("ESCALATED");
        assertThat(seenByDispatch.get("escalationReason").asText()).isEqualTo("DURESS");
        assertThat(seenByDispatch.get("duress").asBoolean()).isTrue();
        JsonNode seenByOwner = api.get("/alerts/" + duressId, crewToken).json();
        assertThat(seenByOwner.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(seenByOwner.get("duress").asBoolean()).isFalse();
        assertThat(api.get("/crews/me/alerts", crewToken).json().findValuesAsText("alertId")).doesNotContain(duressId);
    }

    @Test
    void theSameIdempotencyKeyRaisesOneEmergency() {
        String key = UUID.randomUUID().toString();
        String body = "{\"location\":" + Api.location(52.2, 4.4) + ",\"note\":\"fell from pole\"}";

        Api.Response first = api.post("/alerts/emergency", crewToken, body, "Idempotency-Key", key);
        Api.Response retry = api.post("/alerts/emergency", crewToken, body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where payloadtype like '%EmergencyRaised' "
                + "and convert_from(payload, 'UTF8') like ?", Integer.class, "%" + crew + "%")).isEqualTo(1);
    }

    @Test
    void dispatchAcknowledgesAndResolvesAnEmergencyAndTheHistoryTellsWhoDidWhat() {
        String alertId = api.post("/alerts/emergency", crewToken, "{\"location\":" + Api.location(52.2, 4.4) + "}")
                .json().get("alertId").asText();

        JsonNode acknowledged = api.post("/alerts/" + alertId + "/acknowledge", dispatcherToken, "{\"note\":\"on it\"}").json();
        JsonNode resolved = api.post("/alerts/" + alertId + "/resolve", dispatcherToken,
                "{\"outcome\":\"ASSISTED\",\"note\":\"crew safe\"}").json();
        JsonNode history = api.get("/alerts/" + alertId + "/history", dispatcherToken).json();

        assertThat(acknowledged.get("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo("dispatcher-1");
        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(resolved.get("resolvedOutcome").asText()).isEqualTo("ASSISTED");
        List<String> whoDidWhat = new java.util.ArrayList<>();
        history.forEach(entry -> whoDidWhat.add(entry.get("type").asText() + " by " + entry.get("actor").asText()));
        // The escalation policy's own steps (who was notified), if it got there first, stand between them.
        assertThat(whoDidWhat).containsSubsequence("EmergencyRaised by " + crew,
                "AlertAcknowledged by dispatcher-1", "AlertResolved by dispatcher-1");
        assertThat(history.get(0).get("sequence").asLong()).isZero();
        assertThat(api.post("/alerts/" + alertId + "/acknowledge", dispatcherToken, "{}").code()).isEqualTo("NOT_ESCALATED");
    }

    @Test
    void theDispatchStreamCarriesEveryChange() throws Exception {
        java.util.concurrent.BlockingQueue<String> lines = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest
                .newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/stream/dispatch"))
                .header("Authorization", "Bearer " + dispatcherToken).header("Accept", "text/event-stream").build();
        var stream = client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        try {
            assertThat(lines.poll(5, java.util.concurrent.TimeUnit.SECONDS)).startsWith(":");
            String alertId = armTimer(600);
            api.post("/alerts/" + alertId + "/cancel", crewToken, "{}");

            java.util.List<String> received = new java.util.ArrayList<>();
            long deadline = System.currentTimeMillis() + 5_000;
            while (received.stream().filter(l -> l.startsWith("data:") && l.contains(alertId)).count() < 2
                    && System.currentTimeMillis() < deadline) {
                String line = lines.poll(200, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (line != null) {
                    received.add(line);
                }
            }
            assertThat(received).contains("event:alert");
            assertThat(received.stream().filter(l -> l.startsWith("data:") && l.contains(alertId)))
                    .anySatisfy(l -> assertThat(l).contains("\"ARMED\""))
                    .anySatisfy(l -> assertThat(l).contains("\"CANCELLED\""));
            assertThat(received).anySatisfy(l -> assertThat(l).startsWith("id:"));
        } finally {
            stream.cancel(true);
        }
    }

    String armTimer(int seconds) {
        Api.Response armed = api.post("/alerts/timers", crewToken,
                "{\"durationSeconds\":" + seconds + ",\"location\":" + Api.location(52.1, 4.3) + ",\"note\":\"substation 4\"}");
        assertThat(armed.status()).as(armed.body()).isEqualTo(201);
        assertThat(armed.json().get("status").asText()).isEqualTo("ARMED");
        return armed.json().get("alertId").asText();
    }

    int escalationsIn(String alertId) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like '%AlertEscalated'", Integer.class, alertId);
    }

    static JsonNode withoutIdsAndTimes(JsonNode view) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = view.deepCopy();
        copy.remove(java.util.List.of("alertId", "createdAt", "dueAt"));
        return copy;
    }
}
