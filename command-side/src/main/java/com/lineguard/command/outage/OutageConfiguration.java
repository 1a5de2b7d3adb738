package com.lineguard.command.outage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

@Configuration(proxyBeanMethods = false)
class OutageConfiguration {

    @Bean
    CustomerNotificationThrottle customerNotificationThrottle(
            @Value("${lineguard.customer-notifications.etr-threshold}") Duration etrThreshold,
            @Value("${lineguard.customer-notifications.min-interval}") Duration minInterval) {
        return new CustomerNotificationThrottle(etrThreshold, minInterval);
    }
}
