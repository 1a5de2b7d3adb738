package com.lineguard.platform.ratelimit;

import com.lineguard.contracts.error.RateLimited;
import com.lineguard.platform.security.Actor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * {@link RateLimitPolicy} for HTTP calls: each check passes or throws {@link RateLimited} (429 with
 * {@code Retry-After}). Called where a request is about to change something, after its body was validated, so a
 * malformed request costs nothing of the caller's budget.
 */
@Component
@EnableConfigurationProperties(RateLimitSettings.class)
public class RateLimits {

    private final RateLimitPolicy policy;
    private final Clock clock = Clock.systemUTC();

    public RateLimits(RateLimitSettings settings) {
        this.policy = new RateLimitPolicy(settings.location(), settings.alertCreation());
    }

    public void locationReport(Actor actor) {
        enforce(policy.locationReport(actor.id(), clock.instant()), "location reports");
    }

    public void alertCreation(Actor actor) {
        enforce(policy.alertCreation(actor.id(), clock.instant()), "new alerts");
    }

    public void emergency(Actor actor, boolean hasOpenEmergency) {
        enforce(policy.emergency(actor.id(), hasOpenEmergency, clock.instant()), "new alerts");
    }

    private static void enforce(RateLimitPolicy.Decision decision, String what) {
        decision.retryAfter().ifPresent(wait -> {
            throw new RateLimited("Too many " + what + " from you; nothing was changed. Retry later.", wait);
        });
    }
}
