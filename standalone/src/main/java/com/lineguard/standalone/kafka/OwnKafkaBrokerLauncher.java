package com.lineguard.standalone.kafka;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.event.SpringApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Path;
import java.util.Map;

/**
 * Starts {@link OwnKafkaBroker} when standalone runs without {@code spring.kafka.bootstrap-servers}, and points the
 * bridge at it. It starts before the application context (the bridge is configured from that property) and stops
 * after every other bean, so producers and consumers close while their broker is still there. Only
 * {@code LineguardStandalone#main} registers this: test contexts bring their own broker or none.
 */
public class OwnKafkaBrokerLauncher implements ApplicationListener<SpringApplicationEvent> {

    static final String BOOTSTRAP_SERVERS = "spring.kafka.bootstrap-servers";
    static final String PORT = "lineguard.kafka.port";
    static final int DEFAULT_PORT = 9092;

    private OwnKafkaBroker broker;

    @Override
    public void onApplicationEvent(SpringApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            startUnlessConfigured(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared && broker != null) {
            // Registered before any bean exists, so destroyed after all of them.
            ((DefaultListableBeanFactory) prepared.getApplicationContext().getBeanFactory())
                    .registerDisposableBean("ownKafkaBroker", broker::close);
        } else if (event instanceof ApplicationFailedEvent && broker != null) {
            broker.close();
        }
    }

    private void startUnlessConfigured(ConfigurableEnvironment environment) {
        String configured = environment.getProperty(BOOTSTRAP_SERVERS);
        if (configured != null && !configured.isBlank()) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("lineguard.data-dir", "./data"));
        broker = OwnKafkaBroker.start(dataDir, environment.getProperty(PORT, Integer.class, DEFAULT_PORT));
        environment.getPropertySources().addFirst(new MapPropertySource("ownKafkaBroker",
                Map.of(BOOTSTRAP_SERVERS, broker.bootstrapServers())));
    }
}
