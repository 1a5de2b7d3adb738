package com.lineguard.command.bridge;

import com.lineguard.contracts.bridge.BridgeTopics;
import com.lineguard.platform.kafka.BridgeTopicSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Duration;

/** The inbound half of the legacy bridge: its topics, and retrying failures that are not the message's fault. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
class InboundBridgeConfiguration {

    private static final Duration FIRST_RETRY = Duration.ofMillis(500);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(30);

    @Bean
    KafkaAdmin.NewTopics inboundTopics(BridgeTopicSettings settings) {
        return settings.topics(BridgeTopics.LEGACY_COMMANDS, BridgeTopics.LEGACY_COMMANDS_DLQ);
    }

    /**
     * Spring Kafka's default gives up on a message after ten attempts and skips it. A message that fails here
     * failed for want of the database or the broker (bad messages are parked by the listener), so it is retried,
     * with back-off, until it goes through.
     */
    @Bean
    CommonErrorHandler legacyCommandsRetryUntilApplied() {
        ExponentialBackOff backOff = new ExponentialBackOff(FIRST_RETRY.toMillis(), 2.0);
        backOff.setMaxInterval(LONGEST_RETRY.toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return new DefaultErrorHandler(backOff);
    }
}
