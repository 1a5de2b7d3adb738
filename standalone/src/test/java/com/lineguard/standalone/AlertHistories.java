package com.lineguard.standalone;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Alert histories made through the HTTP API, and what the event store recorded for them. */
final class AlertHistories {

    final Api api;
    final String crew = "crew-" + UUID.randomUUID();
    final String crewToken;
    final String dispatcherToken;
    private final JdbcTemplate jdbc;

    AlertHistories(int port, JdbcTemplate jdbc) {
        this.api = new Api("http://localhost:" + port + "/api/v1");
        Api root = new Api("http://localhost:" + port);
        this.crewToken = root.devToken(crew, "crew");
        this.dispatcherToken = root.devToken("dispatcher-1", "dispatcher");
        this.jdbc = jdbc;
    }

    String raiseEmergency(double lat, double lon) {
        Api.Response raised = api.post("/alerts/emergency", crewToken, "{\"location\":" + Api.location(lat, lon) + "}");
        assertThat(raised.status()).isEqualTo(201);
        return raised.json().get("alertId").asText();
    }

    String armTimer(int seconds, double lat, double lon) {
        Api.Response armed = api.post("/alerts/timers", crewToken,
                "{\"durationSeconds\":" + seconds + ",\"location\":" + Api.location(lat, lon) + "}");
        assertThat(armed.status()).isEqualTo(201);
        return armed.json().get("alertId").asText();
    }

    void reportLocation(String alertId, double lat, double lon) {
        assertThat(api.post("/alerts/" + alertId + "/location", crewToken, Api.location(lat, lon)).status())
                .isEqualTo(202);
    }

    void acknowledge(String alertId) {
        assertThat(api.post("/alerts/" + alertId + "/acknowledge", dispatcherToken, "{}").status()).isEqualTo(200);
    }

    void resolve(String alertId) {
        assertThat(api.post("/alerts/" + alertId + "/resolve", dispatcherToken, "{\"outcome\":\"ASSISTED\"}").status())
                .isEqualTo(200);
    }

    /** An emergency with {@code events} events in all: raised, located again and again, acknowledged. */
    String emergencyWith(int events) {
        String alertId = raiseEmergency(52.0, 4.0);
        for (int i = 0; i < events - 2; i++) {
            reportLocation(alertId, 52.0 + i / 1000.0, 4.0);
        }
        acknowledge(alertId);
        return alertId;
    }

    /** A safety timer with {@code events} events in all: armed, located again and again, cancelled; never escalated. */
    String timerWith(int events) {
        String alertId = armedTimerWith(events - 1);
        cancel(alertId);
        return alertId;
    }

    /** A safety timer with {@code events} events in all: armed, located again and again; still counting down. */
    String armedTimerWith(int events) {
        String alertId = armTimer(3600, 52.0, 4.0);
        for (int i = 0; i < events - 1; i++) {
            reportLocation(alertId, 52.0 + i / 1000.0, 4.0);
        }
        return alertId;
    }

    void cancel(String alertId) {
        assertThat(api.post("/alerts/" + alertId + "/cancel", crewToken, "{}").status()).isEqualTo(200);
    }

    JsonView view(String alertId) {
        return new JsonView(api.get("/alerts/" + alertId, dispatcherToken));
    }

    record JsonView(Api.Response response) {
        String status() {
            return response.json().get("status").asText();
        }
    }

    /** The ids of the alert's events in the order they happened. */
    List<String> eventIds(String alertId) {
        return jdbc.queryForList("select eventidentifier from domainevententry where aggregateidentifier = ? "
                + "order by sequencenumber", String.class, alertId);
    }

    String eventId(String alertId, String payloadType) {
        return jdbc.queryForObject("select eventidentifier from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like ?", String.class, alertId, "%" + payloadType);
    }
}
