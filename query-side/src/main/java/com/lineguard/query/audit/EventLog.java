package com.lineguard.query.audit;

import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** Reads the event store front to back, as stored, for audits that must see every event. */
@Component
public class EventLog {

    private static final int BATCH = 1_000;

    /** A stored event with its payload read back into the domain's record. */
    public record Entry(StoredEvent stored, Instant at, Object payload) {
    }

    private final EventChain chain;
    private final Serializer eventSerializer;

    EventLog(EventChain chain, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.chain = chain;
        this.eventSerializer = eventSerializer;
    }

    public void forEach(Consumer<Entry> consumer) {
        forEachAfter(0, consumer);
    }

    /** Every event after {@code position}, in global order; the position of the last one (or the one given). */
    public long forEachAfter(long position, Consumer<Entry> consumer) {
        List<StoredEvent> batch;
        do {
            batch = chain.storedEventsAfter(position, BATCH);
            for (StoredEvent stored : batch) {
                Object payload = eventSerializer.deserialize(new SimpleSerializedObject<>(stored.payload(), byte[].class,
                        stored.payloadType(), stored.payloadRevision()));
                consumer.accept(new Entry(stored, Instant.parse(stored.timestamp()), payload));
                position = stored.globalIndex();
            }
        } while (batch.size() == BATCH);
        return position;
    }

    public long head() {
        return chain.head();
    }
}
