package com.lineguard.query.support;

import com.lineguard.platform.axon.AxonConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The history of one alert or outage, read from the event store itself rather than a projection: the record
 * exactly as written, with who caused each event and the request it came from.
 */
@Component
public class EventHistory {

    /**
     * One entry of {@code GET /alerts/{id}/history} and {@code GET /outages/{id}/history}. {@code correlationId} names
     * the request that started it all; {@code causationId} the message whose handling recorded the event: the request's
     * command, a deadline that ran out, or the command a saga sent (whose own causation is the event it handled).
     */
    public record Entry(long sequence, String eventId, String type, Instant at, String actor, String correlationId,
                        String causationId, Object data) {
    }

    private final EventStore eventStore;

    public EventHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Every event of the aggregate, oldest first; empty when it has none of {@code eventType}. */
    public List<Entry> of(String aggregateId, Class<?> eventType) {
        return eventStore.readEvents(aggregateId).asStream()
                .filter(event -> eventType.isInstance(event.getPayload()))
                .map(EventHistory::entry)
                .toList();
    }

    private static Entry entry(DomainEventMessage<?> event) {
        Map<String, Object> metaData = event.getMetaData();
        return new Entry(event.getSequenceNumber(), event.getIdentifier(), event.getPayloadType().getSimpleName(),
                event.getTimestamp(), (String) metaData.get(AxonConfiguration.ACTOR),
                (String) metaData.get(AxonConfiguration.CORRELATION_ID), (String) metaData.get(AxonConfiguration.CAUSATION_ID),
                event.getPayload());
    }
}
