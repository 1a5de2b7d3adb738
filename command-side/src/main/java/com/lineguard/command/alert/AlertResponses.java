package com.lineguard.command.alert;

import com.lineguard.contracts.alert.AlertEvents.AlertEvent;
import com.lineguard.contracts.alert.AlertView;
import com.lineguard.platform.security.Actor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * The view a command answers with, folded from the alert's own events in the command's transaction: the caller sees
 * the result of their call at once, whatever the query side's lag (API.md "Read-your-writes").
 */
@Component
public class AlertResponses {

    private final EventStore eventStore;

    public AlertResponses(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public AlertView viewFor(UUID alertId, Actor actor) {
        List<AlertEvent> events = eventStore.readEvents(alertId.toString()).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(AlertEvent.class::isInstance)
                .map(AlertEvent.class::cast)
                .toList();
        return actor.seesTheWholeTruth() ? AlertView.of(events) : AlertView.ofForOwner(events);
    }
}
