package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.lineguard.platform.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cancel and the deadline race: exactly one wins, and a cancel that loses is told ALREADY_ESCALATED. Cancels are
 * sent from 300 ms before to 300 ms after the due time, so some land while the deadline is executing. A thousand
 * trials, each by a crew member of its own, run 64 at a time, so deadlines also fire while others are being cancelled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lineguard.timers.min-duration=PT1S")
class CancelRacesDeadlineTest {

    private static final int TRIALS = 1_000;
    private static final int AT_ONCE = 64;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    record Outcome(String alertId, int cancelStatus, String cancelCode) {
    }

    @Test
    void exactlyOneOfCancelAndDeadlineWins() throws Exception {
        long started = System.nanoTime();
        Api root = new Api("http://localhost:" + port);
        Api api = new Api("http://localhost:" + port + "/api/v1");
        ExecutorService crews = Executors.newFixedThreadPool(AT_ONCE);
        List<Future<Outcome>> trials = new ArrayList<>();
        for (int i = 0; i < TRIALS; i++) {
            String token = root.devToken("crew-race-" + UUID.randomUUID(), "crew");
            trials.add(crews.submit(() -> {
                JsonNode armed = api.post("/alerts/timers", token,
                        "{\"durationSeconds\":2,\"location\":" + Api.location(52, 4) + "}").json();
                Instant cancelAt = Instant.parse(armed.get("dueAt").asText())
                        .plusMillis(ThreadLocalRandom.current().nextLong(-300, 300));
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), cancelAt).toMillis()));
                Api.Response cancel = api.post("/alerts/" + armed.get("alertId").asText() + "/cancel", token, "{}");
                return new Outcome(armed.get("alertId").asText(), cancel.status(),
                        cancel.status() == 200 ? "" : cancel.code());
            }));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Future<Outcome> trial : trials) {
            outcomes.add(trial.get());
        }
        crews.shutdown();
        Thread.sleep(3_000);

        for (Outcome outcome : outcomes) {
            int escalations = count(outcome.alertId(), "AlertEscalated");
            int cancellations = count(outcome.alertId(), "SafetyTimerCancelled");
            if (outcome.cancelStatus() == 200) {
                assertThat(escalations).as("cancelled %s must not escalate", outcome.alertId()).isZero();
                assertThat(cancellations).isEqualTo(1);
            } else {
                assertThat(outcome.cancelStatus()).isEqualTo(409);
                assertThat(outcome.cancelCode()).isEqualTo("ALREADY_ESCALATED");
                assertThat(escalations).as("escalations of %s", outcome.alertId()).isEqualTo(1);
                assertThat(cancellations).isZero();
            }
        }
        long won = outcomes.stream().filter(o -> o.cancelStatus() == 200).count();
        System.out.printf("Cancel racing the deadline: cancel won %d and the deadline %d of %d races, in %d s%n", won,
                TRIALS - won, TRIALS, (System.nanoTime() - started) / 1_000_000_000);
    }

    private int count(String alertId, String type) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ? "
                + "and payloadtype like ?", Integer.class, alertId, "%" + type);
    }
}
