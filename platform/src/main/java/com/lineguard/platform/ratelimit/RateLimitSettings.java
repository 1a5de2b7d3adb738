package com.lineguard.platform.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code lineguard.rate-limits.*}: defaults in lineguard-defaults.properties, generous enough for normal use. */
@ConfigurationProperties("lineguard.rate-limits")
public record RateLimitSettings(RateLimitPolicy.Limit location, RateLimitPolicy.Limit alertCreation) {
}
