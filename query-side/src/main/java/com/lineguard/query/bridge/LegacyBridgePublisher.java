package com.lineguard.query.bridge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lineguard.contracts.bridge.CloudEvent;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Sends every bridged event to its topic as a CloudEvent whose id is the event's id, keyed by its aggregate.
 * <p>
 * The processor's token commits only after Kafka acknowledged every send of the batch (idempotent producer,
 * {@code acks=all}): while the broker is away the batch waits or fails and is retried from the same token, so a crash
 * or an outage delays messages, possibly sends some twice with the same id, and never drops one.
 */
@Component
@DisallowReplay
@ProcessingGroup(LegacyBridgePublisher.PROCESSOR)
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
class LegacyBridgePublisher {

    static final String PROCESSOR = "legacy-bridge";
    static final String SOURCE = "/lineguard";
    private static final String PENDING_SENDS = LegacyBridgePublisher.class.getName() + ".pendingSends";

    private final KafkaTemplate<String, byte[]> kafka;
    private final ObjectMapper objectMapper;

    LegacyBridgePublisher(KafkaTemplate<String, byte[]> kafka, ObjectMapper objectMapper) {
        this.kafka = kafka;
        this.objectMapper = objectMapper;
    }

    @EventHandler
    void on(Object event, EventMessage<?> message) {
        if (!(message instanceof DomainEventMessage<?> domainEvent)) {
            return;
        }
        OutboundRoutes.of(event).forEach(route -> {
            String subject = domainEvent.getAggregateIdentifier();
            CloudEvent cloudEvent = CloudEvent.of(message.getIdentifier(), SOURCE, route.type(), message.getTimestamp(),
                    subject, event);
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(route.topic(), subject, json(cloudEvent));
            record.headers().add(CloudEvent.CONTENT_TYPE_HEADER, CloudEvent.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
            awaitBeforeCommit(kafka.send(record));
        });
    }

    /** Sends of one batch go out together; the batch (and its token) commits only when Kafka has them all. */
    private static void awaitBeforeCommit(CompletableFuture<?> send) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        List<CompletableFuture<?>> sends = batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            batch.onPrepareCommit(u -> awaitAll(pending));
            return pending;
        });
        sends.add(send);
    }

    private static void awaitAll(List<CompletableFuture<?>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted before Kafka acknowledged the batch; it will be sent again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch; it will be sent again", e.getCause());
        }
    }

    private byte[] json(CloudEvent cloudEvent) {
        try {
            return objectMapper.writeValueAsBytes(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write CloudEvent " + cloudEvent.id(), e);
        }
    }
}
