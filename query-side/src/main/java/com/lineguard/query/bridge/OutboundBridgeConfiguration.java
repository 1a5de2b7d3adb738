package com.lineguard.query.bridge;

import com.lineguard.contracts.bridge.BridgeTopics;
import com.lineguard.platform.kafka.BridgeTopicSettings;
import com.lineguard.query.support.ProjectionCatchUp;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The outbound half of the legacy bridge: its topics, and how far behind the event store it is. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
class OutboundBridgeConfiguration {

    static final String LAG_METRIC = "lineguard.bridge.lag";

    @Bean
    KafkaAdmin.NewTopics outboundTopics(BridgeTopicSettings settings) {
        return settings.topics(BridgeTopics.SAFETY_ALERTS, BridgeTopics.OUTAGES, BridgeTopics.CUSTOMER_NOTIFICATIONS,
                BridgeTopics.CREW_NOTIFICATIONS);
    }

    /** Events not yet acknowledged by Kafka: grows while the broker is away, and must come back to zero. */
    @Bean
    MeterBinder legacyBridgeLag(ProjectionCatchUp progress) {
        return registry -> Gauge.builder(LAG_METRIC, progress, p -> p.eventsBehind(LegacyBridgePublisher.PROCESSOR))
                .description("Events not yet sent to the legacy bridge's topics")
                .baseUnit("events")
                .register(registry);
    }

    @Bean
    HealthIndicator legacyBridgeHealthIndicator(ProjectionCatchUp progress) {
        return () -> Health.up()
                .withDetail("processor", LegacyBridgePublisher.PROCESSOR)
                .withDetail("eventsNotYetSent", progress.eventsBehind(LegacyBridgePublisher.PROCESSOR))
                .build();
    }
}
