package com.lineguard.command.alert;

import com.lineguard.platform.security.FreshSignInPolicy;
import org.axonframework.config.EventProcessingConfigurer;
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
                            FreshSignInPolicy freshSignIn) {
        return new TimerPolicy(minDuration, maxDuration, freshSignIn);
    }

    /** The armed-timer claim must be released in the same transaction as the event that ends the countdown. */
    @Autowired
    void armedTimersInTheCommandTransaction(EventProcessingConfigurer processing) {
        processing.registerSubscribingEventProcessor(ArmedTimers.PROCESSING_GROUP);
    }
}
