package com.lineguard.contracts.error;

import java.time.Duration;

/** A user called more often than their rate limit allows; nothing was changed, and retrying after a while will do. */
public class RateLimited extends Rejected {

    private final Duration retryAfter;

    public RateLimited(String detail, Duration retryAfter) {
        super(ErrorCode.RATE_LIMITED, detail);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds, at least one: what the {@code Retry-After} header says. */
    public long retryAfterSeconds() {
        long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
