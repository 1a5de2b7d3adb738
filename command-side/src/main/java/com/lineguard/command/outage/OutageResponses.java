package com.lineguard.command.outage;

import com.lineguard.contracts.outage.OutageEvents.OutageEvent;
import com.lineguard.contracts.outage.OutageView;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** The view a command answers with, folded from the outage's own events in the command's transaction. */
@Component
public class OutageResponses {

    private final EventStore eventStore;

    public OutageResponses(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public OutageView viewFor(UUID outageId) {
        List<OutageEvent> events = eventStore.readEvents(outageId.toString()).asStream()
                .map(DomainEventMessage::getPayload)
                .filter(OutageEvent.class::isInstance)
                .map(OutageEvent.class::cast)
                .toList();
        return OutageView.of(events);
    }
}
