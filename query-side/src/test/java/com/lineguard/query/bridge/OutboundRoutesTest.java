package com.lineguard.query.bridge;

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
        Map<Class<?>, String> expected = Map.of(
                EmergencyRaised.class, "lineguard.alert.emergency-raised",
                SafetyTimerArmed.class, "lineguard.alert.timer-armed",
                SafetyTimerExtended.class, "lineguard.alert.timer-extended",
                SafetyTimerCancelled.class, "lineguard.alert.timer-cancelled",
                AlertLocationReported.class, "lineguard.alert.location-reported",
                AlertEscalated.class, "lineguard.alert.escalated",
                AlertAcknowledged.class, "lineguard.alert.acknowledged",
                AlertResolved.class, "lineguard.alert.resolved");

        // A new alert event must be added here, so that its type is a decision and not an accident.
        assertThat(AlertEvent.class.getPermittedSubclasses()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((event, type) ->
                assertThat(OutboundRoutes.of(event)).contains(new Route("safety.alerts.v1", type)));
    }

    @Test
    void theFeaturePackageChoosesTheTopic() {
        assertThat(OutboundRoutes.of(com.lineguard.contracts.outage.OutageEtrMoved.class))
                .contains(new Route("outages.v1", "lineguard.outage.etr-moved"));
        assertThat(OutboundRoutes.of(com.lineguard.contracts.customer.CustomerOutageUpdated.class))
                .contains(new Route("customer-notifications.v1", "lineguard.customer.outage-updated"));
        assertThat(OutboundRoutes.of(com.lineguard.contracts.crew.CrewETRChanged.class))
                .contains(new Route("crew-notifications.v1", "lineguard.crew.etr-changed"));
    }

    @Test
    void classesOutsideTheBridgedFeaturesAreNotSent() {
        assertThat(OutboundRoutes.of(CloudEvent.class)).isEmpty();
        assertThat(OutboundRoutes.of(String.class)).isEmpty();
    }
}
