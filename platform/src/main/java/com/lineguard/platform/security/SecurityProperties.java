package com.lineguard.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

@ConfigurationProperties("lineguard.security")
public record SecurityProperties(String rolesClaim, Duration reauthMaxAge) {

    public SecurityProperties {
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
        reauthMaxAge = reauthMaxAge == null ? Duration.ofMinutes(5) : reauthMaxAge;
    }
}
