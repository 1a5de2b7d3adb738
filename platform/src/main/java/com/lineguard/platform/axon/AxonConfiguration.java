package com.lineguard.platform.axon;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * Axon settings both sides share. Events are stored as JSON (set in application defaults), written by a mapper of
 * their own so that changing how the HTTP API renders JSON can never change what is in the event store.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Who caused a message ({@code sub}); copied from command to every event it produces. */
    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    @Bean
    static AggregateTypeFilter aggregateTypeFilter() {
        return new AggregateTypeFilter();
    }

    /** Picked by name by Axon's serializer set-up; not a candidate for anybody else's ObjectMapper. */
    @Bean(name = "defaultAxonObjectMapper", defaultCandidate = false)
    ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * {@code correlationId}: the request (or legacy message) that started it all, handed on from message to message;
     * {@code causationId}: the message whose handling made this one. Axon's provider names its keys the other way round
     * (its first key gets the handled message's id, its second the origin), hence the order of the arguments.
     */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider(CAUSATION_ID, CORRELATION_ID);
    }

    @Bean
    CorrelationDataProvider actorProvider() {
        return new SimpleCorrelationDataProvider(ACTOR);
    }

    /** Every event handler, saga and deadline logs with the correlation id of the message it handles. */
    @Bean
    ConfigurerModule correlatedEventHandling() {
        CorrelatedLogging interceptor = new CorrelatedLogging();
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((configuration, processorName) -> interceptor);
    }

    /** The command bus and the deadline manager are beans of their own: they get the interceptor as they are made. */
    @Bean
    static BeanPostProcessor correlatedCommandAndDeadlineHandling() {
        CorrelatedLogging interceptor = new CorrelatedLogging();
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof CommandBus commandBus) {
                    commandBus.registerHandlerInterceptor(interceptor);
                } else if (bean instanceof DeadlineManager deadlineManager) {
                    deadlineManager.registerHandlerInterceptor(interceptor);
                }
                return bean;
            }
        };
    }

    /** Axon's JDBC engine (ADR 0002): plain SQL, bytea payloads, no JPA sequence blocks or large objects. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          ConnectionProvider connectionProvider,
                                          TransactionManager transactionManager) {
        return JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .eventSerializer(eventSerializer)
                .upcasterChain(configuration.upcasterChain())
                .snapshotFilter(configuration.snapshotFilter())
                // PostgreSQL's unique_violation: two appends raced for one aggregate sequence number.
                .persistenceExceptionResolver(new SQLStateResolver("23505"))
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(new EventSchema())
                .build();
    }

    /**
     * Events committed on this node wake the processors at their commit ({@link CommitSignallingEventStore}); those
     * committed by another node are seen by polling, and Axon's default of one second between polls is too slow for an
     * escalation that must reach dispatch in one.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, org.axonframework.config.Configuration configuration,
                                  @Value("${lineguard.event-store.poll-interval:PT0.1S}") Duration pollInterval) {
        return new CommitSignallingEventStore(EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .fetchDelay(pollInterval.toMillis()));
    }
}
