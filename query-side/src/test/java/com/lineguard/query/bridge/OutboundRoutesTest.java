package com.lineguard.query.bridge;

import com.lineguard.contracts.outage.CrewNotificationKind;
import com.lineguard.contracts.outage.OutageEvents.CrewNotificationDue;
import com.lineguard.contracts.outage.OutageEvents.CustomerNotificationDue;
import com.lineguard.contracts.outage.OutageEvents.OutageReported;
import com.lineguard.contracts.outage.OutageStatus;
import com.lineguard.contracts.alert.AlertEvents.AlertOverdue;
import com.lineguard.contracts.alert.OverdueReason;
import com.lineguard.contracts.alert.AlertEvents.EscalationPolicyStarted;
import com.lineguard.contracts.alert.AlertEvents.NearbyCrewsNotified;
import com.lineguard.contracts.alert.AlertEvents.NearbyCrewsStoodDown;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerExpiring;
import com.lineguard.contracts.geo.GeoLocation;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import com.lineguard.contracts.alert.AlertEvents.AlertAcknowledged;
import com.lineguard.contracts.alert.AlertEvents.AlertEscalated;
import com.lineguard.contracts.alert.AlertEvents.AlertEvent;
import com.lineguard.contracts.alert.AlertEvents.AlertLocationReported;
import com.lineguard.contracts.alert.AlertEvents.AlertResolved;
import com.lineguard.contracts.alert.AlertEvents.EmergencyRaised;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerArmed;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerCancelled;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerExtended;
import com.lineguard.contracts.bridge.CloudEvent;
import com.lineguard.query.bridge.OutboundRoutes.Route;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OutboundRoutesTest {

    @Test
    void everyAlertEventGoesToSafetyAlertsWithItsTypeNamedWithoutTheAggregateWords() {
        Map<Class<?>, String> expected = Map.ofEntries(
                Map.entry(EmergencyRaised.class, "lineguard.alert.emergency-raised"),
                Map.entry(SafetyTimerArmed.class, "lineguard.alert.timer-armed"),
                Map.entry(SafetyTimerExtended.class, "lineguard.alert.timer-extended"),
                Map.entry(SafetyTimerCancelled.class, "lineguard.alert.timer-cancelled"),
                Map.entry(AlertLocationReported.class, "lineguard.alert.location-reported"),
                Map.entry(AlertEscalated.class, "lineguard.alert.escalated"),
                Map.entry(AlertAcknowledged.class, "lineguard.alert.acknowledged"),
                Map.entry(AlertResolved.class, "lineguard.alert.resolved"),
                Map.entry(EscalationPolicyStarted.class, "lineguard.alert.escalation-policy-started"),
                Map.entry(NearbyCrewsNotified.class, "lineguard.alert.nearby-crews-notified"),
                Map.entry(AlertOverdue.class, "lineguard.alert.overdue"),
                Map.entry(NearbyCrewsStoodDown.class, "lineguard.alert.nearby-crews-stood-down"),
                Map.entry(SafetyTimerExpiring.class, "lineguard.alert.timer-expiring"));

        // A new alert event must be added here, so that its type is a decision and not an accident.
        assertThat(AlertEvent.class.getPermittedSubclasses()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((event, type) ->
                assertThat(OutboundRoutes.of(event)).contains(new Route("safety.alerts.v1", type)));
    }

    @Test
    void outageEventsGoToOutagesAndTheirNotificationsAlsoToCustomersAndCrews() {
        UUID outageId = UUID.randomUUID();
        assertThat(OutboundRoutes.of(OutageReported.class))
                .contains(new Route("outages.v1", "lineguard.outage.reported"));
        assertThat(OutboundRoutes.of(new CustomerNotificationDue(outageId, OutageStatus.RESTORED, null, Instant.EPOCH)))
                .containsExactly(new Route("outages.v1", "lineguard.outage.customer-notification-due"),
                        new Route("customer-notifications.v1", "lineguard.customer.outage-updated"));
        assertThat(OutboundRoutes.of(new CrewNotificationDue(outageId, "crew-7", CrewNotificationKind.ETR_CHANGED,
                Instant.EPOCH))).contains(new Route("crew-notifications.v1", "lineguard.crew.etr-changed"));
        assertThat(OutboundRoutes.of(new CrewNotificationDue(outageId, "crew-7", CrewNotificationKind.ASSIGNMENT,
                Instant.EPOCH))).contains(new Route("crew-notifications.v1", "lineguard.crew.assignment"));
    }

    @Test
    void whatPhonesAreToldAlsoGoesToCrewNotificationsOnceWithEveryRecipient() {
        UUID alertId = UUID.randomUUID();
        NearbyCrewsNotified notified = new NearbyCrewsNotified(alertId, 1, 5, new GeoLocation(52.0, 4.0, null),
                List.of("crew-a", "crew-b"), Instant.EPOCH);
        assertThat(OutboundRoutes.of(notified)).containsExactly(
                new Route("safety.alerts.v1", "lineguard.alert.nearby-crews-notified"),
                new Route("crew-notifications.v1", "lineguard.crew.nearby-emergency"));
        assertThat(OutboundRoutes.of(new SafetyTimerExpiring(alertId, "crew-a", Instant.EPOCH, Instant.EPOCH)))
                .contains(new Route("crew-notifications.v1", "lineguard.crew.timer-expiring"));
        assertThat(OutboundRoutes.of(new NearbyCrewsStoodDown(alertId, List.of("crew-a"), Instant.EPOCH)))
                .contains(new Route("crew-notifications.v1", "lineguard.crew.stand-down"));
    }

    @Test
    void anOverdueAlertAlsoGoesToCrewNotificationsForTheSupervisorsOnCall() {
        AlertOverdue overdue = new AlertOverdue(UUID.randomUUID(), 2, OverdueReason.NOT_ACKNOWLEDGED, 10, Instant.EPOCH);

        assertThat(OutboundRoutes.of(overdue)).containsExactly(
                new Route("safety.alerts.v1", "lineguard.alert.overdue"),
                new Route("crew-notifications.v1", "lineguard.crew.alert-overdue"));
    }

    @Test
    void classesOutsideTheBridgedFeaturesAreNotSent() {
        assertThat(OutboundRoutes.of(CloudEvent.class)).isEmpty();
        assertThat(OutboundRoutes.of(String.class)).isEmpty();
    }
}
