package com.lineguard.command.bridge;

import com.lineguard.command.bridge.LegacyCommandRouter.LegacyCommand;
import com.lineguard.command.bridge.ProcessedLegacyMessages.Outcome;
import com.lineguard.contracts.bridge.BridgeTopics;
import com.lineguard.contracts.bridge.CloudEvent;
import com.lineguard.contracts.error.Rejected;
import com.lineguard.platform.security.Actor;
import com.lineguard.platform.web.CommandExecutor;
import com.lineguard.platform.web.CorrelationIdFilter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Applies each message of {@code legacy.commands.v1} exactly once, or parks it on the DLQ with the reason. The offset
 * commits only after this returns (ack mode {@code record}). A failure for want of the database or the broker is
 * thrown, and the same message is retried until it goes through, so no good message is lost or skipped; any other
 * failure would fail again on every delivery, so that message is parked and the consumer never stalls behind it.
 */
@Component
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
class LegacyCommandListener {

    static final String CONSUMER_GROUP = "lineguard-legacy-commands";
    private static final Logger log = LoggerFactory.getLogger(LegacyCommandListener.class);
    private static final int MAX_DETAIL_LENGTH = 1000;

    private final LegacyCommandRouter router;
    private final ProcessedLegacyMessages processed;
    private final CommandExecutor commands;
    private final TransactionTemplate transaction;
    private final KafkaTemplate<String, byte[]> kafka;

    LegacyCommandListener(LegacyCommandRouter router, ProcessedLegacyMessages processed, CommandExecutor commands,
                          PlatformTransactionManager transactionManager, KafkaTemplate<String, byte[]> kafka) {
        this.router = router;
        this.processed = processed;
        this.commands = commands;
        this.transaction = new TransactionTemplate(transactionManager);
        this.kafka = kafka;
    }

    @KafkaListener(id = CONSUMER_GROUP, topics = BridgeTopics.LEGACY_COMMANDS)
    void on(ConsumerRecord<String, byte[]> message) {
        CloudEvent event = null;
        try {
            event = router.read(message.value());
            CloudEvent read = event;
            transaction.executeWithoutResult(status -> applyOnce(read));
        } catch (Unapplicable e) {
            park(message, event, e);
        } catch (RuntimeException e) {
            if (TransientFailures.isTransient(e)) {
                throw e;
            }
            log.error("Applying legacy message {} failed; parking it", event == null ? null : event.id(), e);
            park(message, event, new Unapplicable(Unapplicable.APPLY_FAILED, "Applying it failed: " + e));
        }
    }

    private void park(ConsumerRecord<String, byte[]> message, CloudEvent event, Unapplicable reason) {
        park(message, reason);
        if (event != null) {
            processed.record(event.id(), event.type(), Outcome.PARKED);
        }
    }

    private void applyOnce(CloudEvent event) {
        if (!processed.record(event.id(), event.type(), Outcome.APPLIED)) {
            log.info("Legacy message {} was handled before; dropping the copy", event.id());
            return;
        }
        LegacyCommand command = router.commandFor(event);
        MDC.put(CorrelationIdFilter.MDC_KEY, event.id());
        try {
            commands.send(command.command(), new Actor(command.actor(), Set.of(), null));
        } catch (Rejected e) {
            throw new Unapplicable(e.code().name(), e.getMessage());
        } catch (AggregateNotFoundException e) {
            throw new Unapplicable(command.notFound().name(), "No such aggregate: " + e.getAggregateIdentifier() + ".");
        } finally {
            MDC.remove(CorrelationIdFilter.MDC_KEY);
        }
    }

    private void park(ConsumerRecord<String, byte[]> message, Unapplicable reason) {
        log.warn("Parking legacy message at {}-{}@{} on {}: {} {}", message.topic(), message.partition(),
                message.offset(), BridgeTopics.LEGACY_COMMANDS_DLQ, reason.code(), reason.getMessage());
        ProducerRecord<String, byte[]> parked = new ProducerRecord<>(BridgeTopics.LEGACY_COMMANDS_DLQ, null,
                message.key(), message.value(), message.headers());
        parked.headers().add(BridgeTopics.ERROR_CODE_HEADER, reason.code().getBytes(StandardCharsets.UTF_8));
        parked.headers().add(BridgeTopics.ERROR_DETAIL_HEADER, detail(reason).getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(parked).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while parking; the message will be delivered again", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not park the message; it will be delivered again", e.getCause());
        }
    }

    private static String detail(Unapplicable reason) {
        String detail = String.valueOf(reason.getMessage());
        return detail.length() <= MAX_DETAIL_LENGTH ? detail : detail.substring(0, MAX_DETAIL_LENGTH);
    }
}
