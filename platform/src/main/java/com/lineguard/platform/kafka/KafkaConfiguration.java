package com.lineguard.platform.kafka;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kafka for the legacy bridge, only when {@code spring.kafka.bootstrap-servers} is set: without it neither side
 * starts a bridge (standalone starts a broker of its own and sets it, see ADR 0006).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "spring.kafka", name = "bootstrap-servers")
@EnableConfigurationProperties(BridgeTopicSettings.class)
public class KafkaConfiguration {

    private static final int HEALTH_TIMEOUT_MILLIS = 3_000;

    /** {@code /actuator/health} is UP only while the cluster answers (API.md "Running and configuration"). */
    @Bean
    HealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
        return () -> {
            Map<String, Object> config = new HashMap<>(admin.getConfigurationProperties());
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, HEALTH_TIMEOUT_MILLIS);
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, HEALTH_TIMEOUT_MILLIS);
            try (AdminClient client = AdminClient.create(config)) {
                int brokers = client.describeCluster(new DescribeClusterOptions().timeoutMs(HEALTH_TIMEOUT_MILLIS))
                        .nodes().get(HEALTH_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS).size();
                return Health.up().withDetail("brokers", brokers)
                        .withDetail("bootstrapServers", config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG)).build();
            } catch (Exception e) {
                return Health.down().withDetail("bootstrapServers", config.get(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG))
                        .withDetail("error", String.valueOf(e.getMessage())).build();
            }
        };
    }
}
