package com.lineguard.command.outage;

import java.time.Instant;

/** Deadline payload: the ETR that passes at this instant. A later estimate makes an earlier one stale. */
public record EtrDue(Instant estimatedRestorationAt) {

    public static final String DEADLINE = "outage-etr-due";
}
