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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * "What did the dispatcher's screen show at 14:02?": a scripted day, the live board captured at three instants, and
 * the audit board rebuilt from the events alone for the same instants: the active alerts, the open outages and the ETR
 * customers were shown. Also the escalation lateness and request latency histograms.
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
        List<Capture> captures = new ArrayList<>();
        Instant firstEtr = Instant.now().plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        Instant movedEtr = firstEtr.plus(Duration.ofHours(2));

        int activeBefore = api.get("/alerts?status=ACTIVE", dispatcher).json().size();

        // 07:00 Ana arms a long countdown; Ben presses the panic button; a transformer fails, no ETR yet.
        String anaTimer = armed(api, ana, 3600);
        String benEmergency = api.post("/alerts/emergency", ben, "{\"location\":" + Api.location(52.2, 4.1) + "}")
                .json().get("alertId").asText();
        String transformer = reported(api, dispatcher, "XFMR-7", 240);
        List<String> outages = new ArrayList<>(List.of(transformer));
        captures.add(capture(api, dispatcher, outages));

        // 07:10 dispatch takes Ben's emergency and tells customers when the transformer is back; a cable fails, with
        // an ETR at once. Ana cancels and arms a short countdown that runs out.
        api.post("/alerts/" + benEmergency + "/acknowledge", dispatcher, "{\"note\":\"crew 12 on its way\"}");
        etr(api, dispatcher, transformer, firstEtr);
        String cable = reported(api, dispatcher, "CABLE-3", 35);
        etr(api, dispatcher, cable, firstEtr.plus(Duration.ofMinutes(30)));
        outages.add(cable);
        api.post("/alerts/" + anaTimer + "/cancel", ana, "{}");
        String anaShortTimer = armed(api, ana, 2);
        captures.add(capture(api, dispatcher, outages));

        // 07:20 Ana's countdown has escalated; Ben's emergency is resolved; the transformer's ETR moves out.
        await().atMost(Duration.ofSeconds(15)).until(() -> "ESCALATED".equals(
                api.get("/alerts/" + anaShortTimer, dispatcher).json().get("status").asText()));
        api.post("/alerts/" + benEmergency + "/resolve", dispatcher, "{\"outcome\":\"ASSISTED\"}");
        etr(api, dispatcher, transformer, movedEtr);
        captures.add(capture(api, dispatcher, outages));

        for (Capture live : captures) {
            Api.Response rebuilt = api.get("/audit/board?asOf=" + live.at(), auditor);
            assertThat(rebuilt.status()).as(rebuilt.body()).isEqualTo(200);
            assertThat(sorted(rebuilt.json().get("alerts"))).as("alerts at %s", live.at())
                    .isEqualTo(sorted(live.alerts()));
            assertThat(sorted(rebuilt.json().get("outages"))).as("outages at %s", live.at())
                    .isEqualTo(sorted(live.outages()));
            live.publicEtrs().forEach((outageId, shown) -> assertThat(etrOf(rebuilt.json().get("outages"), outageId))
                    .as("ETR customers were shown for %s at %s", outageId, live.at()).isEqualTo(shown));
        }
        assertThat(captures.get(0).alerts()).hasSize(activeBefore + 2);
        assertThat(captures.get(2).alerts()).hasSize(activeBefore + 1);
        assertThat(captures.get(0).publicEtrs()).containsEntry(transformer, "null");
        assertThat(captures.get(1).publicEtrs()).containsEntry(transformer, firstEtr.toString()).containsKey(cable);
        assertThat(captures.get(2).publicEtrs()).containsEntry(transformer, movedEtr.toString());

        String metrics = root.get("/actuator/prometheus", null).body();
        assertThat(metrics).containsPattern("lineguard_escalation_lateness_seconds_count\\S* 1(\\.0)?\\s");
        assertThat(metrics).contains("lineguard_escalation_lateness_seconds_bucket");
        assertThat(metrics).containsPattern("lineguard_alert_time_to_acknowledge_seconds_count\\S* 1(\\.0)?\\s");
        assertThat(metrics).containsPattern("lineguard_alerts_resolved_total\\{outcome=\"ASSISTED\",type=\"EMERGENCY\"\\S* 1\\.0");
        // Command and query latency as histograms, for percentiles over all nodes (the Grafana dashboard).
        assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*method=\"POST\"[^}]*"
                + "uri=\"/api/v1/alerts/emergency\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("http_server_requests_seconds_bucket\\{[^}]*method=\"GET\"[^}]*"
                + "uri=\"/api/v1/audit/board\"[^}]*} [1-9]");
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

    private static String reported(Api api, String dispatcher, String device, int customers) {
        Api.Response reported = api.post("/outages", dispatcher, "{\"deviceId\":\"" + device + "-" + UUID.randomUUID()
                + "\",\"location\":" + Api.location(52.3, 4.4) + ",\"customersAffected\":" + customers + "}");
        assertThat(reported.status()).as(reported.body()).isEqualTo(201);
        return reported.json().get("outageId").asText();
    }

    private static void etr(Api api, String dispatcher, String outageId, Instant etr) {
        Api.Response set = api.post("/outages/" + outageId + "/etr", dispatcher,
                "{\"estimatedRestorationAt\":\"" + etr + "\",\"reason\":\"crew estimate\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
    }

    /** What dispatch and customers were shown at one instant. */
    private record Capture(Instant at, JsonNode alerts, JsonNode outages, Map<String, String> publicEtrs) {
    }

    private static Capture capture(Api api, String dispatcher, List<String> outageIds) throws InterruptedException {
        JsonNode outages = api.get("/outages?status=OPEN", dispatcher).json();
        Map<String, String> publicEtrs = new HashMap<>();
        for (String outageId : outageIds) {
            // The public status page follows the events a little later: wait until it shows what dispatch sees.
            String dispatchEtr = etrOf(outages, outageId);
            publicEtrs.put(outageId, await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/public/outages/"
                    + outageId, null).json().path("estimatedRestorationAt").asText("null"), dispatchEtr::equals));
        }
        Capture capture = new Capture(Instant.now(), api.get("/alerts?status=ACTIVE", dispatcher).json(), outages,
                publicEtrs);
        Thread.sleep(300);
        return capture;
    }

    private static String etrOf(JsonNode outages, String outageId) {
        for (JsonNode outage : outages) {
            if (outage.get("outageId").asText().equals(outageId)) {
                return outage.path("estimatedRestorationAt").asText("null");
            }
        }
        throw new AssertionError("No outage " + outageId + " in " + outages);
    }

    private static List<String> sorted(JsonNode alerts) {
        List<String> views = new ArrayList<>();
        alerts.forEach(view -> views.add(view.toString()));
        views.sort(Comparator.naturalOrder());
        return views;
    }
}
