package com.lineguard.query.crew;

import com.lineguard.contracts.alert.AlertEvents.NearbyCrewsNotified;
import com.lineguard.contracts.alert.AlertEvents.NearbyCrewsStoodDown;
import com.lineguard.contracts.alert.AlertEvents.SafetyTimerExpiring;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/** Turns the notification events recorded on alerts into one row per phone that must be told. */
@Component
@ProcessingGroup(CrewNotificationProjection.PROCESSOR)
class CrewNotificationProjection {

    static final String PROCESSOR = "crew-notifications";

    private final CrewNotifications notifications;
    private final CrewStream stream;

    CrewNotificationProjection(CrewNotifications notifications, CrewStream stream) {
        this.notifications = notifications;
        this.stream = stream;
    }

    @EventHandler
    void on(NearbyCrewsNotified event, TrackingToken token) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", event.alertId());
        data.put("round", event.round());
        data.put("radiusKm", event.radiusKm());
        data.put("location", event.location());
        for (String crewMemberId : event.crewMemberIds()) {
            notifications.add(position(token), crewMemberId, "nearby-emergency", event.alertId(), data, event.at());
        }
        pushAfterCommit();
    }

    @EventHandler
    void on(SafetyTimerExpiring event, TrackingToken token) {
        notifications.add(position(token), event.crewMemberId(), "timer-expiring", event.alertId(),
                Map.of("alertId", event.alertId(), "dueAt", event.dueAt()), event.at());
        pushAfterCommit();
    }

    @EventHandler
    void on(NearbyCrewsStoodDown event, TrackingToken token) {
        for (String crewMemberId : event.crewMemberIds()) {
            notifications.add(position(token), crewMemberId, "stand-down", event.alertId(),
                    Map.of("alertId", event.alertId()), event.at());
        }
        pushAfterCommit();
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow();
    }

    private void pushAfterCommit() {
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> stream.changed()));
    }
}
