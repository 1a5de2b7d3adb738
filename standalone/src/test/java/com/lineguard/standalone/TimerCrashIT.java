package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.lineguard.platform.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A countdown fires even if the server died: 20 timers are armed, the JVM is killed with SIGKILL before they are
 * due and started again after; every timer escalates exactly once. An emergency posted before the crash with an
 * Idempotency-Key is answered again, not raised twice, after it.
 */
class TimerCrashIT {

    private static final int TIMERS = 20;
    private static final int DUE_IN_SECONDS = 15;

    @TempDir
    Path dataDir;

    @Test
    void timersSurviveAKillOnTheEmbeddedDefault() throws Exception {
        survivesAKill();
    }

    @Test
    void timersSurviveAKillOnAnExternalPostgres() throws Exception {
        String url = TestDatabases.createDatabase();
        survivesAKill("--spring.datasource.url=" + url, "--spring.datasource.username=" + TestDatabases.ADMIN_USER,
                "--spring.datasource.password=");
    }

    @Test
    void anEscalationPolicyStepSurvivesAKillInTheMiddleOfItsCountdownOnItsFrozenPolicy() throws Exception {
        try (StandaloneProcess lineguard = new StandaloneProcess(dataDir, dataDir.resolve("lineguard.log"),
                "--lineguard.escalation.ack-timeout=PT8S")) {
            lineguard.start();
            Api api = new Api(lineguard.baseUrl() + "/api/v1");
            Api root = new Api(lineguard.baseUrl());
            String dispatcher = root.devToken("dispatcher-1", "dispatcher");
            String alertId = api.post("/alerts/timers", root.devToken("crew-owner", "crew"),
                    "{\"durationSeconds\":2,\"location\":" + Api.location(52.0, 4.0) + "}").json().get("alertId").asText();
            await().atMost(Duration.ofSeconds(20)).until(() -> api.get("/alerts/" + alertId + "/history", dispatcher)
                    .json().findValuesAsText("type").contains("NearbyCrewsNotified"));

            lineguard.kill();
            StandaloneProcess.sleep(10_000);
            // The escalation runs on the policy frozen onto it: an hour-long countdown configured now changes nothing.
            lineguard.startWith("--lineguard.escalation.ack-timeout=PT1H");

            await().atMost(Duration.ofSeconds(40)).until(() -> api.get("/alerts/" + alertId + "/history", dispatcher)
                    .json().findValuesAsText("type").contains("AlertOverdue"));
            assertThat(api.get("/alerts/" + alertId, dispatcher).json().get("overdue").asBoolean()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/alerts/" + alertId + "/history", dispatcher)
                    .json().findValuesAsText("type").stream().filter("AlertOverdue"::equals).count() >= 2);
        }
    }

    private void survivesAKill(String... database) throws Exception {
        try (StandaloneProcess lineguard = new StandaloneProcess(dataDir, dataDir.resolve("lineguard.log"), database)) {
            lineguard.start();
            Api api = new Api(lineguard.baseUrl() + "/api/v1");
            Api root = new Api(lineguard.baseUrl());

            List<String> alertIds = new ArrayList<>();
            Instant lastDue = Instant.EPOCH;
            for (int i = 0; i < TIMERS; i++) {
                String crewToken = root.devToken("crew-" + i + "-" + UUID.randomUUID(), "crew");
                JsonNode armed = api.post("/alerts/timers", crewToken, "{\"durationSeconds\":" + DUE_IN_SECONDS
                        + ",\"location\":" + Api.location(52.0 + i / 100.0, 4.3) + "}").json();
                alertIds.add(armed.get("alertId").asText());
                lastDue = Instant.parse(armed.get("dueAt").asText());
            }
            String emergencyCrew = root.devToken("crew-emergency", "crew");
            String key = UUID.randomUUID().toString();
            String emergency = "{\"location\":" + Api.location(52.3, 4.5) + "}";
            Api.Response beforeCrash = api.post("/alerts/emergency", emergencyCrew, emergency, "Idempotency-Key", key);
            assertThat(Instant.now()).as("all armed before the first is due").isBefore(lastDue.minusSeconds(3));

            lineguard.kill();
            StandaloneProcess.sleep(Math.max(0, Duration.between(Instant.now(), lastDue).toMillis()) + 2_000);
            lineguard.start();

            String dispatcher = root.devToken("dispatcher-1", "dispatcher");
            for (String alertId : alertIds) {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(api.get("/alerts/" + alertId, dispatcher).json().get("status").asText())
                                .isEqualTo("ESCALATED"));
            }
            StandaloneProcess.sleep(3_000);
            for (String alertId : alertIds) {
                JsonNode history = api.get("/alerts/" + alertId + "/history", dispatcher).json();
                assertThat(history.findValuesAsText("type").stream().filter("AlertEscalated"::equals))
                        .as("escalations of %s", alertId).hasSize(1);
            }

            Api.Response afterCrash = api.post("/alerts/emergency", root.devToken("crew-emergency", "crew"), emergency,
                    "Idempotency-Key", key);
            assertThat(afterCrash.status()).isEqualTo(201);
            assertThat(afterCrash.json().get("alertId")).isEqualTo(beforeCrash.json().get("alertId"));
            JsonNode emergencies = api.get("/alerts?status=ESCALATED", dispatcher).json();
            assertThat(emergencies.findValues("crewMemberId").stream().filter(c -> c.asText().equals("crew-emergency")))
                    .hasSize(1);
        }
    }
}
