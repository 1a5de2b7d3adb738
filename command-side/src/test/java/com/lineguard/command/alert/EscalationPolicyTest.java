package com.lineguard.command.alert;

import com.lineguard.command.crew.NearbyCrews;
import com.lineguard.contracts.alert.AlertCommands.MarkAlertOverdue;
import com.lineguard.contracts.alert.AlertCommands.NotifyNearbyCrews;
import com.lineguard.contracts.alert.AlertCommands.StandDownNearbyCrews;
import com.lineguard.contracts.alert.AlertCommands.StartEscalationPolicy;
import com.lineguard.contracts.alert.AlertEvents.AlertAcknowledged;
import com.lineguard.contracts.alert.AlertEvents.AlertEscalated;
import com.lineguard.contracts.alert.AlertEvents.AlertResolved;
import com.lineguard.contracts.alert.AlertEvents.EmergencyRaised;
import com.lineguard.contracts.alert.EscalationReason;
import com.lineguard.contracts.alert.OverdueReason;
import com.lineguard.contracts.alert.ResolutionOutcome;
import com.lineguard.contracts.geo.GeoLocation;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The escalation policy step by step: who is told, when the alert is pushed again and wider, and what stops it.
 * Crew members stand at fixed distances from the alert: Ana 1 km, Ben 4 km, Cleo 15 km, Dan 60 km.
 */
class EscalationPolicyTest {

    private static final UUID ALERT_ID = UUID.fromString("7b2f3c2e-0000-4000-8000-000000000001");
    private static final String OWNER = "crew-owner";
    private static final GeoLocation SITE = new GeoLocation(52.0, 4.0, 10.0);
    private static final Map<String, Double> DISTANCE_KM = Map.of("crew-ana", 1.0, "crew-ben", 4.0,
            "crew-cleo", 15.0, "crew-dan", 60.0, OWNER, 0.0);
    private static final EscalationSettings SETTINGS =
            new EscalationSettings(Duration.ofMinutes(2), 5, 20, Duration.ofMinutes(30));
    private static final Instant T0 = Instant.parse("2025-06-02T07:30:00Z");

    private SagaTestFixture<EscalationPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(EscalationPolicy.class);
        fixture.registerResource(SETTINGS);
        fixture.registerResource((NearbyCrews) (center, radiusKm) -> DISTANCE_KM.entrySet().stream()
                .filter(crew -> crew.getValue() <= radiusKm)
                .sorted(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .toList());
        // The alert agrees to be pushed again while nobody has acknowledged it.
        fixture.setCallbackBehavior((command, metaData) -> command instanceof MarkAlertOverdue ? Boolean.TRUE : null);
        fixture.givenCurrentTime(T0);
    }

    private static AlertEscalated escalated() {
        return new AlertEscalated(ALERT_ID, OWNER, EscalationReason.TIMER_EXPIRED, SITE, false, T0);
    }

    @Test
    void an_escalation_freezes_the_policy_tells_the_crews_nearby_and_not_the_far_ones_and_starts_a_countdown() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ALERT_ID.toString()).publishes(escalated())
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new StartEscalationPolicy(ALERT_ID, Duration.ofMinutes(2), 5, 20, Duration.ofMinutes(30)),
                        new NotifyNearbyCrews(ALERT_ID, 1, 5, SITE, List.of("crew-ana", "crew-ben")))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(2), EscalationPolicy.ACK_TIMEOUT);
    }

    @Test
    void a_panic_press_starts_the_same_policy() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ALERT_ID.toString()).publishes(new EmergencyRaised(ALERT_ID, OWNER, SITE, null, T0))
                .expectActiveSagas(1)
                .expectDispatchedCommands(
                        new StartEscalationPolicy(ALERT_ID, Duration.ofMinutes(2), 5, 20, Duration.ofMinutes(30)),
                        new NotifyNearbyCrews(ALERT_ID, 1, 5, SITE, List.of("crew-ana", "crew-ben")))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(2), EscalationPolicy.ACK_TIMEOUT);
    }

    @Test
    void no_acknowledgement_in_time_pushes_the_alert_again_with_a_doubled_radius() {
        fixture.givenAggregate(ALERT_ID.toString()).published(escalated())
                .whenTimeElapses(Duration.ofMinutes(2))
                .expectDispatchedCommands(
                        new MarkAlertOverdue(ALERT_ID, 2, OverdueReason.NOT_ACKNOWLEDGED, 10),
                        new NotifyNearbyCrews(ALERT_ID, 2, 10, SITE, List.of("crew-ana", "crew-ben")))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(2), EscalationPolicy.ACK_TIMEOUT);
    }

    @Test
    void it_keeps_pushing_wider_up_to_the_maximum_radius() {
        fixture.givenAggregate(ALERT_ID.toString()).published(escalated())
                .whenTimeElapses(Duration.ofMinutes(6))
                .expectDispatchedCommands(
                        new MarkAlertOverdue(ALERT_ID, 2, OverdueReason.NOT_ACKNOWLEDGED, 10),
                        new NotifyNearbyCrews(ALERT_ID, 2, 10, SITE, List.of("crew-ana", "crew-ben")),
                        new MarkAlertOverdue(ALERT_ID, 3, OverdueReason.NOT_ACKNOWLEDGED, 20),
                        new NotifyNearbyCrews(ALERT_ID, 3, 20, SITE, List.of("crew-ana", "crew-ben", "crew-cleo")),
                        new MarkAlertOverdue(ALERT_ID, 4, OverdueReason.NOT_ACKNOWLEDGED, 20),
                        new NotifyNearbyCrews(ALERT_ID, 4, 20, SITE, List.of("crew-ana", "crew-ben", "crew-cleo")));
    }

    @Test
    void an_acknowledgement_stops_the_pushing() {
        fixture.givenAggregate(ALERT_ID.toString()).published(escalated(),
                        new AlertAcknowledged(ALERT_ID, "dispatcher-1", null, T0.plusSeconds(30)))
                .whenTimeElapses(Duration.ofMinutes(10))
                .expectNoDispatchedCommands();
    }

    @Test
    void an_acknowledgement_never_followed_by_a_resolution_reopens_the_alert() {
        fixture.givenAggregate(ALERT_ID.toString()).published(escalated(),
                        new AlertAcknowledged(ALERT_ID, "dispatcher-1", null, T0.plusSeconds(30)))
                .whenTimeElapses(Duration.ofMinutes(31))
                .expectDispatchedCommands(
                        new MarkAlertOverdue(ALERT_ID, 2, OverdueReason.NOT_RESOLVED, 10),
                        new NotifyNearbyCrews(ALERT_ID, 2, 10, SITE, List.of("crew-ana", "crew-ben")));
    }

    @Test
    void a_false_alarm_stands_down_every_crew_member_who_was_told_and_ends_the_policy() throws Exception {
        fixture.givenAggregate(ALERT_ID.toString()).published(escalated())
                .andThenTimeElapses(Duration.ofMinutes(4))
                .whenAggregate(ALERT_ID.toString()).publishes(new AlertResolved(ALERT_ID, "dispatcher-1",
                        ResolutionOutcome.FALSE_ALARM, null, T0.plusSeconds(300)))
                .expectActiveSagas(0)
                .expectDispatchedCommands(new StandDownNearbyCrews(ALERT_ID, List.of("crew-ana", "crew-ben", "crew-cleo")));
    }

    @Test
    void a_resolution_after_real_help_tells_nobody_to_stand_down() {
        fixture.givenAggregate(ALERT_ID.toString()).published(escalated())
                .whenAggregate(ALERT_ID.toString()).publishes(new AlertResolved(ALERT_ID, "dispatcher-1",
                        ResolutionOutcome.ASSISTED, null, T0.plusSeconds(60)))
                .expectActiveSagas(0)
                .expectNoDispatchedCommands();
    }

    @Test
    void a_countdown_of_an_earlier_round_is_ignored_after_the_alert_was_acknowledged_meanwhile() {
        fixture.setCallbackBehavior((command, metaData) -> command instanceof MarkAlertOverdue ? Boolean.FALSE : null);
        fixture.givenAggregate(ALERT_ID.toString()).published(escalated())
                .whenTimeElapses(Duration.ofMinutes(2))
                .expectDispatchedCommands(new MarkAlertOverdue(ALERT_ID, 2, OverdueReason.NOT_ACKNOWLEDGED, 10));
    }
}
