package com.lineguard.command.alert;

import java.util.UUID;

/** The rule "one armed timer per crew member" needs to see across alerts; {@link ArmedTimers} keeps it. */
@FunctionalInterface
public interface TimerClaims {

    /** False when the crew member already has an armed timer. */
    boolean claim(String crewMemberId, UUID alertId);
}
