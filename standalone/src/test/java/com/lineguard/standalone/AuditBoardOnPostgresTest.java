package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.lineguard.platform.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "What did the dispatcher's screen show at 14:02?": a scripted day, the live board captured at three instants, and
 * the audit board rebuilt from the events alone for the same instants. Also the escalation lateness histogram.
 */
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lineguard.timers.min-duration=PT1S")
class AuditBoardOnPostgresTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void theBoardAsOfAnInstantIsWhatDispatchSawThen() throws Exception {
        Api api = new Api("http://localhost:" + port + "/api/v1");
        Api root = new Api("http://localhost:" + port);
        String ana = root.devToken("crew-ana", "crew");
        String ben = root.devToken("crew-ben", "crew");
        String dispatcher = root.devToken("dispatcher-1", "dispatcher");
        String auditor = root.devToken("auditor-1", "auditor");
        List<Instant> instants = new ArrayList<>();
        List<JsonNode> liveBoards = new ArrayList<>();

        int activeBefore = api.get("/alerts?status=ACTIVE", dispatcher).json().size();

        // 07:00 Ana arms a long countdown; Ben presses the panic button.
        String anaTimer = armed(api, ana, 3600);
        String benEmergency = api.post("/alerts/emergency", ben, "{\"location\":" + Api.location(52.2, 4.1) + "}")
                .json().get("alertId").asText();
        capture(api, dispatcher, instants, liveBoards);

        // 07:10 dispatch takes Ben's emergency; Ana cancels and arms a short countdown that runs out.
        api.post("/alerts/" + benEmergency + "/acknowledge", dispatcher, "{\"note\":\"crew 12 on its way\"}");
        api.post("/alerts/" + anaTimer + "/cancel", ana, "{}");
        String anaShortTimer = armed(api, ana, 2);
        capture(api, dispatcher, instants, liveBoards);

        // 07:20 Ana's countdown has escalated; Ben's emergency is resolved.
        await().atMost(Duration.ofSeconds(15)).until(() -> "ESCALATED".equals(
                api.get("/alerts/" + anaShortTimer, dispatcher).json().get("status").asText()));
        api.post("/alerts/" + benEmergency + "/resolve", dispatcher, "{\"outcome\":\"ASSISTED\"}");
        capture(api, dispatcher, instants, liveBoards);

        for (int i = 0; i < instants.size(); i++) {
            Api.Response rebuilt = api.get("/audit/board?asOf=" + instants.get(i), auditor);
            assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
            assertThat(sorted(rebuilt.json().get("alerts"))).as("board at %s", instants.get(i))
                    .isEqualTo(sorted(liveBoards.get(i)));
        }
        assertThat(liveBoards.get(0)).hasSize(activeBefore + 2);
        assertThat(liveBoards.get(2)).hasSize(activeBefore + 1);

        String metrics = root.get("/actuator/prometheus", null).body();
        assertThat(metrics).containsPattern("lineguard_escalation_lateness_seconds_count\\S* 1(\\.0)?\\s");
        assertThat(metrics).contains("lineguard_escalation_lateness_seconds_bucket");
        assertThat(metrics).containsPattern("lineguard_alert_time_to_acknowledge_seconds_count\\S* 1(\\.0)?\\s");
        assertThat(metrics).containsPattern("lineguard_alerts_resolved_total\\{outcome=\"ASSISTED\",type=\"EMERGENCY\"\\S* 1\\.0");
    }

    @Test
    void theAlarmReportCountsByTypeAndOutcomeAndMeasuresTimeToAcknowledge() {
        Api api = new Api("http://localhost:" + port + "/api/v1");
        Api root = new Api("http://localhost:" + port);
        Instant from = Instant.now();
        String crew = root.devToken("crew-report", "crew");
        String dispatcher = root.devToken("dispatcher-2", "dispatcher");
        String auditor = root.devToken("auditor-2", "auditor");
        String taken = api.post("/alerts/emergency", crew, "{\"location\":" + Api.location(52, 4) + "}")
                .json().get("alertId").asText();
        api.post("/alerts/" + taken + "/acknowledge", dispatcher, "{}");
        api.post("/alerts/" + taken + "/resolve", dispatcher, "{\"outcome\":\"FALSE_ALARM\"}");
        api.post("/alerts/emergency", root.devToken("crew-report-2", "crew"), "{\"location\":" + Api.location(52, 4) + "}");

        JsonNode report = api.get("/audit/alarm-report?from=" + from + "&to=" + Instant.now().plusSeconds(1), auditor)
                .json();

        assertThat(report.get("alarms").asInt()).isEqualTo(2);
        assertThat(report.get("byType").get("EMERGENCY").asInt()).isEqualTo(2);
        assertThat(report.get("byOutcome").get("FALSE_ALARM").asInt()).isEqualTo(1);
        assertThat(report.get("byOutcome").get("UNRESOLVED").asInt()).isEqualTo(1);
        assertThat(report.get("falseAlarms").asInt()).isEqualTo(1);
        assertThat(report.get("timeToAcknowledge").get("acknowledged").asInt()).isEqualTo(1);
        assertThat(report.get("timeToAcknowledge").get("p50Seconds").asDouble()).isLessThan(10);
        assertThat(report.get("acknowledgedWithin10s").get("percent").asDouble()).isEqualTo(50.0);
        assertThat(report.get("acknowledgedWithin10s").get("targetPercent").asDouble()).isEqualTo(80.0);
        assertThat(report.get("acknowledgedWithin10s").get("met").asBoolean()).isFalse();
        assertThat(report.get("acknowledgedWithin40s").get("targetPercent").asDouble()).isEqualTo(98.5);
        assertThat(root.get("/actuator/prometheus", null).body())
                .containsPattern("lineguard_projection_lag_events\\{processor=\"alert-board\"\\}");
    }

    @Test
    void onlyAuditorsAndAdminsMayAudit() {
        Api api = new Api("http://localhost:" + port + "/api/v1");
        String dispatcher = new Api("http://localhost:" + port).devToken("dispatcher-1", "dispatcher");
        Api.Response refused = api.get("/audit/board?asOf=" + Instant.now(), dispatcher);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("FORBIDDEN");
    }

    private static String armed(Api api, String token, int seconds) {
        return api.post("/alerts/timers", token, "{\"durationSeconds\":" + seconds + ",\"location\":"
                + Api.location(52.1, 4.3) + "}").json().get("alertId").asText();
    }

    private static void capture(Api api, String dispatcher, List<Instant> instants, List<JsonNode> boards)
            throws InterruptedException {
        boards.add(api.get("/alerts?status=ACTIVE", dispatcher).json());
        instants.add(Instant.now());
        Thread.sleep(300);
    }

    private static List<String> sorted(JsonNode alerts) {
        List<String> views = new ArrayList<>();
        alerts.forEach(view -> views.add(view.toString()));
        views.sort(Comparator.naturalOrder());
        return views;
    }
}
