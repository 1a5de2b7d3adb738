package com.lineguard.platform.axon;

import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's default logs a failing event handler and skips the event: a projection would silently miss an alert. Here
 * a failure propagates: a subscribing handler fails the command that caused it, a streaming processor stops and
 * retries the event with back-off (visible in the logs and in projection lag) until it is fixed.
 */
@Configuration(proxyBeanMethods = false)
public class EventHandlerFailures {

    @Autowired
    void propagate(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        processing.registerDefaultErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
