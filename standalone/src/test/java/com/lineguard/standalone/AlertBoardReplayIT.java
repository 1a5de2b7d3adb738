package com.lineguard.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.lineguard.contracts.alert.AlertEvents.AlertLocationReported;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerArmed;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerCancelled;
import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.platform.testing.TestDatabases;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replaying the alert board over 100,000 events: the dispatcher's board keeps answering, and answering the same,
 * from the first poll to the last, while the board is rebuilt beside it and switched in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AlertBoardReplayIT {

    private static final int ALERTS = 20_000;
    private static final int STILL_ARMED = 50;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.externalPostgres(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void theBoardStaysRightWhileItIsRebuilt() throws Exception {
        List<String> armed = recordHistory();
        Api api = new Api("http://localhost:" + port + "/api/v1");
        Api root = new Api("http://localhost:" + port);
        String dispatcher = root.devToken("dispatcher-1", "dispatcher");
        String admin = root.devToken("admin-1", "admin");
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() ->
                api.get("/alerts?status=CANCELLED", dispatcher).json().size() == ALERTS - STILL_ARMED);
        String activeBefore = api.get("/alerts?status=ACTIVE", dispatcher).body();
        String sampleBefore = api.get("/alerts/" + armed.get(7), dispatcher).body();
        assertThat(api.get("/alerts?status=ACTIVE", dispatcher).json().findValuesAsText("alertId"))
                .containsExactlyInAnyOrderElementsOf(armed);

        Api.Response started = api.post("/admin/replay/alert-board", admin, "");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        Instant start = Instant.now();
        int polls = 0;
        JsonNode status;
        do {
            assertThat(api.get("/alerts?status=ACTIVE", dispatcher).body()).isEqualTo(activeBefore);
            assertThat(api.get("/alerts/" + armed.get(7), dispatcher).body()).isEqualTo(sampleBefore);
            polls++;
            status = api.get("/admin/replay/alert-board", admin).json();
            assertThat(status.get("state").asText()).isNotEqualTo("FAILED");
        } while (!status.get("state").asText().equals("DONE")
                && Duration.between(start, Instant.now()).compareTo(Duration.ofMinutes(10)) < 0);

        assertThat(status.get("state").asText()).isEqualTo("DONE");
        assertThat(status.get("percent").asDouble()).isEqualTo(100.0);
        assertThat(api.get("/alerts?status=ACTIVE", dispatcher).body()).isEqualTo(activeBefore);
        assertThat(api.get("/alerts?status=CANCELLED", dispatcher).json()).hasSize(ALERTS - STILL_ARMED);
        System.out.printf("replayed %d events in %.1f s: %.0f events/s; the board answered %d polls unchanged%n",
                status.get("head").asLong(), Duration.between(start, Instant.now()).toMillis() / 1000.0,
                status.get("eventsPerSecond").asDouble(), polls);
    }

    /** 20,000 safety timers, five events each: armed, three location reports, cancelled (all but 50). */
    private List<String> recordHistory() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        List<String> stillArmed = new ArrayList<>();
        Instant at = Instant.now().minus(Duration.ofDays(1));
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            UUID alertId = UUID.randomUUID();
            String crew = "crew-" + i;
            GeoLocation place = new GeoLocation(52 + i / 100_000.0, 4.0, 10.0);
            batch.add(event(alertId, 0, new SafetyTimerArmed(alertId, crew, place, "job " + i, at.plusSeconds(3600), at)));
            for (int report = 1; report <= 3; report++) {
                batch.add(event(alertId, report, new AlertLocationReported(alertId, place, at.plusSeconds(report))));
            }
            if (i < STILL_ARMED) {
                batch.add(event(alertId, 4, new AlertLocationReported(alertId, place, at.plusSeconds(4))));
                stillArmed.add(alertId.toString());
            } else {
                batch.add(event(alertId, 4, new SafetyTimerCancelled(alertId, at.plusSeconds(5))));
            }
            if (batch.size() >= 5_000) {
                List<DomainEventMessage<?>> toStore = List.copyOf(batch);
                transaction.executeWithoutResult(s -> eventStore.publish(toStore));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            transaction.executeWithoutResult(s -> eventStore.publish(batch));
        }
        return stillArmed;
    }

    private static DomainEventMessage<?> event(UUID alertId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Alert", alertId.toString(), sequence, payload,
                MetaData.with("actor", "test:history"));
    }
}
