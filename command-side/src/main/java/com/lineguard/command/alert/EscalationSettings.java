package com.lineguard.command.alert;

import java.time.Duration;

/**
 * The escalation policy as configured now. Each escalation copies it when it starts ({@code EscalationPolicyStarted});
 * changing the configuration later does not alter a running escalation.
 */
public record EscalationSettings(Duration ackTimeout, double radiusKm, double maxRadiusKm, Duration resolveTimeout) {

    /** The radius of the next round: doubled, up to the maximum. */
    public static double widened(double radiusKm, double maxRadiusKm) {
        return Math.min(radiusKm * 2, maxRadiusKm);
    }
}
