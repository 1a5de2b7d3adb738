package com.lineguard.standalone;

import com.lineguard.contracts.alert.AlertEvents.EmergencyRaised;
import com.lineguard.contracts.alert.AlertEvents.NearbyCrewsNotified;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerArmed;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerCancelled;
import com.lineguard.contracts.geo.GeoLocation;
import com.lineguard.platform.testing.TestDatabases;
import com.lineguard.query.replay.Rebuild;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Under load, a transaction can commit after others that took later global positions. Axon hands its events to the
 * processors afterwards, each carrying the tracking token's highest position so far: a position that several events
 * share and that belongs to another event. The read models must still apply every one of them, and the live streams
 * must still send them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EventsCommittedLateOnPostgresTest {

    private static final GeoLocation SITE = new GeoLocation(52.0, 4.0, 10.0);
    private static final Duration WAIT = Duration.ofSeconds(20);

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
    @Autowired
    List<Rebuild> rebuilds;

    Api api;
    String dispatcher;

    @BeforeEach
    void clients() {
        api = new Api("http://localhost:" + port + "/api/v1");
        dispatcher = new Api("http://localhost:" + port).devToken("dispatcher-late", "dispatcher");
    }

    @Test
    void given_a_timer_armed_and_cancelled_in_a_transaction_that_commits_late_then_the_board_and_stream_show_both()
            throws Exception {
        UUID late = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        Instant now = Instant.now();
        try (SseClient stream = new SseClient(url("/stream/dispatch"), dispatcher, null)) {
            LateTransaction transaction = begin(List.of(
                    armed(late, "late", now), event(late, 1, new SafetyTimerCancelled(late, now))));
            commit(List.of(armed(early, "early", now)));
            await().atMost(WAIT).until(() -> statusOnBoard(early) != null);

            transaction.commit();

            await().atMost(WAIT).until(() -> "CANCELLED".equals(statusOnBoard(late)));
            assertThat(stream.await(e -> isAlert(e, late, "CANCELLED"), WAIT)).isNotNull();
            assertThat(stream.received()).filteredOn(e -> e.data().get("alertId").asText().equals(late.toString()))
                    .extracting(e -> e.data().get("status").asText()).containsExactly("ARMED", "CANCELLED");
        }
    }

    @Test
    void given_an_emergency_whose_nearby_crew_is_told_in_a_transaction_that_commits_late_then_the_crew_hears_of_both()
            throws Exception {
        String nearbyCrew = "crew-nearby-" + UUID.randomUUID();
        String crewToken = new Api("http://localhost:" + port).devToken(nearbyCrew, "crew");
        UUID late = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        Instant now = Instant.now();
        try (SseClient crewStream = new SseClient(url("/stream/crew"), crewToken, null);
             SseClient dispatch = new SseClient(url("/stream/dispatch"), dispatcher, null)) {
            LateTransaction transaction = begin(List.of(
                    event(late, 0, new EmergencyRaised(late, "crew-late", SITE, "fell", now)),
                    event(late, 1, new NearbyCrewsNotified(late, 1, 5.0, SITE, List.of(nearbyCrew), now))));
            commit(List.of(
                    event(early, 0, new EmergencyRaised(early, "crew-early", SITE, "shock", now)),
                    event(early, 1, new NearbyCrewsNotified(early, 1, 5.0, SITE, List.of(nearbyCrew), now))));
            assertThat(crewStream.await(e -> isAbout(e, early), WAIT)).isNotNull();

            transaction.commit();

            assertThat(crewStream.await(e -> isAbout(e, late), WAIT)).as("the late emergency's notification")
                    .isNotNull();
            assertThat(dispatch.await(e -> isAlert(e, late, "ESCALATED"), WAIT)).as("the late emergency on the board")
                    .isNotNull();
        }
    }

    @Test
    void given_a_timer_armed_in_a_transaction_that_commits_while_the_board_is_rebuilt_then_the_rebuilt_board_has_it()
            throws Exception {
        UUID late = UUID.randomUUID();
        UUID early = UUID.randomUUID();
        Instant now = Instant.now();
        LateTransaction transaction = begin(List.of(armed(late, "late", now)));
        commit(List.of(armed(early, "early", now)));
        await().atMost(WAIT).until(() -> statusOnBoard(early) != null);

        alertBoardRebuild().run(new Rebuild.Progress() {
            @Override
            public void at(long position, long head) {
            }

            @Override
            public void switching() {
                // After the rebuild has read past the late event's position, before it pauses the live board.
                try {
                    transaction.commit();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                await().atMost(WAIT).until(() -> statusOnBoard(late) != null);
            }
        });
        commit(List.of(event(late, 1, new SafetyTimerCancelled(late, now))));

        await().atMost(WAIT).until(() -> "CANCELLED".equals(statusOnBoard(late)));
    }

    /** The alert's status on the dispatcher's board; null while the board does not have it. */
    private String statusOnBoard(UUID alertId) {
        Api.Response alert = api.get("/alerts/" + alertId, dispatcher);
        return alert.status() == 200 ? alert.json().get("status").asText() : null;
    }

    private Rebuild alertBoardRebuild() {
        return rebuilds.stream().filter(rebuild -> rebuild.processor().equals("alert-board")).findFirst()
                .orElseThrow();
    }

    /** A transaction that has appended its events (their global positions are taken) and commits when told. */
    private final class LateTransaction {
        private final CountDownLatch appended = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> done;

        LateTransaction(List<DomainEventMessage<?>> events) {
            TransactionTemplate transaction = new TransactionTemplate(transactionManager);
            done = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(s -> {
                eventStore.publish(events);
                appended.countDown();
                try {
                    release.await(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }

        void commit() throws Exception {
            release.countDown();
            done.get(30, TimeUnit.SECONDS);
        }
    }

    private LateTransaction begin(List<DomainEventMessage<?>> events) throws InterruptedException {
        LateTransaction transaction = new LateTransaction(events);
        assertThat(transaction.appended.await(30, TimeUnit.SECONDS)).isTrue();
        return transaction;
    }

    private String url(String path) {
        return "http://localhost:" + port + "/api/v1" + path;
    }

    private void commit(List<DomainEventMessage<?>> events) {
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> eventStore.publish(events));
    }

    private static boolean isAlert(SseClient.Event event, UUID alertId, String status) {
        return "alert".equals(event.name()) && event.data().get("alertId").asText().equals(alertId.toString())
                && event.data().get("status").asText().equals(status);
    }

    private static boolean isAbout(SseClient.Event event, UUID alertId) {
        return event.data() != null && event.data().toString().contains(alertId.toString());
    }

    private static DomainEventMessage<?> armed(UUID alertId, String name, Instant now) {
        return event(alertId, 0, new SafetyTimerArmed(alertId, "crew-" + name, SITE, name, now.plusSeconds(3600), now));
    }

    private static DomainEventMessage<?> event(UUID alertId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Alert", alertId.toString(), sequence, payload,
                MetaData.with("actor", "test:late-commit"));
    }
}
