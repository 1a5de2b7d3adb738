package com.lineguard.query.crew;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.contracts.crew.CrewNotification;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Map;

/**
 * Turns every {@link CrewNotification} event (recorded on alerts and outages) into one row per phone that must be
 * told; the row's data is the event itself, so it names the alert or outage it concerns, without the list of
 * everybody else who was told.
 * <p>
 * Never replayed: the rows are what phones are sent, and a replay would tell crews of emergencies long over (and
 * bring back rows purged for data protection). Axon refuses a token reset of this processor.
 */
@Component
@DisallowReplay
@ProcessingGroup(CrewNotificationProjection.PROCESSOR)
class CrewNotificationProjection {

    static final String PROCESSOR = "crew-notifications";

    private final CrewNotifications notifications;
    private final CrewStream stream;
    private final ObjectMapper json;

    CrewNotificationProjection(CrewNotifications notifications, CrewStream stream, ObjectMapper json) {
        this.notifications = notifications;
        this.stream = stream;
        this.json = json;
    }

    @EventHandler
    void on(CrewNotification notification, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Map<String, Object> data = json.convertValue(notification, new TypeReference<>() { });
        // Each phone learns what concerns it, not who else was told.
        data.values().removeIf(notification.recipients()::equals);
        for (String crewMemberId : notification.recipients()) {
            notifications.add(eventId, crewMemberId, notification.notificationKind(), notification.subjectId(), data, at);
        }
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(u -> stream.changed()));
    }
}
