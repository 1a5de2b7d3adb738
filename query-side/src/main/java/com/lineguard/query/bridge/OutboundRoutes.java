package com.lineguard.query.bridge;

import com.lineguard.contracts.bridge.BridgeTopics;
import com.lineguard.contracts.crew.CrewNotification;
import com.lineguard.contracts.crew.SupervisorNotification;
import com.lineguard.contracts.customer.CustomerNotification;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which topic an event goes to and with which CloudEvent {@code type} (BRIDGE.md "Outbound"). The rule is generic,
 * so a new feature's events flow without code changes once their contracts exist:
 * <ul>
 *     <li>the feature is the package below {@code com.lineguard.contracts}: {@code alert} → {@code safety.alerts.v1},
 *     {@code outage} → {@code outages.v1}; events of any other package (crew profiles, say) are not bridged;</li>
 *     <li>the type is {@code lineguard.<feature>.<event>}, where {@code <event>} is the event class's simple name in
 *     kebab case without the words naming the feature's subject, which the type already says:
 *     {@code SafetyTimerArmed} → {@code lineguard.alert.timer-armed}, {@code AlertEscalated} →
 *     {@code lineguard.alert.escalated}.</li>
 *     <li>an event that tells crew members something ({@link CrewNotification}) also goes to
 *     {@code crew-notifications.v1} as {@code lineguard.crew.<kind>}, once, listing every recipient, so that its
 *     CloudEvent id stays the domain event's id; so does a {@link SupervisorNotification} (an overdue alert, for the
 *     supervisors on call); a {@link CustomerNotification} also goes to
 *     {@code customer-notifications.v1} as {@code lineguard.customer.outage-updated}.</li>
 * </ul>
 */
final class OutboundRoutes {

    record Route(String topic, String type) {
    }

    private record Feature(String topic, Set<String> subjectWords) {
    }

    private static final String CONTRACTS_PACKAGE = "com.lineguard.contracts.";
    private static final Map<String, Feature> FEATURES = Map.of(
            "alert", new Feature(BridgeTopics.SAFETY_ALERTS, Set.of("alert", "safety")),
            "outage", new Feature(BridgeTopics.OUTAGES, Set.of("outage")));
    private static final String WORD_BOUNDARY = "(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])";

    private OutboundRoutes() {
    }

    /** Every route of an event: its feature's topic, and {@code crew-notifications.v1} for a crew notification. */
    static List<Route> of(Object event) {
        List<Route> routes = new ArrayList<>();
        of(event.getClass()).ifPresent(routes::add);
        if (event instanceof CrewNotification notification) {
            routes.add(new Route(BridgeTopics.CREW_NOTIFICATIONS, "lineguard.crew." + notification.notificationKind()));
        }
        if (event instanceof SupervisorNotification notification) {
            routes.add(new Route(BridgeTopics.CREW_NOTIFICATIONS, "lineguard.crew." + notification.notificationKind()));
        }
        if (event instanceof CustomerNotification) {
            routes.add(new Route(BridgeTopics.CUSTOMER_NOTIFICATIONS, "lineguard.customer.outage-updated"));
        }
        return routes;
    }

    static Optional<Route> of(Class<?> eventClass) {
        String packageName = eventClass.getPackageName();
        if (!packageName.startsWith(CONTRACTS_PACKAGE)) {
            return Optional.empty();
        }
        String featureName = packageName.substring(CONTRACTS_PACKAGE.length());
        Feature feature = FEATURES.get(featureName);
        if (feature == null) {
            return Optional.empty();
        }
        String event = Arrays.stream(eventClass.getSimpleName().split(WORD_BOUNDARY))
                .map(word -> word.toLowerCase(Locale.ROOT))
                .filter(word -> !feature.subjectWords().contains(word))
                .collect(Collectors.joining("-"));
        return Optional.of(new Route(feature.topic(), "lineguard." + featureName + "." + event));
    }
}
