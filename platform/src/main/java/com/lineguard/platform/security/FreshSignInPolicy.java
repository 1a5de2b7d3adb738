package com.lineguard.platform.security;

import java.time.Duration;
import java.time.Instant;

/**
 * Step-up rule (API.md "Identity"): a call marked fresh sign-in needs {@code auth_time} no older than
 * {@code lineguard.security.reauth-max-age}. A phone left unlocked in a van must not be able to cancel a safety timer.
 */
public record FreshSignInPolicy(Duration maxAge) {

    public boolean isFresh(Instant signedInAt, Instant now) {
        if (signedInAt == null) {
            return false;
        }
        // A clock a little ahead on the identity provider's side must not lock the user out.
        return !signedInAt.isBefore(now.minus(maxAge)) && !signedInAt.isAfter(now.plusSeconds(60));
    }
}
