package com.lineguard.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.Arrays;

/**
 * How the bridge's topics are created when missing ({@code lineguard.bridge.partitions},
 * {@code lineguard.bridge.replication-factor}); Kafka's admin client creates them at start and leaves existing ones
 * as they are, except that it adds partitions up to the configured count.
 */
@ConfigurationProperties("lineguard.bridge")
public record BridgeTopicSettings(int partitions, short replicationFactor) {

    public KafkaAdmin.NewTopics topics(String... names) {
        return new KafkaAdmin.NewTopics(Arrays.stream(names)
                .map(name -> TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor).build())
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }
}
