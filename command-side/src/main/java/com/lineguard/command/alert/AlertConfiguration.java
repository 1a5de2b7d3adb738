package com.lineguard.command.alert;

import com.lineguard.platform.security.FreshSignInPolicy;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class AlertConfiguration {

    @Bean
    TimerPolicy timerPolicy(@Value("${lineguard.timers.min-duration}") Duration minDuration,
                            @Value("${lineguard.timers.max-duration}") Duration maxDuration,
                            @Value("${lineguard.timers.warning-before}") Duration warningBefore,
                            FreshSignInPolicy freshSignIn) {
        return new TimerPolicy(minDuration, maxDuration, warningBefore, freshSignIn);
    }

    @Bean
    EscalationSettings escalationSettings(@Value("${lineguard.escalation.ack-timeout}") Duration ackTimeout,
                                          @Value("${lineguard.nearby-radius-km}") double radiusKm,
                                          @Value("${lineguard.escalation.max-radius-km}") double maxRadiusKm,
                                          @Value("${lineguard.escalation.resolve-timeout}") Duration resolveTimeout) {
        return new EscalationSettings(ackTimeout, radiusKm, maxRadiusKm, resolveTimeout);
    }

    /**
     * A first start on an existing event store must not replay every past escalation as if it were new; after that,
     * the token in the database says where the policy stands.
     */
    @Autowired
    void escalationPolicyStartsAtTheHead(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessorConfiguration(EscalationPolicy.PROCESSOR, c ->
                TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
    }

    /** The armed-timer claim must be released in the same transaction as the event that ends the countdown. */
    @Autowired
    void armedTimersInTheCommandTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(ArmedTimers.PROCESSING_GROUP);
    }

    /** Likewise whether a crew member has an open emergency, which decides whether they can be rate-limited. */
    @Autowired
    void openEmergenciesInTheCommandTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(OpenEmergencies.PROCESSING_GROUP);
    }
}
