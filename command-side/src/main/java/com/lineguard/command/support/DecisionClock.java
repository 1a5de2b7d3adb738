package com.lineguard.command.support;

import org.axonframework.eventhandling.GenericEventMessage;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The time of a decision, to the millisecond as the API shows it; Axon's event clock, so fixtures can move time. */
public final class DecisionClock {

    private DecisionClock() {
    }

    public static Instant now() {
        return GenericEventMessage.clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
